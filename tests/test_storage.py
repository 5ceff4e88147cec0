"""The schema the migrations build is the schema the models describe, on SQLite and PostgreSQL."""

from __future__ import annotations

import multiprocessing
from datetime import UTC, datetime, timedelta, timezone

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from coach.records import NewNo
from storage.db import create_db_engine, session_factory
from storage.migrate import is_up_to_date, upgrade, upgrade_embedded_or_check
from storage.models import Base
from storage.rejections import add_rejection, logged_times, recent_nos

NO = NewNo("idea_at_work", "left_out", "hurt", 3, None, True)


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
        add_rejection(session, team_id="T1", enterprise_id=None, user_id="U1", logged_at=amsterdam_evening, new_no=NO)
    with session_factory(engine)() as session:
        [stored] = logged_times(session, "T1", "U1")
    assert stored == amsterdam_evening and stored.tzinfo is not None
    assert stored.utcoffset() == timedelta(0)


def test_naive_times_are_refused(engine):
    with pytest.raises(Exception, match="naive"), session_factory(engine).begin() as session:
        add_rejection(
            session, team_id="T1", enterprise_id=None, user_id="U1", logged_at=datetime(2026, 1, 1), new_no=NO
        )


def test_recent_is_newest_first_and_per_person_and_workspace(engine):
    start = datetime(2026, 11, 1, tzinfo=UTC)
    with session_factory(engine).begin() as session:
        for day in range(7):
            add_rejection(
                session,
                team_id="T1",
                enterprise_id=None,
                user_id="U1",
                logged_at=start + timedelta(days=day),
                new_no=NO,
            )
        add_rejection(session, team_id="T2", enterprise_id=None, user_id="U1", logged_at=start, new_no=NO)
        add_rejection(session, team_id="T1", enterprise_id=None, user_id="U2", logged_at=start, new_no=NO)
    with session_factory(engine)() as session:
        recent = recent_nos(session, "T1", "U1")
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
