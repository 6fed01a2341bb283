"""全停止 as it stands: whether scheduled posting is paused, since when, why and by whom (a read).

Its own small module so that the status bar, on every window's start, reads it without importing
the incident use cases (:mod:`core.services.incidents`, which pauses and resumes, re-exports it).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.orm import Session

from core.services.base import organization_row
from core.storage.engine import Store
from core.storage.models import Staff


@dataclass(frozen=True)
class PauseState:
    paused: bool
    since: datetime | None = None
    reason: str = ""
    by: str = ""


def staff_name(session: Session, staff_id: int | None) -> str:
    staff = session.get(Staff, staff_id) if staff_id is not None else None
    return staff.display_name if staff is not None else ""


def pause_state(store: Store) -> PauseState:
    with store.read() as session:
        org = organization_row(session)
        if org.paused_at is None:
            return PauseState(False)
        return PauseState(True, org.paused_at, org.pause_reason or "", staff_name(session, org.paused_by_id))
