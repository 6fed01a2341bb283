"""The fonts a printed record is set in: named Japanese families, never Qt's per-glyph fallback.

Left to itself, QTextDocument lays Japanese out in the default (Latin) font
and lets Qt substitute a CJK font glyph by glyph. What that substitution
picks depends on the state of Qt's process-wide font caches, so the same
record could come out with the Japanese embedded as unmapped glyphs (text
that extracts as NUL characters — useless for a filed, searchable record).
Naming a family that has Japanese glyphs for the whole document leaves no
glyph to substitute.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QFont, QFontDatabase

from core.errors import EnvironmentProblem
from gui.i18n import translator

tr = translator("RecordFonts")

# Families with Japanese glyphs, most usual first: Windows, macOS, then Linux distributions.
PROPORTIONAL = ("Yu Gothic", "Meiryo", "Hiragino Sans", "Noto Sans CJK JP", "Noto Sans JP", "IPAexGothic", "IPAPGothic")
MONOSPACED = ("MS Gothic", "Osaka-Mono", "Noto Sans Mono CJK JP", "IPAGothic", "TakaoGothic")


@dataclass(frozen=True)
class RecordFonts:
    text: str
    mono: str

    def base_font(self, point_size: float) -> QFont:
        font = QFont(self.text)
        font.setPointSizeF(point_size)
        return font


def _first_available(preferred: tuple[str, ...], available: list[str]) -> str | None:
    return next((family for family in preferred if family in available), None)


def record_fonts() -> RecordFonts:
    """The families a record is printed in; refuses when no installed font can show Japanese."""
    available = QFontDatabase.families(QFontDatabase.WritingSystem.Japanese)
    text = _first_available(PROPORTIONAL, available) or (available[0] if available else None)
    if text is None:
        raise EnvironmentProblem(
            tr("No Japanese font is installed, so the record cannot be printed."),
            hint=tr("Install a Japanese font (for example Noto Sans CJK JP) and try again."),
        )
    mono = _first_available(MONOSPACED, available) or text
    return RecordFonts(text=text, mono=mono)
