"""The draft list's keyset pagination: every sort order, both directions, ties, filters; on both databases.

Walking page by page must give exactly the rows one unpaged query gives, in
the same order: none skipped, none repeated, ties (same title, same time,
same account) broken by id.
"""

from __future__ import annotations

import pytest

from core.lifecycle.states import DraftState, ShownState
from core.services.accounts import AccountService
from core.services.drafts import SORT_COLUMNS, DraftFilter, DraftSort, count_drafts, draft_page, query_drafts
from tests.support.many_drafts import fill_drafts
from tests.support.world import World

COUNT = 230


@pytest.fixture
def listed(world: World) -> World:
    other = AccountService(world.store, world.admin).create(
        "instagram", "@aaa.mihon", "見本市 IG", None, url="https://www.instagram.com/aaa.mihon"
    )
    # Few distinct titles and times: most rows tie with their neighbours in every order.
    fill_drafts(
        world.store,
        COUNT,
        [world.account, other],
        [world.op1.staff_id, world.op2.staff_id, world.both.staff_id],
        tie=9,
        title_cycle=4,
    )
    return world


def walk(world: World, flt: DraftFilter, sort: DraftSort, size: int) -> list[int]:
    seen: list[int] = []
    page = draft_page(world.store, flt, sort, limit=size)
    while True:
        assert len(page.rows) <= size
        seen += [row.id for row in page.rows]
        if page.next is None:
            return seen
        page = draft_page(world.store, flt, sort, after=page.next, limit=size)


FILTERS = [
    DraftFilter(),
    DraftFilter(text="お知らせ 0001"),
    DraftFilter(state=DraftState.PUBLISHED),
    DraftFilter(shown=ShownState.DISCARDED),
]


@pytest.mark.parametrize("column", SORT_COLUMNS)
@pytest.mark.parametrize("descending", [False, True])
def test_pages_join_into_the_whole_list(listed: World, column: str, descending: bool) -> None:
    sort = DraftSort(column, descending)
    for flt in FILTERS:
        whole = [row.id for row in query_drafts(listed.store, flt, sort, limit=10 * COUNT)]
        assert len(whole) == count_drafts(listed.store, flt) > 0, flt
        assert len(set(whole)) == len(whole)
        for size in (7, 50):
            assert walk(listed, flt, sort, size) == whole, (flt, size)


@pytest.mark.parametrize("column", ["account", "author", "title", "updated_at", "state", "scheduled_at"])
def test_filters_combined_with_an_order(listed: World, column: str) -> None:
    flt = DraftFilter(account_id=listed.account, author_id=listed.op2.staff_id, text="お知らせ")
    sort = DraftSort(column, True)
    whole = query_drafts(listed.store, flt, sort, limit=10 * COUNT)
    assert whole
    assert all(row.author == "鈴木 一郎" and row.account == "@josokoiki.koho" for row in whole)
    assert walk(listed, flt, sort, 6) == [row.id for row in whole]


def test_the_orders_are_what_the_columns_say(listed: World) -> None:
    def column(name: str, descending: bool = False) -> list[object]:
        rows = query_drafts(listed.store, DraftFilter(), DraftSort(name, descending), limit=10 * COUNT)
        return [
            {
                "title": row.title,
                "updated_at": row.updated_at,
                "account": row.account,
                "author": row.author,
                "id": row.id,
            }.get(name, row)
            for row in rows
        ]

    for name in ("title", "updated_at", "account", "id"):
        assert column(name) == sorted(column(name)), name  # type: ignore[type-var]
        assert column(name, True) == sorted(column(name), reverse=True), name  # type: ignore[type-var]
    ascending = query_drafts(listed.store, DraftFilter(), DraftSort("scheduled_at", descending=False), limit=999)
    scheduled = [row.scheduled_at for row in ascending]
    set_part = [s for s in scheduled if s is not None]
    # Unscheduled last in both directions, on both databases.
    assert scheduled == set_part + [None] * (len(scheduled) - len(set_part))
    assert set_part == sorted(set_part)
    by_state = query_drafts(listed.store, DraftFilter(), DraftSort("state", descending=False), limit=999)
    states = [row.shown_state for row in by_state]
    assert states == sorted(states, key=list(ShownState).index)  # the lifecycle's order


def _plan(world: World, flt: DraftFilter) -> list[str]:
    """The plan of the filter's count, with ANALYZE's figures in (the planners choose on them)."""
    from sqlalchemy import func, select, text

    from core.services.drafts import _filtered
    from core.storage.models import Draft

    store = world.store
    with store.engine.begin() as conn:
        conn.execute(text("ANALYZE"))
    with store.read() as session:
        query = _filtered(select(func.count(Draft.id)), flt, session, store.now())
    with store.engine.connect() as conn:
        compiled = query.compile(conn, compile_kwargs={"literal_binds": True})
        if store.dialect == "postgresql":
            return list(conn.exec_driver_sql(f"EXPLAIN {compiled}").scalars())
        return [str(row[-1]) for row in conn.exec_driver_sql(f"EXPLAIN QUERY PLAN {compiled}")]


def test_a_shown_state_filter_asks_for_attempts_once_not_per_draft(listed: World) -> None:
    # Per draft, the newest-attempt lookup cost PostgreSQL's estimate a subquery per row: it sorted every
    # draft of a filter instead of walking the order's index (0.4–0.8 s at a million).
    plan = _plan(listed, DraftFilter(account_id=listed.account, shown=ShownState.PUBLISHED))
    if listed.store.dialect == "postgresql":
        # The draft's own condition (the sets' insides look up the newest version, over attempts only).
        (own,) = [line for line in plan if "Filter:" in line and "discarded" in line]
        assert "hashed SubPlan" in own, own
        assert "SubPlan" not in own.replace("hashed SubPlan", ""), own
    else:
        assert any("LIST SUBQUERY" in line for line in plan)


def test_scheduled_posts_are_found_by_their_index(listed: World) -> None:
    # SQLite has no figures on the times: told that few drafts are scheduled ahead, it reads that range
    # instead of walking the list's order through every draft (1.4 s at a million when none is).
    plan = _plan(listed, DraftFilter(shown=ShownState.SCHEDULED))
    assert any("ix_draft_scheduled_at_id" in line for line in plan), plan
