"""A reflection's chosen traps and whom the person asks for feedback are encrypted at rest (issue item 12)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from alembic import command
from sqlalchemy import Text, select, type_coerce, update

from coach.records import NewRejection
from storage.db import create_db_engine, session_factory
from storage.export import person_export
from storage.migrate import alembic_config, upgrade
from storage.models import Reflection
from storage.reflections import record_feedback_from, record_traps, reflection_for
from storage.rejections import add_rejection

NOW = datetime(2026, 12, 6, 9, 0, tzinfo=UTC)
TRAPS = ["mind_reading", "catastrophising"]
WHO = "manager"


@pytest.fixture
def engine(database_url):
    engine = create_db_engine(database_url)
    upgrade(engine)
    yield engine
    engine.dispose()


def reflect(engine) -> int:
    no = NewRejection(
        kind="sales_pitch", form="explicit", feeling="hurt", intensity=3, story=None, counts_in_tally=True
    )
    with session_factory(engine).begin() as session:
        rejection = add_rejection(
            session, workspace_id="T1", organisation_id=None, user_id="U1", logged_at=NOW, new_rejection=no
        )
        reflection = reflection_for(session, rejection, NOW)
        record_traps(reflection, TRAPS)
        record_feedback_from(reflection, WHO)
        session.flush()
        return reflection.id


def raw_columns(engine, reflection_id: int) -> tuple[str, str]:
    query = select(type_coerce(Reflection.trap_ids, Text), type_coerce(Reflection.feedback_from, Text)).where(
        Reflection.id == reflection_id
    )
    with engine.connect() as connection:
        return tuple(connection.execute(query).one())


def exported_reflection(engine) -> dict:
    with session_factory(engine)() as session:
        [reflection] = person_export(session, "T1", "U1")["tables"]["reflections"]
    return reflection


def test_traps_and_who_are_unreadable_in_the_database_and_exported_as_chosen(engine):
    reflection_id = reflect(engine)

    stored = raw_columns(engine, reflection_id)
    for value in stored:
        assert value.startswith("gAAAAA")
    assert not any(secret in " ".join(stored) for secret in [*TRAPS, WHO])
    exported = exported_reflection(engine)
    assert exported["trap_ids"] == ",".join(TRAPS) and exported["feedback_from"] == WHO


def test_the_migration_encrypts_rows_stored_in_clear_and_the_downgrade_restores_them(engine):
    reflection_id = reflect(engine)
    config = alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "0009")
    with engine.connect() as connection:
        clear = connection.execute(
            select(type_coerce(Reflection.trap_ids, Text), type_coerce(Reflection.feedback_from, Text))
        ).one()
    assert tuple(clear) == (",".join(TRAPS), WHO)

    with engine.begin() as connection:  # a row written before 0010, in clear
        connection.execute(
            update(Reflection.__table__)
            .values(trap_ids=type_coerce("overgeneralising", Text))
            .where(Reflection.id == reflection_id)
        )
    upgrade(engine)

    trap_ids, who = raw_columns(engine, reflection_id)
    assert trap_ids.startswith("gAAAAA") and who.startswith("gAAAAA")
    assert "overgeneralising" not in trap_ids
    assert exported_reflection(engine)["trap_ids"] == "overgeneralising"
