"""Looking accounts up on the platforms whose API allows it (for the impersonation watch).

- Bluesky: ``app.bsky.actor.searchActors`` on the public AppView, no credential needed.
- Mastodon: ``GET /api/v2/search?type=accounts`` on the official account's own server
  (servers answer account searches without a token, limited to accounts they know).

Other platforms offer no account search to a city's credentials (X's user
search needs a paid tier; Facebook, Instagram, LINE and YouTube have none),
so the watch says which platforms it could not search rather than pretending.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from core.platforms.errors import PublishError, classify_transport, from_status

BLUESKY_APPVIEW = "https://public.api.bsky.app"
SEARCH_LIMIT = 25
TIMEOUT = 20.0


@dataclass(frozen=True)
class FoundAccount:
    platform: str
    handle: str
    display_name: str
    url: str


def _get(platform: str, url: str, params: dict[str, Any]) -> Any:
    import httpx

    try:
        response = httpx.get(url, params=params, timeout=TIMEOUT, headers={"User-Agent": "KohoGate"})
    except Exception as exc:
        raise classify_transport(platform, exc) from None
    if response.status_code != 200:
        raise from_status(platform, response.status_code)
    try:
        return response.json()
    except ValueError:
        raise from_status(platform, 502) from None


def search_bluesky(query: str, *, base_url: str = BLUESKY_APPVIEW) -> list[FoundAccount]:
    body = _get(
        "bluesky", f"{base_url.rstrip('/')}/xrpc/app.bsky.actor.searchActors", {"q": query, "limit": SEARCH_LIMIT}
    )
    actors = body.get("actors", []) if isinstance(body, dict) else []
    return [
        FoundAccount(
            "bluesky",
            str(a.get("handle", "")),
            str(a.get("displayName") or ""),
            f"https://bsky.app/profile/{a.get('handle', '')}",
        )
        for a in actors
        if isinstance(a, dict) and a.get("handle")
    ]


def search_mastodon(query: str, *, base_url: str) -> list[FoundAccount]:
    body = _get(
        "mastodon", f"{base_url.rstrip('/')}/api/v2/search", {"q": query, "type": "accounts", "limit": SEARCH_LIMIT}
    )
    accounts = body.get("accounts", []) if isinstance(body, dict) else []
    return [
        FoundAccount(
            "mastodon", "@" + str(a.get("acct", "")), str(a.get("display_name") or ""), str(a.get("url") or "")
        )
        for a in accounts
        if isinstance(a, dict) and a.get("acct")
    ]


__all__ = ["BLUESKY_APPVIEW", "FoundAccount", "PublishError", "search_bluesky", "search_mastodon"]
