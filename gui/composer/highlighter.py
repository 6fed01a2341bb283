"""Underlines for findings, coloured by severity, re-drawn only in blocks that changed.

A :class:`~PySide6.QtGui.QSyntaxHighlighter` formats one block (paragraph) at
a time. On every new check result only the blocks whose underlines differ are
re-highlighted, which keeps the UI thread's work per keystroke small on long
drafts (see ``tests/bench/bench_composer.py``).
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QObject
from PySide6.QtGui import QColor, QSyntaxHighlighter, QTextCharFormat, QTextDocument

from gui.widgets.palette import SEVERITY_COLOURS

SEVERITY_RANK = {"block": 2, "confirm": 1, "warn": 0}

Span = tuple[int, int, str]  # start and length inside the block (UTF-16), severity


class FindingHighlighter(QSyntaxHighlighter):
    def __init__(self, document: QTextDocument, parent: QObject | None = None) -> None:
        super().__init__(parent or document)
        self.setDocument(document)
        self._spans: dict[int, tuple[Span, ...]] = {}
        self._formats: dict[str, QTextCharFormat] = {}
        for severity, colour in SEVERITY_COLOURS.items():
            fmt = QTextCharFormat()
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
            fmt.setUnderlineColor(QColor(colour))
            if severity == "block":
                fmt.setBackground(QColor("#fdecea"))
            self._formats[severity] = fmt

    def set_spans(self, spans: Iterable[tuple[int, int, str]]) -> int:
        """Underline ``(start, end, severity)`` document ranges; return how many blocks were redrawn."""
        document = self.document()
        new: dict[int, list[Span]] = {}
        for start, end, severity in sorted(spans, key=lambda s: SEVERITY_RANK.get(s[2], 0)):
            block = document.findBlock(start)
            while block.isValid() and block.position() < end:
                begin = max(start, block.position()) - block.position()
                stop = min(end, block.position() + block.length() - 1) - block.position()
                if stop > begin:
                    new.setdefault(block.blockNumber(), []).append((begin, stop - begin, severity))
                block = block.next()
        frozen = {number: tuple(items) for number, items in new.items()}
        changed = {n for n in frozen.keys() | self._spans.keys() if frozen.get(n) != self._spans.get(n)}
        self._spans = frozen
        for number in sorted(changed):
            block = document.findBlockByNumber(number)
            if block.isValid():
                self.rehighlightBlock(block)
        return len(changed)

    def spans_in_block(self, number: int) -> tuple[Span, ...]:
        return self._spans.get(number, ())

    def highlightBlock(self, text: str) -> None:
        for start, length, severity in self._spans.get(self.currentBlock().blockNumber(), ()):
            self.setFormat(start, length, self._formats[severity])
