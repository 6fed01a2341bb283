"""Network shares are refused before anything is created on them."""

from __future__ import annotations

from pathlib import Path

import pytest

from core.errors import NetworkDatabasePath
from core.runtime.bootstrap import open_environment
from core.runtime.netpath import is_unc_path, network_filesystem
from core.runtime.paths import resolve_paths


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        (r"\\.\UNC\fileserver\share\k.db", True),
        ("//./UNC/fileserver/share/k.db", True),
        (r"\/fileserver/share/k.db", True),
        (r"/\fileserver\share", True),
        ("file:////fileserver/share/kohogate", True),
        ("file://fileserver/share/kohogate", True),
        ("FILE://fileserver/share", True),
        ("file:///home/sato/kohogate", False),
        ("file:///C:/Users/sato/kohogate", False),
        ("file://localhost/home/sato", False),
        (r"\\.\C:\data\k.db", False),
        (r"\\.\pipe\x", False),
        ("/home/sato/kohogate.db", False),
    ],
)
def test_more_unc_spellings(path: str, expected: bool) -> None:
    assert is_unc_path(path) is expected


@pytest.mark.parametrize("fs_type", ["fuse.smbnetfs", "vboxsf", "fuse.s3fs"])
def test_fuse_and_guest_shares_are_network_mounts(
    fs_type: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("core.runtime.netpath.read_mounts", lambda: [("/", "ext4"), (str(tmp_path), fs_type)])
    assert network_filesystem(tmp_path / "kohogate" / "k.db") == fs_type


@pytest.mark.parametrize("fs_type", ["fuse.smbnetfs", "vboxsf", "fuse.s3fs", "cifs"])
def test_no_folder_is_created_on_a_share_before_the_refusal(
    fs_type: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    share = tmp_path / "share"
    share.mkdir()
    monkeypatch.setattr("core.runtime.netpath.read_mounts", lambda: [("/", "ext4"), (str(share), fs_type)])
    with pytest.raises(NetworkDatabasePath, match=fs_type):
        open_environment(str(share / "kohogate"))
    assert list(share.iterdir()) == []


@pytest.mark.parametrize("override", [r"\\fileserver\share\kohogate", "file:////fileserver/share/kohogate"])
def test_unc_and_file_uri_data_folders_are_refused_before_resolving(
    override: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    with pytest.raises(NetworkDatabasePath):
        resolve_paths(override).ensure()
    with pytest.raises(NetworkDatabasePath):
        open_environment(override)
    assert list(tmp_path.iterdir()) == []  # no "file:" or "\\fileserver…" folder made here
