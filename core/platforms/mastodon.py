"""Mastodon through Mastodon.py (maintained; sends ``Idempotency-Key``).

Mastodon keeps an ``Idempotency-Key`` for about an hour: a retry with the
same key within that hour returns the first status instead of a second one,
so this adapter is ``idempotent`` and the outbox may retry after an
ambiguous failure. (A 504 before the server stored the key once produced
duplicates, mastodon #21840 — which is why the outbox still reconciles
against recent statuses when every retry failed.)

Alt text goes in the media ``description`` (max 1500 characters). The
instance comes from the account URL (``https://city.example/@koho``).
"""

from __future__ import annotations

import ipaddress
import time
from datetime import datetime
from typing import Any
from urllib.parse import urlsplit

from core.i18n import tr
from core.platforms.base import (
    Connection,
    PostRequest,
    PostResult,
    Progress,
    RecentPost,
    media_alt,
    no_progress,
)
from core.platforms.errors import (
    ErrorKind,
    PublishError,
    classify_transport,
    during_upload,
    from_status,
    rate_limited,
    unsupported,
)

PLATFORM = "Mastodon"
# Mastodon transcodes videos after the upload (v2 media API answers 202 with
# no url); a status naming an unprocessed attachment is refused, so wait.
PROCESSING_POLL_SECONDS = 2.0
PROCESSING_TIMEOUT_SECONDS = 300.0


def _loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def instance_url(connection: Connection) -> str:
    if connection.base_url:
        return connection.base_url.rstrip("/")
    if connection.account_url:
        parts = urlsplit(connection.account_url)
        if parts.scheme and parts.netloc:
            # An account recorded before http:// was refused must not send
            # its token in clear either; loopback is this machine (tests, proxies).
            if parts.scheme.lower() != "https" and not _loopback(parts.hostname or ""):
                raise unsupported(
                    tr(
                        "The Mastodon account {handle} has an http:// address; KohoGate sends the token only "
                        "over https://. Correct the account's URL."
                    ).format(handle=connection.handle)
                )
            return f"{parts.scheme}://{parts.netloc}"
    handle = connection.handle.lstrip("@")
    if "@" in handle:
        return "https://" + handle.split("@", 1)[1]
    raise unsupported(
        tr("The Mastodon account {handle} has no instance address: enter the account's URL.").format(
            handle=connection.handle
        )
    )


class MastodonPublisher:
    platform = "mastodon"
    idempotent = True
    deletable = True
    # Replaced in tests so waiting for video processing costs no real time.
    wait: Any = staticmethod(time.sleep)
    # Seconds until a silent server counts as a timeout (ambiguous); tests shorten it.
    request_timeout: float = 30

    def __init__(self, connection: Connection) -> None:
        from mastodon import Mastodon

        self._api = Mastodon(
            access_token=connection.credential,
            api_base_url=instance_url(connection),
            ratelimit_method="throw",  # the outbox decides how long to wait, not the SDK
            # A known floor version: no /api/v1/instance round trip before each post.
            version_check_mode="created",
            mastodon_version="4.0.0",
            request_timeout=self.request_timeout,
        )

    def _translate(self, exc: Exception) -> PublishError:
        from mastodon.errors import MastodonAPIError, MastodonNetworkError, MastodonRatelimitError

        if isinstance(exc, MastodonRatelimitError):
            reset = getattr(self._api, "ratelimit_reset", None)
            wait = max(0.0, float(reset) - time.time()) if reset else None
            return rate_limited(PLATFORM, wait)
        if isinstance(exc, MastodonAPIError):
            status = exc.args[1] if len(exc.args) > 1 and isinstance(exc.args[1], int) else 500
            code = exc.args[3] if len(exc.args) > 3 and exc.args[3] else ""
            return from_status(PLATFORM, status, code=code)
        if isinstance(exc, MastodonNetworkError):
            return classify_transport(PLATFORM, exc)
        return classify_transport(PLATFORM, exc)

    def close(self) -> None:
        """Close the SDK's HTTP session (the end of a publishing run)."""
        session = getattr(self._api, "session", None)
        if session is not None:
            session.close()

    def post(self, request: PostRequest, progress: Progress = no_progress) -> PostResult:
        from mastodon.errors import MastodonError

        media_ids: list[Any] = []
        total = len(request.media)
        try:
            for index, item in enumerate(request.media):
                progress(index, total, item.filename)
                uploaded = self._api.media_post(
                    item.data,
                    mime_type=item.mime,
                    description=media_alt(item) or None,
                    file_name=item.filename,
                )
                if uploaded.get("url") is None:
                    self._await_processing(uploaded["id"], item.filename)
                media_ids.append(uploaded["id"])
        except PublishError:
            raise
        except Exception as exc:
            error = self._translate(exc) if isinstance(exc, MastodonError) else classify_transport(PLATFORM, exc)
            raise during_upload(PLATFORM, error) from None
        progress(total, total, "")
        try:
            status = self._api.status_post(
                request.text,
                media_ids=media_ids or None,
                idempotency_key=request.idempotency_key or None,
            )
        except MastodonError as exc:
            raise self._translate(exc) from None
        except Exception as exc:
            raise classify_transport(PLATFORM, exc) from None
        return PostResult(str(status["id"]), status.get("url") or status.get("uri"))

    def _await_processing(self, media_id: Any, filename: str) -> None:
        """Poll until the server has processed an upload (a video), or give up without posting."""
        waited = 0.0
        while waited < PROCESSING_TIMEOUT_SECONDS:
            self.wait(PROCESSING_POLL_SECONDS)
            waited += PROCESSING_POLL_SECONDS
            if self._api.media(media_id).get("url") is not None:
                return
        raise PublishError(
            ErrorKind.NOT_SENT,
            tr("{platform} is still processing {file}; nothing was posted. Try again in a few minutes.").format(
                platform=PLATFORM, file=filename
            ),
        )

    def delete(self, post_id: str) -> None:
        from mastodon.errors import MastodonError, MastodonNotFoundError

        try:
            self._api.status_delete(post_id)
        except MastodonNotFoundError:
            return  # already gone: the goal is reached
        except MastodonError as exc:
            raise self._translate(exc) from None

    def recent(self, limit: int = 20) -> list[RecentPost]:
        from mastodon.errors import MastodonError

        try:
            me = self._api.account_verify_credentials()
            statuses = self._api.account_statuses(me["id"], limit=limit)
        except MastodonError as exc:
            raise self._translate(exc) from None
        return [
            RecentPost(
                str(s["id"]),
                s.get("url") or s.get("uri"),
                _strip_html(str(s.get("content") or "")),
                s.get("created_at") if isinstance(s.get("created_at"), datetime) else None,
            )
            for s in statuses
        ]


def _strip_html(html: str) -> str:
    """Mastodon returns HTML; the text without tags is enough to recognise a post."""
    import html as html_lib
    import re

    text = re.sub(r"<br\s*/?>|</p><p>", "\n", html)
    return html_lib.unescape(re.sub(r"<[^>]+>", "", text))
