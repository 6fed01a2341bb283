"""Personal Ed25519 signing keys for supervisors and administrators.

The private key is created on the person's own terminal and kept only in its
OS keyring (through :class:`core.credentials.vault.Vault`); the database holds
the public key, registered by an administrator after comparing fingerprints.
A signature therefore shows *who* approved, and that the approval was not
written into the database by someone editing it directly.
"""

from __future__ import annotations

import base64
import hashlib
from dataclasses import dataclass
from typing import Protocol

from core.errors import InvalidInput, KohoGateError
from core.i18n import tr


class SecretStore(Protocol):
    def store(self, name: str, secret: str) -> None: ...
    def get(self, name: str) -> str | None: ...


def key_name(login: str) -> str:
    """Keyring entry of a person's private signing key."""
    return f"signing-key@{login}"


def fingerprint(public_key_b64: str) -> str:
    """SHA-256 of the raw public key, hex, shown in groups for comparing by eye."""
    return hashlib.sha256(decode_public_key(public_key_b64)).hexdigest()


def short_fingerprint(value: str) -> str:
    return " ".join(value[i : i + 4] for i in range(0, 32, 4)).upper()


def decode_public_key(public_key_b64: str) -> bytes:
    try:
        raw = base64.b64decode(public_key_b64.strip(), validate=True)
    except ValueError:
        raw = b""
    if len(raw) != 32:
        raise InvalidInput(tr("This is not an Ed25519 public key (expected 32 bytes in base64)."))
    return raw


@dataclass(frozen=True)
class KeyPair:
    public_key: str  # base64 of the raw 32 bytes
    fingerprint: str


def create_personal_key(secrets: SecretStore, login: str) -> KeyPair:
    """Make a new key pair, keep the private half in ``secrets``, return the public half."""
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    private = Ed25519PrivateKey.generate()
    raw_private = private.private_bytes(
        serialization.Encoding.Raw, serialization.PrivateFormat.Raw, serialization.NoEncryption()
    )
    raw_public = private.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    secrets.store(key_name(login), base64.b64encode(raw_private).decode("ascii"))
    public = base64.b64encode(raw_public).decode("ascii")
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

    def _private(self) -> object:
        from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

        stored = self.secrets.get(key_name(self.login))
        if not stored:
            raise KohoGateError(
                tr(
                    "There is no signing key for you on this computer. Create one under Settings → Approval "
                    "and ask an administrator to register it."
                )
            )
        return Ed25519PrivateKey.from_private_bytes(base64.b64decode(stored))

    @property
    def public_key(self) -> str:
        if self._public is None:
            from cryptography.hazmat.primitives import serialization
            from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

            private = self._private()
            assert isinstance(private, Ed25519PrivateKey)
            raw = private.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
            self._public = base64.b64encode(raw).decode("ascii")
        return self._public

    def sign(self, message: bytes) -> str:
        from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

        private = self._private()
        assert isinstance(private, Ed25519PrivateKey)
        return base64.b64encode(private.sign(message)).decode("ascii")


def verify_signature(public_key_b64: str, message: bytes, signature_b64: str) -> bool:
    from cryptography.exceptions import InvalidSignature
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    try:
        key = Ed25519PublicKey.from_public_bytes(decode_public_key(public_key_b64))
        key.verify(base64.b64decode(signature_b64), message)
    except (InvalidSignature, ValueError, InvalidInput):
        return False
    return True


class DemoSigner:
    """A deterministic key derived from the login, for demo data only.

    Demo supervisors must be able to approve from any machine the demo runs
    on, without putting fake keys into a real keyring. The GUI uses it only
    in a database marked as demo; a real database never registers such a key,
    so its signatures would not verify there.
    """

    def __init__(self, login: str) -> None:
        self.login = login

    def _private(self) -> object:
        from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

        seed = hashlib.sha256(b"kohogate demo signing key:" + self.login.encode("utf-8")).digest()
        return Ed25519PrivateKey.from_private_bytes(seed)

    @property
    def public_key(self) -> str:
        from cryptography.hazmat.primitives import serialization
        from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

        private = self._private()
        assert isinstance(private, Ed25519PrivateKey)
        raw = private.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
        return base64.b64encode(raw).decode("ascii")

    def sign(self, message: bytes) -> str:
        from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

        private = self._private()
        assert isinstance(private, Ed25519PrivateKey)
        return base64.b64encode(private.sign(message)).decode("ascii")
