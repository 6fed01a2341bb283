"""audit record: each entry's canonical bytes stored once, the fields generated from them

Revision ID: 0023
Revises: 0022
Create Date: 2026-12-04 18:10:00

``audit verify`` had the database render every entry's canonical JSON from
its columns: on SQLite json_array costs three times the SHA-256 it feeds
(issue 21). Now the bytes hashed at append time are stored (``canon``) and
the fields people read — recorded_at, actor, terminal, event, payload,
prev_hash — are generated columns over them (VIRTUAL on SQLite, so no stored
copy can ever disagree; STORED on PostgreSQL), so the verifier reads the
bytes and hashes them, and a field cannot be changed apart from the bytes
its hash covers. ``seq`` and ``hash`` stay ordinary columns. The verifier
checks the definitions below (core/storage/audit_walk.py), so a table
rebuilt with ordinary columns is walked the exact way, column against bytes.

Existing entries get the bytes the Python canonical form gives for their
columns (as their hash was computed), written out here, not imported from
core.audit: a migration must keep doing what it did when it ran. An entry
edited before this migration keeps a hash that does not match, and verify
names it as before. The append-only triggers are dropped for the rewrite and
created again.
"""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Iterator

import sqlalchemy as sa
from alembic import op

from core.storage.migrations import triggers

revision = "0023"
down_revision = "0022"
branch_labels = None
depends_on = None

FIELDS = ("recorded_at", "actor", "terminal", "event", "payload", "prev_hash")
INDEXED = ("event", "actor", "recorded_at")
LENGTHS = {"recorded_at": 40, "actor": 200, "terminal": 64, "event": 100, "prev_hash": 64}
BATCH = 20_000

# core/storage/audit_walk.py compares sqlite_master's text with exactly this.
SQLITE_TABLE = (
    "CREATE TABLE audit_entry (seq INTEGER NOT NULL, canon TEXT NOT NULL, hash VARCHAR(64) NOT NULL, "
    + ", ".join(
        f"{name} TEXT GENERATED ALWAYS AS (json_extract(canon, '$[{i}]')) VIRTUAL NOT NULL"
        for i, name in enumerate(FIELDS, 1)
    )
    + ", CONSTRAINT pk_audit_entry PRIMARY KEY (seq))"
)


def _postgres_column(i: int, name: str) -> str:
    return f"ADD COLUMN {name} text GENERATED ALWAYS AS ((canon::json ->> {i})) STORED NOT NULL"


def _canonical(seq: int, fields: tuple[str, ...]) -> str:
    """core.audit.chain.entry_hash's input: a JSON array, NFC strings, no white space."""
    return json.dumps(
        [seq, *(unicodedata.normalize("NFC", v) for v in fields)], ensure_ascii=False, separators=(",", ":")
    )


def _old_rows(table: str) -> Iterator[list[dict[str, object]]]:
    bind = op.get_bind()
    after = 0
    query = sa.text(f"SELECT seq, {', '.join(FIELDS)}, hash FROM {table} WHERE seq > :after ORDER BY seq LIMIT {BATCH}")
    while rows := bind.execute(query, {"after": after}).all():
        yield [{"seq": r[0], "canon": _canonical(r[0], tuple(r[1:7])), "hash": r[7]} for r in rows]
        after = rows[-1][0]


def _indexes() -> None:
    for column in INDEXED:
        op.execute(f"CREATE INDEX ix_audit_entry_{column} ON audit_entry ({column})")


def upgrade() -> None:
    bind = op.get_bind()
    triggers.drop("audit_entry")
    for column in INDEXED:
        op.execute(f"DROP INDEX IF EXISTS ix_audit_entry_{column}")
    if bind.dialect.name == "sqlite":
        op.execute("ALTER TABLE audit_entry RENAME TO audit_entry_0022")
        op.execute(SQLITE_TABLE)
        insert = sa.text("INSERT INTO audit_entry (seq, canon, hash) VALUES (:seq, :canon, :hash)")
        for batch in _old_rows("audit_entry_0022"):
            bind.execute(insert, batch)
        op.execute("DROP TABLE audit_entry_0022")
    else:
        # In place, so the grants (core/storage/roles.py) stay on the table.
        op.execute("ALTER TABLE audit_entry ADD COLUMN canon text")
        op.execute("CREATE TEMPORARY TABLE audit_canon_0023 (seq integer PRIMARY KEY, canon text NOT NULL)")
        insert = sa.text("INSERT INTO audit_canon_0023 (seq, canon) VALUES (:seq, :canon)")
        for batch in _old_rows("audit_entry"):
            bind.execute(insert, [{"seq": r["seq"], "canon": r["canon"]} for r in batch])
        op.execute("UPDATE audit_entry a SET canon = c.canon FROM audit_canon_0023 c WHERE c.seq = a.seq")
        op.execute("DROP TABLE audit_canon_0023")
        op.execute("ALTER TABLE audit_entry ALTER COLUMN canon SET NOT NULL")
        op.execute("ALTER TABLE audit_entry " + ", ".join(f"DROP COLUMN {name}" for name in FIELDS))
        op.execute("ALTER TABLE audit_entry " + ", ".join(_postgres_column(i, n) for i, n in enumerate(FIELDS, 1)))
    _indexes()
    triggers.create("audit_entry")


def _type(name: str) -> str:
    return f"VARCHAR({LENGTHS[name]})" if name in LENGTHS else "TEXT"


def downgrade() -> None:
    bind = op.get_bind()
    triggers.drop("audit_entry")
    for column in INDEXED:
        op.execute(f"DROP INDEX IF EXISTS ix_audit_entry_{column}")
    if bind.dialect.name == "sqlite":
        op.execute("ALTER TABLE audit_entry RENAME TO audit_entry_0023")
        columns = ", ".join(f"{name} {_type(name)} NOT NULL" for name in FIELDS)
        op.execute(
            f"CREATE TABLE audit_entry (seq INTEGER NOT NULL, {columns}, hash VARCHAR(64) NOT NULL, "
            "CONSTRAINT pk_audit_entry PRIMARY KEY (seq))"
        )
        names = ", ".join(FIELDS)
        op.execute(
            f"INSERT INTO audit_entry (seq, {names}, hash) SELECT seq, {names}, hash FROM audit_entry_0023 ORDER BY seq"
        )
        op.execute("DROP TABLE audit_entry_0023")
    else:
        for name in FIELDS:
            op.execute(f"ALTER TABLE audit_entry RENAME COLUMN {name} TO {name}_0023")
        op.execute("ALTER TABLE audit_entry " + ", ".join(f"ADD COLUMN {n} {_type(n)}" for n in FIELDS))
        op.execute("UPDATE audit_entry SET " + ", ".join(f"{n} = {n}_0023" for n in FIELDS))
        op.execute(
            "ALTER TABLE audit_entry "
            + ", ".join([f"DROP COLUMN {n}_0023" for n in FIELDS] + ["DROP COLUMN canon"])
            + ", "
            + ", ".join(f"ALTER COLUMN {n} SET NOT NULL" for n in FIELDS)
        )
    _indexes()
    triggers.create("audit_entry")
