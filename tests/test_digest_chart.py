"""The digest's weekly bar chart: a PNG a person can read, and a text fallback for where images are not shown.

The PNG is decoded with Pillow and looked at the way a reader would: where the baseline runs, what
stands in each week's column above it, and what is written below it.
"""

from __future__ import annotations

import io
from dataclasses import replace
from datetime import date

import pytest
from PIL import Image

from digest.chart import ACCENT, BAR, BASELINE, HIDDEN, digest_chart_png, text_chart
from digest.content import HISTORY_WEEKS, Digest, WeekActivity, build_digest
from digest.week_labels import week_label
from digest.weeks import previous_weeks

THIS_WEEK = date(2026, 11, 23)
SHOWN = [5, 8, 3, 6, 7, 2, 9, 4]


def digest_with(counts: list[int | None], lang: str = "en") -> Digest:
    weeks = previous_weeks(THIS_WEEK, len(counts))
    base = build_digest(lang, THIS_WEEK, {}, WeekActivity(0, 0), None, 3)
    return replace(base, history=tuple(zip(weeks, counts, strict=True)))


class Chart:
    """A decoded chart, cut into the columns a reader sees: one per week along the baseline."""

    def __init__(self, data: bytes, weeks: int = HISTORY_WEEKS) -> None:
        image = Image.open(io.BytesIO(data))
        assert image.format == "PNG"
        self.image = image.convert("RGB")
        self.width, self.height = self.image.size
        # The baseline runs across the chart, through the middle; the weeks share its length equally.
        rows = [y for y in range(self.height) if self.image.getpixel((self.width // 2, y)) == BASELINE]
        self.baseline, self.below = rows[0], rows[-1] + 1
        along = [x for x in range(self.width) if self.image.getpixel((x, self.baseline)) == BASELINE]
        left, right = along[0], along[-1] + 1
        assert right - left > self.width * 9 // 10
        self.columns = [
            (left + (right - left) * i // weeks, left + (right - left) * (i + 1) // weeks) for i in range(weeks)
        ]

    def above(self, week: int) -> Image.Image:
        """What stands on the baseline in a week's column: its bar or stub and the words over it."""
        left, right = self.columns[week]
        return self.image.crop((left, self.height // 5, right, self.baseline))

    def label(self, week: int) -> Image.Image:
        left, right = self.columns[week]
        return self.image.crop((left, self.below, right, self.height))

    def bar_height(self, week: int) -> int:
        """Pixels of bar colour straight up from the baseline in the column's middle."""
        left, right = self.columns[week]
        middle, height = (left + right) // 2, 0
        while self.image.getpixel((middle, self.baseline - 1 - height)) in (BAR, ACCENT):
            height += 1
        return height


def colours(region: Image.Image) -> set[tuple[int, int, int]]:
    return {colour for _, colour in region.getcolors(region.width * region.height)}


def ink(region: Image.Image) -> int:
    """Dark pixels, such as text on the light card."""
    return sum(region.convert("L").histogram()[:128])


def test_the_chart_is_a_small_sharp_png_on_an_opaque_card():
    data = digest_chart_png(digest_with(SHOWN))
    chart = Chart(data)
    # 600x300 as Slack shows it, drawn at twice that for high-density screens.
    assert (chart.width, chart.height) == (1200, 600)
    assert len(data) < 20_000
    # No transparency: the card reads the same on Slack's light and dark themes.
    assert Image.open(io.BytesIO(data)).info.get("transparency") is None
    assert chart.image.getpixel((0, 0)) == chart.image.getpixel((chart.width - 1, chart.height - 1)) == (255, 255, 255)


def test_bars_grow_with_their_counts():
    chart = Chart(digest_chart_png(digest_with([2, 4, 8, 8, 8, 8, 8, 8])))
    heights = [chart.bar_height(week) for week in range(3)]
    assert 0 < heights[0] < heights[1] < heights[2]
    assert abs(heights[0] * 4 - heights[2]) <= 4  # scaled to the largest


def test_only_this_weeks_bar_has_the_highlight_colour():
    chart = Chart(digest_chart_png(digest_with(SHOWN)))
    assert ACCENT in colours(chart.above(7))
    for week in range(7):
        assert BAR in colours(chart.above(week))
        assert ACCENT not in colours(chart.above(week)) | colours(chart.label(week))


def test_a_hidden_week_is_drawn_as_hidden_not_as_zero_and_not_like_a_shown_week():
    chart = Chart(digest_chart_png(digest_with([4, None, 0, 4, 4, 4, 4, 4])))
    shown, hidden, zero = chart.above(0), chart.above(1), chart.above(2)
    assert HIDDEN in colours(hidden) and BAR not in colours(hidden)
    assert HIDDEN not in colours(zero) | colours(shown)
    assert BAR not in colours(zero) and chart.bar_height(2) == 0
    # A zero week is its "0" on the baseline; a hidden one is a stub and a word, which takes more room.
    assert ink(zero) > 0
    hidden_rows = {y for y in range(hidden.height) for x in range(hidden.width) if hidden.getpixel((x, y)) == HIDDEN}
    assert len(hidden_rows) > chart.height // 20
    assert hidden.tobytes() != zero.tobytes()


def test_every_week_has_its_label_and_every_shown_week_its_count():
    chart = Chart(digest_chart_png(digest_with([5, None, 0, 6, 7, 2, 9, 4])))
    for week in range(HISTORY_WEEKS):
        assert ink(chart.label(week)) > 100, week
    for week in (0, 2, 3, 4, 5, 6, 7):
        left, right = chart.columns[week]
        top = chart.baseline - chart.bar_height(week)
        over_the_bar = chart.image.crop((left, top - chart.height // 12, right, top))
        assert ink(over_the_bar) > 50, week


def test_a_different_count_is_written_differently():
    one, other = (Chart(digest_chart_png(digest_with([5, 8, 3, 6, 7, 2, 9, count]))) for count in (4, 5))
    assert one.above(7).tobytes() != other.above(7).tobytes()
    assert one.above(0).tobytes() == other.above(0).tobytes()


def test_the_dutch_chart_differs_from_the_english_one_only_in_its_words():
    counts = [5, None, 3, 6, 7, 2, 9, 4]
    english, dutch = (Chart(digest_chart_png(digest_with(counts, lang))) for lang in ("en", "nl"))
    for week in range(HISTORY_WEEKS):
        # "5 Oct" and "5 okt": every label differs, if only in its capital.
        assert english.label(week).tobytes() != dutch.label(week).tobytes(), week
    assert english.above(1).tobytes() != dutch.above(1).tobytes()  # "hidden", "verborgen"
    for week in (0, 2, 3, 4, 5, 6, 7):
        assert english.above(week).tobytes() == dutch.above(week).tobytes(), week


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_week_labels_name_the_monday_in_the_language(lang):
    assert [week_label(lang, date(2026, month, 2)) for month in (3, 5, 10)] == {
        "en": ["2 Mar", "2 May", "2 Oct"],
        "nl": ["2 mrt", "2 mei", "2 okt"],
    }[lang]
    assert week_label(lang, date(2026, 12, 28)).startswith("28 ")


def test_all_hidden_weeks_draw_as_stubs_with_this_week_still_marked():
    chart = Chart(digest_chart_png(digest_with([None] * HISTORY_WEEKS)))
    for week in range(HISTORY_WEEKS - 1):
        assert HIDDEN in colours(chart.above(week)) and BAR not in colours(chart.above(week))
    assert ACCENT in colours(chart.above(7))


def test_all_zero_weeks_draw_no_bars_but_every_zero():
    chart = Chart(digest_chart_png(digest_with([0] * HISTORY_WEEKS)))
    for week in range(HISTORY_WEEKS):
        assert chart.bar_height(week) == 0
        assert not {BAR, ACCENT, HIDDEN} & colours(chart.above(week))
        assert ink(chart.above(week)) > 0


def test_a_tiny_week_beside_a_huge_one_is_still_visible():
    chart = Chart(digest_chart_png(digest_with([10**30, 1, 0, 0, 0, 0, 0, 10**29])))
    assert chart.bar_height(1) >= 2
    assert chart.bar_height(0) > 10 * chart.bar_height(7) > 100


def test_a_negative_count_is_refused():
    with pytest.raises(ValueError):
        digest_chart_png(digest_with([1, -2, 3, 4, 5, 6, 7, 8]))


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
