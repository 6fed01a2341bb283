"""Per-user preferences in the config folder (never secrets; never shared data)."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from pathlib import Path

from core.runtime.atomic_file import write_text_atomically

SETTINGS_FILE = "settings.json"


@dataclass
class UserSettings:
    language: str | None = None
    window_geometry: str | None = None


def load(config_dir: Path) -> UserSettings:
    try:
        data = json.loads((config_dir / SETTINGS_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return UserSettings()
    if not isinstance(data, dict):
        return UserSettings()
    known = {
        k: v for k, v in data.items() if k in UserSettings.__dataclass_fields__ and (v is None or isinstance(v, str))
    }
    return UserSettings(**known)


def save(config_dir: Path, settings: UserSettings) -> None:
    """Atomic write: a crash mid-save leaves the previous file, never half of one."""
    write_text_atomically(config_dir / SETTINGS_FILE, json.dumps(asdict(settings), ensure_ascii=False, indent=2))
