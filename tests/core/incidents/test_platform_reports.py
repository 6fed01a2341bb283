"""The report to the platform: the form's address as data with its source, and the facts to paste."""

from __future__ import annotations

import tomllib
from urllib.parse import urlsplit

import pytest

from core.incidents.model import IncidentKind
from core.incidents.reports import report_places
from core.incidents.watch import Candidate, FoundAccount
from core.platforms.facts import Platform
from core.runtime.bootstrap import Environment
from core.runtime.resources import resource_path
from core.services.incidents import IncidentService, load_incident, platform_reports
from core.services.organization import load_profile
from tests.support.publishing import PubWorld


def test_every_platform_has_a_report_place_with_its_source() -> None:
    places = report_places()
    assert set(places) == {p.value for p in Platform}
    for place in places.values():
        for url in (place.impersonation_url, place.hijack_url, place.source):
            parts = urlsplit(url.replace("{server}", "https://server.example"))
            assert parts.scheme == "https", url
            assert parts.netloc, url
        assert place.how_ja
        assert place.how_en
    raw = tomllib.loads(resource_path("rules", "platform_reports.toml").read_text(encoding="utf-8"))
    assert len(raw["platform"]) == len(places)  # no platform listed twice


@pytest.fixture
def pub(sqlite_env: Environment) -> PubWorld:
    return PubWorld(sqlite_env)


def test_an_impersonation_report_names_both_accounts_the_evidence_and_the_contact(pub: PubWorld) -> None:
    desk = IncidentService(pub.store, pub.op)
    incident = desk.report(IncidentKind.IMPERSONATION, "偽アカウント", account_ids=[pub.ids["x"], pub.ids["mastodon"]])
    desk.add_suspect(incident, "x", "@clty_koho", display_name="見本市公式", url="https://x.com/clty_koho")
    desk.add_suspect(incident, "mastodon", "@koho@evil.example", url="https://evil.example/@koho")
    sha = desk.add_evidence(incident, label="プロフィール", url="https://x.com/clty_koho", text="当選者にDMします")
    reports = {r.platform: r for r in platform_reports(pub.store, incident, page_url="https://city.example/sns")}
    assert set(reports) == {"x", "mastodon"}
    x = reports["x"]
    assert x.form_url == "https://help.x.com/forms/impersonation"
    assert x.source.startswith("https://help.x.com/")
    assert "@city_koho" in x.field("official").text  # the official account on the same platform
    assert "@koho@city.example" not in x.field("official").text
    assert "https://city.example/sns" in x.field("official").text
    assert "@clty_koho" in x.field("suspect").text
    assert "https://x.com/clty_koho" in x.field("suspect").text
    assert sha in x.field("evidence").text
    profile = load_profile(pub.store)
    assert profile.name in x.field("contact").text
    assert "@clty_koho" in x.field("statement").text
    assert profile.name in x.field("statement").text
    assert "@koho@evil.example" not in x.full_text
    # Mastodon: the moderators of the server the impersonator lives on.
    assert reports["mastodon"].form_url == "https://evil.example/about"


def test_a_hijack_report_goes_to_the_hacked_account_page(pub: PubWorld) -> None:
    desk = IncidentService(pub.store, pub.op)
    incident = desk.report(IncidentKind.HIJACK, "乗っ取り", account_ids=[pub.ids["facebook"]])
    (report,) = platform_reports(pub.store, incident)
    assert report.form_url == "https://www.facebook.com/hacked"
    assert "city.koho" in report.field("official").text
    assert [f.key for f in report.fields] == ["statement", "official", "evidence", "contact"]


def test_a_threat_has_no_platform_report(pub: PubWorld) -> None:
    desk = IncidentService(pub.store, pub.op)
    incident = desk.report(IncidentKind.THREAT, "脅迫", account_ids=[pub.ids["x"]])
    assert platform_reports(pub.store, incident) == ()


def test_a_watch_candidate_becomes_an_incident_in_one_step(pub: PubWorld) -> None:
    found = FoundAccount("bluesky", "k0ho.bsky.social", "見本市公式", "https://bsky.app/profile/k0ho.bsky.social")
    candidate = Candidate(found, pub.ids["bluesky"], "koho.city.example", "koho", known=False)
    incident = IncidentService(pub.store, pub.op).report_impersonator(candidate)
    detail = load_incident(pub.store, incident)
    assert detail.summary.kind is IncidentKind.IMPERSONATION
    assert detail.account_ids == (pub.ids["bluesky"],)
    assert [(s.platform, s.handle, s.url) for s in detail.suspects] == [("bluesky", found.handle, found.url)]
    assert [e.url for e in detail.evidence] == [found.url]  # so the watch now reports it as known
    assert detail.officials[0].handle == "koho.city.example"


def test_a_suspect_needs_a_known_platform_and_a_web_url(pub: PubWorld) -> None:
    from core.errors import InvalidInput

    desk = IncidentService(pub.store, pub.op)
    incident = desk.report(IncidentKind.IMPERSONATION, "偽")
    with pytest.raises(InvalidInput):
        desk.add_suspect(incident, "myspace", "@fake")
    with pytest.raises(InvalidInput):
        desk.add_suspect(incident, "x", "@fake", url="javascript:alert(1)")
    with pytest.raises(InvalidInput):
        desk.add_suspect(incident, "x", "  ")
