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
    # The nearest person named before it is somebody else, with no negation since: "they're ignoring me
    # on purpose" (not "I did it on purpose", not "they didn't do it on purpose").
    after_someone_else: bool = False


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
    # Rules that can still be turned down for reasons of their own (a word the clause must also have, a
    # negation after them) go last: at one position the regex reports only the first alternative that
    # matches, and a rejected one must not hide another rule matching there.
    ordered = sorted(rules, key=lambda rule: rule.needs is not None or rule.tail_negation or rule.after_someone_else)
    # Rules that are judged alike share one named group: every group is entered at every word, so fewer
    # groups read faster, and the group that matched still tells how to judge the match.
    named: dict[str, Rule] = {}
    sharing: dict[str, list[str]] = {}
    alone: dict[str, list[str]] = {}
    for rule in ordered:
        shares = _shares(rule, shared_start)
        groups = sharing if shares else alone
        key = next((name for name in groups if _alike(named[name], rule)), None)
        if key is None:
            key = f"r{len(named)}"
            named[key] = rule
            groups[key] = []
        groups[key].append(rule.source[len(shared_start) :] if shares else rule.source.removeprefix(_BOUNDARY))
    alternatives = [f"(?P<{name}>{'|'.join(sources)})" for name, sources in alone.items()]
    if sharing:
        rests = "|".join(f"(?P<{name}>{'|'.join(sources)})" for name, sources in sharing.items())
        alternatives.insert(0, shared_start.removeprefix(_BOUNDARY) + "(?:" + rests + ")")
    return Scanner(trap, re.compile(r"(?<![\w'-])(?:" + "|".join(alternatives) + ")"), named)


def _alike(one: Rule, other: Rule) -> bool:
    return (one.needs, one.tail_negation, one.after_someone_else) == (
        other.needs,
        other.tail_negation,
        other.after_someone_else,
    )


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
    # Someone else's imagined thought about the writer, earlier in the clause: what follows is their mind
    # (mind reading), not the writer's own claim ("reviewer 2 thinks I've never read a paper").
    attributed: re.Pattern[str]
    positive: re.Pattern[str]  # "every time I present I get calmer" is not a trap
    negation_after: re.Pattern[str] | None = None  # a negator right after a hit, for rules with tail_negation
    # A question asking for an answer ("do they think I'm too junior?") claims nothing; one opening with
    # these words ("why does this always happen?", "who was I kidding?") is rhetorical and still does.
    rhetorical_question: re.Pattern[str] | None = None
    # Said after the thought, in the same sentence: "she thinks it's too long, she said so herself".
    reported_after: re.Pattern[str] | None = None
    # Left open at the end of the clause: "whether they hated it I don't know".
    unsure_after: re.Pattern[str] | None = None
    # Earlier in the sentence, a thought that passed: "for a moment I thought: I quit. Then I applied."
    passing_thought: re.Pattern[str] | None = None
    # A fixed routine is a habit, not a pattern of failure: "on Fridays the team never meets".
    routine: re.Pattern[str] | None = None
    # A person the writer names ("Sarah probably thinks", "Sanne vindt") is read as this pronoun ("he", "hij");
    # at the start of a sentence only when `name_follower` (a verb of its own) comes next. Words in
    # `not_names` are never names ("Nobody", "Recruiters" aside, the language's common words).
    # The clause opens with a group that is not the writer ("promotions take ages here", "bevorderingen duren
    # hier", "nobody in the band has ever ...", "every applicant gets ..."): its habits are not the writer's
    # trap unless the clause also names the writer themself (`myself`: I, me, my; not "we" or "our").
    group_subject: re.Pattern[str] | None = None
    myself: re.Pattern[str] | None = None
    name_stand_in: str = ""
    name_follower: re.Pattern[str] | None = None
    not_names: frozenset[str] = frozenset()
