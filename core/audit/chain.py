"""Appending to the chain, in the caller's transaction.

Every state change calls :func:`append` inside the same ``Store.write()``
block that makes the change, so both are committed together or not at all.
The head row is locked first (``SELECT … FOR UPDATE`` on PostgreSQL; SQLite
already holds its write lock from ``BEGIN IMMEDIATE``), which keeps sequence
numbers gap-free when several workstations write at once.
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

__all__ = ["CHANNEL", "GENESIS_HASH", "Recorder", "append", "entry_hash"]


def entry_hash(seq: int, recorded_at: str, actor: str, terminal: str, event: str, payload: str, prev_hash: str) -> str:
    return sha256_hex(canonical_json([seq, recorded_at, actor, terminal, event, payload, prev_hash]))


def append(
    session: Session,
    recorder: Recorder,
    event: str,
    payload: Mapping[str, Any],
    *,
    now: datetime | None = None,
) -> AuditEntry:
    head = session.execute(select(AuditHead).where(AuditHead.id == 1).with_for_update()).scalar_one()
    seq = head.seq + 1
    moment = now or datetime.now(UTC)
    recorded_at = utc_iso(moment)
    payload_json = canonical_json(payload)
    digest = entry_hash(seq, recorded_at, recorder.actor, recorder.terminal, event, payload_json, head.hash)
    entry = AuditEntry(
        seq=seq,
        recorded_at=recorded_at,
        actor=recorder.actor,
        terminal=recorder.terminal,
        event=event,
        payload=payload_json,
        prev_hash=head.hash,
        hash=digest,
    )
    session.add(entry)
    head.seq = seq
    head.hash = digest
    session.flush()
    if event in EVENT_KINDS:
        # The people to tell are queued in this transaction: no committed decision without its mail.
        from core.notify.outbox import enqueue_for_event

        enqueue_for_event(session, seq, recorder, event, payload, moment)
    # Other workstations learn of the change on commit; nothing is sent on rollback.
    notify_change(session, seq, event)
    return entry
