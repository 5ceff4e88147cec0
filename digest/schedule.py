"""When a team's digest is due: a weekday and wall-clock time in the team's own time zone."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from coach import progress
from digest._clock import require_monday, wall_clock_moment

WEEKDAYS: tuple[str, ...] = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
WEEKDAY_NAMES: tuple[str, ...] = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
CLOCK = re.compile(r"([0-9]{1,2}):([0-9]{2})")


@dataclass(frozen=True)
class DigestSchedule:
    """`weekday` 0 is Monday; `at` is a wall-clock time in `zone_name` (an IANA name)."""

    weekday: int
    at: time
    zone_name: str

    def __post_init__(self) -> None:
        if not 0 <= self.weekday <= 6:
            raise ValueError(f"weekday is 0 (Monday) to 6 (Sunday), not {self.weekday}")


def zone(zone_name: str) -> tzinfo:
    try:
        return ZoneInfo(zone_name)
    except (ZoneInfoNotFoundError, ValueError) as error:
        raise ValueError(f"unknown time zone {zone_name!r}: use an IANA name such as Europe/Amsterdam") from error


def scheduled_moment(schedule: DigestSchedule, week_start: date) -> datetime:
    """When the digest of the week starting on Monday `week_start` is due: local wall-clock time
    with that moment's fixed UTC offset (so comparing it or adding to it is exact).

    A time the clocks skip that day becomes the first instant after the skip; a time they show
    twice is its first occurrence.
    """
    day = require_monday(week_start) + timedelta(days=schedule.weekday)
    return wall_clock_moment(day, schedule.at, zone(schedule.zone_name))


def due_week(schedule: DigestSchedule, now: datetime) -> date | None:
    """The Monday of the week whose digest is due at `now`, or None before this week's moment.

    A digest stays due from its moment to the end of its week, so a run missed during a restart
    still happens later that week; once the week is over it is no longer due. The caller records
    each posted week, so "due" means "due unless already posted".
    """
    if now.utcoffset() is None:
        raise ValueError("now must be timezone-aware")
    this_week = progress.week_start(now, zone(schedule.zone_name))
    # Compared in UTC: Python compares two datetimes of the same zone by wall time, ignoring fold.
    if now.astimezone(UTC) >= scheduled_moment(schedule, this_week).astimezone(UTC):
        return this_week
    return None


def parse_weekday(text: str) -> int:
    """0 for "mon" or "Monday" (any case) up to 6 for Sunday."""
    name = text.strip().lower()
    for names in (WEEKDAYS, WEEKDAY_NAMES):
        if name in names:
            return names.index(name)
    raise ValueError(f"unknown weekday {text!r}: use mon, tue, wed, thu, fri, sat or sun (or the full English name)")


def parse_clock(text: str) -> time:
    """A 24-hour wall-clock time such as "16:00" or "9:30"."""
    match = CLOCK.fullmatch(text.strip())
    if match is None or int(match[1]) > 23 or int(match[2]) > 59:
        raise ValueError(f"unknown time {text!r}: use 24-hour HH:MM, such as 16:00 or 9:30")
    return time(int(match[1]), int(match[2]))
