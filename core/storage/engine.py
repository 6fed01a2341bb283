"""Engine and sessions: the only place that knows SQLite from PostgreSQL.

SQLite is opened with WAL, ``synchronous=FULL`` (survives power loss),
foreign keys on and a busy timeout. Write transactions start with
``BEGIN IMMEDIATE`` so that two KohoGate windows never both read the audit
head and then race to append to it. A database file on a network share is
refused before SQLite touches it.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, StatementError
from sqlalchemy.orm import Session, sessionmaker

from core.errors import InvalidInput, KohoGateError, NetworkDatabasePath
from core.i18n import tr
from core.runtime.netpath import network_filesystem
from core.storage import guard

SQLITE_BUSY_TIMEOUT_MS = 10_000
_WRITE_OPTION = "kohogate_write"
WRITE_OPTION = _WRITE_OPTION  # a connection that must hold the write lock (the audit walk's shared snapshot)


def parse_url(url: str) -> URL:
    try:
        parsed = make_url(url)
    except ArgumentError as exc:
        raise InvalidInput(tr("Not a valid database URL: {url}").format(url=redact_url(url))) from exc
    if parsed.get_backend_name() not in {"sqlite", "postgresql"}:
        raise InvalidInput(
            tr("Unsupported database {name}: use SQLite or PostgreSQL.").format(name=parsed.get_backend_name())
        )
    if parsed.get_backend_name() == "postgresql" and parsed.get_driver_name() in {"", "psycopg2"}:
        parsed = parsed.set(drivername="postgresql+psycopg")
    return parsed


def redact_url(url: str | URL) -> str:
    """The URL with any password hidden, safe for logs, titles and messages."""
    try:
        parsed = make_url(url) if isinstance(url, str) else url
    except ArgumentError:
        return "<invalid URL>"
    return parsed.render_as_string(hide_password=True)


def sqlite_file(url: URL) -> Path | None:
    if url.get_backend_name() != "sqlite" or not url.database or url.database == ":memory:":
        return None
    return Path(url.database)


def describe(url: str | URL) -> str:
    """Short human description for the status bar: the file, or host/database."""
    parsed = parse_url(url) if isinstance(url, str) else url
    path = sqlite_file(parsed)
    if path is not None:
        return f"SQLite: {path}"
    return f"PostgreSQL: {parsed.host or 'localhost'}/{parsed.database or ''}"


def check_sqlite_location(path: Path) -> None:
    kind = network_filesystem(path)
    if kind:
        raise NetworkDatabasePath(
            tr("The database file {path} is on a network drive ({kind}).").format(path=path, kind=kind),
            hint=tr(
                "SQLite is not safe on shared folders: two computers can corrupt it. "
                "Keep the file on this computer, or let several workstations share a "
                "PostgreSQL server (--database-url postgresql://…)."
            ),
        )


# The test suite's knob only (tests/conftest.py sets "OFF"): its throw-away files need not
# survive a power cut, and waiting for the disk on every commit was a good part of its run.
_TEST_SYNCHRONOUS: str | None = None


def _configure_sqlite(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Let SQLAlchemy's "begin" event emit BEGIN itself (pysqlite's own is deferred-only).
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout = {SQLITE_BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute(f"PRAGMA synchronous = {_TEST_SYNCHRONOUS or 'FULL'}")
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        immediate = connection.get_execution_options().get(_WRITE_OPTION, False)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def _guard(engine: Engine) -> Engine:
    @event.listens_for(engine, "before_cursor_execute")
    def _before_execute(_conn: Any, _cursor: Any, _statement: str, parameters: Any, *_rest: Any) -> None:
        guard.check_parameters(parameters)

    return engine


def make_engine(url: str, *, echo: bool = False) -> Engine:
    parsed = parse_url(url)
    path = sqlite_file(parsed)
    if path is not None:
        check_sqlite_location(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(parsed, echo=echo, json_serializer=guard.json_serializer)
        _configure_sqlite(engine)
        return _guard(engine)
    return _guard(create_engine(parsed, echo=echo, pool_pre_ping=True, json_serializer=guard.json_serializer))


@contextmanager
def _unwrapped() -> Iterator[None]:
    """The guard's :class:`KohoGateError` as itself: SQLAlchemy wraps an error
    raised while binding parameters (the JSON serialiser) in ``StatementError``."""
    try:
        yield
    except StatementError as exc:
        if isinstance(exc.orig, KohoGateError):
            raise exc.orig from None
        raise


class Store:
    """Sessions on one database: ``read()`` for queries, ``write()`` for changes.

    ``write()`` commits when the block ends without an exception and rolls back
    otherwise, so a state change and its audit entry land together or not at all.
    """

    def __init__(self, url: str, *, echo: bool = False) -> None:
        self.url = url
        self.engine = make_engine(url, echo=echo)
        self._read = sessionmaker(bind=self.engine, expire_on_commit=False)
        self._write = sessionmaker(bind=self.engine.execution_options(**{_WRITE_OPTION: True}), expire_on_commit=False)

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    @property
    def description(self) -> str:
        return describe(self.url)

    @contextmanager
    def read(self, *, interactive: bool = False) -> Iterator[Session]:
        """A read session; ``interactive``: someone waits for it (the draft list's pages and counts).

        PostgreSQL's JIT compiles a query whose estimated cost is high, which the
        list's shown-state filter at a million drafts is: the compiling cost
        0.3-0.5 s of a read that a person waits on and that is over long before
        compiled code pays back (measured at 1M drafts). Off for that
        transaction only (SET LOCAL).
        """
        # Closing (not rolling back) ends the read transaction but keeps the
        # loaded attributes, so rows can be used after the block.
        with _unwrapped(), self._read() as session:
            if interactive and self.dialect == "postgresql":
                session.execute(text("SET LOCAL jit = off"))
            yield session

    @contextmanager
    def write(self) -> Iterator[Session]:
        with _unwrapped(), self._write() as session, session.begin():
            yield session

    def now(self) -> datetime:
        """The time to judge by: the database server's clock on PostgreSQL, this machine's on SQLite.

        Several workstations share one PostgreSQL database; if each judged
        "due", "missed" or "expired" by its own clock, one PC set two hours
        fast could report others' posts as missed or keep an expired
        terminal or deputy going. SQLite lives on this machine, so its clock
        is the local one anyway.
        """
        if self.dialect == "postgresql":
            with self.engine.connect() as connection:
                value = connection.exec_driver_sql("SELECT now()").scalar_one()
            return value.astimezone(UTC) if isinstance(value, datetime) else datetime.now(UTC)
        return datetime.now(UTC)

    def dispose(self) -> None:
        self.engine.dispose()
