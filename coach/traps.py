"""Spot the thinking traps in what a person wrote right after a no, and the question that counters each.

Rule-based on purpose: fast, explainable (every hit carries the person's own words that triggered it,
and the name of the rule that fired on them) and free of model downloads. The patterns live in
`trap_rules_en` / `trap_rules_nl`, how each trap is judged in `trap_behaviour`; this module decides which
of their matches count.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from itertools import islice
from typing import NamedTuple

from coach.content import content, language_or_default
from coach.plain_text import for_matching, names_as
from coach.trap_behaviour import BEHAVIOUR, TrapBehaviour
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
    rule: str = ""  # the name of the rule that fired on them


class _Hit(NamedTuple):
    """A hit that counts, by its place in the text as read for matching."""

    start: int
    end: int
    trap: str
    rule: str


_GRAMMARS: dict[str, Grammar] = {"en": ENGLISH, "nl": DUTCH}
_EVIDENCE_EDGES = " \t\n*_~`'\".,;:!?()[]<>-"
_WORD = re.compile(r"[\w'-]+")
_LOOKBACK = 80  # characters before a hit in which a negation of it is looked for
# A clause or sentence is read at most this far around a hit: real ones are shorter, and a 10,000-character
# text without punctuation must not be re-read whole for every candidate.
_CONTEXT = 240
# Enough hits per trap to find one that no other trap overrules.
_MAX_HITS_PER_TRAP = 5


class _Reading:
    """The text split into clauses and sentences, found by position."""

    def __init__(self, text: str, grammar: Grammar) -> None:
        self.text = text
        self._clauses = self._spans(grammar.clause_break)
        self._sentences = self._spans(grammar.sentence_break)

    def _spans(self, breaks: re.Pattern[str]) -> tuple[list[int], list[int]]:
        found = [each.span() for each in breaks.finditer(self.text)]
        return [0, *(end for _, end in found)], [*(start for start, _ in found), len(self.text)]

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
    """A negator among the last `reach` words (articles aside) of `before`."""
    # From the last word back: only the nearest few can count.
    words = reversed(_WORD.findall(before[-_LOOKBACK:]))
    last_words = islice((word for word in words if not grammar.determiner.fullmatch(word)), reach)
    return any(grammar.negator.fullmatch(word) for word in last_words)


def _subject(clause: str, grammar: Grammar) -> str | None:
    """Who the clause is about: the first person in it, else "impersonal" (it, this, nothing), else None."""
    person = grammar.person.search(clause)
    if person:
        return person.lastgroup
    return "impersonal" if grammar.impersonal.found(clause) else None


def _about_the_right_person(behaviour: TrapBehaviour, clause: str, evidence: str, grammar: Grammar) -> bool:
    if behaviour.may_be_about_someone_else:
        return True
    if behaviour.the_writer_in_its_words_is_enough and grammar.writer.found(evidence):
        return True
    kind = _subject(clause, grammar)
    if kind == "someone":
        return False
    if not behaviour.about_the_writer:
        return True
    group = grammar.group_subject.match(clause) if grammar.group_subject else None
    if group:
        return bool(grammar.myself and grammar.myself.found(clause, group.end()))
    # Chat often drops the "I" ("can't even land a gig"): a clause without any subject is the writer's.
    if kind is None or grammar.writer.found(clause):
        return True
    return behaviour.impersonal_is_the_writers and kind == "impersonal"


def _after_someone_else(before: str, grammar: Grammar) -> bool:
    """The last person named in `before` is somebody else, and nothing after them negates."""
    people = list(grammar.person.finditer(before))
    if not people or people[-1].lastgroup == "writer":
        return False
    return not any(grammar.negator.fullmatch(word) for word in _WORD.findall(before[people[-1].end() :]))


def _counts(rule: Rule, behaviour: TrapBehaviour, start: int, end: int, reading: _Reading, grammar: Grammar) -> bool:
    text = reading.text
    clause_start, clause_end = reading.clause(start)
    before = text[clause_start:start]
    if (
        _negated(before, behaviour.negation_reach, grammar)
        or grammar.negating_frame.found(before)
        or grammar.reported.found(text, clause_start, end)  # "she said (that) she thinks ..." was heard
    ):
        return False
    if rule.tail_negation and grammar.negation_after and grammar.negation_after.match(text, end, clause_end):
        return False
    if grammar.unsure_after and grammar.unsure_after.found(text, end, clause_end):
        return False
    if behaviour.about_the_writer and grammar.attributed.found(before):
        return False
    if rule.after_someone_else and not _after_someone_else(before, grammar):
        return False
    clause = text[clause_start:clause_end]
    if rule.needs and not rule.needs.found(clause):
        return False
    if not _about_the_right_person(behaviour, clause, text[start:end], grammar):
        return False
    sentence_start, sentence_end = reading.sentence(start)
    if _asked_reported_or_passed(start, end, sentence_start, sentence_end, text, grammar):
        return False
    if behaviour.claims_a_pattern:
        return (
            not grammar.future.found(clause)
            and not grammar.positive.found(text, sentence_start, sentence_end)
            and not (grammar.routine and grammar.routine.found(clause))
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
    if grammar.reported_after and grammar.reported_after.found(text, end, sentence_end):
        return True
    return bool(grammar.passing_thought and grammar.passing_thought.found(text, sentence_start, start))


class _TrapHits:
    """The hits of one trap that count, in the order they appear, each found only once it is asked for.

    A trap that no other trap overrules needs its first hit only. One that can be overruled may need a few,
    and so may the traps that overrule it, but only as far as the hit they might overlap: reading a long text
    to its end for every trap would find hits that can change nothing.
    """

    def __init__(self, scanner: Scanner, reading: _Reading, grammar: Grammar) -> None:
        self.behaviour = BEHAVIOUR[scanner.trap]
        self.found: list[_Hit] = []
        self._scanner = scanner
        self._reading = reading
        self._grammar = grammar
        self._position = 0
        self._most = _MAX_HITS_PER_TRAP if self.behaviour.overruled_by else 1

    def __iter__(self) -> Iterator[_Hit]:
        index = 0
        while index < len(self.found) or self._find_next():
            yield self.found[index]
            index += 1

    def starting_before(self, position: int) -> list[_Hit]:
        """At least every hit that starts before `position`."""
        while (not self.found or self.found[-1].start < position) and self._find_next():
            pass
        return self.found

    def first_not_overruled(self, others: Mapping[str, _TrapHits]) -> _Hit | None:
        """The first hit that no hit of an overruling trap overlaps: that trap would explain the words better."""
        for hit in self:
            overlapping = (
                other
                for trap in self.behaviour.overruled_by
                for other in others[trap].starting_before(hit.end)
                if other.start < hit.end and hit.start < other.end
            )
            if next(overlapping, None) is None:
                return hit
        return None

    def _find_next(self) -> bool:
        """Find one more hit; False when there is none, or enough were found."""
        if len(self.found) == self._most:
            return False
        text = self._reading.text
        while found := self._scanner.search(text, self._position):
            start, end, rule = found
            # From the next character, not the end: a rejected match may hide a shorter one that counts.
            self._position = start + 1
            if _counts(rule, self.behaviour, start, end, self._reading, self._grammar):
                self.found.append(_Hit(start, end, self._scanner.trap, rule.name))
                return True
        self._most = len(self.found)  # the text has no more: never read it again
        return False


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
    hits = {scanner.trap: _TrapHits(scanner, reading, grammar) for scanner in grammar.scanners}
    first = [hit for trap_hits in hits.values() if (hit := trap_hits.first_not_overruled(hits))]
    # Earliest first; of two starting together, the longer says more about why.
    first.sort(key=lambda hit: (hit.start, -hit.end))
    return [
        TrapHit(hit.trap, text[hit.start : hit.end].strip(_EVIDENCE_EDGES) or text[hit.start : hit.end], hit.rule)
        for hit in first
    ]


def counter_question(trap_id: str, lang: str) -> str:
    """The question that helps a person test the trap, in `lang`; a general one for an unknown trap."""
    questions = content(lang)["counter_questions"]
    return questions.get(trap_id, questions["general"])
