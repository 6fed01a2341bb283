"""This workstation's identity: a random id kept in the config folder.

The machine id tells the original computer from a copy of its data folder;
the host name is a label only and never stands in for the machine id (two
computers named ``PC-KOHO01`` are common, and a copy with the same name once
posted as the original). Without ``/etc/machine-id`` the id comes from the
firmware's product UUID or the network cards' burnt-in addresses; when none
can be read it is ``None`` and the terminal counts as moved on every start
(``core/services/terminals.py``), so it cannot post until a machine id exists.
The proof that a request comes from an approved terminal is the terminal key
pair added with the terminal-approval work.
"""

from __future__ import annotations

import hashlib
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
    for candidate in ("/etc/machine-id", "/var/lib/dbus/machine-id", "/sys/class/dmi/id/product_uuid"):
        text = _read_id(Path(candidate))
        if text:
            return text
    if sys.platform == "darwin":
        found = _mac_platform_uuid()
        if found:
            return found
    return _hardware_addresses_id(Path("/sys/class/net"))


_BLANK_IDS = frozenset({"", "0" * 32, "f" * 32, "00000000-0000-0000-0000-000000000000", "uninitialized"})


def _read_id(path: Path) -> str | None:
    try:
        text = path.read_text(encoding="ascii").strip().lower()
    except (OSError, UnicodeDecodeError):
        return None
    return text if text not in _BLANK_IDS else None


def _hardware_addresses_id(net: Path) -> str | None:
    """A digest of the burnt-in (``addr_assign_type`` 0) addresses of the network cards.

    Random, virtual and loopback addresses are left out: they change or are shared.
    """
    addresses: list[str] = []
    try:
        interfaces = sorted(net.iterdir())
    except OSError:
        return None
    for interface in interfaces:
        if _read_id(interface / "addr_assign_type") != "0":
            continue
        address = _read_id(interface / "address")
        if address and address != "00:00:00:00:00:00":
            addresses.append(address)
    if not addresses:
        return None
    return "mac-" + hashlib.sha256("\n".join(sorted(set(addresses))).encode("ascii")).hexdigest()[:32]


def _mac_platform_uuid() -> str | None:
    import subprocess

    try:
        output = subprocess.run(
            ["/usr/sbin/ioreg", "-rd1", "-c", "IOPlatformExpertDevice"],
            capture_output=True,
            text=True,
            timeout=5,
            check=False,
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    for line in output.splitlines():
        if "IOPlatformUUID" in line:
            return line.split("=", 1)[-1].strip().strip('"').lower() or None
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
