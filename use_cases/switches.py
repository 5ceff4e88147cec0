"""Whether Nope is switched on in a workspace, remembered briefly: every `/nope` asks.

Reading it from the database on each command cost a fifth of the time-to-ack under load
(bench/ack_latency.py). A switch made in another process shows here within the TTL; the
submission of a new no reads the database itself, so a stale answer never logs anything.
"""

from __future__ import annotations

import logging
import threading
import time

from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from metrics import count_database_error
from storage.workspaces import is_enabled

logger = logging.getLogger(__name__)


class WorkspaceSwitches:
    def __init__(self, sessions: sessionmaker[Session], ttl_seconds: float = 30) -> None:
        self._sessions = sessions
        self._ttl_seconds = ttl_seconds
        self._known: dict[str, tuple[float, bool]] = {}
        self._lock = threading.Lock()

    def is_on(self, workspace_id: str) -> bool:
        now = time.monotonic()
        with self._lock:
            known = self._known.get(workspace_id)
        if known and known[0] > now:
            return known[1]
        try:
            with self._sessions() as session:
                switched_on = is_enabled(session, workspace_id)
        except SQLAlchemyError as error:
            # The modal's submission stores nothing while the database is away; it says so itself.
            logger.warning("could not read whether Nope is on in %s: %s", workspace_id, error.__class__.__name__)
            count_database_error(error)
            return True
        with self._lock:
            self._known[workspace_id] = (now + self._ttl_seconds, switched_on)
        return switched_on

    def forget(self, workspace_id: str) -> None:
        """The switch was just changed in this process: ask the database next time."""
        with self._lock:
            self._known.pop(workspace_id, None)
