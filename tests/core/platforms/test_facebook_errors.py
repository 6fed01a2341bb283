"""Facebook Graph errors classified by Meta's error reference, against the loopback fake.

Codes and recovery tactics from developers.facebook.com/docs/graph-api/guides/error-handling
and .../overview/rate-limiting: throttling (4, 17, 32, 613, 80001) → wait and
retry; 190 → new token; 10 and 200–299 → grant the permission.
"""

from __future__ import annotations

import json
import uuid
from datetime import UTC, datetime

import pytest
from pytest_httpserver import HTTPServer

from core.platforms import facebook
from core.platforms.base import Connection, MediaFile, PostRequest
from core.platforms.errors import ErrorKind, PublishError
from core.platforms.facebook import FacebookPublisher
from tests.support.platform_fakes import FakeFacebook, Fault, graph_fault

TOKEN = "page-token-canary-77e1"
KEY = str(uuid.UUID(int=31))


def _publisher(fake: FakeFacebook) -> FacebookPublisher:
    return FacebookPublisher(Connection("facebook", "city", TOKEN, base_url=fake.base_url))


def _request(*media: MediaFile) -> PostRequest:
    return PostRequest("市民まつりは11月3日です。", media, KEY, datetime(2026, 11, 1, 9, tzinfo=UTC))


def _fails(fake: FakeFacebook, *media: MediaFile) -> PublishError:
    with pytest.raises(PublishError) as caught:
        _publisher(fake).post(_request(*media))
    assert TOKEN not in str(caught.value)
    assert TOKEN not in (caught.value.hint or "")
    return caught.value


@pytest.mark.parametrize("code", [4, 17, 32, 613, 80001])
def test_rate_limit_codes_are_waited_for_not_refusals(httpserver: HTTPServer, code: int) -> None:
    fake = FakeFacebook(httpserver)
    fake.fail("/me/feed", graph_fault(code))  # Graph answers throttling with HTTP 400
    error = _fails(fake)
    assert error.kind is ErrorKind.RATE_LIMITED
    assert error.retry_after is None  # no header: the outbox's own backoff applies
    assert fake.posts == []


def test_the_wait_comes_from_retry_after_when_given(httpserver: HTTPServer) -> None:
    fake = FakeFacebook(httpserver)
    fake.fail("/me/feed", graph_fault(4, headers={"Retry-After": "90"}))
    assert _fails(fake).retry_after == 90


def test_the_wait_comes_from_the_business_use_case_header(httpserver: HTTPServer) -> None:
    fake = FakeFacebook(httpserver)
    entry = {"type": "pages", "call_count": 100, "total_cputime": 30, "estimated_time_to_regain_access": 7}
    usage = {"112233": [entry]}
    fake.fail("/me/feed", graph_fault(80001, headers={"X-Business-Use-Case-Usage": json.dumps(usage)}))
    error = _fails(fake)
    assert error.kind is ErrorKind.RATE_LIMITED
    assert error.retry_after == 7 * 60


def test_the_wait_comes_from_the_page_usage_header(httpserver: HTTPServer) -> None:
    fake = FakeFacebook(httpserver)
    usage = {"call_count": 100, "total_cputime": 20, "total_time": 30, "estimated_time_to_regain_access": 2}
    fake.fail("/me/photos", graph_fault(32, headers={"X-Page-Usage": json.dumps(usage)}))
    image = MediaFile(b"\x89PNG\r\n\x1a\n", "image/png", "image", alt="ポスター", filename="p.png")
    error = _fails(fake, image)
    assert error.kind is ErrorKind.RATE_LIMITED
    assert error.retry_after == 120


@pytest.mark.parametrize(("code", "status"), [(190, 400), (190, 401), (102, 400)])
def test_an_expired_token_is_a_credential_problem(httpserver: HTTPServer, code: int, status: int) -> None:
    fake = FakeFacebook(httpserver)
    fake.fail("/me/feed", graph_fault(code, status, message="Error validating access token: Session has expired"))
    error = _fails(fake)
    assert error.kind is ErrorKind.AUTH
    assert "expired" in error.message
    assert error.hint is not None
    assert "Page access token" in error.hint
    assert "Session has expired" not in error.message  # Graph's own text never reaches the message


@pytest.mark.parametrize(
    ("code", "message", "permission"),
    [
        (200, "(#200) Requires pages_manage_posts permission to manage the object", "pages_manage_posts"),
        (10, "(#10) This endpoint requires the pages_read_engagement permission", "pages_read_engagement"),
        (
            230,
            "(#230) Requires pages_manage_posts and pages_read_engagement",
            "pages_manage_posts, pages_read_engagement",
        ),
        (299, "(#299) Permission denied", facebook.POST_PERMISSIONS),  # unnamed: what posting needs
    ],
)
def test_a_missing_permission_names_what_to_grant(
    httpserver: HTTPServer, code: int, message: str, permission: str
) -> None:
    fake = FakeFacebook(httpserver)
    fake.fail("/me/feed", graph_fault(code, 403, message=message))
    error = _fails(fake)
    assert error.kind is ErrorKind.AUTH
    assert error.hint is not None
    assert permission in error.hint


def test_reading_posts_names_the_read_permissions(httpserver: HTTPServer) -> None:
    fake = FakeFacebook(httpserver)
    fake.fail("/me/posts", graph_fault(200, 403))
    with pytest.raises(PublishError) as caught:
        _publisher(fake).recent()
    assert caught.value.hint is not None
    assert facebook.READ_PERMISSIONS in caught.value.hint


@pytest.mark.parametrize(("code", "word"), [(368, "policy"), (506, "duplicate")])
def test_policy_blocks_and_duplicates_are_refusals(httpserver: HTTPServer, code: int, word: str) -> None:
    fake = FakeFacebook(httpserver)
    fake.fail("/me/feed", graph_fault(code))
    error = _fails(fake)
    assert error.kind is ErrorKind.REJECTED
    assert word in error.message


def test_other_codes_keep_the_http_meaning(httpserver: HTTPServer) -> None:
    fake = FakeFacebook(httpserver)
    fake.fail("/me/feed", graph_fault(2, 503), graph_fault(100, 400))
    assert _fails(fake).kind is ErrorKind.AMBIGUOUS  # "service temporarily unavailable" after the post went out
    error = _fails(fake)
    assert error.kind is ErrorKind.REJECTED
    assert "[100]" in error.message


def test_a_dropped_video_upload_may_be_a_published_post(httpserver: HTTPServer) -> None:
    fake = FakeFacebook(httpserver)
    fake.fail("/me/videos", Fault(drop_after=True))
    video = MediaFile(b"\x00\x00\x00\x18ftypmp42", "video/mp4", "video", filename="v.mp4")
    assert _fails(fake, video).kind is ErrorKind.AMBIGUOUS  # the video with its description is the post
    assert len(fake.videos) == 1


def test_the_fake_refuses_a_post_without_content(httpserver: HTTPServer) -> None:
    import httpx

    fake = FakeFacebook(httpserver)
    answer = httpx.post(fake.base_url + "/me/feed", data={"published": "true"})
    assert answer.status_code == 400
    assert answer.json()["error"]["code"] == 100


def test_one_current_version_and_the_video_host() -> None:
    assert f"https://graph.facebook.com/{facebook.GRAPH_VERSION}" == facebook.DEFAULT_API
    assert f"https://graph-video.facebook.com/{facebook.GRAPH_VERSION}" == facebook.DEFAULT_VIDEO_API
    publisher = FacebookPublisher(Connection("facebook", "city", TOKEN))
    assert str(publisher._video_api._client.base_url).rstrip("/") == facebook.DEFAULT_VIDEO_API
    assert str(publisher._api._client.base_url).rstrip("/") == facebook.DEFAULT_API
