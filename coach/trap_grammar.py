"""The shape of one language's thinking-trap patterns, shared by the English and Dutch rule sets.

A rule says what a trap sounds like; the grammar around it says what cancels a hit: a negation
just before it ("not always"), a negating frame ("I don't think they ..."), words somebody else said
("she said that ..."), or a clause that is about somebody else ("he always interrupts").
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from re import _constants, _parser
from typing import Any

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


class Sign:
    """Words the grammar only looks for: whether they occur in a stretch of text, never where.

    A regex search tries its pattern at every character, unless the pattern starts with a character class:
    then the engine skips ahead to the next character in that class in a faster loop of its own. So the
    pattern is compiled to start with the characters it can start with (see `_only_where_it_can_start`), and
    its match is that one character, which is why nothing reads it.
    """

    def __init__(self, source: str) -> None:
        self._pattern = re.compile(_only_where_it_can_start(source, _first_characters(source)))

    def found(self, text: str, start: int = 0, end: int = sys.maxsize) -> bool:
        """Whether the words occur in `text[start:end]` (read as part of `text`, as `re.Pattern.search` does)."""
        return self._pattern.search(text, start, end) is not None


@dataclass(frozen=True)
class Rule:
    # What the rule catches, unique within its language ("they_think_im_a_joke"): the name of its regex group,
    # of the hit it makes and of the line `nope coach --explain` prints.
    name: str
    source: str  # the regex; it is tried where a word starts
    needs: Sign | None = None  # the clause must also say this
    tail_negation: bool = False  # Dutch main clauses negate after the verb: "ze haten me niet"
    # The nearest person named before it is somebody else, with no negation since: "they're ignoring me
    # on purpose" (not "I did it on purpose", not "they didn't do it on purpose").
    after_someone_else: bool = False


@dataclass(frozen=True)
class Scanner:
    """All rules of one trap in one regex, so the text is read once per trap, not once per rule."""

    trap: str
    pattern: re.Pattern[str]
    rules: Mapping[str, Rule]  # by name, which is also the name of the regex group the rule matches in

    def search(self, text: str, position: int) -> tuple[int, int, Rule] | None:
        """The first match at or after `position`: where it starts and ends, and the rule that made it."""
        match = self.pattern.search(text, position)
        if match is None:
            return None
        name = match.lastgroup or ""
        return match.start(), match.end(name), self.rules[name]


def scanners(rules: Mapping[str, Sequence[Rule]], shared_start: str) -> tuple[Scanner, ...]:
    """One scanner per trap, in the order of `rules` (trap id to its rules)."""
    named = Counter(rule.name for trap_rules in rules.values() for rule in trap_rules)
    if twice := sorted(name for name, count in named.items() if count > 1):
        raise ValueError(f"rule names must be unique within a language: {', '.join(twice)}")
    return tuple(scanner(trap, trap_rules, shared_start) for trap, trap_rules in rules.items())


def scanner(trap: str, rules: Sequence[Rule], shared_start: str) -> Scanner:
    """Compile `rules` into one scanner, each rule in a regex group of its own name.

    Python's regex engine tries the whole pattern at every character, so three things keep it quick: one
    check that no letter comes before (instead of every rule testing its own word boundary at every
    character); one attempt at `shared_start` ("they", "the jury", ...) for all rules beginning with it,
    instead of one attempt per rule; and each rule tried only where the text starts with a character the
    rule can start with (see `_only_where_it_can_start`).
    """
    # Rules that can still be turned down for reasons of their own (a word the clause must also have, a
    # negation after them) go last: at one position the regex reports only the first alternative that
    # matches, and a rejected one must not hide another rule matching there.
    ordered = sorted(rules, key=lambda rule: rule.needs is not None or rule.tail_negation or rule.after_someone_else)
    sharing = [rule for rule in ordered if rule.source.startswith(shared_start)]
    alone = [rule for rule in ordered if not rule.source.startswith(shared_start)]
    alternatives = [
        _only_where_it_can_start(
            f"(?P<{rule.name}>{rule.source.removeprefix(_BOUNDARY)})", _first_characters(rule.source)
        )
        for rule in alone
    ]
    if sharing:
        rests = "|".join(f"(?P<{rule.name}>{rule.source[len(shared_start) :]})" for rule in sharing)
        body = f"{shared_start.removeprefix(_BOUNDARY)}(?:{rests})"
        # The shared start is what they start with: parsing all their rests as well would only slow the import down.
        alternatives.insert(0, _only_where_it_can_start(body, _first_characters(shared_start)))
    return Scanner(
        trap, re.compile(r"(?<![\w'-])(?:" + "|".join(alternatives) + ")"), {rule.name: rule for rule in ordered}
    )


def _only_where_it_can_start(body: str, first: str | None) -> str:
    """`body`, entered only where the text starts with a character in `first`, the class of those it can start with.

    The regex engine passes over an alternative that starts with a character class the next character is
    not in without entering it, which costs far less than entering a rule only to fail on its first letter,
    at every word, for every rule. So the alternative is that class, and the rule runs as a lookahead inside
    a one-character lookbehind: the match is the first character, the rule's own group holds its words. A
    body that could start anywhere (`first` None) is left as it is.
    """
    return f"{first}(?<=(?={body}){first})" if first else body


# The escapes a character class can hold, by the category the regex parser reads them as.
_CLASS_ESCAPES = {
    _constants.CATEGORY_DIGIT: r"\d",
    _constants.CATEGORY_NOT_DIGIT: r"\D",
    _constants.CATEGORY_SPACE: r"\s",
    _constants.CATEGORY_NOT_SPACE: r"\S",
    _constants.CATEGORY_WORD: r"\w",
    _constants.CATEGORY_NOT_WORD: r"\W",
}
_ZERO_WIDTH = (_constants.AT, _constants.ASSERT, _constants.ASSERT_NOT)
_REPEATS = (_constants.MAX_REPEAT, _constants.MIN_REPEAT)


def _first_characters(source: str) -> str | None:
    """A character class holding every character a match of `source` can start with; None when that could
    be any character or the match could be empty. Read from the regex module's own parse of `source`."""
    parsed = _parser.parse(source)
    if parsed.state.flags & re.IGNORECASE:
        return None
    starts = _starts(parsed)
    return "[" + "".join(sorted(starts[0])) + "]" if starts and not starts[1] else None


def _starts(items: Iterable[tuple[Any, Any]]) -> tuple[set[str], bool] | None:
    """The class items a parsed sequence can start with and whether it can match nothing; None for any start."""
    first: set[str] = set()
    for op, value in items:
        starts = _starts_of_one(op, value)
        if starts is None:
            return None
        first |= starts[0]
        if not starts[1]:
            return first, False
    return first, True


def _starts_of_one(op: Any, value: Any) -> tuple[set[str], bool] | None:
    """`_starts` of one parsed item."""
    if op in _ZERO_WIDTH:  # a check, it consumes nothing: what comes next starts the match
        return set(), True
    if op is _constants.LITERAL:
        return {re.escape(chr(value))}, False
    if op is _constants.IN:
        members = {_class_item(member, argument) for member, argument in value}
        return None if None in members else (members, False)
    if op is _constants.SUBPATTERN:
        _group, add_flags, _del_flags, items = value
        return None if add_flags & re.IGNORECASE else _starts(items)
    if op in _REPEATS:
        least, _most, items = value
        starts = _starts(items)
        return None if starts is None else (starts[0], starts[1] or least == 0)
    if op is _constants.BRANCH:
        alternatives = [_starts(items) for items in value[1]]
        if None in alternatives:
            return None
        return set().union(*(starts[0] for starts in alternatives)), any(starts[1] for starts in alternatives)
    return None  # any character ("."), a negated one, an atomic group, ...: taken to start anywhere


def _class_item(op: Any, value: Any) -> str | None:
    if op is _constants.LITERAL:
        return re.escape(chr(value))
    if op is _constants.RANGE:
        return f"{re.escape(chr(value[0]))}-{re.escape(chr(value[1]))}"
    if op is _constants.CATEGORY:
        return _CLASS_ESCAPES.get(value)
    return None  # a negated class


@dataclass(frozen=True)
class Grammar:
    """One language's scanners and what cancels their hits. A `Sign` is only looked for; a pattern is read too:
    where it matched, or which of its groups did."""

    scanners: tuple[Scanner, ...]
    clause_break: re.Pattern[str]  # where a clause ends: punctuation, "but", "and I"
    sentence_break: re.Pattern[str]
    negator: re.Pattern[str]  # one negating word ("not", "n't", "niet"), looked for just before a hit
    determiner: re.Pattern[str]  # skipped when looking for that negation: "not a disaster"
    negating_frame: Sign  # "I don't think", "doesn't mean" earlier in the clause
    reported: Sign  # "she said", "he told me": heard, not imagined
    writer: Sign  # the writer: I, me, my (but not "my manager")
    person: re.Pattern[str]  # a personal subject, grouped writer / someone / others; the first one counts
    impersonal: Sign  # "it", "this", "nothing": the subject when no person is
    future: Sign  # a prediction: "will", "going to" (then it is fortune telling)
    # Someone else's imagined thought about the writer, earlier in the clause: what follows is their mind
    # (mind reading), not the writer's own claim ("reviewer 2 thinks I've never read a paper").
    attributed: Sign
    positive: Sign  # "every time I present I get calmer" is not a trap
    negation_after: re.Pattern[str] | None = None  # a negator right after a hit, for rules with tail_negation
    # A question asking for an answer ("do they think I'm too junior?") claims nothing; one opening with
    # these words ("why does this always happen?", "who was I kidding?") is rhetorical and still does.
    rhetorical_question: re.Pattern[str] | None = None
    # Said after the thought, in the same sentence: "she thinks it's too long, she said so herself".
    reported_after: Sign | None = None
    # Left open at the end of the clause: "whether they hated it I don't know".
    unsure_after: Sign | None = None
    # Earlier in the sentence, a thought that passed: "for a moment I thought: I quit. Then I applied."
    passing_thought: Sign | None = None
    # A fixed routine is a habit, not a pattern of failure: "on Fridays the team never meets".
    routine: Sign | None = None
    # The clause opens with a group that is not the writer ("promotions take ages here", "bevorderingen duren
    # hier", "nobody in the band has ever ...", "every applicant gets ..."): its habits are not the writer's
    # trap unless the clause also names the writer themself (`myself`: I, me, my; not "we" or "our").
    group_subject: re.Pattern[str] | None = None
    myself: Sign | None = None
    # A person the writer names ("Sarah probably thinks", "Sanne vindt") is read as this pronoun ("he", "hij");
    # at the start of a sentence only when `name_follower` (a verb of its own) comes next. Words in
    # `not_names` are never names ("Nobody", "Recruiters" aside, the language's common words).
    name_stand_in: str = ""
    name_follower: re.Pattern[str] | None = None
    not_names: frozenset[str] = frozenset()
