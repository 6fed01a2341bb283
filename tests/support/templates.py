"""Databases made once per test session and copied into each test (see tests/conftest.py).

Running the Alembic migrations and the demo fill for every test cost most of
the suite's CPU time. Each template is built the real way (``upgrade``,
``fill_demo``) once; every test still gets its own copy, so no test sees
another's rows.

- SQLite: the migrated (or demo-filled) file is copied with SQLite's backup API.
- PostgreSQL: the statements the migration sent while building a throw-away
  schema are recorded and replayed into each test's fresh schema. Replaying
  the very statements Alembic chose gives the same tables, indexes and
  triggers without importing Alembic or reflecting anything per test; a
  database per test (``CREATE DATABASE … TEMPLATE``) would force a checkpoint
  on every ``DROP DATABASE``, which the shared server cannot afford.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, event, text
from sqlalchemy.pool import NullPool

from core.runtime.paths import DATABASE_FILE
from core.storage.engine import Store
from core.storage.migrate import upgrade

# ``KOHOGATE_TEST_TEMPLATES=off`` builds every database, world and demo in place
# (migrations and fills per test, the CLI in a process per case), as the suite did
# before templates: the same tests timed both ways (tests/bench/bench_suite.py).
TEMPLATES_ENV = "KOHOGATE_TEST_TEMPLATES"
TEMPLATES_ON = os.environ.get(TEMPLATES_ENV, "on") != "off"


def copy_sqlite(source: Path, target: Path) -> None:
    """A consistent copy of ``source`` at ``target`` (the backup API, not a raw file copy of a WAL database)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    with sqlite3.connect(source) as src, sqlite3.connect(target) as dst:
        dst.execute("PRAGMA synchronous = OFF")  # a test's copy need not survive a power cut
        src.backup(dst)
    src.close()
    dst.close()


def build_migrated_sqlite(folder: Path) -> Path:
    path = folder / "migrated.db"
    migrate_url(f"sqlite:///{path.as_posix()}")
    return path


def migrate_url(url: str) -> None:
    """The real migrations on ``url``'s database."""
    store = Store(url)
    try:
        upgrade(store.engine)
    finally:
        store.dispose()


def migrated_sqlite_at(template: Path, target: Path) -> None:
    """An SQLite database at the schema head at ``target``: a copy of ``template``, or migrated there."""
    if TEMPLATES_ON:
        copy_sqlite(template, target)
        return
    target.parent.mkdir(parents=True, exist_ok=True)
    migrate_url(f"sqlite:///{target.as_posix()}")


@dataclass(frozen=True)
class DemoTemplate:
    """A data folder after ``open_environment`` + ``fill_demo``, and what the demo put in the keyring."""

    folder: Path
    keyring_items: dict[tuple[str, str], str] = field(default_factory=dict)

    def copy_into(self, data_dir: Path) -> None:
        for item in self.folder.iterdir():
            if item.name == "logs":
                continue
            if item.name == DATABASE_FILE:
                copy_sqlite(item, data_dir / DATABASE_FILE)
            elif item.is_dir():
                shutil.copytree(item, data_dir / item.name, dirs_exist_ok=True)
            elif not item.name.startswith(DATABASE_FILE):  # -wal/-shm belong to the copied database
                shutil.copy2(item, data_dir / item.name)


@contextmanager
def isolated_session_env(root: Path) -> Iterator[pytest.MonkeyPatch]:
    """The same isolation the per-test ``_isolated`` fixture gives, for building a session template."""
    from core import i18n

    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("HOME", str(root / "home"))
        mp.setenv("XDG_DATA_HOME", str(root / "home" / ".local" / "share"))
        mp.setenv("XDG_CONFIG_HOME", str(root / "home" / ".config"))
        mp.delenv("KOHOGATE_DATABASE_URL", raising=False)
        mp.setenv("KOHOGATE_MACHINE_CONFIG", str(root / "no-machine-config" / "kohogate.toml"))
        mp.delenv("KOHOGATE_LANG", raising=False)
        previous = i18n.current_language()
        i18n.set_language("en")
        try:
            yield mp
        finally:
            i18n.set_language(previous)


@dataclass
class PostgresTemplate:
    """The statements that migrate an empty PostgreSQL schema to head, in order."""

    statements: list[tuple[str, Any]]

    def replay(self, url: str) -> None:
        # On the driver's own cursor with the very arguments recorded: SQLAlchemy
        # would re-distill the parameters and change how "%" in a function body reads.
        engine = create_engine(psycopg_url(url), poolclass=NullPool)
        raw = engine.raw_connection()
        try:
            cursor = raw.cursor()
            for statement, parameters in self.statements:
                if parameters is None:
                    cursor.execute(statement)
                else:
                    cursor.execute(statement, parameters)
            raw.commit()
        finally:
            raw.close()
            engine.dispose()


def migrated_postgres_at(template: PostgresTemplate, url: str) -> None:
    """``url``'s empty schema at the schema head: ``template`` replayed, or migrated there."""
    if TEMPLATES_ON:
        template.replay(url)
    else:
        migrate_url(url)


def schema_url(base: str, schema: str) -> str:
    separator = "&" if "?" in base else "?"
    return f"{base}{separator}options=-csearch_path%3D{schema}"


def psycopg_url(base: str) -> str:
    return base.replace("postgresql://", "postgresql+psycopg://", 1)


def build_postgres_template(base: str) -> PostgresTemplate:
    schema = f"tpl_{uuid.uuid4().hex[:12]}"
    admin = create_engine(psycopg_url(base), isolation_level="AUTOCOMMIT")
    statements: list[tuple[str, Any]] = []
    try:
        with admin.connect() as conn:
            conn.execute(text(f'CREATE SCHEMA "{schema}"'))
        store = Store(schema_url(base, schema))

        @event.listens_for(store.engine, "before_cursor_execute")
        def _record(_conn: Any, _cursor: Any, statement: str, parameters: Any, context: Any, many: bool) -> None:
            # executemany is not used by the migrations; recording it as one call would replay it wrongly.
            assert not many, "the PostgreSQL template cannot replay executemany"
            statements.append((statement, None if context is not None and context.no_parameters else parameters))

        @event.listens_for(store.engine, "handle_error")
        def _forget(context: Any) -> None:
            # A statement that failed changed nothing (the revision probe on an empty schema): not replayed.
            if statements and statements[-1][0] == context.statement:
                statements.pop()

        try:
            upgrade(store.engine)
        finally:
            store.dispose()
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
        admin.dispose()
    return PostgresTemplate(statements)
