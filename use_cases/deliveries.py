"""Platforms deliver an event again when an answer was slow or lost: each is handled once."""

from __future__ import annotations

import logging

from sqlalchemy.exc import SQLAlchemyError

from storage.events import first_delivery
from use_cases.core import Core

logger = logging.getLogger(__name__)


def is_repeated(core: Core, event_id: str) -> bool:
    """True for a delivery of an event already handled (by any process)."""
    try:
        repeated = not first_delivery(core.sessions, event_id, core.clock())
    except SQLAlchemyError as error:
        core.outage.failed("checking whether an event was handled", error)
        return False  # better to handle an event twice than to drop it
    if repeated:
        logger.info("event %s was handled before; acknowledging the retry", event_id)
    return repeated
