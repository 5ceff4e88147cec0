"""One vocabulary in the tables: a workspace (Slack's team), an organisation (Slack's enterprise), and
the brave step's own columns named apart from the reflection's steps. Only names change; every row
stays as it was.

slack_sdk's own OAuth tables keep Slack's names (team_id, enterprise_id): their store reads them.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-06
"""

from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

# (table, old name, new name)
RENAMED_COLUMNS = (
    ("rejections", "team_id", "workspace_id"),
    ("rejections", "enterprise_id", "organisation_id"),
    ("reflections", "team_id", "workspace_id"),
    ("reflections", "step_due_at", "brave_step_due_at"),
    ("reflections", "step_reminder_id", "brave_step_reminder_id"),
    ("reflections", "step_done_at", "brave_step_done_at"),
    ("bravery_goals", "team_id", "workspace_id"),
    ("shown_phrases", "team_id", "workspace_id"),
    ("workspaces", "team_id", "workspace_id"),
    ("workspaces", "enterprise_id", "organisation_id"),
    ("managers", "team_id", "workspace_id"),
    ("digest_channels", "team_id", "workspace_id"),
    ("digest_runs", "team_id", "workspace_id"),
)
# (table, old index, new index, its columns after the renames)
RENAMED_INDEXES = (
    ("rejections", "ix_rejections_team_time", "ix_rejections_workspace_time", ["workspace_id", "logged_at"]),
)


def _rename_index(table: str, old: str, new: str, columns: list[str]) -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(f"ALTER INDEX {old} RENAME TO {new}")
    else:
        # SQLite cannot rename an index; it is small enough to build again.
        op.drop_index(old, table_name=table)
        op.create_index(new, table, columns)


def upgrade() -> None:
    # RENAME COLUMN (PostgreSQL, SQLite 3.25+) keeps the data, the indexes and the foreign keys pointing at it.
    for table, old, new in RENAMED_COLUMNS:
        op.execute(f"ALTER TABLE {table} RENAME COLUMN {old} TO {new}")
    for table, old, new, columns in RENAMED_INDEXES:
        _rename_index(table, old, new, columns)


def downgrade() -> None:
    for table, old, new in reversed(RENAMED_COLUMNS):
        op.execute(f"ALTER TABLE {table} RENAME COLUMN {new} TO {old}")
    for table, old, new, columns in RENAMED_INDEXES:
        _rename_index(table, new, old, [column.replace("workspace_id", "team_id") for column in columns])
