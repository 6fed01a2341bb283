"""The small httpx wrapper the adapters without an SDK share.

Kept apart from :mod:`core.platforms.base` (the interface) so that importing
the interface never imports an HTTP client, and httpx itself is imported
only when an adapter opens a connection.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import datetime
from typing import Any

from core.platforms.errors import classify_transport, from_status, retry_after_seconds


class HttpApi:
    """A thin httpx wrapper for the adapters without an SDK: plain-word errors, no secrets in URLs.

    Tokens travel in the ``Authorization`` header only (never in the query
    string, which servers and proxies log).
    """

    def __init__(self, platform: str, base_url: str, token: str, *, timeout: float = 30.0) -> None:
        import httpx

        self.platform = platform
        self._client = httpx.Client(
            base_url=base_url.rstrip("/"),
            headers={"Authorization": f"Bearer {token}", "User-Agent": "KohoGate"},
            timeout=timeout,
        )

    def close(self) -> None:
        self._client.close()

    def call(
        self,
        method: str,
        path: str,
        *,
        ok: tuple[int, ...] = (200, 201, 202, 204),
        accept: Mapping[int, Callable[[Any], Any]] | None = None,
        **kwargs: Any,
    ) -> Any:
        """Send and return the decoded JSON (``{}`` for an empty body); raise :class:`PublishError` otherwise."""
        from datetime import UTC

        try:
            response = self._client.request(method, path, **kwargs)
        except Exception as exc:
            raise classify_transport(self.platform, exc) from None
        if accept and response.status_code in accept:
            return accept[response.status_code](response)
        if response.status_code not in ok:
            code: object = ""
            try:
                body = response.json()
                if isinstance(body, dict):
                    raw = body.get("error") or body.get("title") or body.get("message") or ""
                    if isinstance(raw, dict):
                        raw = raw.get("code") or raw.get("type") or ""
                    # Whole, not cut here: from_status redacts first and cuts after, so a cut never
                    # leaves half of an echoed token behind.
                    code = raw
            except ValueError:
                pass
            raise from_status(
                self.platform,
                response.status_code,
                retry_after=retry_after_seconds(dict(response.headers), datetime.now(UTC)),
                code=code,
            )
        if not response.content:
            return {}
        try:
            return response.json()
        except ValueError:
            return {}
