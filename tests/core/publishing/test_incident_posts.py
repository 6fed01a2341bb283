"""After a hijack: the account's recent posts against KohoGate's publications, on loopback fakes.

The fakes are the ones the adapters are tested against (tests/support/platform_fakes.py):
KohoGate publishes through them, then a post is placed on the account behind its back.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest
from pytest_httpserver import HTTPServer

from core.errors import Conflict, InvalidInput
from core.incidents.compare import OurPost, compare_posts
from core.incidents.model import IncidentKind, StepKind
from core.platforms.base import RecentPost
from core.publishing.incident_posts import PostComparison
from core.runtime.bootstrap import Environment
from core.services.incidents import IncidentService, load_incident, read_evidence
from core.services.terminals import TerminalService
from tests.support.platform_fakes import FakeBluesky, FakeMastodon
from tests.support.publishing import PubWorld


@pytest.fixture
def pub(sqlite_env: Environment) -> PubWorld:
    return PubWorld(sqlite_env)


def hijack(pub: PubWorld, platform: str) -> int:
    desk = IncidentService(pub.store, pub.op)
    incident = desk.report(IncidentKind.HIJACK, "乗っ取り", account_ids=[pub.ids[platform]])
    desk.lock_account(pub.ids[platform], "身に覚えのない投稿", incident_id=incident)
    return incident


def test_posts_kohogate_did_not_make_become_evidence_on_mastodon(pub: PubWorld, httpserver: HTTPServer) -> None:
    fake = FakeMastodon(httpserver)
    urls = {"mastodon": fake.base_url}
    pub.outbox(urls).publish(pub.approved("mastodon", "市民まつりは11月3日です。"))
    # The hijacker's post: our text's opening, another link.
    fake.posts.append(
        {
            "id": "666",
            "url": "https://city.example/@koho/666",
            "content": "<p>市民まつりは11月3日です。当選者は https://evil.example で受け取り</p>",
            "created_at": "2026-11-01T01:00:00.000Z",
        }
    )
    incident = hijack(pub, "mastodon")
    comparison = PostComparison(pub.store, pub.op, vault=pub.vault, base_url=urls)
    report = comparison.compare(incident, pub.ids["mastodon"])
    assert report.comparison.read == 2
    assert [p.post_id for p in report.comparison.unmatched] == ["666"]
    assert report.kept == 1
    detail = load_incident(pub.store, incident)
    (evidence,) = detail.evidence
    assert evidence.url == "https://city.example/@koho/666"
    kept = json.loads(read_evidence(pub.store, evidence.id))  # hash checked on read
    assert "evil.example" in kept["text"]
    assert kept["post_id"] == "666"
    step = detail.steps[-1]
    assert (step.kind, step.reference) == (StepKind.POSTS_COMPARED, "1/2")
    assert StepKind.POSTS_COMPARED not in detail.next_steps
    # Again: the same post is not kept twice, the comparison is one more step.
    assert comparison.compare(incident, pub.ids["mastodon"]).kept == 0
    assert len(load_incident(pub.store, incident).evidence) == 1


def test_posts_kohogate_did_not_make_become_evidence_on_bluesky(pub: PubWorld, httpserver: HTTPServer) -> None:
    fake = FakeBluesky(httpserver)
    urls = {"bluesky": fake.base_url}
    pub.outbox(urls).publish(pub.approved("bluesky", "図書館は月曜休館です。"))
    uri = f"at://{FakeBluesky.DID}/app.bsky.feed.post/3kforeign"
    fake.posts.append(
        {
            "rkey": "3kforeign",
            "uri": uri,
            "record": {"$type": "app.bsky.feed.post", "text": "無料で給付金", "createdAt": "2026-11-01T00:00:00Z"},
        }
    )
    incident = hijack(pub, "bluesky")
    report = PostComparison(pub.store, pub.op, vault=pub.vault, base_url=urls).compare(incident, pub.ids["bluesky"])
    assert [p.post_id for p in report.comparison.unmatched] == [uri]
    assert len(report.comparison.matched) == 1


def test_an_account_whose_posts_cannot_be_read_or_a_terminal_not_approved_is_refused(pub: PubWorld) -> None:
    incident = hijack(pub, "line")
    with pytest.raises(InvalidInput):
        PostComparison(pub.store, pub.op, vault=pub.vault).compare(incident, pub.ids["line"])
    with pytest.raises(InvalidInput):  # not an account of this incident
        PostComparison(pub.store, pub.op, vault=pub.vault).compare(incident, pub.ids["x"])
    other = hijack(pub, "x")
    TerminalService(pub.store, pub.admin).revoke(pub.terminal_id, "紛失")
    with pytest.raises(Conflict):
        PostComparison(pub.store, pub.op, vault=pub.vault).compare(other, pub.ids["x"])


def test_matching_by_id_then_url_then_text_within_the_window() -> None:
    at = datetime(2026, 11, 1, 9, tzinfo=UTC)
    ours = [
        OurPost(1, "100", "", "お知らせ一", at),
        OurPost(2, "", "https://www.facebook.com/city/posts/7/", "お知らせ二", at),
        OurPost(3, "", "", "お知らせ三 https://city.example", at),  # recorded by hand without URL
        OurPost(4, "", "", "お知らせ四", at),
    ]
    recent = [
        RecentPost("100", None, "書き換えられた本文", at),  # the id decides
        RecentPost("7", "https://facebook.com/city/posts/7?ref=share", "お知らせ二", at),
        RecentPost("8", None, "お知らせ三 https://t.co/xyz", at + timedelta(hours=1)),  # same text, link rewritten
        RecentPost("9", None, "お知らせ四", at + timedelta(days=3)),  # same text, far outside the window
        RecentPost("10", None, "お知らせ一", at),  # a copy of a post that names its id: not ours
    ]
    result = compare_posts(recent, ours)
    assert {(p.post_id, o.publication_id) for p, o in result.matched} == {("100", 1), ("7", 2), ("8", 3)}
    assert [p.post_id for p in result.unmatched] == ["9", "10"]
