"""X: mentions of the account from ``GET /2/users/:id/mentions`` (X API v2, OpenAPI 2.159).

The cursor is the newest mention id read (``since_id`` next time). X answers
newest first and pages *back* with ``pagination_token`` until it reaches
``since_id``, so the cursor moves only when every page came; an interrupted
read starts again from the old cursor (the store keeps one row per tweet).
A first read takes the newest page only. Mentions deleted meanwhile come
back as ``errors`` of type resource-not-found and are counted as deleted.

Moderation through the API: hide a reply (``PUT /2/tweets/:id/hidden``,
replies to the account's own conversations only) and mute the author
(``POST /2/users/:id/muting``). Blocking and reporting are not in the API
any more: the queue records them when done in X's app.

The reader is the posting adapter's subclass: same token, same renewal.
"""

from __future__ import annotations

from typing import Any

from core.platforms.base import Connection
from core.platforms.facts import Moderation
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
from core.platforms.x import XPublisher

PAGE = 100
TWEET_FIELDS = "created_at,author_id,conversation_id,in_reply_to_user_id,referenced_tweets"
USER_FIELDS = "username,name"
_NOT_FOUND = "https://api.twitter.com/2/problems/resource-not-found"


class XReader(XPublisher):
    def __init__(self, connection: Connection, pacing: Pacing) -> None:
        super().__init__(connection)
        self._pacing = pacing
        self._me: str | None = None

    def close(self) -> None:
        self._api.close()

    def _user_id(self) -> str:
        if self._me is None:
            answer = with_pacing(self._pacing, lambda: self._call("GET", "/2/users/me"))
            self._me = str(answer["data"]["id"])
        return self._me

    def _page(self, cursor: str | None, token: str | None) -> Any:
        params: dict[str, Any] = {
            "max_results": PAGE,
            "tweet.fields": TWEET_FIELDS,
            "expansions": "author_id,referenced_tweets.id",
            "user.fields": USER_FIELDS,
        }
        if cursor:
            params["since_id"] = cursor
        if token:
            params["pagination_token"] = token
        user = self._user_id()
        return with_pacing(self._pacing, lambda: self._call("GET", f"/2/users/{user}/mentions", params=params))

    def read(self, cursor: str | None) -> ReadResult:
        items: dict[str, InboundItem] = {}
        newest: str | None = None
        deleted, token, pages = 0, None, 0
        while pages < self._pacing.max_pages:
            pages += 1
            try:
                answer = self._page(cursor, token)
            except RateLimited as stop:
                return ReadResult(_oldest_first(items), cursor, complete=False, retry_after=stop.seconds)
            meta = answer.get("meta") or {}
            newest = newest or meta.get("newest_id")
            includes = answer.get("includes") or {}
            users = {u.get("id"): u for u in includes.get("users", [])}
            parents = {str(t.get("id")): str(t.get("text", "")) for t in includes.get("tweets", [])}
            for tweet in answer.get("data") or []:
                item = self._item(tweet, users, parents)
                items.setdefault(item.item_id, item)
            deleted += sum(1 for e in answer.get("errors") or [] if e.get("type") == _NOT_FOUND)
            token = meta.get("next_token")
            if not token or not cursor:
                break
        complete = not token or not cursor
        return ReadResult(_oldest_first(items), str(newest or cursor or "") or None, complete, deleted=deleted)

    def _item(self, tweet: dict[str, Any], users: dict[Any, Any], parents: dict[str, str]) -> InboundItem:
        user = users.get(tweet.get("author_id")) or {}
        replied = next(
            (str(r.get("id")) for r in tweet.get("referenced_tweets") or [] if r.get("type") == "replied_to"), ""
        )
        quoted = any(r.get("type") == "quoted" for r in tweet.get("referenced_tweets") or [])
        username = str(user.get("username", ""))
        tweet_id = str(tweet["id"])
        return InboundItem(
            item_id=tweet_id,
            kind=ItemKind.REPLY if replied else ItemKind.QUOTE if quoted else ItemKind.MENTION,
            author=Author(str(tweet.get("author_id", "")), f"@{username}", str(user.get("name", ""))),
            text=str(tweet.get("text", "")),
            url=f"https://x.com/{username or 'i'}/status/{tweet_id}",
            created_at=parse_time(tweet.get("created_at")),
            in_reply_to=replied,
            root=str(tweet.get("conversation_id") or ""),
            parent_text=parents.get(replied, ""),
        )

    def moderate(self, action: Moderation, item: InboundItem, reason: str) -> None:
        if action is Moderation.HIDE:
            self._call("PUT", f"/2/tweets/{item.item_id}/hidden", json={"hidden": True})
        elif action is Moderation.MUTE:
            self._call("POST", f"/2/users/{self._user_id()}/muting", json={"target_user_id": item.author.id})
        else:
            raise not_offered(self.platform)


def _oldest_first(items: dict[str, InboundItem]) -> tuple[InboundItem, ...]:
    return tuple(sorted(items.values(), key=lambda i: (len(i.item_id), i.item_id)))
