"""Turning a local calendar day and wall-clock time into one instant, daylight saving included."""

from __future__ import annotations

import math
from datetime import UTC, date, datetime, time, timezone, tzinfo


def require_monday(day: date) -> date:
    if day.weekday() != 0:
        raise ValueError(f"a week starts on a Monday; {day.isoformat()} is a {day.strftime('%A')}")
    return day


def wall_clock_moment(day: date, at: time, zone: tzinfo) -> datetime:
    """The instant the clocks in `zone` show `at` on `day`, in local time with that instant's fixed offset.

    A wall time shown twice (clocks going back) is its first occurrence. A wall time skipped by
    clocks going forward becomes the first instant after the skip, when the clocks show the end
    of the gap (02:30 on a spring-forward day in Amsterdam becomes 03:00).

    The fixed offset matters: with a zone as its tzinfo, a datetime near a change compares unequal
    to the same instant elsewhere and moves by wall-clock time under arithmetic (PEP 495).
    """
    naive = datetime.combine(day, at.replace(tzinfo=None))
    first = naive.replace(tzinfo=zone, fold=0)
    if first.astimezone(UTC).astimezone(zone).replace(tzinfo=None) == naive:
        return _fixed(first)
    # In a gap, fold=1 reads the wall time with the offset after the change (an instant before the
    # change) and fold=0 with the offset before it (an instant after): the change lies in between.
    before = math.floor(naive.replace(tzinfo=zone, fold=1).timestamp())
    after = math.ceil(first.timestamp())
    while after - before > 1:
        middle = (before + after) // 2
        if datetime.fromtimestamp(middle, zone).replace(tzinfo=None) > naive:
            after = middle
        else:
            before = middle
    return _fixed(datetime.fromtimestamp(after, zone))


def _fixed(moment: datetime) -> datetime:
    return moment.astimezone(timezone(moment.utcoffset()))
