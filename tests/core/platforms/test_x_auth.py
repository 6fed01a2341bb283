"""X OAuth 2.0: the two-hour token is renewed and the rotated refresh token kept in the keyring."""

from __future__ import annotations

import json
import logging
from datetime import UTC, datetime, timedelta

import pytest
from pytest_httpserver import HTTPServer

from core.platforms.base import Connection, PostRequest
from core.platforms.errors import ErrorKind, PublishError
from core.platforms.x import XPublisher
from core.platforms.x_auth import XToken
from core.runtime.bootstrap import Environment
from tests.support.platform_fakes import FakeX


def _bundle(**values: object) -> str:
    return json.dumps({"client_id": "kohogate-client", "refresh_token": "refresh-0", **values})


def _publisher(fake: FakeX, credential: str, saved: list[str]) -> XPublisher:
    return XPublisher(Connection("x", "@city_koho", credential, base_url=fake.base_url, save_credential=saved.append))


def test_a_bare_token_and_a_bundle_are_both_read() -> None:
    assert XToken.parse("  abc-token ").access_token == "abc-token"
    assert not XToken.parse("abc-token").refreshable
    token = XToken.parse(_bundle())
    assert token.refreshable
    assert token.stale(datetime.now(UTC))  # no access token yet: renew first
    fresh = XToken.parse(_bundle(access_token="a", expires_at=(datetime.now(UTC) + timedelta(hours=1)).isoformat()))
    assert not fresh.stale(datetime.now(UTC))
    with pytest.raises(PublishError) as caught:
        XToken.parse('{"client_id": "only"}')
    assert caught.value.kind is ErrorKind.AUTH
    with pytest.raises(PublishError):
        XToken.parse("{not json")
    assert "refresh-0" not in repr(token)


def test_the_first_post_renews_and_keeps_the_rotated_refresh_token(httpserver: HTTPServer) -> None:
    fake = FakeX(httpserver)
    fake.access_tokens, fake.refresh_token = set(), "refresh-0"
    saved: list[str] = []
    result = _publisher(fake, _bundle(), saved).post(PostRequest("市民まつりは11月3日です。"))
    assert result.post_id
    assert fake.renewals == 1
    (stored,) = saved
    data = json.loads(stored)
    assert data["refresh_token"] == "refresh-1"  # the old one no longer works at X
    assert data["access_token"] == "access-1"
    assert datetime.fromisoformat(data["expires_at"]) > datetime.now(UTC) + timedelta(minutes=100)
    # The next publisher starts from what was saved: no renewal while the token is fresh.
    _publisher(fake, stored, saved).post(PostRequest("2件目"))
    assert fake.renewals == 1


def test_a_token_refused_as_unauthorised_is_renewed_once_and_the_post_sent(httpserver: HTTPServer) -> None:
    fake = FakeX(httpserver)
    fake.access_tokens, fake.refresh_token = set(), "refresh-0"
    later = (datetime.now(UTC) + timedelta(hours=1)).isoformat()
    saved: list[str] = []
    _publisher(fake, _bundle(access_token="revoked", expires_at=later), saved).post(PostRequest("お知らせ"))
    assert fake.renewals == 1
    assert len(fake.posts) == 1
    assert len(fake.calls("POST", "/2/tweets")) == 2


def test_a_refused_renewal_is_a_plain_auth_error_and_nothing_is_posted(httpserver: HTTPServer) -> None:
    fake = FakeX(httpserver)
    fake.access_tokens, fake.refresh_token = set(), "someone-else"
    with pytest.raises(PublishError) as caught:
        _publisher(fake, _bundle(client_secret="s3cret-value"), []).post(PostRequest("お知らせ"))
    assert caught.value.kind is ErrorKind.AUTH
    assert "s3cret-value" not in str(caught.value)
    assert fake.posts == []


def test_every_part_of_the_bundle_is_kept_out_of_the_logs() -> None:
    from core.runtime.logging_setup import RedactingFilter

    XToken.parse(_bundle(client_secret="s3cret-value", access_token="acc-9f3e"))
    record = logging.LogRecord("t", logging.ERROR, __file__, 1, "sent %s / %s", ("acc-9f3e", "s3cret-value"), None)
    RedactingFilter().filter(record)
    text = record.getMessage()
    assert "acc-9f3e" not in text
    assert "s3cret-value" not in text


def test_the_outbox_writes_the_renewed_credential_back_to_the_keyring(env: Environment, httpserver: HTTPServer) -> None:
    from core.credentials.vault import credential_name
    from core.services.accounts import CredentialService
    from tests.support.publishing import PubWorld

    world = PubWorld(env)
    account = world.ids["x"]
    CredentialService(world.store, world.admin).store_credential(world.vault, world.uid, account, _bundle())
    fake = FakeX(httpserver)
    fake.access_tokens, fake.refresh_token = set(), "refresh-0"
    draft_id = world.approved("x")
    outcome = world.outbox({"x": fake.base_url}).publish(draft_id)
    assert outcome.url
    stored = world.vault.get(credential_name(world.uid, account))
    assert stored is not None
    assert json.loads(stored)["refresh_token"] == "refresh-1"


def test_a_renewal_spent_by_another_process_uses_what_that_process_stored(httpserver: HTTPServer) -> None:
    """The app's scheduler and a cron publish-due on one terminal both hold the same refresh token."""
    fake = FakeX(httpserver)
    fake.access_tokens, fake.refresh_token = set(), "refresh-0"
    keyring: dict[str, str] = {"x": _bundle()}

    def connection() -> Connection:
        return Connection(
            "x",
            "@city_koho",
            keyring["x"],
            base_url=fake.base_url,
            save_credential=lambda value: keyring.__setitem__("x", value),
            load_credential=lambda: keyring["x"],
        )

    first, second = XPublisher(connection()), XPublisher(connection())  # both read refresh-0
    first.post(PostRequest("1件目"))
    assert json.loads(keyring["x"])["refresh_token"] == "refresh-1"
    second.post(PostRequest("2件目"))  # its refresh-0 is spent: it picks up refresh-1's access token
    assert len(fake.posts) == 2
    assert fake.renewals == 1
