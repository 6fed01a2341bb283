"""Is a path on a network file system?

SQLite's locking (and WAL's shared memory) is unreliable over SMB and NFS, so
the database must never be opened there. Several workstations that share data
use PostgreSQL instead.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path, PurePath, PureWindowsPath

NETWORK_FS_TYPES = frozenset(
    {
        "nfs",
        "nfs4",
        "cifs",
        "smb",
        "smb2",
        "smb3",
        "smbfs",
        "ncpfs",
        "afs",
        "9p",
        "ceph",
        "glusterfs",
        "lustre",
        "gpfs",
        "davfs",
        "fuse.sshfs",
        "fuse.davfs2",
        "fuse.rclone",
        "fuse.glusterfs",
        "fuse.ceph",
        "afpfs",
        "webdav",
        # FUSE and guest-share file systems that reach another machine too:
        # Samba through FUSE, VirtualBox shared folders, S3 and other buckets.
        "fuse.smbnetfs",
        "fuse.cifs",
        "vboxsf",
        "vmhgfs",
        "fuse.vmhgfs-fuse",
        "fuse.s3fs",
        "fuse.goofys",
        "fuse.gcsfuse",
        "fuse.juicefs",
        "fuse.curlftpfs",
        "fuse.mergerfs",
    }
)


def is_unc_path(path: str) -> bool:
    r"""``\\server\share\…`` or ``//server/share/…``, with either separator in any
    mix (``\/server/share``: Windows reads both), the ``\\?\UNC\`` and
    ``\\.\UNC\`` device forms, and ``file:`` URIs naming a server."""
    text = str(path)
    if text[:5].lower() == "file:":
        return _file_uri_is_remote(text)
    # Windows treats "/" and "\" alike in a path, so compare one spelling.
    text = text.replace("/", "\\")
    if text.upper().startswith(("\\\\?\\UNC\\", "\\\\.\\UNC\\")):
        return True
    if text.startswith(("\\\\?\\", "\\\\.\\")):
        return False
    return text.startswith("\\\\") and len(text) > 2 and text[2] != "\\"


def _file_uri_is_remote(uri: str) -> bool:
    """``file://server/share`` and ``file:////server/share`` name another machine;
    ``file:///C:/…``, ``file:///home/…`` and ``file://localhost/…`` do not."""
    rest = uri[5:].replace("\\", "/")
    if not rest.startswith("//"):
        return False  # file:/home/… (no authority)
    rest = rest[2:]
    if rest.startswith("/"):
        return is_unc_path(rest)  # file:////server/share → //server/share
    host = rest.split("/", 1)[0]
    return host.lower() not in {"", "localhost", "127.0.0.1", "[::1]"}


def parse_mountinfo(text: str) -> list[tuple[str, str]]:
    """``[(mount point, fs type)]`` from ``/proc/self/mountinfo`` content."""
    mounts: list[tuple[str, str]] = []
    for line in text.splitlines():
        left, sep, right = line.partition(" - ")
        if not sep:
            continue
        fields = left.split()
        right_fields = right.split()
        if len(fields) < 5 or not right_fields:
            continue
        mount_point = fields[4].replace("\\040", " ").replace("\\011", "\t").replace("\\134", "\\")
        mounts.append((mount_point, right_fields[0]))
    return mounts


def fs_type_for(path: PurePath, mounts: list[tuple[str, str]]) -> str | None:
    """File-system type of the longest mount point containing ``path``."""
    best: tuple[int, str] | None = None
    text = path.as_posix()
    for mount_point, fs_type in mounts:
        prefix = mount_point.rstrip("/") + "/"
        if (text == mount_point or text.startswith(prefix) or mount_point == "/") and (
            best is None or len(mount_point) > best[0]
        ):
            best = (len(mount_point), fs_type)
    return best[1] if best else None


def _existing_ancestor(path: Path) -> Path:
    current = path
    while not current.exists() and current.parent != current:
        current = current.parent
    return current


def _windows_drive_is_remote(path: str) -> bool:
    import ctypes

    drive = PureWindowsPath(path).drive
    if not drive or len(drive) != 2:
        return False
    drive_remote = 4
    get_drive_type = ctypes.windll.kernel32.GetDriveTypeW  # type: ignore[attr-defined]
    return bool(get_drive_type(drive + "\\") == drive_remote)


def read_mounts() -> list[tuple[str, str]] | None:
    try:
        return parse_mountinfo(Path("/proc/self/mountinfo").read_text(encoding="utf-8"))
    except OSError:
        return None


def network_filesystem(path: str | os.PathLike[str]) -> str | None:
    """A short description of the network file system ``path`` is on, or ``None``."""
    text = os.fspath(path)
    if is_unc_path(text):
        return "UNC"
    if sys.platform == "win32":
        return "network drive" if _windows_drive_is_remote(os.path.abspath(text)) else None
    resolved = _existing_ancestor(Path(text).expanduser().resolve())
    mounts = read_mounts()
    if mounts is None:
        return None  # no procfs (macOS): the UNC check above is all we can do cheaply
    fs_type = fs_type_for(resolved, mounts)
    if fs_type and fs_type.lower() in NETWORK_FS_TYPES:
        return fs_type
    return None
