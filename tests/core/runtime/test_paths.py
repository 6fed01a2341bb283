from __future__ import annotations

from pathlib import Path, PurePosixPath

import pytest

from core.errors import NetworkDatabasePath
from core.runtime.netpath import fs_type_for, is_unc_path, network_filesystem, parse_mountinfo
from core.runtime.paths import DATA_DIR_ENV, resolve_database_url, resolve_paths
from core.storage.engine import Store, check_sqlite_location

MOUNTINFO = """\
22 1 8:1 / / rw,relatime shared:1 - ext4 /dev/sda1 rw
30 22 0:40 / /mnt/share rw,relatime shared:2 - cifs //fs01/kouhou rw,vers=3.0
31 22 0:41 / /srv/nfs\\040data rw,relatime shared:3 - nfs4 fs02:/export rw
32 22 0:42 / /home rw,relatime shared:4 - ext4 /dev/sda2 rw
"""


def test_data_dir_argument_beats_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(DATA_DIR_ENV, str(tmp_path / "from-env"))
    assert resolve_paths(tmp_path / "explicit").data == (tmp_path / "explicit").resolve()
    env_paths = resolve_paths()
    assert env_paths.data == (tmp_path / "from-env").resolve()
    assert env_paths.logs.parent == env_paths.data
    assert env_paths.config.parent == env_paths.data


def test_default_database_url_is_sqlite_in_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    paths = resolve_paths(tmp_path)
    assert resolve_database_url(paths) == f"sqlite:///{(tmp_path.resolve() / 'kohogate.db').as_posix()}"
    monkeypatch.setenv("KOHOGATE_DATABASE_URL", "postgresql://db.example/kohogate")
    assert resolve_database_url(paths) == "postgresql://db.example/kohogate"
    assert resolve_database_url(paths, "sqlite:///x.db") == "sqlite:///x.db"


def test_without_override_platformdirs_is_used(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(DATA_DIR_ENV)
    paths = resolve_paths()
    assert "KohoGate" in str(paths.data)


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        (r"\\fileserver\kouhou\kohogate.db", True),
        ("//fileserver/kouhou/kohogate.db", True),
        (r"\\?\UNC\fileserver\share\k.db", True),
        (r"\\?\C:\data\k.db", False),
        (r"C:\Users\sato\kohogate.db", False),
        ("/home/sato/kohogate.db", False),
    ],
)
def test_unc_paths(path: str, expected: bool) -> None:
    assert is_unc_path(path) is expected


def test_mountinfo_finds_network_filesystems() -> None:
    mounts = parse_mountinfo(MOUNTINFO)
    assert fs_type_for(PurePosixPath("/mnt/share/kohogate.db"), mounts) == "cifs"
    assert fs_type_for(PurePosixPath("/srv/nfs data/k.db"), mounts) == "nfs4"
    assert fs_type_for(PurePosixPath("/home/sato/k.db"), mounts) == "ext4"
    assert fs_type_for(PurePosixPath("/mnt/shared-not/k.db"), mounts) == "ext4"


def test_sqlite_on_network_mount_is_refused(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr("core.runtime.netpath.read_mounts", lambda: [("/", "ext4"), (str(tmp_path), "nfs")])
    assert network_filesystem(tmp_path / "k.db") == "nfs"
    with pytest.raises(NetworkDatabasePath) as info:
        Store(f"sqlite:///{tmp_path / 'k.db'}")
    assert "PostgreSQL" in str(info.value)
    assert not (tmp_path / "k.db").exists()


def test_sqlite_on_unc_path_is_refused() -> None:
    with pytest.raises(NetworkDatabasePath):
        check_sqlite_location(Path("//fileserver/kouhou/kohogate.db"))


def test_local_disk_is_accepted(tmp_path: Path) -> None:
    assert network_filesystem(tmp_path / "k.db") is None
