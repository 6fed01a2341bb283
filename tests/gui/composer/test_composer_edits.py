"""Underlines, the findings panel and the go-to-finding stay on the flagged words through edits above them."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QTextCursor
from pytestqt.qtbot import QtBot

from core.runtime.bootstrap import Environment
from core.services.drafts import DraftService
from gui.composer.window import ComposerWindow
from gui.session import AppSession
from tests.gui.composer.test_composer_window import settle, underlined_spans
from tests.support.gui import composer_window
from tests.support.world import World

LINES = [f"{n}行目のお知らせ、詳細は bit.ly/x{n}y をご覧ください。" for n in range(1, 41)]
TEXT = "\n".join(LINES)
WORDS = [f"bit.ly/x{n}y" for n in range(1, 41)]


@pytest.fixture
def composer(qtbot: QtBot, sqlite_env: Environment) -> Iterator[ComposerWindow]:
    world = World(sqlite_env)
    draft_id = DraftService(world.store, world.op1).create(world.account, TEXT, title="図書館のお知らせ")
    window = composer_window(AppSession(world.env, world.op1), draft_id)
    qtbot.addWidget(window)
    window.show()
    settle(qtbot, window)
    yield window
    window.flush()


def underlined_words(window: ComposerWindow) -> list[str]:
    """The underlined text Qt paints (an underline whose text was deleted is empty and paints nothing),
    leaving out the one over-the-limit underline that runs to the end of the post."""
    text = window.text()
    return sorted(
        text[start : start + length]
        for start, length in underlined_spans(window)
        if length and not (start + length == len(text) and length > 40)
    )


def shorteners_as_found(window: ComposerWindow) -> list[str]:
    assert window.gate is not None
    text = window.text()
    return sorted(
        text[r.start : r.end] for r in window.gate.records if r.rule == "link.shortener" and r.start is not None
    )


def at(window: ComposerWindow, position: int) -> None:
    cursor = window.editor.textCursor()
    cursor.setPosition(position)
    window.editor.setTextCursor(cursor)


def assert_on_their_words(qtbot: QtBot, window: ComposerWindow, words: list[str]) -> None:
    # Before the next check result: the underlines moved with the text.
    assert window.checker.pending
    assert underlined_words(window) == sorted(words)
    # After it: still on the words, and the findings panel lists the same findings as the gate.
    settle(qtbot, window)
    assert underlined_words(window) == sorted(words)
    assert shorteners_as_found(window) == sorted(words)
    model = window.findings.model
    assert [model.record(row) for row in range(model.rowCount())] == list(window.gate.records)


def test_underlines_stay_on_their_words_after_enter_at_the_top(qtbot: QtBot, composer: ComposerWindow) -> None:
    assert underlined_words(composer) == sorted(WORDS)
    at(composer, 0)
    qtbot.keyClick(composer.editor, Qt.Key.Key_Return)
    qtbot.keyClick(composer.editor, Qt.Key.Key_Return)
    assert composer.text().startswith("\n\n1行目")
    assert_on_their_words(qtbot, composer, WORDS)


def test_underlines_stay_on_their_words_after_a_paste_above_them(qtbot: QtBot, composer: ComposerWindow) -> None:
    QGuiApplication.clipboard().setText("【追記】会場は中央公園です。\n雨天時は体育館です。\n")
    at(composer, composer.text().index(LINES[10]))
    composer.editor.paste()
    assert "【追記】" in composer.text()
    assert_on_their_words(qtbot, composer, WORDS)


def test_underlines_stay_on_their_words_after_a_line_above_is_deleted(qtbot: QtBot, composer: ComposerWindow) -> None:
    cursor = composer.editor.textCursor()
    start = composer.text().index(LINES[4])
    cursor.setPosition(start)
    cursor.setPosition(start + len(LINES[4]) + 1, QTextCursor.MoveMode.KeepAnchor)
    composer.editor.setTextCursor(cursor)
    qtbot.keyClick(composer.editor, Qt.Key.Key_Delete)
    assert LINES[4] not in composer.text()
    # The deleted line's underline went with it; every other one is still on its word.
    assert_on_their_words(qtbot, composer, [w for w in WORDS if w != "bit.ly/x5y"])


def test_choosing_a_finding_before_the_recheck_selects_its_word_where_it_is_now(
    qtbot: QtBot, composer: ComposerWindow
) -> None:
    model = composer.findings.model
    row = next(r for r in range(model.rowCount()) if model.record(r).key.endswith("bit.ly/x30y"))
    at(composer, 0)
    qtbot.keyClick(composer.editor, Qt.Key.Key_Return)
    composer.editor.insertPlainText("追加した一行目")
    assert composer.checker.pending
    composer.findings._chosen(model.index(row, 0))
    assert composer.editor.textCursor().selectedText() == "bit.ly/x30y"
    # The tooltip lookup reads the same moved position.
    position = composer.text().index("bit.ly/x30y")
    assert "link.shortener" in [r.rule for r in composer.editor.findings_at(position + 2)]
    assert "link.shortener" not in [r.rule for r in composer.editor.findings_at(position - 2)]


def test_a_result_is_listed_in_the_turn_it_arrives_and_underlined_in_the_next(
    qtbot: QtBot, composer: ComposerWindow
) -> None:
    seen: list[tuple[list[str], list[str]]] = []

    def as_it_arrives(_gate: object) -> None:  # connected after the window's own slot: runs right after it
        model = composer.findings.model
        seen.append(([model.record(row).key for row in range(model.rowCount())], underlined_words(composer)))

    composer.checker.checked.connect(as_it_arrives)
    at(composer, len(composer.text()))
    composer.editor.insertPlainText("\n41行目、詳細は bit.ly/x41y をご覧ください。")
    settle(qtbot, composer)
    # The first result that lists the new finding: its underline was not yet drawn in that turn.
    drawn = next(drawn for listed, drawn in seen if "link.shortener|bit.ly/x41y" in listed)
    assert "bit.ly/x41y" not in drawn
    assert underlined_words(composer) == sorted([*WORDS, "bit.ly/x41y"])


def test_editing_the_title_leaves_the_underlines_where_the_text_moved_them(
    qtbot: QtBot, composer: ComposerWindow
) -> None:
    at(composer, 0)
    qtbot.keyClick(composer.editor, Qt.Key.Key_Return)
    qtbot.keyClicks(composer.title, " v2")
    qtbot.waitUntil(lambda: not composer.editor.findings_due)
    qtbot.wait(20)
    # Still before the next check result: the old result's spans would sit one character early.
    assert composer.checker.pending
    assert underlined_words(composer) == sorted(WORDS)
    assert_on_their_words(qtbot, composer, WORDS)
