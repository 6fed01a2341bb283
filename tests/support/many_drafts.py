"""Many drafts quickly, for list tests and the list benchmark: rows written with SQLAlchemy core, not the services.

The services would write an audit entry per draft; a list reads none of
that, so the first ``seed`` rows are inserted in batches straight into
``draft`` and the rest copied from them inside the database (INSERT …
SELECT, the same statement on both databases), which builds a million rows
in seconds rather than minutes.
Titles repeat every ``title_cycle`` rows and times every ``tie`` rows, so
every sort order has ties to break (the keyset must not skip or repeat them).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import func, insert, select

from core.lifecycle.states import DraftState
from core.storage.engine import Store
from core.storage.models import Draft

START = datetime(2025, 4, 1, tzinfo=UTC)
STATES = (
    DraftState.PUBLISHED,
    DraftState.PUBLISHED,
    DraftState.PUBLISHED,
    DraftState.DRAFT,
    DraftState.SUBMITTED,
    DraftState.RETURNED,
    DraftState.APPROVED,
    DraftState.REJECTED,
    DraftState.PUBLISHED,
    DraftState.DISCARDED,
)


def draft_values(
    n: int, accounts: Sequence[int], authors: Sequence[int], *, tie: int, title_cycle: int
) -> dict[str, Any]:
    when = START + timedelta(seconds=(n // tie) * 37)
    return {
        "account_id": accounts[n % len(accounts)],
        "author_id": authors[(n // 7) % len(authors)],
        "last_editor_id": authors[(n // 7) % len(authors)],
        "state": STATES[n % len(STATES)].value,
        "title": f"お知らせ {n % title_cycle:04d}" if n % 5 else "",
        "text": f"市民の皆さまへ。第{(n * 7919) % 100_003}号のお知らせです。詳しくは市のホームページをご覧ください。",
        "media": [],
        "acknowledgements": {},
        "confirmations": {},
        # Every third draft unscheduled: the nullable order has both halves.
        "scheduled_at": None if n % 3 == 0 else when + timedelta(days=1),
        "created_at": when,
        "updated_at": when,
    }


def fill_drafts(
    store: Store,
    count: int,
    accounts: Sequence[int],
    authors: Sequence[int],
    *,
    tie: int = 3,
    title_cycle: int = 1000,
    batch: int = 20_000,
    seed: int = 50_000,
) -> None:
    """Insert ``count`` drafts spread over ``accounts`` and ``authors``."""
    with store.engine.begin() as connection:
        first_rows = min(count, seed)
        for first in range(0, first_rows, batch):
            rows = [
                draft_values(n, accounts, authors, tie=tie, title_cycle=title_cycle)
                for n in range(first, min(first + batch, first_rows))
            ]
            connection.execute(insert(Draft), rows)
        copied = [c for c in Draft.__table__.columns if c.name != "id"]
        have = first_rows
        while have < count:
            source = select(*copied).order_by(Draft.id).limit(min(have, count - have))
            connection.execute(insert(Draft).from_select([c.name for c in copied], source))
            have = connection.execute(select(func.count()).select_from(Draft)).scalar_one()
