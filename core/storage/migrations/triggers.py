"""Append-only triggers shared by the migrations.

Evidence rows (audit entries, submitted versions, reviews) are refused
UPDATE and DELETE by the database itself. SQLite's batch mode rebuilds a
table to alter it and drops its triggers on the way, so every migration
that may rebuild one of these tables calls :func:`restore_sqlite` at the end.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

APPEND_ONLY_TABLES = ("audit_entry", "draft_version", "review")
# Append-only tables added by later migrations (0001 creates triggers for the first set only).
LATER_APPEND_ONLY_TABLES = (
    "draft_contributor",
    "incident_step",
    "incident_evidence",
    "incident_suspect",
    "incident_draft",
    "draft_template",
    "draft_group_member",
)


def _sqlite_triggers(table: str) -> None:
    for action in ("UPDATE", "DELETE"):
        op.execute(f"DROP TRIGGER IF EXISTS {table}_no_{action.lower()}")
        op.execute(
            f"CREATE TRIGGER {table}_no_{action.lower()} BEFORE {action} ON {table} "
            f"BEGIN SELECT RAISE(ABORT, '{table} rows are append-only'); END"
        )


def create(table: str) -> None:
    dialect = op.get_bind().dialect.name
    message = f"{table} rows are append-only"
    if dialect == "sqlite":
        _sqlite_triggers(table)
    elif dialect == "postgresql":
        op.execute(
            f"CREATE FUNCTION {table}_append_only() RETURNS trigger LANGUAGE plpgsql AS "
            f"$$ BEGIN RAISE EXCEPTION '{message}'; END $$"
        )
        op.execute(
            f"CREATE TRIGGER {table}_no_change BEFORE UPDATE OR DELETE ON {table} "
            f"FOR EACH ROW EXECUTE FUNCTION {table}_append_only()"
        )
        op.execute(
            f"CREATE TRIGGER {table}_no_truncate BEFORE TRUNCATE ON {table} "
            f"FOR EACH STATEMENT EXECUTE FUNCTION {table}_append_only()"
        )
        # ALWAYS: an ordinary trigger does not fire under session_replication_role=replica.
        op.execute(f"ALTER TABLE {table} ENABLE ALWAYS TRIGGER {table}_no_change")
        op.execute(f"ALTER TABLE {table} ENABLE ALWAYS TRIGGER {table}_no_truncate")
    else:  # pragma: no cover - parse_url admits only the two
        raise NotImplementedError(dialect)


def drop(table: str) -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute(f"DROP TRIGGER IF EXISTS {table}_no_update")
        op.execute(f"DROP TRIGGER IF EXISTS {table}_no_delete")
    else:
        op.execute(f"DROP FUNCTION IF EXISTS {table}_append_only() CASCADE")


def restore_sqlite() -> None:
    """Re-create the SQLite triggers after a batch rebuild (a no-op on PostgreSQL)."""
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        existing = set(sa.inspect(bind).get_table_names())
        for table in APPEND_ONLY_TABLES + LATER_APPEND_ONLY_TABLES:
            if table in existing:
                _sqlite_triggers(table)
