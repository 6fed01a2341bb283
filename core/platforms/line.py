"""LINE official account: a text broadcast through the Messaging API with httpx.

``POST /v2/bot/message/broadcast`` with a channel access token and an
``X-Line-Retry-Key`` (a UUID, kept by LINE for 24 hours): a retry with the
same key is not delivered again and is answered with 409, which therefore
means *already sent* (the request id of the first delivery comes back in
``x-line-accepted-request-id``). So LINE is idempotent.

Images need publicly hosted HTTPS URLs, which KohoGate does not have: posts
with media are refused here and go through manual posting. A broadcast
**cannot be unsent** (and is billed per recipient): :meth:`delete` says so.
There is no post URL and no list of past broadcasts.

Why httpx and not the (healthy) ``line-bot-sdk``: KohoGate uses one
endpoint and one header. The SDK v3 brings aiohttp, pydantic, aenum, future
and more — about 31 MB measured in a fresh venv (3.27.0) — for what is a
single POST here, while the team keeps the desktop install small (the
reason for PySide6-Essentials). Should KohoGate send images or rich
messages to LINE, the SDK earns its place.
"""

from __future__ import annotations

import uuid

from core.i18n import tr
from core.platforms.base import Connection, PostRequest, PostResult, Progress, RecentPost, no_progress
from core.platforms.errors import unsupported
from core.platforms.http import HttpApi

PLATFORM = "LINE"
DEFAULT_API = "https://api.line.me"


def not_deletable_message() -> str:
    return tr(
        "LINE broadcast messages cannot be unsent: they are already delivered to every friend. "
        "Send a correction (訂正) instead."
    )


def retry_key(idempotency_key: str) -> str:
    """The outbox key in the UUID form LINE requires."""
    try:
        return str(uuid.UUID(idempotency_key))
    except ValueError:
        return str(uuid.uuid5(uuid.NAMESPACE_URL, "kohogate:" + idempotency_key))


class LinePublisher:
    platform = "line"
    idempotent = True
    deletable = False

    def __init__(self, connection: Connection) -> None:
        self._api = HttpApi(PLATFORM, connection.base_url or DEFAULT_API, connection.credential)

    def close(self) -> None:
        """Close the HTTP client (the end of a publishing run)."""
        self._api.close()

    def post(self, request: PostRequest, progress: Progress = no_progress) -> PostResult:
        if request.media:
            raise unsupported(
                tr(
                    "LINE needs images on a public web address, which KohoGate does not provide. "
                    "Post this one by hand in LINE Official Account Manager and record it."
                )
            )
        progress(0, 0, "")
        key = retry_key(request.idempotency_key)
        answer = self._api.call(
            "POST",
            "/v2/bot/message/broadcast",
            json={"messages": [{"type": "text", "text": request.text}]},
            headers={"X-Line-Retry-Key": key},
            accept={
                200: lambda r: {"_request_id": r.headers.get("x-line-request-id", key)},
                409: lambda r: {"_request_id": r.headers.get("x-line-accepted-request-id", key)},
            },
        )
        request_id = answer.get("_request_id") if isinstance(answer, dict) else None
        return PostResult(str(request_id or key), None)

    def delete(self, post_id: str) -> None:
        raise unsupported(not_deletable_message())

    def recent(self, limit: int = 20) -> list[RecentPost]:
        return []
