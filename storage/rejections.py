"""Repository functions for logged no's. Callers own the session and its transaction."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from coach.records import LoggedRejection, NewRejection
from storage.models import Rejection

RECENT_COUNT = 5


def add_rejection(
    session: Session,
    *,
    workspace_id: str,
    organisation_id: str | None,
    user_id: str,
    logged_at: datetime,
    new_rejection: NewRejection,
) -> Rejection:
    rejection = Rejection(
        workspace_id=workspace_id,
        organisation_id=organisation_id,
        user_id=user_id,
        logged_at=logged_at,
        kind=new_rejection.kind,
        form=new_rejection.form,
        feeling=new_rejection.feeling,
        intensity=new_rejection.intensity,
        story=new_rejection.story,
        counts_in_tally=new_rejection.counts_in_tally,
    )
    session.add(rejection)
    session.flush()
    return rejection


def logged_times(session: Session, workspace_id: str, user_id: str) -> list[datetime]:
    """When this person logged each of their no's, newest first (an index-only read)."""
    query = (
        select(Rejection.logged_at)
        .where(Rejection.workspace_id == workspace_id, Rejection.user_id == user_id)
        .order_by(Rejection.logged_at.desc())
    )
    return list(session.scalars(query))


def recent_rejections(
    session: Session, workspace_id: str, user_id: str, limit: int = RECENT_COUNT
) -> list[LoggedRejection]:
    query = (
        select(Rejection)
        .where(Rejection.workspace_id == workspace_id, Rejection.user_id == user_id)
        .order_by(Rejection.logged_at.desc(), Rejection.id.desc())
        .limit(limit)
    )
    return [
        LoggedRejection(
            logged_at=row.logged_at,
            kind=row.kind,
            form=row.form,
            feeling=row.feeling,
            intensity=row.intensity,
        )
        for row in session.scalars(query)
    ]
