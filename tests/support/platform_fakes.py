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
    # The body exactly as it arrived, for validating it against a platform's own schema.
    body: bytes = b""
    content_type: str = ""


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
    body: Any = None  # the answer's JSON instead of a generic error (e.g. a Graph error object)
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
            raw = request.get_data()  # cached: werkzeug parses the form from this copy
            body: Any = None
            if request.mimetype == "application/json":
                body = json.loads(raw or b"null")
            files = {}
            for name, upload in request.files.items():
                files[name] = (upload.filename or "", upload.read(), upload.mimetype)
                upload.stream.seek(0)  # the endpoint's own work reads it again
            self.seen.append(
                Seen(
                    request.method,
                    request.path,
                    dict(request.headers),
                    dict(request.form),
                    files,
                    body,
                    dict(request.args),
                    raw,
                    request.content_type or "",
                )
            )
            queue = self.faults.get(path) or []
            fault = queue.pop(0) if queue else None
            if fault and fault.drop_before:
                return drop(request)
            if fault and fault.status and not fault.status_after:
                payload = fault.body if fault.body is not None and not fault.echo_credentials else None
                return Response(
                    json.dumps(payload) if payload is not None else _error_body(request, fault),
                    fault.status,
                    headers=fault.headers,
                    content_type="application/json",
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


def _bluesky_record_problem(record: Any) -> str | None:
    """Why the ``atproto`` package's ``app.bsky.feed.post`` model refuses ``record`` (``None``: it is valid).

    A PDS validates records of known collections against their lexicon; the
    SDK's models are generated from the same lexicons, so the fake refuses
    what they refuse instead of trusting the adapter.
    """
    from atproto import models
    from atproto_client.exceptions import ModelError
    from atproto_client.models.utils import get_or_create

    try:
        get_or_create(record, models.AppBskyFeedPost.Record, strict_string_format=True)
    except ModelError as error:
        return str(error)
    return None


# What the reference PDS refuses (tests/core/platforms/test_bluesky_pds.py shows it): image blobs
# over 2,000,000 bytes and videos other than MP4.
BLUESKY_IMAGE_MAX_BYTES = 2_000_000
BLUESKY_VIDEO_TYPES = frozenset({"video/mp4"})


def _bluesky_blob_problem(record: Any) -> str | None:
    embed = record.get("embed") if isinstance(record, dict) else None
    if not isinstance(embed, dict):
        return None
    for image in embed.get("images") or []:
        if int(image.get("image", {}).get("size") or 0) > BLUESKY_IMAGE_MAX_BYTES:
            return "image blob too large"
    video = embed.get("video")
    if isinstance(video, dict) and video.get("mimeType") not in BLUESKY_VIDEO_TYPES:
        return f"video mime type not accepted: {video.get('mimeType')}"
    return None


class FakeBluesky(FakePlatform):
    DID = "did:plc:cityexample"

    def __init__(self, server: HTTPServer) -> None:
        super().__init__(server)
        self.sessions = 0
        self.blobs = 0
        self.handles: dict[str, str] = {"koho.city.example": self.DID}
        x = "/xrpc/"
        self.route(x + "com.atproto.identity.resolveHandle", "GET", self._resolve)
        self.route(x + "com.atproto.repo.getRecord", "GET", self._get)
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

    def _resolve(self, request: Request) -> Response:
        did = self.handles.get(request.args.get("handle", ""))
        if did is None:
            return ok({"error": "InvalidRequest", "message": "Unable to resolve handle"}, 400)
        return ok({"did": did})

    def _get(self, request: Request) -> Response:
        rkey = request.args.get("rkey")
        found = next((p for p in self.posts if p["rkey"] == rkey), None)
        if found is None or request.args.get("collection") != "app.bsky.feed.post":
            return ok({"error": "RecordNotFound", "message": f"Could not locate record: {rkey}"}, 400)
        cid = "bafyreie5737gdxlw5i64vzichcalba3z2v5n6icifvx5xytvske7mr3hpm"
        return ok({"uri": found["uri"], "cid": cid, "value": found["record"]})

    def _create(self, request: Request) -> Response:
        body = request.get_json()
        rkey = body.get("rkey")
        problem = _bluesky_record_problem(body.get("record")) or _bluesky_blob_problem(body.get("record"))
        if problem is not None:
            return ok({"error": "InvalidRequest", "message": problem[:500]}, 400)
        if any(p["rkey"] == rkey for p in self.posts):
            # What the reference PDS (@atproto/pds 0.5.35) answers to an rkey that exists: not a conflict.
            return ok({"error": "InternalServerError", "message": "Internal Server Error"}, 500)
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


def refuse(message: str, status: int = 400) -> Response:
    """An answer shaped like X's problem documents."""
    return ok({"title": "Invalid Request", "detail": message, "type": "about:blank"}, status)


# What X's one-shot upload and chunked initialize take (OpenAPI 2.159, the enums of media_category).
_X_ONE_SHOT_CATEGORIES = {"tweet_image", "dm_image", "subtitles"}
_X_CHUNKED_CATEGORIES = {"amplify_video", "tweet_gif", "tweet_image", "tweet_video", "dm_gif", "dm_image", "dm_video"}


class FakeX(FakePlatform):
    """X API v2 as the 2.159 OpenAPI document describes it.

    It refuses what X refuses, so the adapter cannot drift back: the
    deprecated ``command=INIT/APPEND/FINALIZE`` form, a body in the wrong
    encoding (form where JSON is required and the other way round), and
    missing required fields.
    """

    def __init__(self, server: HTTPServer) -> None:
        super().__init__(server)
        self.uploads: dict[str, dict[str, Any]] = {}
        self.subtitles: list[dict[str, Any]] = []
        self.deleted: list[str] = []
        self.route("/2/media/upload", "POST", self._one_shot)
        self.route("/2/media/upload/initialize", "POST", self._initialize)
        self.route("/2/media/upload", "GET", self._status)
        self.route("/2/media/metadata", "POST", self._metadata)
        self.route("/2/media/subtitles", "POST", self._subtitles)
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

    def _new_upload(self, media_type: str, category: str, data: bytes = b"") -> str:
        media_id = str(700 + len(self.uploads))
        self.uploads[media_id] = {
            "bytes": data,
            "alt": None,
            "final": False,
            "type": media_type,
            "category": category,
            "segments": [],
        }
        return media_id

    def _one_shot(self, request: Request) -> Response:
        if "command" in request.form or "command" in request.args:
            return refuse("The command= form of /2/media/upload is deprecated; use /2/media/upload/initialize")
        if request.mimetype != "multipart/form-data":
            return refuse("/2/media/upload takes multipart/form-data")
        if "media" not in request.files or not request.form.get("media_category"):
            return refuse("media and media_category are required")
        category = request.form["media_category"]
        if category not in _X_ONE_SHOT_CATEGORIES:
            return refuse(f"media_category {category} cannot be uploaded in one request")
        data = request.files["media"].read()
        media_id = self._new_upload(request.form.get("media_type", ""), category, data)
        self.uploads[media_id]["final"] = True
        return ok({"data": {"id": media_id, "media_key": f"3_{media_id}", "size": len(data)}})

    def _initialize(self, request: Request) -> Response:
        if request.mimetype != "application/json":
            return refuse("/2/media/upload/initialize takes a JSON body")
        body = request.get_json()
        if not isinstance(body.get("total_bytes"), int) or not body.get("media_type"):
            return refuse("total_bytes (an integer) and media_type are required")
        category = body.get("media_category", "tweet_video")
        if category not in _X_CHUNKED_CATEGORIES:
            return refuse(f"unknown media_category {category}")
        media_id = self._new_upload(body["media_type"], category)
        self.uploads[media_id]["total"] = body["total_bytes"]
        self.route(f"/2/media/upload/{media_id}/append", "POST", self._append)
        self.route(f"/2/media/upload/{media_id}/finalize", "POST", self._finalize)
        return ok({"data": {"id": media_id, "media_key": f"7_{media_id}", "expires_after_secs": 86400}})

    def _append(self, request: Request) -> Response:
        upload = self.uploads[request.path.split("/")[4]]
        if request.mimetype != "multipart/form-data" or "media" not in request.files:
            return refuse("append takes the segment as multipart media")
        index = request.form.get("segment_index", "")
        if not index.isdigit() or int(index) != len(upload["segments"]):
            return refuse("segment_index is required and counts from 0")
        chunk = request.files["media"].read()
        upload["segments"].append(len(chunk))
        upload["bytes"] += chunk
        return ok({"data": {"expires_at": 4102444800}})

    def _finalize(self, request: Request) -> Response:
        media_id = request.path.split("/")[4]
        upload = self.uploads[media_id]
        if len(upload["bytes"]) != upload["total"]:
            return refuse("the segments do not add up to total_bytes")
        upload["final"] = True
        if upload["type"].startswith("video/"):
            # Like X: a video is processed after finalize; STATUS tells when it is ready.
            upload["polls"] = self.polls_until_processed
            info = {"state": "pending", "check_after_secs": 1}
            return ok({"data": {"id": media_id, "processing_info": info}})
        return ok({"data": {"id": media_id}})

    def _status(self, request: Request) -> Response:
        if "media_id" not in request.args:
            return refuse("media_id is required")
        upload = self.uploads[request.args["media_id"]]
        upload["polls"] -= 1
        done = "failed" if self.processing_fails else "succeeded"
        info = {"state": "in_progress" if upload["polls"] > 0 else done, "check_after_secs": 2}
        return ok({"data": {"id": request.args["media_id"], "processing_info": info}})

    def _metadata(self, request: Request) -> Response:
        body = request.get_json(silent=True)
        if not isinstance(body, dict) or body.get("id") not in self.uploads:
            return refuse("id of an uploaded media is required")
        text = (body.get("metadata") or {}).get("alt_text", {}).get("text")
        if not isinstance(text, str) or len(text) > 1000:
            return refuse("alt_text.text is required and at most 1000 characters")
        self.uploads[body["id"]]["alt"] = text
        return ok({"data": {"associated_metadata": {"alt_text": {"text": text}}}})

    def _subtitles(self, request: Request) -> Response:
        body = request.get_json(silent=True)
        if not isinstance(body, dict):
            return refuse("a JSON body is required")
        video, subtitles = self.uploads.get(body.get("id", "")), body.get("subtitles") or {}
        if video is None or not video["type"].startswith("video/"):
            return refuse("id must name an uploaded video")
        if body.get("media_category") not in ("TweetVideo", "AmplifyVideo"):
            return refuse("media_category is TweetVideo or AmplifyVideo")
        file = self.uploads.get(subtitles.get("id", ""))
        if file is None or file["category"] != "subtitles" or not subtitles.get("language_code"):
            return refuse("subtitles.id must name an uploaded subtitles file; language_code is required")
        self.subtitles.append({"video": body["id"], **subtitles, "text": file["bytes"].decode()})
        return ok(
            {"data": {"id": body["id"], "media_category": body["media_category"], "associated_subtitles": [subtitles]}}
        )

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
        for media_id in (body.get("media") or {}).get("media_ids", []):
            if not self.uploads.get(media_id, {}).get("final"):
                return refuse(f"media {media_id} was not finalized")
        tweet = {"id": str(1_000 + len(self.posts)), "text": body["text"], "media": body.get("media")}
        self.posts.append(tweet)
        return ok({"data": {"id": tweet["id"], "text": tweet["text"]}}, 201)

    def add_delete_route(self, post_id: str) -> None:
        def work(request: Request) -> Response:
            self.deleted.append(post_id)
            self.posts = [p for p in self.posts if p["id"] != post_id]
            return ok({"data": {"deleted": True}})

        self.route(f"/2/tweets/{post_id}", "DELETE", work)


def graph_fault(code: int, status: int = 400, headers: dict[str, str] | None = None, message: str = "") -> Fault:
    """A Graph API error answer shaped as Meta's error reference shows it."""
    error = {"message": message or f"(#{code}) error", "type": "OAuthException", "code": code, "fbtrace_id": "A1b2"}
    return Fault(status=status, headers=headers or {}, body={"error": error})


def _graph_refusal(message: str) -> Response:
    return ok({"error": {"message": f"(#100) {message}", "type": "OAuthException", "code": 100}}, 400)


class FakeFacebook(FakePlatform):
    """Graph API Pages endpoints; refuses a call without its required fields as Graph does (code 100)."""

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
        if "source" not in request.files and "url" not in request.form:
            return _graph_refusal("source or url is required")
        photo = {"id": str(500 + len(self.photos)), **request.form.to_dict()}
        photo["bytes"] = len(request.files["source"].read())
        self.photos.append(photo)
        return ok({"id": photo["id"]})

    def _video(self, request: Request) -> Response:
        if "source" not in request.files and "file_url" not in request.form:
            return _graph_refusal("source or file_url is required")
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
        if not request.form.get("message") and "attached_media[0]" not in request.form and "link" not in request.form:
            return _graph_refusal("message, link or attached_media is required")
        post = {"id": f"123_{len(self.posts) + 1}", "message": request.form["message"], **request.form.to_dict()}
        self.posts.append(post)
        return ok({"id": post["id"]})


def line_broadcast_problem(body: Any) -> str | None:
    """Why ``line-bot-sdk``'s ``BroadcastRequest`` model refuses ``body`` (``None``: it is valid).

    The SDK's models are generated from LINE's Messaging API OpenAPI
    document. A field the model does not know is dropped by it silently, so
    the body must also come back unchanged from the model.
    """
    from linebot.v3.messaging import BroadcastRequest

    try:
        parsed = BroadcastRequest.from_dict(body)
    except (ValueError, TypeError) as error:  # pydantic's ValidationError is a ValueError
        return str(error)
    if parsed is None:
        return "empty body"
    again = parsed.to_dict()
    if not body.get("notificationDisabled"):
        again.pop("notificationDisabled", None)  # the model fills in its default
    if again != body:
        return f"fields the Messaging API does not define: {body} became {again}"
    return None


class FakeLine(FakePlatform):
    def __init__(self, server: HTTPServer) -> None:
        super().__init__(server)
        self.keys: dict[str, str] = {}
        self.route("/v2/bot/message/broadcast", "POST", self._broadcast)

    def _broadcast(self, request: Request) -> Response:
        problem = line_broadcast_problem(request.get_json(silent=True))
        if problem is not None:
            return ok({"message": "The request body has 1 error(s)", "details": [{"message": problem[:300]}]}, 400)
        key = request.headers["X-Line-Retry-Key"]
        if key in self.keys:
            return ok(
                {"message": "The retry key is already accepted"}, 409, {"x-line-accepted-request-id": self.keys[key]}
            )
        request_id = f"req-{len(self.posts) + 1}"
        self.keys[key] = request_id
        self.posts.append({"id": request_id, "messages": request.get_json()["messages"]})
        return ok({}, 200, {"x-line-request-id": request_id})
