"""Claiming and recording digest runs: the database decides who posts a week's digest, once.

A run row is unique per (workspace, channel, week). Whoever inserts it owns the post; a second
scheduler, a restart or a retry finds the row and stands back. A failed post may be claimed
again once its retry time has come, by an update that only one claimer can win.
"""

from __future__ import annotations

from collections.abc import Collection
from datetime import date, datetime

from sqlalchemy import ColumnElement, and_, insert, not_, select, update
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from storage.models import DigestRun

RUNS = DigestRun.__table__
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


def claim_run(engine: Engine, workspace_id: str, channel_id: str, week_start: date, now: datetime) -> int | None:
    """The run's id if this caller may post it now; None when it is posted, being posted or not due.

    Claims and records go straight through a connection, not an ORM session: a scheduler makes
    thousands a minute, and the session's bookkeeping cost more CPU than the statements.
    """
    try:
        with engine.begin() as connection:
            claimed = insert(RUNS).values(
                workspace_id=workspace_id,
                channel_id=channel_id,
                week_start=week_start,
                status=CLAIMED,
                attempts=1,
                claimed_at=now,
            )
            return connection.execute(claimed.returning(RUNS.c.id)).scalar_one()
    except IntegrityError:
        pass
    this_run = and_(
        RUNS.c.workspace_id == workspace_id, RUNS.c.channel_id == channel_id, RUNS.c.week_start == week_start
    )
    with engine.begin() as connection:
        retry = connection.execute(
            update(RUNS)
            .where(this_run, _claimable_again(now))
            .values(status=CLAIMED, attempts=RUNS.c.attempts + 1, claimed_at=now)
            .returning(RUNS.c.id)
        )
        return retry.scalar_one_or_none()


def record_posted(engine: Engine, run_id: int, message_ts: str | None, now: datetime) -> None:
    with engine.begin() as connection:
        connection.execute(
            update(RUNS)
            .where(RUNS.c.id == run_id)
            .values(status=POSTED, posted_at=now, message_ts=message_ts, last_error=None, retry_at=None)
        )


def record_failed(engine: Engine, run_id: int, error: str, retry_at: datetime | None) -> None:
    """A failed post: tried again from `retry_at`, or never again (abandoned) when that is None."""
    with engine.begin() as connection:
        connection.execute(
            update(RUNS)
            .where(RUNS.c.id == run_id)
            .values(status=FAILED if retry_at else ABANDONED, retry_at=retry_at, last_error=error[:200])
        )
