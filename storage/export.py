"""Everything Nope keeps about one person, ready for `json.dumps`: stories decrypted, moments in ISO 8601.

It reads exactly the rows `forget_person` deletes, so what a person can download is what a deletion removes.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import Column, select
from sqlalchemy.orm import Session

from storage.erasure import person_rows, tables_with
from storage.models import SLACK_TOKEN_COLUMNS


def _is_credential(column: Column[Any]) -> bool:
    """Tokens and webhook URLs are the workspace's keys, not the installer's data: never in a file sent around."""
    return column.name in SLACK_TOKEN_COLUMNS or column.name == "incoming_webhook_url"


def _json_ready(value: object) -> object:
    return value.isoformat() if isinstance(value, datetime | date) else value


def person_export(
    session: Session, workspace_id: str, user_id: str, *, organisation_id: str | None = None
) -> dict[str, Any]:
    """The person's rows, table by table (an empty list where Nope keeps nothing of them)."""
    tables: dict[str, list[dict[str, object]]] = {}
    for table in tables_with("workspace_id", "user_id"):
        columns = [column for column in table.c if not _is_credential(column)]
        query = (
            select(*columns)
            .where(person_rows(table, workspace_id, user_id, organisation_id))
            .order_by(*table.primary_key.columns)
        )
        tables[table.name] = [
            {name: _json_ready(value) for name, value in row._mapping.items()} for row in session.execute(query)
        ]
    return {"workspace_id": workspace_id, "user_id": user_id, "tables": tables}
