"""records a city can file: document numbers (文書番号) and editing sessions

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-02 14:00:00

* ``organization.document_prefix``: the organization's prefix of a 文書番号
  (「見本広」 in 「見本広第12号」), set in the settings.
* ``record_number``: one 文書番号 per draft, given at its first submission
  (起案) and never changed (append-only): the sequence restarts each 年度
  (April to March, 地方自治法第208条). Drafts submitted before this revision
  are numbered here, in the order of their first submission.
* ``draft_edit_session``: the working state of an editing session, so that
  autosaves are coalesced into a few audit entries (core/records/editing.py).
  Not evidence (the audit entries are): it is updated in place.
"""

from __future__ import annotations

from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

from core.storage.migrations import triggers

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def _fiscal_year(moment: datetime) -> int:
    local = moment.astimezone()
    return local.year if local.month >= 4 else local.year - 1


def _as_utc(value: object) -> datetime | None:
    if isinstance(value, datetime):
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)
    if isinstance(value, str) and value:
        parsed = datetime.fromisoformat(value)
        return parsed.replace(tzinfo=UTC) if parsed.tzinfo is None else parsed.astimezone(UTC)
    return None


def _backfill() -> None:
    bind = op.get_bind()
    rows = bind.execute(
        sa.text(
            "SELECT draft_id, MIN(created_at) AS first_at FROM draft_version GROUP BY draft_id ORDER BY 2, 1"
        )
    ).all()
    sqlite = bind.dialect.name == "sqlite"
    numbers: dict[int, int] = {}
    table = sa.table(
        "record_number",
        sa.column("draft_id", sa.Integer()),
        sa.column("fiscal_year", sa.Integer()),
        sa.column("seq", sa.Integer()),
        sa.column("label", sa.String()),
        sa.column("assigned_at", sa.DateTime(timezone=True)),
    )
    values = []
    for draft_id, first_at in rows:
        moment = _as_utc(first_at) or datetime.now(UTC)
        year = _fiscal_year(moment)
        numbers[year] = numbers.get(year, 0) + 1
        values.append(
            {
                "draft_id": draft_id,
                "fiscal_year": year,
                "seq": numbers[year],
                "label": f"第{numbers[year]}号",
                # SQLite keeps naive UTC text (as models.UTCDateTime writes it).
                "assigned_at": moment.replace(tzinfo=None) if sqlite else moment,
            }
        )
    if values:
        op.bulk_insert(table, values)


def upgrade() -> None:
    # ADD COLUMN only (no batch rebuild): the table keeps its constraints.
    op.add_column(
        "organization", sa.Column("document_prefix", sa.String(length=50), nullable=False, server_default="")
    )
    op.create_table(
        "record_number",
        sa.Column("draft_id", sa.Integer(), nullable=False),
        sa.Column("fiscal_year", sa.Integer(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("label", sa.String(length=120), nullable=False),
        sa.Column("assigned_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["draft_id"], ["draft.id"], name=op.f("fk_record_number_draft_id_draft")),
        sa.PrimaryKeyConstraint("draft_id", name=op.f("pk_record_number")),
        sa.UniqueConstraint("fiscal_year", "seq", name=op.f("uq_record_number_fiscal_year_seq")),
    )
    triggers.create("record_number")
    op.create_table(
        "draft_edit_session",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("draft_id", sa.Integer(), nullable=False),
        sa.Column("staff_id", sa.Integer(), nullable=False),
        sa.Column("terminal", sa.String(length=64), nullable=False),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("last_saved_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("last_recorded_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("saves", sa.Integer(), nullable=False),
        sa.Column("unrecorded", sa.Integer(), nullable=False),
        sa.Column("changed", sa.JSON(), nullable=False),
        sa.Column("ended_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(["draft_id"], ["draft.id"], name=op.f("fk_draft_edit_session_draft_id_draft")),
        sa.ForeignKeyConstraint(["staff_id"], ["staff.id"], name=op.f("fk_draft_edit_session_staff_id_staff")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_draft_edit_session")),
    )
    op.create_index(op.f("ix_draft_edit_session_draft_id"), "draft_edit_session", ["draft_id"], unique=False)
    _backfill()


def downgrade() -> None:
    op.drop_index(op.f("ix_draft_edit_session_draft_id"), table_name="draft_edit_session")
    op.drop_table("draft_edit_session")
    triggers.drop("record_number")
    op.drop_table("record_number")
    with op.batch_alter_table("organization") as batch:
        batch.drop_column("document_prefix")
