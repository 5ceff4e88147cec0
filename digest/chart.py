"""The digest's small weekly bar chart: a PNG written by hand (zlib + struct), and a text fallback."""

from __future__ import annotations

import struct
import zlib
from collections.abc import Sequence

# Palette indices; the PNG is indexed colour, one byte per pixel.
BACKGROUND, BAR, ACCENT, STUB, BASELINE = range(5)
PALETTE = (
    (255, 255, 255),  # background
    (148, 163, 184),  # an earlier week
    (234, 88, 12),  # this week
    (100, 116, 139),  # a week under the anonymity threshold, drawn chequered
    (71, 85, 105),  # baseline
)
MARGIN = 8
BASELINE_THICKNESS = 2
STUB_HEIGHT = 8
MIN_SIDE, MAX_SIDE = 32, 2048

TEXT_BAR_WIDTH = 20
TEXT_LABEL_WIDTH = 12
EIGHTHS = ("", "▏", "▎", "▍", "▌", "▋", "▊", "▉")
FULL_BLOCK = "█"


def _largest(values: Sequence[int | None]) -> int:
    """The largest value, 0 when there is none; a negative count is a caller's bug."""
    known = [value for value in values if value is not None]
    if any(value < 0 for value in known):
        raise ValueError("a chart counts no's and cannot show a negative number")
    return max(known, default=0)


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def _png(pixels: list[bytearray], width: int, height: int) -> bytes:
    header = struct.pack(">IIBBBBB", width, height, 8, 3, 0, 0, 0)  # 8-bit indexed, no interlace
    palette = b"".join(bytes(colour) for colour in PALETTE)
    raw = b"".join(b"\x00" + bytes(row) for row in pixels)  # filter type 0 on every row
    return (
        b"\x89PNG\r\n\x1a\n"
        + _chunk(b"IHDR", header)
        + _chunk(b"PLTE", palette)
        + _chunk(b"IDAT", zlib.compress(raw, 9))
        + _chunk(b"IEND", b"")
    )


def bar_chart_png(values: Sequence[int | None], width: int = 480, height: int = 160) -> bytes:
    """One bar per week scaled to the largest, this week (the last) in the accent colour.

    A week under the anonymity threshold (None) gets a short chequered stub, so it reads as
    "not shown" rather than as zero; a zero week has no bar above the baseline.
    """
    if not (MIN_SIDE <= width <= MAX_SIDE and MIN_SIDE <= height <= MAX_SIDE):
        raise ValueError(f"a chart is {MIN_SIDE} to {MAX_SIDE} pixels a side, not {width}x{height}")
    largest = _largest(values)
    pixels = [bytearray(width) for _ in range(height)]
    base = height - MARGIN - BASELINE_THICKNESS  # the first baseline row; bars stand on it
    tallest = base - MARGIN
    plot_width = width - 2 * MARGIN

    def fill(left: int, right: int, top: int, colour: int, chequered: bool = False) -> None:
        for y in range(top, base):
            start = left + (left + y) % 2 if chequered else left
            for x in range(start, right, 2 if chequered else 1):
                pixels[y][x] = colour

    for index, value in enumerate(values):
        left = MARGIN + index * plot_width // len(values)
        right = MARGIN + (index + 1) * plot_width // len(values)
        gap = (right - left) // 5
        left, right = left + gap, max(left + gap + 1, right - gap)
        this_week = index == len(values) - 1
        if value is None:
            fill(left, right, base - STUB_HEIGHT, ACCENT if this_week else STUB, chequered=True)
        elif value > 0:
            # Integer arithmetic scales any size of count; a small non-zero week stays visible.
            fill(left, right, base - max(2, value * tallest // largest), ACCENT if this_week else BAR)
    for y in range(base, base + BASELINE_THICKNESS):
        pixels[y][MARGIN : width - MARGIN] = bytes([BASELINE]) * plot_width
    return _png(pixels, width, height)


def _text_bar(value: int, largest: int) -> str:
    eighths = value * TEXT_BAR_WIDTH * 8 // largest if largest else 0
    if value > 0:
        eighths = max(1, eighths)
    return FULL_BLOCK * (eighths // 8) + EIGHTHS[eighths % 8]


def text_chart(values: Sequence[int | None], labels: Sequence[str]) -> str:
    """A monospace chart, one line per week: label, bar, number ("–" for a week under the threshold)."""
    if len(values) != len(labels):
        raise ValueError(f"{len(values)} values but {len(labels)} labels")
    largest = _largest(values)
    width = min(TEXT_LABEL_WIDTH, max((len(label) for label in labels), default=0))
    lines = []
    for value, label in zip(values, labels, strict=True):
        bar = "" if value is None else _text_bar(value, largest)
        number = "–" if value is None else str(value)
        lines.append(f"{label[:width]:<{width}} {bar:<{TEXT_BAR_WIDTH}} {number}")
    return "\n".join(lines)
