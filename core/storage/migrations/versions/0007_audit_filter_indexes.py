"""indexes for the audit screen's person and date filters

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-21 04:35:00
"""

from __future__ import annotations

from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # CREATE INDEX only: the append-only table is not rebuilt, so its triggers stay.
    op.create_index(op.f("ix_audit_entry_actor"), "audit_entry", ["actor"], unique=False)
    op.create_index(op.f("ix_audit_entry_recorded_at"), "audit_entry", ["recorded_at"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_audit_entry_recorded_at"), table_name="audit_entry")
    op.drop_index(op.f("ix_audit_entry_actor"), table_name="audit_entry")
