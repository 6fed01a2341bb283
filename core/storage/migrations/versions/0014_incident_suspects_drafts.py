"""incident desk: suspicious accounts of an incident, warning drafts linked to it

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-02 13:50:00

* ``incident_suspect``: an account that poses as one of ours (platform,
  handle, URL, display name), the facts the platform report and the public
  notice name. Append-only, like the rest of an incident's record.
* ``incident_draft``: a warning post prepared from an incident (one draft per
  chosen official account). The draft itself goes through the normal
  composer checks and sign-off; this row only says where it came from.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from core.storage.migrations import triggers

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None

NEW_APPEND_ONLY = ("incident_suspect", "incident_draft")


def upgrade() -> None:
    op.create_table(
        "incident_suspect",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("incident_id", sa.Integer(), nullable=False),
        sa.Column("platform", sa.String(length=32), nullable=False),
        sa.Column("handle", sa.String(length=200), nullable=False),
        sa.Column("display_name", sa.String(length=200), nullable=False),
        sa.Column("url", sa.String(length=2000), nullable=False),
        sa.Column("recorded_by_id", sa.Integer(), nullable=False),
        sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["incident_id"], ["incident.id"], name=op.f("fk_incident_suspect_incident_id_incident")
        ),
        sa.ForeignKeyConstraint(
            ["recorded_by_id"], ["staff.id"], name=op.f("fk_incident_suspect_recorded_by_id_staff")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_incident_suspect")),
    )
    op.create_index(op.f("ix_incident_suspect_incident_id"), "incident_suspect", ["incident_id"], unique=False)
    op.create_table(
        "incident_draft",
        sa.Column("incident_id", sa.Integer(), nullable=False),
        sa.Column("draft_id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["incident_id"], ["incident.id"], name=op.f("fk_incident_draft_incident_id_incident")),
        sa.ForeignKeyConstraint(["draft_id"], ["draft.id"], name=op.f("fk_incident_draft_draft_id_draft")),
        sa.PrimaryKeyConstraint("incident_id", "draft_id", name=op.f("pk_incident_draft")),
    )
    for table in NEW_APPEND_ONLY:
        triggers.create(table)


def downgrade() -> None:
    for table in NEW_APPEND_ONLY:
        triggers.drop(table)
    op.drop_table("incident_draft")
    op.drop_index(op.f("ix_incident_suspect_incident_id"), table_name="incident_suspect")
    op.drop_table("incident_suspect")
