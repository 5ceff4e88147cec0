"""Bravery goals and the coach phrases a person saw last."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from coach.records import Goal
from storage.models import BraveryGoal, ShownPhrases


def goal_of(session: Session, workspace_id: str, user_id: str) -> Goal | None:
    row = session.scalar(
        select(BraveryGoal).where(BraveryGoal.workspace_id == workspace_id, BraveryGoal.user_id == user_id)
    )
    return Goal(target=row.target, period=row.period) if row else None


def set_goal(session: Session, workspace_id: str, user_id: str, goal: Goal, now: datetime) -> None:
    row = session.scalar(
        select(BraveryGoal).where(BraveryGoal.workspace_id == workspace_id, BraveryGoal.user_id == user_id)
    )
    if row is None:
        session.add(
            BraveryGoal(workspace_id=workspace_id, user_id=user_id, target=goal.target, period=goal.period, set_at=now)
        )
    else:
        row.target, row.period, row.set_at = goal.target, goal.period, now


def last_shown(session: Session, workspace_id: str, user_id: str, library: str) -> list[str]:
    row = session.get(ShownPhrases, (workspace_id, user_id, library))
    return row.phrase_ids.split(",") if row and row.phrase_ids else []


def remember_shown(session: Session, workspace_id: str, user_id: str, library: str, phrase_ids: Sequence[str]) -> None:
    joined = ",".join(phrase_ids)[:500]
    row = session.get(ShownPhrases, (workspace_id, user_id, library))
    if row is None:
        session.add(ShownPhrases(workspace_id=workspace_id, user_id=user_id, library=library, phrase_ids=joined))
    else:
        row.phrase_ids = joined
