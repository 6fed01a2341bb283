"""Reading the audit chain in bulk for verification: the one place that knows each dialect's SQL for it.

Verifying a million entries one ORM object (or even one row tuple) at a time
costs far more than hashing them. Here the database builds each entry's
canonical bytes — the JSON array :func:`core.audit.chain.entry_hash` hashes —
and hands them over a few thousand entries per row: one newline-separated
blob (canonical JSON escapes every newline inside a string, so a newline
only ever separates entries), and the links and hashes as comma-separated
strings. A batch is a range of sequence numbers, so memory is flat
in the length of the chain and several connections can each render every
n-th range at once (:func:`chain_snapshot`) while the verifier hashes.

The SQL rendering is a fast path only: the verifier hashes these bytes,
and wherever they do not give the stored hash it re-reads the rows
(:meth:`ChainReader.rows`) and judges them with the Python canonical form,
which alone decides what is broken. All connections read one snapshot:
on PostgreSQL the first exports its REPEATABLE READ snapshot and the others
import it; on SQLite (WAL) they all start reading while one holds the write
lock, so no commit can fall between their starts.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from typing import Any

from sqlalchemy import text
from sqlalchemy.engine import Connection
from sqlalchemy.exc import OperationalError

from core.storage.engine import WRITE_OPTION, Store

# json_array/to_json escape exactly as json.dumps(ensure_ascii=False) does: \" \\ \b \f \n \r \t, \u00xx.
_SQLITE_LINE = "json_array(seq, recorded_at, actor, terminal, event, payload, prev_hash)"
_SQLITE_BATCH = text(
    "SELECT count(*), min(seq), max(seq), CAST(group_concat(line, char(10)) AS BLOB),"
    " group_concat(prev_hash, ','), group_concat(hash, ',')"
    f" FROM (SELECT seq, {_SQLITE_LINE} AS line, prev_hash, hash FROM audit_entry"
    " WHERE seq > :lo AND seq <= :hi ORDER BY seq)"
)


# Every text column is escaped, `\` and `"` each with a backslash: an escaping applied to every field is
# what makes the rendering one-to-one, so no edited row can render to another entry's bytes (a raw field
# holding `","` or a trailing backslash could shift the fields' boundaries). It is json.dumps's escaping
# for any text without control characters, which canonical JSON never leaves raw: a field holding one
# renders to bytes no entry was hashed over, and the exact check judges it. replace() costs a quarter
# less server time than to_json. The link is the exception: it must equal the previous entry's hash,
# 64 hex digits, which is checked. Aggregated in the order of the ordered sub-select, which PostgreSQL
# keeps (an ORDER BY inside each aggregate would sort every batch three times); were it ever not kept,
# the links would not hold and the exact check, which orders its rows, would judge the batch. Sent in
# the binary protocol (psycopg directly) and the text taken as bytes: nothing to decode on the way.
def _escaped(column: str) -> str:
    return f"replace(replace({column}, '\\', '\\\\'), '\"', '\\\"')"


_POSTGRES_LINE = (
    "'[' || seq || ',\"' || "
    + " || '\",\"' || ".join(_escaped(c) for c in ("recorded_at", "actor", "terminal", "event", "payload"))
    + " || '\",\"' || prev_hash || '\"]'"
)
_POSTGRES_BATCH = (
    "SELECT count(*), min(seq), max(seq), string_agg(line, E'\\n'), string_agg(prev_hash, ','), string_agg(hash, ',')"
    f" FROM (SELECT seq, {_POSTGRES_LINE} AS line, prev_hash, hash FROM audit_entry"
    " WHERE seq > %(lo)s AND seq <= %(hi)s ORDER BY seq) AS batch"
)
_ROWS = text(
    "SELECT seq, recorded_at, actor, terminal, event, payload, prev_hash, hash FROM audit_entry"
    " WHERE seq > :after ORDER BY seq LIMIT :size"
)


@dataclass(frozen=True)
class ChainBatch:
    """The entries whose sequence numbers lie in one range, in order."""

    count: int
    first_seq: int
    last_seq: int
    lines: bytes  # each entry's canonical bytes as the database rendered them, newline-separated
    prev_hashes: str  # comma-separated, in order (a digest holds no comma: equal strings, equal values)
    hashes: str


# seq, recorded_at, actor, terminal, event, payload, prev_hash, hash
ChainRow = tuple[int, str, str, str, str, str, str, str]


class ChainReader:
    """One connection of a snapshot; used by one thread at a time."""

    def __init__(self, connection: Connection, dialect: str) -> None:
        self._connection = connection
        self._dialect = dialect

    def head(self) -> tuple[int, str] | None:
        row = self._connection.execute(text("SELECT seq, hash FROM audit_head WHERE id = 1")).first()
        return (int(row[0]), str(row[1])) if row is not None else None

    def last_seq(self) -> int:
        """The highest sequence number present (an index lookup, unlike a count)."""
        return int(self._connection.execute(text("SELECT coalesce(max(seq), 0) FROM audit_entry")).scalar_one())

    def batch(self, after: int, upto: int) -> ChainBatch | None:
        """The entries with ``after < seq <= upto``; None when there are none."""
        row: Any
        if self._dialect == "sqlite":
            row = self._connection.execute(_SQLITE_BATCH, {"lo": after, "hi": upto}).one()
        else:
            from psycopg.types.string import ByteaBinaryLoader  # PostgreSQL only: not on SQLite's start-up path

            driver: Any = self._connection.connection.driver_connection
            with driver.cursor(binary=True) as cursor:
                cursor.adapters.register_loader("text", ByteaBinaryLoader)
                row = cursor.execute(_POSTGRES_BATCH, {"lo": after, "hi": upto}).fetchone()
        if not row[0]:
            return None
        prev_hashes, hashes = (v if isinstance(v, str) else bytes(v).decode("ascii", "replace") for v in row[4:6])
        return ChainBatch(int(row[0]), int(row[1]), int(row[2]), bytes(row[3]), prev_hashes, hashes)

    def rows(self, after: int, size: int) -> list[ChainRow]:
        """The next ``size`` entries after ``after``, column by column, for the exact check."""
        result = self._connection.execute(_ROWS, {"after": after, "size": size})
        return [(int(r[0]), r[1], r[2], r[3], r[4], r[5], r[6], r[7]) for r in result]

    def entry(self, seq: int) -> ChainRow | None:
        rows = self.rows(seq - 1, 1)
        return rows[0] if rows and rows[0][0] == seq else None


@contextmanager
def chain_reader(store: Store) -> Iterator[ChainReader]:
    """A reader over one consistent snapshot of the chain."""
    with chain_snapshot(store, 1) as (reader,):
        yield reader


@contextmanager
def chain_snapshot(store: Store, count: int) -> Iterator[list[ChainReader]]:
    """Up to ``count`` readers (at least one) on separate connections that all see one snapshot.

    Fewer when the snapshot cannot be shared (a read-only SQLite file refuses the write lock).
    """
    with ExitStack() as stack:
        connections: list[Connection] = []

        def connect() -> Connection:
            connection = stack.enter_context(store.engine.connect())
            connections.append(connection)
            return connection

        if store.dialect == "sqlite":
            _sqlite_snapshot(store, count, connect)
        else:
            _postgres_snapshot(count, connect)
        yield [ChainReader(c, store.dialect) for c in connections]


def _begin_reading(connection: Connection) -> None:
    # The snapshot starts with the first read, not with BEGIN (both dialects).
    connection.execute(text("SELECT seq FROM audit_head WHERE id = 1")).first()


def _sqlite_snapshot(store: Store, count: int, connect: Any) -> None:
    first: Connection = connect()
    first.begin()
    _begin_reading(first)
    if count == 1:
        return
    # With the write lock held no commit lands between the first reader's start and the others'.
    try:
        with store.engine.connect().execution_options(**{WRITE_OPTION: True}) as lock:
            lock.begin()
            # The snapshot of `first` may predate a commit made before the lock was taken: start over.
            first.rollback()
            _begin_reading(first)
            for _ in range(count - 1):
                other: Connection = connect()
                other.begin()
                _begin_reading(other)
            lock.rollback()
    except OperationalError:  # read-only file or a writer holding the lock too long: one reader
        return


def _postgres_snapshot(count: int, connect: Any) -> None:
    first: Connection = connect().execution_options(isolation_level="REPEATABLE READ")
    first.begin()
    snapshot = first.execute(text("SELECT pg_export_snapshot()")).scalar_one()
    for _ in range(count - 1):
        other: Connection = connect().execution_options(isolation_level="REPEATABLE READ")
        other.begin()
        other.execute(text(f"SET TRANSACTION SNAPSHOT '{snapshot}'"))  # an identifier PostgreSQL made
    _begin_reading(first)
