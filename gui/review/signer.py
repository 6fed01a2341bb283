"""Which key signs for the person using this window."""

from __future__ import annotations

from core.organization.roles import Role
from core.signoff.keys import DemoSigner, KeyringSigner, Signer
from gui.session import AppSession


def signer_for(session: AppSession) -> Signer:
    """The OS keyring's key; in a demo database only, the demo staff's (and administrator's) derived keys."""
    # The demo fill registers a derived key for the administrator too (it endorses the demo's keys and terminal).
    if session.is_demo and (session.actor.login.startswith("demo.") or session.has(Role.ADMINISTRATOR)):
        return DemoSigner(session.actor.login)
    from core.credentials.vault import open_vault

    return KeyringSigner(open_vault(), session.actor.login)
