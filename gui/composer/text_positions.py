"""Code points (the checks' offsets) ↔ UTF-16 units (Qt's document positions).

Findings count code points; ``QTextDocument`` counts UTF-16 units, so an emoji
before a finding would shift every underline by one without this mapping.
Text without characters outside the BMP (most Japanese posts) maps 1:1.
"""

from __future__ import annotations

import bisect
import re

# A regular expression scans in C: a per-character loop in Python took 30 ms
# on a 100,000-character Japanese draft, on the UI thread, for every check result.
_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


class Utf16Map:
    def __init__(self, text: str) -> None:
        # Code-point indices of astral characters (each takes two UTF-16 units).
        self._astral = [m.start() for m in _ASTRAL.finditer(text)] if not text.isascii() else []
        self._utf16_astral = [i + n for n, i in enumerate(self._astral)]

    @property
    def identity(self) -> bool:
        """Positions are the same in both units (no astral character)."""
        return not self._astral

    def to_utf16(self, index: int) -> int:
        return index + bisect.bisect_left(self._astral, index)

    def to_code_point(self, position: int) -> int:
        return position - bisect.bisect_left(self._utf16_astral, position)
