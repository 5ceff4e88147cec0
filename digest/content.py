"""Everything one team's weekly digest says, before any platform turns it into a message."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path

from coach.content import language_or_default
from digest.anonymity import AnonymousWeek, Contribution, anonymous_week, effective_min_group
from digest.weeks import previous_weeks

HISTORY_WEEKS = 8
ENCOURAGEMENTS = Path(__file__).with_name("data") / "encouragements.json"


@dataclass(frozen=True)
class WeekActivity:
    """Reflections finished and feedback questions asked in the week, and by how many people."""

    reflections: int
    questions: int
    reflecting_people: int = 0
    asking_people: int = 0


@dataclass(frozen=True)
class Digest:
    """One week's digest; every figure is None where the anonymity rule withholds it."""

    lang: str
    week_start: date
    week: AnonymousWeek
    trend: int | None
    reflections: int | None
    questions: int | None
    team_goal: tuple[int, int] | None
    history: tuple[tuple[date, int | None], ...]
    encouragement: str


@cache
def _encouragements() -> dict[str, list[str]]:
    return json.loads(ENCOURAGEMENTS.read_text(encoding="utf-8"))


def encouragement(lang: str, week_start: date) -> str:
    """This week's encouraging line; it changes every week and is the same for every team."""
    lines = _encouragements()[language_or_default(lang)]
    return lines[week_start.isocalendar().week % len(lines)]


def build_digest(
    lang: str,
    week_start: date,
    contributions_by_week: Mapping[date, Sequence[Contribution]],
    activity: WeekActivity,
    team_goal: int | None,
    min_group: int,
) -> Digest:
    """The digest for `week_start`, from each week's contributions (a missing week had none)."""
    lang = language_or_default(lang)
    k = effective_min_group(min_group)
    weeks = previous_weeks(week_start, HISTORY_WEEKS)
    tallies = [anonymous_week(contributions_by_week.get(week, ()), min_group) for week in weeks]
    this_week, last_week = tallies[-1], tallies[-2]
    shown = this_week.shown
    return Digest(
        lang=lang,
        week_start=week_start,
        week=this_week,
        # Only a difference of two shown totals: one withheld week must not be recoverable from it.
        trend=this_week.rejections - last_week.rejections
        if this_week.rejections is not None and last_week.rejections is not None
        else None,
        # Each count has to clear the threshold on its own: "1 reflection" would point at one person.
        reflections=activity.reflections if shown and activity.reflecting_people >= k else None,
        questions=activity.questions if shown and activity.asking_people >= k else None,
        team_goal=(this_week.rejections, team_goal)
        if this_week.rejections is not None and team_goal and team_goal > 0
        else None,
        history=tuple((week, tally.rejections) for week, tally in zip(weeks, tallies, strict=True)),
        encouragement=encouragement(lang, week_start),
    )
