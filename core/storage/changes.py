"""Telling open windows that something changed elsewhere.

Every audit entry is a state change, so the audit chain doubles as the
change feed: on PostgreSQL each append sends ``NOTIFY kohogate_changes_<schema>``
in the same transaction (delivered on commit, never for a rollback) and
:class:`PostgresListener` waits for it on its own connection; on SQLite —
one workstation, possibly several windows — :func:`head_seq` is a one-row
read cheap enough to poll every couple of seconds.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from core.storage.engine import Store, parse_url
from core.storage.models import AuditEntry, AuditHead

CHANNEL = "kohogate_changes"


@dataclass(frozen=True)
class Change:
    seq: int
    event: str


def head_seq(store: Store) -> int:
    with store.read() as session:
        return head_seq_in(session)


def head_seq_in(session: Session) -> int:
    """The audit head's sequence number, read in ``session`` (with what else a caller reads there)."""
    return session.scalar(select(AuditHead.seq).where(AuditHead.id == 1)) or 0


@dataclass(frozen=True)
class RecordedChange:
    """One audit entry as the change feed needs it: what happened, who and where, which draft."""

    seq: int
    event: str
    actor: str
    terminal: str
    draft_id: int | None


def _draft_id(payload: str) -> int | None:
    try:
        value = json.loads(payload).get("draft_id")
    except (ValueError, AttributeError):
        return None
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def entries_since(store: Store, after_seq: int, *, limit: int = 500) -> list[RecordedChange]:
    """The entries after ``after_seq``, oldest first, at most ``limit`` (the caller treats a full page as "a lot")."""
    with store.read() as session:
        rows = session.execute(
            select(AuditEntry.seq, AuditEntry.event, AuditEntry.actor, AuditEntry.terminal, AuditEntry.payload)
            .where(AuditEntry.seq > after_seq)
            .order_by(AuditEntry.seq)
            .limit(limit)
        ).all()
    return [
        RecordedChange(seq, event, actor, terminal, _draft_id(payload)) for seq, event, actor, terminal, payload in rows
    ]


def events_since(store: Store, after_seq: int, *, limit: int = 200) -> tuple[int, frozenset[str] | None]:
    """The newest sequence number and the event names recorded after ``after_seq`` (one query).

    ``None`` for the names when there were more than ``limit`` entries: the caller treats that as "anything".
    """
    with store.read() as session:
        rows = session.execute(
            select(AuditEntry.seq, AuditEntry.event)
            .where(AuditEntry.seq > after_seq)
            .order_by(AuditEntry.seq)
            .limit(limit + 1)
        ).all()
    if len(rows) > limit:
        return head_seq(store), None
    return (rows[-1][0] if rows else after_seq), frozenset(event for _, event in rows)


def notify_payload(seq: int, event: str) -> str:
    return f"{seq} {event}"


def pushes_changes(store: Store) -> bool:
    """Whether the database tells listeners of each change (PostgreSQL); otherwise poll :func:`head_seq`."""
    return store.dialect == "postgresql"


def notify_change(session: Session, seq: int, event: str) -> None:
    """Announce audit entry ``seq`` to other workstations when ``session`` commits (nothing on rollback).

    A no-op on SQLite, whose windows poll :func:`head_seq` instead. The
    channel is per schema: several KohoGate databases may share one
    PostgreSQL database.
    """
    if session.get_bind().dialect.name != "postgresql":
        return
    session.execute(
        text("SELECT pg_notify(:channel || '_' || current_schema(), :payload)"),
        {"channel": CHANNEL, "payload": notify_payload(seq, event)},
    )


def parse_payload(payload: str) -> Change | None:
    seq, _, event = payload.partition(" ")
    return Change(int(seq), event) if seq.isdigit() else None


class PostgresListener:
    """``LISTEN`` on a dedicated connection; :meth:`wait` returns the changes that arrived."""

    def __init__(self, database_url: str) -> None:
        import psycopg
        import psycopg.sql

        url = parse_url(database_url).set(drivername="postgresql")
        self._conn: Any = psycopg.connect(url.render_as_string(hide_password=False), autocommit=True)
        row = self._conn.execute("SELECT current_schema()").fetchone()
        schema = str(row[0]) if row else "public"
        # Same channel name as core.audit.chain sends on: one per schema.
        channel = psycopg.sql.Identifier(f"{CHANNEL}_{schema}")
        self._conn.execute(psycopg.sql.SQL("LISTEN {}").format(channel))

    def wait(self, timeout: float) -> list[Change]:
        """Block up to ``timeout`` seconds for the first change, then collect what else is queued."""
        notes = list(self._conn.notifies(timeout=timeout, stop_after=1))
        if notes:
            # A generator holds the connection's lock: the first one has ended before this one starts.
            notes += list(self._conn.notifies(timeout=0.05))
        return [c for c in (parse_payload(n.payload) for n in notes) if c is not None]

    def close(self) -> None:
        self._conn.close()
