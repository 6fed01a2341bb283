"""publication.last_error_kind: the scheduler stops retrying permanent failures

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-21 03:40:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # A plain ADD COLUMN (no batch rebuild): publication has no triggers to lose.
    op.add_column("publication", sa.Column("last_error_kind", sa.String(length=32), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("publication") as batch_op:
        batch_op.drop_column("last_error_kind")
