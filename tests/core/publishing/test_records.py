"""Publication records: the guarded updates that record a sent post, and their full path when the row moved."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select, update

from core.errors import Conflict
from core.lifecycle.states import DraftState, PublicationState
from core.runtime.bootstrap import Environment
from core.storage.models import AuditEntry, Draft, Publication
from tests.support.publishing import PubWorld


@pytest.fixture
def world(env: Environment) -> PubWorld:
    return PubWorld(env)


def _published_entry(world: PubWorld) -> dict[str, object]:
    with world.store.read() as session:
        entry = session.scalars(select(AuditEntry).where(AuditEntry.event == "publication.published")).one()
        return dict(json.loads(entry.payload))


def test_a_sent_post_is_recorded_with_the_claims_figures(world: PubWorld) -> None:
    draft_id = world.approved("mastodon")
    records = world.outbox({}).records
    row = records.open_attempt(draft_id)
    attempts = records.mark_attempt(row.publication_id)
    before, after = records.mark_sent(row, attempts, "100", "https://city.example/@koho/100", now=world.store.now())
    assert after == before + 1
    with world.store.read() as session:
        publication = session.get(Publication, row.publication_id)
        draft = session.get(Draft, draft_id)
        assert publication is not None
        assert draft is not None
        assert (publication.state, publication.platform_post_id) == (PublicationState.PUBLISHED.value, "100")
        assert draft.state == DraftState.PUBLISHED.value
        assert session.scalar(select(AuditEntry.seq).order_by(AuditEntry.seq.desc()).limit(1)) == after
    assert _published_entry(world)["attempts"] == 1


def test_a_row_that_moved_since_the_claim_takes_the_full_path(world: PubWorld) -> None:
    """The guarded update matches nothing (here: another attempt was counted); the record says what the row says."""
    draft_id = world.approved("mastodon")
    records = world.outbox({}).records
    row = records.open_attempt(draft_id)
    records.mark_attempt(row.publication_id)
    records.mark_attempt(row.publication_id)
    records.mark_sent(row, 1, "100", None, now=world.store.now())
    assert _published_entry(world)["attempts"] == 2
    with world.store.read() as session:
        assert session.scalar(select(Draft.state).where(Draft.id == draft_id)) == DraftState.PUBLISHED.value


def test_a_draft_that_cannot_become_published_refuses_and_records_nothing(world: PubWorld) -> None:
    """A draft taken back meanwhile: the guarded update of the draft matches nothing, move() refuses as it did."""
    draft_id = world.approved("mastodon")
    records = world.outbox({}).records
    row = records.open_attempt(draft_id)
    attempts = records.mark_attempt(row.publication_id)
    with world.store.write() as session:
        session.execute(update(Draft).where(Draft.id == draft_id).values(state=DraftState.DRAFT.value))
    with pytest.raises(Conflict):
        records.mark_sent(row, attempts, "100", None, now=world.store.now())
    with world.store.read() as session:
        assert session.scalar(select(Publication.state)) == PublicationState.PENDING.value
        assert session.scalars(select(AuditEntry).where(AuditEntry.event == "publication.published")).all() == []
