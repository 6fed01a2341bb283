"""Bluesky records as the lexicon wants them: facets by UTF-8 bytes, aspect ratios, rkey reconciliation.

Every record the adapter sends to the fake is validated there against the
``atproto`` package's ``app.bsky.feed.post`` model (generated from the
lexicons the PDS enforces); the tests here also validate the records they
inspect, so a test passes only with a record the SDK accepts.
"""

from __future__ import annotations

import io
import uuid
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from PIL import Image
from pytest_httpserver import HTTPServer

from core.platforms.base import Connection, MediaFile, PostRequest
from core.platforms.bluesky import BlueskyPublisher, record_key
from core.platforms.bluesky_facets import facets, link_facets
from core.platforms.errors import ErrorKind, PublishError
from core.platforms.media_size import image_size, video_size
from tests.support.platform_fakes import FakeBluesky, Fault

TOKEN = "app-pass-canary-91c3"
KEY = str(uuid.UUID(int=21))
CREATED = datetime(2026, 11, 1, 9, tzinfo=UTC)
DISASTER = "詳しくはhttps://www.city.example.lg.jp/bousai/をご覧ください。"
WIKI = "https://ja.wikipedia.org/wiki/和光市_(埼玉県)"


def _valid(record: dict[str, Any]) -> Any:
    from atproto import models
    from atproto_client.models.utils import get_or_create

    return get_or_create(record, models.AppBskyFeedPost.Record, strict_string_format=True)


def _covered(text: str, facet: dict[str, Any]) -> str:
    index = facet["index"]
    return text.encode("utf-8")[index["byteStart"] : index["byteEnd"]].decode("utf-8")


def _size(ratio: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in ratio.items() if k != "$type"}


def _png(width: int, height: int) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (width, height), (200, 30, 30)).save(out, "PNG")
    return out.getvalue()


def _mp4(tmp_path: Path, width: int, height: int) -> bytes:
    """A real MP4 written by OpenCV's muxer (not by this project)."""
    import cv2
    import numpy as np

    path = tmp_path / "clip.mp4"
    writer = cv2.VideoWriter(str(path), cv2.VideoWriter_fourcc(*"mp4v"), 10, (width, height))
    assert writer.isOpened()
    for _ in range(3):
        writer.write(np.zeros((height, width, 3), np.uint8))
    writer.release()
    return path.read_bytes()


def _publisher(fake: FakeBluesky) -> BlueskyPublisher:
    return BlueskyPublisher(Connection("bluesky", "koho.city.example", TOKEN, base_url=fake.base_url))


def _post(fake: FakeBluesky, text: str, *media: MediaFile) -> dict[str, Any]:
    _publisher(fake).post(PostRequest(text, media, KEY, CREATED))
    (create,) = fake.calls("POST", "/xrpc/com.atproto.repo.createRecord")
    record: dict[str, Any] = create.json["record"]
    _valid(record)
    return record


# ---- facets ------------------------------------------------------------------------------------


def test_a_link_inside_japanese_text_covers_exactly_the_url_in_utf8_bytes() -> None:
    (facet,) = link_facets(DISASTER)
    assert _covered(DISASTER, facet) == "https://www.city.example.lg.jp/bousai/"
    assert facet["index"] == {"byteStart": len("詳しくは".encode()), "byteEnd": len("詳しくは".encode()) + 38}
    assert facet["features"] == [
        {"$type": "app.bsky.richtext.facet#link", "uri": "https://www.city.example.lg.jp/bousai/"}
    ]


@pytest.mark.parametrize("text", [WIKI, f"{WIKI} を参照", f"（{WIKI}）を参照", f"出典: {WIKI}。"])
def test_a_path_in_japanese_with_brackets_is_one_link(text: str) -> None:
    (facet,) = link_facets(text)
    assert _covered(text, facet) == WIKI
    assert facet["features"][0]["uri"] == WIKI


def test_a_link_without_a_scheme_gets_https() -> None:
    text = "会場はwww.city.example.lg.jp/fesです"
    (facet,) = link_facets(text)
    assert _covered(text, facet) == "www.city.example.lg.jp/fes"
    assert facet["features"][0]["uri"] == "https://www.city.example.lg.jp/fes"


def test_hashtags_and_resolved_mentions_get_facets_unresolved_stay_text() -> None:
    text = "市民まつり #和光市 #2026 #防災の日。@koho.city.example と @nobody.example から https://a.example.jp/#top"
    dids = {"koho.city.example": "did:plc:cityexample"}
    found = facets(text, dids.get)
    assert [(_covered(text, f), f["features"][0]) for f in found] == [
        ("#和光市", {"$type": "app.bsky.richtext.facet#tag", "tag": "和光市"}),
        ("#防災の日", {"$type": "app.bsky.richtext.facet#tag", "tag": "防災の日"}),
        ("@koho.city.example", {"$type": "app.bsky.richtext.facet#mention", "did": "did:plc:cityexample"}),
        ("https://a.example.jp/#top", {"$type": "app.bsky.richtext.facet#link", "uri": "https://a.example.jp/#top"}),
    ]


def test_the_posted_record_carries_every_facet_and_the_sdk_accepts_it(httpserver: HTTPServer) -> None:
    fake = FakeBluesky(httpserver)
    text = f"{DISASTER}\n{WIKI}\n#和光市 @koho.city.example @unknown.example"
    record = _post(fake, text)
    covered = [_covered(text, f) for f in record["facets"]]
    assert covered == [
        "https://www.city.example.lg.jp/bousai/",
        WIKI,
        "#和光市",
        "@koho.city.example",
    ]
    assert fake.calls("GET", "/xrpc/com.atproto.identity.resolveHandle")[-1].args == {"handle": "unknown.example"}


# ---- aspect ratios -----------------------------------------------------------------------------


def test_images_carry_their_aspect_ratio(httpserver: HTTPServer) -> None:
    fake = FakeBluesky(httpserver)
    wide = MediaFile(_png(640, 360), "image/png", "image", alt="横長のポスター", filename="wide.png")
    tall = MediaFile(_png(300, 500), "image/png", "image", alt="縦長のチラシ", filename="tall.png")
    record = _post(fake, "お知らせ", wide, tall)
    assert [_size(i["aspectRatio"]) for i in record["embed"]["images"]] == [
        {"width": 640, "height": 360},
        {"width": 300, "height": 500},
    ]


def test_a_turned_jpeg_reports_the_size_it_is_shown_at() -> None:
    out = io.BytesIO()
    exif = Image.Exif()
    exif[0x0112] = 6  # rotate 90° when shown
    Image.new("RGB", (400, 300)).save(out, "JPEG", exif=exif)
    assert image_size(out.getvalue()) == (300, 400)
    assert image_size(b"not an image") is None


def test_a_video_carries_its_aspect_ratio(httpserver: HTTPServer, tmp_path: Path) -> None:
    fake = FakeBluesky(httpserver)
    data = _mp4(tmp_path, 320, 180)
    assert video_size(data) == (320, 180)
    record = _post(fake, "動画です", MediaFile(data, "video/mp4", "video", alt="会場の様子", filename="clip.mp4"))
    assert _size(record["embed"]["aspectRatio"]) == {"width": 320, "height": 180}
    assert video_size(b"\x00\x00\x00\x08free") is None


# ---- reconciliation by rkey --------------------------------------------------------------------


def test_a_repeated_create_answered_500_is_found_at_its_rkey_and_is_a_success(httpserver: HTTPServer) -> None:
    fake = FakeBluesky(httpserver)
    publisher = _publisher(fake)
    request = PostRequest("市民まつりは11月3日です。", (), KEY, CREATED)
    first = publisher.post(request)
    again = publisher.post(request)  # the reference PDS answers this createRecord with HTTP 500
    assert [c.json["rkey"] for c in fake.calls("POST", "/xrpc/com.atproto.repo.createRecord")] == [
        record_key(KEY, CREATED)
    ] * 2
    (get,) = fake.calls("GET", "/xrpc/com.atproto.repo.getRecord")
    assert get.args["rkey"] == record_key(KEY, CREATED)
    assert again == first
    assert len(fake.posts) == 1
    assert publisher.idempotent


def test_a_dropped_create_is_read_back_at_its_rkey(httpserver: HTTPServer) -> None:
    fake = FakeBluesky(httpserver)
    fake.fail("/xrpc/com.atproto.repo.createRecord", Fault(drop_after=True))
    result = _publisher(fake).post(PostRequest("防災訓練のお知らせ", (), KEY, CREATED))
    assert result.post_id == fake.posts[0]["uri"]
    assert len(fake.posts) == 1


def test_a_server_error_without_a_record_stays_ambiguous(httpserver: HTTPServer) -> None:
    fake = FakeBluesky(httpserver)
    fake.fail("/xrpc/com.atproto.repo.createRecord", Fault(status=500))
    with pytest.raises(PublishError) as caught:
        _publisher(fake).post(PostRequest("防災訓練のお知らせ", (), KEY, CREATED))
    assert caught.value.kind is ErrorKind.AMBIGUOUS
    assert len(fake.calls("GET", "/xrpc/com.atproto.repo.getRecord")) == 1
    assert fake.posts == []


def test_a_record_at_the_rkey_with_other_text_is_not_taken_for_this_post(httpserver: HTTPServer) -> None:
    fake = FakeBluesky(httpserver)
    publisher = _publisher(fake)
    publisher.post(PostRequest("別の投稿", (), KEY, CREATED))
    with pytest.raises(PublishError) as caught:
        publisher.post(PostRequest("防災訓練のお知らせ", (), KEY, CREATED))
    assert caught.value.kind is ErrorKind.AMBIGUOUS


def test_the_fake_refuses_what_the_sdk_models_refuse(httpserver: HTTPServer) -> None:
    import httpx

    fake = FakeBluesky(httpserver)
    bad = {"$type": "app.bsky.feed.post", "text": "x", "createdAt": "yesterday"}
    answer = httpx.post(
        fake.base_url + "/xrpc/com.atproto.repo.createRecord",
        json={"repo": FakeBluesky.DID, "collection": "app.bsky.feed.post", "record": bad},
    )
    assert answer.status_code == 400
    assert answer.json()["error"] == "InvalidRequest"
    with pytest.raises(Exception, match="byteEnd"):
        _valid({**bad, "createdAt": CREATED.isoformat(), "facets": [{"index": {"byteStart": 0}, "features": []}]})


@pytest.mark.parametrize(
    "item",
    [
        MediaFile(b"\x89PNG" + b"\x00" * 2_000_001, "image/png", "image", alt="大きすぎる画像", filename="big.png"),
        MediaFile(b"\x00\x00\x00\x14ftypqt  ", "video/quicktime", "video", alt="mov", filename="a.mov"),
    ],
    ids=["image-over-2000000-bytes", "quicktime-video"],
)
def test_the_fake_refuses_what_the_reference_pds_refuses(httpserver: HTTPServer, item: MediaFile) -> None:
    fake = FakeBluesky(httpserver)
    with pytest.raises(PublishError) as caught:
        _publisher(fake).post(PostRequest("お知らせ", (item,), KEY, CREATED))
    assert caught.value.kind is ErrorKind.REJECTED
    assert fake.posts == []
