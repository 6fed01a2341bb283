"""incident desk: incidents, their timeline and evidence; account lock; pause-all

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-02 05:40:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from core.storage.migrations import triggers

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

EVIDENCE_TABLES = ("incident_step", "incident_evidence")


def upgrade() -> None:
    # ADD COLUMN only (no batch rebuild): the tables keep their triggers and constraints.
    op.add_column("organization", sa.Column("paused_at", sa.DateTime(timezone=True), nullable=True))
    op.add_column("organization", sa.Column("paused_by_id", sa.Integer(), nullable=True))
    op.add_column("organization", sa.Column("pause_reason", sa.Text(), nullable=True))
    op.add_column("official_account", sa.Column("locked_at", sa.DateTime(timezone=True), nullable=True))
    op.add_column("official_account", sa.Column("lock_reason", sa.Text(), nullable=True))
    op.add_column("official_account", sa.Column("lock_incident_id", sa.Integer(), nullable=True))
    op.create_table(
        "incident",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("severity", sa.String(length=16), nullable=False),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("discovered_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("discovered_by_id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("closed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("row_version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["discovered_by_id"], ["staff.id"], name=op.f("fk_incident_discovered_by_id_staff")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_incident")),
    )
    op.create_index(op.f("ix_incident_state"), "incident", ["state"], unique=False)
    op.create_table(
        "incident_account",
        sa.Column("incident_id", sa.Integer(), nullable=False),
        sa.Column("account_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["account_id"], ["official_account.id"], name=op.f("fk_incident_account_account_id_official_account")
        ),
        sa.ForeignKeyConstraint(["incident_id"], ["incident.id"], name=op.f("fk_incident_account_incident_id_incident")),
        sa.PrimaryKeyConstraint("incident_id", "account_id", name=op.f("pk_incident_account")),
    )
    op.create_table(
        "incident_step",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("incident_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("counterpart", sa.String(length=200), nullable=False),
        sa.Column("reference", sa.String(length=500), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("recorded_by_id", sa.Integer(), nullable=False),
        sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["incident_id"], ["incident.id"], name=op.f("fk_incident_step_incident_id_incident")),
        sa.ForeignKeyConstraint(["recorded_by_id"], ["staff.id"], name=op.f("fk_incident_step_recorded_by_id_staff")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_incident_step")),
    )
    op.create_index(op.f("ix_incident_step_incident_id"), "incident_step", ["incident_id"], unique=False)
    op.create_table(
        "incident_evidence",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("incident_id", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("label", sa.String(length=200), nullable=False),
        sa.Column("url", sa.String(length=2000), nullable=False),
        sa.Column("filename", sa.String(length=255), nullable=False),
        sa.Column("mime", sa.String(length=100), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.Column("recorded_by_id", sa.Integer(), nullable=False),
        sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["incident_id"], ["incident.id"], name=op.f("fk_incident_evidence_incident_id_incident")
        ),
        sa.ForeignKeyConstraint(
            ["recorded_by_id"], ["staff.id"], name=op.f("fk_incident_evidence_recorded_by_id_staff")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_incident_evidence")),
    )
    op.create_index(op.f("ix_incident_evidence_incident_id"), "incident_evidence", ["incident_id"], unique=False)
    for table in EVIDENCE_TABLES:
        triggers.create(table)


def downgrade() -> None:
    for table in EVIDENCE_TABLES:
        triggers.drop(table)
    op.drop_index(op.f("ix_incident_evidence_incident_id"), table_name="incident_evidence")
    op.drop_table("incident_evidence")
    op.drop_index(op.f("ix_incident_step_incident_id"), table_name="incident_step")
    op.drop_table("incident_step")
    op.drop_table("incident_account")
    op.drop_index(op.f("ix_incident_state"), table_name="incident")
    op.drop_table("incident")
    # DROP COLUMN in place (SQLite ≥ 3.35): a batch rebuild of these referenced tables would
    # trip the foreign keys and drop the tables' triggers.
    for column in ("lock_incident_id", "lock_reason", "locked_at"):
        op.drop_column("official_account", column)
    for column in ("pause_reason", "paused_by_id", "paused_at"):
        op.drop_column("organization", column)
