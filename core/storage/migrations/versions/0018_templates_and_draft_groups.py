"""templates (定型文) and drafts composed for several accounts at once (一括作成) — issue 18

Revision ID: 0018
Revises: 0016
Create Date: 2026-12-02 17:40:00

* ``post_template``: the organization's library of templates with placeholders,
  their scope (platforms, kinds of account), the clauses they follow and the
  non-blocking findings of their last check; retired, never deleted;
* ``draft_template``: the template (revision and values) a draft was made from.
  Append-only;
* ``draft_group`` and ``draft_group_member``: one message for several accounts,
  one draft per account, submitted and reviewed as a group. Members are
  append-only.

No column is added to ``draft``: the links live in their own tables, so the
draft table is not rebuilt (SQLite batch mode) and its history stays as it was.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from core.storage.migrations import triggers

revision = "0018"
down_revision = "0016"
branch_labels = None
depends_on = None

NEW_APPEND_ONLY = ("draft_template", "draft_group_member")


def upgrade() -> None:
    op.create_table(
        "post_template",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("category", sa.String(length=32), nullable=False),
        sa.Column("platforms", sa.JSON(), nullable=False),
        sa.Column("account_kinds", sa.JSON(), nullable=False),
        sa.Column("clauses", sa.JSON(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("flags", sa.JSON(), nullable=False),
        sa.Column("starter_key", sa.String(length=100), nullable=True),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("created_by_id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("retired_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(["created_by_id"], ["staff.id"], name=op.f("fk_post_template_created_by_id_staff")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_post_template")),
    )
    op.create_table(
        "draft_template",
        sa.Column("draft_id", sa.Integer(), nullable=False),
        sa.Column("template_id", sa.Integer(), nullable=False),
        sa.Column("template_revision", sa.Integer(), nullable=False),
        sa.Column("values", sa.JSON(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["draft_id"], ["draft.id"], name=op.f("fk_draft_template_draft_id_draft")),
        sa.ForeignKeyConstraint(
            ["template_id"], ["post_template.id"], name=op.f("fk_draft_template_template_id_post_template")
        ),
        sa.PrimaryKeyConstraint("draft_id", name=op.f("pk_draft_template")),
    )
    op.create_index(op.f("ix_draft_template_template_id"), "draft_template", ["template_id"], unique=False)
    op.create_table(
        "draft_group",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("created_by_id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("submitted_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(["created_by_id"], ["staff.id"], name=op.f("fk_draft_group_created_by_id_staff")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_draft_group")),
    )
    op.create_table(
        "draft_group_member",
        sa.Column("draft_id", sa.Integer(), nullable=False),
        sa.Column("group_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["draft_id"], ["draft.id"], name=op.f("fk_draft_group_member_draft_id_draft")),
        sa.ForeignKeyConstraint(
            ["group_id"], ["draft_group.id"], name=op.f("fk_draft_group_member_group_id_draft_group")
        ),
        sa.PrimaryKeyConstraint("draft_id", name=op.f("pk_draft_group_member")),
    )
    op.create_index(op.f("ix_draft_group_member_group_id"), "draft_group_member", ["group_id"], unique=False)
    for table in NEW_APPEND_ONLY:
        triggers.create(table)


def downgrade() -> None:
    for table in NEW_APPEND_ONLY:
        triggers.drop(table)
    op.drop_index(op.f("ix_draft_group_member_group_id"), table_name="draft_group_member")
    op.drop_table("draft_group_member")
    op.drop_table("draft_group")
    op.drop_index(op.f("ix_draft_template_template_id"), table_name="draft_template")
    op.drop_table("draft_template")
    op.drop_table("post_template")
