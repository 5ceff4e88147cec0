"""How long no's are kept: each workspace's `retention_months` (the default where it has no settings)."""

from __future__ import annotations

import calendar
from datetime import datetime

from sqlalchemy import ColumnElement, delete, select
from sqlalchemy.orm import Session

from digest.settings import WorkspaceSettings
from storage.models import Reflection, Rejection, Workspace

DEFAULT_RETENTION_MONTHS = WorkspaceSettings.retention_months


def months_before(moment: datetime, months: int) -> datetime:
    """The same moment `months` calendar months earlier; the 31st becomes the last day of a shorter month."""
    month_index = moment.year * 12 + moment.month - 1 - months
    year, month = divmod(month_index, 12)
    day = min(moment.day, calendar.monthrange(year, month + 1)[1])
    return moment.replace(year=year, month=month + 1, day=day)


def _teams_keeping(months: int) -> ColumnElement[bool]:
    """The no's of the workspaces that keep them for `months` (workspaces without settings keep the default)."""
    if months == DEFAULT_RETENTION_MONTHS:
        others = select(Workspace.workspace_id).where(Workspace.retention_months != DEFAULT_RETENTION_MONTHS)
        return Rejection.workspace_id.not_in(others)
    return Rejection.workspace_id.in_(select(Workspace.workspace_id).where(Workspace.retention_months == months))


def purge_expired(session: Session, now: datetime) -> int:
    """Delete the no's (with their reflections) logged before `now` minus their workspace's retention; returns how many.

    One pass per distinct retention setting, not per workspace or per row.
    """
    settings = set(session.scalars(select(Workspace.retention_months).distinct())) | {DEFAULT_RETENTION_MONTHS}
    purged = 0
    # A retention below one month is a broken setting, never a reason to delete everything at once.
    for months in sorted(months for months in settings if months >= 1):
        expired = select(Rejection.id).where(_teams_keeping(months), Rejection.logged_at < months_before(now, months))
        session.execute(delete(Reflection).where(Reflection.rejection_id.in_(expired)))
        purged += session.execute(delete(Rejection).where(Rejection.id.in_(expired))).rowcount
    return purged
