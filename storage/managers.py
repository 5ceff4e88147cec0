"""The people managers added to manage Nope (workspace admins and owners manage it without a row)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from storage.models import Manager


def listed_managers(session: Session, workspace_id: str) -> list[str]:
    query = (
        select(Manager.user_id).where(Manager.workspace_id == workspace_id).order_by(Manager.added_at, Manager.user_id)
    )
    return list(session.scalars(query))


def is_listed_manager(session: Session, workspace_id: str, user_id: str) -> bool:
    return session.get(Manager, (workspace_id, user_id)) is not None


def add_manager(session: Session, workspace_id: str, user_id: str, now: datetime) -> None:
    if not is_listed_manager(session, workspace_id, user_id):
        session.add(Manager(workspace_id=workspace_id, user_id=user_id, added_at=now))


def replace_managers(session: Session, workspace_id: str, user_ids: Iterable[str], now: datetime) -> None:
    """The listed managers become exactly `user_ids` (those already listed keep their date)."""
    wanted = set(user_ids)
    session.execute(delete(Manager).where(Manager.workspace_id == workspace_id, Manager.user_id.not_in(wanted or {""})))
    for user_id in sorted(wanted):
        add_manager(session, workspace_id, user_id, now)
