"""Plain records passed between storage, the coach and the builders."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class NewNo:
    """What a person submitted, validated."""

    kind: str
    form: str
    feeling: str
    intensity: int
    story: str | None
    counts_in_tally: bool


@dataclass(frozen=True)
class LoggedNo:
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
    recent: tuple[LoggedNo, ...]
