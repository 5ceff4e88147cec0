"""The digest's promise: numbers only where at least k different people stand behind them.

A week shows figures only when at least k people contributed; the breakdown shows a kind only
when at least k people logged it; everything else folds into "other", which is shown only when
at least k people stand behind it too. k is 3 and can be raised, never lowered. Contributor keys
are used here to count people and go no further: the result holds totals and nothing per person.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from coach.catalog import KINDS

MIN_GROUP = 3
OTHER = "other"


def effective_min_group(configured: int | None) -> int:
    """The k in force: a manager may raise it, never lower it below `MIN_GROUP`."""
    return max(MIN_GROUP, configured or MIN_GROUP)


@dataclass(frozen=True)
class Contribution:
    """One person's no's of one kind in one week; `contributor` is an opaque key, never shown."""

    kind: str
    contributor: str
    rejections: int

    def __post_init__(self) -> None:
        if self.rejections < 0:
            raise ValueError(f"a contribution cannot have {self.rejections} no's")


@dataclass(frozen=True)
class KindCount:
    kind: str
    rejections: int


@dataclass(frozen=True)
class AnonymousWeek:
    """A week's figures as the team may see them; every figure is None when the week is under k."""

    shown: bool
    rejections: int | None
    people: int | None
    breakdown: tuple[KindCount, ...]
    other_rejections: int | None


HIDDEN_WEEK = AnonymousWeek(shown=False, rejections=None, people=None, breakdown=(), other_rejections=None)


@dataclass
class _Group:
    """No's and the distinct people behind them; someone in several rows counts once."""

    rejections: int = 0
    people: set[str] = field(default_factory=set)

    def add(self, contribution: Contribution) -> None:
        self.rejections += contribution.rejections
        self.people.add(contribution.contributor)

    def size(self) -> int:
        return len(self.people)


def _folded(counted: Iterable[Contribution], shown_kinds: set[str]) -> _Group:
    folded = _Group()
    for contribution in counted:
        if contribution.kind not in shown_kinds:
            folded.add(contribution)
    return folded


def anonymous_week(contributions: Iterable[Contribution], min_group: int) -> AnonymousWeek:
    """What a week may show under the anonymity rule with threshold `min_group` (raised to at least 3)."""
    k = effective_min_group(min_group)
    # A row with no no's is nobody's contribution: it must not help a small week over k.
    counted = [contribution for contribution in contributions if contribution.rejections > 0]
    everyone = _Group()
    by_kind: dict[str, _Group] = defaultdict(_Group)
    for contribution in counted:
        everyone.add(contribution)
        by_kind[contribution.kind].add(contribution)
    if everyone.size() < k:
        return HIDDEN_WEEK

    shown_kinds = {
        # "other" and kinds the catalog does not know always fold: only catalog kinds get a row.
        kind
        for kind, group in by_kind.items()
        if kind != OTHER and kind in KINDS and group.size() >= k
    }
    folded = _folded(counted, shown_kinds)
    # The total minus the rows shown would give away a folded remainder too small to show, so
    # fold the smallest rows in with it until the remainder has k people behind it, or nothing
    # is left to break down.
    while folded.rejections and folded.size() < k and shown_kinds:
        shown_kinds.remove(min(shown_kinds, key=lambda kind: (by_kind[kind].rejections, -KINDS.index(kind))))
        folded = _folded(counted, shown_kinds)
    breakdown = sorted(
        (KindCount(kind=kind, rejections=by_kind[kind].rejections) for kind in shown_kinds),
        key=lambda row: (-row.rejections, KINDS.index(row.kind)),
    )
    return AnonymousWeek(
        shown=True,
        rejections=everyone.rejections,
        people=everyone.size(),
        breakdown=tuple(breakdown),
        other_rejections=folded.rejections if folded.size() >= k else None,
    )
