"""Mastodon: mentions and replies from ``GET /api/v1/notifications?types[]=mention``.

Reading forward from the cursor (a notification id) with ``min_id``: the
server answers the page right after it, and the ``Link`` header's
``rel="prev"`` names the next newer page; the read ends on an empty page.
A first read (no cursor) takes the newest page only: a new account's
history is not the queue's business. A notification whose status was
deleted meanwhile comes with ``status: null`` and is skipped.

Moderation through the API: block (``POST /api/v1/accounts/:id/block``),
mute (``…/mute``) and report (``POST /api/v1/reports`` with the status).
Mastodon has no way to hide someone else's reply.

httpx rather than Mastodon.py: the reader needs the ``Link`` header and
the raw ``Retry-After`` of a 429, which the SDK keeps to itself.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import parse_qs, urlsplit

from core.platforms.base import Connection
from core.platforms.facts import Moderation
from core.platforms.http import HttpApi
from core.platforms.inbound import (
    Author,
    InboundItem,
    ItemKind,
    Pacing,
    RateLimited,
    ReadResult,
    not_offered,
    parse_time,
    with_pacing,
)
from core.platforms.mastodon import PLATFORM, _strip_html, instance_url

PAGE = 40
_REPORT_CATEGORY = "violation"


def _link(header: str, rel: str) -> str | None:
    """The URL of ``rel`` in an RFC 8288 ``Link`` header (Mastodon's pagination)."""
    for part in header.split(","):
        url, _, params = part.partition(";")
        if f'rel="{rel}"' in params.replace(" ", ""):
            return url.strip().strip("<>")
    return None


def _later(a: str, b: str | None) -> bool:
    """Mastodon ids are decimal snowflakes: compare them as numbers."""
    if b is None:
        return True
    try:
        return int(a) > int(b)
    except ValueError:
        return a > b


class MastodonReader:
    platform = "mastodon"

    def __init__(self, connection: Connection, pacing: Pacing) -> None:
        self._base = instance_url(connection)
        self._api = HttpApi(PLATFORM, self._base, connection.credential)
        self._pacing = pacing

    def close(self) -> None:
        self._api.close()

    def _page(self, params: dict[str, Any]) -> tuple[list[Any], str]:
        response = with_pacing(
            self._pacing,
            lambda: self._api.call("GET", "/api/v1/notifications", params=params, accept={200: lambda r: r}),
        )
        body = response.json()
        return (body if isinstance(body, list) else []), str(response.headers.get("link", ""))

    def _next_params(self, link_header: str) -> dict[str, Any] | None:
        """The query of the next newer page from ``rel="prev"``, only if it points back at this server."""
        url = _link(link_header, "prev")
        if url is None:
            return None
        parts = urlsplit(url)
        if f"{parts.scheme}://{parts.netloc}" != self._base or not parts.path.endswith("/api/v1/notifications"):
            return None  # never send the token where a Link header points elsewhere
        query = parse_qs(parts.query)
        if "min_id" not in query:
            return None
        return {"types[]": "mention", "limit": PAGE, "min_id": query["min_id"][-1]}

    def read(self, cursor: str | None) -> ReadResult:
        items: dict[str, InboundItem] = {}
        newest, deleted = cursor, 0
        first: dict[str, Any] = {"types[]": "mention", "limit": PAGE}
        if cursor:
            first["min_id"] = cursor
        params: dict[str, Any] | None = first
        pages = 0
        while params is not None and pages < self._pacing.max_pages:
            pages += 1
            try:
                notifications, link = self._page(params)
            except RateLimited as stop:
                # Forward paging: everything up to ``newest`` is read, so the cursor may move that far.
                return ReadResult(_oldest_first(items), newest, complete=False, retry_after=stop.seconds)
            if not notifications:
                params = None
                break
            for notification in notifications:
                note_id = str(notification.get("id", ""))
                if _later(note_id, newest):
                    newest = note_id
                item = _item(notification)
                if item is None:
                    deleted += 1
                elif item.item_id not in items:
                    items[item.item_id] = item
            params = self._next_params(link) if cursor else None
        return ReadResult(_oldest_first(items), newest, complete=params is None, deleted=deleted)

    def moderate(self, action: Moderation, item: InboundItem, reason: str) -> None:
        account = item.author.id
        if action is Moderation.BLOCK:
            self._api.call("POST", f"/api/v1/accounts/{account}/block")
        elif action is Moderation.MUTE:
            self._api.call("POST", f"/api/v1/accounts/{account}/mute")
        elif action is Moderation.REPORT:
            self._api.call(
                "POST",
                "/api/v1/reports",
                json={
                    "account_id": account,
                    "status_ids": [item.item_id],
                    "comment": reason[:1000],
                    "category": _REPORT_CATEGORY,
                    "forward": False,
                },
            )
        else:
            raise not_offered(self.platform)


def _oldest_first(items: dict[str, InboundItem]) -> tuple[InboundItem, ...]:
    return tuple(sorted(items.values(), key=lambda i: (len(i.item_id), i.item_id)))


def _item(notification: Any) -> InboundItem | None:
    status = notification.get("status") if isinstance(notification, dict) else None
    if not isinstance(status, dict) or not status.get("id"):
        return None  # the status was deleted before we read it
    account = status.get("account") or notification.get("account") or {}
    author = Author(
        str(account.get("id", "")), "@" + str(account.get("acct", "")), str(account.get("display_name", ""))
    )
    reply_to = str(status.get("in_reply_to_id") or "")
    return InboundItem(
        item_id=str(status["id"]),
        kind=ItemKind.REPLY if reply_to else ItemKind.MENTION,
        author=author,
        text=_strip_html(str(status.get("content") or "")),
        url=str(status.get("url") or status.get("uri") or ""),
        created_at=parse_time(status.get("created_at")),
        in_reply_to=reply_to,
        root=reply_to,
    )
