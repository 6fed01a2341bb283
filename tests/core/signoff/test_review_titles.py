"""Review shows what will be published: the title is required, kept with each version and in the diff."""

from __future__ import annotations

import pytest

from core.demo.support import make_ready
from core.errors import InvalidInput
from core.lifecycle.states import ReviewDecision
from core.runtime.bootstrap import Environment
from core.services.drafts import DraftService, load_draft_detail
from core.services.reviews import ReviewService
from core.signoff.keys import DemoSigner
from core.signoff.review_data import load_review_data
from tests.support.world import World


def test_a_draft_without_a_title_is_not_submitted(env: Environment) -> None:
    world = World(env)
    drafts = DraftService(world.store, world.op1)
    draft_id = drafts.create(world.account, "図書館は12月1日から休館します。")
    ready = make_ready(drafts, draft_id)
    detail = load_draft_detail(world.store, draft_id)
    drafts.save(draft_id, ready, text=detail.text, title="   ")
    with pytest.raises(InvalidInput, match="title"):
        drafts.submit(draft_id, ready + 1)


def test_the_title_is_kept_with_the_version_and_shown_in_the_changes(env: Environment) -> None:
    world = World(env)
    drafts = DraftService(world.store, world.op1)
    draft_id = drafts.create(world.account, "図書館は12月1日から休館します。", title="図書館休館")
    first = drafts.submit(draft_id, make_ready(drafts, draft_id))
    data = load_review_data(world.store, first)
    assert data.title == "図書館休館"
    assert data.category == "Regular post"
    ReviewService(world.store, world.sup).decide(
        first, ReviewDecision.RETURNED, comment="期間を書いてください。", signer=DemoSigner(world.sup.login)
    )
    detail = load_draft_detail(world.store, draft_id)
    row = drafts.save(draft_id, detail.row_version, text=detail.text, title="図書館休館(12/1〜15)")
    second = drafts.submit(draft_id, row)
    changed = load_review_data(world.store, second)
    assert changed.title == "図書館休館(12/1〜15)"
    assert [(c.what, c.before, c.after) for c in changed.changes if c.what == "Title"] == [
        ("Title", "図書館休館", "図書館休館(12/1〜15)")
    ]
    # The first version still shows the title it was submitted with.
    assert load_review_data(world.store, first).title == "図書館休館"
