"""When a team's digest is due: its weekday and wall-clock time in its own time zone."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from digest.schedule import (
    WEEKDAYS,
    DigestSchedule,
    due_week,
    parse_clock,
    parse_weekday,
    scheduled_moment,
    zone,
)

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
NEW_YORK = ZoneInfo("America/New_York")
FRIDAY_AFTERNOON = DigestSchedule(weekday=4, at=time(16), zone_name="Europe/Amsterdam")
WEEK = date(2026, 11, 23)
NEXT_WEEK = date(2026, 11, 30)
TICK = timedelta(microseconds=1)


def local(*parts: int, tz: ZoneInfo = AMSTERDAM, fold: int = 0) -> datetime:
    return datetime(*parts, tzinfo=tz, fold=fold)


def test_the_moment_is_the_wall_clock_time_on_that_weekday():
    moment = scheduled_moment(FRIDAY_AFTERNOON, WEEK)
    assert moment == datetime(2026, 11, 27, 15, tzinfo=UTC)
    assert (moment.weekday(), moment.hour, moment.minute) == (4, 16, 0)
    # The same wall time in summer is a different hour in UTC.
    assert scheduled_moment(FRIDAY_AFTERNOON, date(2026, 6, 1)) == datetime(2026, 6, 5, 14, tzinfo=UTC)


def test_due_exactly_at_the_moment_and_not_a_moment_before():
    moment = scheduled_moment(FRIDAY_AFTERNOON, WEEK)
    assert due_week(FRIDAY_AFTERNOON, moment) == WEEK
    assert due_week(FRIDAY_AFTERNOON, moment - TICK) is None
    assert due_week(FRIDAY_AFTERNOON, local(2026, 11, 23, 0, 0)) is None


def test_a_missed_digest_is_still_due_later_that_week_but_not_after_it():
    assert due_week(FRIDAY_AFTERNOON, local(2026, 11, 28, 9, 0)) == WEEK  # Saturday, after a restart
    assert due_week(FRIDAY_AFTERNOON, local(2026, 11, 29, 23, 59, 59)) == WEEK  # Sunday night
    assert due_week(FRIDAY_AFTERNOON, local(2026, 11, 30, 0, 0)) is None  # the week is over
    assert due_week(FRIDAY_AFTERNOON, local(2026, 12, 4, 16, 0)) == NEXT_WEEK


def test_now_may_come_in_any_zone():
    moment = scheduled_moment(FRIDAY_AFTERNOON, WEEK)
    assert due_week(FRIDAY_AFTERNOON, moment.astimezone(NEW_YORK)) == WEEK
    assert due_week(FRIDAY_AFTERNOON, (moment - TICK).astimezone(UTC)) is None


def test_the_week_is_the_teams_week_not_utcs():
    sunday_night = DigestSchedule(weekday=6, at=time(23, 30), zone_name="Europe/Amsterdam")
    assert due_week(sunday_night, local(2026, 11, 29, 23, 45)) == WEEK
    # Monday 00:15 in Amsterdam is still Sunday in UTC, but the team's new week has begun.
    monday_early = local(2026, 11, 30, 0, 15)
    assert monday_early.astimezone(UTC).weekday() == 6
    assert due_week(sunday_night, monday_early) is None


def test_a_digest_early_on_monday_belongs_to_the_week_just_begun():
    monday_night = DigestSchedule(weekday=0, at=time(0, 30), zone_name="America/New_York")
    assert due_week(monday_night, local(2026, 11, 30, 0, 29, tz=NEW_YORK)) is None
    assert due_week(monday_night, local(2026, 11, 30, 0, 30, tz=NEW_YORK)) == NEXT_WEEK
    # Until then the previous week's digest was the due one, all week long.
    assert due_week(monday_night, local(2026, 11, 29, 23, 59, tz=NEW_YORK)) == WEEK
    assert due_week(monday_night, local(2026, 11, 23, 0, 30, tz=NEW_YORK)) == WEEK


def test_a_time_skipped_by_spring_forward_happens_when_the_clocks_resume():
    night = DigestSchedule(weekday=6, at=time(2, 30), zone_name="Europe/Amsterdam")
    moment = scheduled_moment(night, date(2026, 3, 23))
    assert moment == datetime(2026, 3, 29, 1, 0, tzinfo=UTC)  # 03:00 summer time
    assert (moment.hour, moment.minute) == (3, 0)
    assert due_week(night, moment - TICK) is None
    assert due_week(night, moment) == date(2026, 3, 23)


def test_a_time_shown_twice_by_fall_back_happens_the_first_time():
    night = DigestSchedule(weekday=6, at=time(2, 30), zone_name="Europe/Amsterdam")
    moment = scheduled_moment(night, date(2026, 10, 19))
    assert moment == datetime(2026, 10, 25, 0, 30, tzinfo=UTC)  # 02:30 summer time
    # 02:15 the second time round is later than 02:30 the first time, though its clock says earlier.
    second_quarter_past_two = local(2026, 10, 25, 2, 15, fold=1)
    assert due_week(night, second_quarter_past_two) == date(2026, 10, 19)
    assert due_week(night, local(2026, 10, 25, 2, 15, fold=0)) is None


def test_a_friday_digest_in_new_york_across_its_daylight_saving_change():
    friday = DigestSchedule(weekday=4, at=time(16), zone_name="America/New_York")
    assert scheduled_moment(friday, date(2026, 3, 2)) == datetime(2026, 3, 6, 21, tzinfo=UTC)
    assert scheduled_moment(friday, date(2026, 3, 9)) == datetime(2026, 3, 13, 20, tzinfo=UTC)


def test_now_must_be_aware():
    with pytest.raises(ValueError, match="aware"):
        due_week(FRIDAY_AFTERNOON, datetime(2026, 11, 27, 16))


def test_an_unknown_zone_is_named_in_the_error():
    with pytest.raises(ValueError, match="Mars/Olympus"):
        zone("Mars/Olympus")
    with pytest.raises(ValueError, match="time zone"):
        due_week(DigestSchedule(4, time(16), "Mars/Olympus"), datetime(2026, 11, 27, tzinfo=UTC))
    assert zone("America/New_York") == NEW_YORK


def test_a_weekday_outside_the_week_is_refused():
    with pytest.raises(ValueError):
        DigestSchedule(weekday=7, at=time(16), zone_name="UTC")


@pytest.mark.parametrize(
    ("text", "weekday"), [("mon", 0), ("fri", 4), ("Friday", 4), ("  SUN ", 6), ("wednesday", 2), ("Sat", 5)]
)
def test_weekdays_parse_from_short_and_full_english_names(text, weekday):
    assert parse_weekday(text) == weekday
    assert WEEKDAYS[weekday] == text.strip().lower()[:3]


@pytest.mark.parametrize("text", ["vr", "fr", "", "frid", "friday!", "4"])
def test_an_unknown_weekday_says_what_is_expected(text):
    with pytest.raises(ValueError, match="mon, tue, wed"):
        parse_weekday(text)


@pytest.mark.parametrize(
    ("text", "expected"), [("16:00", time(16)), ("9:30", time(9, 30)), ("00:00", time(0)), (" 23:59 ", time(23, 59))]
)
def test_clock_times_parse_as_24_hour_times(text, expected):
    assert parse_clock(text) == expected


@pytest.mark.parametrize("text", ["24:00", "9:60", "16", "16:0", "4pm", "", "16:00:00", "1600", "-1:00"])
def test_an_unreadable_clock_time_says_what_is_expected(text):
    with pytest.raises(ValueError, match="16:00"):
        parse_clock(text)
