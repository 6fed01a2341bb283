"""Redaction: known secrets and credential-shaped strings go; ordinary text, ids and paths stay."""

from __future__ import annotations

import pytest

from core.credentials.redaction import REDACTED, clean_untrusted, error_code, redact, register_secret
from core.platforms.errors import ErrorKind, PublishError, from_status

# Shapes as the platforms issue them (made up, same alphabet and length).
MASTODON_TOKEN = "ZA-Yj3aBD8U8Cm7lKUp-lm9O9BmDgdhHzDeqsY8tlL0"
LINE_TOKEN = "eVKlnW2q5cZ4xP0aR9tYb8Nm7Lk6Jh5Gf4Dd3Ss2Aa1Qq0Ww9Ee8Rr7Tt6Yy5Uu4Ii3Oo2Pp1=="
FACEBOOK_TOKEN = "EAAGm0PX4ZCpsBAKq5ZBZCk2w7ZBQ3xYzR9vT8uWbN1mLk0Jh6Gf5Dd4Ss3Aa2"
JWT = "eyJhbGciOiJFUzI1NksiLCJ0eXAiOiJhdCtqd3QifQ.eyJzdWIiOiJkaWQ6cGxjOmNpdHkifQ.c2lnbmF0dXJl"
HEX_SECRET = "5f2b8a9c0d1e4f3a6b7c8d9e0f1a2b3c"


@pytest.mark.parametrize(
    "text",
    [
        f"invalid token {MASTODON_TOKEN}",
        f"Authorization: Bearer {LINE_TOKEN}",
        f"error validating access token: {FACEBOOK_TOKEN}",
        f"expired: {JWT}",
        f"https://graph.example/me?access_token={FACEBOOK_TOKEN}&x=1",
        "access_token=short-but-named",
        '{"refresh_token": "rt-abc"}',
        "Bearer abc.def",
    ],
)
def test_token_shaped_strings_are_redacted(text: str) -> None:
    cleaned = clean_untrusted(text)
    assert REDACTED in cleaned
    for secret in (MASTODON_TOKEN, LINE_TOKEN, FACEBOOK_TOKEN, JWT, "short-but-named", "rt-abc", "abc.def"):
        assert secret not in cleaned


def test_hex_runs_go_only_from_text_from_outside() -> None:
    assert HEX_SECRET not in clean_untrusted(f"bad secret {HEX_SECRET}")
    # KohoGate's own log lines name terminals and hashes in hex: those stay readable.
    assert redact(f"terminal {HEX_SECRET}") == f"terminal {HEX_SECRET}"


@pytest.mark.parametrize(
    "text",
    [
        "市民まつりは11月3日です。 https://city.example.lg.jp/x",
        "/tmp/pytest-of-root/pytest-12/test_canary_publish0/data/kohogate.db",
        "C:/Users/Taro/AppData/Local/KohoGate/logs/kohogate.log",
        "at://did:plc:cityexample/app.bsky.feed.post/3kabc",
        "1b4e28ba-2fa1-11d2-883f-0016d3cca427",
        "Validation failed: Text character limit of 500 exceeded",
        "test_a_run_killed_mid_call_and_retried_after_its_claim_expired",
    ],
)
def test_ordinary_text_ids_and_paths_are_left_alone(text: str) -> None:
    assert redact(text) == text


def test_a_known_secret_goes_even_when_the_text_was_cut_inside_it() -> None:
    secret = "kg-known-secret-4e7d21"
    register_secret(secret)
    assert redact(f"no: {secret} and again {secret}") == f"no: {REDACTED} and again {REDACTED}"
    cut = f"the token {secret}"[:20]  # "the token kg-known-s"
    assert redact(cut) == f"the token {REDACTED}"


def test_clean_untrusted_redacts_before_it_cuts_and_keeps_one_line() -> None:
    register_secret(MASTODON_TOKEN)
    raw = "x" * 50 + f" {MASTODON_TOKEN}\n\x00\u202eevil"
    cleaned = clean_untrusted(raw, limit=60)
    assert MASTODON_TOKEN[:8] not in cleaned
    assert "\n" not in cleaned
    assert "\x00" not in cleaned
    assert "\u202e" not in cleaned
    assert len(cleaned) <= 60


def test_only_an_identifier_counts_as_an_error_code() -> None:
    assert error_code("InvalidToken") == "InvalidToken"
    assert error_code("invalid_request") == "invalid_request"
    assert error_code("The access token is invalid") == ""
    assert error_code(f"Bearer {MASTODON_TOKEN}") == ""
    assert error_code(MASTODON_TOKEN) == ""
    assert error_code("<a href='file:///calc.exe'>x</a>") == ""


def test_a_publish_error_is_redacted_wherever_it_is_built() -> None:
    register_secret("kg-adapter-secret-77")
    error = PublishError(ErrorKind.REJECTED, "refused: kg-adapter-secret-77", hint=f"token {LINE_TOKEN}")
    assert "kg-adapter-secret-77" not in error.message
    assert LINE_TOKEN not in (error.hint or "")
    echoed = from_status("LINE", 400, code=f"Authentication failed: Bearer {LINE_TOKEN}")
    assert LINE_TOKEN not in echoed.message
    assert "400" in echoed.message
    assert echoed.code == ""
    assert from_status("Bluesky", 400, code="InvalidRequest").code == "InvalidRequest"
