"""Which version of a draft is its newest, as SQL (the lists, the calendar, the scheduler).

Apart from :mod:`core.services.drafts` (which uses it throughout) so that the calendar's read on
every start does not import the drafts' use cases with it.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import ScalarSelect, select
from sqlalchemy.orm import aliased

from core.storage.models import DraftVersion


def newest_version_id(draft_id: Any) -> ScalarSelect[Any]:
    """The id of the newest version of ``draft_id`` (a column the query correlates), or NULL.

    An attempt belongs to the version it sent: once a draft was taken back, re-timed
    (:mod:`core.services.planning`) and approved again, the old version's missed or failed
    attempt no longer says anything about the new one — neither in the list nor to the scheduler.
    """
    version = aliased(DraftVersion)
    return (
        select(version.id)
        .where(version.draft_id == draft_id)
        .order_by(version.number.desc())
        .limit(1)
        .correlate_except(version)
        .scalar_subquery()
    )
