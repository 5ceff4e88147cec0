"""Recognising Slack's retries stays as cheap with a long history as with none (issue item 10)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, insert, inspect, select

from storage.db import create_db_engine, session_factory
from storage.events import FORGOTTEN_PER_DELIVERY, REMEMBERED_FOR, first_delivery
from storage.migrate import upgrade
from storage.models import ProcessedEvent

NOW = datetime(2026, 12, 6, 9, 0, tzinfo=UTC)


@pytest.fixture
def engine(database_url):
    engine = create_db_engine(database_url)
    upgrade(engine)
    yield engine
    engine.dispose()


def remembered(engine) -> int:
    with engine.connect() as connection:
        return connection.execute(select(func.count()).select_from(ProcessedEvent)).scalar_one()


def test_the_migrated_table_finds_deliveries_by_age_through_an_index(engine):
    indexes = inspect(engine).get_indexes("processed_events")
    assert [index["column_names"] for index in indexes] == [["received_at"]]


def test_each_delivery_forgets_a_bounded_batch_of_expired_ones_and_keeps_recent_ones(engine):
    expired_at, recent_at = NOW - REMEMBERED_FOR - timedelta(minutes=1), NOW - timedelta(hours=1)
    with engine.begin() as connection:
        connection.execute(
            insert(ProcessedEvent),
            [{"event_id": f"Ev-old-{n}", "received_at": expired_at} for n in range(3 * FORGOTTEN_PER_DELIVERY)]
            + [{"event_id": "Ev-recent", "received_at": recent_at}],
        )
    sessions = session_factory(engine)

    assert first_delivery(sessions, "Ev-new-1", NOW)
    assert remembered(engine) == 3 * FORGOTTEN_PER_DELIVERY + 1 - FORGOTTEN_PER_DELIVERY + 1

    for n in range(2, 5):
        assert first_delivery(sessions, f"Ev-new-{n}", NOW)
    # Every expired delivery is gone; the recent one still recognises its retry.
    assert remembered(engine) == 1 + 4
    assert not first_delivery(sessions, "Ev-recent", NOW)
    assert not first_delivery(sessions, "Ev-new-1", NOW)
