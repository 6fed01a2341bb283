"""The rows a run keeps (core/storage/row_cache.py): read once, still readable after the transaction rolled back."""

from __future__ import annotations

from sqlalchemy import select

from core.runtime.bootstrap import Environment
from core.storage.models import Terminal
from core.storage.row_cache import RowCache, cached


class _Rollback(Exception):
    pass


def test_a_kept_row_is_read_once_and_keeps_its_values_after_a_rollback(env: Environment) -> None:
    rows = RowCache()
    uid = env.terminal.uid
    reads: list[str] = []

    def load(session):  # type: ignore[no-untyped-def]
        reads.append(uid)
        return session.scalar(select(Terminal).where(Terminal.uid == uid))

    try:
        with env.store.write() as session:
            first = rows.get(session, Terminal, uid, lambda: load(session))
            raise _Rollback
    except _Rollback:
        pass
    assert first is not None
    with env.store.write() as session:
        again = rows.get(session, Terminal, uid, lambda: load(session))
        assert again is first
        assert first not in session  # never attached to another transaction
    assert reads == [uid]
    assert first.uid == uid  # a rolled-back transaction expired nothing of it


def test_a_missing_row_is_not_kept_and_no_cache_reads_every_time(env: Environment) -> None:
    rows = RowCache()
    with env.store.read() as session:
        assert rows.get(session, Terminal, "nobody", lambda: None) is None
        assert len(rows) == 0
        calls: list[int] = []
        cached(None, session, Terminal, "x", lambda: calls.append(1))  # type: ignore[func-returns-value]
        cached(None, session, Terminal, "x", lambda: calls.append(1))  # type: ignore[func-returns-value]
        assert calls == [1, 1]
