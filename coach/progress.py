"""A person's own numbers: this week's no's and their weekly streak (weeks run Monday to Sunday)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, datetime, timedelta, tzinfo

from coach.records import Goal, GoalProgress, LoggedRejection, PersonalProgress

ONE_WEEK = timedelta(weeks=1)


def week_start(moment: datetime, zone: tzinfo) -> date:
    """The Monday of the week `moment` falls in, on the person's own calendar."""
    local_day = moment.astimezone(zone).date()
    return local_day - timedelta(days=local_day.weekday())


def weekly_streak(logged_times: Iterable[datetime], now: datetime, zone: tzinfo) -> int:
    """Weeks in a row with at least one no, ending this week.

    A week without a no yet does not break the streak until it is over, so the count runs back
    from last week when this week is still empty.
    """
    weeks_with_a_rejection = {week_start(moment, zone) for moment in logged_times}
    week = week_start(now, zone)
    if week not in weeks_with_a_rejection:
        week -= ONE_WEEK
    streak = 0
    while week in weeks_with_a_rejection:
        streak += 1
        week -= ONE_WEEK
    return streak


def rejections_this_week(logged_times: Iterable[datetime], now: datetime, zone: tzinfo) -> int:
    this_week = week_start(now, zone)
    return sum(1 for moment in logged_times if week_start(moment, zone) == this_week)


def personal_progress(
    logged_times: Sequence[datetime], recent: Sequence[LoggedRejection], now: datetime, zone: tzinfo
) -> PersonalProgress:
    return PersonalProgress(
        total=len(logged_times),
        this_week=rejections_this_week(logged_times, now, zone),
        streak_weeks=weekly_streak(logged_times, now, zone),
        recent=tuple(recent),
    )


GOAL_PERIODS: tuple[str, ...] = ("week", "month")


def period_start(moment: datetime, zone: tzinfo, period: str) -> date:
    """The first day of the goal period `moment` falls in, on the person's own calendar."""
    if period == "month":
        return moment.astimezone(zone).date().replace(day=1)
    return week_start(moment, zone)


def goal_progress(goal: Goal, logged_times: Iterable[datetime], now: datetime, zone: tzinfo) -> GoalProgress:
    current = period_start(now, zone, goal.period)
    collected = sum(1 for moment in logged_times if period_start(moment, zone, goal.period) == current)
    return GoalProgress(target=goal.target, period=goal.period, collected=collected)
