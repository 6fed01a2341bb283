"""Warning posts from an incident: prefilled drafts within each platform's limit, gated like any post."""

from __future__ import annotations

import pytest
from pytest_httpserver import HTTPServer

from core.errors import InvalidInput, PermissionDenied
from core.incidents.model import IncidentKind, StepKind
from core.incidents.warnings import fits, warning_post
from core.lifecycle.states import DraftState, ReviewDecision
from core.platforms.facts import Platform
from core.publishing.preflight import PublishRefused
from core.runtime.bootstrap import Environment
from core.services.drafts import DraftService, load_draft_detail
from core.services.incidents import IncidentService, load_incident
from core.services.reviews import ReviewService
from core.signoff.keys import DemoSigner
from tests.support.platform_fakes import FakeMastodon
from tests.support.publishing import PubWorld


@pytest.mark.parametrize("platform", list(Platform))
@pytest.mark.parametrize("kind", [IncidentKind.IMPERSONATION, IncidentKind.HIJACK])
def test_the_text_fits_every_platform_even_with_long_names(platform: Platform, kind: IncidentKind) -> None:
    handles = ["@" + "josokoiki_koho_official_" * 2, "@sample_city_koho_official"]
    post = warning_post(
        kind, platform, "見本県見本郡見本市役所市長公室広報広聴課", handles, "https://www.city.example/n/1"
    )
    assert post is not None
    assert fits(post.text, platform)
    short = warning_post(kind, platform, "見本市", ["@clty_koho"], "https://www.city.example/n/1")
    assert short is not None
    assert "@clty_koho" in short.text
    assert "https://www.city.example/n/1" in short.text


def test_without_a_notice_no_variant_promises_a_link() -> None:
    post = warning_post(IncidentKind.IMPERSONATION, Platform.X, "見本市", ["@clty_koho"])
    assert post is not None
    assert "{notice_url}" not in post.text
    assert "詳しくは" not in post.text
    assert warning_post(IncidentKind.THREAT, Platform.X, "見本市", []) is None


@pytest.fixture
def pub(sqlite_env: Environment) -> PubWorld:
    return PubWorld(sqlite_env)


def test_warning_drafts_are_linked_and_go_through_sign_off_like_any_post(pub: PubWorld, httpserver: HTTPServer) -> None:
    fake = FakeMastodon(httpserver)
    desk = IncidentService(pub.store, pub.op)
    incident = desk.report(IncidentKind.IMPERSONATION, "偽アカウント", account_ids=[pub.ids["mastodon"]])
    desk.add_suspect(incident, "mastodon", "@koho@evil.example", url="https://evil.example/@koho")
    desk.add_step(incident, StepKind.NOTICE_PUBLISHED, reference="https://www.city.example/n/1")
    draft_ids = desk.draft_warnings(incident, [pub.ids["mastodon"], pub.ids["x"]])
    assert len(draft_ids) == 2
    assert load_incident(pub.store, incident).warning_drafts == tuple(sorted(draft_ids))
    mastodon_draft = draft_ids[0]
    detail = load_draft_detail(pub.store, mastodon_draft)
    assert detail.state is DraftState.DRAFT
    assert "@koho@evil.example" in detail.text
    assert "https://www.city.example/n/1" in detail.text

    # Not approved: the outbox refuses it, nothing reaches the platform.
    with pytest.raises(PublishRefused):
        pub.outbox({"mastodon": fake.base_url}).publish(mastodon_draft)
    assert fake.posts == []
    # The normal path: the composer's checks and confirmations, submission, a supervisor's signed approval.
    drafts = DraftService(pub.store, pub.op)
    from core.demo.support import make_ready

    version = drafts.submit(mastodon_draft, make_ready(drafts, mastodon_draft))
    with pytest.raises(PublishRefused):
        pub.outbox({"mastodon": fake.base_url}).publish(mastodon_draft)  # submitted is not approved
    with pytest.raises(PermissionDenied):
        ReviewService(pub.store, pub.op).decide(version, ReviewDecision.APPROVED, signer=DemoSigner(pub.op.login))
    ReviewService(pub.store, pub.sup).decide(version, ReviewDecision.APPROVED, signer=DemoSigner(pub.sup.login))
    outcome = pub.outbox({"mastodon": fake.base_url}).publish(mastodon_draft)
    assert outcome.url is not None
    assert "evil.example" in fake.posts[0]["content"]


def test_warning_drafts_need_an_operator_and_an_account(pub: PubWorld) -> None:
    desk = IncidentService(pub.store, pub.op)
    incident = desk.report(IncidentKind.HIJACK, "乗っ取り", account_ids=[pub.ids["x"]])
    with pytest.raises(InvalidInput):
        desk.draft_warnings(incident, [])
    with pytest.raises(PermissionDenied):
        IncidentService(pub.store, pub.sup).draft_warnings(incident, [pub.ids["mastodon"]])
    (draft_id,) = desk.draft_warnings(incident, [pub.ids["mastodon"]])
    assert "@city_koho" in load_draft_detail(pub.store, draft_id).text  # the hijacked account is named
    threat = desk.report(IncidentKind.THREAT, "脅迫")
    with pytest.raises(InvalidInput):
        desk.draft_warnings(threat, [pub.ids["x"]])
