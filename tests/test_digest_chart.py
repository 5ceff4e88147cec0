"""The digest's weekly bar chart: a real PNG, and a text fallback for where images are not shown."""

from __future__ import annotations

import struct
import zlib

import pytest

from digest.chart import bar_chart_png, text_chart

WHITE = (255, 255, 255)


def read_png(data: bytes) -> tuple[int, int, list[list[tuple[int, int, int]]]]:
    """Width, height and RGB rows of an 8-bit indexed PNG, checking every chunk's CRC."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    chunks: dict[bytes, bytes] = {}
    position = 8
    while position < len(data):
        (length,) = struct.unpack(">I", data[position : position + 4])
        kind, body = data[position + 4 : position + 8], data[position + 8 : position + 8 + length]
        (crc,) = struct.unpack(">I", data[position + 8 + length : position + 12 + length])
        assert crc == zlib.crc32(kind + body), kind
        chunks[kind] = chunks.get(kind, b"") + body
        position += 12 + length
    assert list(chunks)[0] == b"IHDR" and list(chunks)[-1] == b"IEND"
    width, height, depth, colour_type = struct.unpack(">IIBB", chunks[b"IHDR"][:10])
    assert (depth, colour_type) == (8, 3)
    palette = [tuple(chunks[b"PLTE"][i : i + 3]) for i in range(0, len(chunks[b"PLTE"]), 3)]
    raw = zlib.decompress(chunks[b"IDAT"])
    assert len(raw) == height * (width + 1)
    rows = []
    for y in range(height):
        line = raw[y * (width + 1) : (y + 1) * (width + 1)]
        assert line[0] == 0  # no filter
        rows.append([palette[index] for index in line[1:]])
    return width, height, rows


def bars(data: bytes) -> list[tuple[int, set[tuple[int, int, int]]]]:
    """Each drawn bar, left to right, as (height in pixels, its colours), found above the baseline."""
    width, _, rows = read_png(data)
    # The baseline runs (nearly) edge to edge; bars leave gaps between them.
    baseline = next(y for y, row in enumerate(rows) if sum(pixel != WHITE for pixel in row) > width * 9 // 10)
    above = rows[:baseline]
    drawn = [x for x in range(width) if any(row[x] != WHITE for row in above)]
    found, run = [], []
    for x in drawn:
        if run and x != run[-1] + 1:
            found.append(run)
            run = []
        run.append(x)
    if run:
        found.append(run)
    return [
        (
            max(sum(row[x] != WHITE for row in above) for x in columns),
            {row[x] for row in above for x in columns} - {WHITE},
        )
        for columns in found
    ]


def test_the_png_is_valid_and_has_the_asked_size():
    width, height, _ = read_png(bar_chart_png([3, 5, 8]))
    assert (width, height) == (480, 160)
    width, height, _ = read_png(bar_chart_png([3, 5, 8], width=200, height=90))
    assert (width, height) == (200, 90)


def test_bars_grow_with_their_values_and_this_week_stands_out():
    drawn = bars(bar_chart_png([2, 4, 8]))
    heights = [height for height, _ in drawn]
    assert heights[0] < heights[1] < heights[2]
    assert abs(heights[1] * 2 - heights[2]) <= 2  # scaled to the largest
    assert drawn[0][1] == drawn[1][1]
    assert drawn[2][1].isdisjoint(drawn[0][1])  # the accent colour


def test_a_week_under_the_threshold_is_a_short_stub_unlike_a_bar_and_a_zero_week_has_none():
    drawn = bars(bar_chart_png([4, None, 0, 4]))
    assert len(drawn) == 3  # the zero week draws nothing above the baseline
    (bar_height, bar_colours), (stub_height, stub_colours), _ = drawn
    assert stub_height < bar_height // 4
    assert stub_colours.isdisjoint(bar_colours)


@pytest.mark.parametrize(
    ("values", "expected_bars"),
    [
        ([None] * 8, 8),
        ([0] * 8, 0),
        ([5], 1),
        ([], 0),
        ([10**30, 1, None, 10**29], 4),
    ],
)
def test_edge_inputs_still_give_a_chart(values, expected_bars):
    assert len(bars(bar_chart_png(values))) == expected_bars


def test_a_tiny_week_beside_a_huge_one_is_still_visible():
    drawn = bars(bar_chart_png([10**30, 1]))
    assert drawn[1][0] >= 2
    assert drawn[0][0] > 100


def test_more_weeks_than_pixels_does_not_fail():
    width, _, _ = read_png(bar_chart_png(list(range(1000)), width=64, height=32))
    assert width == 64


def test_nonsense_sizes_and_counts_are_refused():
    with pytest.raises(ValueError):
        bar_chart_png([1, 2], width=0)
    with pytest.raises(ValueError):
        bar_chart_png([1, 2], height=100_000)
    with pytest.raises(ValueError):
        bar_chart_png([1, -2])


def test_the_text_chart_has_one_line_per_week_with_label_bar_and_number():
    lines = text_chart([10, 5, None, 0], ["26 Oct", "2 Nov", "9 Nov", "16 Nov"]).splitlines()
    assert len(lines) == 4
    assert lines[0].startswith("26 Oct ") and lines[0].endswith(" 10")
    assert lines[2].startswith("9 Nov") and lines[2].endswith(" –")
    assert lines[3].endswith(" 0")
    full, half = lines[0].count("█"), lines[1].count("█")
    assert full == 20 and half == 10
    assert "█" not in lines[2] and "█" not in lines[3]
    # Numbers line up in a monospace font.
    assert len({len(line) - len(line.split()[-1]) for line in lines}) == 1


def test_a_small_week_still_gets_a_sliver_in_the_text_chart():
    line = text_chart([1000, 1], ["a", "b"]).splitlines()[1]
    assert line.split()[1] in "▏▎▍▌▋▊▉"


def test_text_chart_lines_stay_short_for_slack():
    labels = ["a very long label for a week"] * 3
    for line in text_chart([10**12, 3, None], labels).splitlines():
        assert len(line) < 60


def test_text_chart_needs_a_label_per_value():
    with pytest.raises(ValueError):
        text_chart([1, 2], ["only one"])
