"""文書番号: one number per draft, given when it is first submitted (起案) and never changed.

The sequence restarts every 年度 — April to March (地方自治法第208条: 会計年度は
四月一日に始まり翌年三月三十一日に終わる) — as a city's document register does.
The label is built once, with the organization's prefix at that moment, and
stored: changing the prefix later renames nothing already filed.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from core.storage.models import Organization, RecordNumber

FISCAL_YEAR_START_MONTH = 4
MAX_PREFIX = 50


def fiscal_year(moment: datetime | date) -> int:
    """The 年度 a moment falls in, on this computer's calendar (2027-03-31 → 2026)."""
    day = moment.astimezone().date() if isinstance(moment, datetime) else moment
    return day.year if day.month >= FISCAL_YEAR_START_MONTH else day.year - 1


def number_label(prefix: str, seq: int) -> str:
    """「見本広第12号」 (or 「第12号」 without a prefix)."""
    return f"{prefix.strip()}第{seq}号"


def allocate(session: Session, draft_id: int, now: datetime) -> RecordNumber:
    """The draft's 文書番号, given now if it has none (call inside the submitting transaction).

    The organization row is locked first, so two workstations submitting at
    once take numbers one after the other (SQLite already serialises
    writers); the unique (年度, 番号) constraint backs that up.
    """
    existing = session.get(RecordNumber, draft_id)
    if existing is not None:
        return existing
    org = session.scalar(select(Organization).where(Organization.id == 1).with_for_update())
    year = fiscal_year(now)
    seq = (session.scalar(select(func.max(RecordNumber.seq)).where(RecordNumber.fiscal_year == year)) or 0) + 1
    prefix = org.document_prefix if org is not None else ""
    row = RecordNumber(draft_id=draft_id, fiscal_year=year, seq=seq, label=number_label(prefix, seq), assigned_at=now)
    session.add(row)
    session.flush()
    return row


def record_number(session: Session, draft_id: int) -> RecordNumber | None:
    return session.get(RecordNumber, draft_id)
