"""The terminal key pair (Ed25519): private half in the OS keyring, public half in the database.

Machine ids and host names can be copied, so they are labels; a signature
made with a key that never leaves this terminal's keyring is the proof that a
posting request came from it. ``cryptography`` is imported inside the
functions: nothing on the GUI start-up path needs it.
"""

from __future__ import annotations

import enum
import logging
import time

from sqlalchemy import select

from core.audit import chain
from core.audit.recorder import Recorder
from core.credentials import ed25519
from core.credentials.ed25519 import fingerprint, public_from_private, sign, verify
from core.credentials.vault import Vault, terminal_key_name
from core.i18n import tr
from core.storage.engine import Store
from core.storage.models import Terminal

__all__ = [
    "KeyState",
    "ensure_terminal_key",
    "fingerprint",
    "generate_keypair",
    "public_from_private",
    "sign",
    "verify",
]

log = logging.getLogger(__name__)


class KeyState(enum.StrEnum):
    READY = "ready"  # keyring key matches the registered public key
    CREATED = "created"  # generated and registered just now
    LOST = "lost"  # the database has a public key but this keyring holds no private key
    MISMATCH = "mismatch"  # the keyring key is not the one registered for this terminal
    NO_TERMINAL = "no_terminal"

    @property
    def label(self) -> str:
        return {
            KeyState.READY: tr("Terminal key ready"),
            KeyState.CREATED: tr("Terminal key created and registered"),
            KeyState.LOST: tr("The terminal key is missing from this computer's keyring"),
            KeyState.MISMATCH: tr("The key in this keyring is not the one registered for this terminal"),
            KeyState.NO_TERMINAL: tr("This terminal is not registered"),
        }[self]


def generate_keypair() -> tuple[str, str]:
    """``(private, public)`` as base64 of the raw 32-byte Ed25519 keys."""
    return ed25519.generate()


def ensure_terminal_key(store: Store, vault: Vault, terminal_uid: str, recorder: Recorder) -> KeyState:
    """Make sure this terminal has a key pair; create and register one the first time.

    A key is only ever *created* while the terminal row has no public key: if
    the database already names a key this keyring does not hold (a database
    or config folder copied to another machine, a wiped profile), the answer
    is :attr:`KeyState.LOST` and an administrator must reset the key, which
    sends the terminal back to 申請中 for approval.
    """
    private = vault.get(terminal_key_name(terminal_uid))
    with store.read() as session:
        registered = session.scalar(select(Terminal.public_key).where(Terminal.uid == terminal_uid))
        exists = session.scalar(select(Terminal.id).where(Terminal.uid == terminal_uid)) is not None
    if not exists:
        return KeyState.NO_TERMINAL
    if registered:
        if private is None:
            return KeyState.LOST
        return KeyState.READY if public_from_private(private) == registered else KeyState.MISMATCH
    created = private is None
    if private is None:
        private, public = generate_keypair()
    else:
        public = public_from_private(private)
    # Register the public half first, under a row lock: of two processes making the first key
    # at once (the app's scheduler and a cron publish-due), exactly one wins, and only the winner
    # writes its private half to the keyring — the keyring can never end up holding the loser's.
    with store.write() as session:
        row = session.scalar(select(Terminal).where(Terminal.uid == terminal_uid).with_for_update())
        if row is None:
            return KeyState.NO_TERMINAL
        winner = row.public_key is None
        if winner:
            row.public_key = public
            chain.append(
                session,
                recorder,
                "terminal.key_registered",
                {"terminal_id": row.id, "uid": row.uid, "fingerprint": fingerprint(public)},
            )
        registered_key = row.public_key
    if not winner:
        return _await_winner(vault, terminal_uid, registered_key)
    if created:
        vault.store(terminal_key_name(terminal_uid), private)
    log.info("terminal key registered for %s", terminal_uid)
    return KeyState.CREATED


def _await_winner(vault: Vault, terminal_uid: str, registered: str | None) -> KeyState:
    """Another process registered the key a moment ago; its private half reaches the keyring shortly."""
    for _ in range(30):
        stored = vault.get(terminal_key_name(terminal_uid))
        if stored is not None:
            return KeyState.READY if public_from_private(stored) == registered else KeyState.MISMATCH
        time.sleep(0.1)
    return KeyState.LOST
