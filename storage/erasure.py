"""Forgetting a person or a whole workspace. Callers own the transaction.

Generic over the metadata, so a table added later is covered as soon as it has the usual
`workspace_id` (and `user_id`) columns: no list of tables to keep up to date here. slack_sdk's own
OAuth tables name the same things in Slack's words (`team_id`, `enterprise_id`).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Column, ColumnElement, Table, and_, delete, or_, select, update
from sqlalchemy.orm import Session

from storage.models import SLACK_BOTS, SLACK_INSTALLATIONS, Base, Rejection, Workspace

# Our name for a column -> the name Slack's own tables give it.
_SLACK_NAMES = {"workspace_id": "team_id", "organisation_id": "enterprise_id"}


def column(table: Table, name: str) -> Column[Any] | None:
    """`table`'s column `name` in our words, or in Slack's for slack_sdk's tables; None if it has none."""
    found = table.c.get(name)
    return found if found is not None else table.c.get(_SLACK_NAMES.get(name, name))


def tables_with(*names: str) -> list[Table]:
    """Tables that have all of the columns `names`, parents before their children."""
    return [table for table in Base.metadata.sorted_tables if all(column(table, name) is not None for name in names)]


def person_rows(
    table: Table, workspace_id: str, user_id: str, organisation_id: str | None = None
) -> ColumnElement[bool]:
    """The rows of `table` that belong to this person.

    An org-wide installation names no workspace, only the organisation: its installer is found there.
    """
    workspace = column(table, "workspace_id")
    organisation = column(table, "organisation_id")
    in_workspace = workspace == workspace_id
    if organisation_id and organisation is not None:
        in_workspace = or_(in_workspace, and_(organisation == organisation_id, workspace.is_(None)))
    return and_(in_workspace, table.c.user_id == user_id)


def _installer_forgotten() -> dict[str, object]:
    """The installation stays (the workspace still uses its bot token); the installer's id and own tokens go."""
    personal = [column.name for column in SLACK_INSTALLATIONS.c if column.name.startswith("user_")]
    return {name: "" if name == "user_id" else None for name in personal}


def forget_person(session: Session, workspace_id: str, user_id: str, *, organisation_id: str | None = None) -> None:
    """Delete everything of one person in one workspace; the workspace's installation only loses its installer."""
    # Children first: a reflection goes before the no it belongs to.
    for table in reversed(tables_with("workspace_id", "user_id")):
        rows = person_rows(table, workspace_id, user_id, organisation_id)
        if table is SLACK_INSTALLATIONS:
            session.execute(update(table).where(rows).values(_installer_forgotten()))
        else:
            session.execute(delete(table).where(rows))


def _organisation_workspaces(session: Session, organisation_id: str) -> set[str]:
    """Every workspace of an organisation that Nope has seen, by any trace it left."""
    queries = [
        select(Workspace.workspace_id).where(Workspace.organisation_id == organisation_id),
        select(Rejection.workspace_id).where(Rejection.organisation_id == organisation_id),
        select(SLACK_INSTALLATIONS.c.team_id).where(SLACK_INSTALLATIONS.c.enterprise_id == organisation_id),
        select(SLACK_BOTS.c.team_id).where(SLACK_BOTS.c.enterprise_id == organisation_id),
    ]
    found = {workspace_id for query in queries for workspace_id in session.scalars(query) if workspace_id}
    # Requests from an org-wide install that name no workspace are stored under the organisation's id.
    return found | {organisation_id}


def forget_workspace(session: Session, *, workspace_id: str | None, organisation_id: str | None) -> None:
    """Delete a workspace's installation and all its data; with only `organisation_id`, a whole organisation's."""
    if workspace_id:
        workspace_ids, organisation = {workspace_id}, None
    elif organisation_id:
        workspace_ids, organisation = _organisation_workspaces(session, organisation_id), organisation_id
    else:
        raise ValueError("forgetting a workspace needs its workspace id or its organisation's id")
    for table in reversed(Base.metadata.sorted_tables):
        rows: list[ColumnElement[bool]] = []
        workspace, organisation_column = column(table, "workspace_id"), column(table, "organisation_id")
        if workspace is not None:
            rows.append(workspace.in_(sorted(workspace_ids)))
        if organisation and organisation_column is not None:
            rows.append(organisation_column == organisation)
        if rows:
            session.execute(delete(table).where(or_(*rows)))
