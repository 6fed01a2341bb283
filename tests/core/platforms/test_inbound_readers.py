"""Each reader against a loopback fake of its platform: cursor, pagination, 429 with a wait, a deleted item."""

from __future__ import annotations

import pytest
from pytest_httpserver import HTTPServer

from core.platforms.base import Connection
from core.platforms.facts import Moderation
from core.platforms.inbound import ItemKind, Pacing, make_reader
from core.platforms.inbound_bluesky import BlueskyReader
from core.platforms.inbound_facebook import FacebookReader
from core.platforms.inbound_mastodon import MastodonReader
from core.platforms.inbound_x import XReader
from tests.support.inbound_fakes import BlueskyInbox, FacebookInbox, MastodonInbox, XInbox
from tests.support.platform_fakes import Fault, graph_fault

TOKEN = "tok-inbound-3c9d"


def _pacing(max_pages: int = 20) -> Pacing:
    return Pacing(sleep=lambda _s: None, max_wait=60, max_pages=max_pages)


def _conn(platform: str, base: str, handle: str = "koho") -> Connection:
    return Connection(platform, handle, TOKEN, base_url=base)


# ---- Mastodon ----------------------------------------------------------------------------------


def test_mastodon_first_read_takes_the_newest_page_then_pages_forward_from_the_cursor(httpserver: HTTPServer) -> None:
    fake = MastodonInbox(httpserver)
    for n in range(3):
        fake.mention(f"質問です {n}")
    reader = MastodonReader(_conn("mastodon", fake.base_url), _pacing())
    first = reader.read(None)
    assert [i.text for i in first.items] == ["@koho 質問です 0", "@koho 質問です 1", "@koho 質問です 2"]
    assert first.cursor == "3"
    assert first.complete
    call = fake.calls("GET", "/api/v1/notifications")[0]
    assert call.args["types[]"] == "mention"
    assert call.headers["Authorization"] == f"Bearer {TOKEN}"
    for n in range(90):  # three pages of 40 newer than the cursor
        fake.mention(f"追加 {n}")
    second = reader.read(first.cursor)
    assert len(second.items) == 90
    assert second.complete
    assert second.cursor == "93"
    assert [s.args.get("min_id") for s in fake.calls("GET", "/api/v1/notifications")[1:]] == ["3", "43", "83", "93"]
    assert reader.read(second.cursor).items == ()
    item = second.items[0]
    assert item.kind is ItemKind.REPLY
    assert item.author.handle == "@taro@other.example"
    assert item.in_reply_to == "100"


def test_mastodon_skips_a_deleted_status_and_waits_out_a_short_429(httpserver: HTTPServer) -> None:
    fake = MastodonInbox(httpserver)
    fake.mention("残る")
    fake.mention("消えた", deleted=True)
    waits: list[float] = []
    fake.fail("/api/v1/notifications", Fault(status=429, headers={"Retry-After": "7"}))
    reader = MastodonReader(_conn("mastodon", fake.base_url), Pacing(sleep=waits.append, max_wait=60))
    result = reader.read(None)
    assert waits == [7.0]
    assert [i.text for i in result.items] == ["@koho 残る"]
    assert result.deleted == 1
    assert result.cursor == "2"


def test_mastodon_stops_on_a_long_429_keeping_what_it_read(httpserver: HTTPServer) -> None:
    fake = MastodonInbox(httpserver)
    fake.mention("一")
    waits: list[float] = []
    reader = MastodonReader(_conn("mastodon", fake.base_url), Pacing(sleep=waits.append, max_wait=60))
    cursor = reader.read(None).cursor
    for n in range(45):
        fake.mention(f"{n}")
    # The first newer page answers, the second is limited for a quarter of an hour.
    fake.fail("/api/v1/notifications", Fault(), Fault(status=429, headers={"Retry-After": "900"}))
    result = reader.read(cursor)
    assert not result.complete
    assert result.retry_after == 900
    assert len(result.items) == 40
    assert result.cursor == "41"
    assert waits == []
    rest = reader.read(result.cursor)
    assert rest.complete
    assert len(rest.items) == 5


def test_mastodon_never_follows_a_link_header_to_another_host(httpserver: HTTPServer) -> None:
    fake = MastodonInbox(httpserver)
    fake.mention("一")
    from core.platforms.inbound_mastodon import _link

    header = '<https://evil.example/api/v1/notifications?min_id=1>; rel="prev"'
    assert _link(header, "prev") == "https://evil.example/api/v1/notifications?min_id=1"
    reader = MastodonReader(_conn("mastodon", fake.base_url), _pacing())
    assert reader._next_params(header) is None


def test_mastodon_block_mute_and_report_call_their_endpoints(httpserver: HTTPServer) -> None:
    fake = MastodonInbox(httpserver)
    fake.mention("迷惑")
    fake.follow_account("a-taro")
    reader = MastodonReader(_conn("mastodon", fake.base_url), _pacing())
    (item,) = reader.read(None).items
    reader.moderate(Moderation.BLOCK, item, "脅迫")
    reader.moderate(Moderation.MUTE, item, "脅迫")
    reader.moderate(Moderation.REPORT, item, "脅迫のため")
    assert fake.calls("POST", "/api/v1/accounts/a-taro/block")
    assert fake.calls("POST", "/api/v1/accounts/a-taro/mute")
    (report,) = fake.calls("POST", "/api/v1/reports")
    assert report.json["status_ids"] == [item.item_id]
    assert report.json["account_id"] == "a-taro"
    with pytest.raises(Exception, match="API"):
        reader.moderate(Moderation.HIDE, item, "x")


# ---- X -------------------------------------------------------------------------------------------


def test_x_reads_mentions_since_the_cursor_across_pages(httpserver: HTTPServer) -> None:
    fake = XInbox(httpserver)
    fake.mention("最初")
    reader = XReader(_conn("x", fake.base_url, "@city_koho"), _pacing())
    first = reader.read(None)
    assert first.cursor == "9000"
    assert [i.author.handle for i in first.items] == ["@user7"]
    for n in range(250):
        fake.mention(f"返信 {n}")
    second = reader.read(first.cursor)
    assert second.complete
    assert len(second.items) == 250
    assert second.cursor == "9250"
    calls = fake.calls("GET", "/2/users/42/mentions")[1:]
    assert [c.args.get("pagination_token") for c in calls] == [None, "100", "200"]
    assert {c.args["since_id"] for c in calls} == {"9000"}
    assert second.items[0].parent_text == "市民まつりは11月3日です。"
    assert second.items[0].in_reply_to == "1000"
    assert second.items[0].kind is ItemKind.REPLY


def test_x_keeps_the_old_cursor_when_a_long_429_interrupts_and_counts_deleted(httpserver: HTTPServer) -> None:
    fake = XInbox(httpserver)
    fake.mention("最初")
    reader = XReader(_conn("x", fake.base_url, "@city_koho"), _pacing())
    cursor = reader.read(None).cursor
    for n in range(150):
        fake.mention(f"{n}")
    fake.fail("/2/users/42/mentions", Fault(status=429, headers={"Retry-After": "3"}))
    waits: list[float] = []
    reader = XReader(_conn("x", fake.base_url, "@city_koho"), Pacing(sleep=waits.append))
    result = reader.read(cursor)
    assert waits == [3.0]
    assert result.complete
    assert len(result.items) == 150
    fake.gone = ["9001"]
    fake.fail("/2/users/42/mentions", Fault(), Fault(status=429, headers={"Retry-After": "3600"}))
    stopped = reader.read(cursor)
    assert not stopped.complete
    assert stopped.cursor == cursor
    assert stopped.retry_after == 3600
    again = reader.read(result.cursor)
    assert again.items == ()
    assert again.deleted == 1


def test_x_hide_and_mute_call_the_documented_endpoints(httpserver: HTTPServer) -> None:
    fake = XInbox(httpserver)
    tweet_id = fake.mention("殺すぞ")
    reader = XReader(_conn("x", fake.base_url, "@city_koho"), _pacing())
    (item,) = reader.read(None).items
    reader.moderate(Moderation.HIDE, item, "脅迫")
    reader.moderate(Moderation.MUTE, item, "脅迫")
    assert fake.hidden == [tweet_id]
    assert fake.muted == ["7"]
    (put,) = fake.calls("PUT", f"/2/tweets/{tweet_id}/hidden")
    assert put.json == {"hidden": True}


# ---- Bluesky -----------------------------------------------------------------------------------


def test_bluesky_reads_replies_mentions_quotes_back_to_the_cursor(httpserver: HTTPServer) -> None:
    fake = BlueskyInbox(httpserver)
    fake.note("はじめまして", reason="mention")
    reader = BlueskyReader(_conn("bluesky", fake.base_url, "koho.city.example"), _pacing())
    first = reader.read(None)
    assert [i.kind for i in first.items] == [ItemKind.MENTION]
    assert first.complete
    for n in range(120):
        fake.note(f"返信 {n}", reason="reply")
    fake.note("いいね", reason="like")
    fake.note("引用", reason="quote")
    second = reader.read(first.cursor)
    assert second.complete
    assert len(second.items) == 121
    assert [c.args.get("cursor") for c in fake.calls("GET", "/xrpc/app.bsky.notification.listNotifications")[1:]] == [
        None,
        "50",
        "100",
    ]
    assert reader.read(second.cursor).items == ()
    reply = second.items[0]
    assert reply.parent_text == "市民まつりは11月3日です。"  # the post it answers, from the same getPosts
    assert reply.root == f"at://{fake.DID}/app.bsky.feed.post/3kroot0000001"
    assert reply.ref
    assert fake.sessions == 1


def test_bluesky_skips_deleted_posts_and_stops_on_a_long_rate_limit(httpserver: HTTPServer) -> None:
    fake = BlueskyInbox(httpserver)
    gone = fake.note("消した返信")
    fake.note("残る返信")
    fake.deleted_posts.add(gone)
    waits: list[float] = []
    reader = BlueskyReader(_conn("bluesky", fake.base_url, "koho.city.example"), Pacing(sleep=waits.append))
    fake.fail("/xrpc/app.bsky.notification.listNotifications", Fault(status=429, headers={"Retry-After": "2"}))
    result = reader.read(None)
    assert waits == [2.0]
    assert result.deleted == 1
    assert [i.text for i in result.items] == ["残る返信"]
    fake.fail("/xrpc/app.bsky.notification.listNotifications", Fault(status=429, headers={"Retry-After": "600"}))
    stopped = reader.read(result.cursor)
    assert not stopped.complete
    assert stopped.cursor == result.cursor
    assert stopped.retry_after == 600


def test_bluesky_hide_block_mute_report(httpserver: HTTPServer) -> None:
    fake = BlueskyInbox(httpserver)
    fake.note("爆破する")
    reader = BlueskyReader(_conn("bluesky", fake.base_url, "koho.city.example"), _pacing())
    (item,) = reader.read(None).items
    for action in (Moderation.HIDE, Moderation.BLOCK, Moderation.MUTE, Moderation.REPORT):
        reader.moderate(action, item, "脅迫")
    gate = fake.threadgates["3kroot0000001"]
    assert gate["hiddenReplies"] == [item.item_id]
    assert gate["post"] == item.root
    assert fake.blocks[0]["subject"] == "did:plc:resident1"
    assert fake.mutes == ["did:plc:resident1"]
    assert fake.reports[0]["subject"]["uri"] == item.item_id
    assert fake.reports[0]["subject"]["cid"] == item.ref


# ---- Facebook ----------------------------------------------------------------------------------


def test_facebook_reads_comments_newer_than_the_cursor_across_pages(httpserver: HTTPServer) -> None:
    fake = FacebookInbox(httpserver, ("123_1", "123_2"))
    fake.comment("123_1", "ありがとうございます")
    reader = FacebookReader(_conn("facebook", fake.base_url), _pacing())
    first = reader.read(None)
    assert [i.text for i in first.items] == ["ありがとうございます"]
    assert first.cursor
    for n in range(130):
        fake.comment("123_2", f"コメント {n}")
    second = reader.read(first.cursor)
    new = [i for i in second.items if i.item_id not in {x.item_id for x in first.items}]
    assert len(new) == 130
    assert second.complete
    pages = [c.args.get("after") for c in fake.calls("GET", "/123_2/comments")]
    assert pages[-2:] == [None, "100"]
    assert new[0].parent_text == "お知らせ 123_2"
    assert new[0].in_reply_to == "123_2"
    assert new[0].author.name == "住民 u1"


def test_facebook_a_deleted_post_and_a_rate_limit(httpserver: HTTPServer) -> None:
    fake = FacebookInbox(httpserver, ("123_1", "123_2"))
    fake.comment("123_2", "残る")
    fake.delete_post("123_1")
    waits: list[float] = []
    reader = FacebookReader(_conn("facebook", fake.base_url), Pacing(sleep=waits.append))
    fake.fail("/me/posts", graph_fault(32, headers={"Retry-After": "5"}))
    result = reader.read(None)
    assert waits == [5.0]
    assert result.deleted == 1
    assert [i.text for i in result.items] == ["残る"]
    fake.fail("/me/posts", graph_fault(4, headers={"Retry-After": "3600"}))
    stopped = reader.read(result.cursor)
    assert not stopped.complete
    assert stopped.retry_after == 3600
    assert stopped.cursor == result.cursor


def test_facebook_hide_and_delete_a_comment(httpserver: HTTPServer) -> None:
    fake = FacebookInbox(httpserver)
    comment_id = fake.comment("123_1", "詐欺です")
    reader = FacebookReader(_conn("facebook", fake.base_url), _pacing())
    (item,) = reader.read(None).items
    reader.moderate(Moderation.HIDE, item, "詐欺")
    reader.moderate(Moderation.DELETE, item, "詐欺")
    assert fake.hidden == [comment_id]
    assert fake.removed == [comment_id]


# ---- the registry --------------------------------------------------------------------------------


def test_line_has_no_reader_and_says_why() -> None:
    with pytest.raises(Exception, match="wako:5-エ"):
        make_reader(Connection("line", "@cityline", TOKEN))


def test_every_reading_platform_has_a_reader() -> None:
    from core.platforms.facts import Platform, reads_replies
    from core.platforms.inbound import READERS

    assert {p for p in Platform if reads_replies(p.value)} == set(READERS)
