"""Bad input to the services ends in a clear InvalidInput, never a raw driver error (both databases)."""

from __future__ import annotations

from datetime import datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from core.composer.media_items import StoredMedia
from core.errors import InvalidInput, KohoGateError, NotFound
from core.services.accounts import AccountService
from core.services.drafts import DraftService
from core.storage.guard import check_value
from tests.support.world import World

# Every code point, lone surrogates and NUL included (hypothesis leaves surrogates out by default).
ANY_TEXT = st.text(st.characters(min_codepoint=0, max_codepoint=0x10FFFF, exclude_categories=()), max_size=40)
NASTY = st.sampled_from(["\x00", "\ud800", "\udfff", "a\x00b", "ok\ud83d"])


@pytest.mark.parametrize("bad", ["a\x00b", "x\ud800y", "\udfff"])
def test_unstorable_characters_in_draft_text_and_title(world: World, bad: str) -> None:
    drafts = DraftService(world.store, world.op1)
    with pytest.raises(InvalidInput, match="U\\+"):
        drafts.create(world.account, bad)
    draft_id = drafts.create(world.account, "お知らせ")
    with pytest.raises(InvalidInput, match="U\\+"):
        drafts.save(draft_id, 1, text="ok", title=bad)
    with pytest.raises(InvalidInput, match="U\\+"):
        drafts.save(draft_id, 1, text=bad)
    assert drafts.save(draft_id, 1, text="まだ保存できる") == 2  # nothing was half-written


def test_malformed_service_input_is_invalid_input(world: World) -> None:
    drafts = DraftService(world.store, world.op1)
    draft_id = drafts.create(world.account, "お知らせ")
    with pytest.raises(InvalidInput, match="time zone"):
        drafts.save(draft_id, 1, text="x", scheduled_at=datetime(2030, 1, 1, 9, 0))  # naive
    item = {"sha256": "a" * 64, "kind": "image", "faces": "many"}
    with pytest.raises(InvalidInput, match="malformed"):  # where a client's item enters the typed contract
        drafts.save(draft_id, 1, text="x", media=[StoredMedia.from_json(item)])
    for bad_id in (2**63, 2**64, -1):
        with pytest.raises(NotFound):
            drafts.save(bad_id, 1, text="x")
    with pytest.raises(InvalidInput):
        drafts.save("7", 1, text="x")  # type: ignore[arg-type]
    with pytest.raises(KohoGateError):
        AccountService(world.store, world.admin).set_staff(world.account, [("many", "operator")])  # type: ignore[list-item]


@pytest.mark.parametrize(
    ("url", "ok"),
    [
        ("https://mastodon.example/@city", True),
        ("http://mastodon.example/@city", False),
        ("HTTP://mastodon.example/", False),
        ("http://127.0.0.1:8080/", True),
        ("http://localhost:3000/", True),
        ("http://[::1]:3000/", True),
        ("http://127.0.0.1.evil.example/", False),
        ("https:///nohost", False),
        ("ftp://mastodon.example/", False),
    ],
)
def test_account_urls_must_be_https_except_loopback(world: World, url: str, ok: bool) -> None:
    accounts = AccountService(world.store, world.admin)
    if ok:
        assert accounts.create("mastodon", f"@city{abs(hash(url)) % 10_000}", "市", None, url=url) > 0
    else:
        with pytest.raises(InvalidInput, match="https://"):
            accounts.create("mastodon", "@city", "市", None, url=url)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=ANY_TEXT, title=ANY_TEXT)
def test_fuzzed_draft_text_saves_or_fails_clearly(world: World, text: str, title: str) -> None:
    drafts = DraftService(world.store, world.op1)
    unstorable = "\x00" in text + title or any("\ud800" <= ch <= "\udfff" for ch in text + title)
    if unstorable:
        with pytest.raises(InvalidInput, match="U\\+"):
            drafts.create(world.account, text, title=title)
    else:
        assert drafts.create(world.account, text, title=title) > 0


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(bad=NASTY, depth=st.integers(min_value=0, max_value=3))
def test_fuzzed_media_items_never_reach_the_driver_raw(world: World, bad: str, depth: int) -> None:
    drafts = DraftService(world.store, world.op1)
    draft_id = drafts.create(world.account, "お知らせ")
    alt: object = bad
    for _ in range(depth):
        alt = [alt]
    item = {"sha256": "b" * 64, "kind": "image", "alt": alt if depth == 0 else str(alt)}
    with pytest.raises(KohoGateError):
        drafts.save(draft_id, 1, text="x", media=[StoredMedia.from_json(item)])


def test_guard_refuses_deep_nesting_and_huge_integers() -> None:
    deep: object = "x"
    for _ in range(100_000):
        deep = [deep]
    with pytest.raises(InvalidInput, match="nested"):
        check_value(deep)
    with pytest.raises(InvalidInput, match="too large"):
        check_value({"n": 2**63})
    check_value({"n": 2**63 - 1, "s": "普通の文字", "l": [1, "a", None]})


def test_deputy_period_with_naive_times_is_invalid_input(world: World) -> None:
    from core.services.deputies import DeputyService

    with pytest.raises(InvalidInput, match="time zone"):
        DeputyService(world.store, world.admin).name(
            world.sup.staff_id, world.both.staff_id, datetime(2030, 1, 1), datetime(2030, 1, 2), "出張"
        )
