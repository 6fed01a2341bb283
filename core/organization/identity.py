"""Who is using KohoGate: the OS login, mapped to a staff record."""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass

from core.audit.recorder import Recorder
from core.organization.roles import Role


def normalize_login(login: str) -> str:
    r"""Case-folded login without a ``DOMAIN\`` prefix (Windows logins ignore case)."""
    login = login.strip()
    if "\\" in login:
        login = login.rsplit("\\", 1)[1]
    return login.casefold()


def _os_login() -> str:
    """The login of the account this process runs as, asked of the OS.

    Not ``getpass.getuser()``: it reads LOGNAME/USER/USERNAME first, and
    anyone can set those (``set USERNAME=kacho`` in a command prompt) to
    act, sign and approve as somebody else.
    """
    if sys.platform == "win32":
        import ctypes
        from ctypes import wintypes

        # GetUserNameW answers from the process's security token, not the environment.
        size = wintypes.DWORD(257)
        buffer = ctypes.create_unicode_buffer(size.value)
        if not ctypes.windll.advapi32.GetUserNameW(buffer, ctypes.byref(size)):  # type: ignore[attr-defined]
            raise OSError(ctypes.GetLastError(), "GetUserNameW failed")  # type: ignore[attr-defined]
        return buffer.value
    import pwd

    return pwd.getpwuid(os.geteuid()).pw_name


def current_login() -> str:
    return normalize_login(_os_login())


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
