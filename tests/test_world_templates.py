"""The fixture worlds' session templates (tests/support/world_templates.py): every copy is the test's own.

Each test here gets two environments of the same dialect (``env`` and ``other``),
as two consecutive tests would, and checks that what one copy's objects write
stays in that copy: not in the other, not in the template.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, func, select, text
from sqlalchemy.exc import DBAPIError

from core.audit.verify import verify_chain
from core.credentials.vault import credential_name
from core.organization.roles import Role
from core.runtime.bootstrap import Environment, open_environment
from core.runtime.logging_setup import LOG_FILE, log_file, setup_logging
from core.runtime.paths import DATABASE_FILE
from core.services.accounts import list_accounts
from core.services.staff import StaffService, find_by_login
from core.services.terminals import register_local
from core.storage.models import OfficialAccount
from core.terminals.identity import LocalTerminal
from tests.support import templates as template_switch
from tests.support.accounts import Org
from tests.support.keyring_memory import MemoryKeyring
from tests.support.publishing import TOKENS, PubWorld
from tests.support.templates import (
    TEMPLATES_ENV,
    TEMPLATES_ON,
    PostgresTemplate,
    copy_sqlite,
    migrated_sqlite_at,
    psycopg_url,
    schema_url,
)
from tests.support.world import World
from tests.support.world_templates import SessionTemplates, terminal_file


@pytest.fixture
def other(request: pytest.FixtureRequest, env: Environment, tmp_path: Path) -> Iterator[Environment]:
    """A second environment on the same dialect: the next test's, in effect."""
    if not TEMPLATES_ON:
        pytest.skip(f"{TEMPLATES_ENV}=off: no copies to tell apart")
    folder = tmp_path / "other"
    if env.store.dialect == "sqlite":
        copy_sqlite(request.getfixturevalue("migrated_sqlite"), folder / DATABASE_FILE)
        second = open_environment(str(folder))
    else:
        url = request.getfixturevalue("pg_url")
        template: PostgresTemplate = request.getfixturevalue("postgres_template")
        template.replay(url)
        second = open_environment(str(folder), url)
    yield second
    second.close()


def _template_url(templates: SessionTemplates, cls: type, dialect: str) -> str:
    template = templates._worlds[(f"{cls.__module__}.{cls.__qualname__}", dialect)]
    if dialect == "sqlite":
        return f"sqlite:///{(template.folder / DATABASE_FILE).as_posix()}"
    assert templates.postgres_base
    assert template.schema
    return psycopg_url(schema_url(templates.postgres_base, template.schema))


def _accounts_in(url: str) -> int:
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            return int(conn.execute(select(func.count()).select_from(OfficialAccount)).scalar_one())
    finally:
        engine.dispose()


def test_an_account_created_in_one_copy_is_in_that_copy_only(
    env: Environment, other: Environment, session_templates: SessionTemplates
) -> None:
    first = Org(env)
    template_accounts = _accounts_in(_template_url(session_templates, Org, env.store.dialect))
    made = first.accounts.create("x", "@isolation.probe", "見本市公式", None, url="https://x.com/isolation.probe")
    # The world's own service wrote into the test's database, where the test reads it back.
    assert made in {a.id for a in list_accounts(env.store)}
    assert made in {a.id for a in list_accounts(first.store)}
    second = Org(other)
    assert "@isolation.probe" not in {a.handle for a in list_accounts(other.store)}
    assert "@isolation.probe" not in {a.handle for a in list_accounts(second.store)}
    assert len(list_accounts(other.store)) == template_accounts
    assert _accounts_in(_template_url(session_templates, Org, env.store.dialect)) == template_accounts


def test_staff_added_through_a_world_stay_in_its_copy(env: Environment, other: Environment) -> None:
    first = World(env)
    StaffService(first.store, first.admin).create("検証 太郎", "probe", None, [Role.OPERATOR])
    assert find_by_login(env.store, "probe") is not None
    second = World(other)
    assert find_by_login(second.store, "probe") is None
    assert find_by_login(second.store, "sato") is not None  # the world itself is there
    assert second.op1.staff_id == first.op1.staff_id  # the same rows, copied


def test_each_copy_s_audit_chain_verifies(env: Environment, other: Environment) -> None:
    first = PubWorld(env)
    first.approved("mastodon")  # a copy goes on growing its own chain
    second = PubWorld(other)
    for store in (env.store, other.store):
        result = verify_chain(store)
        assert result.ok, result.reason
    assert verify_chain(env.store).head_seq > verify_chain(other.store).head_seq
    assert second.ids == first.ids


def test_the_append_only_triggers_still_refuse_changes_on_a_copy(env: Environment) -> None:
    World(env)
    with env.store.engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM audit_entry")).scalar_one() > 1
    for statement in ("UPDATE audit_entry SET canon = canon", "DELETE FROM audit_entry"):
        with pytest.raises(DBAPIError, match="append-only"), env.store.engine.begin() as conn:
            conn.execute(text(statement))
    if env.store.dialect == "postgresql":
        with pytest.raises(DBAPIError, match="append-only"), env.store.engine.begin() as conn:
            conn.execute(text("TRUNCATE audit_entry"))
        with env.store.engine.connect() as conn:
            states = conn.execute(
                text(
                    "SELECT t.tgname, t.tgenabled FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid "
                    "JOIN pg_namespace n ON n.oid = c.relnamespace "
                    "WHERE n.nspname = current_schema() AND c.relname = 'audit_entry' AND NOT t.tgisinternal"
                )
            ).all()
        # Put back as the migration made them: ALWAYS, so replication mode cannot switch them off either.
        assert sorted((str(n), str(e)) for n, e in states) == [
            ("audit_entry_no_change", "A"),
            ("audit_entry_no_truncate", "A"),
        ]


def test_the_terminal_and_keyring_come_with_the_copy(
    env: Environment, other: Environment, memory_keyring: MemoryKeyring, data_dir: Path
) -> None:
    world = PubWorld(env)
    # The rows name the template's terminal: this environment now is that terminal, on disk too,
    # so a CLI run or a reopening of the data folder is the same workstation.
    assert terminal_file(env)["uid"] == env.terminal.uid == world.uid
    reopened = open_environment(str(data_dir), env.database_url)
    try:
        assert reopened.terminal.uid == world.uid
    finally:
        reopened.close()
    name = credential_name(world.uid, world.ids["mastodon"])
    assert world.vault.get(name) == TOKENS["mastodon"]
    # The test's own keyring holds the copy: deleting it here leaves the template's for the next copy.
    world.vault.delete(name)
    assert world.vault.get(name) is None
    assert PubWorld(other).vault.get(name) == TOKENS["mastodon"]


def test_a_database_already_written_to_gets_the_world_built_in_place(env: Environment) -> None:
    register_local(env.store, LocalTerminal("a-second-pc", "PC-KOHO02", "sato", None, "Linux"))
    world = World(env)  # a copy would drop the second terminal
    with env.store.engine.connect() as conn:
        uids = set(conn.execute(text("SELECT uid FROM terminal")).scalars())
    assert uids == {"a-second-pc", env.terminal.uid}
    assert find_by_login(world.store, "sato") is not None
    assert verify_chain(env.store).ok


def test_building_a_template_leaves_the_test_s_log_where_it_was(sqlite_env: Environment, tmp_path: Path) -> None:
    """The first test to ask for a world may be reading its own log (tests/core/publishing/test_canary_publish.py)."""
    setup_logging(tmp_path / "mine", level=logging.DEBUG)
    fresh = SessionTemplates(tmp_path / "templates", None)  # nothing built yet: this World is built as a template
    state = fresh.world(World, sqlite_env)
    assert state["account"]
    assert log_file() == tmp_path / "mine" / LOG_FILE
    assert logging.getLogger().level == logging.DEBUG
    logging.getLogger("kohogate.test").warning("still here")
    assert "still here" in (tmp_path / "mine" / LOG_FILE).read_text(encoding="utf-8")


def _tables_in(path: Path) -> set[str]:
    engine = create_engine(f"sqlite:///{path.as_posix()}")
    try:
        with engine.connect() as conn:
            return set(conn.execute(text("SELECT name FROM sqlite_master WHERE type = 'table'")).scalars())
    finally:
        engine.dispose()


@pytest.mark.parametrize("on", [True, False], ids=["templates-on", "templates-off"])
def test_a_migrated_database_is_the_template_s_copy_only_while_templates_are_on(
    on: bool, migrated_sqlite: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The off switch (tests/bench/bench_suite.py's "before") migrates for real; it never copies."""
    marked = tmp_path / "marked.db"
    copy_sqlite(migrated_sqlite, marked)
    engine = create_engine(f"sqlite:///{marked.as_posix()}")
    with engine.begin() as conn:
        conn.execute(text("CREATE TABLE only_in_the_template (x INTEGER)"))
    engine.dispose()
    monkeypatch.setattr(template_switch, "TEMPLATES_ON", on)
    target = tmp_path / "data" / DATABASE_FILE
    migrated_sqlite_at(marked, target)
    tables = _tables_in(target)
    assert ("only_in_the_template" in tables) is on
    assert "alembic_version" in tables
    assert "audit_entry" in tables
