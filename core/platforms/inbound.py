"""Reading replies and mentions back from the platforms, and acting on them.

One reader per platform (``inbound_<platform>.py`` next to the posting
adapters), each with the same small interface: :meth:`Reader.read` from a
cursor, and the moderation calls the platform's API allows
(:class:`~core.platforms.facts.InboundFacts`). Like the adapters, a reader
knows one API and nothing else: no database, no gate, no audit — the
watch service (:mod:`core.services.inbound_watch`) decides when to read,
stores what came and keeps the cursor.

Cursors are opaque strings the reader makes and understands (a status id, a
tweet id, a time). A read moves the cursor only when it reached the old
cursor, so an interrupted read (429, a dropped connection) is read again next
time; the store keeps one row per item, so nothing is counted twice.

Rate limits: a 429 whose wait is short (``max_wait``) is waited out and the
page asked again; a longer one stops the read with what was read so far and
the wait, and the next run resumes after it.
"""

from __future__ import annotations

import enum
import importlib
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Protocol, TypeVar, cast

from core.i18n import tr
from core.platforms.base import Connection
from core.platforms.errors import ErrorKind, PublishError, unsupported
from core.platforms.facts import Moderation, Platform, facts_of, no_replies_message

T = TypeVar("T")


class ItemKind(enum.StrEnum):
    REPLY = "reply"
    MENTION = "mention"
    QUOTE = "quote"
    COMMENT = "comment"  # on a Facebook Page post


@dataclass(frozen=True)
class Author:
    id: str  # the platform's account id (Mastodon id, DID, X user id, Facebook id)
    handle: str
    name: str = ""


@dataclass(frozen=True)
class InboundItem:
    """One reply, mention, quote or comment as the platform gave it.

    ``in_reply_to``: the platform id of the post it answers (for showing the
    official post it replies to; ``parent_text`` is that post's text when the
    platform gave it in the same answer); ``root``: the thread's first post (Bluesky
    hides replies through the root's threadgate); ``ref``: what the platform
    needs to name this exact version (a Bluesky CID, for reports).
    """

    item_id: str
    kind: ItemKind
    author: Author
    text: str
    url: str
    created_at: datetime | None
    in_reply_to: str = ""
    root: str = ""
    ref: str = ""
    parent_text: str = ""  # the text of the post it answers, where the platform sent it along


@dataclass(frozen=True)
class ReadResult:
    """What one read brought: the items (oldest first), the cursor for next time, and how it ended.

    ``complete``: the read reached the stored cursor (or the newest page on a
    first read). ``retry_after``: stopped by a rate limit; read again after so
    many seconds. ``deleted``: notifications whose post was gone by the time
    it was read (skipped; the cursor still moves past them).
    """

    items: tuple[InboundItem, ...]
    cursor: str | None
    complete: bool = True
    retry_after: float | None = None
    deleted: int = 0


class Reader(Protocol):
    platform: str

    def read(self, cursor: str | None) -> ReadResult: ...

    def moderate(self, action: Moderation, item: InboundItem, reason: str) -> None: ...

    def close(self) -> None: ...


@dataclass
class Pacing:
    """How a reader waits on a rate limit (tests pass a fake ``sleep``)."""

    sleep: Callable[[float], None] = time.sleep
    max_wait: float = 60.0
    max_pages: int = 20
    waited: list[float] = field(default_factory=list)


class RateLimited(Exception):
    """A 429 whose wait is longer than a reader may wait now: stop, resume after ``seconds``."""

    def __init__(self, seconds: float | None) -> None:
        super().__init__(seconds)
        self.seconds = seconds


def with_pacing(pacing: Pacing, call: Callable[[], T]) -> T:
    """``call()``; a short 429 is waited out once, a long one raises :class:`RateLimited`."""
    for attempt in range(2):
        try:
            return call()
        except PublishError as error:
            if error.kind is not ErrorKind.RATE_LIMITED:
                raise
            wait = error.retry_after
            if attempt or wait is None or wait > pacing.max_wait:
                raise RateLimited(wait) from None
            pacing.waited.append(wait)
            pacing.sleep(wait)
    raise AssertionError("unreachable")


def not_offered(platform: str) -> PublishError:
    """The error for an action the platform's API does not offer (the screen offers it by hand instead)."""
    facts = facts_of(platform)
    name = facts.display_name if facts is not None else platform
    return unsupported(
        tr("{platform} does not let KohoGate do this through its API; do it in the platform's app.").format(
            platform=name
        )
    )


#: ``module:Class`` of each reader, imported on first use (the platforms whose facts say ``reads``).
READERS: Mapping[Platform, str] = {
    Platform.MASTODON: "core.platforms.inbound_mastodon:MastodonReader",
    Platform.BLUESKY: "core.platforms.inbound_bluesky:BlueskyReader",
    Platform.X: "core.platforms.inbound_x:XReader",
    Platform.FACEBOOK: "core.platforms.inbound_facebook:FacebookReader",
}

ReaderFactory = Callable[[Connection, Pacing], Reader]


def make_reader(connection: Connection, pacing: Pacing | None = None) -> Reader:
    """The reader for ``connection.platform``; :class:`PublishError` (unsupported) where there is none."""
    facts = facts_of(connection.platform)
    if facts is None or facts.platform not in READERS:
        raise unsupported(no_replies_message(connection.platform))
    module_name, _, class_name = READERS[facts.platform].partition(":")
    factory = cast("ReaderFactory", getattr(importlib.import_module(module_name), class_name))
    return factory(connection, pacing or Pacing())


def parse_time(value: Any) -> datetime | None:
    """An ISO 8601 time from an API answer (``Z`` or ``+0000`` offsets), ``None`` when absent or unreadable."""
    if isinstance(value, datetime):
        return value
    if not isinstance(value, str) or not value:
        return None
    text = value.replace("Z", "+00:00")
    if len(text) > 5 and text[-5] in "+-" and text[-3] != ":":
        text = text[:-2] + ":" + text[-2:]  # Graph API writes +0000
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        return None
