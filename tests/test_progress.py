"""Weekly counts and streaks on the person's own calendar (Monday to Sunday)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from coach.progress import personal_progress, rejections_this_week, week_start, weekly_streak

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
# Tuesday 24 November 2026, noon in Amsterdam
NOW = datetime(2026, 11, 24, 11, tzinfo=UTC)


def test_week_starts_on_monday_in_the_persons_timezone():
    assert week_start(NOW, AMSTERDAM) == date(2026, 11, 23)
    # Sunday 23:30 UTC is already Monday in Amsterdam.
    assert week_start(datetime(2026, 11, 22, 23, 30, tzinfo=UTC), AMSTERDAM) == date(2026, 11, 23)
    assert week_start(datetime(2026, 11, 22, 23, 30, tzinfo=UTC), UTC) == date(2026, 11, 16)


def test_streak_counts_consecutive_weeks_back_from_this_week():
    times = [NOW, NOW - timedelta(weeks=1), NOW - timedelta(weeks=2), NOW - timedelta(weeks=4)]
    assert weekly_streak(times, NOW, AMSTERDAM) == 3


def test_a_quiet_week_so_far_does_not_break_the_streak_yet():
    times = [NOW - timedelta(weeks=1), NOW - timedelta(weeks=2)]
    assert weekly_streak(times, NOW, AMSTERDAM) == 2


def test_a_missed_full_week_ends_the_streak():
    assert weekly_streak([NOW - timedelta(weeks=2)], NOW, AMSTERDAM) == 0
    assert weekly_streak([], NOW, AMSTERDAM) == 0


def test_several_nos_in_one_week_count_once_for_the_streak():
    assert weekly_streak([NOW, NOW, NOW - timedelta(hours=20)], NOW, AMSTERDAM) == 1


def test_weeks_across_the_daylight_saving_change_stay_whole():
    # Clocks went back on Sunday 25 October 2026; weeks before and after are still consecutive.
    after = datetime(2026, 10, 26, 8, tzinfo=UTC)  # Monday after the change
    before = datetime(2026, 10, 19, 8, tzinfo=UTC)  # Monday before
    assert weekly_streak([after, before], datetime(2026, 10, 27, 8, tzinfo=UTC), AMSTERDAM) == 2


def test_this_weeks_count_uses_the_persons_monday():
    sunday_night_utc = datetime(2026, 11, 22, 23, 30, tzinfo=UTC)  # Monday 00:30 in Amsterdam
    assert rejections_this_week([sunday_night_utc], NOW, AMSTERDAM) == 1
    assert rejections_this_week([sunday_night_utc], NOW, UTC) == 0


def test_personal_progress_combines_the_figures():
    progress = personal_progress([NOW, NOW - timedelta(weeks=1)], [], NOW, AMSTERDAM)
    assert (progress.total, progress.this_week, progress.streak_weeks) == (2, 1, 2)
