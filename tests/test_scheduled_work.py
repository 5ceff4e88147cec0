"""The scheduler's jobs: digests every minute, and no's past their workspace's retention deleted every hour."""

from __future__ import annotations

import logging
from datetime import UTC, datetime

from sqlalchemy import select

from coach.records import NewRejection
from slack_api.client import slack_client
from slack_api.workspaces import one_workspace
from storage.db import create_db_engine, session_factory
from storage.models import Rejection
from storage.rejections import add_rejection
from tests.conftest import config_for
from use_cases.core import with_sessions
from use_cases.scheduled_jobs import DIGEST_CHECK_SECONDS, RETENTION_CHECK_SECONDS, scheduled_jobs

NOW = datetime(2026, 11, 24, 12, tzinfo=UTC)


def log_at(sessions, logged_at: datetime) -> None:
    with sessions.begin() as session:
        add_rejection(
            session,
            workspace_id="T1",
            organisation_id=None,
            user_id="U1",
            logged_at=logged_at,
            new_rejection=NewRejection("other", "explicit", "hurt", 2, None, True),
        )


def test_the_retention_job_deletes_what_is_older_than_two_years_by_default(sessions, core, config):
    log_at(sessions, datetime(2024, 11, 23, tzinfo=UTC))  # just over 24 months ago
    log_at(sessions, datetime(2024, 11, 25, tzinfo=UTC))
    jobs = {job.job_id: job for job in scheduled_jobs(core, one_workspace(slack_client(config)))}

    jobs["nope-retention"].run(NOW)

    with sessions() as session:
        kept = session.scalars(select(Rejection.logged_at)).all()
    assert kept == [datetime(2024, 11, 25, tzinfo=UTC)]
    assert jobs["nope-retention"].every_seconds == RETENTION_CHECK_SECONDS
    assert jobs["nope-send-due-digests"].every_seconds == DIGEST_CHECK_SECONDS


def test_jobs_the_database_fails_leave_one_outage_line_and_no_traceback(web_api, caplog):
    unreachable = "sqlite:////nonexistent-dir/for/nope.db"
    core = with_sessions(session_factory(create_db_engine(unreachable)))
    jobs = scheduled_jobs(core, one_workspace(slack_client(config_for(web_api, unreachable))))

    for _minute in range(3):
        for job in jobs:
            job.run(NOW)

    assert [record.getMessage() for record in caplog.records if record.levelno >= logging.WARNING] == [
        "the database is unavailable: sending due digests failed (OperationalError)"
    ]
    assert not [record for record in caplog.records if record.exc_info]
