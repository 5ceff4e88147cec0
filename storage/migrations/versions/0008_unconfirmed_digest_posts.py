"""A digest run remembers when a post of it went out without an answer: from then on the digest may be
in the channel, and a retry looks for it there before posting again. Existing rows get none.

Revision ID: 0008
Revises: 0006 (0007 is being written alongside; whichever lands second revises the other)
Create Date: 2026-12-06
"""

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("digest_runs") as batch:
        batch.add_column(sa.Column("unconfirmed_since", sa.DateTime(timezone=True), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("digest_runs") as batch:
        batch.drop_column("unconfirmed_since")
