"""Labels that show data as text.

A QLabel's default format guesses: text that looks like HTML is rendered as
HTML, links and ``<img src="file:…">`` included. Names, comments, reasons,
URLs and a platform's answers come from people and platforms, so a label
showing any of them is made plain with :func:`plain`.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel


def plain(label: QLabel) -> QLabel:
    """``label``, set to show its text as text, never as HTML."""
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label
