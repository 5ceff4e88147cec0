"""Alembic, driven from code so `nope db upgrade` needs no alembic.ini.

Alembic is imported inside the functions: it is needed only at start-up, by /readyz's schema check
and by `nope db upgrade`, and its ~20,000 objects would otherwise sit in every process that imports storage.
"""

from __future__ import annotations

import functools
import time
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy.engine import Engine
from sqlalchemy.exc import OperationalError

if TYPE_CHECKING:
    from alembic.config import Config as AlembicConfig

MIGRATIONS_DIR = Path(__file__).with_name("migrations")
SQLITE_UPGRADE_ATTEMPTS = 5


class SchemaOutOfDate(Exception):
    """A shared database needs `nope db upgrade` before Nope can use it."""


def alembic_config() -> AlembicConfig:
    from alembic.config import Config as AlembicConfig

    config = AlembicConfig()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return config


def upgrade(engine: Engine) -> None:
    """Bring the schema to the newest revision."""
    from alembic import command

    config = alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")


@functools.cache
def head_revision() -> str | None:
    """The newest migration's revision: read from the files once, since /readyz asks often."""
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def is_up_to_date(engine: Engine) -> bool:
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision() == head_revision()


def upgrade_embedded_or_check(engine: Engine) -> None:
    """SQLite (the embedded default) upgrades itself; a shared database is upgraded by `nope db upgrade`."""
    if engine.dialect.name == "sqlite":
        for attempt in range(SQLITE_UPGRADE_ATTEMPTS):
            try:
                upgrade(engine)
                return
            except OperationalError:
                # Processes starting together on one new file race to create the tables; once
                # the winner is done, the loser's upgrade finds nothing left to do.
                if attempt == SQLITE_UPGRADE_ATTEMPTS - 1:
                    raise
                time.sleep(0.5)
    elif not is_up_to_date(engine):
        raise SchemaOutOfDate("The database schema is out of date: run `nope db upgrade` first.")
