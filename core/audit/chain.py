"""Appending to the chain, in the caller's transaction.

Every state change calls :func:`append` inside the same ``Store.write()``
block that makes the change, so both are committed together or not at all.
The head row is locked first (``SELECT … FOR UPDATE`` on PostgreSQL; SQLite
already holds its write lock from ``BEGIN IMMEDIATE``), which keeps sequence
numbers gap-free when several workstations write at once. The lock lasts to
the end of the transaction, so the head is read once per transaction, not
once per entry (:func:`locked_head`).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from core.audit.canonical import canonical_json, sha256_hex, utc_iso
from core.audit.recorder import Recorder
from core.notify.kinds import EVENT_KINDS
from core.storage.changes import CHANNEL, notify_change
from core.storage.models import AuditEntry, AuditHead

GENESIS_HASH = "0" * 64

__all__ = [
    "CHANNEL",
    "GENESIS_HASH",
    "Recorder",
    "append",
    "defer_flushes",
    "entry_hash",
    "flushes_deferred",
    "head_span",
    "locked_head",
]


def entry_hash(seq: int, recorded_at: str, actor: str, terminal: str, event: str, payload: str, prev_hash: str) -> str:
    return sha256_hex(canonical_json([seq, recorded_at, actor, terminal, event, payload, prev_hash]))


_HEAD = "kohogate.audit_head"
_HEAD_LOCKED = select(AuditHead).where(AuditHead.id == 1).with_for_update()  # built once: every write reads it
_DEFERRED = "kohogate.audit_deferred"


def _marked(session: Session, key: str) -> bool:
    cached = session.info.get(key)
    return cached is not None and cached[0] is session.get_transaction()


def defer_flushes(session: Session) -> None:
    """Entries appended in this transaction wait for its next flush (see ``flush`` of :func:`append`).

    For a transaction that reads nothing of the record back before its commit
    (the outbox's claim): its entries then cost one INSERT, whoever appends them.
    """
    session.info[_DEFERRED] = (session.get_transaction(), True)


def flushes_deferred(session: Session) -> bool:
    """Did this transaction ask its entries to wait for its commit (:func:`defer_flushes`)?"""
    return _marked(session, _DEFERRED)


def locked_head(session: Session) -> AuditHead:
    """The chain's head, locked for the rest of this transaction; read from the database once per transaction.

    The row stays locked until the transaction ends, so nobody else can move
    it meanwhile; a rolled-back savepoint expires the object, which then
    reloads its own (rolled-back) values on the next access.
    """
    transaction = session.get_transaction()
    cached = session.info.get(_HEAD)
    if cached is not None and transaction is not None and cached[0] is transaction:
        head: AuditHead = cached[1]
        return head
    head = session.execute(_HEAD_LOCKED).scalar_one()
    session.info[_HEAD] = (transaction, head, head.seq)
    return head


def head_span(session: Session) -> tuple[int, int] | None:
    """The head's sequence number when this transaction locked it and now (``None``: not locked yet).

    Entries between the two are this transaction's own: nobody else could append meanwhile.
    """
    cached = session.info.get(_HEAD)
    if cached is None or cached[0] is not session.get_transaction():
        return None
    return cached[2], cached[1].seq


def append(
    session: Session,
    recorder: Recorder,
    event: str,
    payload: Mapping[str, Any],
    *,
    now: datetime | None = None,
    flush: bool | None = None,
) -> AuditEntry:
    """Append ``event`` to the chain in ``session``'s transaction.

    ``flush=False``: the entry is written with the transaction's next flush
    (at the latest, its commit) — several entries of one transaction then
    cost one INSERT and one update of the head. For callers that read
    nothing of the record back before the commit. ``None`` (the default):
    flushed at once, unless the transaction asked otherwise
    (:func:`defer_flushes`). Events that queue mails are flushed at once regardless.
    """
    if flush is None:
        flush = not _marked(session, _DEFERRED)
    head = locked_head(session)
    seq = head.seq + 1
    moment = now or datetime.now(UTC)
    recorded_at = utc_iso(moment)
    payload_json = canonical_json(payload)
    fields = (recorded_at, recorder.actor, recorder.terminal, event, payload_json, head.hash)
    # The bytes are made once: hashed here, stored as they are, and what verify hashes again.
    canon = canonical_json([seq, *fields])
    digest = sha256_hex(canon)
    entry = AuditEntry(seq=seq, canon=canon, hash=digest)  # the fields: generated from canon by the database
    session.add(entry)
    head.seq = seq
    head.hash = digest
    if flush or event in EVENT_KINDS:
        session.flush()
    if event in EVENT_KINDS:
        # The people to tell are queued in this transaction: no committed decision without its mail.
        from core.notify.outbox import enqueue_for_event

        enqueue_for_event(session, seq, recorder, event, payload, moment)
    # Other workstations learn of the change on commit; nothing is sent on rollback.
    notify_change(session, seq, event)
    return entry
