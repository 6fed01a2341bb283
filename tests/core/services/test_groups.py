"""一括作成: one message for three accounts, submitted together, approved together (three signatures) or one returned
alone."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from core.demo.support import make_ready
from core.errors import Conflict, InvalidInput, PermissionDenied
from core.lifecycle.states import DraftState, ReviewDecision
from core.services.audit_log import summarize
from core.services.drafts import DraftService, load_draft_detail
from core.services.groups import GroupService, group_info
from core.services.reviews import ReviewService, pending_reviews
from core.signoff.approval import verify_approval
from core.signoff.keys import DemoSigner
from core.storage.models import AuditEntry, DraftVersion, Review
from tests.support.groups import three_accounts
from tests.support.world import World

TEXT = "市民まつりは11月3日に中央公園で開催します。"


def submitted_group(world: World) -> tuple[int, tuple[int, ...]]:
    accounts = three_accounts(world)
    created = GroupService(world.store, world.op1).create(accounts, TEXT, title="市民まつり")
    drafts = DraftService(world.store, world.op1)
    rows = {}
    for index, draft_id in enumerate(created.draft_ids):
        detail = load_draft_detail(world.store, draft_id)
        # Each variant is edited on its own (LINE gets a friendlier wording).
        text = detail.text + ("ぜひお越しください。" if index == 1 else "")
        rows[draft_id] = drafts.save(draft_id, detail.row_version, text=text)
        rows[draft_id] = make_ready(drafts, draft_id)
    GroupService(world.store, world.op1).submit(created.group_id, rows)
    return created.group_id, created.draft_ids


def events(world: World, name: str) -> list[dict[str, object]]:
    with world.store.read() as session:
        rows = session.scalars(select(AuditEntry.payload).where(AuditEntry.event == name).order_by(AuditEntry.seq))
        return [json.loads(p) for p in rows]


def test_one_message_makes_one_draft_per_account(world: World) -> None:
    accounts = three_accounts(world)
    created = GroupService(world.store, world.op1).create([*accounts, accounts[0]], TEXT, title="市民まつり")
    assert len(created.draft_ids) == 3
    platforms = [load_draft_detail(world.store, d).platform for d in created.draft_ids]
    assert platforms == ["x", "line", "facebook"]
    assert [e["group_id"] for e in events(world, "draft.created")] == [created.group_id] * 3
    assert events(world, "group.created")[0]["draft_ids"] == list(created.draft_ids)
    with pytest.raises(InvalidInput, match="at least two"):
        GroupService(world.store, world.op1).create([world.account], TEXT, title="t")


def test_a_group_of_three_approved_together_has_three_signatures_each_bound_to_its_content(world: World) -> None:
    group_id, draft_ids = submitted_group(world)
    queue = pending_reviews(world.store, reviewer_id=world.sup.staff_id)
    assert {item.group_id for item in queue} == {group_id}
    assert len(queue) == 3
    assert events(world, "group.submitted")[0]["draft_ids"] == list(draft_ids)
    assert len(events(world, "draft.submitted")) == 3  # each draft keeps its own entry

    review_ids = GroupService(world.store, world.sup).approve(group_id, signer=DemoSigner(world.sup.login))
    assert len(review_ids) == 3
    with world.store.read() as session:
        reviews = [session.get(Review, r) for r in review_ids]
        versions = [session.get(DraftVersion, r.version_id) for r in reviews if r is not None]
        assert [v.draft_id for v in versions if v is not None] == list(draft_ids)
        # Three different contents, three different signatures, each over its own version's hash.
        assert len({v.content_hash for v in versions if v is not None}) == 3
        assert len({r.signature for r in reviews if r is not None}) == 3
        for review, version in zip(reviews, versions, strict=True):
            assert review is not None
            assert version is not None
            assert review.content_hash == version.content_hash
        # What publishing checks before anything is sent: each approval holds for its own draft.
        for draft_id in draft_ids:
            assert verify_approval(session, draft_id).ok
    assert [len(events(world, "review.approved"))] == [3]
    approved = events(world, "group.approved")[0]
    assert summarize("group.approved", approved).endswith(", ".join(str(d) for d in draft_ids))
    assert approved["review_ids"] == review_ids
    assert len(approved["content_hashes"]) == 3
    assert pending_reviews(world.store, reviewer_id=world.sup.staff_id) == []
    assert [m.state for m in group_info(world.store, group_id).members] == [DraftState.APPROVED] * 3  # type: ignore[union-attr]


def test_one_returned_alone_the_others_stay_pending_then_approved(world: World) -> None:
    group_id, draft_ids = submitted_group(world)
    queue = {item.draft_id: item for item in pending_reviews(world.store, reviewer_id=world.sup.staff_id)}
    signer = DemoSigner(world.sup.login)
    ReviewService(world.store, world.sup).decide(
        queue[draft_ids[1]].version_id, ReviewDecision.RETURNED, "LINE は日時を先頭に。", signer=signer
    )
    states = [m.state for m in group_info(world.store, group_id).members]  # type: ignore[union-attr]
    assert states == [DraftState.SUBMITTED, DraftState.RETURNED, DraftState.SUBMITTED]
    assert {i.draft_id for i in pending_reviews(world.store, reviewer_id=world.sup.staff_id)} == {
        draft_ids[0],
        draft_ids[2],
    }
    # Approving the group approves the two still waiting; the returned one is left to its operator.
    reviews = GroupService(world.store, world.sup).approve(group_id, signer=signer)
    assert len(reviews) == 2
    states = [m.state for m in group_info(world.store, group_id).members]  # type: ignore[union-attr]
    assert states == [DraftState.APPROVED, DraftState.RETURNED, DraftState.APPROVED]
    with pytest.raises(Conflict, match="No draft of this group"):
        GroupService(world.store, world.sup).approve(group_id, signer=signer)


def test_submitting_a_group_is_all_or_nothing(world: World) -> None:
    accounts = three_accounts(world)
    created = GroupService(world.store, world.op1).create(accounts, TEXT, title="市民まつり")
    drafts = DraftService(world.store, world.op1)
    rows = {d: make_ready(drafts, d) for d in created.draft_ids[:2]}
    last = created.draft_ids[2]
    rows[last] = load_draft_detail(world.store, last).row_version  # its confirmations are not ticked
    with pytest.raises(InvalidInput, match=r"mihon\.koho: The draft cannot be submitted yet"):
        GroupService(world.store, world.op1).submit(created.group_id, rows)
    assert [m.state for m in group_info(world.store, created.group_id).members] == [DraftState.DRAFT] * 3  # type: ignore[union-attr]
    assert events(world, "group.submitted") == []
    assert events(world, "draft.submitted") == []


def test_an_author_may_not_approve_their_own_group(world: World) -> None:
    accounts = three_accounts(world)
    created = GroupService(world.store, world.both).create(accounts, TEXT, title="市民まつり")
    drafts = DraftService(world.store, world.both)
    rows = {d: make_ready(drafts, d) for d in created.draft_ids}
    GroupService(world.store, world.both).submit(created.group_id, rows)
    with pytest.raises(PermissionDenied):
        GroupService(world.store, world.both).approve(created.group_id, signer=DemoSigner(world.both.login))
    assert events(world, "review.approved") == []
