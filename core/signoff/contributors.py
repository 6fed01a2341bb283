"""Who made a draft: everyone who created, edited or submitted it.

Separation of duties (joso:5 所属長の承認) means a person never approves
their own work. Remembering only the author and the last editor would let a
supervisor edit an early revision, wait for an operator's final touch and
approve; so every maker is recorded once, in an append-only table.
"""

from __future__ import annotations

from sqlalchemy import bindparam, select
from sqlalchemy.orm import Session

from core.storage.models import DraftContributor, utcnow


def note_contributor(session: Session, draft_id: int, staff_id: int) -> None:
    """Record ``staff_id`` as a maker of ``draft_id`` (once; later calls are no-ops)."""
    if session.get(DraftContributor, (draft_id, staff_id)) is None:
        session.add(DraftContributor(draft_id=draft_id, staff_id=staff_id, first_at=utcnow()))
        session.flush()


# Built once (each publish asks): building the statement cost more than running it.
_MAKERS = select(DraftContributor.staff_id).where(DraftContributor.draft_id == bindparam("draft_id"))


def contributors(session: Session, draft_id: int) -> set[int]:
    """The staff ids of everyone who made ``draft_id``."""
    return set(session.scalars(_MAKERS, {"draft_id": draft_id}))
