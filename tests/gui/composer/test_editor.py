"""The post editor underlines a result a turn after it arrives, drops a stale one, redraws none that only moved."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from core.checks.model import Severity
from core.composer.findings import FindingRecord
from gui.composer.editor import PostEditor

LINES = [f"{n}行目のお知らせ、詳細は bit.ly/x{n}y をご覧ください。" for n in range(1, 31)]
TEXT = "\n".join(LINES)


def records_for(text: str) -> list[FindingRecord]:
    """One shortener finding per line, where its word stands in ``text`` (as the checks would report)."""
    found = []
    for n in range(1, 31):
        word = f"bit.ly/x{n}y"
        start = text.index(word)
        found.append(
            FindingRecord(
                key=f"link.shortener|{word}",
                rule="link.shortener",
                severity=Severity.BLOCK,
                clause="wako:5-ア",
                start=start,
                end=start + len(word),
                media_index=None,
                message_ja="短縮URL",
                message_en="Shortened link",
            )
        )
    return found


def underlined(editor: PostEditor) -> list[str]:
    text = editor.toPlainText()
    return [text[s.cursor.selectionStart() : s.cursor.selectionEnd()] for s in editor.extraSelections()]


def make_editor(qtbot: QtBot) -> PostEditor:
    editor = PostEditor()
    qtbot.addWidget(editor)
    editor.setPlainText(TEXT)
    return editor


def enter_at_top(editor: PostEditor) -> None:
    cursor = editor.textCursor()
    cursor.setPosition(0)
    editor.setTextCursor(cursor)
    QTest.keyClick(editor, Qt.Key.Key_Return)


def calls(monkeypatch: pytest.MonkeyPatch, owner: object, name: str) -> list[Any]:
    """Record every call of ``owner.name`` (still calling it)."""
    seen: list[Any] = []
    original: Callable[..., Any] = getattr(owner, name)

    def spy(*args: Any) -> Any:
        seen.append(args)
        return original(*args)

    monkeypatch.setattr(owner, name, spy)
    return seen


def test_a_result_is_underlined_in_the_next_turn_not_the_one_it_arrives_in(qtbot: QtBot) -> None:
    editor = make_editor(qtbot)
    editor.set_findings_soon(TEXT, records_for(TEXT))
    assert editor.extraSelections() == []
    assert editor.findings_due
    qtbot.waitUntil(lambda: not editor.findings_due)
    assert underlined(editor) == [f"bit.ly/x{n}y" for n in range(1, 31)]


def test_a_result_waiting_for_its_turn_is_dropped_when_the_text_is_edited_before_it(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    editor = make_editor(qtbot)
    editor.set_findings(TEXT, records_for(TEXT))
    editor.set_findings_soon(TEXT, records_for(TEXT)[:-1])  # the last finding fixed, in this result
    enter_at_top(editor)
    applied = calls(monkeypatch, editor.underlines, "set_spans")
    qtbot.waitUntil(lambda: not editor.findings_due)
    QApplication.processEvents()
    assert applied == []
    # The underlines shown moved with the new line: every one still on its word, none at the old positions.
    assert sorted(underlined(editor)) == sorted(f"bit.ly/x{n}y" for n in range(1, 31))


def test_findings_that_only_moved_with_the_text_redraw_no_underline(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    editor = make_editor(qtbot)
    assert editor.set_findings(TEXT, records_for(TEXT)) == 30
    enter_at_top(editor)
    moved_text = editor.toPlainText()
    assert moved_text == "\n" + TEXT
    spans = calls(monkeypatch, editor.underlines, "set_spans")
    drawn = calls(monkeypatch, editor, "setExtraSelections")
    new = records_for(moved_text)
    assert editor.set_findings(moved_text, new) == 0
    assert spans == []
    assert drawn == []
    # The new records are the ones the panel and the tooltips find, where their words are.
    word = moved_text.index("bit.ly/x20y")
    assert editor.where(new[19]) == (word, word + len("bit.ly/x20y"))
    assert editor.findings_at(word + 1) == [new[19]]


def test_a_finding_that_changed_is_drawn_again(qtbot: QtBot) -> None:
    editor = make_editor(qtbot)
    editor.set_findings(TEXT, records_for(TEXT))
    cursor = QTextCursor(editor.document())
    cursor.setPosition(len(TEXT))
    cursor.insertText("\n31行目 bit.ly/x31y")
    text = editor.toPlainText()
    start = text.index("bit.ly/x31y")
    first = records_for(text)
    added = replace(first[0], key="link.shortener|bit.ly/x31y", start=start, end=start + len("bit.ly/x31y"))
    assert editor.set_findings(text, [*first, added]) == 1
    assert "bit.ly/x31y" in underlined(editor)
