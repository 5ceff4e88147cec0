"""Repository functions for logged no's. Callers own the session and its transaction."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from coach.records import LoggedNo, NewNo
from storage.models import Rejection

RECENT_COUNT = 5


def add_rejection(
    session: Session,
    *,
    team_id: str,
    enterprise_id: str | None,
    user_id: str,
    logged_at: datetime,
    new_no: NewNo,
) -> Rejection:
    rejection = Rejection(
        team_id=team_id,
        enterprise_id=enterprise_id,
        user_id=user_id,
        logged_at=logged_at,
        kind=new_no.kind,
        form=new_no.form,
        feeling=new_no.feeling,
        intensity=new_no.intensity,
        story=new_no.story,
        counts_in_tally=new_no.counts_in_tally,
    )
    session.add(rejection)
    session.flush()
    return rejection


def logged_times(session: Session, team_id: str, user_id: str) -> list[datetime]:
    """When this person logged each of their no's, newest first (an index-only read)."""
    query = (
        select(Rejection.logged_at)
        .where(Rejection.team_id == team_id, Rejection.user_id == user_id)
        .order_by(Rejection.logged_at.desc())
    )
    return list(session.scalars(query))


def recent_nos(session: Session, team_id: str, user_id: str, limit: int = RECENT_COUNT) -> list[LoggedNo]:
    query = (
        select(Rejection)
        .where(Rejection.team_id == team_id, Rejection.user_id == user_id)
        .order_by(Rejection.logged_at.desc(), Rejection.id.desc())
        .limit(limit)
    )
    return [
        LoggedNo(
            logged_at=row.logged_at,
            kind=row.kind,
            form=row.form,
            feeling=row.feeling,
            intensity=row.intensity,
        )
        for row in session.scalars(query)
    ]
