"""Spot the thinking traps in what a person wrote right after a no, and the question that counters each.

Rule-based on purpose: fast, explainable (every hit carries the person's own words that triggered it)
and free of model downloads. The patterns live in `trap_rules_en` / `trap_rules_nl`; this module
decides which of their matches count.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass

from coach.content import content, language_or_default
from coach.plain_text import for_matching, names_as
from coach.trap_grammar import Grammar, Rule, Scanner
from coach.trap_rules_en import ENGLISH
from coach.trap_rules_nl import DUTCH

TRAP_IDS: tuple[str, ...] = (
    "overgeneralising",
    "mind_reading",
    "confirming_self_doubt",
    "avoidance",
    "labelling",
    "catastrophising",
    "fortune_telling",
    "personalising",
    "should_statements",
)
CORE_TRAPS: tuple[str, ...] = TRAP_IDS[:4]


@dataclass(frozen=True)
class TrapHit:
    id: str
    evidence: str  # the person's own words that triggered it, as they wrote them


_GRAMMARS: dict[str, Grammar] = {"en": ENGLISH, "nl": DUTCH}
# Traps in the writer's thinking about themself: "he always interrupts" is not the writer's trap.
_ABOUT_THE_WRITER = frozenset(
    {"overgeneralising", "confirming_self_doubt", "labelling", "personalising", "should_statements"}
)
_NOT_ABOUT_SOMEONE_ELSE = _ABOUT_THE_WRITER | {"avoidance"}
# When two hits share words, the overruling trap explains them better: "they think I can't do this"
# is mind reading, "I'll never apply again" a decision rather than a prediction.
_OVERRULED_BY: dict[str, frozenset[str]] = {
    "confirming_self_doubt": frozenset({"mind_reading"}),
    "labelling": frozenset({"mind_reading"}),
    "should_statements": frozenset({"confirming_self_doubt"}),
    "fortune_telling": frozenset({"avoidance"}),
    "catastrophising": frozenset({"labelling"}),
    "overgeneralising": frozenset({"avoidance", "fortune_telling"}),
}
_EVIDENCE_EDGES = " \t\n*_~`'\".,;:!?()[]<>-"
_WORD = re.compile(r"[\w'-]+")
# How many words (articles aside) before a hit a negation reaches. A quantifier is negated from further
# away ("I don't get ghosted every time"); elsewhere a negation further back belongs to another verb
# ("she wouldn't reply to someone like me").
_NEGATION_REACH = {"overgeneralising": 3}
_LOOKBACK = 80
# A clause or sentence is read at most this far around a hit: real ones are shorter, and a 10,000-character
# text without punctuation must not be re-read whole for every candidate.
_CONTEXT = 240
# Enough hits per trap to find one that no other trap overrules.
_MAX_HITS_PER_TRAP = 5


class _Reading:
    """The text split into clauses and sentences, found by position."""

    def __init__(self, text: str, grammar: Grammar) -> None:
        self.text = text
        self._clauses = self._spans(grammar.clause_break.finditer(text))
        self._sentences = self._spans(grammar.sentence_break.finditer(text))

    def _spans(self, breaks: Iterator[re.Match[str]]) -> tuple[list[int], list[int]]:
        starts, ends = [0], []
        for found in breaks:
            ends.append(found.start())
            starts.append(found.end())
        ends.append(len(self.text))
        return starts, ends

    @staticmethod
    def _around(spans: tuple[list[int], list[int]], position: int) -> tuple[int, int]:
        starts, ends = spans
        index = max(bisect_right(starts, position) - 1, 0)
        return max(starts[index], position - _CONTEXT), min(max(ends[index], position), position + _CONTEXT)

    def clause(self, position: int) -> tuple[int, int]:
        return self._around(self._clauses, position)

    def sentence(self, position: int) -> tuple[int, int]:
        return self._around(self._sentences, position)


def _negated(before: str, reach: int, grammar: Grammar) -> bool:
    last_words = [word for word in _WORD.findall(before[-_LOOKBACK:]) if not grammar.determiner.fullmatch(word)]
    return any(grammar.negator.fullmatch(word) for word in last_words[-reach:])


def _subject(clause: str, grammar: Grammar) -> str | None:
    """Who the clause is about: the first person in it, else "impersonal" (it, this, nothing), else None."""
    person = grammar.person.search(clause)
    if person:
        return person.lastgroup
    return "impersonal" if grammar.impersonal.search(clause) else None


def _about_the_right_person(trap: str, clause: str, evidence: str, grammar: Grammar) -> bool:
    if trap not in _NOT_ABOUT_SOMEONE_ELSE:
        return True
    if trap == "personalising" and grammar.writer.search(evidence):
        return True  # "it's all my fault the client left": the blame is the writer's, whoever else is named
    kind = _subject(clause, grammar)
    if kind == "someone":
        return False
    if trap not in _ABOUT_THE_WRITER:
        return True
    group = grammar.group_subject.match(clause) if grammar.group_subject else None
    if group:
        return bool(grammar.myself and grammar.myself.search(clause, group.end()))
    # Chat often drops the "I" ("can't even land a gig"): a clause without any subject is the writer's.
    if kind is None or grammar.writer.search(clause):
        return True
    return trap == "overgeneralising" and kind == "impersonal"  # "it never works", "nothing ever lands"


def _after_someone_else(before: str, grammar: Grammar) -> bool:
    """The last person named in `before` is somebody else, and nothing after them negates."""
    people = list(grammar.person.finditer(before))
    if not people or people[-1].lastgroup == "writer":
        return False
    return not any(grammar.negator.fullmatch(word) for word in _WORD.findall(before[people[-1].end() :]))


def _counts(rule: Rule, start: int, end: int, reading: _Reading, grammar: Grammar) -> bool:
    text = reading.text
    clause_start, clause_end = reading.clause(start)
    before = text[clause_start:start]
    if (
        _negated(before, _NEGATION_REACH.get(rule.trap, 1), grammar)
        or grammar.negating_frame.search(before)
        or grammar.reported.search(text, clause_start, end)  # "she said (that) she thinks ..." was heard
    ):
        return False
    if rule.tail_negation and grammar.negation_after and grammar.negation_after.match(text, end, clause_end):
        return False
    if grammar.unsure_after and grammar.unsure_after.search(text, end, clause_end):
        return False
    if rule.trap in _ABOUT_THE_WRITER and grammar.attributed.search(before):
        return False
    if rule.after_someone_else and not _after_someone_else(before, grammar):
        return False
    clause = text[clause_start:clause_end]
    if rule.needs and not rule.needs.search(clause):
        return False
    if not _about_the_right_person(rule.trap, clause, text[start:end], grammar):
        return False
    sentence_start, sentence_end = reading.sentence(start)
    if _asked_reported_or_passed(start, end, sentence_start, sentence_end, text, grammar):
        return False
    if rule.trap == "overgeneralising":
        # "I'll always be alone" is a prediction (fortune telling); "every time I present I get
        # calmer" is a pattern worth keeping; "on Fridays we never meet" is a routine.
        return (
            not grammar.future.search(clause)
            and not grammar.positive.search(text, sentence_start, sentence_end)
            and not (grammar.routine and grammar.routine.search(clause))
        )
    return True


def _asked_reported_or_passed(
    start: int, end: int, sentence_start: int, sentence_end: int, text: str, grammar: Grammar
) -> bool:
    """A real question, words reported after the thought, or a thought the sentence says has passed."""
    if (
        grammar.rhetorical_question
        and text.startswith("?", sentence_end)
        and not grammar.rhetorical_question.match(text, sentence_start, sentence_end)
    ):
        return True
    if grammar.reported_after and grammar.reported_after.search(text, end, sentence_end):
        return True
    return bool(grammar.passing_thought and grammar.passing_thought.search(text, sentence_start, start))


def _hits(scanner: Scanner, reading: _Reading, grammar: Grammar) -> list[tuple[int, int, str]]:
    """The matches of one trap that count; only the first when no other trap can overrule it."""
    hits: list[tuple[int, int, str]] = []
    position = 0
    while match := scanner.pattern.search(reading.text, position):
        start, end = match.span()
        if _counts(scanner.rules[match.lastgroup or ""], start, end, reading, grammar):
            hits.append((start, end, scanner.trap))
            if scanner.trap not in _OVERRULED_BY or len(hits) == _MAX_HITS_PER_TRAP:
                break
        # From the next character, not the end: a rejected match may hide a shorter one that counts.
        position = start + 1
    return hits


def _overruled(hit: tuple[int, int, str], hits: list[tuple[int, int, str]]) -> bool:
    start, end, trap = hit
    overruling = _OVERRULED_BY.get(trap, frozenset())
    return any(
        other in overruling and other_start < end and start < other_end for other_start, other_end, other in hits
    )


def detect_traps(text: str, lang: str) -> list[TrapHit]:
    """The thinking traps in `text`, at most one per trap, in the order their evidence appears.

    Never raises: empty text, emoji, markup or control characters simply find nothing.
    """
    if not isinstance(text, str) or not text.strip():
        return []
    grammar = _GRAMMARS[language_or_default(lang)]
    matching = for_matching(text)
    if grammar.name_follower:
        matching = names_as(text, matching, grammar.name_stand_in, grammar.name_follower, grammar.not_names)
    reading = _Reading(matching, grammar)
    hits = [hit for scanner in grammar.scanners for hit in _hits(scanner, reading, grammar)]
    first: dict[str, tuple[int, int]] = {}
    # Earliest first; of two starting together, the longer says more about why.
    for start, end, trap in sorted(hits, key=lambda hit: (hit[0], -hit[1])):
        if trap not in first and not _overruled((start, end, trap), hits):
            first[trap] = (start, end)
    return [
        TrapHit(trap, text[start:end].strip(_EVIDENCE_EDGES) or text[start:end]) for trap, (start, end) in first.items()
    ]


def counter_question(trap_id: str, lang: str) -> str:
    """The question that helps a person test the trap, in `lang`; a general one for an unknown trap."""
    questions = content(lang)["counter_questions"]
    return questions.get(trap_id, questions["general"])
