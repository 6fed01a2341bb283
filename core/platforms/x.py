"""X (Twitter) through its API v2 with httpx.

The contract is X's API v2 OpenAPI document (2.159, the one X's ``xdk`` SDK
is generated from; tests validate every request against it). Images go in
one request to ``POST /2/media/upload`` (multipart: ``media``,
``media_category=tweet_image``, ``media_type``). Videos and GIFs, which the
one-shot upload does not take, go in chunks: ``POST
/2/media/upload/initialize`` (JSON: type, size, category), ``POST
/2/media/upload/{id}/append`` per 4 MiB segment, ``POST
/2/media/upload/{id}/finalize``, then ``GET /2/media/upload`` (STATUS) while
X processes them. The old ``command=INIT/APPEND/FINALIZE`` form is gone.
Alt text goes to ``POST /2/media/metadata`` (``alt_text.text``, at most
1000 characters: a longer one is refused here, never cut). A video's
captions are uploaded as a SubRip file (``media_category=subtitles``) and
tied to it through ``POST /2/media/subtitles``. Then ``POST /2/tweets``.

Why not ``xdk``: X's own SDK (0.10.x) is pre-1.0 and generated per release;
the adapter needs seven endpoints, the OAuth 2.0 refresh it already has
(:mod:`core.platforms.x_auth`) and this project's error classification.
Validating the requests against the same OpenAPI document the SDK is built
from gives the same guarantee without the dependency.

The credential is an OAuth 2.0 user access token with ``tweet.write`` and
``media.write``, or — so that it outlives the token's two hours — a client
id and refresh token that :mod:`core.platforms.x_auth` renews
(``offline.access``).

X documents no idempotency: after an ambiguous failure the outbox looks at
the account's recent posts (``GET /2/users/:id/tweets``) instead of retrying.
"""

from __future__ import annotations

import time
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
from core.platforms.errors import ErrorKind, PublishError, during_upload, unsupported
from core.platforms.http import HttpApi
from core.platforms.x_auth import XToken, renew

PLATFORM = "X"
DEFAULT_API = "https://api.x.com"
CHUNK = 4 * 1024 * 1024
# The one-shot /2/media/upload takes only these (OpenAPI 2.159); GIFs and videos go in chunks.
ONE_SHOT_TYPES = frozenset({"image/jpeg", "image/bmp", "image/png", "image/webp", "image/pjpeg", "image/tiff"})
# /2/media/metadata: alt_text.text maxLength.
ALT_TEXT_LIMIT = 1000
# /2/media/subtitles wants two capital letters, not a full BCP 47 tag.
CAPTIONS_LANGUAGE = "JA"
CAPTIONS_DISPLAY_NAME = "日本語"
# A video is processed after FINALIZE; a post naming it before it is ready is refused.
PROCESSING_TIMEOUT_SECONDS = 300.0


def _media_id(answer: Any) -> str:
    data = answer.get("data") if isinstance(answer, dict) else None
    media_id = data.get("id") if isinstance(data, dict) else None
    if not media_id:
        raise PublishError(ErrorKind.NOT_SENT, tr("X did not return an id for the uploaded file. Nothing was posted."))
    return str(media_id)


def _processing(answer: Any) -> dict[str, Any]:
    data = answer.get("data") if isinstance(answer, dict) else None
    info = data.get("processing_info") if isinstance(data, dict) else None
    return info if isinstance(info, dict) else {}


class XPublisher:
    platform = "x"
    idempotent = False
    deletable = True
    # Replaced in tests so waiting for video processing costs no real time.
    wait: Any = staticmethod(time.sleep)

    def __init__(self, connection: Connection) -> None:
        self._handle = connection.handle.lstrip("@")
        self._base = connection.base_url or DEFAULT_API
        self._credential = connection.credential
        self._token = XToken.parse(connection.credential)
        self._save = connection.save_credential
        self._load = connection.load_credential
        self._renewed = False
        self._api = HttpApi(PLATFORM, self._base, self._token.access_token or "")

    def close(self) -> None:
        """Close the HTTP client (the end of a publishing run)."""
        self._api.close()

    def _renew(self) -> None:
        try:
            self._token = renew(self._token, self._base)
        except PublishError as error:
            # Another process on this terminal (the app's scheduler and a cron publish-due) may
            # have renewed first, spending the refresh token we hold: use what it stored.
            latest = self._load() if self._load is not None else None
            if error.kind is not ErrorKind.AUTH or not latest or latest == self._credential:
                raise
            self._credential = latest
            self._token = XToken.parse(latest)
            if not self._token.stale(datetime.now(UTC)):
                self._use_token()  # the other process's token is fresh: nothing to store
                return
            self._token = renew(self._token, self._base)
        self._credential = self._token.dump()
        if self._save is not None:
            # At once: X has already invalidated the old refresh token.
            self._save(self._credential)
        self._use_token()

    def _use_token(self) -> None:
        self._renewed = True
        self._api.close()
        self._api = HttpApi(PLATFORM, self._base, self._token.access_token or "")

    def _call(self, method: str, path: str, **kwargs: Any) -> Any:
        """One API call with a fresh token; a 401 renews once and tries again (the call did nothing)."""
        if self._token.stale(datetime.now(UTC)):
            self._renew()
        try:
            return self._api.call(method, path, **kwargs)
        except PublishError as error:
            if error.kind is not ErrorKind.AUTH or not self._token.refreshable or self._renewed:
                raise
        self._renew()
        return self._api.call(method, path, **kwargs)

    def _upload(self, item: MediaFile) -> str:
        """Upload one file; images in one request, videos (and GIFs) in chunks. Returns the media id."""
        if item.kind == "image" and item.mime in ONE_SHOT_TYPES:
            return self._upload_one_shot(item.data, item.mime, "tweet_image", item.filename)
        category = "tweet_gif" if item.mime == "image/gif" else "tweet_video"
        init = self._call(
            "POST",
            "/2/media/upload/initialize",
            json={"media_type": item.mime, "total_bytes": len(item.data), "media_category": category},
        )
        media_id = _media_id(init)
        for index, start in enumerate(range(0, len(item.data), CHUNK)):
            self._call(
                "POST",
                f"/2/media/upload/{media_id}/append",
                data={"segment_index": str(index)},
                files={"media": ("media", item.data[start : start + CHUNK], "application/octet-stream")},
            )
        final = self._call("POST", f"/2/media/upload/{media_id}/finalize")
        self._await_processing(media_id, _processing(final), item.filename)
        return media_id

    def _upload_one_shot(self, data: bytes, mime: str, category: str, filename: str) -> str:
        answer = self._call(
            "POST",
            "/2/media/upload",
            data={"media_category": category, "media_type": mime},
            files={"media": (filename, data, mime)},
        )
        return _media_id(answer)

    def _attach_captions(self, video_id: str, item: MediaFile) -> None:
        """Upload the captions as a subtitles file (SubRip) and tie it to the video."""
        if not item.captions:
            return
        stem = item.filename.rsplit(".", 1)[0] or "captions"
        subtitles_id = self._upload_one_shot(as_srt(item.captions), "text/srt", "subtitles", f"{stem}.srt")
        self._call(
            "POST",
            "/2/media/subtitles",
            json={
                "id": video_id,
                "media_category": "TweetVideo",
                "subtitles": {
                    "id": subtitles_id,
                    "language_code": CAPTIONS_LANGUAGE,
                    "display_name": CAPTIONS_DISPLAY_NAME,
                },
            },
        )

    def _await_processing(self, media_id: str, info: dict[str, Any], filename: str) -> None:
        """Poll STATUS while X processes the upload (videos); give up without posting after a while."""
        waited = 0.0
        while info.get("state") in ("pending", "in_progress"):
            if waited >= PROCESSING_TIMEOUT_SECONDS:
                raise PublishError(
                    ErrorKind.NOT_SENT,
                    tr("{platform} is still processing {file}; nothing was posted. Try again in a few minutes.").format(
                        platform=PLATFORM, file=filename
                    ),
                )
            delay = max(1.0, float(info.get("check_after_secs") or 1))
            self.wait(delay)
            waited += delay
            status = self._call("GET", "/2/media/upload", params={"command": "STATUS", "media_id": media_id})
            info = _processing(status)
        if info.get("state") == "failed":
            raise PublishError(
                ErrorKind.REJECTED,
                tr("{platform} could not process {file}; nothing was posted. Check the file's format.").format(
                    platform=PLATFORM, file=filename
                ),
            )

    def post(self, request: PostRequest, progress: Progress = no_progress) -> PostResult:
        for item in request.media:
            # Checked before anything is uploaded: X refuses longer alt text, and cutting it would
            # publish a description nobody approved.
            if len(media_alt(item)) > ALT_TEXT_LIMIT:
                raise unsupported(
                    tr(
                        "The description of {file} is {length} characters long; X takes at most {limit}. "
                        "Shorten it and have the post approved again. Nothing was posted."
                    ).format(file=item.filename, length=len(media_alt(item)), limit=ALT_TEXT_LIMIT)
                )
        media_ids: list[str] = []
        total = len(request.media)
        for index, item in enumerate(request.media):
            progress(index, total, item.filename)
            try:
                media_id = self._upload(item)
                alt = media_alt(item)
                if alt:
                    self._call(
                        "POST", "/2/media/metadata", json={"id": media_id, "metadata": {"alt_text": {"text": alt}}}
                    )
                if item.kind == "video":
                    self._attach_captions(media_id, item)
            except PublishError as error:
                raise during_upload(PLATFORM, error) from None
            media_ids.append(media_id)
        progress(total, total, "")
        body: dict[str, Any] = {"text": request.text}
        if media_ids:
            body["media"] = {"media_ids": media_ids}
        answer = self._call("POST", "/2/tweets", json=body)
        post_id = str(answer["data"]["id"])
        return PostResult(post_id, f"https://x.com/{self._handle}/status/{post_id}")

    def delete(self, post_id: str) -> None:
        self._call("DELETE", f"/2/tweets/{post_id}", accept={404: lambda _r: None})

    def recent(self, limit: int = 20) -> list[RecentPost]:
        me = self._call("GET", "/2/users/me")
        user_id = str(me["data"]["id"])
        answer = self._call("GET", f"/2/users/{user_id}/tweets", params={"max_results": max(5, min(limit, 100))})
        return [
            RecentPost(str(t["id"]), f"https://x.com/{self._handle}/status/{t['id']}", str(t.get("text", "")))
            for t in answer.get("data", [])
        ]
