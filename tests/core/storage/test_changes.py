"""The change feed: NOTIFY on PostgreSQL, a cheap head read on SQLite."""

from __future__ import annotations

import time

from core.audit import chain
from core.runtime.bootstrap import Environment
from core.storage.changes import CHANNEL, PostgresListener, head_seq, parse_payload
from core.storage.engine import Store

REC = chain.Recorder(actor="sato", terminal="t-1")


def test_channel_names_agree() -> None:
    assert chain.CHANNEL == CHANNEL
    assert parse_payload("12 draft.submitted") is not None
    assert parse_payload("garbage") is None


def test_head_seq_moves_with_every_change(env: Environment) -> None:
    before = head_seq(env.store)
    with env.store.write() as session:
        chain.append(session, REC, "test.event", {})
    assert head_seq(env.store) == before + 1


def test_listen_notify_delivers_committed_changes_only(pg_url: str) -> None:
    from core.storage.migrate import upgrade

    writer = Store(pg_url)
    upgrade(writer.engine)
    listener = PostgresListener(pg_url)
    try:
        try:
            with writer.write() as session:
                chain.append(session, REC, "test.rolled_back", {})
                raise RuntimeError("rollback")
        except RuntimeError:
            pass
        with writer.write() as session:
            chain.append(session, REC, "draft.submitted", {"draft_id": 1})
        start = time.monotonic()
        changes = []
        while not changes and time.monotonic() - start < 5:
            changes = listener.wait(timeout=0.5)
        assert [c.event for c in changes] == ["draft.submitted"]
        assert time.monotonic() - start < 5
    finally:
        listener.close()
        writer.dispose()


def test_entries_since_names_event_person_terminal_and_draft(env: Environment) -> None:
    from core.storage.changes import RecordedChange, entries_since

    before = head_seq(env.store)
    with env.store.write() as session:
        chain.append(session, REC, "draft.saved", {"draft_id": 42, "text": "…"})
        chain.append(session, REC, "account.updated", {"account_id": 3})
        chain.append(session, REC, "draft.saved", {"draft_id": True})  # not an id
    entries = entries_since(env.store, before)
    assert entries == [
        RecordedChange(before + 1, "draft.saved", "sato", "t-1", 42),
        RecordedChange(before + 2, "account.updated", "sato", "t-1", None),
        RecordedChange(before + 3, "draft.saved", "sato", "t-1", None),
    ]
    assert [e.seq for e in entries_since(env.store, before, limit=2)] == [before + 1, before + 2]
    assert entries_since(env.store, before + 3) == []
