"""Every request the X adapter sends, validated against X's own API v2 OpenAPI document.

The document (2.159, the one X's ``xdk`` SDK is generated from) is read at
test time from ``../shared/contracts/x/`` beside the clone (CI lays it there;
``KOHOGATE_SHARED_DIR`` points elsewhere for a local run). It is not copied
into the repository. The validator is ``openapi-core``: it resolves the path
template and method, checks required path/query parameters and validates
the JSON or multipart body against the operation's schema. Nobody here wrote
either, so a request that passes here is one X documents.

The adapter runs against the loopback fake (:class:`FakeX`); afterwards each
recorded request is replayed into the validator as if sent to api.x.com.
"""

from __future__ import annotations

import json
import os
import re
import uuid
import warnings
from collections.abc import Iterator, Mapping
from datetime import UTC, datetime
from email.parser import BytesParser
from pathlib import Path
from typing import Any

import pytest
from pytest_httpserver import HTTPServer

from core.platforms.base import Connection, MediaFile, PostRequest
from core.platforms.x import XPublisher
from tests.support.platform_fakes import FakeX, Seen

openapi_core = pytest.importorskip("openapi_core")
from openapi_core.exceptions import OpenAPIError  # noqa: E402

SPEC_NAME = "openapi-2.159.json"
# OAuth 2.0 token renewal is specified by RFC 6749 and X's OAuth page, not by the API v2 document.
OUTSIDE_THE_DOCUMENT = frozenset({"/2/oauth2/token"})


def _spec_path() -> Path:
    shared = os.environ.get("KOHOGATE_SHARED_DIR")
    root = Path(shared) if shared else Path(__file__).resolve().parents[3] / ".." / "shared"
    return root / "contracts" / "x" / SPEC_NAME


class _Request:
    """What openapi-core reads from a request (its ``Request`` protocol), built from a recorded one."""

    def __init__(self, seen: Seen) -> None:
        from openapi_core.datatypes import RequestParameters
        from werkzeug.datastructures import Headers, ImmutableMultiDict

        self.host_url = "https://api.x.com"
        self.path = seen.path
        self.method = seen.method.lower()
        self.body = seen.body or None
        self.content_type = seen.content_type or "application/octet-stream"
        self.parameters = RequestParameters(
            query=ImmutableMultiDict(seen.args), header=Headers(seen.headers), cookie=ImmutableMultiDict()
        )


def _multipart(value: bytes, **parameters: str) -> Mapping[str, Any]:
    """multipart/form-data as fields: a part without a file name is text, a file part stays bytes.

    openapi-core's own reader hands every part over as bytes when the
    property's schema has no single ``type`` (``segment_index`` is a
    ``oneOf`` of integer and numeric string), and bytes match neither. A form
    field is text on the wire, so it is decoded here; files are untouched.
    """
    from werkzeug.datastructures import ImmutableMultiDict

    head = f'Content-Type: multipart/form-data; boundary="{parameters.get("boundary", "")}"\r\n\r\n'.encode()
    message = BytesParser().parsebytes(head + value)
    fields: list[tuple[str, Any]] = []
    for part in message.get_payload():
        name = part.get_param("name", header="content-disposition")
        payload = part.get_payload(decode=True)
        is_file = part.get_param("filename", header="content-disposition") is not None
        fields.append((name, payload if is_file else payload.decode("utf-8")))
    return ImmutableMultiDict(fields)


class Contract:
    """The document as openapi-core reads it, and as plain JSON for what openapi-core leaves out."""

    def __init__(self, document: dict[str, Any]) -> None:
        from openapi_core import OpenAPI
        from openapi_core.configurations import Config

        self.document = document
        # The document itself is X's; checking it against the OpenAPI meta-schema is not this test's job.
        self.openapi = OpenAPI.from_dict(
            document,
            config=Config(spec_validator_cls=None, extra_media_type_deserializers={"multipart/form-data": _multipart}),
        )

    def multipart_schema(self, method: str, path: str) -> dict[str, Any] | None:
        for template, operations in self.document["paths"].items():
            # Templates are plain path segments and ``{name}`` parameters.
            if re.fullmatch(re.sub(r"\{[^/]+\}", "[^/]+", template), path):
                body = operations.get(method.lower(), {}).get("requestBody", {})
                schema = body.get("content", {}).get("multipart/form-data", {}).get("schema")
                while schema is not None and "$ref" in schema:
                    target: Any = self.document
                    for part in schema["$ref"].removeprefix("#/").split("/"):
                        target = target[part]
                    schema = target
                if schema is not None:
                    return dict(schema)
        return None


class UndocumentedField(OpenAPIError):
    """A multipart field the operation's schema does not allow (``additionalProperties: false``)."""


@pytest.fixture(scope="module")
def spec() -> Contract:
    path = _spec_path()
    if not path.is_file():
        pytest.skip(f"X API OpenAPI document not found at {path} (CI lays ../shared beside the clone)")
    return Contract(json.loads(path.read_text(encoding="utf-8")))


def validate(spec: Contract, seen: Seen) -> None:
    """Raise openapi-core's error when ``seen`` is not a request the document allows."""
    with warnings.catch_warnings():
        # OAuth 2.0 security schemes are not checked by openapi-core; the Authorization header is checked below.
        warnings.filterwarnings("ignore", "Unsupported scheme type", UserWarning)
        spec.openapi.validate_request(_Request(seen))
    if seen.content_type.startswith("multipart/form-data"):
        # openapi-core reads only the properties a multipart schema names and drops the rest
        # unseen, so ``additionalProperties: false`` (which rules out ``command=``) is checked here.
        schema = spec.multipart_schema(seen.method, seen.path)
        if schema is not None and schema.get("additionalProperties") is False:
            boundary = seen.content_type.split("boundary=", 1)[-1].strip('"')
            extra = set(_multipart(seen.body, boundary=boundary)) - set(schema.get("properties", {}))
            if extra:
                raise UndocumentedField(f"{seen.method} {seen.path}: fields {sorted(extra)} are not in the document")


def validated(spec: Contract, fake: FakeX) -> Iterator[Seen]:
    for seen in fake.seen:
        if seen.path in OUTSIDE_THE_DOCUMENT:
            continue
        validate(spec, seen)
        assert seen.headers.get("Authorization", "").startswith("Bearer "), seen.path
        yield seen


TOKEN = "tok-canary-5b2e8f"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
KEY = str(uuid.UUID(int=11))


def _publisher(fake: FakeX, credential: str = TOKEN) -> XPublisher:
    return XPublisher(Connection("x", "@city_koho", credential, base_url=fake.base_url))


def _request(*media: MediaFile) -> PostRequest:
    return PostRequest("市民まつりは11月3日です。 #和光市", media, KEY, datetime(2026, 11, 1, 9, tzinfo=UTC))


def test_an_image_post_with_alt_text_matches_the_document(
    spec: Contract, httpserver: HTTPServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake = FakeX(httpserver)
    images = (
        MediaFile(PNG, "image/png", "image", alt="市民まつりのポスター", filename="poster.png"),
        MediaFile(PNG, "image/jpeg", "image", alt="", filename="map.jpg"),
        MediaFile(b"GIF89a" + b"\x00" * 20, "image/gif", "image", alt="動く案内", filename="guide.gif"),
    )
    _publisher(fake).post(_request(*images))
    paths = [(s.method, s.path) for s in validated(spec, fake)]
    assert paths == [
        ("POST", "/2/media/upload"),
        ("POST", "/2/media/metadata"),
        ("POST", "/2/media/upload"),
        ("POST", "/2/media/upload/initialize"),  # GIFs are not taken by the one-shot upload
        ("POST", "/2/media/upload/702/append"),
        ("POST", "/2/media/upload/702/finalize"),
        ("POST", "/2/media/metadata"),
        ("POST", "/2/tweets"),
    ]


def test_a_video_post_with_captions_matches_the_document(
    spec: Contract, httpserver: HTTPServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake = FakeX(httpserver)
    monkeypatch.setattr(XPublisher, "wait", staticmethod(lambda _s: None))
    monkeypatch.setattr("core.platforms.x.CHUNK", 16)  # 36 bytes: three segments
    srt = "1\n00:00:01,000 --> 00:00:03,000\n市民まつりは11月3日です。\n".encode()
    video = MediaFile(b"\x00\x00\x00\x18ftypmp42" * 3, "video/mp4", "video", alt="会場", captions=srt, filename="a.mp4")
    _publisher(fake).post(_request(video))
    paths = [(s.method, s.path) for s in validated(spec, fake)]
    assert paths == [
        ("POST", "/2/media/upload/initialize"),
        ("POST", "/2/media/upload/700/append"),
        ("POST", "/2/media/upload/700/append"),
        ("POST", "/2/media/upload/700/append"),
        ("POST", "/2/media/upload/700/finalize"),
        ("GET", "/2/media/upload"),
        ("GET", "/2/media/upload"),
        ("POST", "/2/media/metadata"),
        ("POST", "/2/media/upload"),  # the subtitles file
        ("POST", "/2/media/subtitles"),
        ("POST", "/2/tweets"),
    ]


def test_looking_for_and_deleting_posts_matches_the_document(spec: Contract, httpserver: HTTPServer) -> None:
    fake = FakeX(httpserver)
    publisher = _publisher(fake)
    post_id = publisher.post(_request()).post_id
    fake.add_delete_route(post_id)
    publisher.recent(3)
    publisher.delete(post_id)
    assert [(s.method, s.path) for s in validated(spec, fake)] == [
        ("POST", "/2/tweets"),
        ("GET", "/2/users/me"),
        ("GET", "/2/users/42/tweets"),
        ("DELETE", f"/2/tweets/{post_id}"),
    ]


def test_a_renewed_token_posts_through_documented_calls(spec: Contract, httpserver: HTTPServer) -> None:
    fake = FakeX(httpserver)
    fake.refresh_token = "refresh-0"
    _publisher(fake, json.dumps({"client_id": "cid", "refresh_token": "refresh-0"})).post(_request())
    assert fake.renewals == 1
    assert [s.path for s in validated(spec, fake)] == ["/2/tweets"]


def _seen(method: str, path: str, **kwargs: Any) -> Seen:
    import httpx

    request = httpx.Request(method, "https://api.x.com" + path, headers={"Authorization": "Bearer t"}, **kwargs)
    body = request.read()
    return Seen(
        method,
        path,
        dict(request.headers),
        {},
        {},
        None,
        dict(request.url.params),
        body,
        request.headers.get("content-type", ""),
    )


@pytest.mark.parametrize(
    "seen",
    [
        # The deprecated form: form-encoded, and ``command`` is no field of the one-shot upload.
        _seen("POST", "/2/media/upload", data={"command": "INIT", "total_bytes": "64", "media_type": "image/png"}),
        _seen(
            "POST",
            "/2/media/upload",
            data={"command": "APPEND", "media_id": "700", "segment_index": "0", "media_category": "tweet_image"},
            files={"media": ("m", PNG, "application/octet-stream")},
        ),
        # A category the one-shot upload does not take.
        _seen(
            "POST",
            "/2/media/upload",
            data={"media_category": "tweet_video"},
            files={"media": ("m", PNG, "video/mp4")},
        ),
        _seen("POST", "/2/media/upload/initialize", json={"media_type": "video/mp4", "total_bytes": "64"}),
        _seen("POST", "/2/media/upload/700/append", files={"media": ("m", PNG, "application/octet-stream")}),
        _seen("POST", "/2/media/upload/abc/finalize"),
        _seen("GET", "/2/media/upload", params={"command": "STATUS"}),
        _seen("POST", "/2/media/metadata", json={"id": "700", "metadata": {"alt_text": {"text": "あ" * 1001}}}),
        _seen("POST", "/2/media/subtitles", json={"id": "700", "subtitles": {"id": "701", "language_code": "ja"}}),
        _seen("POST", "/2/tweets", json={"text": "x", "media": {"media_ids": ["1", "2", "3", "4", "5"]}}),
        _seen("PUT", "/2/tweets", json={"text": "x"}),
        _seen("POST", "/2/media/upload/700/status"),
    ],
    ids=[
        "command-init",
        "command-append",
        "one-shot-video",
        "init-size-as-string",
        "append-without-segment",
        "finalize-bad-id",
        "status-without-media-id",
        "alt-text-too-long",
        "subtitles-lowercase-language",
        "five-media",
        "wrong-method",
        "unknown-path",
    ],
)
def test_the_document_refuses_what_x_refuses(spec: Contract, seen: Seen) -> None:
    with pytest.raises(OpenAPIError):
        validate(spec, seen)


def test_reading_mentions_and_moderating_match_the_document(spec: Contract, httpserver: HTTPServer) -> None:
    """The inbound reader: mentions with since_id and pagination_token, hidden replies, muting."""
    from core.platforms.facts import Moderation
    from core.platforms.inbound import Pacing
    from core.platforms.inbound_x import XReader
    from tests.support.inbound_fakes import XInbox

    fake = XInbox(httpserver)
    fake.mention("最初")
    reader = XReader(Connection("x", "@city_koho", TOKEN, base_url=fake.base_url), Pacing(sleep=lambda _s: None))
    cursor = reader.read(None).cursor
    for n in range(120):
        fake.mention(f"返信 {n}")
    items = reader.read(cursor).items
    reader.moderate(Moderation.HIDE, items[0], "脅迫")
    reader.moderate(Moderation.MUTE, items[0], "脅迫")
    paths = [(s.method, s.path, s.args.get("pagination_token")) for s in validated(spec, fake)]
    assert paths == [
        ("GET", "/2/users/me", None),
        ("GET", "/2/users/42/mentions", None),
        ("GET", "/2/users/42/mentions", None),
        ("GET", "/2/users/42/mentions", "100"),
        ("PUT", f"/2/tweets/{items[0].item_id}/hidden", None),
        ("POST", "/2/users/42/muting", None),
    ]
