"""Facebook Page: comments on the Page's recent posts (Graph API ``/{post-id}/comments``).

Graph has no notification feed for comments a Page token can page through
by id, so the reader walks the Page's posts of the last ``LOOKBACK_DAYS``
(``/me/posts``) and each post's comments newest first
(``filter=stream&order=reverse_chronological``, paged by ``paging.cursors.after``)
until it meets the cursor: the ``created_time`` of the newest comment read.
Comments of the cursor's own second are read again (Graph's times have
seconds only); the store keeps one row per comment. A post deleted between
the two calls answers error 100 and counts as deleted.

Moderation: hide (``POST /{comment-id}`` with ``is_hidden=true``) and
delete (``DELETE /{comment-id}``) — a Page may do both on its own posts. The
token needs ``pages_read_user_content`` to read and ``pages_manage_engagement``
to moderate. Errors are classified as the posting adapter does (rate-limit
codes 4, 17, 32, 613, 80001 with their waits).
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from core.platforms.base import Connection
from core.platforms.errors import ErrorKind, PublishError
from core.platforms.facebook import DEFAULT_API, PLATFORM, _classifier
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

LOOKBACK_DAYS = 14
POSTS = 25
PAGE = 100
READ = "pages_read_engagement, pages_read_user_content"
MODERATE = "pages_manage_engagement"
COMMENT_FIELDS = "id,message,from{id,name},created_time,permalink_url,parent{id},is_hidden"


def _stamp(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S+00:00")


class FacebookReader:
    platform = "facebook"

    def __init__(self, connection: Connection, pacing: Pacing) -> None:
        self._api = HttpApi(PLATFORM, connection.base_url or DEFAULT_API, connection.credential)
        self._pacing = pacing

    def close(self) -> None:
        self._api.close()

    def _get(self, path: str, params: dict[str, Any]) -> Any:
        return with_pacing(self._pacing, lambda: self._api.call("GET", path, params=params, accept=_classifier(READ)))

    def _posts(self) -> list[dict[str, Any]]:
        since = int((datetime.now(UTC) - timedelta(days=LOOKBACK_DAYS)).timestamp())
        fields = "id,message,permalink_url,created_time"
        answer = self._get("/me/posts", {"fields": fields, "limit": POSTS, "since": since})
        return [p for p in answer.get("data", []) if isinstance(p, dict) and p.get("id")]

    def _comments(self, post_id: str, cursor: datetime | None, post_text: str) -> list[InboundItem]:
        """The post's comments newer than ``cursor`` (all pages); ``KeyError`` when the post is gone."""
        found: list[InboundItem] = []
        params: dict[str, Any] = {
            "fields": COMMENT_FIELDS,
            "filter": "stream",
            "order": "reverse_chronological",
            "limit": PAGE,
        }
        for _page in range(self._pacing.max_pages):
            try:
                answer = self._get(f"/{post_id}/comments", params)
            except PublishError as error:
                if error.kind is ErrorKind.REJECTED and error.status in (400, 404):
                    raise KeyError(post_id) from None
                raise
            for comment in answer.get("data", []):
                item = _item(comment, post_id, post_text)
                if cursor is not None and item.created_at is not None and item.created_at < cursor:
                    return found
                found.append(item)
            paging = answer.get("paging") or {}
            after = (paging.get("cursors") or {}).get("after")
            if not paging.get("next") or not after:
                return found
            params = {**params, "after": after}
        return found

    def read(self, cursor: str | None) -> ReadResult:
        since = parse_time(cursor) if cursor else None
        items: dict[str, InboundItem] = {}
        deleted = 0
        try:
            posts = self._posts()
            for post in posts:
                try:
                    comments = self._comments(str(post["id"]), since, str(post.get("message") or ""))
                except KeyError:
                    deleted += 1
                    continue
                for item in comments:
                    items.setdefault(item.item_id, item)
        except RateLimited as stop:
            return ReadResult(_oldest_first(items), cursor, complete=False, retry_after=stop.seconds)
        times = [i.created_at for i in items.values() if i.created_at is not None]
        newest = _stamp(max(times)) if times else cursor
        return ReadResult(_oldest_first(items), newest, complete=True, deleted=deleted)

    def moderate(self, action: Moderation, item: InboundItem, reason: str) -> None:
        if action is Moderation.HIDE:
            self._api.call("POST", f"/{item.item_id}", data={"is_hidden": "true"}, accept=_classifier(MODERATE))
        elif action is Moderation.DELETE:
            self._api.call("DELETE", f"/{item.item_id}", accept=_classifier(MODERATE))
        else:
            raise not_offered(self.platform)


def _item(comment: dict[str, Any], post_id: str, post_text: str) -> InboundItem:
    author = comment.get("from") or {}
    parent = (comment.get("parent") or {}).get("id")
    comment_id = str(comment["id"])
    return InboundItem(
        item_id=comment_id,
        kind=ItemKind.COMMENT,
        # Graph gives a Page token the commenter's name and id only with pages_read_user_content.
        author=Author(str(author.get("id", "")), str(author.get("name", "")), str(author.get("name", ""))),
        text=str(comment.get("message", "")),
        url=str(comment.get("permalink_url") or f"https://www.facebook.com/{comment_id}"),
        created_at=parse_time(comment.get("created_time")),
        in_reply_to=str(parent or post_id),
        root=post_id,
        parent_text="" if parent else post_text,
    )


def _oldest_first(items: dict[str, InboundItem]) -> tuple[InboundItem, ...]:
    epoch = datetime.min.replace(tzinfo=UTC)
    return tuple(sorted(items.values(), key=lambda i: (i.created_at or epoch, i.item_id)))
