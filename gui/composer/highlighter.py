"""Underlines for findings, coloured by severity, anchored to text positions that move with edits.

Each underline is an *extra selection* of the editor: a ``QTextCursor`` over
the finding's range plus a format. Qt moves every cursor when text is
inserted or removed before it, so pressing Enter at the top of a long draft
shifts the underlines below for free — nothing is recomputed and nothing is
re-highlighted until the next check result arrives.

Why not a ``QSyntaxHighlighter``: it stores formats per block, so one new
line renumbers every block below; re-highlighting them marks the document
changed and emits ``textChanged`` once per block, and a 50,000-character
draft then froze the UI thread for a quarter of a second per Enter. Extra
selections only repaint the viewport and never touch the document.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QPlainTextEdit, QTextEdit

from gui.widgets.palette import SEVERITY_COLOURS

SEVERITY_RANK = {"block": 2, "confirm": 1, "warn": 0}

Span = tuple[int, int, str]  # document start and end (UTF-16), severity


class FindingUnderlines:
    """The underlines of one editor. ``set_spans`` replaces them; ``spans`` reads them back where they are now."""

    def __init__(self, editor: QPlainTextEdit) -> None:
        self._editor = editor
        self._shown: list[Span] = []
        self._selections: list[QTextEdit.ExtraSelection] = []
        self._cursors: list[QTextCursor] = []
        self._formats: dict[str, QTextCharFormat] = {}
        for severity, colour in SEVERITY_COLOURS.items():
            fmt = QTextCharFormat()
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
            fmt.setUnderlineColor(QColor(colour))
            if severity == "block":
                fmt.setBackground(QColor("#fdecea"))
            self._formats[severity] = fmt

    def set_spans(self, spans: Iterable[tuple[int, int, str]]) -> int:
        """Underline ``(start, end, severity)`` document ranges; return how many underlines changed.

        Painted lowest severity first, so where findings overlap the most
        severe one is drawn on top. Underlines already where a new result
        wants them keep their cursor: a result that differs in one finding
        (the common case while typing) builds one cursor, not hundreds.
        """
        # Sorting plain tuples compares in C; a key function costs a Python call per finding.
        ranked = sorted({(SEVERITY_RANK.get(s[2], 0), s[0], s[1], s[2]) for s in spans if s[1] > s[0]})
        wanted = [(start, end, severity) for _rank, start, end, severity in ranked]
        current = self.spans()
        if wanted == current:
            return 0
        kept = dict(zip(current, zip(self._selections, self._cursors, strict=True), strict=True))
        document = self._editor.document()
        last = max(0, document.characterCount() - 1)
        selections = []
        cursors = []
        for span in wanted:
            found = kept.get(span)
            if found is None:
                start, end, severity = span
                cursor = QTextCursor(document)
                cursor.setPosition(min(start, last))
                cursor.setPosition(min(end, last), QTextCursor.MoveMode.KeepAnchor)
                selection = QTextEdit.ExtraSelection()
                selection.cursor = cursor
                selection.format = self._formats.get(severity, self._formats["warn"])
                found = (selection, cursor)
            selections.append(found[0])
            cursors.append(found[1])
        self._selections = selections
        # The cursors share their position with the selections' copies (Qt's
        # cursors are implicitly shared and the document moves the shared
        # position), and reading them here avoids a wrapper copy per read.
        self._cursors = cursors
        self._shown = wanted
        self._editor.setExtraSelections(selections)
        return len(set(wanted) ^ set(current))

    def spans(self) -> list[Span]:
        """The underlines as they stand in the document now (moved by edits since they were set)."""
        return [
            (cursor.selectionStart(), cursor.selectionEnd(), shown[2])
            for cursor, shown in zip(self._cursors, self._shown, strict=True)
        ]

    def anchors(self) -> dict[Span, QTextCursor]:
        """Each underline's cursor (where it stands now), keyed by the span it was set for."""
        return dict(zip(self._shown, self._cursors, strict=True))
