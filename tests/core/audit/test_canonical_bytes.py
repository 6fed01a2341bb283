"""Each entry's canonical bytes stored once (migration 0023): fields generated from them, every edit named."""

from __future__ import annotations

import unicodedata

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from core.audit import chain
from core.audit.verify import verify_chain
from core.runtime.bootstrap import Environment
from core.storage.audit_walk import chain_reader
from core.storage.migrate import upgrade
from core.storage.models import AuditEntry
from tests.support.world import AUDIT_FIELDS, drop_audit_triggers, edit_audit_entry

REC = chain.Recorder(actor="sato", terminal="t-1")
# A value of each field's own shape, so that only the hash can tell the edit.
EDITS = {
    "recorded_at": "2020-01-01T00:00:00.000000Z",
    "actor": "mallory",
    "terminal": "t-2",
    "event": "test.forged",
    "payload": '{"i":99}',
    "prev_hash": "1" * 64,
}


def _append(env: Environment, n: int) -> None:
    with env.store.write() as session:
        for i in range(n):
            chain.append(session, REC, "test.event", {"i": i, "text": "市民まつり"})


def _downgrade(env: Environment, revision: str) -> None:
    from alembic import command

    from core.storage.migrate import alembic_config

    config = alembic_config()
    with env.store.engine.begin() as conn:
        config.attributes["connection"] = conn
        command.downgrade(config, revision)


@pytest.mark.parametrize("field", AUDIT_FIELDS)
def test_a_field_cannot_be_changed_apart_from_its_bytes(env: Environment, field: str) -> None:
    _append(env, 3)
    drop_audit_triggers(env)  # refused by the table itself, not only by the triggers
    with pytest.raises(DBAPIError), env.store.engine.begin() as conn:
        conn.execute(text(f"UPDATE audit_entry SET {field} = :v WHERE seq = 3"), {"v": EDITS[field]})
    assert verify_chain(env.store).ok


@pytest.mark.parametrize("field", AUDIT_FIELDS)
def test_an_edited_field_is_named(env: Environment, field: str) -> None:
    _append(env, 5)
    drop_audit_triggers(env)
    edit_audit_entry(env, 3, field, EDITS[field])
    with env.store.read() as session:
        assert getattr(session.get(AuditEntry, 3), field) == EDITS[field]  # what everyone now reads
    result = verify_chain(env.store)
    assert (result.ok, result.first_bad_seq, result.checked) == (False, 3, 2)


@pytest.mark.parametrize("field", AUDIT_FIELDS)
def test_an_edited_field_with_its_hash_recomputed_is_named_by_the_next_link(env: Environment, field: str) -> None:
    _append(env, 5)
    drop_audit_triggers(env)
    edit_audit_entry(env, 3, field, EDITS[field], rehash=True)
    result = verify_chain(env.store)
    # The edit of the link itself is named where it is; any other by the entry that links to it.
    assert (result.ok, result.first_bad_seq) == (False, 3 if field == "prev_hash" else 4)


def test_bytes_that_are_not_an_entry_are_refused(env: Environment) -> None:
    _append(env, 3)
    drop_audit_triggers(env)
    for canon in ("not json", '[2,"a"]'):
        with pytest.raises(DBAPIError), env.store.engine.begin() as conn:
            conn.execute(text("UPDATE audit_entry SET canon = :c WHERE seq = 2"), {"c": canon})
    assert verify_chain(env.store).ok


def test_bytes_of_the_same_meaning_but_not_canonical_are_named(env: Environment) -> None:
    _append(env, 4)
    drop_audit_triggers(env)
    with env.store.engine.begin() as conn:
        conn.execute(text("UPDATE audit_entry SET canon = '[ ' || substr(canon, 2) WHERE seq = 3"))
    result = verify_chain(env.store)
    assert (result.ok, result.first_bad_seq) == (False, 3)


def _plain_columns(env: Environment, *, keep_canon: bool) -> None:
    """A table rebuilt by hand with ordinary columns in place of the generated ones."""
    drop_audit_triggers(env)
    with env.store.engine.begin() as conn:
        if env.store.dialect == "sqlite":
            conn.exec_driver_sql("ALTER TABLE audit_entry RENAME TO audit_entry_was")
            columns = ", ".join(f"{name} TEXT NOT NULL" for name in AUDIT_FIELDS)
            conn.exec_driver_sql(
                f"CREATE TABLE audit_entry (seq INTEGER PRIMARY KEY, canon TEXT, hash TEXT NOT NULL, {columns})"
            )
            names = ", ".join(AUDIT_FIELDS)
            conn.exec_driver_sql(
                f"INSERT INTO audit_entry SELECT seq, canon, hash, {names} FROM audit_entry_was ORDER BY seq"
            )
            conn.exec_driver_sql("DROP TABLE audit_entry_was")
            if not keep_canon:
                conn.exec_driver_sql("ALTER TABLE audit_entry DROP COLUMN canon")
        else:
            for name in AUDIT_FIELDS:
                conn.exec_driver_sql(f"ALTER TABLE audit_entry ALTER COLUMN {name} DROP EXPRESSION")
            if not keep_canon:
                conn.exec_driver_sql("ALTER TABLE audit_entry DROP COLUMN canon")


@pytest.mark.parametrize("field", AUDIT_FIELDS)
def test_a_column_edited_in_a_table_rebuilt_by_hand_is_named(env: Environment, field: str) -> None:
    _append(env, 5)
    _plain_columns(env, keep_canon=True)
    with chain_reader(env.store) as reader:
        assert not reader.layout().intact
    assert verify_chain(env.store).ok  # every entry judged, its columns against its bytes
    with env.store.engine.begin() as conn:
        conn.execute(text(f"UPDATE audit_entry SET {field} = :v WHERE seq = 3"), {"v": EDITS[field]})
    result = verify_chain(env.store)
    assert (result.ok, result.first_bad_seq) == (False, 3)


def test_a_table_rebuilt_without_the_bytes_is_judged_on_its_columns(env: Environment) -> None:
    _append(env, 5)
    _plain_columns(env, keep_canon=False)
    assert verify_chain(env.store).ok
    with env.store.engine.begin() as conn:
        conn.execute(text("UPDATE audit_entry SET actor = 'mallory' WHERE seq = 4"))
    result = verify_chain(env.store)
    assert (result.ok, result.first_bad_seq) == (False, 4)


def test_the_migration_stores_the_bytes_each_entry_was_hashed_over(env: Environment) -> None:
    _append(env, 4)
    _downgrade(env, "0022")
    # An entry from before 0023 whose stored name is not in NFC (its hash is over the NFC form) …
    nfd = unicodedata.normalize("NFD", "がくせい")
    with env.store.engine.begin() as conn:
        seq, prev = conn.execute(text("SELECT seq, hash FROM audit_head WHERE id = 1")).one()
        fields = ("2026-12-01T00:00:00.000000Z", nfd, "t-1", "test.event", '{"i":"市民"}', prev)
        digest = chain.entry_hash(seq + 1, *fields)
        conn.execute(
            text(
                "INSERT INTO audit_entry (seq, recorded_at, actor, terminal, event, payload, prev_hash, hash)"
                " VALUES (:seq, :r, :a, :t, :e, :p, :prev, :h)"
            ),
            {"seq": seq + 1, "r": fields[0], "a": nfd, "t": "t-1", "e": "test.event", "p": fields[4], "prev": prev}
            | {"h": digest},
        )
        conn.execute(text("UPDATE audit_head SET seq = :s, hash = :h WHERE id = 1"), {"s": seq + 1, "h": digest})
    upgrade(env.store.engine)
    result = verify_chain(env.store)
    assert (result.ok, result.checked) == (True, seq + 1)
    with env.store.read() as session:
        assert session.get(AuditEntry, seq + 1).actor == "がくせい"  # type: ignore[union-attr]
    with chain_reader(env.store) as reader:
        assert reader.layout().intact
    _append(env, 1)  # the triggers are back and appending works on the new table
    with pytest.raises(DBAPIError, match="append-only"), env.store.engine.begin() as conn:
        conn.execute(text("DELETE FROM audit_entry WHERE seq = 2"))


def test_an_entry_edited_before_the_migration_is_still_named(env: Environment) -> None:
    _append(env, 5)
    _downgrade(env, "0022")
    drop_audit_triggers(env)
    with env.store.engine.begin() as conn:
        conn.execute(text("UPDATE audit_entry SET terminal = 't-9' WHERE seq = 4"))
    upgrade(env.store.engine)
    result = verify_chain(env.store)
    assert (result.ok, result.first_bad_seq) == (False, 4)
