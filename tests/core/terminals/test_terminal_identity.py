from __future__ import annotations

import socket
from pathlib import Path

import pytest

from core.terminals import identity


def _interface(net: Path, name: str, address: str, assign_type: str) -> None:
    (net / name).mkdir(parents=True)
    (net / name / "address").write_text(address + "\n", encoding="ascii")
    (net / name / "addr_assign_type").write_text(assign_type + "\n", encoding="ascii")


def test_burnt_in_addresses_give_a_stable_id_random_ones_do_not(tmp_path: Path) -> None:
    net = tmp_path / "net"
    _interface(net, "lo", "00:00:00:00:00:00", "0")
    _interface(net, "eth0", "52:54:00:12:34:56", "0")
    _interface(net, "wlan0", "de:ad:be:ef:00:01", "3")  # randomised per network
    first = identity._hardware_addresses_id(net)
    assert first is not None
    assert first.startswith("mac-")
    (net / "wlan0" / "address").write_text("de:ad:be:ef:00:02\n", encoding="ascii")
    assert identity._hardware_addresses_id(net) == first
    (net / "eth0" / "address").write_text("52:54:00:12:34:57\n", encoding="ascii")
    assert identity._hardware_addresses_id(net) != first
    assert identity._hardware_addresses_id(tmp_path / "missing") is None


def test_machine_id_never_falls_back_to_the_host_name(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real_read = identity._read_id
    monkeypatch.setattr(identity, "_read_id", lambda path: None if "machine-id" in str(path) else real_read(path))
    monkeypatch.setattr(identity, "_hardware_addresses_id", lambda _net: None)
    monkeypatch.setattr(identity.sys, "platform", "linux")
    monkeypatch.setattr(identity, "Path", lambda p: tmp_path / "absent" / Path(p).name)
    assert identity.machine_id() is None
    terminal = identity.load_or_create(tmp_path / "config")
    assert terminal.machine_id is None
    assert terminal.hostname == socket.gethostname()


@pytest.mark.parametrize("blank", ["", "0" * 32, "uninitialized", "00000000-0000-0000-0000-000000000000"])
def test_blank_machine_ids_are_no_id(tmp_path: Path, blank: str) -> None:
    path = tmp_path / "machine-id"
    path.write_text(blank + "\n", encoding="ascii")
    assert identity._read_id(path) is None
