"""Bluesky through the ``atproto`` SDK (active, pre-1.0).

* Log-in is ``createSession`` with the handle and an *app password* (the
  stored credential). createSession is rate-limited, so one publisher object
  logs in once and is reused for retries and the reconciliation look-up.
* Images: ``uploadBlob`` then ``app.bsky.embed.images`` with ``alt`` on every
  image (the field is required; a decorative image sends an empty string).
  At most four images. A video (one per post, nothing else with it) goes the
  same way into ``app.bsky.embed.video`` with its alt text and its captions
  as a WebVTT blob (``text/vtt``, the only captions format Bluesky takes).
  Every image and the video carry ``aspectRatio`` from their pixel size
  (:mod:`core.platforms.media_size`), so the app lays them out uncropped.
* Links, hashtags and mentions become live only through *facets* with UTF-8
  byte offsets (:mod:`core.platforms.bluesky_facets`; links as the checks
  find them, mentions resolved to DIDs through ``resolveHandle``).
* Bluesky has no idempotency key, but a client may choose the record key
  (``rkey``). The key is derived from the outbox's idempotency key and the
  time the outbox row was written, so every retry of one publication asks
  for the same record: a second ``createRecord`` cannot make a second post
  under that key. The reference PDS answers such a repeat with HTTP 500,
  not a conflict; so after any failed or unanswered ``createRecord`` the
  record at that rkey is read back (``getRecord``), and if it is there with
  this text the post *is* published. That makes a retry safe, so the
  adapter counts as idempotent.
"""

from __future__ import annotations

import hashlib
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
from core.platforms.bluesky_facets import facets
from core.platforms.captions import as_vtt
from core.platforms.errors import (
    ErrorKind,
    PublishError,
    classify_transport,
    during_upload,
    from_status,
    rate_limited,
    unsupported,
)
from core.platforms.media_size import image_size, video_size

PLATFORM = "Bluesky"
DEFAULT_SERVICE = "https://bsky.social"
MAX_IMAGES = 4
_TID_ALPHABET = "234567abcdefghijklmnopqrstuvwxyz"
COLLECTION = "app.bsky.feed.post"


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


def _aspect_ratio(size: tuple[int, int] | None) -> Any:
    from atproto import models

    return models.AppBskyEmbedDefs.AspectRatio(width=size[0], height=size[1]) if size else None


class BlueskyPublisher:
    platform = "bluesky"
    idempotent = True  # the rkey makes a repeat find the first record (see the module docstring)
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
        embed = models.AppBskyEmbedVideo.Main(
            video=video,
            alt=media_alt(item) or None,
            captions=captions,
            aspect_ratio=_aspect_ratio(video_size(item.data)),
        )
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
                images.append(
                    models.AppBskyEmbedImages.Image(
                        alt=media_alt(item), image=blob, aspect_ratio=_aspect_ratio(image_size(item.data))
                    )
                )
        except Exception as exc:
            raise during_upload(PLATFORM, self._translate(exc)) from None
        progress(total, total, "")
        record: dict[str, Any] = {
            "$type": COLLECTION,
            "text": request.text,
            "createdAt": (request.created_at or datetime.now(UTC)).strftime("%Y-%m-%dT%H:%M:%S.%fZ"),
            "langs": ["ja"],
        }
        found = facets(request.text, self._resolve)
        if found:
            record["facets"] = found
        if images:
            record["embed"] = models.AppBskyEmbedImages.Main(images=images).model_dump(by_alias=True, exclude_none=True)
            record["embed"]["$type"] = "app.bsky.embed.images"
        elif video_embed is not None:
            record["embed"] = video_embed
        try:
            created = client.com.atproto.repo.create_record(
                models.ComAtprotoRepoCreateRecord.Data(repo=self._did, collection=COLLECTION, record=record, rkey=rkey)
            )
        except Exception as exc:
            error = self._translate(exc)
            if error.kind in (ErrorKind.AMBIGUOUS, ErrorKind.REJECTED):
                uri = self._existing(rkey, request.text)
                if uri is not None:
                    return PostResult(uri, self._url(uri))
            raise error from None
        return PostResult(str(created.uri), self._url(str(created.uri)))

    def _existing(self, rkey: str, text: str) -> str | None:
        """The URI of this account's post at ``rkey`` if it holds ``text``; ``None`` if absent or unreadable."""
        from atproto import models

        try:
            answer = self._client.com.atproto.repo.get_record(
                models.ComAtprotoRepoGetRecord.Params(repo=self._did, collection=COLLECTION, rkey=rkey)
            )
        except Exception:
            return None  # not there, or not readable now: the first error stands
        value = answer.value
        found = getattr(value, "text", None)
        if found is None and isinstance(value, dict):
            found = value.get("text")
        # Only this publication derives this rkey, but compare anyway: a wrong "published" is worse than 要確認.
        return str(answer.uri) if found == text else None

    def _resolve(self, handle: str) -> str | None:
        """The DID behind ``handle``, or ``None`` (the mention then stays plain text)."""
        from atproto import models

        try:
            answer = self._client.com.atproto.identity.resolve_handle(
                models.ComAtprotoIdentityResolveHandle.Params(handle=handle)
            )
        except Exception:
            return None
        did = str(getattr(answer, "did", "") or "")
        return did if did.startswith("did:") else None

    def close(self) -> None:
        """Close the SDK's HTTP connections (the session is gone with them)."""
        if self._client is not None:
            self._client.request.close()
            self._client = None

    def _url(self, uri: str) -> str:
        rkey = uri.rsplit("/", 1)[-1]
        return f"https://bsky.app/profile/{self._connection.handle.lstrip('@')}/post/{rkey}"

    def delete(self, post_id: str) -> None:
        client = self._login()
        from atproto import models

        try:
            client.com.atproto.repo.delete_record(
                models.ComAtprotoRepoDeleteRecord.Data(
                    repo=self._did, collection=COLLECTION, rkey=post_id.rsplit("/", 1)[-1]
                )
            )
        except Exception as exc:
            raise self._translate(exc) from None

    def recent(self, limit: int = 20) -> list[RecentPost]:
        client = self._login()
        from atproto import models

        try:
            answer = client.com.atproto.repo.list_records(
                models.ComAtprotoRepoListRecords.Params(repo=self._did, collection=COLLECTION, limit=limit)
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
