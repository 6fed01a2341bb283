"""notifications by e-mail (issue 18, item 4)

Revision ID: 0019
Revises: 0018
Create Date: 2026-12-02 17:30:00

* ``staff.email`` and ``staff.mail_mode``: where a person is told, and how
  (immediately, in a daily digest, or not by mail);
* ``mail_settings``: the organization's SMTP server (one row; the password is
  in the OS keyring of the sending terminal, never here);
* ``notification``: the durable outbox, written in the transaction of the
  audit event that causes it;
* ``notification_attempt``: every delivery attempt with its outcome and the
  kind of error (no server text, no secret).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0019"
down_revision = "0018"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Plain ADD COLUMNs (no batch rebuild): the staff table has no triggers to lose.
    op.add_column("staff", sa.Column("email", sa.String(320), nullable=True))
    op.add_column("staff", sa.Column("mail_mode", sa.String(16), nullable=False, server_default="immediate"))
    op.create_table(
        "mail_settings",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("host", sa.String(255), nullable=False),
        sa.Column("port", sa.Integer(), nullable=False),
        sa.Column("security", sa.String(16), nullable=False),
        sa.Column("sender", sa.String(320), nullable=False),
        sa.Column("username", sa.String(320), nullable=False, server_default=""),
        sa.Column("ca_file", sa.String(1000), nullable=False, server_default=""),
        sa.Column("digest_hour", sa.Integer(), nullable=False, server_default="8"),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("id = 1", name=op.f("ck_mail_settings_single_row")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_mail_settings")),
    )
    op.create_table(
        "notification",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("staff_id", sa.Integer(), nullable=False),
        sa.Column("audit_seq", sa.Integer(), nullable=True),
        sa.Column("facts", sa.JSON(), nullable=False),
        sa.Column("dedupe_key", sa.String(200), nullable=True),
        sa.Column("digest", sa.Boolean(), nullable=False, server_default="0"),
        sa.Column("state", sa.String(16), nullable=False, server_default="pending"),
        sa.Column("attempts", sa.Integer(), nullable=False, server_default="0"),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("next_attempt_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("claimed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("sent_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("last_error_kind", sa.String(32), nullable=True),
        sa.ForeignKeyConstraint(["staff_id"], ["staff.id"], name=op.f("fk_notification_staff_id_staff")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_notification")),
        sa.UniqueConstraint("dedupe_key", name=op.f("uq_notification_dedupe_key")),
    )
    op.create_index(op.f("ix_notification_state"), "notification", ["state", "next_attempt_at"])
    op.create_table(
        "notification_attempt",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("notification_id", sa.Integer(), nullable=False),
        sa.Column("attempted_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("terminal", sa.String(64), nullable=False),
        sa.Column("outcome", sa.String(16), nullable=False),
        sa.Column("error_kind", sa.String(32), nullable=True),
        sa.ForeignKeyConstraint(
            ["notification_id"], ["notification.id"], name=op.f("fk_notification_attempt_notification_id_notification")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_notification_attempt")),
    )
    op.create_index(op.f("ix_notification_attempt_notification_id"), "notification_attempt", ["notification_id"])


def downgrade() -> None:
    op.drop_index(op.f("ix_notification_attempt_notification_id"), table_name="notification_attempt")
    op.drop_table("notification_attempt")
    op.drop_index(op.f("ix_notification_state"), table_name="notification")
    op.drop_table("notification")
    op.drop_table("mail_settings")
    # ALTER TABLE … DROP COLUMN (SQLite 3.35+, PostgreSQL): a batch rebuild of staff would drop the table
    # the drafts, reviews and roles point at, which SQLite refuses with foreign keys on.
    op.execute("ALTER TABLE staff DROP COLUMN mail_mode")
    op.execute("ALTER TABLE staff DROP COLUMN email")
