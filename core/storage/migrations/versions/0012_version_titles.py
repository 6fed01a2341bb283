"""draft_version.title: the title a supervisor saw is kept with the version it belongs to

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-02 14:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # A plain ADD COLUMN: draft_version is append-only (triggers), and a batch rebuild would drop them.
    # Versions submitted before keep an empty title; the review falls back to the draft's.
    op.add_column("draft_version", sa.Column("title", sa.String(length=200), nullable=False, server_default=""))


def downgrade() -> None:
    op.drop_column("draft_version", "title")
