"""``app.py db roles``: the workstation role on a real PostgreSQL cannot rewrite the record."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.exc import ProgrammingError

import app
from core.audit.verify import verify_chain
from core.runtime.bootstrap import open_environment
from core.services.terminals import register_local
from core.storage.roles import RoleCheck, check_role
from core.terminals.identity import LocalTerminal

pytestmark = pytest.mark.postgres


@pytest.fixture
def role() -> Iterator[str]:
    name = f"kohogate_ws_{uuid.uuid4().hex[:10]}"
    yield name
    import os

    admin = create_engine(
        os.environ["KOHOGATE_TEST_DATABASE_URL"].replace("postgresql://", "postgresql+psycopg://", 1),
        isolation_level="AUTOCOMMIT",
    )
    with admin.connect() as conn:
        if conn.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :r"), {"r": name}).scalar():
            conn.exec_driver_sql(f'DROP OWNED BY "{name}"')
            conn.exec_driver_sql(f'DROP ROLE "{name}"')
    admin.dispose()


def test_sqlite_has_no_roles(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert app.main(["--data-dir", str(data_dir), "db", "roles"]) == 2
    assert "PostgreSQL" in capsys.readouterr().out


def test_the_workstation_role_works_but_cannot_rewrite_the_record(
    data_dir: Path, pg_url: str, role: str, capsys: pytest.CaptureFixture[str]
) -> None:
    # Printing alone changes nothing.
    assert app.main(["--data-dir", str(data_dir), "--database-url", pg_url, "db", "roles", "--role", role]) == 0
    printed = capsys.readouterr().out
    assert '"audit_entry" TO' in printed
    assert "GRANT SELECT, INSERT ON TABLE" in printed
    admin = create_engine(pg_url.replace("postgresql://", "postgresql+psycopg://", 1))
    with admin.connect() as conn:
        assert not conn.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :r"), {"r": role}).scalar()
    admin.dispose()

    args = ["--data-dir", str(data_dir), "--database-url", pg_url, "db", "roles", "--role", role, "--apply"]
    assert app.main(args) == 0
    admin = create_engine(pg_url.replace("postgresql://", "postgresql+psycopg://", 1))
    with admin.connect() as conn:
        assert check_role(conn, role) == RoleCheck(owned=0, can_create=False, superuser=False, audit_rewritable=False)
    admin.dispose()

    # A workstation connected as the role opens the database and writes to the record (terminal.registered).
    as_role = f"{pg_url}%20-crole%3D{role}"
    env = open_environment(str(data_dir / "ws"), as_role)
    try:
        with env.store.engine.connect() as conn:
            assert conn.execute(text("SELECT current_user")).scalar() == role
            before = conn.execute(text("SELECT count(*) FROM audit_entry")).scalar()
        register_local(env.store, LocalTerminal("ws-role", "desk-9", "sato", "machine-9", "Linux"))
        with env.store.engine.connect() as conn:
            assert conn.execute(text("SELECT count(*) FROM audit_entry")).scalar() == (before or 0) + 1
        attempts = [
            "UPDATE audit_entry SET canon = canon",
            "DELETE FROM audit_entry",
            "TRUNCATE audit_entry",
            "DROP TRIGGER audit_entry_no_change ON audit_entry",
            "ALTER TABLE audit_entry DISABLE TRIGGER audit_entry_no_change",
            "ALTER TABLE audit_entry DISABLE TRIGGER ALL",
            "ALTER TABLE review DISABLE TRIGGER review_not_by_contributor",
            "DROP FUNCTION audit_entry_append_only() CASCADE",
            "SET session_replication_role = replica",
            "UPDATE review SET comment = 'x'",
            "DELETE FROM draft_version",
            "CREATE TABLE shadow (id int)",
        ]
        for statement in attempts:
            with env.store.engine.connect() as conn, pytest.raises(ProgrammingError) as refused:
                conn.exec_driver_sql(statement)
            assert "permission denied" in str(refused.value) or "must be owner" in str(refused.value), statement
        assert verify_chain(env.store).ok
    finally:
        env.close()
