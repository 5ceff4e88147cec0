"""Recognising an Events API delivery seen before (Slack retries when an answer is slow or lost)."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import delete, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from storage.models import ProcessedEvent

# Slack retries within minutes; a day of memory is ample and keeps the table small.
REMEMBERED_FOR = timedelta(days=1)
# Each delivery forgets at most this many expired ones: the work per event stays the same however
# much history has piled up, and since each event removes up to this many, the table still shrinks.
FORGOTTEN_PER_DELIVERY = 10


def first_delivery(sessions: sessionmaker[Session], event_id: str, now: datetime) -> bool:
    """True the first time `event_id` arrives; False for every retry of it, in any worker."""
    try:
        with sessions.begin() as session:
            forget_expired(session, now)
            session.add(ProcessedEvent(event_id=event_id[:64], received_at=now))
    except IntegrityError:
        return False
    return True


def forget_expired(session: Session, now: datetime, limit: int = FORGOTTEN_PER_DELIVERY) -> None:
    """Delete up to `limit` deliveries older than REMEMBERED_FOR, found through the received_at index."""
    expired = select(ProcessedEvent.event_id).where(ProcessedEvent.received_at < now - REMEMBERED_FOR).limit(limit)
    session.execute(delete(ProcessedEvent).where(ProcessedEvent.event_id.in_(expired.scalar_subquery())))
