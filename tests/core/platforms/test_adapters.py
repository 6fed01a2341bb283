"""Each adapter against a loopback fake of its platform: exact requests, alt text, keys, 429, 5xx, drops."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

import pytest
from pytest_httpserver import HTTPServer

from core.platforms.base import Connection, MediaFile, PostRequest
from core.platforms.bluesky import BlueskyPublisher, record_key
from core.platforms.bluesky_facets import link_facets
from core.platforms.errors import ErrorKind, PublishError
from core.platforms.facebook import FacebookPublisher
from core.platforms.line import LinePublisher
from core.platforms.mastodon import MastodonPublisher
from core.platforms.x import XPublisher
from tests.support.platform_fakes import FakeBluesky, FakeFacebook, FakeLine, FakeMastodon, FakeX, Fault

TOKEN = "tok-canary-5b2e8f"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
IMAGE = MediaFile(PNG, "image/png", "image", alt="市民まつりのポスター", filename="poster.png")
DECORATIVE = MediaFile(PNG, "image/png", "image", alt="飾り", decorative=True, filename="line.png")
KEY = str(uuid.UUID(int=7))
CREATED = datetime(2026, 11, 1, 9, tzinfo=UTC)


def _conn(platform: str, base: str, handle: str = "koho") -> Connection:
    return Connection(platform, handle, TOKEN, base_url=base)


def _request(text: str = "市民まつりは11月3日です。", media: tuple[MediaFile, ...] = ()) -> PostRequest:
    return PostRequest(text, media, KEY, CREATED)


# ---- Mastodon ----------------------------------------------------------------------------------


def test_mastodon_uploads_media_with_description_and_sends_the_idempotency_key(httpserver: HTTPServer) -> None:
    fake = FakeMastodon(httpserver)
    progress: list[tuple[int, int]] = []
    result = MastodonPublisher(_conn("mastodon", fake.base_url)).post(
        _request(media=(IMAGE, DECORATIVE)), lambda d, t, _w: progress.append((d, t))
    )
    uploads = fake.calls("POST", "/api/v2/media")
    assert [u.form.get("description") for u in uploads] == ["市民まつりのポスター", None]
    assert uploads[0].files["file"][1] == PNG
    assert uploads[0].files["file"][2] == "image/png"
    (status,) = fake.calls("POST", "/api/v1/statuses")
    assert status.headers["Idempotency-Key"] == KEY
    assert status.headers["Authorization"] == f"Bearer {TOKEN}"
    sent = status.json or status.form
    assert "市民まつり" in str(sent)
    assert fake.status_media == [["m1", "m2"]]
    assert result.post_id == "100"
    assert result.url == "https://city.example/@koho/100"
    assert progress == [(0, 2), (1, 2), (2, 2)]


def test_mastodon_waits_for_a_video_to_be_processed_before_posting(
    httpserver: HTTPServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake = FakeMastodon(httpserver)
    waits: list[float] = []
    monkeypatch.setattr(MastodonPublisher, "wait", staticmethod(waits.append))
    video = MediaFile(b"\x00\x00\x00\x18ftypmp42", "video/mp4", "video", alt="", filename="clip.mp4")
    MastodonPublisher(_conn("mastodon", fake.base_url)).post(_request(media=(video,)))
    assert len(fake.calls("GET", "/api/v1/media/m1")) == 2
    assert len(waits) == 2
    assert fake.status_media == [["m1"]]


def test_mastodon_gives_up_on_a_video_that_is_never_processed(
    httpserver: HTTPServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake = FakeMastodon(httpserver)
    fake.polls_until_processed = 10_000
    monkeypatch.setattr(MastodonPublisher, "wait", staticmethod(lambda _s: None))
    video = MediaFile(b"\x00\x00\x00\x18ftypmp42", "video/mp4", "video", alt="", filename="clip.mp4")
    with pytest.raises(PublishError) as caught:
        MastodonPublisher(_conn("mastodon", fake.base_url)).post(_request(media=(video,)))
    assert caught.value.kind is ErrorKind.NOT_SENT
    assert "clip.mp4" in caught.value.message
    assert fake.calls("POST", "/api/v1/statuses") == []


def test_mastodon_retry_with_the_same_key_returns_the_first_status(httpserver: HTTPServer) -> None:
    fake = FakeMastodon(httpserver)
    fake.fail("/api/v1/statuses", Fault(drop_after=True))
    publisher = MastodonPublisher(_conn("mastodon", fake.base_url))
    with pytest.raises(PublishError) as caught:
        publisher.post(_request())
    assert caught.value.kind is ErrorKind.AMBIGUOUS
    assert len(fake.posts) == 1  # it did go out
    assert publisher.post(_request()).post_id == "100"
    assert len(fake.posts) == 1


@pytest.mark.parametrize(
    ("status", "kind"),
    [(429, ErrorKind.RATE_LIMITED), (503, ErrorKind.AMBIGUOUS), (422, ErrorKind.REJECTED), (401, ErrorKind.AUTH)],
)
def test_mastodon_error_answers(httpserver: HTTPServer, status: int, kind: ErrorKind) -> None:
    fake = FakeMastodon(httpserver)
    fake.fail("/api/v1/statuses", Fault(status=status, headers={"X-RateLimit-Reset": "2026-11-01T09:05:00Z"}))
    with pytest.raises(PublishError) as caught:
        MastodonPublisher(_conn("mastodon", fake.base_url)).post(_request())
    assert caught.value.kind is kind
    assert TOKEN not in str(caught.value)
    assert fake.posts == []


def test_mastodon_recent_and_delete(httpserver: HTTPServer) -> None:
    fake = FakeMastodon(httpserver)
    publisher = MastodonPublisher(_conn("mastodon", fake.base_url))
    publisher.post(_request("お知らせ <b>です</b> & more"))
    recent = publisher.recent()
    assert recent[0].text == "お知らせ <b>です</b> & more"
    httpserver.expect_request("/api/v1/statuses/100", method="DELETE").respond_with_json({})
    publisher.delete("100")


def test_connection_refused_means_not_sent() -> None:
    with pytest.raises(PublishError) as caught:
        MastodonPublisher(_conn("mastodon", "http://127.0.0.1:9")).post(_request())
    assert caught.value.kind is ErrorKind.NOT_SENT
    assert "nothing was posted" in caught.value.message


# ---- Bluesky -----------------------------------------------------------------------------------


def test_link_facets_count_utf8_bytes() -> None:
    text = "詳しくは https://www.city.example/fes をご覧ください"
    (facet,) = link_facets(text)
    start = len("詳しくは ".encode())
    assert facet["index"] == {"byteStart": start, "byteEnd": start + len(b"https://www.city.example/fes")}
    assert facet["features"][0]["uri"] == "https://www.city.example/fes"


def test_record_key_is_a_stable_tid() -> None:
    key = record_key(KEY, CREATED)
    assert key == record_key(KEY, CREATED)
    assert key != record_key(str(uuid.uuid4()), CREATED)
    assert len(key) == 13
    assert key[0] in "234567abcdefghij"


def test_bluesky_posts_images_with_alt_and_clickable_links(httpserver: HTTPServer) -> None:
    fake = FakeBluesky(httpserver)
    text = "詳しくは https://www.city.example/fes をご覧ください"
    result = BlueskyPublisher(_conn("bluesky", fake.base_url, "koho.city.example")).post(
        _request(text, (IMAGE, DECORATIVE))
    )
    (session,) = fake.calls("POST", "/xrpc/com.atproto.server.createSession")
    assert session.json == {"identifier": "koho.city.example", "password": TOKEN}
    uploads = fake.calls("POST", "/xrpc/com.atproto.repo.uploadBlob")
    assert len(uploads) == 2
    (create,) = fake.calls("POST", "/xrpc/com.atproto.repo.createRecord")
    body = create.json
    assert body["repo"] == FakeBluesky.DID
    assert body["collection"] == "app.bsky.feed.post"
    assert body["rkey"] == record_key(KEY, CREATED)
    record = body["record"]
    assert record["text"] == text
    assert record["facets"][0]["features"][0]["uri"] == "https://www.city.example/fes"
    assert record["embed"]["$type"] == "app.bsky.embed.images"
    assert [i["alt"] for i in record["embed"]["images"]] == ["市民まつりのポスター", ""]
    assert result.post_id.endswith("/" + body["rkey"])
    assert result.url == f"https://bsky.app/profile/koho.city.example/post/{body['rkey']}"


@pytest.mark.parametrize(
    ("status", "kind"),
    [(429, ErrorKind.RATE_LIMITED), (502, ErrorKind.AMBIGUOUS), (500, ErrorKind.AMBIGUOUS), (400, ErrorKind.REJECTED)],
)
def test_bluesky_error_answers(httpserver: HTTPServer, status: int, kind: ErrorKind) -> None:
    fake = FakeBluesky(httpserver)
    fake.fail("/xrpc/com.atproto.repo.createRecord", Fault(status=status))
    with pytest.raises(PublishError) as caught:
        BlueskyPublisher(_conn("bluesky", fake.base_url)).post(_request())
    assert caught.value.kind is kind
    assert TOKEN not in str(caught.value)


def test_bluesky_drop_after_create_is_settled_at_its_rkey_and_listed_in_recent(httpserver: HTTPServer) -> None:
    fake = FakeBluesky(httpserver)
    fake.fail("/xrpc/com.atproto.repo.createRecord", Fault(drop_after=True))
    publisher = BlueskyPublisher(_conn("bluesky", fake.base_url))
    result = publisher.post(_request())
    assert result.post_id.endswith("/" + record_key(KEY, CREATED))
    assert len(fake.calls("GET", "/xrpc/com.atproto.repo.getRecord")) == 1
    assert [p.text for p in publisher.recent()] == ["市民まつりは11月3日です。"]
    assert fake.sessions == 1  # the session is reused (createSession is rate-limited)


def test_bluesky_posts_a_video_with_alt_text_and_webvtt_captions(httpserver: HTTPServer) -> None:
    fake = FakeBluesky(httpserver)
    srt = "1\n00:00:01,000 --> 00:00:03,000\n市民まつりは11月3日です。\n".encode()
    video = MediaFile(b"\x00\x00\x00\x18ftypmp42", "video/mp4", "video", alt="会場の様子", captions=srt)
    BlueskyPublisher(_conn("bluesky", fake.base_url)).post(_request(media=(video,)))
    uploads = fake.calls("POST", "/xrpc/com.atproto.repo.uploadBlob")
    assert [u.headers["Content-Type"] for u in uploads] == ["video/mp4", "text/vtt"]
    assert all(u.headers.get("Authorization", "").startswith("Bearer ") for u in uploads)
    (create,) = fake.calls("POST", "/xrpc/com.atproto.repo.createRecord")
    embed = create.json["record"]["embed"]
    assert embed["$type"] == "app.bsky.embed.video"
    assert embed["alt"] == "会場の様子"
    assert embed["video"]["mimeType"] == "video/mp4"
    (caption,) = embed["captions"]
    assert caption["lang"] == "ja"
    assert caption["file"]["mimeType"] == "text/vtt"


def test_bluesky_refuses_a_video_mixed_with_images() -> None:
    video = MediaFile(b"v", "video/mp4", "video", alt="動画")
    with pytest.raises(PublishError) as caught:
        BlueskyPublisher(_conn("bluesky", "http://127.0.0.1:9")).post(_request(media=(IMAGE, video)))
    assert caught.value.kind is ErrorKind.UNSUPPORTED


# ---- X -----------------------------------------------------------------------------------------


def test_x_uploads_an_image_in_one_request_with_alt_text_and_posts(httpserver: HTTPServer) -> None:
    fake = FakeX(httpserver)
    result = XPublisher(_conn("x", fake.base_url, "@city_koho")).post(_request(media=(IMAGE,)))
    (upload,) = fake.calls("POST", "/2/media/upload")
    assert upload.form == {"media_category": "tweet_image", "media_type": "image/png"}
    assert upload.files["media"][1:] == (PNG, "image/png")
    assert fake.calls("POST", "/2/media/upload/initialize") == []
    (metadata,) = fake.calls("POST", "/2/media/metadata")
    assert metadata.json == {"id": "700", "metadata": {"alt_text": {"text": "市民まつりのポスター"}}}
    (tweet,) = fake.calls("POST", "/2/tweets")
    assert tweet.json == {"text": "市民まつりは11月3日です。", "media": {"media_ids": ["700"]}}
    assert tweet.headers["Authorization"] == f"Bearer {TOKEN}"
    assert result.url == "https://x.com/city_koho/status/1000"


def test_x_uploads_a_video_in_chunks_with_captions(httpserver: HTTPServer, monkeypatch: pytest.MonkeyPatch) -> None:
    fake = FakeX(httpserver)
    monkeypatch.setattr(XPublisher, "wait", staticmethod(lambda _s: None))
    monkeypatch.setattr("core.platforms.x.CHUNK", 10)
    data = b"\x00\x00\x00\x18ftypmp42" + bytes(range(13))  # 25 bytes: three segments of 10
    vtt = "WEBVTT\n\n00:01.000 --> 00:03.000\n市民まつりは11月3日です。\n".encode()
    video = MediaFile(data, "video/mp4", "video", alt="会場の様子", captions=vtt, filename="matsuri.mp4")
    XPublisher(_conn("x", fake.base_url)).post(_request(media=(video,)))
    (init,) = fake.calls("POST", "/2/media/upload/initialize")
    assert init.json == {"media_type": "video/mp4", "total_bytes": 25, "media_category": "tweet_video"}
    appends = fake.calls("POST", "/2/media/upload/700/append")
    assert [a.form["segment_index"] for a in appends] == ["0", "1", "2"]
    assert fake.uploads["700"]["bytes"] == data
    assert len(fake.calls("POST", "/2/media/upload/700/finalize")) == 1
    (subtitles_file,) = fake.calls("POST", "/2/media/upload")
    assert subtitles_file.form == {"media_category": "subtitles", "media_type": "text/srt"}
    (subtitles,) = fake.subtitles
    assert subtitles["video"] == "700"
    assert subtitles["language_code"] == "JA"
    assert subtitles["text"].startswith("1\n00:00:01,000 --> 00:00:03,000\n市民まつり")
    assert fake.uploads["700"]["alt"] == "会場の様子"
    (tweet,) = fake.posts
    assert tweet["media"] == {"media_ids": ["700"]}


def test_x_refuses_alt_text_over_1000_characters_instead_of_cutting_it(httpserver: HTTPServer) -> None:
    fake = FakeX(httpserver)
    long_alt = MediaFile(PNG, "image/png", "image", alt="あ" * 1001, filename="poster.png")
    with pytest.raises(PublishError) as caught:
        XPublisher(_conn("x", fake.base_url)).post(_request(media=(long_alt,)))
    assert caught.value.kind is ErrorKind.UNSUPPORTED
    assert "1000" in caught.value.message
    assert "poster.png" in caught.value.message
    assert fake.seen == []  # refused before anything was uploaded


def test_fake_x_refuses_the_deprecated_command_form(httpserver: HTTPServer) -> None:
    import httpx

    fake = FakeX(httpserver)
    init = httpx.post(
        fake.base_url + "/2/media/upload",
        data={"command": "INIT", "total_bytes": "10", "media_type": "video/mp4"},
    )
    assert init.status_code == 400
    assert "deprecated" in init.json()["detail"]
    missing = httpx.post(fake.base_url + "/2/media/upload/initialize", json={"media_type": "video/mp4"})
    assert missing.status_code == 400
    as_form = httpx.post(
        fake.base_url + "/2/media/upload/initialize", data={"media_type": "video/mp4", "total_bytes": "10"}
    )
    assert as_form.status_code == 400
    no_category = httpx.post(fake.base_url + "/2/media/upload", files={"media": ("a.png", PNG, "image/png")})
    assert no_category.status_code == 400
    assert fake.uploads == {}


def test_x_rate_limit_reads_the_reset_header(httpserver: HTTPServer) -> None:
    fake = FakeX(httpserver)
    reset = int(datetime.now(UTC).timestamp()) + 120
    fake.fail("/2/tweets", Fault(status=429, headers={"x-rate-limit-reset": str(reset)}))
    with pytest.raises(PublishError) as caught:
        XPublisher(_conn("x", fake.base_url)).post(_request())
    assert caught.value.kind is ErrorKind.RATE_LIMITED
    assert caught.value.retry_after is not None
    assert 100 < caught.value.retry_after <= 120
    assert "limits how often" in caught.value.message


def test_x_server_error_is_ambiguous(httpserver: HTTPServer) -> None:
    fake = FakeX(httpserver)
    fake.fail("/2/tweets", Fault(status=503))
    with pytest.raises(PublishError) as caught:
        XPublisher(_conn("x", fake.base_url)).post(_request())
    assert caught.value.kind is ErrorKind.AMBIGUOUS
    assert "503" in caught.value.message


def test_x_delete(httpserver: HTTPServer) -> None:
    fake = FakeX(httpserver)
    publisher = XPublisher(_conn("x", fake.base_url))
    post_id = publisher.post(_request()).post_id
    fake.add_delete_route(post_id)
    publisher.delete(post_id)
    assert fake.deleted == [post_id]
    assert publisher.recent() == []


# ---- Facebook ----------------------------------------------------------------------------------


def test_facebook_photos_carry_alt_text_custom_and_attach_to_one_post(httpserver: HTTPServer) -> None:
    fake = FakeFacebook(httpserver)
    result = FacebookPublisher(_conn("facebook", fake.base_url)).post(_request(media=(IMAGE, DECORATIVE)))
    photos = fake.calls("POST", "/me/photos")
    assert [p.form.get("alt_text_custom") for p in photos] == ["市民まつりのポスター", None]
    assert all(p.form["published"] == "false" for p in photos)
    assert photos[0].files["source"] == ("poster.png", PNG, "image/png")
    (feed,) = fake.calls("POST", "/me/feed")
    assert feed.form["message"] == "市民まつりは11月3日です。"
    assert feed.form["attached_media[0]"] == '{"media_fbid": "500"}'
    assert feed.form["attached_media[1]"] == '{"media_fbid": "501"}'
    assert all(TOKEN not in s.path and TOKEN not in str(s.args) for s in fake.seen)
    assert feed.headers["Authorization"] == f"Bearer {TOKEN}"
    assert result.url == "https://www.facebook.com/123_1"


@pytest.mark.parametrize(
    ("status", "kind"), [(429, ErrorKind.RATE_LIMITED), (500, ErrorKind.AMBIGUOUS), (403, ErrorKind.AUTH)]
)
def test_facebook_error_answers(httpserver: HTTPServer, status: int, kind: ErrorKind) -> None:
    fake = FakeFacebook(httpserver)
    fake.fail("/me/feed", Fault(status=status))
    with pytest.raises(PublishError) as caught:
        FacebookPublisher(_conn("facebook", fake.base_url)).post(_request())
    assert caught.value.kind is kind


# ---- LINE --------------------------------------------------------------------------------------


def test_line_broadcast_sends_the_retry_key_and_treats_409_as_already_sent(httpserver: HTTPServer) -> None:
    fake = FakeLine(httpserver)
    publisher = LinePublisher(_conn("line", fake.base_url))
    first = publisher.post(_request())
    (call,) = fake.calls("POST", "/v2/bot/message/broadcast")
    assert call.headers["X-Line-Retry-Key"] == KEY
    assert call.json == {"messages": [{"type": "text", "text": "市民まつりは11月3日です。"}]}
    assert first.post_id == "req-1"
    assert first.url is None
    again = publisher.post(_request())
    assert again.post_id == "req-1"
    assert len(fake.posts) == 1


def test_line_refuses_images_and_cannot_delete(httpserver: HTTPServer) -> None:
    fake = FakeLine(httpserver)
    publisher = LinePublisher(_conn("line", fake.base_url))
    with pytest.raises(PublishError) as caught:
        publisher.post(_request(media=(IMAGE,)))
    assert caught.value.kind is ErrorKind.UNSUPPORTED
    with pytest.raises(PublishError) as caught:
        publisher.delete("req-1")
    assert "cannot be unsent" in caught.value.message
    assert fake.seen == []


@pytest.mark.parametrize(("status", "kind"), [(429, ErrorKind.RATE_LIMITED), (500, ErrorKind.AMBIGUOUS)])
def test_line_error_answers(httpserver: HTTPServer, status: int, kind: ErrorKind) -> None:
    fake = FakeLine(httpserver)
    fake.fail("/v2/bot/message/broadcast", Fault(status=status, headers={"Retry-After": "30"}))
    with pytest.raises(PublishError) as caught:
        LinePublisher(_conn("line", fake.base_url)).post(_request())
    assert caught.value.kind is kind


def test_facebook_posts_a_video_with_its_captions_as_subrip(httpserver: HTTPServer) -> None:
    fake = FakeFacebook(httpserver)
    vtt = "WEBVTT\n\n00:01.000 --> 00:03.000\n市民まつりは11月3日です。\n".encode()
    video = MediaFile(b"\x00\x00\x00\x18ftypmp42", "video/mp4", "video", filename="matsuri.mp4", captions=vtt)
    result = FacebookPublisher(_conn("facebook", fake.base_url)).post(_request(media=(video,)))
    (uploaded,) = fake.videos
    assert "市民まつり" in uploaded["description"]
    assert fake.posts == []  # the video is the post
    (captions,) = fake.captions
    assert captions["video"] == uploaded["id"]
    assert captions["name"] == "matsuri.ja_JP.srt"
    assert captions["default_locale"] == "ja_JP"
    assert captions["text"].startswith("1\n00:00:01,000 --> 00:00:03,000\n")
    assert result.post_id == uploaded["id"]


def test_facebook_refuses_a_video_mixed_with_images(httpserver: HTTPServer) -> None:
    fake = FakeFacebook(httpserver)
    video = MediaFile(b"\x00", "video/mp4", "video", filename="v.mp4")
    with pytest.raises(PublishError) as caught:
        FacebookPublisher(_conn("facebook", fake.base_url)).post(_request(media=(IMAGE, video)))
    assert caught.value.kind is ErrorKind.UNSUPPORTED
    assert fake.photos == []


def test_x_waits_for_a_video_to_be_processed_before_posting(
    httpserver: HTTPServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake = FakeX(httpserver)
    waits: list[float] = []
    monkeypatch.setattr(XPublisher, "wait", staticmethod(waits.append))
    video = MediaFile(b"\x00\x00\x00\x18ftypmp42", "video/mp4", "video", alt="見本", filename="clip.mp4")
    XPublisher(_conn("x", fake.base_url)).post(_request(media=(video,)))
    assert waits == [1.0, 2.0]  # check_after_secs from finalize, then from STATUS
    assert len(fake.calls("GET", "/2/media/upload")) == 2
    (tweet,) = fake.posts
    assert tweet["media"] == {"media_ids": ["700"]}


def test_x_reports_a_video_it_could_not_process(httpserver: HTTPServer, monkeypatch: pytest.MonkeyPatch) -> None:
    fake = FakeX(httpserver)
    fake.processing_fails = True
    monkeypatch.setattr(XPublisher, "wait", staticmethod(lambda _s: None))
    video = MediaFile(b"\x00", "video/mp4", "video", filename="broken.mp4")
    with pytest.raises(PublishError) as caught:
        XPublisher(_conn("x", fake.base_url)).post(_request(media=(video,)))
    assert "broken.mp4" in caught.value.message
    assert fake.posts == []
