"""The keyring vault: secrets go to a real OS keyring or nowhere.

Why an allow-list rather than "whatever ``keyring`` picks": the ``null``
backend silently accepts writes and loses them (jaraco/keyring #541),
``fail`` raises on every call, and ``keyrings.alt``'s plaintext and
"encrypted" file backends write the secret to a file in the home folder —
a plaintext fallback is exactly what became a security report for Vorta
(#1361). So only the four OS stores are accepted, matched on the exact class
(a subclass could do anything), and a refused backend is an error with a
clear message, never a quiet fallback.

``keyring``'s ``ChainerBackend`` tries one backend after another, so a failed
write to the OS store could land in a lower-priority plaintext file. It is not
used as such: the vault takes its first (highest-priority) member and applies
the allow-list to that one alone.

On Windows the credential is written with local-machine persistence so that it
does not roam to other domain machines with a roaming profile (keyring #382),
and the 2560-byte blob limit (UTF-16, about 1250 characters; CredWrite error
1783, keyring #355) is checked before writing.

Every secret passing through is registered with
:func:`core.runtime.logging_setup.register_secret`, so the log filter and the crash
dialog redact it wherever it turns up later.

What this does *not* protect against: malware running as the same OS user can
ask the keyring for the secret just as KohoGate does.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass, field
from typing import Any

from core.errors import InvalidInput, KeyringUnavailable
from core.i18n import tr
from core.runtime.logging_setup import register_secret

log = logging.getLogger(__name__)

SERVICE_NAME = "KohoGate"

#: Windows CRED_MAX_CREDENTIAL_BLOB_SIZE: 5 * 512 bytes of UTF-16 (about 1250 characters).
WINDOWS_BLOB_LIMIT = 2560

#: Exact classes (module, qualified name) of the OS keyrings KohoGate accepts.
ALLOWED_BACKENDS: dict[tuple[str, str], str] = {
    ("keyring.backends.Windows", "WinVaultKeyring"): "Windows Credential Manager",
    ("keyring.backends.macOS", "Keyring"): "macOS Keychain",
    ("keyring.backends.SecretService", "Keyring"): "Secret Service",
    ("keyring.backends.libsecret", "Keyring"): "Secret Service (libsecret)",
    ("keyring.backends.kwallet", "DBusKeyring"): "KWallet",
    ("keyring.backends.kwallet", "DBusKeyringKWallet4"): "KWallet 4",
}

_WINDOWS = ("keyring.backends.Windows", "WinVaultKeyring")
_CHAINER = ("keyring.backends.chainer", "ChainerBackend")

# Backends accepted in tests only. Filled by allow_test_backend(), which only the
# test suite calls; production code has no path that adds to it.
_test_backends: set[type] = set()


class KeyringLockedError(KeyringUnavailable):
    """The keyring exists but is locked (or its unlock prompt was dismissed): unlock and retry."""


class KeyringRefused(KeyringUnavailable):
    """The selected keyring backend is not a real OS keyring."""


def allow_test_backend(cls: type) -> None:
    """Accept ``cls`` as a keyring backend. For the test suite's in-memory keyring only."""
    _test_backends.add(cls)


def forget_test_backends() -> None:
    _test_backends.clear()


def _qualified(obj: Any) -> tuple[str, str]:
    cls = type(obj)
    return cls.__module__, cls.__qualname__


def backend_label(backend: Any) -> str:
    """A short human name for ``backend`` (for messages and the audit record)."""
    if type(backend) in _test_backends:
        return f"test:{type(backend).__name__}"
    return ALLOWED_BACKENDS.get(_qualified(backend), ".".join(_qualified(backend)))


def check_backend(backend: Any) -> Any:
    """``backend`` itself (or a chainer's first member) if it is an accepted OS keyring.

    Raises :class:`KeyringRefused` naming the backend otherwise.
    """
    if _qualified(backend) == _CHAINER:
        members = list(getattr(backend, "backends", []))
        if not members:
            raise KeyringRefused(
                tr("No OS keyring is available on this computer, so credentials cannot be stored here."),
                hint=tr("KohoGate never falls back to a plain-text file. Use a terminal with an OS keyring."),
            )
        backend = members[0]
    if type(backend) in _test_backends or _qualified(backend) in ALLOWED_BACKENDS:
        return backend
    raise _refused(".".join(_qualified(backend)))


def _refused(name: str) -> KeyringRefused:
    if name.startswith("keyring.backends.null"):
        reason = tr("the 'null' keyring backend discards everything written to it")
    elif name.startswith("keyring.backends.fail"):
        reason = tr("no OS keyring was found (the 'fail' backend is selected)")
    elif name.startswith("keyrings.alt"):
        reason = tr("keyrings.alt backends keep secrets in a file, not in the OS keyring")
    else:
        reason = tr("it is not one of the OS keyrings KohoGate accepts")
    # The person at the screen gets what to do; the backend's name and the reason go to the log
    # and the hint, for the IT section.
    log.warning("keyring backend %s refused: %s", name, reason)
    return KeyringRefused(
        tr(
            "This computer cannot store credentials safely: its OS credential store is not available. "
            "Ask the IT section (情報システム担当)."
        ),
        hint=tr(
            "For the IT section: the keyring backend {name} is refused ({reason}). KohoGate uses only "
            "Windows Credential Manager, the macOS Keychain, the Secret Service or KWallet, and never a "
            "plain-text file; check PYTHON_KEYRING_BACKEND."
        ).format(name=name, reason=reason),
    )


def _translate(exc: Exception) -> KeyringUnavailable:
    """A user-facing error for a backend failure, free of the secret and of the backend's text."""
    from keyring.errors import KeyringLocked, NoKeyringError

    if isinstance(exc, KeyringLocked):
        return KeyringLockedError(
            tr("The OS keyring is locked. Unlock it (log in again or open the keyring), then retry."),
        )
    if isinstance(exc, NoKeyringError):
        return KeyringUnavailable(tr("No OS keyring is available on this computer."))
    return KeyringUnavailable(
        tr("The OS keyring did not accept the request ({kind}). Try again or ask the administrator.").format(
            kind=type(exc).__name__
        )
    )


@dataclass
class Vault:
    """Access to the accepted OS keyring; construct with :func:`open_vault`.

    ``max_blob_bytes`` is the size limit of one secret (UTF-16), set for the
    Windows Credential Manager and checked before every write.
    """

    backend: Any
    max_blob_bytes: int | None = None
    label: str = field(default="")

    def __post_init__(self) -> None:
        self.backend = check_backend(self.backend)
        if not self.label:
            self.label = backend_label(self.backend)
        if _qualified(self.backend) == _WINDOWS:
            # CRED_PERSIST_LOCAL_MACHINE: the credential stays on this machine
            # instead of roaming with the profile (the default is ENTERPRISE).
            self.backend.persist = "local machine"
            self.max_blob_bytes = WINDOWS_BLOB_LIMIT

    def check_size(self, secret: str) -> None:
        """Refuse a secret that the keyring could not hold, before anything is written."""
        if self.max_blob_bytes is None:
            return
        size = len(secret.encode("utf-16-le"))
        if size > self.max_blob_bytes:
            raise InvalidInput(
                tr(
                    "This credential is too long for the Windows Credential Manager: "
                    "{size} bytes, the limit is {limit} bytes (about {chars} characters)."
                ).format(size=size, limit=self.max_blob_bytes, chars=self.max_blob_bytes // 2 - 30)
            )

    def store(self, name: str, secret: str) -> None:
        register_secret(secret)
        if not secret:
            raise InvalidInput(tr("{field} is required.").format(field=tr("Credential")))
        self.check_size(secret)
        try:
            self.backend.set_password(SERVICE_NAME, name, secret)
        except Exception as exc:
            raise _translate(exc) from None
        log.info("stored secret %s in %s", name, self.label)

    def get(self, name: str) -> str | None:
        try:
            value = self.backend.get_password(SERVICE_NAME, name)
        except Exception as exc:
            raise _translate(exc) from None
        if value is None:
            return None
        register_secret(str(value))
        return str(value)

    def has(self, name: str) -> bool:
        return self.get(name) is not None

    def delete(self, name: str) -> None:
        from keyring.errors import PasswordDeleteError

        try:
            self.backend.delete_password(SERVICE_NAME, name)
        except PasswordDeleteError:
            return  # already gone
        except Exception as exc:
            raise _translate(exc) from None


def open_vault() -> Vault:
    """The vault over the keyring ``keyring`` selects, or :class:`KeyringRefused`."""
    import keyring

    try:
        backend = keyring.get_keyring()
    except Exception:
        # A configured backend that cannot even load (keyrings.alt's
        # EncryptedKeyring without pycryptodome raises from its priority) is
        # refused like any other: the refusal names what was configured.
        configured = os.environ.get("PYTHON_KEYRING_BACKEND", "").strip() or "keyring"
        raise _refused(configured) from None
    return Vault(backend)


def credential_name(terminal_uid: str, account_id: int) -> str:
    """Keyring entry name of an account's platform credential on one terminal."""
    return f"account-{account_id}@terminal-{terminal_uid}"


def terminal_key_name(terminal_uid: str) -> str:
    """Keyring entry name of a terminal's private signing key."""
    return f"terminal-key@{terminal_uid}"
