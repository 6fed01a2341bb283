"""The impersonation watch against loopback fakes of Bluesky's actor search and Mastodon's account search.

The fakes' answers are validated against the atproto SDK's model of
``app.bsky.actor.searchActors`` so they cannot drift from the real shape.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from core.incidents import watch
from core.incidents.model import IncidentKind
from core.platforms.search import search_bluesky, search_mastodon
from core.runtime.bootstrap import Environment
from core.services.incidents import IncidentService
from tests.support.publishing import PubWorld

BLUESKY_ACTORS = [
    {"did": "did:plc:own", "handle": "koho.city.example", "displayName": "見本市公式"},  # the registry's own
    {"did": "did:plc:fake1", "handle": "k0ho.bsky.social", "displayName": "見本市公式"},  # zero for o
    {"did": "did:plc:fake2", "handle": "kohо.bsky.social", "displayName": "Koho"},  # Cyrillic о
    {"did": "did:plc:other", "handle": "tokyo-news.bsky.social", "displayName": "東京ニュース"},
]
MASTODON_ACCOUNTS = [
    {"id": "1", "acct": "koho@city.example", "display_name": "見本市公式", "url": "https://city.example/@koho"},
    {"id": "2", "acct": "koho@evil.example", "display_name": "見本市公式", "url": "https://evil.example/@koho"},
    {"id": "3", "acct": "sightseeing", "display_name": "観光案内", "url": "https://city.example/@sightseeing"},
]


def bluesky_fake(server: HTTPServer, queries: list[str]) -> str:
    from atproto_client.models.app.bsky.actor.search_actors import Response as SearchActors

    body = {"actors": BLUESKY_ACTORS, "cursor": "1"}
    SearchActors.model_validate(body)  # the shape the SDK reads

    def handler(request: Request) -> Response:
        assert request.args.get("limit") == "25"
        queries.append(str(request.args["q"]))
        import json

        return Response(json.dumps(body), content_type="application/json")

    server.expect_request("/xrpc/app.bsky.actor.searchActors", method="GET").respond_with_handler(handler)
    return server.url_for("/").rstrip("/")


def mastodon_fake(server: HTTPServer) -> str:
    def handler(request: Request) -> Response:
        assert request.args.get("type") == "accounts"
        import json

        return Response(
            json.dumps({"accounts": MASTODON_ACCOUNTS, "statuses": [], "hashtags": []}), content_type="application/json"
        )

    server.expect_request("/api/v2/search", method="GET").respond_with_handler(handler)
    return server.url_for("/").rstrip("/")


@pytest.fixture
def pub(sqlite_env: Environment) -> PubWorld:
    return PubWorld(sqlite_env)


def test_look_alikes_are_found_and_the_registry_is_not(pub: PubWorld, httpserver: HTTPServer) -> None:
    queries: list[str] = []
    base = bluesky_fake(httpserver, queries)
    mastodon_fake(httpserver)
    report = watch.watch_impersonation(pub.store, base_urls={"bluesky": base, "mastodon": base})
    found = sorted(c.found.handle for c in report.candidates)
    assert found == ["@koho@evil.example", "k0ho.bsky.social", "kohо.bsky.social"]
    assert set(queries) == {"koho", "見本市公式"}  # the handle's name and the display name
    assert all(not c.known for c in report.candidates)
    assert "@city_koho" in report.not_searchable  # X has no account search for a city's token


def test_a_candidate_kept_as_evidence_is_known_not_new(pub: PubWorld, httpserver: HTTPServer) -> None:
    base = bluesky_fake(httpserver, [])
    desk = IncidentService(pub.store, pub.op)
    incident = desk.report(IncidentKind.IMPERSONATION, "偽アカウント", account_ids=[pub.ids["bluesky"]])
    desk.add_evidence(incident, url="https://bsky.app/profile/k0ho.bsky.social", text="プロフィール")
    report = watch.watch_impersonation(pub.store, account_ids=[pub.ids["bluesky"]], base_urls={"bluesky": base})
    assert {c.found.handle: c.known for c in report.candidates} == {"k0ho.bsky.social": True, "kohо.bsky.social": False}
    assert [c.found.handle for c in report.new] == ["kohо.bsky.social"]


def test_a_search_that_fails_is_reported_not_swallowed(pub: PubWorld, httpserver: HTTPServer) -> None:
    httpserver.expect_request("/xrpc/app.bsky.actor.searchActors").respond_with_data("busy", status=503)
    base = httpserver.url_for("/").rstrip("/")
    report = watch.watch_impersonation(pub.store, account_ids=[pub.ids["bluesky"]], base_urls={"bluesky": base})
    assert report.candidates == []
    assert [handle for handle, _message in report.errors] == ["koho.city.example"]


def test_search_clients_read_the_platforms_shapes(httpserver: HTTPServer) -> None:
    base = bluesky_fake(httpserver, [])
    mastodon_fake(httpserver)
    assert search_bluesky("koho", base_url=base)[1].url == "https://bsky.app/profile/k0ho.bsky.social"
    assert search_mastodon("koho", base_url=base)[1].handle == "@koho@evil.example"


def test_cli_exit_codes(
    pub: PubWorld,
    data_dir: Path,
    httpserver: HTTPServer,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    from cli.main import main

    base = bluesky_fake(httpserver, [])
    mastodon_fake(httpserver)

    def fake_bluesky(query: str, _base: str | None, _account: Any) -> list[watch.FoundAccount]:
        return search_bluesky(query, base_url=base)

    def fake_mastodon(query: str, _base: str | None, _account: Any) -> list[watch.FoundAccount]:
        return search_mastodon(query, base_url=base)

    monkeypatch.setitem(watch.SEARCHERS, "bluesky", fake_bluesky)
    monkeypatch.setitem(watch.SEARCHERS, "mastodon", fake_mastodon)

    def run(*args: str) -> int:
        return main(["--data-dir", str(data_dir), "--lang", "en", *args])

    assert run("watch", "impersonation") == 1
    out = capsys.readouterr().out
    assert "NEW: k0ho.bsky.social" in out
    assert run("watch", "impersonation", "--account", "99999") == 2
    assert "99999" in capsys.readouterr().err
    assert run("watch", "impersonation", "--account", str(pub.ids["x"])) == 0  # nothing searchable, nothing new
    assert run("incident", "list", "--open") == 0
    assert "No open incidents" in capsys.readouterr().out
    IncidentService(pub.store, pub.op).report(IncidentKind.HIJACK, "LINE 乗っ取り", account_ids=[pub.ids["line"]])
    assert run("incident", "list") == 0
    assert "LINE 乗っ取り" in capsys.readouterr().out


def test_confusable_names_are_found_through_the_search_apis_and_own_accounts_are_not(
    sqlite_env: Environment, httpserver: HTTPServer
) -> None:
    """The issue's cases — ``city``/``cíty``, ``sampIe``/``sample``, full width — end to end on loopback fakes."""
    import json

    from atproto_client.models.app.bsky.actor.search_actors import Response as SearchActors

    from core.accounts.samples import sample_policy
    from core.demo.support import consult_all
    from core.lifecycle.states import AccountStatus
    from tests.support.accounts import Org

    org = Org(sqlite_env)
    for platform, handle, url in (
        ("bluesky", "sample.city.example", "https://bsky.app/profile/sample.city.example"),
        ("mastodon", "@sample@city.example", "https://city.example/@sample"),
    ):
        account = org.accounts.create(platform, handle, "city", None, url=url)
        org.accounts.set_policy(account, sample_policy("city", "秘書広報課", "048-000-0000"))
        org.accounts.set_staff(account, org.full_staff())
        consult_all(org.store, org.admin, account)  # filing needs the consultations (joso:3(2))
        org.accounts.file(account)
        org.accounts.set_status(account, AccountStatus.ACTIVE)
    actors = {
        "actors": [
            {"did": "did:plc:own", "handle": "sample.city.example", "displayName": "city"},  # ours
            {"did": "did:plc:a", "handle": "news-1.bsky.social", "displayName": "cíty"},  # an accent
            {"did": "did:plc:b", "handle": "news-2.bsky.social", "displayName": "ｃｉｔｙ"},  # full width
            {"did": "did:plc:c", "handle": "sampie.bsky.social", "displayName": "SampIe"},  # I for l
            {"did": "did:plc:d", "handle": "tokyo.bsky.social", "displayName": "Tokyo"},
        ]
    }
    SearchActors.model_validate(actors)
    statuses = {
        "accounts": [
            {"id": "1", "acct": "sample@city.example", "display_name": "city", "url": "https://city.example/@sample"},
            {"id": "2", "acct": "sampIe@evil.example", "display_name": "Sample", "url": "https://evil.example/@sampIe"},
            {"id": "3", "acct": "samplers", "display_name": "Samplers' club", "url": "https://city.example/@samplers"},
        ],
        "statuses": [],
        "hashtags": [],
    }
    httpserver.expect_request("/xrpc/app.bsky.actor.searchActors").respond_with_data(
        json.dumps(actors), content_type="application/json"
    )
    httpserver.expect_request("/api/v2/search").respond_with_data(json.dumps(statuses), content_type="application/json")
    base = httpserver.url_for("/").rstrip("/")
    report = watch.watch_impersonation(org.store, base_urls={"bluesky": base, "mastodon": base})
    found = {c.found.handle: c.resembles for c in report.candidates}
    assert found == {
        "news-1.bsky.social": "city",
        "news-2.bsky.social": "city",
        "sampie.bsky.social": "sample",
        "@sampIe@evil.example": "sample",
    }
    assert report.errors == []
