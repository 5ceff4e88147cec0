"""Looking for any trace of someone in the real database: every table the schema has, every row, every value.

Tables are found by asking the database itself, not our models, so a table added later is searched too.
Values are read raw (encrypted text stays encrypted), so only the plain ids can match.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import MetaData, Table, inspect, select
from sqlalchemy.orm import Session

from storage.db import create_db_engine, session_factory


def tables_mentioning(database_url: str, *needles: str) -> dict[str, int]:
    """How many rows of each table hold any of `needles` in any column (tables with none are left out)."""
    engine = create_db_engine(database_url)
    found: dict[str, int] = {}
    try:
        with engine.connect() as connection:
            for name in inspect(connection).get_table_names():
                table = Table(name, MetaData(), autoload_with=connection)
                rows = connection.execute(select(table)).all()
                hits = sum(1 for row in rows if any(needle in str(value) for value in row for needle in needles))
                if hits:
                    found[name] = hits
    finally:
        engine.dispose()
    return found


def in_database(database_url: str, work: Callable[[Session], object]) -> None:
    """Run `work` in one transaction on the database behind `database_url`."""
    engine = create_db_engine(database_url)
    try:
        with session_factory(engine).begin() as session:
            work(session)
    finally:
        engine.dispose()
