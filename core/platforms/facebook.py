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

Graph API has no idempotency key: ambiguous failures go to 要確認 and are
reconciled against ``/me/posts``.
"""

from __future__ import annotations

import json
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
from core.platforms.errors import PublishError, during_upload, unsupported
from core.platforms.http import HttpApi

PLATFORM = "Facebook"
CAPTIONS_LOCALE = "ja_JP"
DEFAULT_API = "https://graph.facebook.com/v21.0"


class FacebookPublisher:
    platform = "facebook"
    idempotent = False
    deletable = True

    def __init__(self, connection: Connection) -> None:
        self._api = HttpApi(PLATFORM, connection.base_url or DEFAULT_API, connection.credential)

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
                answer = self._api.call(
                    "POST", "/me/photos", data=form, files={"source": (item.filename, item.data, item.mime)}
                )
            except PublishError as error:
                raise during_upload(PLATFORM, error) from None
            photo_ids.append(str(answer["id"]))
        progress(total, total, "")
        body: dict[str, Any] = {"message": request.text}
        for index, photo_id in enumerate(photo_ids):
            body[f"attached_media[{index}]"] = json.dumps({"media_fbid": photo_id})
        answer = self._api.call("POST", "/me/feed", data=body)
        post_id = str(answer["id"])
        return PostResult(post_id, f"https://www.facebook.com/{post_id}")

    def _post_video(self, request: PostRequest, video: MediaFile, progress: Progress) -> PostResult:
        steps = 2 if video.captions else 1
        progress(0, steps, video.filename)
        try:
            answer = self._api.call(
                "POST",
                "/me/videos",
                data={"description": request.text},
                files={"source": (video.filename, video.data, video.mime)},
            )
        except PublishError as error:
            raise during_upload(PLATFORM, error) from None
        video_id = str(answer["id"])
        if video.captions:
            progress(1, steps, video.filename)
            stem = video.filename.rsplit(".", 1)[0] or "captions"
            # The locale is read from the file name (name.ja_JP.srt) as well as from default_locale.
            self._api.call(
                "POST",
                f"/{video_id}/captions",
                data={"default_locale": CAPTIONS_LOCALE},
                files={"captions_file": (f"{stem}.{CAPTIONS_LOCALE}.srt", as_srt(video.captions), "text/plain")},
            )
        progress(steps, steps, "")
        return PostResult(video_id, f"https://www.facebook.com/{video_id}")

    def delete(self, post_id: str) -> None:
        self._api.call("DELETE", f"/{post_id}")

    def recent(self, limit: int = 20) -> list[RecentPost]:
        answer = self._api.call(
            "GET", "/me/posts", params={"fields": "id,message,permalink_url,created_time", "limit": limit}
        )
        return [
            RecentPost(
                str(p["id"]), p.get("permalink_url") or f"https://www.facebook.com/{p['id']}", p.get("message", "")
            )
            for p in answer.get("data", [])
        ]
