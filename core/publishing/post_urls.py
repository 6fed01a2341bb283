"""Is this the address of a post on the account's platform? For manual records and for links on screen.

A recorded URL is shown to supervisors as a link and makes a draft 公開済み
for good, so it is untrusted input: only ``https`` on one of the platform's
own hosts (:func:`core.platforms.facts.post_url_hosts`; for Mastodon and
Misskey the account's instance) passes — no ``file:``, ``javascript:`` or
``http:``, no credentials or odd ports in the address, no look-alike host
(``x.com.example`` is not ``x.com``).
"""

from __future__ import annotations

from urllib.parse import urlsplit

from core.errors import InvalidInput
from core.i18n import tr
from core.platforms.facts import platform_label, post_url_hosts, post_url_required

MAX_URL_LENGTH = 2048


def _host(url: str | None) -> str | None:
    try:
        parts = urlsplit(url or "")
        return parts.hostname if parts.scheme == "https" and parts.hostname else None
    except ValueError:
        return None


def allowed_hosts(platform: str, account_url: str | None) -> tuple[str, ...]:
    """The hosts a post of this account may live on (the instance's host for a federated platform)."""
    hosts = post_url_hosts(platform)
    if hosts:
        return hosts
    instance = _host(account_url)
    return (instance,) if instance else ()


def is_post_url(platform: str, account_url: str | None, url: str | None) -> bool:
    """``url`` is an https address on one of the account's platform hosts (or a subdomain of one)."""
    if not url or len(url) > MAX_URL_LENGTH or any(c.isspace() or ord(c) < 32 or ord(c) == 127 for c in url):
        return False
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        return False
    if parts.scheme != "https" or not parts.hostname or "@" in parts.netloc or port not in (None, 443):
        return False
    host = parts.hostname.lower().rstrip(".")
    return any(host == allowed or host.endswith("." + allowed) for allowed in allowed_hosts(platform, account_url))


def checked_post_url(platform: str, account_url: str | None, url: str | None) -> str | None:
    """``url`` stripped, if it is a post address of this account; ``None`` where none is needed; else refuse."""
    url = (url or "").strip()
    if not url:
        if post_url_required(platform):
            raise InvalidInput(tr("Paste the address of the post (starting with https://)."))
        return None
    if not is_post_url(platform, account_url, url):
        hosts = ", ".join(allowed_hosts(platform, account_url)) or tr("(the account's address is not set)")
        message = tr("This is not the address of a post on {platform}. It must start with https:// and be on: {hosts}")
        raise InvalidInput(message.format(platform=platform_label(platform), hosts=hosts))
    return url
