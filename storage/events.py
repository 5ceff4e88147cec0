"""Recognising an Events API delivery seen before (Slack retries when an answer is slow or lost)."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import delete
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from storage.models import ProcessedEvent

# Slack retries within minutes; a day of memory is ample and keeps the table small.
REMEMBERED_FOR = timedelta(days=1)


def first_delivery(sessions: sessionmaker[Session], event_id: str, now: datetime) -> bool:
    """True the first time `event_id` arrives; False for every retry of it, in any worker."""
    try:
        with sessions.begin() as session:
            session.execute(delete(ProcessedEvent).where(ProcessedEvent.received_at < now - REMEMBERED_FOR))
            session.add(ProcessedEvent(event_id=event_id[:64], received_at=now))
    except IntegrityError:
        return False
    return True
