"""How long no's are kept: each workspace's retention, applied by the scheduler every hour."""

from __future__ import annotations

import logging
from datetime import datetime

from storage.retention import purge_expired
from use_cases.core import Core

logger = logging.getLogger(__name__)


def purge(core: Core, now: datetime) -> int:
    """Delete the no's (and their reflections) older than their workspace keeps them; how many went."""
    with core.writing("deleting expired no's") as session:
        purged = purge_expired(session, now)
    if purged:
        logger.info("retention: deleted %s no's older than their workspace keeps them", purged)
    return purged
