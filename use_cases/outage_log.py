"""A database outage in the log: one line when it starts, a count now and then while it lasts, and one
line when the database answers again. Under load an outage fails thousands of requests a second;
a line (or a traceback) for each would bury everything else in the log."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable

from metrics import count_database_error

logger = logging.getLogger(__name__)

# While the database stays away, how often the log hears that it still is.
REMINDER_SECONDS = 60.0


class OutageLog:
    """Thread-safe: every request thread reports its failures and successes here."""

    def __init__(self, reminder_seconds: float = REMINDER_SECONDS, clock: Callable[[], float] = time.monotonic) -> None:
        self._reminder_seconds = reminder_seconds
        self._clock = clock
        self._lock = threading.Lock()
        # Failures since the outage started (0: the database answers), and since the last line.
        self._failures = 0
        self._unreported = 0
        self._started = 0.0
        self._last_line = 0.0

    def failed(self, doing: str, error: BaseException) -> None:
        """`doing` failed because the database did not answer or refused (`error`, named by class only)."""
        count_database_error(error)
        now = self._clock()
        with self._lock:
            self._failures += 1
            self._unreported += 1
            if self._failures == 1:
                self._started = self._last_line = now
                self._unreported = 0
                starting = True
            elif now - self._last_line >= self._reminder_seconds:
                unreported, self._unreported, self._last_line = self._unreported, 0, now
                starting = False
            else:
                return
        # The class name only: a statement's text or parameters may hold a person's words.
        if starting:
            logger.warning("the database is unavailable: %s failed (%s)", doing, error.__class__.__name__)
        else:
            logger.warning(
                "the database is still unavailable after %.0f s: %d more failed (last: %s, %s)",
                now - self._started,
                unreported,
                doing,
                error.__class__.__name__,
            )

    def answered(self) -> None:
        """The database answered: if it was away, say that it is back."""
        if not self._failures:  # the common case, read without the lock
            return
        now = self._clock()
        with self._lock:
            failures, self._failures, self._unreported = self._failures, 0, 0
        if failures:
            logger.warning(
                "the database answers again after %.0f s; %d requests failed meanwhile", now - self._started, failures
            )
