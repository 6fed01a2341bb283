"""The PostgreSQL workstation role: owns nothing, cannot touch triggers, can only add to the record.

KohoGate's tables are owned by the role that ran the migrations (the
database administrator's). The workstations connect as a second role that
this module's SQL sets up:

* ``NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS``, owner of
  nothing: only an owner (or a superuser) may ``ALTER TABLE … DISABLE
  TRIGGER``, drop a trigger or a table, and only a superuser may set
  ``session_replication_role`` (which would skip ordinary triggers; ours are
  ``ENABLE ALWAYS`` besides).
* the evidence tables (the audit record, submitted versions, reviews,
  contributors) get ``SELECT, INSERT`` only — no ``UPDATE``, ``DELETE`` or
  ``TRUNCATE`` — so the record cannot be rewritten even if a trigger were gone;
* every other table gets ``SELECT, INSERT, UPDATE, DELETE`` (no ``TRUNCATE``,
  ``REFERENCES`` or ``TRIGGER``), sequences ``USAGE, SELECT``, the schema
  ``USAGE`` only (no ``CREATE``), ``alembic_version`` ``SELECT`` only:
  migrations run as the owner.

The role gets no password here (no secret in output or logs): set one with
``\\password`` in psql, or use certificate or peer authentication.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import Connection, text

from core.errors import InvalidInput
from core.i18n import tr
from core.storage.engine import Store

DEFAULT_ROLE = "kohogate_workstation"

#: Rows that are evidence: insert and read only (the append-only triggers guard them too).
APPEND_ONLY = ("audit_entry", "draft_version", "review", "draft_contributor", "record_number")

_IDENTIFIER = re.compile(r"^[a-z_][a-z0-9_]{0,62}$")


def _quoted(name: str) -> str:
    if not _IDENTIFIER.match(name):
        raise InvalidInput(
            tr("A role or schema name must be lower-case letters, digits and underscores (at most 63): {name}").format(
                name=name
            )
        )
    return f'"{name}"'


def workstation_role_sql(connection: Connection, role: str = DEFAULT_ROLE) -> list[str]:
    """The statements that set up ``role`` for the schema and tables ``connection`` sees."""
    schema = str(connection.execute(text("SELECT current_schema()")).scalar())
    tables = sorted(
        str(name)
        for name in connection.execute(
            text("SELECT tablename FROM pg_tables WHERE schemaname = :s"), {"s": schema}
        ).scalars()
    )
    r, s = _quoted(role), _quoted(schema)
    statements = [
        f"DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{role}') THEN "
        f"CREATE ROLE {r} LOGIN; END IF; END $$",
        f"ALTER ROLE {r} NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS NOINHERIT",
        f"REVOKE ALL ON SCHEMA {s} FROM {r}",
        f"GRANT USAGE ON SCHEMA {s} TO {r}",
        f"REVOKE ALL ON ALL TABLES IN SCHEMA {s} FROM {r}",
        f"REVOKE ALL ON ALL SEQUENCES IN SCHEMA {s} FROM {r}",
    ]
    for table in tables:
        t = f"{s}.{_quoted(table)}"
        if table in APPEND_ONLY:
            statements.append(f"GRANT SELECT, INSERT ON TABLE {t} TO {r}")
        elif table == "alembic_version":
            statements.append(f"GRANT SELECT ON TABLE {t} TO {r}")
        else:
            statements.append(f"GRANT SELECT, INSERT, UPDATE, DELETE ON TABLE {t} TO {r}")
    statements.append(f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA {s} TO {r}")
    return statements


@dataclass(frozen=True)
class RoleCheck:
    owned: int  # tables, sequences, functions … the role owns in this database
    can_create: bool  # CREATE on the schema
    superuser: bool
    audit_rewritable: bool  # UPDATE, DELETE or TRUNCATE on audit_entry

    @property
    def ok(self) -> bool:
        return not (self.owned or self.can_create or self.superuser or self.audit_rewritable)


def check_role(connection: Connection, role: str = DEFAULT_ROLE) -> RoleCheck:
    """What ``role`` may do that a workstation must not (all zero / false when set up as above)."""
    _quoted(role)
    row = connection.execute(
        text(
            "SELECT "
            "(SELECT count(*) FROM pg_class WHERE relowner = r.oid) "
            "+ (SELECT count(*) FROM pg_proc WHERE proowner = r.oid), "
            "has_schema_privilege(r.oid, current_schema(), 'CREATE'), r.rolsuper, "
            "has_table_privilege(r.oid, 'audit_entry', 'UPDATE') "
            "OR has_table_privilege(r.oid, 'audit_entry', 'DELETE') "
            "OR has_table_privilege(r.oid, 'audit_entry', 'TRUNCATE') "
            "FROM pg_roles r WHERE r.rolname = :role"
        ),
        {"role": role},
    ).one()
    return RoleCheck(owned=int(row[0]), can_create=bool(row[1]), superuser=bool(row[2]), audit_rewritable=bool(row[3]))


def roles_supported(store: Store) -> bool:
    """Database roles (``app.py db roles``) exist on PostgreSQL only."""
    return store.dialect == "postgresql"
