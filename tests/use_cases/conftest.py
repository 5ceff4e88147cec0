"""The use cases on a real database (SQLite, and PostgreSQL when set), with a clock the test moves."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import pytest

from tests.use_cases.platform import RecordingPlatform
from use_cases.core import Core, with_sessions

# Monday 23 November 2026, 10:00 in Amsterdam.
START = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)


@dataclass
class Clock:
    moment: datetime = START

    def now(self) -> datetime:
        return self.moment

    def advance(self, by: timedelta) -> None:
        self.moment += by


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def core(sessions, clock) -> Core:
    return with_sessions(sessions, clock.now)


@pytest.fixture
def platform() -> RecordingPlatform:
    return RecordingPlatform()
