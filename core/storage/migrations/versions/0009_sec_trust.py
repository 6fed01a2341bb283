"""separation of duties in the database; administrator endorsements of keys and terminals

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-02 05:20:00

* A review by anyone who contributed to the draft (``draft_contributor``), or
  who is the version's author, last editor or submitter, is refused by a
  trigger. The CHECK constraint on ``review`` trusts the ``author_id`` and
  ``last_editor_id`` copied into the row, and those are only tied to the
  version by a foreign key — which SQLite skips with ``PRAGMA
  foreign_keys=OFF`` and PostgreSQL skips under
  ``session_replication_role=replica``. A trigger reads the version and the
  contributors itself.
* On PostgreSQL the triggers are ``ENABLE ALWAYS``: an ordinary trigger does
  not fire under ``session_replication_role=replica``, which would also let
  the append-only tables be rewritten.
* ``signing_key`` and ``terminal`` get the administrator's endorsement (a
  signature by an administrator key a terminal has pinned; see
  ``core/terminals/trust.py``).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from core.storage.migrations import triggers

# Frozen here: the tables that existed at this revision (a later table is created ENABLE ALWAYS by
# triggers.create itself, and this migration must not touch tables that do not exist yet).
APPEND_ONLY_AT_0009 = (
    "audit_entry",
    "draft_version",
    "review",
    "draft_contributor",
    "incident_step",
    "incident_evidence",
)

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

MESSAGE = "a review by someone who contributed to the draft is refused (separation of duties)"

# Anyone who made the draft, or the version itself names as a maker.
_MAKER = """
    EXISTS (
        SELECT 1 FROM draft_version v
        WHERE v.id = NEW.version_id
          AND (NEW.reviewer_id IN (v.author_id, v.last_editor_id, v.submitted_by_id)
               OR EXISTS (SELECT 1 FROM draft_contributor c
                          WHERE c.draft_id = v.draft_id AND c.staff_id = NEW.reviewer_id))
    )
"""


def upgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        op.execute(
            f"CREATE TRIGGER review_not_by_contributor BEFORE INSERT ON review "
            f"WHEN {_MAKER} BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END"
        )
    else:
        op.execute(
            "CREATE FUNCTION review_not_by_contributor() RETURNS trigger LANGUAGE plpgsql AS $$ "
            # check_violation, like the CHECK it backs up: an IntegrityError on both databases.
            f"BEGIN IF {_MAKER} THEN RAISE EXCEPTION '{MESSAGE}' USING ERRCODE = 'check_violation'; END IF; "
            "RETURN NEW; END $$"
        )
        op.execute(
            "CREATE TRIGGER review_not_by_contributor BEFORE INSERT ON review "
            "FOR EACH ROW EXECUTE FUNCTION review_not_by_contributor()"
        )
        op.execute("ALTER TABLE review ENABLE ALWAYS TRIGGER review_not_by_contributor")
        for table in APPEND_ONLY_AT_0009:
            op.execute(f"ALTER TABLE {table} ENABLE ALWAYS TRIGGER {table}_no_change")
            op.execute(f"ALTER TABLE {table} ENABLE ALWAYS TRIGGER {table}_no_truncate")
    for table in ("signing_key", "terminal"):
        # Plain ADD COLUMN (no batch rebuild), so no table loses its triggers.
        op.add_column(table, sa.Column("endorsement", sa.Text(), nullable=True))
        op.add_column(table, sa.Column("endorser_key", sa.String(length=100), nullable=True))


def downgrade() -> None:
    for table in ("terminal", "signing_key"):
        with op.batch_alter_table(table) as batch:
            batch.drop_column("endorser_key")
            batch.drop_column("endorsement")
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TRIGGER IF EXISTS review_not_by_contributor")
        triggers.restore_sqlite()
    else:
        op.execute("DROP FUNCTION IF EXISTS review_not_by_contributor() CASCADE")
        for table in APPEND_ONLY_AT_0009:
            op.execute(f"ALTER TABLE {table} ENABLE TRIGGER {table}_no_change")
            op.execute(f"ALTER TABLE {table} ENABLE TRIGGER {table}_no_truncate")
