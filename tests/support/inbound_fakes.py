"""Loopback fakes of the platforms' *inbound* endpoints: notifications, mentions, comments, moderation.

Built on :mod:`tests.support.platform_fakes` (same request log and fault
injection). Each fake pages the way its platform documents it, so the
readers' cursors and pagination are tested against that behaviour, not
against the readers' own assumptions.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from tests.support.platform_fakes import FakeBluesky, FakeFacebook, FakeMastodon, FakeX, ok

T0 = datetime(2026, 11, 1, 9, tzinfo=UTC)


class MastodonInbox(FakeMastodon):
    """``GET /api/v1/notifications`` with ``types[]``, ``min_id``/``max_id``/``limit`` and RFC 8288 ``Link``."""

    def __init__(self, server: HTTPServer) -> None:
        super().__init__(server)
        self.notifications: list[dict[str, Any]] = []
        self.route("/api/v1/notifications", "GET", self._notifications)
        self.route("/api/v1/reports", "POST", lambda r: ok({"id": "r1"}))

    def mention(self, text: str, *, author: str = "taro", deleted: bool = False, reply_to: str = "100") -> str:
        number = len(self.notifications) + 1
        status = None
        if not deleted:
            status = {
                "id": str(5000 + number),
                "url": f"https://other.example/@{author}/{5000 + number}",
                "content": f"<p>@koho {text}</p>",
                "created_at": (T0 + timedelta(minutes=number)).isoformat().replace("+00:00", "Z"),
                "in_reply_to_id": reply_to,
                "account": {"id": f"a-{author}", "acct": f"{author}@other.example", "display_name": author},
            }
        self.notifications.append({"id": str(number), "type": "mention", "status": status})
        return str(5000 + number)

    def follow_account(self, account_id: str) -> None:
        for action in ("block", "mute"):
            self.route(f"/api/v1/accounts/{account_id}/{action}", "POST", lambda r: ok({"id": account_id}))

    def _notifications(self, request: Request) -> Response:
        wanted = request.args.getlist("types[]")
        items = [n for n in self.notifications if not wanted or n["type"] in wanted]
        limit = int(request.args.get("limit", 40))
        if "min_id" in request.args:
            low = int(request.args["min_id"])
            page = [n for n in items if int(n["id"]) > low][:limit]
        else:
            high = int(request.args.get("max_id", 10**9))
            page = [n for n in items if int(n["id"]) < high][-limit:]
        page = list(reversed(page))  # newest first, as Mastodon answers
        headers = {}
        if page:
            base = self.base_url + "/api/v1/notifications"
            headers["Link"] = (
                f'<{base}?max_id={page[-1]["id"]}>; rel="next", <{base}?min_id={page[0]["id"]}>; rel="prev"'
            )
        return ok(page, headers=headers)


class XInbox(FakeX):
    """``GET /2/users/42/mentions``: newest first, ``since_id``, ``pagination_token`` backwards, includes.users."""

    def __init__(self, server: HTTPServer) -> None:
        super().__init__(server)
        self.mentions: list[dict[str, Any]] = []
        self.gone: list[str] = []
        self.hidden: list[str] = []
        self.route("/2/users/42/mentions", "GET", self._mentions)
        self.route("/2/users/42/muting", "POST", self._mute)
        self.muted: list[str] = []
        # The account's own posts, returned in includes.tweets for expansions=referenced_tweets.id.
        self.parents: dict[str, str] = {"1000": "市民まつりは11月3日です。"}

    def mention(self, text: str, *, author: str = "7", reply_to: str | None = "1000") -> str:
        tweet_id = str(9000 + len(self.mentions))
        tweet: dict[str, Any] = {
            "id": tweet_id,
            "text": f"@city_koho {text}",
            "author_id": author,
            "created_at": (T0 + timedelta(minutes=len(self.mentions))).isoformat().replace("+00:00", ".000Z"),
            "conversation_id": reply_to or tweet_id,
        }
        if reply_to:
            tweet["referenced_tweets"] = [{"type": "replied_to", "id": reply_to}]
        self.mentions.append(tweet)

        def hide(request: Request) -> Response:
            body = request.get_json(silent=True)
            if not isinstance(body, dict) or not isinstance(body.get("hidden"), bool):
                return ok({"title": "Invalid Request"}, 400)
            self.hidden.append(tweet_id)
            return ok({"data": {"hidden": body["hidden"]}})

        self.route(f"/2/tweets/{tweet_id}/hidden", "PUT", hide)
        return tweet_id

    def _mute(self, request: Request) -> Response:
        self.muted.append(request.get_json()["target_user_id"])
        return ok({"data": {"muting": True}})

    def _mentions(self, request: Request) -> Response:
        since = request.args.get("since_id")
        size = int(request.args.get("max_results", 10))
        newer = [t for t in reversed(self.mentions) if since is None or int(t["id"]) > int(since)]
        start = int(request.args.get("pagination_token", "0") or 0)
        page = newer[start : start + size]
        users = {t["author_id"] for t in page}
        body: dict[str, Any] = {
            "data": page,
            "includes": {"users": [{"id": u, "username": f"user{u}", "name": f"User {u}"} for u in sorted(users)]},
            "meta": {"result_count": len(page)},
        }
        if "referenced_tweets.id" in request.args.get("expansions", "").split(","):
            wanted = {r["id"] for t in page for r in t.get("referenced_tweets", [])}
            body["includes"]["tweets"] = [
                {"id": i, "text": self.parents[i]} for i in sorted(wanted & set(self.parents))
            ]
        if page:
            body["meta"].update(newest_id=page[0]["id"], oldest_id=page[-1]["id"])
        else:
            body.pop("data")
        if start + size < len(newer):
            body["meta"]["next_token"] = str(start + size)
        if self.gone:
            body["errors"] = [
                {
                    "resource_id": g,
                    "type": "https://api.twitter.com/2/problems/resource-not-found",
                    "title": "Not Found Error",
                }
                for g in self.gone
            ]
        return ok(body)


def _lexicon_problem(record: Any, model: str) -> str | None:
    """Why the ``atproto`` package's model (generated from the lexicons) refuses ``record``; ``None`` if valid."""
    from atproto import models
    from atproto_client.exceptions import ModelError
    from atproto_client.models.utils import get_or_create

    try:
        get_or_create(record, getattr(models, model).Record, strict_string_format=True)
    except ModelError as error:
        return str(error)
    return None


class BlueskyInbox(FakeBluesky):
    """listNotifications (newest first, ``cursor`` backwards, ``reasons``), getPosts, the moderation calls."""

    def __init__(self, server: HTTPServer) -> None:
        super().__init__(server)
        self.notes: list[dict[str, Any]] = []
        self.deleted_posts: set[str] = set()
        self.blocks: list[dict[str, Any]] = []
        self.mutes: list[str] = []
        self.reports: list[dict[str, Any]] = []
        self.threadgates: dict[str, dict[str, Any]] = {}
        self.root_uri = f"at://{self.DID}/app.bsky.feed.post/3kroot0000001"
        x = "/xrpc/"
        self.route(x + "app.bsky.notification.listNotifications", "GET", self._list_notifications)
        self.route(x + "app.bsky.feed.getPosts", "GET", self._get_posts)
        self.route(x + "app.bsky.graph.muteActor", "POST", self._mute)
        self.route(x + "com.atproto.moderation.createReport", "POST", self._report)
        self.route(x + "com.atproto.repo.putRecord", "POST", self._put)

    def note(self, text: str, *, reason: str = "reply", author: str = "did:plc:resident1") -> str:
        number = len(self.notes) + 1
        uri = f"at://{author}/app.bsky.feed.post/3k{number:011d}"
        root = f"at://{self.DID}/app.bsky.feed.post/3kroot0000001"
        when = (T0 + timedelta(minutes=number)).strftime("%Y-%m-%dT%H:%M:%S.000Z")
        record: dict[str, Any] = {"$type": "app.bsky.feed.post", "text": text, "createdAt": when}
        if reason == "reply":
            record["reply"] = {
                "root": {"uri": root, "cid": "bafyreie5737gdxlw5i64vzichcalba3z2v5n6icifvx5xytvske7mr3hpm"},
                "parent": {"uri": root, "cid": "bafyreie5737gdxlw5i64vzichcalba3z2v5n6icifvx5xytvske7mr3hpm"},
            }
        self.notes.append(
            {
                "uri": uri,
                "cid": "bafyreie5737gdxlw5i64vzichcalba3z2v5n6icifvx5xytvske7mr3hpm",
                "author": {"did": author, "handle": f"resident{number}.example", "displayName": "住民"},
                "reason": reason,
                "record": record,
                "isRead": False,
                "indexedAt": when,
            }
        )
        return uri

    def _list_notifications(self, request: Request) -> Response:
        reasons = set(request.args.getlist("reasons"))
        notes = [n for n in reversed(self.notes) if not reasons or n["reason"] in reasons]
        start = int(request.args.get("cursor", "0") or 0)
        size = int(request.args.get("limit", 50))
        page = notes[start : start + size]
        body: dict[str, Any] = {"notifications": page}
        if start + size < len(notes):
            body["cursor"] = str(start + size)
        return ok(body)

    def _get_posts(self, request: Request) -> Response:
        wanted = request.args.getlist("uris")
        posts = [
            {
                "uri": n["uri"],
                "cid": n["cid"],
                "author": n["author"],
                "record": n["record"],
                "indexedAt": n["indexedAt"],
            }
            for n in self.notes
            if n["uri"] in wanted and n["uri"] not in self.deleted_posts
        ]
        if self.root_uri in wanted:
            record = {
                "$type": "app.bsky.feed.post",
                "text": "市民まつりは11月3日です。",
                "createdAt": "2026-11-01T00:00:00.000Z",
            }
            author = {"did": self.DID, "handle": "koho.city.example"}
            cid = self.notes[0]["cid"]
            posts.append(
                {
                    "uri": self.root_uri,
                    "cid": cid,
                    "author": author,
                    "record": record,
                    "indexedAt": "2026-11-01T00:00:00.000Z",
                }
            )
        return ok({"posts": posts})

    def _mute(self, request: Request) -> Response:
        self.mutes.append(request.get_json()["actor"])
        return Response("", 200)

    def _report(self, request: Request) -> Response:
        body = request.get_json()
        self.reports.append(body)
        return ok({**body, "id": len(self.reports), "createdAt": "2026-11-01T00:00:00.000Z", "reportedBy": self.DID})

    def _create(self, request: Request) -> Response:
        body = request.get_json()
        if body.get("collection") == "app.bsky.graph.block":
            problem = _lexicon_problem(body["record"], "AppBskyGraphBlock")
            if problem is not None:
                return ok({"error": "InvalidRequest", "message": problem[:500]}, 400)
            self.blocks.append(body["record"])
            return ok({"uri": f"at://{self.DID}/app.bsky.graph.block/3kb1", "cid": self.notes[0]["cid"]})
        return super()._create(request)

    def _put(self, request: Request) -> Response:
        body = request.get_json()
        if body.get("collection") != "app.bsky.feed.threadgate":
            return ok({"error": "InvalidRequest", "message": "unexpected collection"}, 400)
        problem = _lexicon_problem(body["record"], "AppBskyFeedThreadgate")
        if problem is not None:
            return ok({"error": "InvalidRequest", "message": problem[:500]}, 400)
        self.threadgates[body["rkey"]] = body["record"]
        return ok({"uri": f"at://{self.DID}/app.bsky.feed.threadgate/{body['rkey']}", "cid": self.notes[0]["cid"]})


class FacebookInbox(FakeFacebook):
    """``/me/posts`` and ``/{post}/comments`` (reverse chronological, cursor paging), hide and delete."""

    def __init__(self, server: HTTPServer, post_ids: tuple[str, ...] = ("123_1",)) -> None:
        super().__init__(server)
        self.page_posts = [
            {"id": p, "created_time": "2026-11-01T00:00:00+0000", "message": f"お知らせ {p}"} for p in post_ids
        ]
        self.comments: dict[str, list[dict[str, Any]]] = {p: [] for p in post_ids}
        self.hidden: list[str] = []
        self.removed: list[str] = []
        # Replaces the publishing fake's /me/posts: the Page's posts with their ids.
        self.server.clear()
        self.route("/me/posts", "GET", lambda r: ok({"data": self.page_posts}))
        for post_id in post_ids:
            self.route(f"/{post_id}/comments", "GET", self._comments)

    def comment(self, post_id: str, text: str, *, author: str = "u1") -> str:
        comments = self.comments[post_id]
        comment_id = f"{post_id}_c{len(comments) + 1}"
        when = T0 + timedelta(minutes=len(comments) + 1)
        comments.append(
            {
                "id": comment_id,
                "message": text,
                "from": {"id": author, "name": f"住民 {author}"},
                "created_time": when.strftime("%Y-%m-%dT%H:%M:%S+0000"),
                "permalink_url": f"https://www.facebook.com/{comment_id}",
            }
        )

        def moderate(request: Request) -> Response:
            if request.method == "DELETE":
                self.removed.append(comment_id)
            elif request.form.get("is_hidden") == "true":
                self.hidden.append(comment_id)
            return ok({"success": True})

        self.route(f"/{comment_id}", "POST", moderate)
        self.route(f"/{comment_id}", "DELETE", moderate)
        return comment_id

    def delete_post(self, post_id: str) -> None:
        self.comments.pop(post_id)

    def _comments(self, request: Request) -> Response:
        post_id = request.path.split("/")[1]
        if post_id not in self.comments:
            error = {"message": "Unsupported get request.", "type": "GraphMethodException", "code": 100}
            return ok({"error": error}, 400)
        newest_first = list(reversed(self.comments[post_id]))
        start = int(request.args.get("after", "0") or 0)
        size = int(request.args.get("limit", 25))
        page = newest_first[start : start + size]
        paging: dict[str, Any] = {"cursors": {"before": str(start), "after": str(start + size)}}
        if start + size < len(newest_first):
            paging["next"] = f"{self.base_url}/{post_id}/comments?after={start + size}"
        return ok({"data": page, "paging": paging})
