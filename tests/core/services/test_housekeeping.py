"""Housekeeping: discard a never-submitted draft, correct a name, search by title, text and account."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from core.demo.support import make_ready
from core.errors import Conflict
from core.lifecycle.actions import ActionKind, available_actions, find
from core.lifecycle.states import DraftState, ReviewDecision, ShownState
from core.runtime.bootstrap import Environment
from core.services.drafts import DraftFilter, DraftService, count_drafts, load_draft_detail, query_drafts
from core.services.reviews import ReviewService
from core.services.situations import load_situation
from core.services.staff import StaffService
from core.signoff.keys import DemoSigner
from core.signoff.review_data import load_review_data
from core.storage.models import AuditEntry
from tests.support.world import World


def _entries(world: World, event: str) -> list[dict[str, object]]:
    with world.store.read() as session:
        return [json.loads(e.payload) for e in session.scalars(select(AuditEntry).where(AuditEntry.event == event))]


def test_a_never_submitted_draft_is_discarded_and_kept_in_the_record(env: Environment) -> None:
    world = World(env)
    drafts = DraftService(world.store, world.op1)
    draft_id = drafts.create(world.account, "まちがえて作った下書き", title="試し")
    assert find(available_actions(load_situation(world.store, draft_id), world.op1), ActionKind.DISCARD)
    drafts.discard(draft_id, load_draft_detail(world.store, draft_id).row_version)
    assert load_draft_detail(world.store, draft_id).state is DraftState.DISCARDED
    (entry,) = _entries(world, "draft.discarded")
    assert entry["text"] == "まちがえて作った下書き"
    assert entry["title"] == "試し"
    assert draft_id not in [r.id for r in query_drafts(world.store)]  # gone from the list …
    assert count_drafts(world.store, DraftFilter(shown=ShownState.DISCARDED)) == 1  # … unless asked for


def test_a_draft_that_was_submitted_once_is_never_discarded(env: Environment) -> None:
    world = World(env)
    drafts = DraftService(world.store, world.op1)
    draft_id = drafts.create(world.account, "休館のお知らせ", title="休館")
    drafts.submit(draft_id, make_ready(drafts, draft_id))
    row = drafts.reopen(draft_id, load_draft_detail(world.store, draft_id).row_version, "日付を直す")
    assert find(available_actions(load_situation(world.store, draft_id), world.op1), ActionKind.DISCARD) is None
    with pytest.raises(Conflict):
        drafts.discard(draft_id, row)
    assert _entries(world, "draft.discarded") == []


def test_a_corrected_name_is_recorded_and_earlier_records_keep_the_old_one(env: Environment) -> None:
    world = World(env)
    drafts = DraftService(world.store, world.op1)
    draft_id = drafts.create(world.account, "図書館は休館します。", title="休館")
    version = drafts.submit(draft_id, make_ready(drafts, draft_id))
    ReviewService(world.store, world.sup).decide(version, ReviewDecision.APPROVED, signer=DemoSigner(world.sup.login))
    staff = StaffService(world.store, world.admin)
    assert staff.rename(world.sup.staff_id, "髙橋 美咲")
    assert not staff.rename(world.sup.staff_id, "髙橋 美咲")  # unchanged: nothing recorded
    assert _entries(world, "staff.renamed") == [
        {"staff_id": world.sup.staff_id, "from": "高橋 美咲", "to": "髙橋 美咲"}
    ]
    decision = load_review_data(world.store, version).decision
    assert decision is not None
    assert decision.reviewer == "高橋 美咲"  # the name the approval was made with
    second = drafts.create(world.account, "再開のお知らせ", title="再開")
    later = drafts.submit(second, make_ready(drafts, second))
    ReviewService(world.store, world.sup).decide(later, ReviewDecision.APPROVED, signer=DemoSigner(world.sup.login))
    decided = load_review_data(world.store, later).decision
    assert decided is not None
    assert decided.reviewer == "髙橋 美咲"


def test_search_finds_titles_texts_and_accounts(env: Environment) -> None:
    world = World(env)
    drafts = DraftService(world.store, world.op1)
    by_title = drafts.create(world.account, "本文", title="市民まつり")
    by_text = drafts.create(world.account, "市民まつりは11月3日です。", title="お知らせ")
    found = {r.id for r in query_drafts(world.store, DraftFilter(text="市民まつり"))}
    assert found == {by_title, by_text}
    assert {r.id for r in query_drafts(world.store, DraftFilter(text="josokoiki"))} == {by_title, by_text}
