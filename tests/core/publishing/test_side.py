"""The publishing side of a draft as its panel shows it: read in one go (the panel reads nothing itself)."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from core.lifecycle.actions import ActionKind, available_actions, find
from core.lifecycle.states import DeletionState, PublicationState
from core.publishing.records import PublicationService
from core.publishing.side import read_publishing_side
from core.runtime.bootstrap import Environment
from core.storage.models import DraftVersion
from tests.support.publishing import PubWorld


@pytest.fixture
def world(env: Environment) -> PubWorld:
    return PubWorld(env)


def test_an_approved_draft_offers_publishing_and_has_no_publication_yet(world: PubWorld) -> None:
    draft_id = world.approved("mastodon")
    side = read_publishing_side(world.store, draft_id, world.uid)
    assert side.detail.id == draft_id
    assert side.current is None
    assert side.deletion is None
    action = find(available_actions(side.situation, world.op), ActionKind.PUBLISH_NOW)
    assert action is not None
    assert action.enabled  # this terminal holds the account's credential


def test_a_published_draft_shows_its_newest_publication_and_the_open_deletion_request(world: PubWorld) -> None:
    draft_id = world.approved("mastodon")
    with world.store.read() as session:
        version_id = session.scalar(select(func.max(DraftVersion.id)).where(DraftVersion.draft_id == draft_id))
    records = PublicationService(world.store, world.op)
    publication_id = records.record_manual(version_id, "https://city.example/@koho/5")
    side = read_publishing_side(world.store, draft_id, world.uid)
    assert side.current is not None
    assert side.current.id == publication_id
    assert side.current.state is PublicationState.PUBLISHED
    assert side.deletion is None
    request_id = records.request_deletion(publication_id, "日付の誤り")
    side = read_publishing_side(world.store, draft_id, world.uid)
    assert side.deletion is not None
    assert side.deletion.id == request_id
    assert side.deletion.state is DeletionState.REQUESTED
    carry_out = find(available_actions(side.situation, world.op), ActionKind.CARRY_OUT_DELETION)
    assert carry_out is None or not carry_out.enabled  # a supervisor decides first
