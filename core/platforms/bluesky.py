"""Bluesky through the ``atproto`` SDK (active, pre-1.0).

* Log-in is ``createSession`` with the handle and an *app password* (the
  stored credential). createSession is rate-limited, so one publisher object
  logs in once and is reused for retries and the reconciliation look-up.
* Images: ``uploadBlob`` then ``app.bsky.embed.images`` with ``alt`` on every
  image (the field is required; a decorative image sends an empty string).
  At most four images. A video (one per post, nothing else with it) goes the
  same way into ``app.bsky.embed.video`` with its alt text and its captions
  as a WebVTT blob (``text/vtt``, the only captions format Bluesky takes).
* Links become clickable only through *facets* with UTF-8 byte offsets.
* Bluesky has no idempotency key, but a client may choose the record key
  (``rkey``). The key is derived from the outbox's idempotency key and the
  time the outbox row was written, so every retry of one publication asks
  for the same record: a second ``createRecord`` cannot make a second post
  under that key, and reconciliation can recognise the post by its URI.
  The outbox still treats an ambiguous failure as 要確認 (never a blind
  retry) because the server's answer to a repeated key is not documented.
"""

from __future__ import annotations

import hashlib
import re
import warnings
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
from core.platforms.captions import as_vtt
from core.platforms.errors import (
    PublishError,
    classify_transport,
    during_upload,
    from_status,
    rate_limited,
    unsupported,
)

PLATFORM = "Bluesky"
DEFAULT_SERVICE = "https://bsky.social"
MAX_IMAGES = 4
_TID_ALPHABET = "234567abcdefghijklmnopqrstuvwxyz"
_URL = re.compile(r"https?://[^\s　、。「」（）()<>\"']+")


def record_key(idempotency_key: str, created_at: datetime | None) -> str:
    """A valid TID (13 characters, base32-sortable) fixed for one outbox row."""
    moment = created_at or datetime.now(UTC)
    micros = int(moment.timestamp() * 1_000_000) & ((1 << 53) - 1)
    clock = int(hashlib.sha256(idempotency_key.encode()).hexdigest(), 16) & 0x3FF
    value = (micros << 10) | clock
    chars = []
    for _ in range(13):
        chars.append(_TID_ALPHABET[value & 31])
        value >>= 5
    return "".join(reversed(chars))


def link_facets(text: str) -> list[dict[str, Any]]:
    """``app.bsky.richtext.facet#link`` for every URL, with UTF-8 byte offsets (what the lexicon counts)."""
    facets = []
    for match in _URL.finditer(text):
        url = match.group(0).rstrip(".,!?;:")
        start = len(text[: match.start()].encode("utf-8"))
        facets.append(
            {
                "index": {"byteStart": start, "byteEnd": start + len(url.encode("utf-8"))},
                "features": [{"$type": "app.bsky.richtext.facet#link", "uri": url}],
            }
        )
    return facets


class BlueskyPublisher:
    platform = "bluesky"
    idempotent = False
    deletable = True

    def __init__(self, connection: Connection) -> None:
        self._connection = connection
        self._client: Any = None
        self._did = ""

    def _translate(self, exc: Exception) -> PublishError:
        from atproto_client import exceptions as at

        if isinstance(exc, PublishError):
            return exc
        response = getattr(exc, "response", None)
        if isinstance(exc, at.RequestErrorBase) and response is not None:
            status = int(response.status_code)
            if status == 429:
                headers = {k.lower(): v for k, v in dict(response.headers or {}).items()}
                reset = headers.get("ratelimit-reset")
                wait = max(0.0, float(reset) - datetime.now(UTC).timestamp()) if reset else None
                return rate_limited(PLATFORM, wait)
            code = ""
            content = getattr(response, "content", None)
            if content is not None:
                code = str(getattr(content, "error", "") or "")[:60]
            return from_status(PLATFORM, status, code=code)
        return classify_transport(PLATFORM, exc)

    def _login(self) -> Any:
        if self._client is not None:
            return self._client
        from atproto import Client

        client = Client(base_url=self._connection.base_url or DEFAULT_SERVICE)
        try:
            client.login(self._connection.handle.lstrip("@"), self._connection.credential, fetch_bsky_profile=False)
        except Exception as exc:
            raise self._translate(exc) from None
        self._client = client
        session = client._session
        self._did = str(session.did) if session else ""
        if session is not None:
            # The session tokens are as good as the app password while they live: keep them out of logs.
            from core.runtime.logging_setup import register_secret

            for token in (getattr(session, "access_jwt", None), getattr(session, "refresh_jwt", None)):
                if token:
                    register_secret(str(token))
        return client

    @staticmethod
    def _upload(client: Any, data: bytes, mime: str) -> Any:
        with warnings.catch_warnings():
            # atproto passes raw bytes as ``data=``; httpx deprecates that spelling only.
            warnings.simplefilter("ignore", DeprecationWarning)
            # The type is given, not sniffed: a captions file must arrive as text/vtt.
            return client.com.atproto.repo.upload_blob(data, headers={"Content-Type": mime}).blob

    def _video_embed(self, client: Any, item: MediaFile) -> dict[str, Any]:
        from atproto import models

        video = self._upload(client, item.data, item.mime)
        captions = None
        if item.captions:
            file = self._upload(client, as_vtt(item.captions), "text/vtt")
            captions = [models.AppBskyEmbedVideo.Caption(lang="ja", file=file)]
        embed = models.AppBskyEmbedVideo.Main(video=video, alt=media_alt(item) or None, captions=captions)
        data: dict[str, Any] = embed.model_dump(by_alias=True, exclude_none=True)
        data["$type"] = "app.bsky.embed.video"
        return data

    def post(self, request: PostRequest, progress: Progress = no_progress) -> PostResult:
        videos = [m for m in request.media if m.kind == "video"]
        if videos and len(request.media) > 1:
            raise unsupported(tr("A Bluesky post carries one video and nothing else: post the images separately."))
        if len(request.media) > MAX_IMAGES:
            raise unsupported(tr("Bluesky takes at most 4 images per post."))
        client = self._login()
        from atproto import models

        rkey = record_key(request.idempotency_key, request.created_at)
        images = []
        video_embed: dict[str, Any] | None = None
        total = len(request.media)
        try:
            for index, item in enumerate(request.media):
                progress(index, total, item.filename)
                if item.kind == "video":
                    video_embed = self._video_embed(client, item)
                    continue
                blob = self._upload(client, item.data, item.mime)
                images.append(models.AppBskyEmbedImages.Image(alt=media_alt(item), image=blob))
        except Exception as exc:
            raise during_upload(PLATFORM, self._translate(exc)) from None
        progress(total, total, "")
        record: dict[str, Any] = {
            "$type": "app.bsky.feed.post",
            "text": request.text,
            "createdAt": (request.created_at or datetime.now(UTC)).strftime("%Y-%m-%dT%H:%M:%S.%fZ"),
            "langs": ["ja"],
        }
        facets = link_facets(request.text)
        if facets:
            record["facets"] = facets
        if images:
            record["embed"] = models.AppBskyEmbedImages.Main(images=images).model_dump(by_alias=True, exclude_none=True)
            record["embed"]["$type"] = "app.bsky.embed.images"
        elif video_embed is not None:
            record["embed"] = video_embed
        try:
            created = client.com.atproto.repo.create_record(
                models.ComAtprotoRepoCreateRecord.Data(
                    repo=self._did, collection="app.bsky.feed.post", record=record, rkey=rkey
                )
            )
        except Exception as exc:
            raise self._translate(exc) from None
        return PostResult(str(created.uri), self._url(str(created.uri)))

    def _url(self, uri: str) -> str:
        rkey = uri.rsplit("/", 1)[-1]
        return f"https://bsky.app/profile/{self._connection.handle.lstrip('@')}/post/{rkey}"

    def delete(self, post_id: str) -> None:
        client = self._login()
        from atproto import models

        try:
            client.com.atproto.repo.delete_record(
                models.ComAtprotoRepoDeleteRecord.Data(
                    repo=self._did, collection="app.bsky.feed.post", rkey=post_id.rsplit("/", 1)[-1]
                )
            )
        except Exception as exc:
            raise self._translate(exc) from None

    def recent(self, limit: int = 20) -> list[RecentPost]:
        client = self._login()
        from atproto import models

        try:
            answer = client.com.atproto.repo.list_records(
                models.ComAtprotoRepoListRecords.Params(repo=self._did, collection="app.bsky.feed.post", limit=limit)
            )
        except Exception as exc:
            raise self._translate(exc) from None
        posts = []
        for item in answer.records:
            value = item.value
            text = getattr(value, "text", None)
            if text is None and isinstance(value, dict):
                text = value.get("text", "")
            posts.append(RecentPost(str(item.uri), self._url(str(item.uri)), str(text or "")))
        return posts
