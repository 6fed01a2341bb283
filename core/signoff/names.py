"""People's names as they were when a record was made.

A corrected display name (``staff.renamed`` in the audit chain) applies from the
correction on: a review, an approval record or an export of something done before
shows the name the person had then, read back from the chain.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from core.storage.models import AuditEntry, Staff

NameAt = Callable[[int | None, datetime | None], str]


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def names_as_of(session: Session) -> NameAt:
    """``name(staff_id, when)``: the display name the person had at ``when`` (now when ``None``)."""
    current = {s.id: s.display_name for s in session.scalars(select(Staff))}
    renames: dict[int, list[tuple[datetime, str]]] = {}
    entries = session.scalars(select(AuditEntry).where(AuditEntry.event == "staff.renamed").order_by(AuditEntry.seq))
    for entry in entries:
        data = json.loads(entry.payload)
        at = _aware(datetime.fromisoformat(entry.recorded_at))
        renames.setdefault(int(data["staff_id"]), []).append((at, str(data["from"])))

    def name(staff_id: int | None, when: datetime | None) -> str:
        if staff_id is None or staff_id not in current:
            return ""
        if when is not None:
            moment = _aware(when)
            for renamed_at, before in renames.get(staff_id, []):
                if renamed_at > moment:
                    return before  # the name until the first correction after the moment
        return current[staff_id]

    return name
