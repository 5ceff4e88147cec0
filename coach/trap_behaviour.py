"""How each thinking trap is judged once one of its rules matches, in every language.

The rules (`trap_rules_en`, `trap_rules_nl`) say what a trap sounds like; this says whose thought it must be,
which other trap explains the same words better, and how far back a negation cancels it. `coach.traps` reads
it and knows no trap by name.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class TrapBehaviour:
    # A trap in the writer's thinking about themself: the clause must be the writer's ("he always
    # interrupts" is not the writer's overgeneralising).
    about_the_writer: bool = False
    # False: a clause about somebody else does not count, though one without anybody does ("my colleague
    # never gives up" is not the writer's avoidance; "never again" is).
    may_be_about_someone_else: bool = True
    # When a hit of one of these traps shares words with this one, that trap explains them better.
    overruled_by: frozenset[str] = frozenset()
    # How many words (articles aside) before a hit a negation reaches.
    negation_reach: int = 1
    # The writer named in the matched words makes it theirs, whoever else the clause names.
    the_writer_in_its_words_is_enough: bool = False
    # A clause about "it", "this" or "nothing" counts as the writer's ("it never works").
    impersonal_is_the_writers: bool = False
    # It says how things always go, which a prediction, a pattern of getting better or a fixed routine
    # does too without being this trap.
    claims_a_pattern: bool = False

    def __post_init__(self) -> None:
        if self.about_the_writer and self.may_be_about_someone_else:
            raise ValueError("a trap about the writer cannot be about someone else")


BEHAVIOUR: dict[str, TrapBehaviour] = {
    "overgeneralising": TrapBehaviour(
        about_the_writer=True,
        may_be_about_someone_else=False,
        # A decision ("never again") or a prediction ("ik krijg die beurs nooit"), not a pattern seen.
        overruled_by=frozenset({"avoidance", "fortune_telling"}),
        # A quantifier is negated from further away ("I don't get ghosted every time"); elsewhere a negation
        # further back belongs to another verb ("she wouldn't reply to someone like me").
        negation_reach=3,
        impersonal_is_the_writers=True,  # "it never works", "nothing ever lands"
        # "I'll always be alone" is fortune telling; "every time I present I get calmer" a pattern worth
        # keeping; "on Fridays we never meet" a routine.
        claims_a_pattern=True,
    ),
    "mind_reading": TrapBehaviour(),
    "confirming_self_doubt": TrapBehaviour(
        about_the_writer=True,
        may_be_about_someone_else=False,
        overruled_by=frozenset({"mind_reading"}),  # "they could tell I didn't belong": their imagined mind
    ),
    "avoidance": TrapBehaviour(may_be_about_someone_else=False),
    "labelling": TrapBehaviour(
        about_the_writer=True,
        may_be_about_someone_else=False,
        overruled_by=frozenset({"mind_reading"}),  # "they think I'm a joke"
    ),
    "catastrophising": TrapBehaviour(overruled_by=frozenset({"labelling"})),  # "I'm a walking disaster"
    # "ik ga nooit meer solliciteren" is a decision, not a prediction
    "fortune_telling": TrapBehaviour(overruled_by=frozenset({"avoidance"})),
    "personalising": TrapBehaviour(
        about_the_writer=True,
        may_be_about_someone_else=False,
        the_writer_in_its_words_is_enough=True,  # "it's all my fault the client left"
    ),
    "should_statements": TrapBehaviour(
        about_the_writer=True,
        may_be_about_someone_else=False,
        # "ik had gewoon mijn mond moeten houden" doubts the attempt rather than demanding more
        overruled_by=frozenset({"confirming_self_doubt"}),
    ),
}
