"""A draft's publishing side as its panel shows it, read in one go so that the GUI reads it off the UI thread.

The panel in the composer window renders this and reads nothing itself; after
each action it asks for a fresh one (:func:`read_publishing_side`).
"""

from __future__ import annotations

from dataclasses import dataclass

from core.lifecycle.actions import DraftSituation
from core.lifecycle.states import DeletionState
from core.publishing.records import DeletionRow, PublicationRow, deletion_requests, publications_for_draft
from core.services.drafts import DraftDetail, load_draft_detail
from core.services.situations import load_situation
from core.storage.engine import Store

#: A deletion request still to be decided or carried out: the one the panel offers to act on.
OPEN_DELETION = (DeletionState.REQUESTED, DeletionState.APPROVED)


@dataclass(frozen=True)
class PublishingSide:
    detail: DraftDetail
    #: The newest publication of the draft (None before the first attempt).
    current: PublicationRow | None
    #: The newest open deletion request of that publication.
    deletion: DeletionRow | None
    #: With this terminal's credential in it: publishing now needs one.
    situation: DraftSituation


def read_publishing_side(store: Store, draft_id: int, terminal_uid: str) -> PublishingSide:
    detail = load_draft_detail(store, draft_id)
    rows = publications_for_draft(store, draft_id)
    current = rows[0] if rows else None
    deletion = None
    if current is not None:
        mine = [r for r in deletion_requests(store, states=OPEN_DELETION) if r.publication_id == current.id]
        deletion = mine[-1] if mine else None
    return PublishingSide(
        detail=detail,
        current=current,
        deletion=deletion,
        situation=load_situation(store, draft_id, terminal_uid=terminal_uid),
    )
