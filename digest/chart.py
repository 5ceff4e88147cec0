"""The digest's chart of the last weeks: a PNG drawn with Pillow, and a text fallback.

Pillow rather than matplotlib: it adds 21 MB to the install against 179 MB (matplotlib brings numpy,
and Pillow too), and draws and encodes a chart in about 6 ms against about 85 ms (bench/chart_speed.py).
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from datetime import date
from functools import cache

from PIL import Image, ImageDraw, ImageFont

from coach.i18n import translate
from digest.content import Digest
from digest.week_labels import week_label

SCALE = 2  # drawn at twice the size Slack shows it, so it stays sharp on high-density screens
WIDTH, HEIGHT = 600 * SCALE, 300 * SCALE
PAD = 16 * SCALE
TITLE_SIZE, COUNT_SIZE, LABEL_SIZE = 15 * SCALE, 14 * SCALE, 12 * SCALE
BASELINE_Y = 252 * SCALE  # the top row of the baseline; bars stand on it
BASELINE_THICKNESS = 2 * SCALE
TALLEST = 182 * SCALE  # the largest week's bar; the title and its count fit above it
SMALLEST = 2 * SCALE  # a week with a few no's beside a busy one stays visible
STUB_HEIGHT = 24 * SCALE
TEXT_GAP = 6 * SCALE
BAR_SHARE = 0.6  # of a week's column; the rest is the gap between bars
HATCH_STEP = 6 * SCALE
EDGE_STEPS = 12  # shades between the card and a text colour: enough that no edge takes a bar's colour

# An opaque light card reads the same on Slack's light and dark themes.
CARD = (255, 255, 255)
TEXT = (29, 28, 29)
BAR = (148, 163, 184)
HIDDEN = (100, 116, 139)  # a hidden week's stub
BASELINE = (71, 85, 105)
ACCENT = (234, 88, 12)  # this week's bar
ACCENT_TEXT = (194, 65, 12)  # this week's words: darker than the bar, to stay readable on the card

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


@cache
def _font(size: int) -> ImageFont.FreeTypeFont:
    # Pillow's built-in font: the same in every install, offline, whatever fonts the system has.
    return ImageFont.load_default(size=size)


@cache
def _palette() -> Image.Image:
    """The chart's colours, and steps from the card to each text colour for the text's smooth edges.

    Shapes are drawn without smoothing, so only text makes in-between shades; with steps this fine, each
    shade's nearest colour is on its own text's ramp, never a bar's, a stub's or the baseline's.
    """
    colours = [CARD, TEXT, BAR, HIDDEN, BASELINE, ACCENT, ACCENT_TEXT]
    for ink in (TEXT, ACCENT_TEXT):
        colours += [
            tuple(round(card + (channel - card) * step / EDGE_STEPS) for card, channel in zip(CARD, ink, strict=True))
            for step in range(1, EDGE_STEPS)
        ]
    palette = Image.new("P", (1, 1))
    palette.putpalette([channel for colour in colours for channel in colour])
    return palette


@cache
def _hidden_stub(width: int, colour: tuple[int, int, int]) -> Image.Image:
    """An outlined, hatched stub: clearly "no number shown", never mistaken for a low bar or a zero."""
    stub = Image.new("RGB", (width, STUB_HEIGHT), CARD)
    draw = ImageDraw.Draw(stub)
    for x in range(-STUB_HEIGHT, width, HATCH_STEP):
        draw.line([(x, STUB_HEIGHT), (x + STUB_HEIGHT, 0)], fill=colour, width=SCALE)
    draw.rectangle([0, 0, width - 1, STUB_HEIGHT - 1], outline=colour, width=SCALE)
    return stub


def _draw_bar(image: Image.Image, left: int, width: int, count: int | None, largest: int, this_week: bool) -> int:
    """A week's bar, or its stub when hidden; returns the top, where the words above it go."""
    if count is None:
        image.paste(_hidden_stub(width, ACCENT if this_week else HIDDEN), (left, BASELINE_Y - STUB_HEIGHT))
        return BASELINE_Y - STUB_HEIGHT
    if count == 0:
        return BASELINE_Y  # no bar, only its "0"
    # Integer arithmetic scales any size of count exactly.
    top = BASELINE_Y - max(SMALLEST, count * TALLEST // largest)
    image.paste(ACCENT if this_week else BAR, (left, top, left + width, BASELINE_Y))
    return top


def _draw_words(
    draw: ImageDraw.ImageDraw, lang: str, centre: float, top: int, week: tuple[date, int | None], this_week: bool
) -> None:
    """The count (or "hidden") above a week's bar, and the week's label below the baseline."""
    week_start, count = week
    if count is None:
        above, above_font = translate(lang, "digest.chart_hidden"), _font(LABEL_SIZE)
    else:
        above, above_font = str(count), _font(COUNT_SIZE)
    colour, bold = TEXT, {}
    if this_week:
        colour = ACCENT_TEXT
        bold = {"stroke_width": SCALE // 2, "stroke_fill": ACCENT_TEXT}
    draw.text((centre, top - TEXT_GAP), above, font=above_font, fill=colour, anchor="ms", **bold)
    label_top = BASELINE_Y + BASELINE_THICKNESS + TEXT_GAP
    label, label_font = week_label(lang, week_start), _font(LABEL_SIZE)
    draw.text((centre, label_top), label, font=label_font, fill=colour, anchor="ma", **bold)
    if this_week:
        below = (centre, label_top + LABEL_SIZE + TEXT_GAP // 2)
        draw.text(below, translate(lang, "digest.chart_this_week"), font=label_font, fill=ACCENT_TEXT, anchor="ma")


def _chart(lang: str, history: Sequence[tuple[date, int | None]]) -> Image.Image:
    largest = _largest([count for _, count in history])
    image = Image.new("RGB", (WIDTH, HEIGHT), CARD)
    draw = ImageDraw.Draw(image)
    draw.text((PAD, PAD), translate(lang, "digest.chart_title"), font=_font(TITLE_SIZE), fill=TEXT)
    draw.rectangle([PAD, BASELINE_Y, WIDTH - PAD - 1, BASELINE_Y + BASELINE_THICKNESS - 1], fill=BASELINE)
    column = (WIDTH - 2 * PAD) / max(1, len(history))
    bar_width = max(1, round(column * BAR_SHARE))
    for index, week in enumerate(history):
        this_week = index == len(history) - 1
        centre = PAD + column * (index + 0.5)
        top = _draw_bar(image, round(centre - bar_width / 2), bar_width, week[1], largest, this_week)
        _draw_words(draw, lang, centre, top, week, this_week)
    # A few dozen exact colours: as a palette PNG it is under half the bytes of an RGB one, and quicker to encode.
    return image.quantize(palette=_palette(), dither=Image.Dither.NONE)


def digest_chart_png(digest: Digest) -> bytes:
    """The digest's weeks as a bar chart, this week (the last) highlighted, as PNG bytes.

    Each week is labelled with its Monday in the digest's language and each shown week carries its
    count; a week under the anonymity threshold is a hatched stub marked "hidden", never a zero.
    """
    buffer = io.BytesIO()
    # zlib level 3 rather than 6: about 4 KB more (13 KB) for a p99 about 3 ms lower.
    _chart(digest.lang, digest.history).save(buffer, "PNG", compress_level=3)
    return buffer.getvalue()


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
