"""draft list: one index per sort order, each ending in id (keyset pagination)

Revision ID: 0021
Revises: 0019
Create Date: 2026-12-02 17:40:00

The list pages by "rows after the last one shown" (issue 21), which is as
fast at the millionth row as at the first only when an index holds the
order: (column, id) for each column the list sorts on, the text's shown
head (``substr(text, 1, 120)``) included. The single-column indexes these
composites start with are dropped: each composite answers what they did.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0021"
down_revision = "0019"
branch_labels = None
depends_on = None

REPLACED = ("account_id", "author_id", "state", "created_at", "updated_at")
PLAIN = ("account_id", "author_id", "state", "title", "scheduled_at", "created_at", "updated_at")


def upgrade() -> None:
    # CREATE/DROP INDEX only: the table is not rebuilt, so its triggers stay.
    for column in REPLACED:
        op.drop_index(f"ix_draft_{column}", table_name="draft")
    for column in PLAIN:
        op.create_index(f"ix_draft_{column}_id", "draft", [column, "id"], unique=False)
    op.create_index("ix_draft_text_head_id", "draft", [sa.text("substr(text, 1, 120)"), "id"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_draft_text_head_id", table_name="draft")
    for column in reversed(PLAIN):
        op.drop_index(f"ix_draft_{column}_id", table_name="draft")
    for column in reversed(REPLACED):
        op.create_index(f"ix_draft_{column}", "draft", [column], unique=False)
