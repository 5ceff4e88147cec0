"""The sandbox's clock: real time plus whole weeks, so a team's weeks can be played through in minutes."""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

WEEK = timedelta(days=7)


class SandboxClock:
    """Nope reads the time from `now`; the page moves it on a week at a time."""

    def __init__(self, real_now: Callable[[], datetime] = lambda: datetime.now(UTC)) -> None:
        self._real_now = real_now
        self._offset = timedelta()
        self._lock = threading.Lock()

    def now(self) -> datetime:
        with self._lock:
            return self._real_now() + self._offset

    def next_week(self) -> None:
        with self._lock:
            self._offset += WEEK

    def reset(self) -> None:
        with self._lock:
            self._offset = timedelta()
