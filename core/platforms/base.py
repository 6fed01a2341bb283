"""The small interface every platform adapter implements.

:mod:`core.platforms.registry` picks the adapter for a platform; this module
knows none of them, so adapters import it without a cycle.

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
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Protocol, runtime_checkable

from core.platforms.errors import PublishError

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


@runtime_checkable
class Closable(Protocol):
    """An adapter holding a connection (an HTTP client) to close when the run ends."""

    def close(self) -> None: ...


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


PublisherFactory = Callable[[Connection], Publisher]


__all__ = [
    "Connection",
    "MediaFile",
    "PostRequest",
    "PostResult",
    "Progress",
    "PublishError",
    "Publisher",
    "PublisherFactory",
    "RecentPost",
    "no_progress",
    "same_text",
]
