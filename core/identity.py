"""Who is using KohoGate: the OS login, mapped to a staff record."""

from __future__ import annotations

import getpass
from dataclasses import dataclass

from core.audit.recorder import Recorder
from core.roles import Role


def normalize_login(login: str) -> str:
    r"""Case-folded login without a ``DOMAIN\`` prefix (Windows logins ignore case)."""
    login = login.strip()
    if "\\" in login:
        login = login.rsplit("\\", 1)[1]
    return login.casefold()


def current_login() -> str:
    return normalize_login(getpass.getuser())


@dataclass(frozen=True)
class Actor:
    """The person acting through a service call, on this terminal."""

    staff_id: int
    login: str
    display_name: str
    roles: frozenset[Role]
    terminal: str

    def has(self, role: Role) -> bool:
        return role in self.roles

    @property
    def recorder(self) -> Recorder:
        return Recorder(actor=self.login, terminal=self.terminal)
