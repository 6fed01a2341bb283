"""Code points (the checks' offsets) ↔ UTF-16 units (Qt's document positions).

Findings count code points; ``QTextDocument`` counts UTF-16 units, so an emoji
before a finding would shift every underline by one without this mapping.
Text without characters outside the BMP (most Japanese posts) maps 1:1 and
costs one length comparison.
"""

from __future__ import annotations

import bisect


class Utf16Map:
    def __init__(self, text: str) -> None:
        # Code-point indices of astral characters (each takes two UTF-16 units).
        self._astral = [i for i, ch in enumerate(text) if ord(ch) > 0xFFFF] if not text.isascii() else []
        self._utf16_astral = [i + n for n, i in enumerate(self._astral)]

    def to_utf16(self, index: int) -> int:
        return index + bisect.bisect_left(self._astral, index)

    def to_code_point(self, position: int) -> int:
        return position - bisect.bisect_left(self._utf16_astral, position)
