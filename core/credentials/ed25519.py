"""The one Ed25519 primitive: keys as base64 of the raw 32 bytes, one fingerprint format.

Personal signing keys (:mod:`core.signoff.keys`), terminal keys
(:mod:`core.terminals.keys`) and the administrator keys a terminal pins
(:mod:`core.terminals.trust`) all go through here, so a fingerprint shown on
one screen can be compared with one shown on another. ``cryptography`` is
imported inside the functions: nothing on the GUI start-up path needs it.
"""

from __future__ import annotations

import base64
import binascii
import hashlib

from core.errors import InvalidInput
from core.i18n import tr


def decode_public_key(public_b64: str) -> bytes:
    """The raw 32 bytes of a base64 Ed25519 public key, or :class:`InvalidInput`."""
    try:
        raw = base64.b64decode(public_b64.strip(), validate=True)
    except (ValueError, binascii.Error):
        raw = b""
    if len(raw) != 32:
        raise InvalidInput(tr("This is not an Ed25519 public key (expected 32 bytes in base64)."))
    return raw


def fingerprint(public_b64: str) -> str:
    """SHA-256 of the raw public key, 64 lowercase hex characters (validates the key)."""
    return hashlib.sha256(decode_public_key(public_b64)).hexdigest()


def short_fingerprint(value: str) -> str:
    """The first 128 bits of a fingerprint in groups of four, for comparing by eye."""
    return " ".join(value[i : i + 4] for i in range(0, 32, 4)).upper()


def fingerprint_matches(recorded: str, public_b64: str) -> bool:
    """Does ``recorded`` name ``public_b64``?

    Terminal keys used to be recorded with the first 16 hex characters only
    (audit entries written before the formats were unified); a recorded
    prefix of at least that length still names its key.
    """
    full = fingerprint(public_b64)
    recorded = recorded.strip().lower()
    return len(recorded) >= 16 and full.startswith(recorded)


def generate() -> tuple[str, str]:
    """A new key pair ``(private, public)``, base64 of the raw 32-byte keys."""
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    private = Ed25519PrivateKey.generate()
    raw_private = private.private_bytes(
        serialization.Encoding.Raw, serialization.PrivateFormat.Raw, serialization.NoEncryption()
    )
    return base64.b64encode(raw_private).decode("ascii"), public_from_raw_private(raw_private)


def public_from_raw_private(raw_private: bytes) -> str:
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    private = Ed25519PrivateKey.from_private_bytes(raw_private)
    raw = private.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return base64.b64encode(raw).decode("ascii")


def public_from_private(private_b64: str) -> str:
    return public_from_raw_private(base64.b64decode(private_b64))


def sign_raw(raw_private: bytes, message: bytes) -> str:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    return base64.b64encode(Ed25519PrivateKey.from_private_bytes(raw_private).sign(message)).decode("ascii")


def sign(private_b64: str, message: bytes) -> str:
    """The base64 signature of ``message`` by the base64 private key."""
    return sign_raw(base64.b64decode(private_b64), message)


def verify(public_b64: str, message: bytes, signature_b64: str) -> bool:
    """Does ``signature_b64`` sign ``message`` under ``public_b64``? Malformed input is ``False``."""
    from cryptography.exceptions import InvalidSignature
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    try:
        key = Ed25519PublicKey.from_public_bytes(decode_public_key(public_b64))
        key.verify(base64.b64decode(signature_b64, validate=True), message)
    except (InvalidSignature, ValueError, binascii.Error, InvalidInput):
        return False
    return True
