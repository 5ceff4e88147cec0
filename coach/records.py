"""Plain records passed between storage, the coach and the builders."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class NewRejection:
    """What a person submitted, validated."""

    kind: str
    form: str
    feeling: str
    intensity: int
    story: str | None
    counts_in_tally: bool


@dataclass(frozen=True)
class LoggedRejection:
    """A stored no as its author sees it in their own log."""

    logged_at: datetime
    kind: str
    form: str
    feeling: str
    intensity: int


@dataclass(frozen=True)
class PersonalProgress:
    total: int
    this_week: int
    streak_weeks: int
    recent: tuple[LoggedRejection, ...]


@dataclass(frozen=True)
class Goal:
    """A bravery goal: collect `target` no's per `period` ("week" or "month")."""

    target: int
    period: str


@dataclass(frozen=True)
class GoalProgress:
    target: int
    period: str
    collected: int

    @property
    def reached(self) -> bool:
        return self.collected >= self.target


@dataclass(frozen=True)
class OpenReflection:
    """A recent no whose reflection has not been finished."""

    rejection_id: int
    logged_at: datetime
    kind: str


@dataclass(frozen=True)
class BraveStep:
    reflection_id: int
    text: str
    due_at: datetime | None
    done_at: datetime | None


@dataclass(frozen=True)
class Comeback:
    """A past no the person reflected on, and the brave step they took after it."""

    logged_at: datetime
    kind: str
    new_story: str | None
    brave_step: str
