"""account lifecycle: consultations, kind, continuation reviews, withdrawal, device consent, draft category

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-02 14:00:00

* ``account_consultation`` (wako 運用開始の留意点, joso:3(2)) and ``account_review``
  (joso:7(1)) are evidence: append-only, like the incident timeline.
* ``official_account`` gets its kind (joso:3(1)), review due date and the
  withdrawal columns (joso:7(2)); ``organization`` the defaults for them.
* ``terminal.information_categories`` and ``terminal_consent``: an exception
  device posts only the categories approved for it, and only to accounts whose
  所属長 / 運用責任者 agreed (wako:5-conduct, joso:6(2)).
* ``draft.category`` / ``draft_version.category``: the draft's category of information.
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from alembic import op

from core.storage.migrations import triggers

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

EVIDENCE_TABLES = ("account_consultation", "account_review")


def _account_columns() -> tuple[sa.Column[Any], ...]:
    # Built afresh on each call: a Column is bound to the table it is added to.
    return (
        sa.Column("kind", sa.String(length=16), server_default="official", nullable=False),
        sa.Column("opened_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("review_due_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("withdrawal_started_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("withdrawal_ends_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("withdrawal_reason", sa.Text(), nullable=True),
        sa.Column("withdrawal_immediate", sa.Boolean(), server_default="0", nullable=False),
        sa.Column("withdrawal_notice_draft_id", sa.Integer(), nullable=True),
        sa.Column("deleted_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("deletion_method", sa.String(length=16), nullable=True),
    )


def _organization_columns() -> tuple[sa.Column[Any], ...]:
    return (
        sa.Column("consult_sections", sa.JSON(), nullable=True),
        sa.Column("review_interval_days", sa.Integer(), server_default="365", nullable=False),
        sa.Column("withdrawal_notice_days", sa.Integer(), server_default="30", nullable=False),
        sa.Column("rotation_overdue", sa.String(length=16), server_default="block", nullable=False),
    )


def upgrade() -> None:
    # ADD COLUMN only (no batch rebuild): the tables keep their triggers and constraints.
    for column in _organization_columns():
        op.add_column("organization", column)
    for column in _account_columns():
        op.add_column("official_account", column)
    op.add_column("terminal", sa.Column("information_categories", sa.JSON(), nullable=True))
    op.execute("UPDATE terminal SET information_categories = '[]'")
    for table in ("draft", "draft_version"):
        op.add_column(table, sa.Column("category", sa.String(length=32), server_default="general", nullable=False))
    # An account already in operation opened before this version: its first review is due a year on.
    op.execute(
        "UPDATE official_account SET opened_at = filed_at WHERE status IN ('active', 'paused') AND filed_at IS NOT NULL"
    )
    op.create_table(
        "account_consultation",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("account_id", sa.Integer(), nullable=False),
        sa.Column("section", sa.String(length=200), nullable=False),
        sa.Column("consulted_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("counterpart", sa.String(length=200), nullable=False),
        sa.Column("outcome", sa.String(length=16), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("recorded_by_id", sa.Integer(), nullable=False),
        sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["account_id"], ["official_account.id"], name=op.f("fk_account_consultation_account_id_official_account")
        ),
        sa.ForeignKeyConstraint(
            ["recorded_by_id"], ["staff.id"], name=op.f("fk_account_consultation_recorded_by_id_staff")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_account_consultation")),
    )
    op.create_index(
        op.f("ix_account_consultation_account_id"), "account_consultation", ["account_id"], unique=False
    )
    op.create_table(
        "account_review",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("account_id", sa.Integer(), nullable=False),
        sa.Column("period_start", sa.DateTime(timezone=True), nullable=False),
        sa.Column("period_end", sa.DateTime(timezone=True), nullable=False),
        sa.Column("posts", sa.Integer(), nullable=False),
        sa.Column("last_post_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("incidents", sa.Integer(), nullable=False),
        sa.Column("inbound", sa.Integer(), nullable=True),
        sa.Column("criteria", sa.JSON(), nullable=False),
        sa.Column("decision", sa.String(length=16), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("reviewed_by_id", sa.Integer(), nullable=False),
        sa.Column("reviewed_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("next_due_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["account_id"], ["official_account.id"], name=op.f("fk_account_review_account_id_official_account")
        ),
        sa.ForeignKeyConstraint(["reviewed_by_id"], ["staff.id"], name=op.f("fk_account_review_reviewed_by_id_staff")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_account_review")),
    )
    op.create_index(op.f("ix_account_review_account_id"), "account_review", ["account_id"], unique=False)
    op.create_table(
        "terminal_consent",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("terminal_id", sa.Integer(), nullable=False),
        sa.Column("account_id", sa.Integer(), nullable=False),
        sa.Column("approval_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("consented_by_id", sa.Integer(), nullable=False),
        sa.Column("duty", sa.String(length=32), nullable=False),
        sa.Column("consented_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("revoked_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["account_id"], ["official_account.id"], name=op.f("fk_terminal_consent_account_id_official_account")
        ),
        sa.ForeignKeyConstraint(
            ["consented_by_id"], ["staff.id"], name=op.f("fk_terminal_consent_consented_by_id_staff")
        ),
        sa.ForeignKeyConstraint(["terminal_id"], ["terminal.id"], name=op.f("fk_terminal_consent_terminal_id_terminal")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_terminal_consent")),
    )
    op.create_index(op.f("ix_terminal_consent_terminal_id"), "terminal_consent", ["terminal_id"], unique=False)
    for table in EVIDENCE_TABLES:
        triggers.create(table)


def downgrade() -> None:
    for table in EVIDENCE_TABLES:
        triggers.drop(table)
    op.drop_index(op.f("ix_terminal_consent_terminal_id"), table_name="terminal_consent")
    op.drop_table("terminal_consent")
    op.drop_index(op.f("ix_account_review_account_id"), table_name="account_review")
    op.drop_table("account_review")
    op.drop_index(op.f("ix_account_consultation_account_id"), table_name="account_consultation")
    op.drop_table("account_consultation")
    # DROP COLUMN in place (SQLite ≥ 3.35): a batch rebuild would drop the append-only triggers.
    for table in ("draft_version", "draft"):
        op.drop_column(table, "category")
    op.drop_column("terminal", "information_categories")
    for column in reversed(_account_columns()):
        op.drop_column("official_account", column.name)
    for column in reversed(_organization_columns()):
        op.drop_column("organization", column.name)
