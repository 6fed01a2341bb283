"""This workstation's identity: a random id kept in the config folder.

The machine id and host name are recorded as labels only (they are easy to
copy); the proof that a request comes from an approved terminal is the
terminal key pair added with the terminal-approval work.
"""

from __future__ import annotations

import json
import platform
import socket
import sys
import uuid
from dataclasses import dataclass
from pathlib import Path

from core.organization.identity import current_login
from core.runtime.atomic_file import write_text_atomically

TERMINAL_FILE = "terminal.json"


@dataclass(frozen=True)
class LocalTerminal:
    uid: str
    hostname: str
    os_user: str
    machine_id: str | None
    os_name: str


def machine_id() -> str | None:
    if sys.platform == "win32":
        try:
            import winreg

            with winreg.OpenKey(winreg.HKEY_LOCAL_MACHINE, r"SOFTWARE\Microsoft\Cryptography") as key:  # type: ignore[attr-defined,unused-ignore]
                value, _ = winreg.QueryValueEx(key, "MachineGuid")  # type: ignore[attr-defined,unused-ignore]
                return str(value)
        except OSError:
            return None
    for candidate in ("/etc/machine-id", "/var/lib/dbus/machine-id"):
        try:
            text = Path(candidate).read_text(encoding="ascii").strip()
        except OSError:
            continue
        if text:
            return text
    return None


def load_or_create(config_dir: Path) -> LocalTerminal:
    """The terminal id from ``config_dir``, created (atomically) on first use."""
    path = config_dir / TERMINAL_FILE
    uid: str | None = None
    try:
        uid = str(json.loads(path.read_text(encoding="utf-8"))["uid"])
    except (OSError, ValueError, KeyError, TypeError):
        uid = None
    if not uid:
        uid = uuid.uuid4().hex
        write_text_atomically(path, json.dumps({"uid": uid}))
    return LocalTerminal(
        uid=uid,
        hostname=socket.gethostname(),
        os_user=current_login(),
        machine_id=machine_id(),
        os_name=f"{platform.system()} {platform.release()}",
    )
