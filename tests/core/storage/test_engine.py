"""Engine settings and migrations, on SQLite and PostgreSQL."""

from __future__ import annotations

from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect, text

from core.errors import InvalidInput
from core.runtime.bootstrap import Environment
from core.storage.engine import Store, parse_url, redact_url
from core.storage.migrate import current_revision, head_revision, upgrade
from core.storage.models import Base
from core.storage.search import is_search_object
from tests.support.world import World


def test_sqlite_is_opened_safely(sqlite_env: Environment, monkeypatch: pytest.MonkeyPatch) -> None:
    from core.storage import engine

    monkeypatch.setattr(engine, "_TEST_SYNCHRONOUS", None)  # the application's setting, not the suite's
    sqlite_env.store.dispose()
    with sqlite_env.store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 5000


def test_the_suite_does_not_wait_for_the_disk(sqlite_env: Environment) -> None:
    """tests/conftest.py's knob reaches every test's SQLite file (synchronous OFF)."""
    with sqlite_env.store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 0  # OFF


def _not_search(_object: object, name: str | None, _type: str, _reflected: bool, _compare_to: object) -> bool:
    # The text search's FTS5 table and trigram indexes (0022) are the dialect's own, not in the models.
    return not is_search_object(name)


# SQLAlchemy cannot reflect an expression index (the draft text's head, 0021) and says so; compare_metadata
# then compares the plain ones, and the expression index is checked by name below.
@pytest.mark.filterwarnings("ignore:Skipped unsupported reflection of expression-based index")
@pytest.mark.filterwarnings("ignore:autogenerate skipping metadata-specified expression-based index")
def test_migrations_reach_head_and_match_the_models(env: Environment) -> None:
    assert current_revision(env.store.engine) == head_revision()
    with env.store.engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"include_object": _not_search})
        diff = compare_metadata(context, Base.metadata)
    assert diff == [], f"models and migrations differ: {diff}"
    with env.store.engine.connect() as conn:
        names = {index["name"] for index in inspect(conn).get_indexes("draft")}
    assert "ix_draft_text_head_id" in names or env.store.dialect == "sqlite"


def test_upgrade_is_idempotent(env: Environment) -> None:
    upgrade(env.store.engine)
    upgrade(env.store.engine)
    tables = set(inspect(env.store.engine).get_table_names())
    assert {"organization", "staff", "draft", "draft_version", "review", "audit_entry", "terminal"} <= tables


def test_downgrade_and_upgrade_again(db_url: str, tmp_path: Path) -> None:
    from alembic import command

    from core.storage.migrate import alembic_config

    store = Store(db_url)
    try:
        upgrade(store.engine)
        config = alembic_config()
        with store.engine.begin() as conn:
            config.attributes["connection"] = conn
            command.downgrade(config, "base")
        assert current_revision(store.engine) is None
        upgrade(store.engine)
        assert current_revision(store.engine) == head_revision()
    finally:
        store.dispose()


def test_migration_0005_backfills_draft_makers(world: World) -> None:
    """Drafts made before 0005 keep their author and last editor barred from approving."""
    from alembic import command

    from core.services.drafts import DraftService
    from core.signoff.contributors import contributors
    from core.storage.migrate import alembic_config

    draft_id = DraftService(world.store, world.op1).create(world.account, "お知らせ")
    DraftService(world.store, world.op2).save(draft_id, 1, text="お知らせです")
    config = alembic_config()
    with world.store.engine.begin() as conn:
        config.attributes["connection"] = conn
        command.downgrade(config, "0004")
    upgrade(world.store.engine)
    with world.store.read() as session:
        assert contributors(session, draft_id) == {world.op1.staff_id, world.op2.staff_id}


def test_foreign_keys_are_enforced(env: Environment) -> None:
    with pytest.raises(Exception, match=r"(?i)foreign key"), env.store.write() as session:
        session.execute(
            text(
                "INSERT INTO staff (display_name, os_login, department_id, active, created_at) "
                "VALUES ('x', 'x', 999, true, CURRENT_TIMESTAMP)"
            )
        )


@pytest.mark.parametrize("url", ["mysql://db/x", "not a url", "oracle://x"])
def test_unsupported_database_urls_are_refused(url: str) -> None:
    with pytest.raises(InvalidInput):
        parse_url(url)


def test_passwords_are_hidden_in_descriptions() -> None:
    assert "s3cret" not in redact_url("postgresql://kohogate:s3cret@db.example/kohogate")
    assert parse_url("postgresql://db/x").drivername == "postgresql+psycopg"


def test_schema_head_constant_matches_the_newest_migration() -> None:
    from core.storage.migrate import SCHEMA_HEAD

    assert head_revision() == SCHEMA_HEAD


def test_interactive_reads_run_without_jit_for_their_transaction_only(env: Environment) -> None:
    store = env.store
    if store.dialect != "postgresql":
        pytest.skip("JIT is PostgreSQL's")
    with store.read() as session:
        default = session.execute(text("SHOW jit")).scalar_one()
    with store.read(interactive=True) as session:
        assert session.execute(text("SHOW jit")).scalar_one() == "off"
    with store.read() as session:
        assert session.execute(text("SHOW jit")).scalar_one() == default
