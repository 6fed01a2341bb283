"""Who is acting, and where: stamped on every audit entry (kept free of the data layer)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Recorder:
    actor: str
    terminal: str
