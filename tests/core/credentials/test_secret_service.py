"""A real round trip through GNOME Keyring's Secret Service (CI runs it under dbus-run-session).

Run alone with ``KOHOGATE_TEST_SECRET_SERVICE=1``; skipped with the reason
when no Secret Service is reachable or the collection is locked.
"""

from __future__ import annotations

import uuid

import pytest

from core.credentials.vault import Vault

pytestmark = pytest.mark.secret_service


@pytest.fixture
def real_backend() -> object:
    try:
        from keyring.backends.SecretService import Keyring
    except ImportError as exc:  # pragma: no cover
        pytest.skip(f"secretstorage not importable: {exc}")
    backend = Keyring()
    try:
        backend.priority  # noqa: B018 - raises when no Secret Service is on the session bus
        import secretstorage

        connection = secretstorage.dbus_init()
        try:
            locked = secretstorage.get_default_collection(connection).is_locked()
        finally:
            connection.close()
        if locked:
            pytest.skip("the Secret Service collection is locked")
    except Exception as exc:
        pytest.skip(f"no Secret Service reachable: {type(exc).__name__}: {exc}")
    return backend


def test_round_trip_through_the_real_secret_service(real_backend: object) -> None:
    vault = Vault(real_backend)
    assert vault.label == "Secret Service"
    name = f"kohogate-ci-{uuid.uuid4().hex}"
    secret = f"ci-secret-{uuid.uuid4().hex}"
    vault.store(name, secret)
    try:
        assert Vault(real_backend).get(name) == secret
    finally:
        vault.delete(name)
    assert vault.get(name) is None
