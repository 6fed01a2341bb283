"""draft contributors: everyone who edited a draft is barred from approving it

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-21 03:10:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from core.storage.migrations import triggers

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "draft_contributor",
        sa.Column("draft_id", sa.Integer(), nullable=False),
        sa.Column("staff_id", sa.Integer(), nullable=False),
        sa.Column("first_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["draft_id"], ["draft.id"], name=op.f("fk_draft_contributor_draft_id_draft")),
        sa.ForeignKeyConstraint(["staff_id"], ["staff.id"], name=op.f("fk_draft_contributor_staff_id_staff")),
        sa.PrimaryKeyConstraint("draft_id", "staff_id", name=op.f("pk_draft_contributor")),
    )
    # Back-fill from what earlier schemas kept: the author, the last editor
    # and every submitted version's author, last editor and submitter.
    op.execute(
        """
        INSERT INTO draft_contributor (draft_id, staff_id, first_at)
        SELECT draft_id, staff_id, MIN(at) FROM (
            SELECT id AS draft_id, author_id AS staff_id, created_at AS at FROM draft
            UNION ALL SELECT id, last_editor_id, updated_at FROM draft
            UNION ALL SELECT draft_id, author_id, created_at FROM draft_version
            UNION ALL SELECT draft_id, last_editor_id, created_at FROM draft_version
            UNION ALL SELECT draft_id, submitted_by_id, created_at FROM draft_version
        ) AS makers
        GROUP BY draft_id, staff_id
        """
    )
    triggers.create("draft_contributor")


def downgrade() -> None:
    triggers.drop("draft_contributor")
    op.drop_table("draft_contributor")
