"""The message door: every kind of message goes through one function, redacted once."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from core.errors import PermissionDenied
from core.runtime.logging_setup import register_secret
from gui import crash
from gui import messages as door
from gui.messages import Kind, Message
from tests.support.gui import MessageRecorder


def test_each_function_sends_its_kind_and_questions_return_the_answer(messages: MessageRecorder) -> None:
    messages.answer(True, False, True)
    door.warning(None, "T", "warned")
    door.info(None, "T", "told", detail="more")
    assert door.ask(None, "T", "sure?", accept="&Save")
    assert not door.confirm_discard(None, "T", "lose it?")
    assert door.confirm_irreversible(None, "T", "cannot undo", accept="&Reset key")
    door.show_error(None, PermissionDenied("not yours"))
    assert [m.kind for m in messages.shown] == [
        Kind.WARNING,
        Kind.INFO,
        Kind.ASK,
        Kind.DISCARD,
        Kind.IRREVERSIBLE,
        Kind.ERROR,
    ]
    assert messages.shown[2].accept == "&Save"
    assert messages.shown[3].accept  # a discard button always says what it does
    assert messages.shown[-1].text == "not yours"


def test_secrets_are_redacted_in_the_door_whatever_the_caller_passes(messages: MessageRecorder) -> None:
    register_secret("CANARY-door-secret-5521")
    messages.answer(True)
    door.ask(
        None,
        "token CANARY-door-secret-5521",
        "postgresql://koho:hunter22@db/koho",
        informative="CANARY-door-secret-5521",
    )
    door.show_error(None, PermissionDenied("refused for CANARY-door-secret-5521"))
    everything = " ".join(f"{m.title} {m.text} {m.informative} {m.detail}" for m in messages.shown)
    assert "CANARY-door-secret-5521" not in everything
    assert "hunter22" not in everything
    assert "***" in everything


def test_a_bug_given_to_show_error_goes_to_the_crash_dialog(
    messages: MessageRecorder, monkeypatch: pytest.MonkeyPatch
) -> None:
    crashes: list[BaseException] = []
    monkeypatch.setattr(crash, "report_exception", crashes.append)
    door.show_error(None, KeyError("bug"))
    assert [type(e) for e in crashes] == [KeyError]
    assert messages.shown == []


def test_an_unscripted_question_fails_the_test_instead_of_hanging(messages: MessageRecorder) -> None:
    with pytest.raises(pytest.fail.Exception, match="unexpected question"):
        door.ask(None, "T", "really?")


def test_the_qt_door_defaults_to_the_safe_answer(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    seen: list[tuple[str, str, bool]] = []

    def exec_(box: QMessageBox) -> int:
        default = box.defaultButton()
        seen.append((box.objectName(), box.text(), default is box.button(QMessageBox.StandardButton.Cancel)))
        monkeypatch.setattr(box, "clickedButton", lambda: default)  # the person pressed Enter
        return 0

    monkeypatch.setattr(QMessageBox, "exec", exec_)
    answer = door.qt_door(parent, Message(Kind.DISCARD, "T", "lose it?", accept="&Discard", name="x"))
    assert answer is False
    assert seen == [("x", "lose it?", True)]
    assert door.qt_door(parent, Message(Kind.INFO, "T", "noted")) is True


def test_the_qt_door_shows_html_as_text(qtbot: object, monkeypatch: pytest.MonkeyPatch) -> None:
    """QMessageBox renders rich text and follows links: the door forces plain text."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QMessageBox

    from gui import messages as door

    seen: list[Qt.TextFormat] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: seen.append(box.textFormat()) or 0)
    door.qt_door(None, door.Message(door.Kind.ERROR, "t", "<a href='file:///calc.exe'>x</a>"))
    assert seen == [Qt.TextFormat.PlainText]
