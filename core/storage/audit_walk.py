"""Reading the audit chain in bulk for verification: the one place that knows each dialect's SQL for it.

Verifying a million entries one ORM object (or even one row tuple) at a time
costs far more than hashing them. Each entry's canonical bytes — the JSON
array :func:`core.audit.chain.entry_hash` hashes — are stored as they were
hashed (``canon``, migration 0023; the fields are generated from them), and
are handed over a few thousand entries per row: one newline-separated blob
(canonical JSON escapes every newline inside a string, so a newline only
ever separates entries) and the hashes as a comma-separated string. A batch
is a range of sequence numbers, so memory is flat in the length of the chain
and several connections can each read every n-th range at once
(:func:`chain_snapshot`) while the verifier hashes.

The fields can be trusted to be what the bytes say only while they are
generated as the migration defined them: :meth:`ChainReader.layout` reads
that from the catalogue, and the verifier judges every entry, column against
bytes, when it is not so. Wherever a batch does not give the stored hashes
the verifier re-reads the rows (:meth:`ChainReader.rows`) and judges them one
by one. All connections read one snapshot: on PostgreSQL the first exports
its REPEATABLE READ snapshot and the others import it; on SQLite (WAL) they
all start reading while one holds the write lock, so no commit can fall
between their starts.
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

FIELDS = ("recorded_at", "actor", "terminal", "event", "payload", "prev_hash")  # canon[1:], in order

# The table as migration 0023 made it: sqlite_master keeps the statement's text, compared as it is.
SQLITE_TABLE = (
    "CREATE TABLE audit_entry (seq INTEGER NOT NULL, canon TEXT NOT NULL, hash VARCHAR(64) NOT NULL, "
    + ", ".join(
        f"{name} TEXT GENERATED ALWAYS AS (json_extract(canon, '$[{i}]')) VIRTUAL NOT NULL"
        for i, name in enumerate(FIELDS, 1)
    )
    + ", CONSTRAINT pk_audit_entry PRIMARY KEY (seq))"
)
# PostgreSQL's own spelling of each generated column (pg_get_expr), white space aside.
_POSTGRES_FIELDS = {name: f"((canon)::json->>{i})" for i, name in enumerate(FIELDS, 1)}
_POSTGRES_COLUMNS = text(
    "SELECT a.attname, a.attgenerated, pg_get_expr(d.adbin, d.adrelid) FROM pg_attribute a"
    " LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum"
    " WHERE a.attrelid = to_regclass('audit_entry') AND a.attnum > 0 AND NOT a.attisdropped"
)

# The stored bytes, newline-separated: canonical JSON escapes every newline inside a string. Aggregated
# straight off the range scan of the primary key (the rowid), which visits the rows in order: an ordered
# sub-select would copy every row once more (a quarter of the read's cost). Were the order ever another,
# the links would not hold and the exact check, which orders its rows, would judge the batch.
_SQLITE_BATCH = text(
    "SELECT count(*), CAST(group_concat(canon, char(10)) AS BLOB), group_concat(hash, ',')"
    " FROM audit_entry WHERE seq > :lo AND seq <= :hi"
)
# Aggregated in the order of the ordered sub-select, which PostgreSQL keeps (an ORDER BY inside each
# aggregate would sort every batch twice); were it ever not kept, the links would not hold and the exact
# check, which orders its rows, would judge the batch. Sent in the binary protocol (psycopg directly) and
# the text taken as bytes: nothing to decode on the way.
_POSTGRES_BATCH = (
    "SELECT count(*), string_agg(canon, E'\\n'), string_agg(hash, ',')"
    " FROM (SELECT seq, canon, hash FROM audit_entry"
    " WHERE seq > %(lo)s AND seq <= %(hi)s ORDER BY seq) AS batch"
)
_ROWS = "SELECT seq, {canon}, hash{fields} FROM audit_entry WHERE seq > :after ORDER BY seq LIMIT :size"


@dataclass(frozen=True)
class ChainBatch:
    """The entries whose sequence numbers lie in one range, in order.

    Sequence numbers are unique, so ``count`` entries in a range of ``count`` numbers are all of them.
    """

    count: int
    first_seq: int  # the range asked for
    last_seq: int
    lines: bytes  # each entry's stored canonical bytes, newline-separated
    hashes: str  # comma-separated, in order (a digest holds no comma: equal strings, equal values)


@dataclass(frozen=True)
class TableLayout:
    """What the audit table is: as migration 0023 made it, or changed since (then every entry is judged)."""

    intact: bool  # the fields are generated from ``canon`` exactly as the migration defined them
    has_canon: bool  # a table rebuilt without the bytes is judged on its columns alone


@dataclass(frozen=True)
class ChainRow:
    """One entry for the exact check: the stored bytes, and the columns when the layout is not intact."""

    seq: int
    canon: str | None
    hash: str
    fields: tuple[str, ...] | None  # recorded_at … prev_hash as the table holds them


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

    def layout(self) -> TableLayout:
        """Read from the catalogue: one query, whatever the length of the chain."""
        if self._dialect == "sqlite":
            table = self._connection.execute(
                text("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'audit_entry'")
            ).scalar()
            if table == SQLITE_TABLE:
                return TableLayout(True, True)
            names = {str(r[1]) for r in self._connection.execute(text("PRAGMA table_xinfo(audit_entry)"))}
            return TableLayout(False, "canon" in names)
        columns = {str(r[0]): (str(r[1]), r[2]) for r in self._connection.execute(_POSTGRES_COLUMNS)}
        generated = {
            name: "".join(str(expression).split())
            for name, (kind, expression) in columns.items()
            if kind == "s" and expression is not None
        }
        intact = generated == _POSTGRES_FIELDS and "canon" in columns
        return TableLayout(intact, "canon" in columns)

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
        hashes = row[2] if isinstance(row[2], str) else bytes(row[2]).decode("ascii", "replace")
        return ChainBatch(int(row[0]), after + 1, upto, bytes(row[1]), hashes)

    def rows(self, after: int, size: int, layout: TableLayout = TableLayout(True, True)) -> list[ChainRow]:
        """The next ``size`` entries after ``after``, for the exact check; the columns too unless intact."""
        query = _ROWS.format(
            canon="canon" if layout.has_canon else "NULL",
            fields="" if layout.intact else "".join(f", {name}" for name in FIELDS),
        )
        result = self._connection.execute(text(query), {"after": after, "size": size})
        return [
            ChainRow(int(r[0]), r[1], str(r[2]), None if layout.intact else tuple(str(v) for v in r[3:9]))
            for r in result
        ]

    def entry(self, seq: int, layout: TableLayout = TableLayout(True, True)) -> ChainRow | None:
        rows = self.rows(seq - 1, 1, layout)
        return rows[0] if rows and rows[0].seq == seq else None


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
