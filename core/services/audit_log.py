"""Reading the audit record page by page (for the 監査記録 screen)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import func, select

from core.db.engine import Store
from core.db.models import AuditEntry, Staff, Terminal


@dataclass(frozen=True)
class AuditRow:
    seq: int
    recorded_at: str
    actor: str
    terminal: str
    event: str
    payload: str
    hash: str
    actor_name: str = ""
    terminal_host: str = ""

    @property
    def local_time(self) -> str:
        """The UTC record time in this computer's time zone, to the second."""
        moment = datetime.strptime(self.recorded_at, "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=UTC)
        return moment.astimezone().strftime("%Y-%m-%d %H:%M:%S")


def count_audit(store: Store) -> int:
    with store.read() as session:
        return session.scalar(select(func.count()).select_from(AuditEntry)) or 0


def query_audit(
    store: Store, *, offset: int = 0, limit: int = 200, descending: bool = True, event_prefix: str = ""
) -> list[AuditRow]:
    query = (
        select(AuditEntry, Staff.display_name, Terminal.hostname)
        .outerjoin(Staff, Staff.os_login == AuditEntry.actor)
        .outerjoin(Terminal, Terminal.uid == AuditEntry.terminal)
        .order_by(AuditEntry.seq.desc() if descending else AuditEntry.seq)
    )
    if event_prefix:
        query = query.where(AuditEntry.event.startswith(event_prefix, autoescape=True))
    with store.read() as session:
        return [
            AuditRow(e.seq, e.recorded_at, e.actor, e.terminal, e.event, e.payload, e.hash, name or "", host or "")
            for e, name, host in session.execute(query.offset(offset).limit(limit))
        ]
