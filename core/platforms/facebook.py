"""Facebook Page through the Graph API with httpx (no official Python SDK).

The credential is a *Page* access token (``pages_manage_posts``); with it,
``/me`` is the Page, so no page id needs storing. Photos are uploaded
unpublished to ``/me/photos`` with their description in ``alt_text_custom``
and attached to one ``/me/feed`` post through ``attached_media``. A video is
a post of its own: it goes to ``/me/videos`` with the text as its
description, and its captions (converted to SubRip, the only format the
captions API takes) to ``/{video-id}/captions``. A video cannot share a post
with photos. The token travels in the ``Authorization`` header, never in
the URL.

Videos go to ``graph-video.facebook.com``, the host Meta documents for
video uploads (a single multipart request, which takes files up to 1 GB).

Errors are classified from Meta's Graph API error reference (Handling
Errors; Rate Limits), by the ``error.code`` in the answer rather than the
HTTP status, which Graph sets loosely (a rate limit usually comes as 400):

* 4, 17, 32, 613, 80001 (app, user, Page, method and Pages business-use-case
  limits) → :attr:`ErrorKind.RATE_LIMITED`, with the wait from
  ``Retry-After`` or the usage headers' ``estimated_time_to_regain_access``
  when given, so the outbox waits and tries again;
* 190 and 102 (expired, revoked or invalid token) → a credential message;
* 10 and 200–299 (permission missing) → a message naming the permission to
  grant: the one the answer names, else the one the call needs;
* 368 (temporarily blocked for policy reasons) and 506 (duplicate post) →
  refused, with the reason.

Only the code and a permission name are taken from the answer; its text
may echo the request and never reaches a message.

Graph API has no idempotency key: ambiguous failures go to 要確認 and are
reconciled against ``/me/posts``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from core.i18n import tr
from core.platforms.base import (
    Connection,
    MediaFile,
    PostRequest,
    PostResult,
    Progress,
    RecentPost,
    media_alt,
    no_progress,
)
from core.platforms.captions import as_srt
from core.platforms.errors import (
    ErrorKind,
    PublishError,
    during_upload,
    from_status,
    rate_limited,
    retry_after_seconds,
    unsupported,
)
from core.platforms.http import HttpApi

PLATFORM = "Facebook"
CAPTIONS_LOCALE = "ja_JP"
# The newest version in Meta's changelog (v26.0, 29 July 2026). Versions are
# retired about two years after release: raise this one with each review of
# the changelog (the adapter uses nothing version-specific).
GRAPH_VERSION = "v26.0"
DEFAULT_API = f"https://graph.facebook.com/{GRAPH_VERSION}"
DEFAULT_VIDEO_API = f"https://graph-video.facebook.com/{GRAPH_VERSION}"

# Meta's error reference: throttling at the app (4), user (17), Page (32), method (613) and
# Pages business-use-case (80001) level.
RATE_LIMIT_CODES = frozenset({4, 17, 32, 613, 80001})
TOKEN_CODES = frozenset({102, 190})
POST_PERMISSIONS = "pages_manage_posts, pages_read_engagement"
READ_PERMISSIONS = "pages_read_engagement, pages_read_user_content"
_PERMISSION = re.compile(r"\b(pages_[a-z_]+|publish_video|publish_to_groups|business_management)\b")
_USAGE_HEADERS = ("x-business-use-case-usage", "x-page-usage", "x-app-usage")
_STATUSES = (400, 401, 403, 404, 429, 500, 502, 503)


def _minutes_to_regain(headers: dict[str, str]) -> float | None:
    """``estimated_time_to_regain_access`` (minutes) from Graph's usage headers, in seconds."""
    lower = {k.lower(): v for k, v in headers.items()}
    longest: float | None = None
    for name in _USAGE_HEADERS:
        try:
            usage = json.loads(lower.get(name, "") or "null")
        except ValueError:
            continue
        # X-Business-Use-Case-Usage: {"<id>": [{...}]}; X-Page-Usage / X-App-Usage: {...}.
        entries = [usage] if isinstance(usage, dict) and "call_count" in usage else []
        if isinstance(usage, dict) and not entries:
            entries = [e for value in usage.values() if isinstance(value, list) for e in value]
        for entry in entries:
            minutes = entry.get("estimated_time_to_regain_access") if isinstance(entry, dict) else None
            if isinstance(minutes, int | float) and minutes > 0:
                longest = max(longest or 0.0, float(minutes) * 60)
    return longest


def graph_error(status: int, body: Any, headers: dict[str, str], needs: str) -> PublishError:
    """The :class:`PublishError` for a Graph error answer; ``needs`` names the call's permissions."""
    error = body.get("error") if isinstance(body, dict) else None
    error = error if isinstance(error, dict) else {}
    try:
        code = int(error.get("code") or 0)
    except (TypeError, ValueError):
        code = 0
    if code in RATE_LIMIT_CODES:
        wait = retry_after_seconds(headers, datetime.now(UTC))
        if wait is None:
            wait = _minutes_to_regain(headers)
        return rate_limited(PLATFORM, wait)
    if code in TOKEN_CODES:
        return PublishError(
            ErrorKind.AUTH,
            tr(
                "Facebook says the stored Page access token has expired or was revoked (code {code}). "
                "Nothing was posted."
            ).format(code=code),
            status=status,
            hint=tr("Ask the account manager to issue a new Page access token and store it (Accounts → Credential)."),
        )
    if code == 10 or 200 <= code <= 299:
        named = _PERMISSION.findall(str(error.get("message") or ""))
        permission = ", ".join(dict.fromkeys(named)) if named else needs
        return PublishError(
            ErrorKind.AUTH,
            tr("Facebook refused the call for want of a permission (code {code}). Nothing was posted.").format(
                code=code
            ),
            status=status,
            hint=tr("Grant the app {permission} on the Page and store the new Page access token.").format(
                permission=permission
            ),
        )
    if code == 368:
        return PublishError(
            ErrorKind.REJECTED,
            tr(
                "Facebook has temporarily blocked posting from this Page for a policy reason (code 368). "
                "Nothing was published; check the Page's quality notices before trying again."
            ),
            status=status,
        )
    if code == 506:
        return PublishError(
            ErrorKind.REJECTED,
            tr("Facebook refused the post as a duplicate of a recent one (code 506). Nothing new was published."),
            status=status,
        )
    return from_status(PLATFORM, status, code=str(code) if code else "")


def _classifier(needs: str) -> dict[int, Callable[[Any], Any]]:
    """``accept`` handlers for :meth:`HttpApi.call` that raise the classified Graph error."""

    def classify(response: Any) -> Any:
        try:
            body = response.json()
        except ValueError:
            body = None
        raise graph_error(response.status_code, body, dict(response.headers), needs)

    return dict.fromkeys(_STATUSES, classify)


class FacebookPublisher:
    platform = "facebook"
    idempotent = False
    deletable = True

    def __init__(self, connection: Connection) -> None:
        self._api = HttpApi(PLATFORM, connection.base_url or DEFAULT_API, connection.credential)
        # Tests point both at one loopback fake.
        self._video_api = HttpApi(PLATFORM, connection.base_url or DEFAULT_VIDEO_API, connection.credential)

    def close(self) -> None:
        """Close the HTTP client (the end of a publishing run)."""
        self._api.close()
        self._video_api.close()

    def _post(self, path: str, **kwargs: Any) -> Any:
        return self._api.call("POST", path, accept=_classifier(POST_PERMISSIONS), **kwargs)

    def post(self, request: PostRequest, progress: Progress = no_progress) -> PostResult:
        videos = [item for item in request.media if item.kind == "video"]
        if videos:
            if len(request.media) > 1:
                raise unsupported(
                    tr("A Facebook post with a video carries only that video: post the images separately.")
                )
            return self._post_video(request, videos[0], progress)
        photo_ids: list[str] = []
        total = len(request.media)
        for index, item in enumerate(request.media):
            progress(index, total, item.filename)
            form = {"published": "false"}
            alt = media_alt(item)
            if alt:
                form["alt_text_custom"] = alt
            try:
                answer = self._post("/me/photos", data=form, files={"source": (item.filename, item.data, item.mime)})
            except PublishError as error:
                raise during_upload(PLATFORM, error) from None
            photo_ids.append(str(answer["id"]))
        progress(total, total, "")
        body: dict[str, Any] = {"message": request.text}
        for index, photo_id in enumerate(photo_ids):
            body[f"attached_media[{index}]"] = json.dumps({"media_fbid": photo_id})
        answer = self._post("/me/feed", data=body)
        post_id = str(answer["id"])
        return PostResult(post_id, f"https://www.facebook.com/{post_id}")

    def _post_video(self, request: PostRequest, video: MediaFile, progress: Progress) -> PostResult:
        steps = 2 if video.captions else 1
        progress(0, steps, video.filename)
        try:
            answer = self._video_api.call(
                "POST",
                "/me/videos",
                data={"description": request.text},
                files={"source": (video.filename, video.data, video.mime)},
                accept=_classifier(POST_PERMISSIONS),
            )
        except PublishError:
            # Not during_upload: with its description the uploaded video *is* the post, so a
            # broken answer here may mean it was published.
            raise
        video_id = str(answer["id"])
        if video.captions:
            progress(1, steps, video.filename)
            stem = video.filename.rsplit(".", 1)[0] or "captions"
            # The locale is read from the file name (name.ja_JP.srt) as well as from default_locale.
            self._post(
                f"/{video_id}/captions",
                data={"default_locale": CAPTIONS_LOCALE},
                files={"captions_file": (f"{stem}.{CAPTIONS_LOCALE}.srt", as_srt(video.captions), "text/plain")},
            )
        progress(steps, steps, "")
        return PostResult(video_id, f"https://www.facebook.com/{video_id}")

    def delete(self, post_id: str) -> None:
        self._api.call("DELETE", f"/{post_id}", accept=_classifier(POST_PERMISSIONS))

    def recent(self, limit: int = 20) -> list[RecentPost]:
        answer = self._api.call(
            "GET",
            "/me/posts",
            params={"fields": "id,message,permalink_url,created_time", "limit": limit},
            accept=_classifier(READ_PERMISSIONS),
        )
        return [
            RecentPost(
                str(p["id"]), p.get("permalink_url") or f"https://www.facebook.com/{p['id']}", p.get("message", "")
            )
            for p in answer.get("data", [])
        ]
