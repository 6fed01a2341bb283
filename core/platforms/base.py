"""The small interface every platform adapter implements, and the factory that picks one.

An adapter knows one platform's API and nothing else: no database, no
gate, no audit. The outbox (:mod:`core.publishing.outbox`) decides *whether*
and *when* to call it and what to do with each failure. That keeps the
rules about double posts in one place and every adapter testable against a
loopback fake of the platform.

Adapters import their SDK or ``httpx`` lazily, inside the methods, so that
importing this module (from the GUI or a command) costs nothing.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Protocol

from core.i18n import tr
from core.platforms.errors import PublishError, classify_transport, from_status, retry_after_seconds

#: progress(done, total, what): media files uploaded so far.
Progress = Callable[[int, int, str], None]


def no_progress(done: int, total: int, what: str) -> None:
    """The default progress callback."""


@dataclass(frozen=True)
class MediaFile:
    """One approved media file as it will be uploaded, with its description (alt text) and captions."""

    data: bytes
    mime: str
    kind: str  # "image" | "video"
    alt: str = ""
    decorative: bool = False
    captions: bytes | None = None  # WebVTT, for videos
    filename: str = "media"


@dataclass(frozen=True)
class PostRequest:
    """What to post. ``idempotency_key`` is the outbox's key, the same on every retry."""

    text: str
    media: tuple[MediaFile, ...] = ()
    idempotency_key: str = ""
    created_at: datetime | None = None


@dataclass(frozen=True)
class PostResult:
    post_id: str
    url: str | None


@dataclass(frozen=True)
class RecentPost:
    post_id: str
    url: str | None
    text: str
    created_at: datetime | None = None


@dataclass(frozen=True)
class Connection:
    """Where and as whom to post. ``credential`` comes from the vault and is never stored elsewhere."""

    platform: str
    handle: str
    credential: str = field(repr=False)
    base_url: str | None = None  # None: the platform's public endpoint (tests point it at a loopback fake)
    account_url: str | None = None
    # Writes a renewed credential back to this terminal's keyring (X rotates its refresh token).
    save_credential: Callable[[str], None] | None = field(default=None, repr=False, compare=False)
    # Reads it again (another process on this terminal may have renewed it meanwhile).
    load_credential: Callable[[], str | None] | None = field(default=None, repr=False, compare=False)


class Publisher(Protocol):
    """One platform. ``idempotent``: a retry with the same key never makes a second post."""

    platform: str
    idempotent: bool
    deletable: bool

    def post(self, request: PostRequest, progress: Progress = no_progress) -> PostResult: ...

    def delete(self, post_id: str) -> None: ...

    def recent(self, limit: int = 20) -> list[RecentPost]: ...


def same_text(a: str, b: str) -> bool:
    """Do two post texts match, ignoring what platforms change (NFC/NFKC, whitespace, link shortening)?"""

    def norm(value: str) -> str:
        value = unicodedata.normalize("NFKC", value)
        return "".join(value.split())

    left, right = norm(a), norm(b)
    if not left or not right:
        return left == right
    # X and Facebook rewrite links (t.co, l.facebook.com); compare the leading text.
    head = min(len(left), len(right), 60)
    return left[:head] == right[:head]


def media_alt(item: MediaFile) -> str:
    """The description sent to the platform: empty for decorative images."""
    return "" if item.decorative else item.alt


class HttpApi:
    """A thin httpx wrapper for the adapters without an SDK: plain-word errors, no secrets in URLs.

    Tokens travel in the ``Authorization`` header only (never in the query
    string, which servers and proxies log).
    """

    def __init__(self, platform: str, base_url: str, token: str, *, timeout: float = 30.0) -> None:
        import httpx

        self.platform = platform
        self._client = httpx.Client(
            base_url=base_url.rstrip("/"),
            headers={"Authorization": f"Bearer {token}", "User-Agent": "KohoGate"},
            timeout=timeout,
        )

    def close(self) -> None:
        self._client.close()

    def call(
        self,
        method: str,
        path: str,
        *,
        ok: tuple[int, ...] = (200, 201, 202, 204),
        accept: Mapping[int, Callable[[Any], Any]] | None = None,
        **kwargs: Any,
    ) -> Any:
        """Send and return the decoded JSON (``{}`` for an empty body); raise :class:`PublishError` otherwise."""
        from datetime import UTC

        try:
            response = self._client.request(method, path, **kwargs)
        except Exception as exc:
            raise classify_transport(self.platform, exc) from None
        if accept and response.status_code in accept:
            return accept[response.status_code](response)
        if response.status_code not in ok:
            code: object = ""
            try:
                body = response.json()
                if isinstance(body, dict):
                    raw = body.get("error") or body.get("title") or body.get("message") or ""
                    if isinstance(raw, dict):
                        raw = raw.get("code") or raw.get("type") or ""
                    # Whole, not cut here: from_status redacts first and cuts after, so a cut never
                    # leaves half of an echoed token behind.
                    code = raw
            except ValueError:
                pass
            raise from_status(
                self.platform,
                response.status_code,
                retry_after=retry_after_seconds(dict(response.headers), datetime.now(UTC)),
                code=code,
            )
        if not response.content:
            return {}
        try:
            return response.json()
        except ValueError:
            return {}


PublisherFactory = Callable[[Connection], Publisher]

#: Platforms the app posts to itself; all others use manual mode.
API_PLATFORMS = ("mastodon", "bluesky", "x", "facebook", "line")


def make_publisher(connection: Connection) -> Publisher:
    """The adapter for ``connection.platform``, or :class:`PublishError` (use manual mode)."""
    platform = connection.platform
    if platform == "mastodon":
        from core.platforms.mastodon import MastodonPublisher

        return MastodonPublisher(connection)
    if platform == "bluesky":
        from core.platforms.bluesky import BlueskyPublisher

        return BlueskyPublisher(connection)
    if platform == "x":
        from core.platforms.x import XPublisher

        return XPublisher(connection)
    if platform == "facebook":
        from core.platforms.facebook import FacebookPublisher

        return FacebookPublisher(connection)
    if platform == "line":
        from core.platforms.line import LinePublisher

        return LinePublisher(connection)
    from core.platforms.errors import unsupported

    raise unsupported(
        tr(
            "KohoGate cannot post to {platform} itself. Use manual posting: copy the text, post, record the URL."
        ).format(platform=platform)
    )


def supports_api(platform: str) -> bool:
    return platform in API_PLATFORMS


__all__ = [
    "Connection",
    "HttpApi",
    "MediaFile",
    "PostRequest",
    "PostResult",
    "Progress",
    "PublishError",
    "Publisher",
    "PublisherFactory",
    "RecentPost",
    "make_publisher",
    "no_progress",
    "same_text",
]
