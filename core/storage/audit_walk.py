"""Reading the audit chain in bulk for verification: the one place that knows each dialect's SQL for it.

Verifying a million entries one ORM object (or even one row tuple) at a time
costs far more than hashing them. Here the database builds each entry's
canonical bytes — the JSON array :func:`core.audit.chain.entry_hash` hashes —
and hands them over a few thousand entries per row: one newline-separated
blob (canonical JSON escapes every newline inside a string, so a newline
only ever separates entries), and the links and hashes as strings of 64
hex digits each. Batches are keyset ranges (``seq > last``), so memory is
flat in the length of the chain.

The SQL rendering is a fast path only: the verifier hashes these bytes,
and wherever they do not give the stored hash it re-reads the rows
(:meth:`ChainReader.rows`) and judges them with the Python canonical form,
which alone decides what is broken. All reads happen in one snapshot
(REPEATABLE READ on PostgreSQL; SQLite's read transaction in WAL mode).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from sqlalchemy import text
from sqlalchemy.engine import Connection

from core.storage.engine import Store

# json_array/to_json escape exactly as json.dumps(ensure_ascii=False) does: \" \\ \b \f \n \r \t, \u00xx.
_SQLITE_LINE = "json_array(seq, recorded_at, actor, terminal, event, payload, prev_hash)"
_SQLITE_BATCH = text(
    "SELECT count(*), min(seq), max(seq), CAST(group_concat(line, char(10)) AS BLOB),"
    " group_concat(prev_hash, ''), group_concat(hash, '')"
    f" FROM (SELECT seq, {_SQLITE_LINE} AS line, prev_hash, hash FROM audit_entry"
    " WHERE seq > :after ORDER BY seq LIMIT :size)"
)
# recorded_at, terminal, event and the links are written by KohoGate itself (ISO times, hex ids, event
# codes, hex digests) and need no escaping; were one changed to need it, the bytes would no longer
# give the stored hash and the exact check would judge that entry. to_json costs a microsecond a call.
_POSTGRES_LINE = (
    "'[' || seq || ',\"' || recorded_at || '\",' || to_json(actor)::text || ',\"' || terminal || '\",\"'"
    " || event || '\",' || to_json(payload)::text || ',\"' || prev_hash || '\"]'"
)
_POSTGRES_BATCH = text(
    "SELECT count(*), min(seq), max(seq), convert_to(string_agg(" + _POSTGRES_LINE + ", E'\\n' ORDER BY seq), 'UTF8'),"
    " string_agg(prev_hash, '' ORDER BY seq), string_agg(hash, '' ORDER BY seq)"
    " FROM (SELECT * FROM audit_entry WHERE seq > :after ORDER BY seq LIMIT :size) AS batch"
)
_ROWS = text(
    "SELECT seq, recorded_at, actor, terminal, event, payload, prev_hash, hash FROM audit_entry"
    " WHERE seq > :after ORDER BY seq LIMIT :size"
)


@dataclass(frozen=True)
class ChainBatch:
    """Up to ``size`` consecutive entries (by ``seq``) after a given sequence number."""

    count: int
    first_seq: int
    last_seq: int
    lines: bytes  # each entry's canonical bytes as the database rendered them, newline-separated
    prev_hashes: str  # 64 hex digits per entry, in order
    hashes: str


# seq, recorded_at, actor, terminal, event, payload, prev_hash, hash
ChainRow = tuple[int, str, str, str, str, str, str, str]


class ChainReader:
    def __init__(self, connection: Connection, dialect: str) -> None:
        self._connection = connection
        self._batch = _SQLITE_BATCH if dialect == "sqlite" else _POSTGRES_BATCH

    def head(self) -> tuple[int, str] | None:
        row = self._connection.execute(text("SELECT seq, hash FROM audit_head WHERE id = 1")).first()
        return (int(row[0]), str(row[1])) if row is not None else None

    def count_after(self, seq: int) -> int:
        count = self._connection.execute(text("SELECT count(*) FROM audit_entry WHERE seq > :s"), {"s": seq})
        return int(count.scalar_one())

    def batches(self, after: int, size: int) -> Iterator[ChainBatch]:
        while True:
            row: Any = self._connection.execute(self._batch, {"after": after, "size": size}).one()
            if not row[0]:
                return
            yield ChainBatch(int(row[0]), int(row[1]), int(row[2]), bytes(row[3]), str(row[4]), str(row[5]))
            after = int(row[2])

    def rows(self, after: int, size: int) -> list[ChainRow]:
        """The same entries as :meth:`batches` would give, column by column, for the exact check."""
        result = self._connection.execute(_ROWS, {"after": after, "size": size})
        return [(int(r[0]), r[1], r[2], r[3], r[4], r[5], r[6], r[7]) for r in result]

    def entry(self, seq: int) -> ChainRow | None:
        rows = self.rows(seq - 1, 1)
        return rows[0] if rows and rows[0][0] == seq else None


@contextmanager
def chain_reader(store: Store) -> Iterator[ChainReader]:
    """A reader over one consistent snapshot of the chain."""
    with store.read() as session:
        options = {} if store.dialect == "sqlite" else {"isolation_level": "REPEATABLE READ"}
        connection = session.connection(execution_options=options)
        yield ChainReader(connection, store.dialect)
