"""The post's text editor: findings underlined, tooltips with message and clause.

Spans come in code points (the checks' unit) and are mapped to UTF-16 document
positions here. Undo/redo are the editor's own (``QPlainTextEdit``).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent
from PySide6.QtGui import QHelpEvent, QTextCursor
from PySide6.QtWidgets import QPlainTextEdit, QToolTip, QWidget

from core.composer.findings import FindingRecord
from core.i18n import current_language
from gui.composer.highlighter import FindingUnderlines
from gui.composer.text_positions import Utf16Map
from gui.i18n import translator

tr = translator("Composer")


class PostEditor(QPlainTextEdit):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(tr("Post text"))
        self.setTabChangesFocus(True)  # Tab moves on; a post has no use for tab characters
        self.underlines = FindingUnderlines(self)
        self._records: Sequence[FindingRecord] = ()
        self._map = Utf16Map("")

    def set_findings(self, text: str, records: Sequence[FindingRecord]) -> int:
        """Underline the text findings of ``records`` (computed for ``text``); return underlines changed."""
        self._records = records
        self._map = Utf16Map(text)
        spans = [
            (self._map.to_utf16(span[0]), self._map.to_utf16(span[1]), r.severity.value)
            for r in records
            if (span := r.span) is not None
        ]
        return self.underlines.set_spans(spans)

    def select_span(self, start: int, end: int) -> None:
        """Select ``[start, end)`` (code points) and show it."""
        cursor = self.textCursor()
        cursor.setPosition(self._map.to_utf16(start))
        cursor.setPosition(self._map.to_utf16(end), QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)
        self.ensureCursorVisible()
        self.setFocus()

    def findings_at(self, position: int) -> list[FindingRecord]:
        """The findings covering document position ``position`` (UTF-16)."""
        point = self._map.to_code_point(position)
        return [
            r for r in self._records if (span := r.span) is not None and span[0] <= point < max(span[1], span[0] + 1)
        ]

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            cursor = self.cursorForPosition(self.viewport().mapFrom(self, event.pos()))
            found = self.findings_at(cursor.position())
            if found:
                QToolTip.showText(event.globalPos(), tooltip_text(found), self)
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().event(event)


def tooltip_text(records: Sequence[FindingRecord]) -> str:
    """Message and clause of each finding, one paragraph each, in the UI language."""
    lang = current_language()
    return "\n\n".join(f"{r.message(lang)}\n[{r.clause}]" for r in records)
