"""The streamed verifier: the database's rendering of the canonical bytes, its exact fallback, batches."""

from __future__ import annotations

import json
import unicodedata

import pytest
from sqlalchemy import text

from core.audit import chain, verify
from core.audit.verify import verify_chain
from core.runtime.bootstrap import Environment
from core.storage.audit_walk import chain_reader, chain_snapshot
from tests.support.world import drop_audit_triggers

# What json.dumps escapes (quotes, backslashes) and what it leaves (DEL, U+2028), with field-boundary look-alikes.
AWKWARD = 'CITY\\sato "q" "," \\ \x7f \u2028 ｶﾞ 🎌 \\'
# Escaped by json.dumps and by SQLite's json_array; left to the exact check on PostgreSQL.
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


def test_the_database_renders_the_same_bytes_python_hashes(env: Environment, monkeypatch: pytest.MonkeyPatch) -> None:
    # Every column is escaped, even those KohoGate writes itself: an unescaped one holding `","` or a
    # trailing backslash could let an edited row render to the bytes of the original.
    _append(env, chain.Recorder(actor=AWKWARD, terminal=AWKWARD), [{"text": AWKWARD, "n": 1}, {"k": [AWKWARD]}])
    with chain_reader(env.store) as reader:
        batch = reader.batch(0, 100)
        assert batch is not None
        rows = reader.rows(0, 100)
    lines = batch.lines.split(b"\n")
    assert len(lines) == len(rows) == 3
    for line, row in zip(lines, rows, strict=True):
        assert line == chain.canonical_json(list(row[:7])).encode("utf-8")
    calls = _exact_checks(monkeypatch)
    assert verify_chain(env.store).ok
    assert calls == []  # the fast path alone was enough


def test_control_characters_are_rendered_or_judged_exactly(env: Environment, monkeypatch: pytest.MonkeyPatch) -> None:
    _append(env, chain.Recorder(actor=CONTROL, terminal="t-1"), [{"text": CONTROL}])
    calls = _exact_checks(monkeypatch)
    assert verify_chain(env.store).ok
    assert calls == ([] if env.store.dialect == "sqlite" else [1])
    drop_audit_triggers(env)
    with env.store.engine.begin() as conn:
        conn.execute(text("UPDATE audit_entry SET actor = :a WHERE seq = 2"), {"a": CONTROL + " "})
    result = verify_chain(env.store)
    assert (result.ok, result.first_bad_seq) == (False, 2)


@pytest.mark.parametrize(
    "recorder",
    [
        chain.Recorder(actor=unicodedata.normalize("NFD", "が"), terminal="t-1"),  # hashed in NFC
        chain.Recorder(actor="sato", terminal='t\\"1'),  # a terminal id the database does not escape
    ],
)
def test_a_row_the_fast_path_cannot_judge_is_judged_exactly(
    env: Environment, monkeypatch: pytest.MonkeyPatch, recorder: chain.Recorder
) -> None:
    _append(env, recorder, [{"i": 1}])
    calls = _exact_checks(monkeypatch)
    assert verify_chain(env.store).ok
    # Both databases escape every column; only the NFC normalisation is Python's alone.
    assert calls == ([] if recorder.terminal != "t-1" else [1])


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
    with env.store.engine.begin() as conn:
        conn.execute(text("UPDATE audit_entry SET payload = :p WHERE seq = :s"), {"p": json.dumps({"i": 99}), "s": bad})
        conn.execute(text("UPDATE audit_entry SET payload = :p WHERE seq = 13"), {"p": json.dumps({"i": 98})})
    result = verify_chain(env.store)
    assert (result.ok, result.first_bad_seq, result.checked) == (False, bad, bad - 1)


def test_a_walk_after_a_trusted_point_starts_there(env: Environment) -> None:
    _append(env, chain.Recorder(actor="sato", terminal="t-1"), [{"i": i} for i in range(9)])
    with chain_reader(env.store) as reader:
        row = reader.entry(6)
    assert row is not None
    drop_audit_triggers(env)
    with env.store.engine.begin() as conn:  # before the trusted point: not walked
        conn.execute(text("UPDATE audit_entry SET payload = '{}' WHERE seq = 3"))
    result = verify_chain(env.store, after=(6, row[7]))
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
