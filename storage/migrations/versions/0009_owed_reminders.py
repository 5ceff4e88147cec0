"""A brave step's reminder the platform did not take is owed: the scheduler tries again from then on,
in the language the person read the step in. Existing rows owe nothing.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-06
"""

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("reflections") as batch:
        batch.add_column(sa.Column("brave_step_reminder_owed_since", sa.DateTime(timezone=True), nullable=True))
        batch.add_column(sa.Column("brave_step_reminder_lang", sa.String(2), nullable=True))
        batch.create_index("ix_reflections_reminder_owed", ["brave_step_reminder_owed_since"])


def downgrade() -> None:
    with op.batch_alter_table("reflections") as batch:
        batch.drop_index("ix_reflections_reminder_owed")
        batch.drop_column("brave_step_reminder_lang")
        batch.drop_column("brave_step_reminder_owed_since")
