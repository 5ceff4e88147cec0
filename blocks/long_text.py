"""Text longer than one section holds, over as many sections as it needs, so no word is cut off.

Slack refuses a section whose text is over 3,000 characters, counted after escaping: `&` becomes
`&amp;`, so a person's 2,000 characters can take 10,000. Text is cut at a line break or a space
where it can be, never inside an escaped character; Nope's own words around a person's are kept
whole, and formatting around a person's words (`*{step}*`) is closed before a cut and opened again
after it, so both halves read as they would have in one piece.
"""

from __future__ import annotations

from dataclasses import dataclass
from string import Formatter

from blocks.kit import Block, section
from blocks.mrkdwn import escape
from coach.i18n import catalog

SECTION_TEXT_MAX = 3000
# The mrkdwn marks that can wrap a value in a catalog text: bold, italic, strikethrough.
MARKS = "*_~"
# The longest escaped character, `&amp;`.
ESCAPED_MAX = 5


@dataclass(frozen=True)
class Cuttable:
    """Text that may be cut between sections: `reopen` starts every piece but the first, `close` ends every
    piece but the last."""

    text: str
    reopen: str = ""
    close: str = ""


# A plain string is kept whole: it moves on to the next section rather than being cut.
Part = str | Cuttable


def _separator_before(window: str) -> int:
    """Where to cut `window`'s text: at its last line break in the second half, else its last space; 0 for neither."""
    line_break = window.rfind("\n")
    if line_break > len(window) // 2:
        return line_break
    return max(window.rfind(" "), line_break, 0)


def _anywhere_before(text: str, at: int) -> int:
    """`at`, or a little earlier so as not to cut an escaped character (`&amp;`) in two."""
    ampersand = text.rfind("&", max(at - ESCAPED_MAX + 1, 1), at)
    return ampersand if ampersand > 0 else at


def _cut(text: str, room: int, *, after: int, anywhere: bool) -> tuple[int, int]:
    """Where the first piece of `text` ends (past `after`) and the next begins, a separator between them dropped.

    (0, 0) when no separator fits in `room` and cutting `anywhere` is not allowed.
    """
    separator = _separator_before(text[: room + 1])
    if separator > after:
        return separator, separator + 1
    if not anywhere:
        return 0, 0
    end = _anywhere_before(text, room)
    return end, end


def _pack(parts: list[Part], limit: int) -> list[str]:
    """The texts of the sections `parts` fill, each at most `limit` characters."""
    texts: list[str] = []
    current = ""
    for part in parts:
        cuttable = part if isinstance(part, Cuttable) else Cuttable(part)
        # A cuttable's text starts with what `reopen` repeats: its first piece must hold more than that.
        rest, after = cuttable.text, len(cuttable.reopen)
        while len(current) + len(rest) > limit:
            alone = current in ("", cuttable.reopen)
            room = limit - len(current) - len(cuttable.close)
            may_cut = isinstance(part, Cuttable) or alone
            end, resume = _cut(rest, room, after=after, anywhere=alone) if may_cut else (0, 0)
            if end == 0:  # it does not fit here: it starts the next section
                texts.append(current)
                current = ""
                continue
            piece = rest[:end].rstrip() if cuttable.close else rest[:end]
            texts.append(current + piece + cuttable.close)
            rest, after = rest[resume:], 0
            if rest == cuttable.close:
                rest = ""
            current = cuttable.reopen if rest else ""
        current += rest
    texts.append(current)
    return [text for text in texts if text.strip()]


def sections(*parts: Part, accessory: Block | None = None) -> list[Block]:
    """`parts` run together as one section, or as several when they are longer than one holds.

    The accessory (a button) sits beside the first.
    """
    texts = _pack(list(parts), SECTION_TEXT_MAX)
    return [section(text, accessory=accessory if index == 0 else None) for index, text in enumerate(texts)]


def _marked(parts: list[Part]) -> list[Part]:
    """Each value with the marks around it in the text (`*{step}*`) taken inside it, to reopen after a cut."""
    for index in range(1, len(parts) - 1):
        before, value, after = parts[index - 1], parts[index], parts[index + 1]
        if not (isinstance(value, Cuttable) and isinstance(before, str) and isinstance(after, str)):
            continue
        opening = before[len(before.rstrip(MARKS)) :]
        if opening and after.startswith(opening[::-1]):
            parts[index - 1], parts[index + 1] = before[: -len(opening)], after[len(opening) :]
            parts[index] = Cuttable(opening + value.text + opening[::-1], reopen=opening, close=opening[::-1])
    return parts


def filled_sections(lang: str, key: str, **values: str) -> list[Block]:
    """The text for `key` with `values` (escaped) filled in; the values may be cut, Nope's own words are not."""
    parts: list[Part] = []
    for literal, name, _spec, _conversion in Formatter().parse(catalog(lang)[key]):
        parts.append(literal)
        if name is not None:
            parts.append(Cuttable(values[name]))
    return sections(*_marked(parts))


def _one_per_line(lines: list[str]) -> list[str]:
    return [line + "\n" for line in lines[:-1]] + lines[-1:]


def line_sections(lines: list[str]) -> list[Block]:
    """Lines (each within a section), as few sections as hold them, none cut in two."""
    return sections(*_one_per_line(lines))


def quoted_sections(text: str) -> list[Block]:
    """A person's text as an escaped block quote, every line of it: a line cut in two is quoted on both sides."""
    quoted = _one_per_line(["> " + line for line in escape(text).splitlines() or [""]])
    return sections(*(Cuttable(line, reopen="> ") for line in quoted))


def shortened(escaped: str, limit: int) -> str:
    """Escaped text in at most `limit` characters: cut at a space where it can be, and ending in "…"."""
    if len(escaped) <= limit:
        return escaped
    room = limit - 1
    separator = _separator_before(escaped[: room + 1])
    end = separator if separator > room // 2 else _anywhere_before(escaped, room)
    return escaped[:end].rstrip() + "…"
