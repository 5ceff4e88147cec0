"""What Nope's scheduler does, in the web process (single-process default) or in `nope scheduler`."""

from __future__ import annotations

import logging
from datetime import datetime

from sqlalchemy.orm import Session, sessionmaker

from digest.scheduler import Job
from handlers.digest_delivery import send_due_digests
from handlers.workspace_clients import ClientFor
from storage.retention import purge_expired

logger = logging.getLogger(__name__)

DIGEST_CHECK_SECONDS = 60
RETENTION_CHECK_SECONDS = 3600


def scheduled_jobs(sessions: sessionmaker[Session], clients: ClientFor) -> list[Job]:
    def purge(now: datetime) -> None:
        with sessions.begin() as session:
            deleted = purge_expired(session, now)
        if deleted:
            logger.info("retention: deleted %s no's older than their workspace keeps them", deleted)

    return [
        Job("nope-send-due-digests", lambda now: send_due_digests(sessions, clients, now), DIGEST_CHECK_SECONDS),
        Job("nope-retention", purge, RETENTION_CHECK_SECONDS),
    ]
