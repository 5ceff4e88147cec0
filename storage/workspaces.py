"""Workspace settings and digest channels. Callers own the transaction."""

from __future__ import annotations

from dataclasses import asdict, fields
from datetime import datetime

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from digest.settings import WorkspaceSettings
from storage.models import DigestChannel, Workspace

SETTING_COLUMNS = tuple(f.name for f in fields(WorkspaceSettings) if f.name not in {"workspace_id", "channels"})


def _channels(session: Session, workspace_id: str) -> tuple[str, ...]:
    query = (
        select(DigestChannel.channel_id)
        .where(DigestChannel.workspace_id == workspace_id)
        .order_by(DigestChannel.channel_id)
    )
    return tuple(session.scalars(query))


def _settings(row: Workspace, channels: tuple[str, ...]) -> WorkspaceSettings:
    return WorkspaceSettings(
        workspace_id=row.workspace_id, channels=channels, **{column: getattr(row, column) for column in SETTING_COLUMNS}
    )


def workspace_settings(session: Session, workspace_id: str) -> WorkspaceSettings:
    """The stored settings, or the defaults for a workspace that has none yet."""
    row = session.get(Workspace, workspace_id)
    return _settings(row, _channels(session, workspace_id)) if row else WorkspaceSettings(workspace_id=workspace_id)


def save_settings(session: Session, settings: WorkspaceSettings, now: datetime) -> None:
    """Store every setting, channels included (replacing the channel list)."""
    values = {column: value for column, value in asdict(settings).items() if column in SETTING_COLUMNS}
    row = session.get(Workspace, settings.workspace_id)
    if row is None:
        session.add(Workspace(workspace_id=settings.workspace_id, updated_at=now, **values))
    else:
        for column, value in values.items():
            setattr(row, column, value)
        row.updated_at = now
    session.flush()
    session.execute(delete(DigestChannel).where(DigestChannel.workspace_id == settings.workspace_id))
    session.add_all(
        DigestChannel(workspace_id=settings.workspace_id, channel_id=channel) for channel in settings.channels
    )


def remember_organisation(session: Session, workspace_id: str, organisation_id: str | None, now: datetime) -> None:
    """Note the Enterprise Grid org a workspace belongs to (its settings stay as they are)."""
    row = session.get(Workspace, workspace_id)
    if row is None:
        session.add(Workspace(workspace_id=workspace_id, organisation_id=organisation_id, updated_at=now))
    elif organisation_id and row.organisation_id != organisation_id:
        row.organisation_id = organisation_id


def is_enabled(session: Session, workspace_id: str) -> bool:
    """Whether Nope is switched on for the workspace (it is, until a manager switches it off)."""
    row = session.get(Workspace, workspace_id)
    return row is None or row.enabled


def organisation_of(session: Session, workspace_id: str) -> str | None:
    row = session.get(Workspace, workspace_id)
    return row.organisation_id if row else None


def workspaces_with_digests(session: Session) -> list[WorkspaceSettings]:
    """Every enabled workspace that has at least one digest channel."""
    rows = session.execute(
        select(Workspace, DigestChannel.channel_id)
        .join(DigestChannel, DigestChannel.workspace_id == Workspace.workspace_id)
        .where(Workspace.enabled.is_(True))
        .order_by(Workspace.workspace_id, DigestChannel.channel_id)
    ).all()
    channels: dict[str, list[str]] = {}
    workspaces: dict[str, Workspace] = {}
    for workspace, channel_id in rows:
        workspaces[workspace.workspace_id] = workspace
        channels.setdefault(workspace.workspace_id, []).append(channel_id)
    return [_settings(workspace, tuple(channels[workspace_id])) for workspace_id, workspace in workspaces.items()]
