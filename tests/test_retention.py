"""No's older than their workspace keeps them are deleted, with their reflections; newer ones stay."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from coach.records import NewRejection
from digest.settings import WorkspaceSettings
from storage.models import Reflection, Rejection
from storage.reflections import reflection_for
from storage.rejections import add_rejection
from storage.retention import months_before, purge_expired
from storage.workspaces import save_settings
from tests.test_digest_delivery import nope_command

NOW = datetime(2026, 6, 15, 12, 0, tzinfo=UTC)
SECOND = timedelta(seconds=1)


def keeps_for(sessions, workspace_id: str, months: int) -> None:
    with sessions.begin() as session:
        save_settings(session, WorkspaceSettings(workspace_id=workspace_id, retention_months=months), NOW)


def logged(sessions, workspace_id: str, moment: datetime, *, reflected: bool = False) -> int:
    with sessions.begin() as session:
        rejection = add_rejection(
            session,
            workspace_id=workspace_id,
            organisation_id=None,
            user_id="U1",
            logged_at=moment,
            new_rejection=NewRejection("sales_pitch", "explicit", "hurt", 3, "my words", True),
        )
        if reflected:
            reflection_for(session, rejection, moment).new_story = "a kinder story"
        return rejection.id


def remaining(sessions) -> tuple[set[int], set[int]]:
    """The ids of the no's left, and the no's that still have a reflection."""
    with sessions() as session:
        return set(session.scalars(select(Rejection.id))), set(session.scalars(select(Reflection.rejection_id)))


def test_without_settings_no_s_are_kept_24_months_to_the_second(sessions):
    cutoff = datetime(2024, 6, 15, 12, 0, tzinfo=UTC)
    logged(sessions, "T0001", cutoff - SECOND, reflected=True)
    just_in = logged(sessions, "T0001", cutoff, reflected=True)
    recent = logged(sessions, "T0001", NOW - timedelta(days=1))

    with sessions.begin() as session:
        assert purge_expired(session, NOW) == 1

    assert remaining(sessions) == ({just_in, recent}, {just_in})


def test_each_workspace_keeps_no_s_as_long_as_its_own_setting_says(sessions):
    keeps_for(sessions, "T0SHORT", 6)
    keeps_for(sessions, "T0LONG", 36)
    keeps_for(sessions, "T0DEFAULT", 24)
    logged(sessions, "T0SHORT", NOW - timedelta(days=7 * 31), reflected=True)
    short_new = logged(sessions, "T0SHORT", NOW - timedelta(days=5 * 30))
    long_kept = logged(sessions, "T0LONG", NOW - timedelta(days=30 * 31))  # past the default, within 36 months
    logged(sessions, "T0LONG", NOW - timedelta(days=37 * 31))
    logged(sessions, "T0DEFAULT", NOW - timedelta(days=25 * 31))
    logged(sessions, "T0UNSET", NOW - timedelta(days=25 * 31))
    unset_kept = logged(sessions, "T0UNSET", NOW - timedelta(days=23 * 31))

    with sessions.begin() as session:
        assert purge_expired(session, NOW) == 4

    assert remaining(sessions) == ({short_new, long_kept, unset_kept}, set())


def test_a_second_purge_finds_nothing_more(sessions):
    logged(sessions, "T0001", NOW - timedelta(days=800))
    with sessions.begin() as session:
        assert purge_expired(session, NOW) == 1
    with sessions.begin() as session:
        assert purge_expired(session, NOW) == 0


def test_a_retention_below_one_month_deletes_nothing(sessions):
    keeps_for(sessions, "T0BROKEN", 0)
    kept = logged(sessions, "T0BROKEN", NOW - timedelta(days=900))

    with sessions.begin() as session:
        assert purge_expired(session, NOW) == 0

    assert remaining(sessions)[0] == {kept}


@pytest.mark.parametrize(
    ("moment", "months", "expected"),
    [
        (datetime(2026, 3, 31, 12, tzinfo=UTC), 1, datetime(2026, 2, 28, 12, tzinfo=UTC)),
        (datetime(2024, 2, 29, tzinfo=UTC), 12, datetime(2023, 2, 28, tzinfo=UTC)),
        (datetime(2026, 1, 15, 8, 30, tzinfo=UTC), 1, datetime(2025, 12, 15, 8, 30, tzinfo=UTC)),
        (datetime(2026, 6, 15, 12, tzinfo=UTC), 24, datetime(2024, 6, 15, 12, tzinfo=UTC)),
        (datetime(2026, 12, 31, tzinfo=UTC), 10, datetime(2026, 2, 28, tzinfo=UTC)),
    ],
)
def test_months_are_calendar_months(moment, months, expected):
    assert months_before(moment, months) == expected


def test_nope_retention_purge_deletes_what_has_expired_at_the_given_moment(sessions, config):
    logged(sessions, "T0001", datetime(2024, 6, 1, tzinfo=UTC))
    kept = logged(sessions, "T0001", datetime(2024, 7, 1, tzinfo=UTC))

    run = nope_command(config, "retention", "purge", "--now", "2026-06-15T12:00:00+00:00")
    stdout, stderr = run.communicate(timeout=60)

    assert run.returncode == 0, stderr
    assert "deleted 1 no's" in stdout
    assert remaining(sessions)[0] == {kept}
