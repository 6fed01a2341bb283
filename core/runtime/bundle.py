"""Facts about how this copy of KohoGate was installed: from source, or a frozen bundle.

A PyInstaller bundle carries ``build_info.json`` (version, build time, commit)
and ``LICENSES.txt`` next to its data files, both written by
``tools/build.py`` at build time. Run from source there is no build: the
build date reads "development" and the licences are collected on demand
from the installed distributions (``core/runtime/licences.py``).
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from pathlib import Path

from core import __version__

BUILD_INFO_FILE = "build_info.json"
LICENSES_FILE = "LICENSES.txt"


def is_frozen() -> bool:
    """True inside a PyInstaller bundle (``kohogate`` / ``kohogate-cli`` built by tools/build.py)."""
    return bool(getattr(sys, "frozen", False)) and hasattr(sys, "_MEIPASS")


def bundle_root() -> Path | None:
    """The bundle's data folder (``sys._MEIPASS``: ``_internal`` next to the executables), or None from source."""
    if not is_frozen():
        return None
    return Path(sys._MEIPASS)  # type: ignore[attr-defined]


@dataclass(frozen=True)
class BuildInfo:
    version: str
    # ISO 8601 UTC time of the build; empty when run from source.
    built_at: str = ""
    commit: str = ""

    @property
    def is_development(self) -> bool:
        return not self.built_at

    def to_json(self) -> str:
        return json.dumps({"version": self.version, "built_at": self.built_at, "commit": self.commit}, indent=2)


def build_info() -> BuildInfo:
    """What tools/build.py wrote into the bundle; from source, this version and no build date."""
    root = bundle_root()
    if root is None:
        return BuildInfo(version=__version__)
    try:
        data = json.loads((root / BUILD_INFO_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return BuildInfo(version=__version__)
    if not isinstance(data, dict):
        return BuildInfo(version=__version__)
    return BuildInfo(
        version=str(data.get("version") or __version__),
        built_at=str(data.get("built_at") or ""),
        commit=str(data.get("commit") or ""),
    )


def bundled_licenses() -> str | None:
    """The licence texts written into the bundle at build time, or None from source."""
    root = bundle_root()
    if root is None:
        return None
    try:
        return (root / LICENSES_FILE).read_text(encoding="utf-8")
    except OSError:
        return None
