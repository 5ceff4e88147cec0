"""The shape of one language's thinking-trap patterns, shared by the English and Dutch rule sets.

A rule says what a trap sounds like; the grammar around it says what cancels a hit: a negation
just before it ("not always"), a negating frame ("I don't think they ..."), words somebody else said
("she said that ..."), or a clause that is about somebody else ("he always interrupts").
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

WORD = r"[\w'-]+"
_BOUNDARY = r"\b"


def one_of(*alternatives: str) -> str:
    return "(?:" + "|".join(alternatives) + ")"


def words(spaced: str) -> str:
    """A group matching any of the space-separated words, longest first so 'every time' beats 'every'."""
    return one_of(*sorted(spaced.split(), key=len, reverse=True))


def gap(most: int, negator: str) -> str:
    """Up to `most` words, none of them a negator, with the spaces around them.

    'I am really a failure' matches `I am` + gap + `failure`; 'I am not a failure' does not.
    """
    return rf"(?:\s+(?!{negator}\b){WORD}){{0,{most}}}?\s+"


@dataclass(frozen=True)
class Rule:
    trap: str
    source: str  # the regex; it is tried where a word starts
    needs: re.Pattern[str] | None = None  # the clause must also say this
    tail_negation: bool = False  # Dutch main clauses negate after the verb: "ze haten me niet"


@dataclass(frozen=True)
class Scanner:
    """All rules of one trap in one regex, so the text is read once per trap, not once per rule."""

    trap: str
    pattern: re.Pattern[str]
    rules: Mapping[str, Rule]  # by the name of the group that matched


def scanner(trap: str, rules: Sequence[Rule], shared_start: str) -> Scanner:
    """Compile `rules` into one scanner.

    Python's regex engine has no fast way to skip to a likely start, so two things keep it quick: one
    check that no letter comes before (instead of every rule testing its own word boundary at every
    character), and one attempt at `shared_start` ("they", "the jury", ...) for all rules beginning
    with it, instead of one attempt per rule.
    """
    named = {f"r{index}": rule for index, rule in enumerate(rules)}
    sharing = [
        f"(?P<{name}>{rule.source[len(shared_start) :]})" for name, rule in named.items() if _shares(rule, shared_start)
    ]
    alternatives = [
        f"(?P<{name}>{rule.source.removeprefix(_BOUNDARY)})"
        for name, rule in named.items()
        if not _shares(rule, shared_start)
    ]
    if sharing:
        alternatives.insert(0, shared_start.removeprefix(_BOUNDARY) + "(?:" + "|".join(sharing) + ")")
    return Scanner(trap, re.compile(r"(?<![\w'-])(?:" + "|".join(alternatives) + ")"), named)


def _shares(rule: Rule, shared_start: str) -> bool:
    return rule.source.startswith(shared_start)


@dataclass(frozen=True)
class Grammar:
    scanners: tuple[Scanner, ...]
    clause_break: re.Pattern[str]  # where a clause ends: punctuation, "but", "and I"
    sentence_break: re.Pattern[str]
    negator: re.Pattern[str]  # one negating word ("not", "n't", "niet"), looked for just before a hit
    determiner: re.Pattern[str]  # skipped when looking for that negation: "not a disaster"
    negating_frame: re.Pattern[str]  # "I don't think", "doesn't mean" earlier in the clause
    reported: re.Pattern[str]  # "she said", "he told me": heard, not imagined
    writer: re.Pattern[str]  # the writer: I, me, my (but not "my manager")
    person: re.Pattern[str]  # a personal subject, grouped writer / someone / others; the first one counts
    impersonal: re.Pattern[str]  # "it", "this", "nothing": the subject when no person is
    future: re.Pattern[str]  # a prediction: "will", "going to" (then it is fortune telling)
    positive: re.Pattern[str]  # "every time I present I get calmer" is not a trap
    negation_after: re.Pattern[str] | None = None  # a negator right after a hit, for rules with tail_negation
