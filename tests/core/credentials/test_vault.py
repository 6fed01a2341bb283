"""The vault accepts only real OS keyrings, never falls back, and checks limits before writing."""

from __future__ import annotations

from pathlib import Path

import keyring
import keyring.backends.fail
import keyring.backends.null
import pytest
from keyrings.alt.file import EncryptedKeyring, PlaintextKeyring

from core.credentials import vault as vault_module
from core.credentials.vault import (
    KeyringLockedError,
    KeyringRefused,
    Vault,
    credential_name,
    open_vault,
)
from core.errors import InvalidInput, KeyringUnavailable
from tests.support.keyring_memory import MemoryKeyring


def _plaintext(tmp_path: Path) -> PlaintextKeyring:
    backend = PlaintextKeyring()
    backend.file_path = str(tmp_path / "plain.cfg")  # type: ignore[misc]
    return backend


def test_the_test_backend_round_trips(memory_keyring: MemoryKeyring) -> None:
    vault = open_vault()
    vault.store("n", "s3cret-value")
    assert vault.get("n") == "s3cret-value"
    assert memory_keyring.items == {("KohoGate", "n"): "s3cret-value"}
    vault.delete("n")
    vault.delete("n")  # already gone: fine
    assert vault.get("n") is None


@pytest.mark.parametrize(
    ("make", "needle"),
    [
        (lambda _p: keyring.backends.null.Keyring(), "null"),
        (lambda _p: keyring.backends.fail.Keyring(), "fail"),
        (_plaintext, "keyrings.alt"),
        (lambda _p: EncryptedKeyring.__new__(EncryptedKeyring), "keyrings.alt"),  # needs no pycryptodome
    ],
    ids=["null", "fail", "plaintext", "encrypted-file"],
)
def test_non_os_backends_are_refused_and_nothing_is_written(
    make, needle: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    backend = make(tmp_path)
    monkeypatch.setattr(keyring.core, "_keyring_backend", backend)
    with pytest.raises(KeyringRefused) as caught:
        open_vault().store("n", "never-written-secret")
    # Staff read what to do; the IT section finds the backend and the reason in the hint.
    assert "IT section" in caught.value.message
    assert needle in (caught.value.hint or "")
    assert "plain-text" in (caught.value.hint or "")
    assert not (tmp_path / "plain.cfg").exists()
    assert list(tmp_path.iterdir()) == []


def test_a_subclass_of_an_allowed_backend_is_not_allowed() -> None:
    class Sneaky(MemoryKeyring):
        pass

    with pytest.raises(KeyringRefused):
        Vault(Sneaky())


def test_the_test_hook_is_needed_for_the_memory_backend() -> None:
    vault_module.forget_test_backends()
    with pytest.raises(KeyringRefused):
        Vault(MemoryKeyring())


def test_a_chainer_uses_only_its_first_member_and_never_falls_back(tmp_path: Path) -> None:
    class FakeChainer:
        def __init__(self, backends: list[object]) -> None:
            self.backends = backends

    FakeChainer.__module__ = "keyring.backends.chainer"
    FakeChainer.__qualname__ = "ChainerBackend"
    memory = MemoryKeyring()
    assert Vault(FakeChainer([memory, _plaintext(tmp_path)])).backend is memory
    with pytest.raises(KeyringRefused):
        Vault(FakeChainer([_plaintext(tmp_path), memory]))
    with pytest.raises(KeyringRefused):
        Vault(FakeChainer([]))
    assert not (tmp_path / "plain.cfg").exists()


def test_locked_keyring_has_its_own_message(memory_keyring: MemoryKeyring) -> None:
    memory_keyring.locked = True
    vault = open_vault()
    with pytest.raises(KeyringLockedError) as caught:
        vault.store("n", "locked-secret-xyz")
    assert "locked" in caught.value.message
    assert "locked-secret-xyz" not in str(caught.value)
    assert caught.value.__suppress_context__
    with pytest.raises(KeyringLockedError):
        vault.get("n")
    memory_keyring.locked = False  # unlocked: the retry works
    vault.store("n", "locked-secret-xyz")
    assert vault.get("n") == "locked-secret-xyz"


def test_other_backend_errors_do_not_echo_the_secret(monkeypatch: pytest.MonkeyPatch) -> None:
    backend = MemoryKeyring()

    def boom(service: str, username: str, password: str) -> None:
        raise RuntimeError(f"backend said {password}")

    monkeypatch.setattr(backend, "set_password", boom)
    with pytest.raises(KeyringUnavailable) as caught:
        Vault(backend).store("n", "echoed-secret-123")
    assert "echoed-secret-123" not in str(caught.value)
    assert "RuntimeError" in caught.value.message


class _FakeWinVault(MemoryKeyring):
    persist: object = None


_FakeWinVault.__module__ = "keyring.backends.Windows"
_FakeWinVault.__qualname__ = "WinVaultKeyring"


def test_windows_gets_local_machine_persistence_and_a_size_check(memory_keyring: MemoryKeyring) -> None:
    vault = Vault(_FakeWinVault())
    assert vault.backend.persist == "local machine"
    assert vault.max_blob_bytes == 2560
    vault.store("ok", "x" * 1280)  # 2560 bytes of UTF-16
    with pytest.raises(InvalidInput) as caught:
        vault.store("big", "y" * 1281)
    assert "2562 bytes" in caught.value.message
    assert "2560" in caught.value.message
    assert vault.get("big") is None
    with pytest.raises(InvalidInput):
        vault.store("emoji", "😀" * 641)  # surrogate pairs count double


def test_entry_names_carry_terminal_and_account() -> None:
    assert credential_name("abc", 7) == "account-7@terminal-abc"


def test_every_api_platform_says_what_credential_to_paste() -> None:
    from core.platforms.facts import api_platform_ids, credential_hint

    hints = {platform: credential_hint(platform) for platform in api_platform_ids()}
    assert len(set(hints.values())) == len(hints), "each API platform needs its own hint"
    assert credential_hint("instagram") not in hints.values()


def test_an_encrypted_keyring_that_cannot_load_ends_in_the_refusal(monkeypatch: pytest.MonkeyPatch) -> None:
    """keyrings.alt's EncryptedKeyring without pycryptodome raises from keyring.get_keyring() itself."""
    import keyring
    import keyring.core

    from core.credentials.vault import KeyringRefused, open_vault

    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyrings.alt.file.EncryptedKeyring")
    monkeypatch.setattr(keyring.core, "_keyring_backend", None)
    try:
        with pytest.raises(KeyringRefused) as info:
            open_vault()
    finally:
        monkeypatch.setattr(keyring.core, "_keyring_backend", None)
    assert "keyrings.alt.file.EncryptedKeyring" in str(info.value)
    assert "keyrings.alt" in str(info.value.hint)
