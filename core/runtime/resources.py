"""Location of the read-only files shipped in the ``resources`` package."""

from __future__ import annotations

from pathlib import Path

import resources as _resources_pkg
from core.runtime.bundle import bundle_root


def _resources_dir() -> Path:
    # In a PyInstaller bundle the data files sit below sys._MEIPASS/resources (the spec puts
    # them there); the package's __file__ points at the same folder, but say so explicitly.
    root = bundle_root()
    if root is not None:
        return root / "resources"
    return Path(_resources_pkg.__file__).resolve().parent


RESOURCES_DIR = _resources_dir()


def resource_path(*parts: str) -> Path:
    """Path of a file below ``resources/`` (a checkout, an installed wheel, or a frozen bundle)."""
    return RESOURCES_DIR.joinpath(*parts)


def manual_path(lang: str) -> Path:
    """The user manual in ``lang`` (``docs/manual_ja.md`` or ``docs/manual_en.md``, written by tools/manual.py)."""
    return RESOURCES_DIR.parent / "docs" / f"manual_{'ja' if lang == 'ja' else 'en'}.md"
