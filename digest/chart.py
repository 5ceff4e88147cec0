"""The digest's chart of the last weeks: a PNG drawn with Pillow, and a text fallback.

Pillow rather than matplotlib: it adds 21 MB to the install against 179 MB (matplotlib brings numpy,
and Pillow too), and draws and encodes a chart in about 6 ms against about 85 ms (bench/chart_speed.py).
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from datetime import date
from functools import cache, lru_cache

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


def _index(colour: tuple[int, int, int]) -> int:
    """A chart colour's place in the palette (shapes are painted straight into the palette image)."""
    return [CARD, TEXT, BAR, HIDDEN, BASELINE, ACCENT, ACCENT_TEXT].index(colour)


def _in_palette(image: Image.Image) -> Image.Image:
    # Per pixel, to the nearest colour: text edges land on their own text's ramp.
    return image.quantize(palette=_palette(), dither=Image.Dither.NONE)


@cache
def _hidden_stub(width: int, colour: tuple[int, int, int]) -> Image.Image:
    """An outlined, hatched stub: clearly "no number shown", never mistaken for a low bar or a zero."""
    stub = Image.new("RGB", (width, STUB_HEIGHT), CARD)
    draw = ImageDraw.Draw(stub)
    for x in range(-STUB_HEIGHT, width, HATCH_STEP):
        draw.line([(x, STUB_HEIGHT), (x + STUB_HEIGHT, 0)], fill=colour, width=SCALE)
    draw.rectangle([0, 0, width - 1, STUB_HEIGHT - 1], outline=colour, width=SCALE)
    return _in_palette(stub)


@cache
def _words(
    text: str, size: int, colour: tuple[int, int, int], bold: bool, anchor: str
) -> tuple[Image.Image, tuple[int, int]]:
    """`text` drawn once on the card's colour, and where its box sits from the point it is anchored at.

    Ten thousand charts are drawn in one minute and their words repeat (the weeks, "hidden", the counts):
    each is drawn and put in the palette once, then pasted.
    """
    font = _font(size)
    width = SCALE // 2 if bold else 0
    stroke = {"stroke_width": width, "stroke_fill": colour} if bold else {}
    left, top, right, bottom = font.getbbox(text, anchor=anchor, stroke_width=width)
    tile = Image.new("RGB", (max(1, right - left), max(1, bottom - top)), CARD)
    ImageDraw.Draw(tile).text((-left, -top), text, font=font, fill=colour, anchor=anchor, **stroke)
    return _in_palette(tile), (left, top)


def _write(image: Image.Image, at: tuple[int, int], text: str, size: int, this_week: bool, anchor: str) -> None:
    """`text` at `at` in a week's colour: this week's words in bold accent, the others plain."""
    tile, (left, top) = _words(text, size, ACCENT_TEXT if this_week else TEXT, this_week, anchor)
    image.paste(tile, (at[0] + left, at[1] + top))


def _centres(weeks: int) -> list[int]:
    column = (WIDTH - 2 * PAD) / max(1, weeks)
    return [round(PAD + column * (index + 0.5)) for index in range(weeks)]


@lru_cache(maxsize=64)
def _frame(lang: str, weeks: tuple[date, ...]) -> Image.Image:
    """What every digest of these weeks shares: the card, the title, the baseline and the week labels."""
    frame = Image.new("RGB", (WIDTH, HEIGHT), CARD)
    draw = ImageDraw.Draw(frame)
    draw.text((PAD, PAD), translate(lang, "digest.chart_title"), font=_font(TITLE_SIZE), fill=TEXT)
    draw.rectangle([PAD, BASELINE_Y, WIDTH - PAD - 1, BASELINE_Y + BASELINE_THICKNESS - 1], fill=BASELINE)
    frame = _in_palette(frame)
    label_top = BASELINE_Y + BASELINE_THICKNESS + TEXT_GAP
    for index, (centre, week_start) in enumerate(zip(_centres(len(weeks)), weeks, strict=True)):
        this_week = index == len(weeks) - 1
        _write(frame, (centre, label_top), week_label(lang, week_start), LABEL_SIZE, this_week, "ma")
        if this_week:
            below = (centre, label_top + LABEL_SIZE + TEXT_GAP // 2)
            tile, (left, top) = _words(translate(lang, "digest.chart_this_week"), LABEL_SIZE, ACCENT_TEXT, False, "ma")
            frame.paste(tile, (below[0] + left, below[1] + top))
    return frame


def _draw_bar(image: Image.Image, left: int, width: int, count: int | None, largest: int, this_week: bool) -> int:
    """A week's bar, or its stub when hidden; returns the top, where the words above it go."""
    if count is None:
        image.paste(_hidden_stub(width, ACCENT if this_week else HIDDEN), (left, BASELINE_Y - STUB_HEIGHT))
        return BASELINE_Y - STUB_HEIGHT
    if count == 0:
        return BASELINE_Y  # no bar, only its "0"
    # Integer arithmetic scales any size of count exactly.
    top = BASELINE_Y - max(SMALLEST, count * TALLEST // largest)
    image.paste(_index(ACCENT if this_week else BAR), (left, top, left + width, BASELINE_Y))
    return top


def _chart(lang: str, history: Sequence[tuple[date, int | None]]) -> Image.Image:
    largest = _largest([count for _, count in history])
    image = _frame(lang, tuple(week for week, _ in history)).copy()
    bar_width = max(1, round((WIDTH - 2 * PAD) / max(1, len(history)) * BAR_SHARE))
    for index, (centre, (_, count)) in enumerate(zip(_centres(len(history)), history, strict=True)):
        this_week = index == len(history) - 1
        top = _draw_bar(image, round(centre - bar_width / 2), bar_width, count, largest, this_week)
        if count is None:
            above, size = translate(lang, "digest.chart_hidden"), LABEL_SIZE
        else:
            above, size = str(count), COUNT_SIZE
        _write(image, (centre, top - TEXT_GAP), above, size, this_week, "ms")
    return image


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
