"""What the review dialog shows, read in one go off the UI thread (the dialog reads nothing itself)."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from core.errors import NotFound
from core.lifecycle.actions import ActionKind, available_actions, find
from core.runtime.bootstrap import Environment
from core.services.drafts import load_blob
from core.services.review_view import read_review
from core.storage.models import DraftVersion
from tests.support.publishing import PubWorld


@pytest.fixture
def world(env: Environment) -> PubWorld:
    return PubWorld(env)


def test_a_submitted_version_is_read_with_its_images_and_what_the_reader_may_do(world: PubWorld) -> None:
    approved = world.approved("x", image=True)  # its image is stored; a later draft reuses nothing of it
    draft_id = world.submitted("mastodon", "図書館は12月1日から休館します。")
    with world.store.read() as session:
        version_id = session.scalar(select(func.max(DraftVersion.id)).where(DraftVersion.draft_id == draft_id))
        approved_version = session.scalar(select(func.max(DraftVersion.id)).where(DraftVersion.draft_id == approved))
    assert version_id is not None
    assert approved_version is not None

    view = read_review(world.store, version_id)
    assert view.data.draft_id == draft_id
    assert view.data.text == "図書館は12月1日から休館します。"
    assert view.images == {}
    assert view.origin is None
    assert view.group is None
    # Read for its author, the decision is offered but refused, with the reason the service would give.
    mine = read_review(world.store, version_id, reader_id=world.op.staff_id)
    refused = find(available_actions(mine.situation, world.op), ActionKind.APPROVE)
    assert refused is not None
    assert not refused.enabled
    assert "you wrote" in refused.reason
    view = read_review(world.store, version_id, reader_id=world.sup.staff_id)
    approve = find(available_actions(view.situation, world.sup), ActionKind.APPROVE)
    assert approve is not None
    assert approve.enabled

    decided = read_review(world.store, approved_version)
    (item,) = decided.data.media
    assert decided.images == {item.sha256: load_blob(world.store, item.sha256)}
    assert decided.data.decision is not None


def test_an_unknown_version_is_refused(world: PubWorld) -> None:
    with pytest.raises(NotFound):
        read_review(world.store, 999_999)
