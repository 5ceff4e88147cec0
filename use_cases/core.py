"""What every use case shares: the database, the clock and whether Nope is on in each workspace."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime

from sqlalchemy.engine import Engine
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from metrics import count_database_error
from use_cases.switches import WorkspaceSwitches

logger = logging.getLogger(__name__)


def utc_now() -> datetime:
    return datetime.now(UTC)


class StorageUnavailable(Exception):
    """The database did not answer or refused: nothing was saved, and the door tells the person so."""


@dataclass(frozen=True)
class Invalid:
    """What a person entered cannot be used: a message per field, in their language."""

    errors: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Core:
    sessions: sessionmaker[Session]
    switches: WorkspaceSwitches
    clock: Callable[[], datetime] = utc_now

    @property
    def engine(self) -> Engine:
        """The database itself, for statements that need no session (a scheduler's many small writes)."""
        return self.sessions.kw["bind"]

    @contextmanager
    def reading(self, doing: str) -> Iterator[Session]:
        """A session for reads; a database failure becomes StorageUnavailable."""
        with self._storage(doing), self.sessions() as session:
            yield session

    @contextmanager
    def writing(self, doing: str) -> Iterator[Session]:
        """A transaction, committed when the block ends; a database failure becomes StorageUnavailable."""
        with self._storage(doing), self.sessions.begin() as session:
            yield session

    @staticmethod
    @contextmanager
    def _storage(doing: str) -> Iterator[None]:
        try:
            yield
        except SQLAlchemyError as error:
            # The class name only: a statement's parameters may hold a person's words.
            logger.warning("%s failed: the database said %s", doing, error.__class__.__name__)
            count_database_error(error)
            raise StorageUnavailable(doing) from error


def with_sessions(sessions: sessionmaker[Session], clock: Callable[[], datetime] = utc_now) -> Core:
    """A core on these sessions, with its own on/off memory."""
    return Core(sessions=sessions, switches=WorkspaceSwitches(sessions), clock=clock)
