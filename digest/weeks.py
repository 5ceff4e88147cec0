"""Digest weeks: Monday to Monday on the team's own calendar, as UTC instants for the database."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta, tzinfo

from digest._clock import require_monday, wall_clock_moment

ONE_WEEK = timedelta(weeks=1)


def week_window(week_start: date, zone: tzinfo) -> tuple[datetime, datetime]:
    """The UTC instants [start, end) from Monday `week_start`'s local midnight to the next Monday's.

    Taking both ends from the local calendar keeps a week with a daylight-saving change whole:
    it lasts 167 or 169 hours, and consecutive windows meet exactly.
    """
    require_monday(week_start)
    start = wall_clock_moment(week_start, time(0), zone)
    end = wall_clock_moment(week_start + ONE_WEEK, time(0), zone)
    return start.astimezone(UTC), end.astimezone(UTC)


def previous_weeks(week_start: date, count: int) -> list[date]:
    """The `count` week starts ending with `week_start`, oldest first."""
    require_monday(week_start)
    if count < 0:
        raise ValueError(f"count must not be negative, got {count}")
    return [week_start - ONE_WEEK * back for back in range(count - 1, -1, -1)]
