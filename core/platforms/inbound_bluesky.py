"""Bluesky: replies, mentions and quotes from ``app.bsky.notification.listNotifications``.

The API pages from the newest notification back (``cursor``); it has no
"since". KohoGate's cursor is the ``indexedAt`` of the newest notification
read: a read goes back page by page until it meets that time (then it is
complete and the cursor moves), or stops on a rate limit with the old
cursor kept. A first read takes the newest page only. Each page's posts are
looked up with ``app.bsky.feed.getPosts``: one that is no longer there was
deleted after the notification was made, and is skipped.

Moderation: hide a reply through the thread root's threadgate
(``app.bsky.feed.threadgate``, ``hiddenReplies``; only on the account's own
threads), block (an ``app.bsky.graph.block`` record), mute
(``app.bsky.graph.muteActor``) and report
(``com.atproto.moderation.createReport`` with a strong reference).

Through the ``atproto`` SDK: its models are generated from the lexicons,
so what the reader sends and reads is what the lexicons define.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from core.platforms.base import Connection
from core.platforms.bluesky import BlueskyPublisher
from core.platforms.errors import PublishError, rate_limited, retry_after_seconds
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

PAGE = 50
REASONS = {"reply": ItemKind.REPLY, "mention": ItemKind.MENTION, "quote": ItemKind.QUOTE}
THREADGATE = "app.bsky.feed.threadgate"
REPORT_REASON = "com.atproto.moderation.defs#reasonViolation"
_GET_POSTS_MAX = 25


def _get(value: Any, name: str, default: Any = None) -> Any:
    """A field of an SDK model or of a plain dict (records of unknown types stay dicts)."""
    if isinstance(value, dict):
        return value.get(name, default)
    return getattr(value, name, default)


class BlueskyReader(BlueskyPublisher):
    def __init__(self, connection: Connection, pacing: Pacing) -> None:
        super().__init__(connection)
        self._pacing = pacing

    def _translate(self, exc: Exception) -> PublishError:
        response = getattr(exc, "response", None)
        if response is not None and getattr(response, "status_code", None) == 429:
            headers = {k.lower(): v for k, v in dict(response.headers or {}).items()}
            wait = retry_after_seconds({"retry-after": headers.get("retry-after", "")}, datetime.now(UTC))
            if wait is None and headers.get("ratelimit-reset"):
                wait = max(0.0, float(headers["ratelimit-reset"]) - datetime.now(UTC).timestamp())
            return rate_limited("Bluesky", wait)
        return super()._translate(exc)

    def _sdk(self, call: Any) -> Any:
        def attempt() -> Any:
            try:
                return call()
            except PublishError:
                raise
            except Exception as exc:
                raise self._translate(exc) from None

        return with_pacing(self._pacing, attempt)

    def _page(self, cursor: str | None) -> Any:
        from atproto import models

        client = self._login()
        params = models.AppBskyNotificationListNotifications.Params(cursor=cursor, limit=PAGE, reasons=list(REASONS))
        return self._sdk(lambda: client.app.bsky.notification.list_notifications(params))

    def _live(self, uris: list[str]) -> dict[str, Any]:
        """The posts among ``uris`` that still exist (getPosts leaves deleted ones out)."""
        from atproto import models

        client = self._login()
        found: dict[str, Any] = {}
        for start in range(0, len(uris), _GET_POSTS_MAX):
            chunk = uris[start : start + _GET_POSTS_MAX]
            answer = self._sdk(
                lambda c=chunk: client.app.bsky.feed.get_posts(models.AppBskyFeedGetPosts.Params(uris=c))
            )
            found.update({str(p.uri): p for p in answer.posts})
        return found

    def read(self, cursor: str | None) -> ReadResult:
        items: dict[str, InboundItem] = {}
        newest: str | None = None
        deleted, page_cursor, pages, reached = 0, None, 0, cursor is None
        while pages < self._pacing.max_pages:
            pages += 1
            try:
                answer = self._page(page_cursor)
                fresh = [n for n in answer.notifications if cursor is None or str(n.indexed_at) > cursor]
                wanted = [str(n.uri) for n in fresh if n.reason in REASONS]
                live = self._live(wanted + [p for p in map(_parent_uri, fresh) if p and p not in wanted])
            except RateLimited as stop:
                return ReadResult(_oldest_first(items), cursor, complete=False, retry_after=stop.seconds)
            for notification in answer.notifications:
                stamp = str(notification.indexed_at)
                newest = max(newest or stamp, stamp)
            reached = reached or len(fresh) < len(answer.notifications)
            for notification in fresh:
                if notification.reason not in REASONS:
                    continue
                post = live.get(str(notification.uri))
                if post is None:
                    deleted += 1
                    continue
                parent = live.get(_parent_uri(notification))
                item = self._item(notification, post, str(_get(parent.record, "text", "") or "") if parent else "")
                items.setdefault(item.item_id, item)
            page_cursor = answer.cursor
            if cursor is None or reached or not page_cursor or not answer.notifications:
                reached = True
                break
        return ReadResult(_oldest_first(items), newest or cursor, complete=reached, deleted=deleted)

    def _item(self, notification: Any, post: Any, parent_text: str) -> InboundItem:
        record = post.record
        reply = _get(record, "reply")
        parent = str(_get(_get(reply, "parent"), "uri", "") or "")
        root = str(_get(_get(reply, "root"), "uri", "") or "")
        author = notification.author
        handle = str(author.handle)
        return InboundItem(
            item_id=str(post.uri),
            kind=REASONS[notification.reason],
            author=Author(str(author.did), "@" + handle, str(author.display_name or "")),
            text=str(_get(record, "text", "") or ""),
            url=f"https://bsky.app/profile/{handle}/post/{str(post.uri).rsplit('/', 1)[-1]}",
            created_at=parse_time(_get(record, "created_at")) or parse_time(str(notification.indexed_at)),
            in_reply_to=parent,
            root=root or parent,
            ref=str(post.cid),
            parent_text=parent_text,
        )

    def moderate(self, action: Moderation, item: InboundItem, reason: str) -> None:
        from atproto import models

        client = self._login()
        if action is Moderation.HIDE:
            self._hide(client, item)
        elif action is Moderation.BLOCK:
            record = {"$type": "app.bsky.graph.block", "subject": item.author.id, "createdAt": _now()}
            data = models.ComAtprotoRepoCreateRecord.Data(
                repo=self._did, collection="app.bsky.graph.block", record=record
            )
            self._sdk(lambda: client.com.atproto.repo.create_record(data))
        elif action is Moderation.MUTE:
            mute = models.AppBskyGraphMuteActor.Data(actor=item.author.id)
            self._sdk(lambda: client.app.bsky.graph.mute_actor(mute))
        elif action is Moderation.REPORT:
            subject = models.ComAtprotoRepoStrongRef.Main(uri=item.item_id, cid=item.ref)
            report = models.ComAtprotoModerationCreateReport.Data(
                reason_type=REPORT_REASON, subject=subject, reason=reason[:2000]
            )
            self._sdk(lambda: client.com.atproto.moderation.create_report(report))
        else:
            raise not_offered(self.platform)

    def _hide(self, client: Any, item: InboundItem) -> None:
        """Add the reply to the root post's threadgate (created if the thread has none yet)."""
        from atproto import models

        root = item.root or item.in_reply_to
        if not root.startswith(f"at://{self._did}/"):
            raise not_offered(self.platform)  # only the thread's author may hide replies in it
        rkey = root.rsplit("/", 1)[-1]
        existing: dict[str, Any] = {}
        try:
            answer = client.com.atproto.repo.get_record(
                models.ComAtprotoRepoGetRecord.Params(repo=self._did, collection=THREADGATE, rkey=rkey)
            )
            value = answer.value
            existing = value if isinstance(value, dict) else value.model_dump(by_alias=True, exclude_none=True)
        except Exception:
            existing = {}  # no threadgate yet
        hidden = [u for u in existing.get("hiddenReplies", []) if u != item.item_id] + [item.item_id]
        record = {**existing, "$type": THREADGATE, "post": root, "hiddenReplies": hidden}
        record.setdefault("createdAt", _now())
        data = models.ComAtprotoRepoPutRecord.Data(repo=self._did, collection=THREADGATE, rkey=rkey, record=record)
        self._sdk(lambda: client.com.atproto.repo.put_record(data))


def _parent_uri(notification: Any) -> str:
    """The post a reply notification answers (from the notification's own record)."""
    return str(_get(_get(_get(notification.record, "reply"), "parent"), "uri", "") or "")


def _now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def _oldest_first(items: dict[str, InboundItem]) -> tuple[InboundItem, ...]:
    epoch = datetime.min.replace(tzinfo=UTC)
    return tuple(sorted(items.values(), key=lambda i: (i.created_at or epoch, i.item_id)))
