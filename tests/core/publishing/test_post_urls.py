"""A manual record (or a person's 要確認 answer) names a post on the account's own platform, over https."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from core.errors import InvalidInput
from core.lifecycle.states import DraftState, PublicationState
from core.publishing.post_urls import is_post_url
from core.publishing.records import PublicationService, publications_for_draft
from core.runtime.bootstrap import Environment
from core.storage.models import AuditEntry, DraftVersion
from tests.support.platform_fakes import FakeX, Fault
from tests.support.publishing import PubWorld


@pytest.fixture
def world(env: Environment) -> PubWorld:
    return PubWorld(env)


@pytest.mark.parametrize(
    ("platform", "account_url", "url", "ok"),
    [
        ("x", None, "https://x.com/city_koho/status/1", True),
        ("x", None, "https://mobile.twitter.com/city_koho/status/1", True),
        ("x", None, "http://x.com/city_koho/status/1", False),
        ("x", None, "file:///C:/Windows/System32/calc.exe", False),
        ("x", None, "javascript:alert(1)", False),
        ("x", None, "https://x.com.evil.example/status/1", False),
        ("x", None, "https://evilx.com/status/1", False),
        ("x", None, "https://user:pw@x.com/status/1", False),
        ("x", None, "https://x.com:8443/status/1", False),
        ("x", None, "https://x.com/a b", False),
        ("x", None, "https://bsky.app/profile/a/post/1", False),
        ("mastodon", "https://city.example/@koho", "https://city.example/@koho/100", True),
        ("mastodon", "https://city.example/@koho", "https://mastodon.social/@koho/100", False),
        ("mastodon", None, "https://city.example/@koho/100", False),
        ("facebook", None, "https://www.facebook.com/city.koho/posts/1", True),
        ("instagram", None, "https://www.instagram.com/p/abc/", True),
        ("line", None, "https://linevoom.line.me/post/1", True),
    ],
)
def test_only_https_on_the_platforms_own_hosts_is_a_post_address(
    platform: str, account_url: str | None, url: str, ok: bool
) -> None:
    assert is_post_url(platform, account_url, url) is ok


def _version(world: PubWorld, draft_id: int) -> int:
    with world.store.read() as session:
        return session.scalars(select(DraftVersion.id).where(DraftVersion.draft_id == draft_id)).one()


@pytest.mark.parametrize(
    "url", ['<a href="file:///calc.exe">x</a>', "file:///calc.exe", "http://x.com/city_koho/status/1", ""]
)
def test_recording_a_manual_post_refuses_anything_else_before_anything_is_signed(world: PubWorld, url: str) -> None:
    draft_id = world.approved("x")
    records = PublicationService(world.store, world.op)
    with pytest.raises(InvalidInput, match=r"address of the post|not the address of a post on X"):
        records.record_manual(_version(world, draft_id), url, vault=world.vault)
    assert publications_for_draft(world.store, draft_id) == []
    with world.store.read() as session:
        events = list(session.scalars(select(AuditEntry.event)))
    assert "posting.authorized" not in events
    assert "publication.recorded" not in events
    records.record_manual(_version(world, draft_id), " https://x.com/city_koho/status/1 ", vault=world.vault)
    (row,) = publications_for_draft(world.store, draft_id)
    assert row.url == "https://x.com/city_koho/status/1"


def test_a_line_broadcast_may_be_recorded_without_an_address(world: PubWorld) -> None:
    draft_id = world.approved("line", "本日の給水所のお知らせ")
    PublicationService(world.store, world.op).record_manual(_version(world, draft_id), "", vault=world.vault)
    (row,) = publications_for_draft(world.store, draft_id)
    assert row.url is None
    assert row.state is PublicationState.PUBLISHED


def test_a_person_settling_needs_checking_names_a_post_on_the_platform(world: PubWorld, httpserver: object) -> None:
    from pytest_httpserver import HTTPServer

    from core.publishing.outbox import NeedsChecking
    from core.services.drafts import load_draft_detail

    assert isinstance(httpserver, HTTPServer)
    fake = FakeX(httpserver)
    fake.fail("/2/tweets", Fault(drop_before=True))
    draft_id = world.approved("x")
    with pytest.raises(NeedsChecking):
        world.outbox({"x": fake.base_url}).publish(draft_id)
    (row,) = publications_for_draft(world.store, draft_id)
    records = PublicationService(world.store, world.op)
    with pytest.raises(InvalidInput):
        records.resolve(row.id, url="file:///calc.exe")
    assert publications_for_draft(world.store, draft_id)[0].state is PublicationState.NEEDS_RECONCILIATION
    records.resolve(row.id, url="https://x.com/city_koho/status/5")
    assert publications_for_draft(world.store, draft_id)[0].url == "https://x.com/city_koho/status/5"
    assert load_draft_detail(world.store, draft_id).state is DraftState.PUBLISHED
