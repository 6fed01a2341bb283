"""Personal Ed25519 signing keys for supervisors and administrators.

The private key is created on the person's own terminal and kept only in its
OS keyring (through :class:`core.credentials.vault.Vault`); the database holds
the public key, registered by an administrator after comparing fingerprints.
A signature therefore shows *who* approved, and that the approval was not
written into the database by someone editing it directly.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Protocol

from core.credentials import ed25519
from core.credentials.ed25519 import decode_public_key, fingerprint, short_fingerprint
from core.errors import KohoGateError
from core.i18n import tr

__all__ = ["decode_public_key", "fingerprint", "short_fingerprint"]


class SecretStore(Protocol):
    def store(self, name: str, secret: str) -> None: ...
    def get(self, name: str) -> str | None: ...


def key_name(login: str) -> str:
    """Keyring entry of a person's private signing key."""
    return f"signing-key@{login}"


@dataclass(frozen=True)
class KeyPair:
    public_key: str  # base64 of the raw 32 bytes
    fingerprint: str


def create_personal_key(secrets: SecretStore, login: str) -> KeyPair:
    """Make a new key pair, keep the private half in ``secrets``, return the public half."""
    private, public = ed25519.generate()
    secrets.store(key_name(login), private)
    return KeyPair(public_key=public, fingerprint=fingerprint(public))


class Signer(Protocol):
    """Something that signs on behalf of one person (their keyring, or a test key)."""

    @property
    def public_key(self) -> str: ...
    def sign(self, message: bytes) -> str: ...


class KeyringSigner:
    """Signs with the private key kept in this terminal's keyring for ``login``."""

    def __init__(self, secrets: SecretStore, login: str) -> None:
        self.secrets = secrets
        self.login = login
        self._public: str | None = None

    def _private(self) -> str:
        stored = self.secrets.get(key_name(self.login))
        if not stored:
            raise KohoGateError(
                tr(
                    "There is no signing key for you on this computer. Create one under Settings → Approval "
                    "and ask an administrator to register it."
                )
            )
        return stored

    @property
    def public_key(self) -> str:
        if self._public is None:
            self._public = ed25519.public_from_private(self._private())
        return self._public

    def sign(self, message: bytes) -> str:
        return ed25519.sign(self._private(), message)


def verify_signature(public_key_b64: str, message: bytes, signature_b64: str) -> bool:
    return ed25519.verify(public_key_b64, message, signature_b64)


class DemoSigner:
    """A deterministic key derived from the login, for demo data only.

    Demo supervisors must be able to approve from any machine the demo runs
    on, without putting fake keys into a real keyring. The GUI uses it only
    in a database marked as demo; a real database never registers such a key,
    so its signatures would not verify there.
    """

    def __init__(self, login: str) -> None:
        self.login = login

    def _seed(self) -> bytes:
        return hashlib.sha256(b"kohogate demo signing key:" + self.login.encode("utf-8")).digest()

    @property
    def public_key(self) -> str:
        return ed25519.public_from_raw_private(self._seed())

    def sign(self, message: bytes) -> str:
        return ed25519.sign_raw(self._seed(), message)
