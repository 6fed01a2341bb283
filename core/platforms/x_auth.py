"""X OAuth 2.0 user tokens: renewed before they run out, the rotated refresh token kept.

An X user access token lives two hours. A credential that is only an access
token therefore stops working the same afternoon. The keyring entry may
instead hold a JSON object::

    {"client_id": "…", "refresh_token": "…", "client_secret": "…"}   # secret only for confidential clients

(``access_token`` and ``expires_at`` are added by KohoGate). Before a call
with an expired or missing access token, and once after a 401, the adapter
asks ``POST /2/oauth2/token`` (grant_type=refresh_token) for a new one. X
rotates the refresh token on every renewal, so the new pair is written back
to the same keyring entry at once: losing it would lock the account out.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from typing import Any

from core.i18n import tr
from core.platforms.errors import ErrorKind, PublishError, classify_transport
from core.runtime.logging_setup import register_secret

PLATFORM = "X"
TOKEN_PATH = "/2/oauth2/token"
# Renew a little early: a token that expires between the check and the call fails the post.
EARLY = timedelta(minutes=2)


def _bad_credential() -> PublishError:
    return PublishError(
        ErrorKind.AUTH,
        tr("The stored X credential is neither a token nor a JSON object with client_id and refresh_token."),
        hint=tr("Store the credential for this account again (Accounts → Credential)."),
    )


@dataclass(frozen=True)
class XToken:
    access_token: str | None = field(default=None, repr=False)
    refresh_token: str | None = field(default=None, repr=False)
    client_id: str | None = None
    client_secret: str | None = field(default=None, repr=False)
    expires_at: datetime | None = None

    @classmethod
    def parse(cls, raw: str) -> XToken:
        """A keyring entry: a bare access token, or the JSON object described above."""
        text = raw.strip()
        if not text.startswith("{"):
            register_secret(text)
            return cls(access_token=text)
        try:
            data = json.loads(text)
        except ValueError:
            raise _bad_credential() from None
        if not isinstance(data, dict):
            raise _bad_credential()
        values = {k: (str(data[k]) if data.get(k) else None) for k in ("access_token", "refresh_token", "client_id")}
        secret = str(data["client_secret"]) if data.get("client_secret") else None
        for value in (values["access_token"], values["refresh_token"], secret):
            if value:
                register_secret(value)
        expires = None
        if data.get("expires_at"):
            try:
                expires = datetime.fromisoformat(str(data["expires_at"]))
            except ValueError:
                expires = None  # unknown expiry: renew now rather than fail
        token = cls(values["access_token"], values["refresh_token"], values["client_id"], secret, expires)
        if not token.access_token and not token.refreshable:
            raise _bad_credential()
        return token

    @property
    def refreshable(self) -> bool:
        return bool(self.refresh_token and self.client_id)

    def stale(self, now: datetime) -> bool:
        """Should it be renewed before use?"""
        if not self.refreshable:
            return False
        return not self.access_token or self.expires_at is None or self.expires_at - EARLY <= now

    def dump(self) -> str:
        data: dict[str, Any] = {
            "access_token": self.access_token,
            "refresh_token": self.refresh_token,
            "client_id": self.client_id,
            "client_secret": self.client_secret,
            "expires_at": self.expires_at.astimezone(UTC).isoformat() if self.expires_at else None,
        }
        return json.dumps({k: v for k, v in data.items() if v is not None}, sort_keys=True)


def renew(token: XToken, base_url: str, *, now: datetime | None = None, timeout: float = 30.0) -> XToken:
    """A new access token (and the rotated refresh token) for ``token``; or :class:`PublishError`."""
    import httpx

    assert token.refreshable
    form = {"grant_type": "refresh_token", "refresh_token": token.refresh_token, "client_id": token.client_id}
    auth = (token.client_id, token.client_secret) if token.client_secret else None
    try:
        response = httpx.post(
            base_url.rstrip("/") + TOKEN_PATH,
            data=form,
            auth=auth,  # type: ignore[arg-type]
            headers={"User-Agent": "KohoGate"},
            timeout=timeout,
        )
    except Exception as exc:
        raise classify_transport(PLATFORM, exc) from None
    if response.status_code != 200:
        raise PublishError(
            ErrorKind.AUTH,
            tr("X refused to renew the sign-in (HTTP {status}); nothing was posted.").format(
                status=response.status_code
            ),
            status=response.status_code,
            hint=tr("Authorize KohoGate for the account again and store the new credential."),
        )
    try:
        data = response.json()
        access = str(data["access_token"])
    except (ValueError, KeyError, TypeError):
        raise PublishError(ErrorKind.NOT_SENT, tr("X answered the renewal with something unexpected.")) from None
    register_secret(access)
    refresh = str(data.get("refresh_token") or token.refresh_token)
    register_secret(refresh)
    lifetime = int(data.get("expires_in") or 7200)
    moment = now or datetime.now(UTC)
    return replace(token, access_token=access, refresh_token=refresh, expires_at=moment + timedelta(seconds=lifetime))
