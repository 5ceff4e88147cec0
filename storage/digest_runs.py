"""Claiming and recording digest runs: the database decides who posts a week's digest, once.

A run row is unique per (workspace, channel, week). Whoever inserts it owns the post; a second
scheduler, a restart or a retry finds the row and stands back. A failed post may be claimed
again once its retry time has come, by an update that only one claimer can win. A post whose
outcome is unknown leaves the run `unconfirmed_since` that moment: whoever claims it again must
look for the post before posting.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import ColumnElement, and_, case, func, insert, literal, not_, select, update
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from storage.models import DigestRun

RUNS = DigestRun.__table__
CLAIMED, POSTED, FAILED, UNKNOWN, ABANDONED = "claimed", "posted", "failed", "unknown", "abandoned"
MAX_ATTEMPTS = 5


@dataclass(frozen=True)
class Claim:
    """A run this caller may post now."""

    run_id: int
    # Set when an earlier post of this run may be in the channel already (see record_unknown).
    unconfirmed_since: datetime | None = None


def _claimable_again(now: datetime) -> ColumnElement[bool]:
    """A failed (or unconfirmed) post whose retry time has come and that has attempts left."""
    return and_(DigestRun.status.in_((FAILED, UNKNOWN)), DigestRun.retry_at <= now, DigestRun.attempts < MAX_ATTEMPTS)


def settled_runs(
    session: Session, team_ids: Collection[str], weeks: Collection[date], now: datetime
) -> set[tuple[str, str, date]]:
    """(team, channel, week) runs nobody may claim now: posted, under way, given up or not yet due again."""
    query = select(DigestRun.workspace_id, DigestRun.channel_id, DigestRun.week_start).where(
        DigestRun.workspace_id.in_(team_ids), DigestRun.week_start.in_(weeks), not_(_claimable_again(now))
    )
    return {(workspace_id, channel_id, week) for workspace_id, channel_id, week in session.execute(query)}


def claim_run(engine: Engine, workspace_id: str, channel_id: str, week_start: date, now: datetime) -> Claim | None:
    """The run if this caller may post it now; None when it is posted, being posted or not due.

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
            return Claim(connection.execute(claimed.returning(RUNS.c.id)).scalar_one())
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
            .returning(RUNS.c.id, RUNS.c.unconfirmed_since)
        )
        found = retry.one_or_none()
        return Claim(found.id, found.unconfirmed_since) if found else None


def record_posted(engine: Engine, run_id: int, message_ts: str | None, now: datetime) -> None:
    with engine.begin() as connection:
        connection.execute(
            update(RUNS)
            .where(RUNS.c.id == run_id)
            .values(status=POSTED, posted_at=now, message_ts=message_ts, last_error=None, retry_at=None)
        )


def record_failed(engine: Engine, run_id: int, error: str, retry_at: datetime | None) -> None:
    """A failed post: tried again from `retry_at`, or never again (abandoned) when that is None.

    A run an earlier post of which may be in the channel stays unknown: this failure does not settle that.
    """
    if retry_at is None:
        status: ColumnElement[str] | str = ABANDONED
    else:
        status = case((RUNS.c.unconfirmed_since.is_(None), FAILED), else_=UNKNOWN)
    with engine.begin() as connection:
        connection.execute(
            update(RUNS).where(RUNS.c.id == run_id).values(status=status, retry_at=retry_at, last_error=error[:200])
        )


def record_unknown(engine: Engine, run_id: int, error: str, retry_at: datetime, sent_at: datetime) -> None:
    """A post that went out without an answer: it may be in the channel since `sent_at` (the first such
    moment is kept), and whoever retries from `retry_at` looks for it before posting."""
    since = literal(sent_at, RUNS.c.unconfirmed_since.type)
    with engine.begin() as connection:
        connection.execute(
            update(RUNS)
            .where(RUNS.c.id == run_id)
            .values(
                status=UNKNOWN,
                retry_at=retry_at,
                last_error=error[:200],
                unconfirmed_since=func.coalesce(RUNS.c.unconfirmed_since, since),
            )
        )
