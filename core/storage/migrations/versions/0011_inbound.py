"""inbound: replies and mentions read back, their triage and moderation, cursors, 炎上 episodes, retention

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-02 14:00:00

New tables only (nothing existing is altered). Items, their actions and
their evidence are deleted by the retention purge, so they are not
append-only; what the purge may never touch is the incident evidence an
escalation copied into ``incident_evidence`` (append-only since 0008).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def _fk(table: str, column: str, target: str) -> sa.ForeignKeyConstraint:
    other = target.split(".", 1)[0]
    return sa.ForeignKeyConstraint([column], [target], name=op.f(f"fk_{table}_{column}_{other}"))


def upgrade() -> None:
    op.create_table(
        "inbound_cursor",
        sa.Column("account_id", sa.Integer(), nullable=False),
        sa.Column("cursor", sa.String(length=300), nullable=True),
        sa.Column("read_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("resume_after", sa.DateTime(timezone=True), nullable=True),
        sa.Column("last_outcome", sa.String(length=32), nullable=False),
        _fk("inbound_cursor", "account_id", "official_account.id"),
        sa.PrimaryKeyConstraint("account_id", name=op.f("pk_inbound_cursor")),
    )
    op.create_table(
        "inbound_item",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("account_id", sa.Integer(), nullable=False),
        sa.Column("platform_item_id", sa.String(length=300), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("author_id", sa.String(length=300), nullable=False),
        sa.Column("author_handle", sa.String(length=300), nullable=False),
        sa.Column("author_name", sa.String(length=300), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("url", sa.String(length=2000), nullable=False),
        sa.Column("posted_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("received_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("in_reply_to", sa.String(length=300), nullable=False),
        sa.Column("root", sa.String(length=300), nullable=False),
        sa.Column("ref", sa.String(length=200), nullable=False),
        sa.Column("parent_text", sa.Text(), nullable=False),
        sa.Column("level", sa.String(length=16), nullable=False),
        sa.Column("matches", sa.JSON(), nullable=False),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("handled_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("incident_id", sa.Integer(), nullable=True),
        sa.Column("reply_draft_id", sa.Integer(), nullable=True),
        _fk("inbound_item", "account_id", "official_account.id"),
        _fk("inbound_item", "incident_id", "incident.id"),
        _fk("inbound_item", "reply_draft_id", "draft.id"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_inbound_item")),
        sa.UniqueConstraint(
            "account_id", "platform_item_id", name=op.f("uq_inbound_item_account_id_platform_item_id")
        ),
    )
    for column in ("account_id", "received_at", "level", "state"):
        op.create_index(op.f(f"ix_inbound_item_{column}"), "inbound_item", [column], unique=False)
    op.create_table(
        "inbound_action",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("item_id", sa.Integer(), nullable=False),
        sa.Column("action", sa.String(length=16), nullable=False),
        sa.Column("by_hand", sa.Boolean(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("evidence_sha256", sa.String(length=64), nullable=True),
        sa.Column("done_by_id", sa.Integer(), nullable=False),
        sa.Column("done_at", sa.DateTime(timezone=True), nullable=False),
        _fk("inbound_action", "item_id", "inbound_item.id"),
        _fk("inbound_action", "done_by_id", "staff.id"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_inbound_action")),
    )
    op.create_index(op.f("ix_inbound_action_item_id"), "inbound_action", ["item_id"], unique=False)
    op.create_table(
        "inbound_evidence",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("item_id", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.Column("recorded_by_id", sa.Integer(), nullable=False),
        sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
        _fk("inbound_evidence", "item_id", "inbound_item.id"),
        _fk("inbound_evidence", "recorded_by_id", "staff.id"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_inbound_evidence")),
    )
    op.create_index(op.f("ix_inbound_evidence_item_id"), "inbound_evidence", ["item_id"], unique=False)
    op.create_table(
        "inbound_settings",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("retention_days", sa.Integer(), nullable=False),
        sa.Column("spike_factor", sa.Float(), nullable=False),
        sa.Column("spike_min_per_hour", sa.Integer(), nullable=False),
        sa.Column("spike_flagged_share", sa.Float(), nullable=False),
        sa.CheckConstraint("id = 1", name=op.f("ck_inbound_settings_single_row")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_inbound_settings")),
    )
    op.create_table(
        "inbound_spike",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("account_id", sa.Integer(), nullable=False),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("ended_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("peak_per_hour", sa.Integer(), nullable=False),
        sa.Column("baseline_per_hour", sa.Float(), nullable=False),
        sa.Column("incident_id", sa.Integer(), nullable=True),
        _fk("inbound_spike", "account_id", "official_account.id"),
        _fk("inbound_spike", "incident_id", "incident.id"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_inbound_spike")),
    )
    op.create_index(op.f("ix_inbound_spike_account_id"), "inbound_spike", ["account_id"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_inbound_spike_account_id"), table_name="inbound_spike")
    op.drop_table("inbound_spike")
    op.drop_table("inbound_settings")
    op.drop_index(op.f("ix_inbound_evidence_item_id"), table_name="inbound_evidence")
    op.drop_table("inbound_evidence")
    op.drop_index(op.f("ix_inbound_action_item_id"), table_name="inbound_action")
    op.drop_table("inbound_action")
    for column in ("state", "level", "received_at", "account_id"):
        op.drop_index(op.f(f"ix_inbound_item_{column}"), table_name="inbound_item")
    op.drop_table("inbound_item")
    op.drop_table("inbound_cursor")
