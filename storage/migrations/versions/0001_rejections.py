"""The rejections table: one row per logged no.

Revision ID: 0001
Revises:
Create Date: 2026-11-24
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "rejections",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), primary_key=True),
        sa.Column("team_id", sa.String(32), nullable=False),
        sa.Column("enterprise_id", sa.String(32), nullable=True),
        sa.Column("user_id", sa.String(32), nullable=False),
        sa.Column("logged_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("form", sa.String(32), nullable=False),
        sa.Column("feeling", sa.String(32), nullable=False),
        sa.Column("intensity", sa.SmallInteger(), nullable=False),
        sa.Column("story", sa.Text(), nullable=True),
        sa.Column("counts_in_tally", sa.Boolean(), nullable=False),
    )
    op.create_index("ix_rejections_person_time", "rejections", ["team_id", "user_id", "logged_at"])
    op.create_index("ix_rejections_team_time", "rejections", ["team_id", "logged_at"])


def downgrade() -> None:
    op.drop_table("rejections")
