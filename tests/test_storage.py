"""The schema the migrations build is the schema the models describe, on SQLite and PostgreSQL."""

from __future__ import annotations

import multiprocessing
from datetime import UTC, datetime, timedelta, timezone

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from coach.records import NewRejection
from storage.db import create_db_engine, session_factory
from storage.migrate import is_up_to_date, upgrade, upgrade_embedded_or_check
from storage.models import Base
from storage.rejections import add_rejection, logged_times, recent_rejections

NO = NewRejection("idea_at_work", "left_out", "hurt", 3, None, True)


@pytest.fixture
def engine(database_url):
    engine = create_db_engine(database_url)
    upgrade(engine)  # a second upgrade is a no-op
    yield engine
    engine.dispose()


def test_migrations_match_the_models(engine):
    with engine.connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    assert differences == []
    assert is_up_to_date(engine)


def test_times_come_back_in_utc_whatever_zone_went_in(engine):
    amsterdam_evening = datetime(2026, 11, 24, 23, 30, tzinfo=timezone(timedelta(hours=1)))
    with session_factory(engine).begin() as session:
        add_rejection(
            session,
            workspace_id="T1",
            organisation_id=None,
            user_id="U1",
            logged_at=amsterdam_evening,
            new_rejection=NO,
        )
    with session_factory(engine)() as session:
        [stored] = logged_times(session, "T1", "U1")
    assert stored == amsterdam_evening and stored.tzinfo is not None
    assert stored.utcoffset() == timedelta(0)


def test_naive_times_are_refused(engine):
    with pytest.raises(Exception, match="naive"), session_factory(engine).begin() as session:
        add_rejection(
            session,
            workspace_id="T1",
            organisation_id=None,
            user_id="U1",
            logged_at=datetime(2026, 1, 1),
            new_rejection=NO,
        )


def test_recent_is_newest_first_and_per_person_and_workspace(engine):
    start = datetime(2026, 11, 1, tzinfo=UTC)
    with session_factory(engine).begin() as session:
        for day in range(7):
            add_rejection(
                session,
                workspace_id="T1",
                organisation_id=None,
                user_id="U1",
                logged_at=start + timedelta(days=day),
                new_rejection=NO,
            )
        add_rejection(session, workspace_id="T2", organisation_id=None, user_id="U1", logged_at=start, new_rejection=NO)
        add_rejection(session, workspace_id="T1", organisation_id=None, user_id="U2", logged_at=start, new_rejection=NO)
    with session_factory(engine)() as session:
        recent = recent_rejections(session, "T1", "U1")
        assert [entry.logged_at.day for entry in recent] == [7, 6, 5, 4, 3]
        assert len(logged_times(session, "T1", "U1")) == 7


def _start_on(url: str, outcomes, all_ready) -> None:
    engine = create_db_engine(url)
    all_ready.wait()  # every process is imported and ready: now they really start at once
    try:
        upgrade_embedded_or_check(engine)
        outcomes.put("ok")
    except Exception as error:  # reported to the parent, which fails the test
        outcomes.put(repr(error))


def test_processes_starting_together_on_a_new_sqlite_file_all_start(tmp_path):
    # Several web workers (or a worker and the scheduler) may start on the same new file at once.
    context = multiprocessing.get_context("spawn")
    for attempt in range(3):
        url = f"sqlite:///{tmp_path / f'together-{attempt}.db'}"
        outcomes, all_ready = context.Queue(), context.Barrier(3)
        workers = [context.Process(target=_start_on, args=(url, outcomes, all_ready)) for _ in range(3)]
        for worker in workers:
            worker.start()
        for worker in workers:
            worker.join(timeout=60)
        assert sorted(outcomes.get(timeout=5) for _ in workers) == ["ok", "ok", "ok"]
        assert is_up_to_date(create_db_engine(url))


def test_the_vocabulary_migration_keeps_every_row(engine):
    """0006 renames columns only: rows written under 0005's names read back whole under the new ones."""
    from alembic import command
    from sqlalchemy import text

    from storage.migrate import alembic_config

    config = alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "0005")
    moment = datetime(2026, 11, 27, 15, 0, tzinfo=UTC)
    with engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO rejections (team_id, enterprise_id, user_id, logged_at, kind, form, feeling, intensity,"
                " counts_in_tally) VALUES ('T1', 'E1', 'U1', :moment, 'other', 'explicit', 'hurt', 2, true)"
            ),
            {"moment": moment},
        )
        rejection_id = connection.execute(text("SELECT id FROM rejections")).scalar_one()
        connection.execute(
            text(
                "INSERT INTO reflections (rejection_id, team_id, user_id, step_due_at, step_reminder_id, started_at,"
                " updated_at) VALUES (:id, 'T1', 'U1', :moment, 'Q1', :moment, :moment)"
            ),
            {"id": rejection_id, "moment": moment},
        )
        connection.execute(
            text(
                "INSERT INTO workspaces (team_id, enterprise_id, enabled, language, timezone, digest_weekday,"
                " digest_time, min_group, retention_months, updated_at)"
                " VALUES ('T1', 'E1', true, 'nl', 'UTC', 4, '16:00', 3, 24, :moment)"
            ),
            {"moment": moment},
        )
        connection.execute(text("INSERT INTO digest_channels (team_id, channel_id) VALUES ('T1', 'C1')"))

    upgrade(engine)

    with engine.connect() as connection:
        assert connection.execute(
            text("SELECT workspace_id, organisation_id, user_id, kind FROM rejections")
        ).one() == ("T1", "E1", "U1", "other")
        assert connection.execute(text("SELECT workspace_id, brave_step_reminder_id FROM reflections")).one() == (
            "T1",
            "Q1",
        )
        assert connection.execute(text("SELECT workspace_id, organisation_id, language FROM workspaces")).one() == (
            "T1",
            "E1",
            "nl",
        )
        assert connection.execute(text("SELECT workspace_id, channel_id FROM digest_channels")).one() == ("T1", "C1")
    with engine.connect() as connection:
        assert compare_metadata(MigrationContext.configure(connection), Base.metadata) == []
