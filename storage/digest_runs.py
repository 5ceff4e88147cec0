"""Claiming and recording digest runs: the database decides who posts a week's digest, once.

A run row is unique per (workspace, channel, week). Whoever inserts it owns the post; a second
scheduler, a restart or a retry finds the row and stands back. A failed post may be claimed
again once its retry time has come, by an update that only one claimer can win.
"""

from __future__ import annotations

from collections.abc import Collection
from datetime import date, datetime

from sqlalchemy import ColumnElement, and_, insert, not_, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from storage.models import DigestRun

CLAIMED, POSTED, FAILED, ABANDONED = "claimed", "posted", "failed", "abandoned"
MAX_ATTEMPTS = 5


def _claimable_again(now: datetime) -> ColumnElement[bool]:
    """A failed post whose retry time has come and that has attempts left."""
    return and_(DigestRun.status == FAILED, DigestRun.retry_at <= now, DigestRun.attempts < MAX_ATTEMPTS)


def settled_runs(
    session: Session, team_ids: Collection[str], weeks: Collection[date], now: datetime
) -> set[tuple[str, str, date]]:
    """(team, channel, week) runs nobody may claim now: posted, under way, given up or not yet due again."""
    query = select(DigestRun.workspace_id, DigestRun.channel_id, DigestRun.week_start).where(
        DigestRun.workspace_id.in_(team_ids), DigestRun.week_start.in_(weeks), not_(_claimable_again(now))
    )
    return {(workspace_id, channel_id, week) for workspace_id, channel_id, week in session.execute(query)}


def claim_run(
    sessions: sessionmaker[Session], workspace_id: str, channel_id: str, week_start: date, now: datetime
) -> int | None:
    """The run's id if this caller may post it now; None when it is posted, being posted or not due."""
    try:
        with sessions.begin() as session:
            # A plain INSERT … RETURNING rather than the ORM's unit of work: a scheduler claims
            # thousands of runs a minute, and this is a third of the CPU a claim costs.
            claimed = insert(DigestRun).values(
                workspace_id=workspace_id,
                channel_id=channel_id,
                week_start=week_start,
                status=CLAIMED,
                attempts=1,
                claimed_at=now,
            )
            return session.execute(claimed.returning(DigestRun.id)).scalar_one()
    except IntegrityError:
        pass
    with sessions.begin() as session:
        retry = session.execute(
            update(DigestRun)
            .where(
                DigestRun.workspace_id == workspace_id,
                DigestRun.channel_id == channel_id,
                DigestRun.week_start == week_start,
                _claimable_again(now),
            )
            .values(status=CLAIMED, attempts=DigestRun.attempts + 1, claimed_at=now)
        )
        if retry.rowcount != 1:
            return None
        return session.scalar(
            select(DigestRun.id).where(
                DigestRun.workspace_id == workspace_id,
                DigestRun.channel_id == channel_id,
                DigestRun.week_start == week_start,
            )
        )


def record_posted(sessions: sessionmaker[Session], run_id: int, message_ts: str | None, now: datetime) -> None:
    with sessions.begin() as session:
        session.execute(
            update(DigestRun)
            .where(DigestRun.id == run_id)
            .values(status=POSTED, posted_at=now, message_ts=message_ts, last_error=None, retry_at=None)
        )


def record_failed(sessions: sessionmaker[Session], run_id: int, error: str, retry_at: datetime | None) -> None:
    """A failed post: tried again from `retry_at`, or never again (abandoned) when that is None."""
    with sessions.begin() as session:
        session.execute(
            update(DigestRun)
            .where(DigestRun.id == run_id)
            .values(status=FAILED if retry_at else ABANDONED, retry_at=retry_at, last_error=error[:200])
        )
