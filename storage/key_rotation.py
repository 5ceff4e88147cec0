"""Re-encrypting everything stored encrypted under the first key (`nope keys rotate`)."""

from __future__ import annotations

from collections.abc import Iterator

from sqlalchemy import Column, Table, Text, select, type_coerce, update
from sqlalchemy.engine import Engine

from storage.crypto import EncryptedText, Keyring
from storage.models import SLACK_BOTS, SLACK_INSTALLATIONS, SLACK_TOKEN_COLUMNS, Base

BATCH_ROWS = 500


def encrypted_columns() -> Iterator[tuple[Table, list[Column]]]:
    """Every table with encrypted values, and those columns: free text, and the OAuth tokens."""
    for table in Base.metadata.sorted_tables:
        columns = [
            column
            for column in table.columns
            if isinstance(column.type, EncryptedText)
            or (table in (SLACK_INSTALLATIONS, SLACK_BOTS) and column.name in SLACK_TOKEN_COLUMNS)
        ]
        if columns:
            yield table, columns


def rotate_table(engine: Engine, table: Table, columns: list[Column], keyring: Keyring) -> int:
    """Rewrite the table's encrypted values batch by batch (one transaction each); returns rows rewritten."""
    [key] = table.primary_key.columns
    # Read and write the stored text as it is, not through EncryptedText's own decryption.
    raw = [type_coerce(column, Text).label(column.name) for column in columns]
    rewritten, last = 0, None
    while True:
        query = select(key, *raw).order_by(key).limit(BATCH_ROWS)
        if last is not None:
            query = query.where(key > last)
        with engine.begin() as connection:
            rows = connection.execute(query).all()
            for row in rows:
                changes = {
                    column.name: type_coerce(keyring.rotate(value), Text)
                    for column, value in zip(columns, row[1:], strict=True)
                    if value
                }
                if changes:
                    connection.execute(update(table).where(key == row[0]).values(changes))
                    rewritten += 1
        if len(rows) < BATCH_ROWS:
            return rewritten
        last = rows[-1][0]


def rotate_all(engine: Engine, keyring: Keyring) -> dict[str, int]:
    return {table.name: rotate_table(engine, table, columns, keyring) for table, columns in encrypted_columns()}
