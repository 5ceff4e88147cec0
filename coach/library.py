"""Reframes, feedback questions and brave steps, fitted to the kind of no, in English and Dutch.

The words live in `data/<lang>.json`. Every phrase has a stable id (the same in both languages), so a
caller can pass the ids shown last time as `avoid` and get other phrases. Choices are deterministic:
the same arguments always give the same phrases.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import chain, zip_longest

from coach.content import content

WHO_SAID_NO: tuple[str, ...] = ("recruiter", "client", "manager", "peer", "friend")
FALLBACK_KIND = "other"


@dataclass(frozen=True)
class Phrase:
    id: str
    text: str


def _phrases(texts: Mapping[str, str]) -> list[Phrase]:
    return [Phrase(phrase_id, text) for phrase_id, text in texts.items()]


def _pick(
    fitting: Sequence[Mapping[str, str]], fallback: Mapping[str, str], count: int, avoid: Collection[str]
) -> list[Phrase]:
    """`count` distinct phrases: the fitting pools taken in turn, then the fallback pool.

    Phrases in `avoid` come last, so they are only repeated when nothing else is left.
    """
    taking_turns = chain.from_iterable(zip_longest(*(_phrases(pool) for pool in fitting)))
    ordered: Iterable[Phrase | None] = chain(taking_turns, _phrases(fallback))
    unique = list({phrase.id: phrase for phrase in ordered if phrase is not None}.values())
    fresh = [phrase for phrase in unique if phrase.id not in avoid]
    seen = [phrase for phrase in unique if phrase.id in avoid]
    return (fresh + seen)[: max(count, 0)]


def _for_kind(pools: Mapping[str, Mapping[str, str]], kind: str) -> Mapping[str, str]:
    return pools.get(kind) or pools[FALLBACK_KIND]


def reframes(
    kind: str, trap_ids: Sequence[str], lang: str, *, count: int = 3, avoid: Collection[str] = ()
) -> list[Phrase]:
    """New ways to tell the story of this no: the first leans on the first trap found, then the kind of no."""
    library = content(lang)["reframes"]
    traps = [library["trap"][trap] for trap in dict.fromkeys(trap_ids) if trap in library["trap"]]
    fitting = [*traps[:1], _for_kind(library["kind"], kind), *traps[1:]]
    return _pick(fitting, library["general"], count, avoid)


def feedback_questions(kind: str, who: str, lang: str, *, count: int = 4, avoid: Collection[str] = ()) -> list[Phrase]:
    """Questions to ask whoever said no, from curiosity rather than defence (ask for 3 to 5)."""
    library = content(lang)["feedback_questions"]
    fitting = [library["who"][who]] if who in library["who"] else []
    fitting.append(_for_kind(library["kind"], kind))
    return _pick(fitting, library["general"], count, avoid)


def asking_tip(who: str, lang: str) -> str:
    """One or two sentences on how to ask this person for feedback."""
    tips = content(lang)["asking_tips"]
    return tips.get(who, tips["general"])


def brave_steps(kind: str, lang: str, *, count: int = 3, avoid: Collection[str] = ()) -> list[Phrase]:
    """Small next actions where a no is possible again: one email, one pitch, one question."""
    library = content(lang)["brave_steps"]
    return _pick([_for_kind(library["kind"], kind)], library["general"], count, avoid)
