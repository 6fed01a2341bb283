"""What the composer window opens on, read in one go off the UI thread (the window reads nothing as it opens)."""

from __future__ import annotations

import pytest

from core.errors import NotFound
from core.lifecycle.actions import ActionKind, available_actions, find
from core.runtime.bootstrap import Environment
from core.services.composer_view import read_composer
from core.services.drafts import DraftService, load_blob
from tests.support.publishing import PubWorld


@pytest.fixture
def world(env: Environment) -> PubWorld:
    return PubWorld(env)


def test_a_draft_is_read_with_its_situation_the_checks_inputs_and_its_images(world: PubWorld) -> None:
    draft_id = DraftService(world.store, world.op).create(world.ids["x"], "図書館は休館します。")
    view = read_composer(world.store, draft_id)
    assert view.detail.id == draft_id
    assert view.images == {}
    edit = find(available_actions(view.situation, world.op), ActionKind.EDIT)
    assert edit is not None
    assert edit.enabled
    assert view.profile.name  # the organization's, for the checks
    approved = read_composer(world.store, world.approved("x", image=True))
    (item,) = approved.detail.media
    assert approved.images == {item.sha256: load_blob(world.store, item.sha256)}
    assert find(available_actions(approved.situation, world.op), ActionKind.EDIT) is None


def test_an_unknown_draft_is_refused(world: PubWorld) -> None:
    with pytest.raises(NotFound):
        read_composer(world.store, 999_999)
