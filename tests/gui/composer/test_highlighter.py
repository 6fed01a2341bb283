"""Underlines stay on their words while the text moves, and drawing them never touches the document."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QPlainTextEdit
from pytestqt.qtbot import QtBot

from gui.composer.highlighter import FindingUnderlines

WAVE = QTextCharFormat.UnderlineStyle.WaveUnderline


def drawn(editor: QPlainTextEdit) -> list[tuple[int, int, str]]:
    """The wavy underlines Qt will paint, with their colour."""
    return [
        (s.cursor.selectionStart(), s.cursor.selectionEnd(), s.format.underlineColor().name())
        for s in editor.extraSelections()
        if s.format.underlineStyle() == WAVE
    ]


def make_editor(qtbot: QtBot, text: str) -> QPlainTextEdit:
    editor = QPlainTextEdit()
    qtbot.addWidget(editor)
    editor.setPlainText(text)
    return editor


def test_underlines_follow_their_words_when_a_line_is_added_above(qtbot: QtBot) -> None:
    text = "一行目\n" + "\n".join(f"{n}行目 bit.ly/x{n}" for n in range(2, 200))
    editor = make_editor(qtbot, text)
    underlines = FindingUnderlines(editor)
    start = text.index("bit.ly/x150")
    underlines.set_spans([(start, start + len("bit.ly/x150"), "block")])

    cursor = QTextCursor(editor.document())
    cursor.setPosition(0)
    editor.setTextCursor(cursor)
    qtbot.keyClick(editor, Qt.Key.Key_Return)

    ((moved_start, moved_end, _colour),) = drawn(editor)
    assert editor.toPlainText()[moved_start:moved_end] == "bit.ly/x150"
    assert underlines.spans() == [(start + 1, start + 1 + len("bit.ly/x150"), "block")]


def test_setting_underlines_never_emits_text_changed(qtbot: QtBot) -> None:
    text = "\n".join(f"{n}: https://example.com/{n}" for n in range(2000))
    editor = make_editor(qtbot, text)
    underlines = FindingUnderlines(editor)
    emitted: list[int] = []
    editor.textChanged.connect(lambda: emitted.append(1))
    editor.document().contentsChange.connect(lambda *_a: emitted.append(2))

    spans = [(m, m + 10, "warn") for m in range(0, len(text) - 10, 40)]
    assert underlines.set_spans(spans) == len(spans)
    assert underlines.set_spans(spans) == 0  # the same result again changes nothing
    assert underlines.set_spans(spans[1:]) == 1
    assert emitted == []


def test_the_most_severe_underline_is_drawn_last(qtbot: QtBot) -> None:
    editor = make_editor(qtbot, "abcdefghij")
    FindingUnderlines(editor).set_spans([(0, 5, "block"), (2, 8, "warn"), (1, 3, "confirm")])
    colours = [c for _s, _e, c in drawn(editor)]
    assert colours == ["#1565c0", "#a14a00", "#c62828"]  # warn, confirm, block (palette order)


def test_spans_beyond_the_end_are_clamped_and_empty_ones_dropped(qtbot: QtBot) -> None:
    editor = make_editor(qtbot, "short")
    underlines = FindingUnderlines(editor)
    underlines.set_spans([(2, 50, "warn"), (3, 3, "block")])
    assert drawn(editor) == [(2, 5, "#1565c0")]


def test_one_enter_in_a_long_composer_draft_is_one_text_change(qtbot: QtBot) -> None:
    """The freeze of issue 22: re-highlighting used to emit textChanged once per block below the edit."""
    text = "".join(f"{n}行目 https://example.com/{n}\n" for n in range(3000))
    editor = make_editor(qtbot, text)
    underlines = FindingUnderlines(editor)
    underlines.set_spans([(m, m + 8, "warn") for m in range(0, len(text) - 8, 30)])
    changes: list[int] = []
    editor.textChanged.connect(lambda: changes.append(1))
    editor.moveCursor(QTextCursor.MoveOperation.Start)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert changes == [1]
