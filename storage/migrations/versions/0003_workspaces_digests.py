"""Workspace settings, digest channels and digest runs; when a feedback question was asked.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-24
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    op.create_table(
        "workspaces",
        sa.Column("team_id", sa.String(32), primary_key=True),
        sa.Column("enabled", sa.Boolean(), nullable=False),
        sa.Column("language", sa.String(2), nullable=False),
        sa.Column("timezone", sa.String(64), nullable=False),
        sa.Column("digest_weekday", sa.SmallInteger(), nullable=False),
        sa.Column("digest_time", sa.String(5), nullable=False),
        sa.Column("min_group", sa.SmallInteger(), nullable=False),
        sa.Column("team_goal", sa.SmallInteger(), nullable=True),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_table(
        "digest_channels",
        sa.Column("team_id", sa.String(32), sa.ForeignKey("workspaces.team_id", ondelete="CASCADE"), primary_key=True),
        sa.Column("channel_id", sa.String(32), primary_key=True),
    )
    op.create_table(
        "digest_runs",
        sa.Column("id", ID, primary_key=True),
        sa.Column("team_id", sa.String(32), nullable=False),
        sa.Column("channel_id", sa.String(32), nullable=False),
        sa.Column("week_start", sa.Date(), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("attempts", sa.SmallInteger(), nullable=False),
        sa.Column("claimed_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("retry_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("posted_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("message_ts", sa.String(32), nullable=True),
        sa.Column("last_error", sa.String(200), nullable=True),
        sa.UniqueConstraint("team_id", "channel_id", "week_start", name="uq_digest_runs_week"),
    )
    with op.batch_alter_table("reflections") as batch:
        batch.add_column(sa.Column("feedback_asked_at", sa.DateTime(timezone=True), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("reflections") as batch:
        batch.drop_column("feedback_asked_at")
    op.drop_table("digest_runs")
    op.drop_table("digest_channels")
    op.drop_table("workspaces")
