"""Location of the read-only files shipped in the ``resources`` package."""

from __future__ import annotations

from pathlib import Path

import resources as _resources_pkg

RESOURCES_DIR = Path(_resources_pkg.__file__).resolve().parent


def resource_path(*parts: str) -> Path:
    """Path of a file below ``resources/`` (works from a checkout and an installed wheel)."""
    return RESOURCES_DIR.joinpath(*parts)


def manual_path(lang: str) -> Path:
    """The user manual in ``lang`` (``docs/manual_ja.md`` or ``docs/manual_en.md``, written by tools/manual.py)."""
    return RESOURCES_DIR.parent / "docs" / f"manual_{'ja' if lang == 'ja' else 'en'}.md"
