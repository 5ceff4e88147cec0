"""Text as the trap patterns read it: lower case, markup blanked out, every character where it was.

Keeping each character at its index lets a trap's evidence be cut from the person's own text, exactly
as they wrote it, however much Slack or HTML markup surrounded it.
"""

from __future__ import annotations

import re

# Slack mentions and links (<@U123>, <#C1|general>, <!here>, <https://…|label>), HTML tags and entities.
_MARKUP = re.compile(
    r"<[@#!][^<>\n]{0,200}>"
    r"|<(?:https?|mailto):[^<>\s]{0,2000}>"
    r"|</?[a-zA-Z][^<>\n]{0,200}>"
    r"|&(?:amp|lt|gt|quot|apos|nbsp|#\d{1,7});"
)
_BLANKS = {code: " " for code in [*range(0x00, 0x20), *range(0x7F, 0xA0)]}
_BLANKS |= {ord("\n"): "\n", ord("\r"): "\n"}  # line ends still end a clause
_BLANKS |= {ord(mark): " " for mark in "*_~`|\u200b\u200c\u200d\u2060\ufeff"}  # mrkdwn and zero-width marks
_BLANKS |= {ord(quote): "'" for quote in "\u2018\u2019\u02bc\u00b4"}  # one apostrophe for "I'm", "m'n"
_BLANKS |= {ord(dash): "-" for dash in "\u2010\u2011\u2012\u2013\u2014\u2015"}
# Stress marks ("wéér", "nóóit", "níet") and spellings like "résumé" read as the plain vowel.
_BLANKS |= {ord(marked): plain for marked, plain in zip("áéíóúÁÉÍÓÚ", "aeiouAEIOU", strict=True)}
_TRANSLATION = str.maketrans(_BLANKS)


def _blank(match: re.Match[str]) -> str:
    return " " * (match.end() - match.start())


def for_matching(text: str) -> str:
    """`text` lower-cased with markup, control characters and formatting marks turned into spaces.

    The result has the same length as `text`, so a span found in it is the same span in `text`.
    """
    masked = _MARKUP.sub(_blank, text).translate(_TRANSLATION)
    lowered = masked.lower()
    if len(lowered) != len(masked):
        # A few characters grow when lower-cased (İ becomes two); keep those as they are.
        lowered = "".join(char.lower() if len(char.lower()) == 1 else char for char in masked)
    return lowered


# A capitalised word: a name ("Sarah", "Sanne's") or just the first word of a sentence.
_CAPITALISED = re.compile(r"(?<![\w'-])[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]+(?:'s)?(?![\w-])")
_ADVERB_ENDINGS = ("ly", "lijk", "lijks")  # "Obviously", "Natuurlijk": never names
_SENTENCE_START = re.compile(r"(?:^|[.!?:;\n\"(]|\s-+)\s*$")


def names_as(original: str, matching: str, stand_in: str, follower: re.Pattern[str], known: frozenset[str]) -> str:
    """`matching` with the people the writer names ("Sarah", "Sanne") read as `stand_in` ("he", "hij").

    A capitalised word that is no common word (`known`) counts as a name in mid-sentence; at the start of
    a sentence only when a verb of its own follows (`follower`: "Sarah probably thinks", "Sanne vindt"),
    so "Rejected again" stays what it is. The length of the text does not change.
    """
    if not stand_in:
        return matching
    pieces: list[str] = []
    done = 0
    for found in _CAPITALISED.finditer(original, 0, min(len(original), len(matching))):
        start, end = found.span()
        name = matching[start:end]
        if len(name) < len(stand_in) or name.removesuffix("'s") in known or name.endswith(_ADVERB_ENDINGS):
            continue
        if _SENTENCE_START.search(original, max(start - 40, 0), start) and not follower.match(matching, end):
            continue
        replacement = stand_in + ("'s" if name.endswith("'s") else "")
        pieces += [matching[done:start], replacement.ljust(end - start)]
        done = end
    return "".join(pieces) + matching[done:] if pieces else matching
