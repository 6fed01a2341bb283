"""The state people see (要確認, 送信失敗, 送信中, 予約済み …): the rule, and the list's SQL saying the same."""

from __future__ import annotations

import itertools
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import delete, select, update

from core.lifecycle.states import DraftState, PublicationState, ShownState, shown_state
from core.runtime.bootstrap import Environment
from core.services.drafts import DraftFilter, count_drafts, query_drafts
from core.storage.models import Draft, DraftVersion, Publication
from tests.support.world import World

NOW = datetime(2026, 12, 2, 9, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("draft", "newest", "scheduled", "expected"),
    [
        (DraftState.APPROVED, None, None, ShownState.APPROVED),
        (DraftState.APPROVED, None, NOW + timedelta(days=1), ShownState.SCHEDULED),
        (DraftState.APPROVED, None, NOW - timedelta(hours=1), ShownState.APPROVED),
        (DraftState.APPROVED, PublicationState.PENDING, None, ShownState.SENDING),
        (
            DraftState.APPROVED,
            PublicationState.NEEDS_RECONCILIATION,
            NOW + timedelta(days=1),
            ShownState.NEEDS_CHECKING,
        ),
        (DraftState.APPROVED, PublicationState.FAILED, None, ShownState.FAILED),
        (DraftState.PUBLISHED, PublicationState.PUBLISHED, None, ShownState.PUBLISHED),
        (DraftState.PUBLISHED, PublicationState.DELETED, None, ShownState.DELETED),
        (DraftState.SUBMITTED, PublicationState.PUBLISHED, None, ShownState.PUBLISHED),
        (DraftState.SUBMITTED, None, None, ShownState.SUBMITTED),
        (DraftState.DRAFT, PublicationState.FAILED, None, ShownState.DRAFT),  # taken back after a failure
    ],
)
def test_the_shown_state(
    draft: DraftState, newest: PublicationState | None, scheduled: datetime | None, expected: ShownState
) -> None:
    assert shown_state(draft, newest, scheduled, NOW) is expected


def test_every_state_has_its_own_noun() -> None:
    labels = [s.label for s in ShownState]
    assert len(set(labels)) == len(labels)


def test_the_list_and_its_filter_agree_with_the_rule(env: Environment) -> None:
    world = World(env)
    draft_id = world.submitted(world.op1, "市民まつりのお知らせ")
    with env.store.read() as session:
        version_id = session.scalar(select(DraftVersion.id).where(DraftVersion.draft_id == draft_id))
    now = env.store.now()
    combos = itertools.product(
        DraftState, [*PublicationState, None], [None, now - timedelta(hours=1), now + timedelta(days=1)]
    )
    for draft, newest, scheduled in combos:
        with env.store.write() as session:
            session.execute(update(Draft).where(Draft.id == draft_id).values(state=draft.value, scheduled_at=scheduled))
            session.execute(delete(Publication))
            if newest is not None:
                session.add(
                    Publication(
                        version_id=version_id,
                        account_id=world.account,
                        idempotency_key="k-1",
                        content_hash="0" * 64,
                        state=newest.value,
                    )
                )
        expected = shown_state(draft, newest, scheduled, env.store.now())
        (row,) = [r for r in query_drafts(env.store, DraftFilter(shown=expected)) if r.id == draft_id]
        assert row.shown_state is expected, (draft, newest, scheduled)
        assert count_drafts(env.store, DraftFilter(shown=expected)) == 1, (draft, newest, scheduled)
        others = [s for s in ShownState if s is not expected]
        assert all(count_drafts(env.store, DraftFilter(shown=s)) == 0 for s in others)


def test_the_filter_reads_the_newest_attempt_of_the_newest_version(env: Environment) -> None:
    # The filter finds drafts by sets of attempts (shown_where); the row shows the CASE's lookup. Both must
    # pick the same attempt: the newest row of the newest version, older rows and versions saying nothing.
    world = World(env)
    draft_id = world.submitted(world.op1, "市民まつりのお知らせ")
    with env.store.read() as session:
        first = session.scalar(select(DraftVersion.id).where(DraftVersion.draft_id == draft_id))
    with env.store.write() as session:
        old = session.get_one(DraftVersion, first)
        columns = {c.key: getattr(old, c.key) for c in DraftVersion.__table__.columns if c.key != "id"}
        second = DraftVersion(**{**columns, "number": old.number + 1})
        session.add(second)
        session.flush()
        second_id = second.id

    def attempts(*rows: tuple[int, PublicationState]) -> None:
        with env.store.write() as session:
            session.execute(delete(Publication))
            for n, (version_id, state) in enumerate(rows):
                session.add(
                    Publication(
                        version_id=version_id,
                        account_id=world.account,
                        idempotency_key=f"k-{n}",
                        content_hash="0" * 64,
                        state=state.value,
                    )
                )

    def shown(draft: DraftState) -> set[ShownState]:
        with env.store.write() as session:
            session.execute(update(Draft).where(Draft.id == draft_id).values(state=draft.value, scheduled_at=None))
        found = {s for s in ShownState if count_drafts(env.store, DraftFilter(shown=s)) == 1}
        (row,) = [r for r in query_drafts(env.store) if r.id == draft_id]
        assert found == {row.shown_state}, draft
        return found

    attempts((second_id, PublicationState.DELETED), (second_id, PublicationState.PUBLISHED))
    assert shown(DraftState.PUBLISHED) == {ShownState.PUBLISHED}
    assert shown(DraftState.SUBMITTED) == {ShownState.PUBLISHED}
    attempts((second_id, PublicationState.PUBLISHED), (second_id, PublicationState.DELETED))
    assert shown(DraftState.PUBLISHED) == {ShownState.DELETED}
    assert shown(DraftState.SUBMITTED) == {ShownState.SUBMITTED}
    attempts((first, PublicationState.FAILED))  # the old version's attempt: the new one has none
    assert shown(DraftState.APPROVED) == {ShownState.APPROVED}
    attempts((first, PublicationState.PUBLISHED), (second_id, PublicationState.FAILED))
    assert shown(DraftState.APPROVED) == {ShownState.FAILED}
    assert shown(DraftState.PUBLISHED) == {ShownState.PUBLISHED}
