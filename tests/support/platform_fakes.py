"""Loopback fakes of the platforms' HTTP APIs (pytest-httpserver), with fault injection.

Each fake keeps the posts it "published", records every request (method,
path, headers, form fields, files, JSON) and can be told to answer the next
call of an endpoint with a status (429, 503, …), to *create the post and
then drop the connection* (or answer 504, or hang until the client times
out), or to quote the credentials it received in its error answer.
"""

from __future__ import annotations

import base64
import html
import json
import socket
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from pytest_httpserver import HTTPServer
from werkzeug import Request, Response


@dataclass
class Seen:
    method: str
    path: str
    headers: dict[str, str]
    form: dict[str, str]
    files: dict[str, tuple[str, bytes, str]]
    json: Any
    args: dict[str, str]


def drop(request: Request) -> Response:
    """Close the TCP connection without an answer (the client sees a broken connection)."""
    sock = request.environ["werkzeug.socket"]
    sock.shutdown(socket.SHUT_RDWR)
    sock.close()
    return Response("")


@dataclass
class Fault:
    status: int | None = None  # answer with this status instead
    drop_after: bool = False  # do the work, then drop the connection
    drop_before: bool = False  # drop without doing the work
    headers: dict[str, str] = field(default_factory=dict)
    # Do the work, then answer with ``status`` anyway (a 504 from a proxy after the post was made).
    status_after: bool = False
    # Do the work, then say nothing until this is set (the client times out meanwhile).
    hang_after: threading.Event | None = None
    # Put the request's credentials (Authorization header, password field) into the error answer,
    # as LINE and others do.
    echo_credentials: bool = False


def _echoed(request: Request) -> str:
    """What a careless platform quotes back in its error text: the credentials it was sent."""
    authorization = request.headers.get("Authorization", "")
    # The bare value first (only knowing the secret catches it), then the header as sent.
    parts = [authorization.split(" ", 1)[-1], authorization]
    body = request.get_json(silent=True)
    if isinstance(body, dict):
        parts += [str(body.get(k, "")) for k in ("password", "access_token")]
    parts += [request.form.get(k, "") for k in ("password", "access_token")]
    return " ".join(p for p in parts if p)


def _error_body(request: Request, fault: Fault) -> str:
    if not fault.echo_credentials:
        return json.dumps({"error": "fault"})
    echoed = _echoed(request)
    return json.dumps(
        {
            "error": f"invalid credentials: {echoed}",
            "message": f"The access token {echoed} is not valid",
            "title": f"Unauthorized {echoed}",
        }
    )


class FakePlatform:
    def __init__(self, server: HTTPServer) -> None:
        self.server = server
        self.seen: list[Seen] = []
        self.posts: list[dict[str, Any]] = []
        self.faults: dict[str, list[Fault]] = {}

    @property
    def base_url(self) -> str:
        return self.server.url_for("").rstrip("/")

    def fail(self, path: str, *faults: Fault) -> None:
        self.faults.setdefault(path, []).extend(faults)

    def calls(self, method: str, path: str) -> list[Seen]:
        return [s for s in self.seen if s.method == method and s.path == path]

    def route(self, path: str, method: str, work: Callable[[Request], Response]) -> None:
        def handler(request: Request) -> Response:
            body: Any = None
            if request.mimetype == "application/json":
                body = json.loads(request.get_data() or b"null")
            self.seen.append(
                Seen(
                    request.method,
                    request.path,
                    dict(request.headers),
                    dict(request.form),
                    {k: (f.filename or "", f.read(), f.mimetype) for k, f in request.files.items()},
                    body,
                    dict(request.args),
                )
            )
            queue = self.faults.get(path) or []
            fault = queue.pop(0) if queue else None
            if fault and fault.drop_before:
                return drop(request)
            if fault and fault.status and not fault.status_after:
                return Response(
                    _error_body(request, fault), fault.status, headers=fault.headers, content_type="application/json"
                )
            response = work(request)
            if fault and fault.drop_after:
                return drop(request)
            if fault and fault.hang_after is not None:
                fault.hang_after.wait(30)
                return drop(request)
            if fault and fault.status:
                return Response(
                    _error_body(request, fault), fault.status, headers=fault.headers, content_type="application/json"
                )
            return response

        self.server.expect_request(path, method=method).respond_with_handler(handler)


def ok(payload: Any, status: int = 200, headers: dict[str, str] | None = None) -> Response:
    return Response(json.dumps(payload), status, headers=headers or {}, content_type="application/json")


class FakeMastodon(FakePlatform):
    """``keep_keys=False``: a server that never stored the Idempotency-Key (mastodon #21840)."""

    def __init__(self, server: HTTPServer, *, keep_keys: bool = True) -> None:
        super().__init__(server)
        self.keep_keys = keep_keys
        self.by_key: dict[str, dict[str, Any]] = {}
        self.media: list[dict[str, Any]] = []
        self.status_media: list[list[str]] = []
        self.processing_polls: dict[str, int] = {}
        self.polls_until_processed = 2
        self.route("/api/v2/media", "POST", self._media)
        self.route("/api/v1/statuses", "POST", self._status)
        self.route("/api/v1/accounts/verify_credentials", "GET", lambda r: ok({"id": "9", "username": "koho"}))
        self.route("/api/v1/accounts/9/statuses", "GET", lambda r: ok(list(reversed(self.posts))))

    def _media(self, request: Request) -> Response:
        number = len(self.media) + 1
        mime = next(iter(request.files.values())).mimetype if request.files else ""
        video = mime.startswith("video/")
        item = {
            "id": f"m{number}",
            "type": "video" if video else "image",
            "description": request.form.get("description"),
            # Like Mastodon's v2 API: a video is transcoded after the upload (202, no url yet).
            "url": None if video else f"https://city.example/media/{number}",
        }
        self.media.append(item)
        if video:
            self.processing_polls[item["id"]] = self.polls_until_processed
            self.route(f"/api/v1/media/{item['id']}", "GET", self._media_status)
            return ok(item, status=202)
        return ok(item)

    def _media_status(self, request: Request) -> Response:
        media_id = request.path.rsplit("/", 1)[-1]
        item = next(m for m in self.media if m["id"] == media_id)
        self.processing_polls[media_id] -= 1
        if self.processing_polls[media_id] <= 0:
            item["url"] = f"https://city.example/media/{media_id}"
        return ok(item, status=200 if item["url"] else 206)

    def _status(self, request: Request) -> Response:
        key = request.headers.get("Idempotency-Key")
        self.status_media.append(request.form.getlist("media_ids[]"))
        if key and key in self.by_key:
            return ok(self.by_key[key])
        data = request.get_json(silent=True) or request.form.to_dict(flat=False)
        text = data.get("status")
        text = text[0] if isinstance(text, list) else text
        status = {
            "id": str(100 + len(self.posts)),
            "url": f"https://city.example/@koho/{100 + len(self.posts)}",
            "content": f"<p>{html.escape(text or '')}</p>",
            "created_at": "2026-11-01T00:00:00.000Z",
        }
        self.posts.append(status)
        if key and self.keep_keys:
            self.by_key[key] = status
        return ok(status)


def _jwt(sub: str, scope: str) -> str:
    def part(value: dict[str, Any]) -> str:
        return base64.urlsafe_b64encode(json.dumps(value).encode()).decode().rstrip("=")

    return f"{part({'alg': 'ES256K', 'typ': 'at+jwt'})}.{part({'sub': sub, 'scope': scope, 'exp': 4102444800})}.c2ln"


class FakeBluesky(FakePlatform):
    DID = "did:plc:cityexample"

    def __init__(self, server: HTTPServer) -> None:
        super().__init__(server)
        self.sessions = 0
        self.blobs = 0
        x = "/xrpc/"
        self.route(x + "com.atproto.server.createSession", "POST", self._session)
        self.route(x + "com.atproto.repo.uploadBlob", "POST", self._blob)
        self.route(x + "com.atproto.repo.createRecord", "POST", self._create)
        self.route(x + "com.atproto.repo.listRecords", "GET", self._list)
        self.route(x + "com.atproto.repo.deleteRecord", "POST", self._delete)

    def _session(self, request: Request) -> Response:
        self.sessions += 1
        return ok(
            {
                "did": self.DID,
                "handle": "koho.city.example",
                "accessJwt": _jwt(self.DID, "com.atproto.appPass"),
                "refreshJwt": _jwt(self.DID, "com.atproto.refresh"),
            }
        )

    def _blob(self, request: Request) -> Response:
        self.blobs += 1
        return ok(
            {
                "blob": {
                    "$type": "blob",
                    "ref": {"$link": "bafkreibme22gw2h7y2h7tg2fhqotaqjucnbc24deqo72b6mkl2egezxhvy"},
                    "mimeType": request.mimetype,
                    "size": len(request.get_data()),
                }
            }
        )

    def _create(self, request: Request) -> Response:
        body = request.get_json()
        rkey = body.get("rkey")
        if any(p["rkey"] == rkey for p in self.posts):
            return ok({"error": "InvalidRequest", "message": "record already exists"}, 400)
        uri = f"at://{self.DID}/app.bsky.feed.post/{rkey}"
        self.posts.append({"rkey": rkey, "uri": uri, "record": body["record"]})
        return ok({"uri": uri, "cid": "bafyreie5737gdxlw5i64vzichcalba3z2v5n6icifvx5xytvske7mr3hpm"})

    def _list(self, request: Request) -> Response:
        records = [
            {
                "uri": p["uri"],
                "cid": "bafyreie5737gdxlw5i64vzichcalba3z2v5n6icifvx5xytvske7mr3hpm",
                "value": p["record"],
            }
            for p in reversed(self.posts)
        ]
        return ok({"records": records})

    def _delete(self, request: Request) -> Response:
        rkey = request.get_json()["rkey"]
        self.posts = [p for p in self.posts if p["rkey"] != rkey]
        return ok({})


class FakeX(FakePlatform):
    def __init__(self, server: HTTPServer) -> None:
        super().__init__(server)
        self.uploads: dict[str, dict[str, Any]] = {}
        self.deleted: list[str] = []
        self.route("/2/media/upload", "POST", self._upload)
        self.route("/2/media/upload", "GET", self._status)
        self.route("/2/media/metadata", "POST", self._metadata)
        self.polls_until_processed = 2
        self.processing_fails = False
        self.route("/2/tweets", "POST", self._tweet)
        self.route("/2/users/me", "GET", lambda r: ok({"data": {"id": "42", "username": "city_koho"}}))
        self.route("/2/oauth2/token", "POST", self._token)
        # OAuth 2.0: when set, only these bearer tokens are accepted on /2/tweets, and this
        # refresh token renews (and is then replaced, as X rotates it).
        self.access_tokens: set[str] | None = None
        self.refresh_token: str | None = None
        self.renewals = 0
        self.route("/2/users/42/tweets", "GET", lambda r: ok({"data": list(reversed(self.posts))}))

    def _upload(self, request: Request) -> Response:
        command = request.form["command"]
        if command == "INIT":
            media_id = str(700 + len(self.uploads))
            self.uploads[media_id] = {"bytes": b"", "alt": None, "final": False, "type": request.form["media_type"]}
            return ok({"data": {"id": media_id, "media_key": f"3_{media_id}"}})
        upload = self.uploads[request.form["media_id"]]
        if command == "APPEND":
            upload["bytes"] += request.files["media"].read()
            return Response("", 204)
        upload["final"] = True
        if upload["type"].startswith("video/"):
            # Like X: a video is processed after FINALIZE; STATUS tells when it is ready.
            upload["polls"] = self.polls_until_processed
            info = {"state": "pending", "check_after_secs": 1}
            return ok({"data": {"id": request.form["media_id"], "processing_info": info}})
        return ok({"data": {"id": request.form["media_id"]}})

    def _status(self, request: Request) -> Response:
        upload = self.uploads[request.args["media_id"]]
        upload["polls"] -= 1
        done = "failed" if self.processing_fails else "succeeded"
        info = {"state": "in_progress" if upload["polls"] > 0 else done, "check_after_secs": 2}
        return ok({"data": {"id": request.args["media_id"], "processing_info": info}})

    def _metadata(self, request: Request) -> Response:
        body = request.get_json()
        self.uploads[body["id"]]["alt"] = body["metadata"]["alt_text"]["text"]
        return ok({"data": {"associated_metadata": True}})

    def _token(self, request: Request) -> Response:
        form = request.form
        if form.get("grant_type") != "refresh_token" or form.get("refresh_token") != self.refresh_token:
            return ok({"error": "invalid_request"}, 400)
        self.renewals += 1
        access, self.refresh_token = f"access-{self.renewals}", f"refresh-{self.renewals}"
        if self.access_tokens is not None:
            self.access_tokens = {access}
        return ok(
            {"token_type": "bearer", "expires_in": 7200, "access_token": access, "refresh_token": self.refresh_token}
        )

    def _tweet(self, request: Request) -> Response:
        bearer = request.headers.get("Authorization", "").removeprefix("Bearer ")
        if self.access_tokens is not None and bearer not in self.access_tokens:
            return ok({"title": "Unauthorized"}, 401)
        body = request.get_json()
        tweet = {"id": str(1_000 + len(self.posts)), "text": body["text"], "media": body.get("media")}
        self.posts.append(tweet)
        return ok({"data": {"id": tweet["id"], "text": tweet["text"]}}, 201)

    def add_delete_route(self, post_id: str) -> None:
        def work(request: Request) -> Response:
            self.deleted.append(post_id)
            self.posts = [p for p in self.posts if p["id"] != post_id]
            return ok({"data": {"deleted": True}})

        self.route(f"/2/tweets/{post_id}", "DELETE", work)


class FakeFacebook(FakePlatform):
    def __init__(self, server: HTTPServer) -> None:
        super().__init__(server)
        self.photos: list[dict[str, Any]] = []
        self.videos: list[dict[str, Any]] = []
        self.captions: list[dict[str, Any]] = []
        self.route("/me/photos", "POST", self._photo)
        self.route("/me/videos", "POST", self._video)
        self.route("/me/feed", "POST", self._feed)
        self.route("/me/posts", "GET", lambda r: ok({"data": list(reversed(self.posts))}))

    def _photo(self, request: Request) -> Response:
        photo = {"id": str(500 + len(self.photos)), **request.form.to_dict()}
        photo["bytes"] = len(request.files["source"].read())
        self.photos.append(photo)
        return ok({"id": photo["id"]})

    def _video(self, request: Request) -> Response:
        video = {"id": str(900 + len(self.videos)), **request.form.to_dict()}
        video["bytes"] = len(request.files["source"].read())
        self.videos.append(video)
        self.route(f"/{video['id']}/captions", "POST", self._captions)
        return ok({"id": video["id"]})

    def _captions(self, request: Request) -> Response:
        name, data, _mime = self.seen[-1].files["captions_file"]  # the handler has read the stream
        self.captions.append({"video": request.path.split("/")[1], "name": name, "text": data.decode(), **request.form})
        return ok({"success": True})

    def _feed(self, request: Request) -> Response:
        post = {"id": f"123_{len(self.posts) + 1}", "message": request.form["message"], **request.form.to_dict()}
        self.posts.append(post)
        return ok({"id": post["id"]})


class FakeLine(FakePlatform):
    def __init__(self, server: HTTPServer) -> None:
        super().__init__(server)
        self.keys: dict[str, str] = {}
        self.route("/v2/bot/message/broadcast", "POST", self._broadcast)

    def _broadcast(self, request: Request) -> Response:
        key = request.headers["X-Line-Retry-Key"]
        if key in self.keys:
            return ok(
                {"message": "The retry key is already accepted"}, 409, {"x-line-accepted-request-id": self.keys[key]}
            )
        request_id = f"req-{len(self.posts) + 1}"
        self.keys[key] = request_id
        self.posts.append({"id": request_id, "messages": request.get_json()["messages"]})
        return ok({}, 200, {"x-line-request-id": request_id})
