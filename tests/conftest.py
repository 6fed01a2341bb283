"""Shared fixtures: every test gets its own data folder; stores on SQLite and PostgreSQL.

PostgreSQL tests run against ``KOHOGATE_TEST_DATABASE_URL`` (CI sets it to the
local server); each test gets a fresh schema that is dropped afterwards.
Without the variable they are skipped with the reason shown.

Databases start from templates built once per session (tests/support/templates.py):
every test still has its own copy, already migrated (and demo-filled for ``demo_env``).
The fixture worlds (``World``, ``Org``, ``PubWorld``) are built once per session
too and copied into each test's own database (tests/support/world_templates.py).
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# Before any other import: the modules imported from here on are compiled once and cached.
import tests.support.bytecode_cache  # noqa: F401

# isort: split
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from core import i18n
from core.demo.data import fill_demo
from core.runtime.bootstrap import Environment, open_environment
from core.runtime.paths import DATABASE_FILE
from core.storage import engine as storage_engine
from tests.support import world_templates
from tests.support.keyring_memory import MemoryKeyring
from tests.support.templates import (
    TEMPLATES_ON,
    DemoTemplate,
    PostgresTemplate,
    copy_sqlite,
    isolated_session_env,
    migrated_postgres_at,
    migrated_sqlite_at,
    psycopg_url,
    schema_url,
)
from tests.support.world import World
from tests.support.world_templates import SessionTemplates

SECRET_SERVICE_ENV = "KOHOGATE_TEST_SECRET_SERVICE"

# Test databases are thrown away: no commit waits for the disk (tests/core/storage/test_engine.py
# checks that the application's own setting stays FULL).
storage_engine._TEST_SYNCHRONOUS = "OFF"


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", f"secret_service: needs a real unlocked Secret Service; runs only with {SECRET_SERVICE_ENV}=1"
    )


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if os.environ.get(SECRET_SERVICE_ENV) == "1":
        return
    skip = pytest.mark.skip(
        reason=f"real Secret Service round trip: set {SECRET_SERVICE_ENV}=1 (CI runs it separately)"
    )
    for item in items:
        if item.get_closest_marker("secret_service"):
            item.add_marker(skip)


PG_ENV = "KOHOGATE_TEST_DATABASE_URL"
PG_SKIP_REASON = (
    "PostgreSQL tests need a server: set KOHOGATE_TEST_DATABASE_URL, e.g. postgresql://postgres@127.0.0.1:5432/test"
)


@pytest.fixture(autouse=True)
def _isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """No test touches the real home folder, the real database or a leftover language."""
    data = tmp_path / "data"
    monkeypatch.setenv("KOHOGATE_DATA_DIR", str(data))
    # The workstation's own /etc/kohogate/kohogate.toml (or %PROGRAMDATA%'s) must not reach a test.
    monkeypatch.setenv("KOHOGATE_MACHINE_CONFIG", str(tmp_path / "no-machine-config" / "kohogate.toml"))
    monkeypatch.delenv("KOHOGATE_DATABASE_URL", raising=False)
    monkeypatch.delenv("KOHOGATE_LANG", raising=False)
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "home" / ".local" / "share"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "home" / ".config"))
    previous = i18n.current_language()
    i18n.set_language("en")
    yield
    i18n.set_language(previous)


@pytest.fixture(autouse=True)
def memory_keyring(monkeypatch: pytest.MonkeyPatch) -> Iterator[MemoryKeyring]:
    """Every test gets a fresh in-memory keyring, accepted by the vault through its explicit test hook."""
    import keyring.core

    from core.credentials import vault

    backend = MemoryKeyring()
    vault.allow_test_backend(MemoryKeyring)
    monkeypatch.setattr(keyring.core, "_keyring_backend", backend)
    yield backend
    vault.forget_test_backends()


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture(scope="session", autouse=True)
def session_templates(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SessionTemplates]:
    """The session's templates (each made on first use); ``World(env)`` and friends copy theirs from here."""
    templates = SessionTemplates(tmp_path_factory.mktemp("templates"), os.environ.get(PG_ENV) or None)
    world_templates.activate(templates if TEMPLATES_ON else None)
    try:
        yield templates
    finally:
        world_templates.activate(None)
        templates.close()


@pytest.fixture(scope="session")
def migrated_sqlite(session_templates: SessionTemplates) -> Path:
    """An SQLite file at the schema head, made by the real migrations once per session."""
    return session_templates.migrated_sqlite


@pytest.fixture(scope="session")
def postgres_template(session_templates: SessionTemplates) -> PostgresTemplate:
    if not session_templates.postgres_base:
        pytest.skip(PG_SKIP_REASON)
    return session_templates.postgres


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory, migrated_sqlite: Path) -> DemoTemplate:
    """A data folder filled by ``fill_demo`` once per session, with the keyring items the demo wrote."""
    import keyring.core

    from core.credentials import vault

    root = tmp_path_factory.mktemp("template-demo")
    folder = root / "data"
    copy_sqlite(migrated_sqlite, folder / DATABASE_FILE)
    backend = MemoryKeyring()
    with isolated_session_env(root) as mp:
        # Built during the setup of the first test that needs it: that test's memory_keyring has
        # already allowed MemoryKeyring and clears the allowance at its teardown, so no forget here.
        vault.allow_test_backend(MemoryKeyring)
        mp.setattr(keyring.core, "_keyring_backend", backend)
        environment = open_environment(str(folder))
        try:
            fill_demo(environment)
        finally:
            environment.close()
    return DemoTemplate(folder, dict(backend.items))


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A database already at the schema head, copied from the session's template."""
    if request.param == "sqlite":
        path = tmp_path / "data" / DATABASE_FILE
        migrated_sqlite_at(request.getfixturevalue("migrated_sqlite"), path)
        yield f"sqlite:///{path.as_posix()}"
        return
    yield from _postgres_schema_url(request.getfixturevalue("postgres_template"))


@pytest.fixture
def pg_url() -> Iterator[str]:
    """An empty PostgreSQL schema (for tests that migrate it themselves)."""
    yield from _postgres_schema_url(None)


def _postgres_schema_url(template: PostgresTemplate | None) -> Iterator[str]:
    base = os.environ.get(PG_ENV)
    if not base:
        pytest.skip(PG_SKIP_REASON)
    schema = f"t_{uuid.uuid4().hex[:12]}"
    admin = create_engine(psycopg_url(base), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    url = schema_url(base, schema)
    try:
        if template is not None:
            migrated_postgres_at(template, url)
        yield url
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


@pytest.fixture
def env(data_dir: Path, db_url: str) -> Iterator[Environment]:
    environment = open_environment(str(data_dir), db_url)
    yield environment
    environment.close()


@pytest.fixture
def sqlite_env(data_dir: Path, migrated_sqlite: Path) -> Iterator[Environment]:
    migrated_sqlite_at(migrated_sqlite, data_dir / DATABASE_FILE)
    environment = open_environment(str(data_dir))
    yield environment
    environment.close()


@pytest.fixture
def demo_env(request: pytest.FixtureRequest, data_dir: Path, memory_keyring: MemoryKeyring) -> Iterator[Environment]:
    """The demo organization, as ``fill_demo`` leaves it on a fresh SQLite database (a copy per test)."""
    if TEMPLATES_ON:
        demo_template: DemoTemplate = request.getfixturevalue("demo_template")
        demo_template.copy_into(data_dir)
        memory_keyring.items.update(demo_template.keyring_items)
        environment = open_environment(str(data_dir))
    else:
        migrated_sqlite_at(request.getfixturevalue("migrated_sqlite"), data_dir / DATABASE_FILE)
        environment = open_environment(str(data_dir))
        fill_demo(environment)
    yield environment
    environment.close()


@pytest.fixture
def world(env: Environment) -> World:
    """A small organization on the test database (see tests/support/world.py)."""
    return World(env)
