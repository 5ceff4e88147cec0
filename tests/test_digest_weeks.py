"""Digest weeks run Monday to Monday on the team's calendar, whole across daylight-saving changes."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from coach.progress import week_start
from digest.weeks import previous_weeks, week_window

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
NEW_YORK = ZoneInfo("America/New_York")
HOUR = timedelta(hours=1)


def hours(window: tuple[datetime, datetime]) -> float:
    return (window[1] - window[0]) / HOUR


def test_a_week_starts_at_local_midnight_on_monday_given_in_utc():
    start, end = week_window(date(2026, 11, 23), AMSTERDAM)
    assert (start, end) == (datetime(2026, 11, 22, 23, tzinfo=UTC), datetime(2026, 11, 29, 23, tzinfo=UTC))
    assert start.utcoffset() == timedelta(0)


@pytest.mark.parametrize(
    ("zone", "monday", "length"),
    [
        (AMSTERDAM, date(2026, 3, 23), 167),  # clocks forward on Sunday 29 March
        (AMSTERDAM, date(2026, 10, 19), 169),  # clocks back on Sunday 25 October
        (AMSTERDAM, date(2026, 10, 26), 168),
        (NEW_YORK, date(2026, 3, 2), 167),  # clocks forward on Sunday 8 March
        (NEW_YORK, date(2026, 3, 23), 168),  # Amsterdam's short week is an ordinary one here
        (NEW_YORK, date(2026, 10, 26), 169),  # clocks back on Sunday 1 November
        (ZoneInfo("UTC"), date(2026, 3, 23), 168),
    ],
)
def test_a_week_with_a_daylight_saving_change_is_an_hour_shorter_or_longer(zone, monday, length):
    assert hours(week_window(monday, zone)) == length


@pytest.mark.parametrize("zone", [AMSTERDAM, NEW_YORK])
def test_weeks_meet_exactly_and_hold_the_moments_that_belong_to_them(zone):
    monday = date(2026, 1, 5)
    for _ in range(60):
        start, end = week_window(monday, zone)
        assert week_window(monday + timedelta(weeks=1), zone)[0] == end
        assert week_start(start, zone) == monday
        assert week_start(end - timedelta(microseconds=1), zone) == monday
        assert week_start(start - timedelta(microseconds=1), zone) == monday - timedelta(weeks=1)
        monday += timedelta(weeks=1)


def test_a_skipped_midnight_starts_the_week_when_monday_begins():
    # Tehran moved its clocks from midnight to 01:00 on Monday 22 March 2021.
    tehran = ZoneInfo("Asia/Tehran")
    start, _ = week_window(date(2021, 3, 22), tehran)
    assert start.astimezone(tehran).replace(tzinfo=None) == datetime(2021, 3, 22, 1)
    assert week_start(start, tehran) == date(2021, 3, 22)
    assert week_start(start - timedelta(seconds=1), tehran) == date(2021, 3, 15)


def test_a_week_must_start_on_a_monday():
    with pytest.raises(ValueError, match="Monday"):
        week_window(date(2026, 11, 24), AMSTERDAM)


def test_previous_weeks_end_with_this_week_oldest_first():
    weeks = previous_weeks(date(2026, 1, 12), 4)
    assert weeks == [date(2025, 12, 22), date(2025, 12, 29), date(2026, 1, 5), date(2026, 1, 12)]
    assert previous_weeks(date(2026, 1, 12), 1) == [date(2026, 1, 12)]
    assert previous_weeks(date(2026, 1, 12), 0) == []


def test_previous_weeks_refuse_nonsense():
    with pytest.raises(ValueError):
        previous_weeks(date(2026, 1, 12), -1)
    with pytest.raises(ValueError, match="Monday"):
        previous_weeks(date(2026, 1, 13), 8)
