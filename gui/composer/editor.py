"""The post's text editor: findings underlined, tooltips with message and clause.

Spans come in code points (the checks' unit) and are mapped to UTF-16 document
positions here. Undo/redo are the editor's own (``QPlainTextEdit``).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QTimer
from PySide6.QtGui import QHelpEvent, QTextCursor
from PySide6.QtWidgets import QPlainTextEdit, QToolTip, QWidget

from core.composer.findings import FindingRecord
from core.i18n import current_language
from gui.composer.highlighter import FindingUnderlines, Span
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
        self._anchored: list[tuple[FindingRecord, QTextCursor | None]] = []
        self._map = Utf16Map("")
        self._soon: tuple[str, Sequence[FindingRecord]] | None = None
        self._soon_timer = QTimer(self)
        self._soon_timer.setSingleShot(True)
        self._soon_timer.setInterval(0)
        self._soon_timer.timeout.connect(self._apply_soon)

    def set_findings_soon(self, text: str, records: Sequence[FindingRecord]) -> None:
        """:meth:`set_findings` in the next event-loop turn, unless the text is edited before it.

        The composer shows a long draft's result (the list, the counters) in
        the turn it arrives and the underlines in the next, so neither turn is
        long enough to hold up a key. An edit in between makes these spans
        stale; the checker checks the new text and its answer comes here
        again, while the underlines shown meanwhile have moved with the text.
        """
        self._soon = (text, records)
        self._soon_timer.start()

    @property
    def findings_due(self) -> bool:
        """A result is waiting for the next turn to be underlined."""
        return self._soon is not None

    def _apply_soon(self) -> None:
        due, self._soon = self._soon, None
        if due is not None and self.toPlainText() == due[0]:
            self.set_findings(*due)

    def set_findings(self, text: str, records: Sequence[FindingRecord]) -> int:
        """Underline the text findings of ``records`` (computed for ``text``); return underlines changed."""
        self._soon = None  # this result replaces one waiting for the next turn
        self._soon_timer.stop()
        self._map = Utf16Map(text)
        to_utf16 = (lambda i: i) if self._map.identity else self._map.to_utf16
        wanted = [
            (r, (to_utf16(span[0]), to_utf16(span[1]), r.severity.value))
            for r in records
            if (span := r.span) is not None
        ]
        if self._only_moved(wanted):
            # The same findings, where the underlines already moved with the
            # edits: nothing to draw again, only the records to pair anew.
            self._records = records
            self._anchored = [(r, c) for (r, _s), (_old, c) in zip(wanted, self._anchored, strict=True)]
            return 0
        changed = self.underlines.set_spans(s for _r, s in wanted)
        anchors = self.underlines.anchors()
        self._records = records
        # Each finding keeps the cursor of its underline, so the panel and the
        # tooltips find it where it is now, after edits made since the check.
        self._anchored = [(r, anchors.get(s)) for r, s in wanted]
        return changed

    def _only_moved(self, wanted: Sequence[tuple[FindingRecord, Span]]) -> bool:
        """``wanted`` are the findings underlined now, in order, each where its underline has moved to."""
        if len(wanted) != len(self._anchored):
            return False
        for (new, (start, end, _severity)), (old, cursor) in zip(wanted, self._anchored, strict=True):
            if new.key != old.key or new.severity is not old.severity:
                return False
            if cursor is None:
                if end > start:  # an empty span has no underline; this one needs one
                    return False
            elif cursor.selectionStart() != start or cursor.selectionEnd() != end:
                return False
        return True

    def where(self, record: FindingRecord) -> tuple[int, int] | None:
        """The document range (UTF-16) of ``record``'s text now, moved by the edits since it was found."""
        for candidate, cursor in self._anchored:
            if candidate is record or candidate == record:
                if cursor is not None:
                    return cursor.selectionStart(), cursor.selectionEnd()
                break
        span = record.span
        return None if span is None else (self._map.to_utf16(span[0]), self._map.to_utf16(span[1]))

    def select_finding(self, record: FindingRecord) -> None:
        """Select the text of ``record`` where it stands now, and show it."""
        found = self.where(record)
        if found is not None:
            self._select(*found)

    def select_span(self, start: int, end: int) -> None:
        """Select ``[start, end)`` (code points) and show it."""
        self._select(self._map.to_utf16(start), self._map.to_utf16(end))

    def _select(self, start: int, end: int) -> None:
        cursor = self.textCursor()
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)
        self.ensureCursorVisible()
        self.setFocus()

    def findings_at(self, position: int) -> list[FindingRecord]:
        """The findings covering document position ``position`` (UTF-16), where their text stands now."""
        found = []
        for record, cursor in self._anchored:
            if cursor is not None:
                if not cursor.hasSelection():
                    continue  # its text was deleted since the check
                start, end = cursor.selectionStart(), cursor.selectionEnd()
            else:  # an empty span has no underline: it stays where it was found
                span = record.span
                assert span is not None
                start, end = self._map.to_utf16(span[0]), self._map.to_utf16(span[1])
            if start <= position < max(end, start + 1):
                found.append(record)
        return found

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
