"""Expired event deliveries are found by age through an index; a reflection's chosen traps and the person
asked for feedback are encrypted like the rest of what a person writes or picks.

Existing values are encrypted here under the key in use (`nope db upgrade` and the app's start-up load
NOPE_ENCRYPTION_KEY when it is set). Without a key they stay in clear, with a warning: they are read as
they are and encrypted by `nope keys rotate`. The downgrade decrypts, so it needs the key.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-06
"""

import logging
from collections.abc import Callable

import sqlalchemy as sa
from alembic import op

from storage.crypto import active_keyring, is_encrypted, keyring_in_use

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

# Each column with its size before it held Fernet tokens (a token is about three times longer).
CLEAR_COLUMNS = {"trap_ids": 200, "feedback_from": 16}


def _rewrite(convert: Callable[[str], str]) -> None:
    reflections = sa.table("reflections", sa.column("id"), *(sa.column(name) for name in CLEAR_COLUMNS))
    connection = op.get_bind()
    for row in connection.execute(sa.select(reflections)).mappings().all():
        changes = {name: convert(row[name]) for name in CLEAR_COLUMNS if row[name]}
        if any(changes[name] != row[name] for name in changes):
            connection.execute(sa.update(reflections).where(reflections.c.id == row["id"]).values(changes))


def upgrade() -> None:
    op.create_index("ix_processed_events_received_at", "processed_events", ["received_at"])
    with op.batch_alter_table("reflections") as batch:
        for name, length in CLEAR_COLUMNS.items():
            batch.alter_column(name, type_=sa.Text(), existing_type=sa.String(length), existing_nullable=True)
    keyring = keyring_in_use()
    if keyring is not None:
        _rewrite(lambda value: value if is_encrypted(value) else keyring.encrypt(value))
    elif op.get_bind().execute(sa.text("SELECT 1 FROM reflections LIMIT 1")).first():
        logging.getLogger(__name__).warning(
            "No encryption key in use: reflections' traps and feedback_from stay in clear until `nope keys rotate`."
        )


def downgrade() -> None:
    _rewrite(active_keyring().decrypt)
    with op.batch_alter_table("reflections") as batch:
        for name, length in CLEAR_COLUMNS.items():
            batch.alter_column(name, type_=sa.String(length), existing_type=sa.Text(), existing_nullable=True)
    op.drop_index("ix_processed_events_received_at", table_name="processed_events")
