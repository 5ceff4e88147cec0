"""Reflections on a no, bravery goals, and the coach phrases a person saw last.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-24
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    op.create_table(
        "reflections",
        sa.Column("id", ID, primary_key=True),
        sa.Column("rejection_id", ID, sa.ForeignKey("rejections.id", ondelete="CASCADE"), nullable=False),
        sa.Column("team_id", sa.String(32), nullable=False),
        sa.Column("user_id", sa.String(32), nullable=False),
        sa.Column("feeling_note", sa.Text(), nullable=True),
        sa.Column("head_story", sa.Text(), nullable=True),
        sa.Column("trap_ids", sa.String(200), nullable=True),
        sa.Column("new_story", sa.Text(), nullable=True),
        sa.Column("feedback_from", sa.String(16), nullable=True),
        sa.Column("feedback_question", sa.Text(), nullable=True),
        sa.Column("brave_step", sa.Text(), nullable=True),
        sa.Column("step_due_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("step_reminder_id", sa.String(64), nullable=True),
        sa.Column("step_done_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("finished_at", sa.DateTime(timezone=True), nullable=True),
        sa.UniqueConstraint("rejection_id"),
    )
    op.create_index("ix_reflections_person_updated", "reflections", ["team_id", "user_id", "updated_at"])
    op.create_table(
        "bravery_goals",
        sa.Column("id", ID, primary_key=True),
        sa.Column("team_id", sa.String(32), nullable=False),
        sa.Column("user_id", sa.String(32), nullable=False),
        sa.Column("target", sa.SmallInteger(), nullable=False),
        sa.Column("period", sa.String(8), nullable=False),
        sa.Column("set_at", sa.DateTime(timezone=True), nullable=False),
        sa.UniqueConstraint("team_id", "user_id", name="uq_bravery_goals_person"),
    )
    op.create_table(
        "shown_phrases",
        sa.Column("team_id", sa.String(32), primary_key=True),
        sa.Column("user_id", sa.String(32), primary_key=True),
        sa.Column("library", sa.String(16), primary_key=True),
        sa.Column("phrase_ids", sa.String(500), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("shown_phrases")
    op.drop_table("bravery_goals")
    op.drop_table("reflections")
