"""Forgetting a person or a whole workspace. Callers own the transaction.

Generic over the metadata, so a table added later is covered as soon as it has the usual
`team_id` (and `user_id`) columns: no list of tables to keep up to date here.
"""

from __future__ import annotations

from sqlalchemy import ColumnElement, Table, and_, delete, or_, select, update
from sqlalchemy.orm import Session

from storage.models import SLACK_BOTS, SLACK_INSTALLATIONS, Base, Rejection, Workspace


def tables_with(*columns: str) -> list[Table]:
    """Tables that have all of `columns`, parents before their children."""
    return [table for table in Base.metadata.sorted_tables if all(name in table.c for name in columns)]


def person_rows(table: Table, team_id: str, user_id: str, enterprise_id: str | None = None) -> ColumnElement[bool]:
    """The rows of `table` that belong to this person.

    An org-wide installation names no workspace, only the organisation: its installer is found there.
    """
    in_workspace = table.c.team_id == team_id
    if enterprise_id and "enterprise_id" in table.c:
        in_workspace = or_(in_workspace, and_(table.c.enterprise_id == enterprise_id, table.c.team_id.is_(None)))
    return and_(in_workspace, table.c.user_id == user_id)


def _installer_forgotten() -> dict[str, object]:
    """The installation stays (the workspace still uses its bot token); the installer's id and own tokens go."""
    personal = [column.name for column in SLACK_INSTALLATIONS.c if column.name.startswith("user_")]
    return {name: "" if name == "user_id" else None for name in personal}


def forget_person(session: Session, team_id: str, user_id: str, *, enterprise_id: str | None = None) -> None:
    """Delete everything of one person in one workspace; the workspace's installation only loses its installer."""
    # Children first: a reflection goes before the no it belongs to.
    for table in reversed(tables_with("team_id", "user_id")):
        rows = person_rows(table, team_id, user_id, enterprise_id)
        if table is SLACK_INSTALLATIONS:
            session.execute(update(table).where(rows).values(_installer_forgotten()))
        else:
            session.execute(delete(table).where(rows))


def _org_team_ids(session: Session, enterprise_id: str) -> set[str]:
    """Every workspace of an organisation that Nope has seen, by any trace it left."""
    queries = [
        select(Workspace.team_id).where(Workspace.enterprise_id == enterprise_id),
        select(Rejection.team_id).where(Rejection.enterprise_id == enterprise_id),
        select(SLACK_INSTALLATIONS.c.team_id).where(SLACK_INSTALLATIONS.c.enterprise_id == enterprise_id),
        select(SLACK_BOTS.c.team_id).where(SLACK_BOTS.c.enterprise_id == enterprise_id),
    ]
    found = {team_id for query in queries for team_id in session.scalars(query) if team_id}
    # Requests from an org-wide install that name no workspace are stored under the organisation's id.
    return found | {enterprise_id}


def forget_workspace(session: Session, *, team_id: str | None, enterprise_id: str | None) -> None:
    """Delete a workspace's installation and all its data; with only `enterprise_id`, a whole organisation's."""
    if team_id:
        team_ids, organisation = {team_id}, None
    elif enterprise_id:
        team_ids, organisation = _org_team_ids(session, enterprise_id), enterprise_id
    else:
        raise ValueError("forgetting a workspace needs its team id or its organisation's enterprise id")
    for table in reversed(Base.metadata.sorted_tables):
        rows: list[ColumnElement[bool]] = []
        if "team_id" in table.c:
            rows.append(table.c.team_id.in_(sorted(team_ids)))
        if organisation and "enterprise_id" in table.c:
            rows.append(table.c.enterprise_id == organisation)
        if rows:
            session.execute(delete(table).where(or_(*rows)))
