"""Which key signs for the person using this window."""

from __future__ import annotations

from core.signoff.keys import DemoSigner, KeyringSigner, Signer
from gui.session import AppSession


def signer_for(session: AppSession) -> Signer:
    """The OS keyring's key; in a demo database only, the demo staff's derived keys."""
    if session.is_demo and session.actor.login.startswith("demo."):
        return DemoSigner(session.actor.login)
    from core.credentials.vault import open_vault

    return KeyringSigner(open_vault(), session.actor.login)
