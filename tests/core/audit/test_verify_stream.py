"""The streamed verifier: the stored canonical bytes, the exact fallback, batches."""

from __future__ import annotations

import json
import unicodedata

import pytest
from sqlalchemy import select

from core.audit import chain, verify
from core.audit.verify import verify_chain
from core.runtime.bootstrap import Environment
from core.storage.audit_walk import chain_reader, chain_snapshot
from core.storage.models import AuditEntry
from tests.support.world import drop_audit_triggers, edit_audit_entry

# What json.dumps escapes (quotes, backslashes) and what it leaves (DEL, U+2028), with field-boundary look-alikes.
AWKWARD = 'CITY\\sato "q" "," \\ \x7f \u2028 ｶﾞ 🎌 \\'
# Escaped by json.dumps: the generated columns must give them back as they were.
CONTROL = "a\n\tb\r\b\f \x01\x1f"


def _append(env: Environment, recorder: chain.Recorder, payloads: list[dict[str, object]]) -> None:
    with env.store.write() as session:
        for payload in payloads:
            chain.append(session, recorder, "test.event", payload)


def _exact_checks(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    calls: list[int] = []
    judge = verify._judge

    def counted(rows, walk):  # type: ignore[no-untyped-def]
        calls.append(walk.expected_seq)
        return judge(rows, walk)

    monkeypatch.setattr(verify, "_judge", counted)
    return calls


def test_the_stored_bytes_are_what_was_hashed_and_the_fields_come_back_from_them(
    env: Environment, monkeypatch: pytest.MonkeyPatch
) -> None:
    recorder = chain.Recorder(actor=AWKWARD, terminal=CONTROL)
    _append(env, recorder, [{"text": AWKWARD, "n": 1}, {"k": [AWKWARD, CONTROL]}])
    with chain_reader(env.store) as reader:
        batch = reader.batch(0, 100)
        assert batch is not None
        rows = reader.rows(0, 100)
    with env.store.read() as session:
        entries = list(session.scalars(select(AuditEntry).order_by(AuditEntry.seq)))
    lines = batch.lines.split(b"\n")
    assert len(lines) == len(rows) == len(entries) == 3
    for line, row, entry in zip(lines, rows, entries, strict=True):
        fields = (entry.recorded_at, entry.actor, entry.terminal, entry.event, entry.payload, entry.prev_hash)
        assert line == chain.canonical_json([entry.seq, *fields]).encode("utf-8") == str(row.canon).encode("utf-8")
        assert chain.entry_hash(entry.seq, *fields) == entry.hash == row.hash
    assert (entries[1].actor, entries[1].terminal) == (AWKWARD, CONTROL)
    assert json.loads(entries[2].payload) == {"k": [AWKWARD, CONTROL]}
    calls = _exact_checks(monkeypatch)
    assert verify_chain(env.store).ok
    assert calls == []  # the fast path alone was enough


def test_an_edit_among_control_characters_is_named(env: Environment) -> None:
    _append(env, chain.Recorder(actor=CONTROL, terminal="t-1"), [{"text": CONTROL}])
    drop_audit_triggers(env)
    edit_audit_entry(env, 2, "actor", CONTROL + " ")
    result = verify_chain(env.store)
    assert (result.ok, result.first_bad_seq) == (False, 2)


def test_a_name_not_in_nfc_is_stored_as_hashed(env: Environment, monkeypatch: pytest.MonkeyPatch) -> None:
    _append(env, chain.Recorder(actor=unicodedata.normalize("NFD", "が"), terminal="t-1"), [{"i": 1}])
    calls = _exact_checks(monkeypatch)
    assert verify_chain(env.store).ok
    assert calls == []
    with env.store.read() as session:
        assert session.get(AuditEntry, 2).actor == "が"  # type: ignore[union-attr]


@pytest.mark.parametrize("bad", [2, 7, 12])
def test_the_first_bad_entry_is_named_across_batches(
    env: Environment, monkeypatch: pytest.MonkeyPatch, bad: int
) -> None:
    monkeypatch.setattr(verify, "BATCH", 5)
    _append(env, chain.Recorder(actor="sato", terminal="t-1"), [{"i": i} for i in range(13)])
    progress: list[tuple[int, int]] = []
    assert verify_chain(env.store, lambda done, total: progress.append((done, total))).checked == 14
    assert progress[0] == (5, 14)
    assert progress[-1] == (14, 14)
    drop_audit_triggers(env)
    edit_audit_entry(env, bad, "payload", json.dumps({"i": 99}))
    edit_audit_entry(env, 13, "payload", json.dumps({"i": 98}))
    result = verify_chain(env.store)
    assert (result.ok, result.first_bad_seq, result.checked) == (False, bad, bad - 1)


def test_a_walk_after_a_trusted_point_starts_there(env: Environment) -> None:
    _append(env, chain.Recorder(actor="sato", terminal="t-1"), [{"i": i} for i in range(9)])
    with chain_reader(env.store) as reader:
        row = reader.entry(6)
    assert row is not None
    drop_audit_triggers(env)
    edit_audit_entry(env, 3, "payload", "{}")  # before the trusted point: not walked
    result = verify_chain(env.store, after=(6, row.hash))
    assert (result.ok, result.checked, result.head_seq) == (True, 4, 10)
    assert not verify_chain(env.store, after=(6, "0" * 64)).ok  # the first entry after must link to it


def test_the_reader_connections_walk_one_snapshot(env: Environment, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every reader sees the chain as it was when the walk began; entries appended meanwhile wait for the next."""
    monkeypatch.setattr(verify, "BATCH", 3)
    recorder = chain.Recorder(actor="sato", terminal="t-1")
    _append(env, recorder, [{"i": i} for i in range(11)])
    appended: list[int] = []

    def append_meanwhile(done: int, total: int) -> None:
        if len(appended) < 3:
            _append(env, recorder, [{"during": done}])
            appended.append(done)

    with chain_snapshot(env.store, 1 + verify.READERS) as readers:
        assert len(readers) == 1 + verify.READERS  # the snapshot could be shared
        _append(env, recorder, [{"while": "open"}])
        assert [r.last_seq() for r in readers] == [12] * len(readers)  # every reader's snapshot began at open
    result = verify_chain(env.store, append_meanwhile)
    assert len(appended) == 3
    assert (result.ok, result.checked, result.head_seq) == (True, 13, 13)
    assert verify_chain(env.store).checked == 16
