"""The tamper-evident record: chaining, append-only storage, verification, export."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

import app
from core.audit import chain
from core.audit.canonical import canonical_json
from core.audit.verify import verify_chain
from core.runtime.bootstrap import Environment
from tests.support.world import drop_audit_triggers

REC = chain.Recorder(actor="sato", terminal="t-1")


def _append(env: Environment, n: int) -> None:
    for i in range(n):
        with env.store.write() as session:
            chain.append(session, REC, "test.event", {"i": i, "text": "市民まつり"})


def test_canonical_json_is_stable() -> None:
    assert canonical_json({"b": 1, "a": "ｶ"}) == canonical_json({"a": "ｶ", "b": 1})
    assert canonical_json({"t": "が"}) == canonical_json({"t": "が"})  # NFD input normalised


def test_a_fresh_chain_verifies(env: Environment) -> None:
    _append(env, 5)
    result = verify_chain(env.store)
    assert result.ok
    assert result.checked == 6  # plus the terminal registration


def test_entries_are_append_only(env: Environment) -> None:
    _append(env, 2)
    for statement in (
        "UPDATE audit_entry SET canon = replace(canon, 'sato', 'mallory') WHERE seq = 2",
        "DELETE FROM audit_entry WHERE seq = 2",
    ):
        with pytest.raises(DBAPIError, match="append-only"), env.store.engine.begin() as conn:
            conn.exec_driver_sql(statement)
    assert verify_chain(env.store).ok


def test_edited_entry_is_named(
    env: Environment, data_dir: Path, db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    _append(env, 6)
    drop_audit_triggers(env)
    with env.store.engine.begin() as conn:
        conn.execute(text("UPDATE audit_entry SET canon = replace(canon, '市民', '区民') WHERE seq = 4"))
    result = verify_chain(env.store)
    assert not result.ok
    assert result.first_bad_seq == 4
    assert app.main(["--data-dir", str(data_dir), "--database-url", db_url, "audit", "verify"]) == 1
    assert "4" in capsys.readouterr().err


def test_removed_entry_is_named(env: Environment) -> None:
    _append(env, 6)
    drop_audit_triggers(env)
    with env.store.engine.begin() as conn:
        conn.execute(text("DELETE FROM audit_entry WHERE seq = 3"))
    result = verify_chain(env.store)
    assert (result.ok, result.first_bad_seq) == (False, 3)


def test_reordered_entries_are_named(env: Environment) -> None:
    _append(env, 6)
    drop_audit_triggers(env)
    with env.store.engine.begin() as conn:
        conn.execute(text("UPDATE audit_entry SET seq = 100 WHERE seq = 3"))
        conn.execute(text("UPDATE audit_entry SET seq = 3 WHERE seq = 5"))
        conn.execute(text("UPDATE audit_entry SET seq = 5 WHERE seq = 100"))
    result = verify_chain(env.store)
    assert (result.ok, result.first_bad_seq) == (False, 3)


def test_truncated_tail_is_noticed_through_the_head(env: Environment) -> None:
    _append(env, 4)
    drop_audit_triggers(env)
    with env.store.engine.begin() as conn:
        conn.execute(text("DELETE FROM audit_entry WHERE seq = 5"))
    result = verify_chain(env.store)
    assert (result.ok, result.first_bad_seq) == (False, 5)


def test_failed_change_leaves_no_entry(env: Environment) -> None:
    def failing_change() -> None:
        with env.store.write() as session:
            chain.append(session, REC, "test.event", {"i": 1})
            raise RuntimeError("the change failed after its audit entry")

    with pytest.raises(RuntimeError):
        failing_change()
    assert verify_chain(env.store).checked == 1


def test_concurrent_writers_keep_the_chain_gap_free(env: Environment) -> None:
    errors: list[BaseException] = []

    def writer() -> None:
        try:
            _append(env, 10)
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=writer) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    result = verify_chain(env.store)
    assert result.ok
    assert result.checked == 41


def test_cli_export(env: Environment, data_dir: Path, db_url: str, tmp_path: Path) -> None:
    out = tmp_path / "a.csv"
    assert app.main(["--data-dir", str(data_dir), "--database-url", db_url, "audit", "export", "--out", str(out)]) == 0
    assert out.exists()


def _statements(env: Environment) -> list[str]:
    from sqlalchemy import event

    seen: list[str] = []
    event.listen(env.store.engine, "before_cursor_execute", lambda *args: seen.append(args[2]))
    return seen


def test_the_head_is_read_once_per_transaction_and_deferred_entries_go_out_together(env: Environment) -> None:
    """Issue #21: three entries of one transaction, one read of the head, one INSERT and one update of it."""
    seen = _statements(env)
    with env.store.write() as session:
        chain.defer_flushes(session)
        for i in range(3):
            chain.append(session, REC, "test.event", {"i": i})
        assert chain.head_span(session) == (1, 4)  # the terminal's registration, then these three
    head_reads = [s for s in seen if s.lstrip().startswith("SELECT") and "audit_head" in s]
    inserts = [s for s in seen if s.lstrip().startswith("INSERT INTO audit_entry")]
    updates = [s for s in seen if s.lstrip().startswith("UPDATE audit_head")]
    assert (len(head_reads), len(inserts), len(updates)) == (1, 1, 1)
    result = verify_chain(env.store)
    assert result.ok
    assert result.checked == 4


def test_a_new_transaction_reads_the_head_again(env: Environment) -> None:
    """The cached head belongs to one transaction: the next one sees what others appended meanwhile."""
    with env.store.write() as session:
        chain.append(session, REC, "test.event", {"i": 0})
    _append(env, 1)  # another writer, in its own transaction
    with env.store.write() as session:
        assert chain.head_span(session) is None
        entry = chain.append(session, REC, "test.event", {"i": 2}, flush=False)
        assert entry.seq == 4
    assert verify_chain(env.store).ok


def test_a_rolled_back_savepoint_gives_its_entries_back(env: Environment) -> None:
    """The cached head follows a savepoint's rollback: the next entry takes the freed number, the chain verifies."""
    with env.store.write() as session:
        chain.append(session, REC, "test.event", {"i": 0})
        savepoint = session.begin_nested()
        chain.append(session, REC, "test.event", {"i": "rolled back"})
        savepoint.rollback()
        entry = chain.append(session, REC, "test.event", {"i": 1})
        assert entry.seq == 3
    result = verify_chain(env.store)
    assert result.ok
    assert result.checked == 3
