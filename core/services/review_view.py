"""Everything the review dialog shows, read in one go so that the GUI can read it off the UI thread.

The dialog opens on what this returns and reads nothing itself: a supervisor
opening a review on a shared PostgreSQL server (or a slow share holding the
SQLite file) never waits with a frozen window. After a decision the dialog
is given a fresh :class:`ReviewView` read the same way.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from core.lifecycle.actions import DraftSituation
from core.services.drafts import image_bytes
from core.services.groups import GroupInfo, group_info, group_of_draft
from core.services.situations import load_situation
from core.services.templates import DraftOrigin, origin_of_draft
from core.signoff.review_data import ReviewData, load_review_data
from core.storage.engine import Store


@dataclass(frozen=True)
class ReviewView:
    """A submitted version as the review dialog shows it, and what the reader may do with it."""

    data: ReviewData
    #: The draft's state and this version's review, from which ``available_actions`` decides the buttons.
    situation: DraftSituation
    origin: DraftOrigin | None
    group: GroupInfo | None
    #: The images' stored bytes by SHA-256 for the preview (videos are shown as a placeholder, not read).
    images: Mapping[str, bytes]


def read_review(store: Store, version_id: int, *, reader_id: int | None = None) -> ReviewView:
    """The review of ``version_id`` as its dialog shows it (raises ``NotFound`` for an unknown version).

    With ``reader_id``, the situation says whether that person may decide on it, and why not.
    """
    data = load_review_data(store, version_id)
    situation = load_situation(store, data.draft_id, version_id=version_id, reviewer_id=reader_id)
    group_id = group_of_draft(store, data.draft_id)
    return ReviewView(
        data=data,
        situation=situation,
        origin=origin_of_draft(store, data.draft_id),
        group=group_info(store, group_id) if group_id is not None else None,
        images=image_bytes(store, data.media),
    )
