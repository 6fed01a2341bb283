"""Fixture worlds (World, Org, PubWorld) built once per session and copied into each test.

Building a world is dozens of service calls (set-up, staff, signing keys, filed
policies, credentials), each a signed and audited write: most of a service
test's CPU time went there, over and over for the same rows. The first test
that asks for a kind of world on a dialect builds it the real way into a
template of its own (a data folder and database no test uses); every test then
gets a copy of the template's rows *in its own database* and the world's
objects are built afresh around the test's store. Nothing but plain ids
crosses from the template to a test: an actor, a service or a vault bound to
the template would let one test's writes land where the next one reads (an
earlier attempt lost a just-created account exactly that way).

What a world owns outside the database comes along too: the terminal's id
(``terminal.json``, which the rows and keyring names carry), the other files
of its data folder, and the keyring items set-up and credentials wrote (copied
into the test's own in-memory keyring).

- SQLite: the template file is copied with the backup API over the test's file.
- PostgreSQL: the template lives in its own schema; the test's schema (already
  migrated) is truncated and filled with ``INSERT … SELECT`` from it, with
  triggers off for that one transaction only (``session_replication_role``),
  so the append-only triggers stay defined and refuse changes afterwards.

A world is only copied over a database nobody has written to yet (the row
counts of a freshly opened environment); otherwise it is built in place, as
without templates.
"""

from __future__ import annotations

import copy
import json
import logging
import shutil
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any, Protocol

from sqlalchemy import create_engine, text
from sqlalchemy.engine import Connection

from core.runtime.bootstrap import Environment, open_environment
from core.runtime.logging_setup import log_file, setup_logging
from core.runtime.paths import DATABASE_FILE
from core.terminals.identity import TERMINAL_FILE, LocalTerminal
from tests.support.keyring_memory import MemoryKeyring
from tests.support.templates import (
    PostgresTemplate,
    build_migrated_sqlite,
    build_postgres_template,
    copy_sqlite,
    isolated_session_env,
    psycopg_url,
    schema_url,
)

State = dict[str, Any]


class Buildable(Protocol):
    """A world class: ``build`` makes its rows on ``env`` the real way and returns the ids to bind to."""

    @classmethod
    def build(cls, env: Environment) -> State: ...


@dataclass(frozen=True)
class WorldTemplate:
    """One world as built once: where its rows are, what lives beside them, the ids its objects need."""

    kind: str
    dialect: str
    folder: Path  # the template's data folder (terminal.json, files the world wrote; its database on SQLite)
    terminal: LocalTerminal
    keyring_items: dict[tuple[str, str], str]
    state: State
    schema: str | None = None  # PostgreSQL: the schema holding the template's rows
    tables: tuple[tuple[str, str], ...] = ()  # PostgreSQL: (table, quoted column list)
    sequences: tuple[tuple[str, int], ...] = ()  # PostgreSQL: (sequence, last value) of those that were used
    # PostgreSQL: the tables a freshly opened environment has rows in, with their triggers' states.
    cleared: tuple[tuple[str, tuple[tuple[str, str], ...]], ...] = ()

    def restore_into(self, env: Environment) -> State:
        """Replace ``env``'s (pristine) database with a copy of this world; a fresh copy of the ids."""
        if self.dialect == "sqlite":
            target = _sqlite_path(env)
            assert target is not None
            env.store.dispose()  # no pooled connection may keep the replaced file's pages
            for leftover in (target, target.with_name(target.name + "-wal"), target.with_name(target.name + "-shm")):
                leftover.unlink(missing_ok=True)
            copy_sqlite(self.folder / DATABASE_FILE, target)
        else:
            assert self.schema is not None
            with env.store.engine.begin() as conn:
                _copy_schema(conn, self.schema, self.tables, self.sequences, self.cleared)
        _copy_folder(self.folder, env)
        env.terminal = self.terminal
        import keyring

        backend = keyring.get_keyring()
        for (service, username), secret in self.keyring_items.items():
            backend.set_password(service, username, secret)
        return copy.deepcopy(self.state)


def _copy_schema(
    conn: Connection,
    source: str,
    tables: tuple[tuple[str, str], ...],
    sequences: tuple[tuple[str, int], ...],
    cleared: tuple[tuple[str, tuple[tuple[str, str], ...]], ...],
) -> None:
    # Foreign keys and ordinary triggers do not fire in this transaction only (the
    # rows are consistent as a whole, not in the order they are copied).
    conn.exec_driver_sql("SET LOCAL session_replication_role = replica")
    for table, triggers in cleared:
        # What opening the test's environment wrote (its terminal, that entry in the audit
        # chain) goes; the append-only triggers are ENABLE ALWAYS, so they are switched
        # off for the delete and put back exactly as they were, in this transaction.
        if triggers:
            conn.exec_driver_sql(f"ALTER TABLE {_quote(table)} DISABLE TRIGGER USER")
        conn.exec_driver_sql(f"DELETE FROM {_quote(table)}")
        for trigger, enabled in triggers:
            conn.exec_driver_sql(f"ALTER TABLE {_quote(table)} {_ENABLE[enabled]} TRIGGER {_quote(trigger)}")
    for table, columns in tables:
        conn.exec_driver_sql(
            f"INSERT INTO {_quote(table)} ({columns}) OVERRIDING SYSTEM VALUE "
            f"SELECT {columns} FROM {_quote(source)}.{_quote(table)}"
        )
    for sequence, value in sequences:
        conn.execute(text("SELECT setval(CAST(:name AS regclass), :value)"), {"name": _quote(sequence), "value": value})


# pg_trigger.tgenabled: how ALTER TABLE puts each state back.
_ENABLE = {"O": "ENABLE", "A": "ENABLE ALWAYS", "R": "ENABLE REPLICA", "D": "DISABLE"}


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _sqlite_path(env: Environment) -> Path | None:
    url = env.store.engine.url
    if url.get_backend_name() != "sqlite" or not url.database or url.database == ":memory:":
        return None
    return Path(url.database)


def _copy_folder(template: Path, env: Environment) -> None:
    """The template's files beside its database (terminal.json above all) into the test's folders."""
    for item in template.iterdir():
        if item.name in ("logs",) or item.name.startswith(DATABASE_FILE):
            continue
        target = env.paths.config if item.name == "config" else env.paths.data / item.name
        if item.is_dir():
            shutil.copytree(item, target, dirs_exist_ok=True)
        else:
            shutil.copy2(item, target)


class SessionTemplates:
    """The session's templates, each made on first use: migrated SQLite, PostgreSQL DDL, worlds."""

    def __init__(self, root: Path, postgres_base: str | None) -> None:
        self.root = root
        self.postgres_base = postgres_base
        self._worlds: dict[tuple[str, str], WorldTemplate] = {}
        self._pristine: dict[str, dict[str, int]] = {}
        self._schemas: list[str] = []

    @cached_property
    def migrated_sqlite(self) -> Path:
        """An SQLite file at the schema head, made by the real migrations."""
        folder = self.root / "migrated"
        folder.mkdir(parents=True, exist_ok=True)
        return build_migrated_sqlite(folder)

    @cached_property
    def postgres(self) -> PostgresTemplate:
        assert self.postgres_base, "no PostgreSQL server configured"
        return build_postgres_template(self.postgres_base)

    def world(self, cls: type[Buildable], env: Environment) -> State:
        """``cls``'s world on ``env``: a copy of the session's template when ``env`` is untouched, else built."""
        dialect = env.store.dialect
        if dialect not in ("sqlite", "postgresql") or not self._untouched(env):
            return cls.build(env)
        key = (f"{cls.__module__}.{cls.__qualname__}", dialect)
        template = self._worlds.get(key)
        if template is None:
            template = self._worlds[key] = self._build(cls, dialect)
        return template.restore_into(env)

    def _untouched(self, env: Environment) -> bool:
        """Whether ``env``'s database holds what opening it wrote and nothing else (so a copy loses nothing)."""
        dialect = env.store.dialect
        if dialect == "sqlite" and _sqlite_path(env) is None:
            return False
        if dialect == "postgresql" and not self.postgres_base:
            return False
        try:
            counts = _row_counts(env)
        except Exception:  # not migrated, or not a database these templates know: build in place
            return False
        if dialect not in self._pristine:
            self._pristine[dialect] = self._fresh_counts(dialect)
        return counts == self._pristine[dialect]

    def _fresh_counts(self, dialect: str) -> dict[str, int]:
        with self._template_env(dialect, f"pristine-{dialect}") as (env, _):
            return _row_counts(env)

    def _build(self, cls: type[Buildable], dialect: str) -> WorldTemplate:
        name = f"{cls.__qualname__.lower()}-{dialect}"
        with self._template_env(dialect, name) as (env, backend):
            state = cls.build(env)
            terminal = env.terminal
            schema = _current_schema(env) if dialect == "postgresql" else None
            tables = _tables(env) if schema else ()
            sequences = _sequences(env) if schema else ()
            if schema:
                cleared = _triggers(env, sorted(t for t, n in self._pristine[dialect].items() if n))
        return WorldTemplate(
            kind=cls.__qualname__,
            dialect=dialect,
            folder=self.root / name / "data",
            terminal=terminal,
            keyring_items=dict(backend.items),
            state=state,
            schema=schema,
            tables=tables,
            sequences=sequences,
            cleared=cleared if schema else (),
        )

    @contextmanager
    def _template_env(self, dialect: str, name: str) -> Iterator[tuple[Environment, MemoryKeyring]]:
        """An environment of the template's own (folder, database, keyring), as the per-test fixtures give."""
        import keyring.core

        from core.credentials import vault

        root = self.root / name
        folder = root / "data"
        url: str | None = None
        if dialect == "sqlite":
            copy_sqlite(self.migrated_sqlite, folder / DATABASE_FILE)
        else:
            url = self._postgres_schema(f"tpl_{name.replace('-', '_')}_{uuid.uuid4().hex[:8]}")
        backend = MemoryKeyring()
        # Opening the template's environment points the process's log at the template's folder;
        # the test that asked for the world goes on logging where it did (it may read its log).
        previous_log, previous_level = log_file(), logging.getLogger().level
        with isolated_session_env(root) as mp:
            # Added, never cleared: the test that asked for this world has allowed it already.
            vault.allow_test_backend(MemoryKeyring)
            mp.setattr(keyring.core, "_keyring_backend", backend)
            env = open_environment(str(folder), url)
            try:
                yield env, backend
            finally:
                env.close()
                if previous_log is not None:
                    setup_logging(previous_log.parent, level=previous_level)
                else:
                    _stop_logging(previous_level)

    def _postgres_schema(self, schema: str) -> str:
        assert self.postgres_base
        admin = create_engine(psycopg_url(self.postgres_base), isolation_level="AUTOCOMMIT")
        try:
            with admin.connect() as conn:
                conn.execute(text(f"CREATE SCHEMA {_quote(schema)}"))
        finally:
            admin.dispose()
        self._schemas.append(schema)
        url = schema_url(self.postgres_base, schema)
        self.postgres.replay(url)
        return url

    def close(self) -> None:
        """Drop the PostgreSQL template schemas (SQLite templates go with the session's temporary folder)."""
        if not self._schemas or not self.postgres_base:
            return
        admin = create_engine(psycopg_url(self.postgres_base), isolation_level="AUTOCOMMIT")
        try:
            with admin.connect() as conn:
                for schema in self._schemas:
                    conn.execute(text(f"DROP SCHEMA IF EXISTS {_quote(schema)} CASCADE"))
        finally:
            admin.dispose()
        self._schemas.clear()


def _stop_logging(level: int) -> None:
    root = logging.getLogger()
    for handler in [h for h in root.handlers if getattr(h, "_kohogate", False)]:
        root.removeHandler(handler)
        handler.close()
    root.setLevel(level)


def _row_counts(env: Environment) -> dict[str, int]:
    with env.store.engine.connect() as conn:
        if env.store.dialect == "sqlite":
            names = conn.exec_driver_sql(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            ).scalars()
        else:
            names = conn.exec_driver_sql(
                "SELECT table_name FROM information_schema.tables "
                "WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'"
            ).scalars()
        tables = sorted(names)
        if not tables:
            raise LookupError("no tables")
        query = "SELECT " + ", ".join(f"(SELECT count(*) FROM {_quote(t)})" for t in tables)
        row = conn.exec_driver_sql(query).one()
    return dict(zip(tables, (int(n) for n in row), strict=True))


def _current_schema(env: Environment) -> str:
    with env.store.engine.connect() as conn:
        return str(conn.exec_driver_sql("SELECT current_schema()").scalar_one())


def _tables(env: Environment) -> tuple[tuple[str, str], ...]:
    with env.store.engine.connect() as conn:
        rows = conn.exec_driver_sql(
            "SELECT c.table_name, c.column_name FROM information_schema.columns c "
            "JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name "
            "WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE' AND c.is_generated = 'NEVER' "
            "ORDER BY c.table_name, c.ordinal_position"
        ).all()
    columns: dict[str, list[str]] = {}
    for table, column in rows:
        columns.setdefault(str(table), []).append(_quote(str(column)))
    return tuple((table, ", ".join(names)) for table, names in columns.items())


def _triggers(env: Environment, tables: list[str]) -> tuple[tuple[str, tuple[tuple[str, str], ...]], ...]:
    with env.store.engine.connect() as conn:
        rows = conn.execute(
            text(
                "SELECT c.relname, t.tgname, t.tgenabled FROM pg_trigger t "
                "JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace "
                "WHERE n.nspname = current_schema() AND NOT t.tgisinternal ORDER BY t.tgname"
            )
        ).all()
    found: dict[str, list[tuple[str, str]]] = {table: [] for table in tables}
    for table, trigger, enabled in rows:
        if str(table) in found:
            found[str(table)].append((str(trigger), str(enabled)))
    return tuple((table, tuple(triggers)) for table, triggers in found.items())


def _sequences(env: Environment) -> tuple[tuple[str, int], ...]:
    with env.store.engine.connect() as conn:
        rows = conn.exec_driver_sql(
            "SELECT sequencename, last_value FROM pg_sequences "
            "WHERE schemaname = current_schema() AND last_value IS NOT NULL"
        ).all()
    return tuple((str(name), int(value)) for name, value in rows)


_active: SessionTemplates | None = None


def activate(templates: SessionTemplates | None) -> None:
    """Make ``templates`` the session's (``None``: worlds are built in place, as outside pytest)."""
    global _active
    _active = templates


def world_state(cls: type[Buildable], env: Environment) -> State:
    """The ids of ``cls``'s world on ``env``: copied from the session's template, or built here."""
    if _active is None:
        return cls.build(env)
    return _active.world(cls, env)


def terminal_file(env: Environment) -> dict[str, Any]:
    """What ``env``'s ``terminal.json`` says (for the isolation tests)."""
    return dict(json.loads((env.paths.config / TERMINAL_FILE).read_text(encoding="utf-8")))
