"""One Ed25519 primitive for personal and terminal keys; what was stored before still verifies."""

from __future__ import annotations

import base64
import hashlib

import pytest

from core.credentials import ed25519
from core.errors import InvalidInput
from core.signoff import keys as signoff_keys
from core.terminals import keys as terminal_keys

# Written by the two modules this one replaces (core/signoff/keys.py and core/terminals/keys.py
# at commit 328211e), before their code was merged: a personal DemoSigner key and a terminal key.
LEGACY_PERSONAL_PUBLIC = "0sDc8VPeDomjo/PJDa1/yRhzYUaV8apFjiC9YQHbJ9w="
LEGACY_PERSONAL_SIGNATURE = "8+rDcZR8jm52/7yLlnHrCDMJLXgtBngpoIJgQUA/TrYJ7naB6gBJsrWG9YWqNqUek14QsHsttlOnPJaB8hEkCw=="
LEGACY_PERSONAL_FINGERPRINT = "f89ea03e606f2ae6a19df8aa117f1b3ce23b9413883009df0d38325d09443ee8"
LEGACY_TERMINAL_PRIVATE = "O5mWsJMDHo2Putu2ueqJxiC+Xxd+UA57W5Z6lTZPUGA="
LEGACY_TERMINAL_PUBLIC = "EcZALj8b+HHC+nMUQZYj4dlRRHeRittMxeBQCOCCRK0="
LEGACY_TERMINAL_SIGNATURE = "ZXK6up5QlqgeSbaLtLwxLqi6l7txgHOZivekGTEFI6pp8GRLQMLtZONahs0MLkx7RUl33NNJzIb9LQYUNWk5DQ=="
LEGACY_TERMINAL_FINGERPRINT = "84abca4f076269c6"  # the old 16-character terminal format


def test_both_key_modules_use_the_one_primitive() -> None:
    assert signoff_keys.fingerprint is ed25519.fingerprint
    assert terminal_keys.fingerprint is ed25519.fingerprint
    assert terminal_keys.sign is ed25519.sign
    assert terminal_keys.verify is ed25519.verify


def test_stored_personal_signature_still_verifies() -> None:
    assert signoff_keys.DemoSigner("legacy.vector").public_key == LEGACY_PERSONAL_PUBLIC
    assert signoff_keys.verify_signature(LEGACY_PERSONAL_PUBLIC, b"legacy decision", LEGACY_PERSONAL_SIGNATURE)
    assert not signoff_keys.verify_signature(LEGACY_PERSONAL_PUBLIC, b"legacy decisioN", LEGACY_PERSONAL_SIGNATURE)
    # Registered signing keys keep their fingerprint (it is part of every signed decision).
    assert ed25519.fingerprint(LEGACY_PERSONAL_PUBLIC) == LEGACY_PERSONAL_FINGERPRINT


def test_stored_terminal_key_and_permit_still_verify() -> None:
    assert terminal_keys.public_from_private(LEGACY_TERMINAL_PRIVATE) == LEGACY_TERMINAL_PUBLIC
    assert ed25519.sign(LEGACY_TERMINAL_PRIVATE, b"legacy permit") == LEGACY_TERMINAL_SIGNATURE
    assert ed25519.verify(LEGACY_TERMINAL_PUBLIC, b"legacy permit", LEGACY_TERMINAL_SIGNATURE)
    # One format now (the full SHA-256); the short one recorded earlier still names the key.
    assert len(ed25519.fingerprint(LEGACY_TERMINAL_PUBLIC)) == 64
    assert ed25519.fingerprint_matches(LEGACY_TERMINAL_FINGERPRINT, LEGACY_TERMINAL_PUBLIC)
    assert not ed25519.fingerprint_matches(LEGACY_TERMINAL_FINGERPRINT, LEGACY_PERSONAL_PUBLIC)
    assert not ed25519.fingerprint_matches("84ab", LEGACY_TERMINAL_PUBLIC)


def test_generated_pair_signs_and_malformed_input_is_refused() -> None:
    private, public = ed25519.generate()
    assert ed25519.public_from_private(private) == public
    signature = ed25519.sign(private, b"m")
    assert ed25519.verify(public, b"m", signature)
    assert not ed25519.verify(public, b"m", "not base64!")
    assert not ed25519.verify("short", b"m", signature)
    with pytest.raises(InvalidInput):
        ed25519.fingerprint(base64.b64encode(hashlib.sha256(b"x").digest()[:31]).decode())
