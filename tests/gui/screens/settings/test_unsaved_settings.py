"""Edits in 設定 survive other desks' changes, and closing the window asks before losing them."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtGui import QCloseEvent
from pytestqt.qtbot import QtBot

from core.services.organization import load_profile
from gui.changes import Changes, announce
from gui.main_window import MainWindow
from gui.messages import Kind
from gui.screens.settings.screen import SettingsScreen
from tests.support.gui import MessageRecorder, screen_of, settle, wait_for_operations


@pytest.fixture
def window(window: MainWindow) -> Iterator[MainWindow]:
    """The main window with its real unsaved-changes check (the shared fixture turns it off)."""
    del window.unsaved_changes
    yield window
    window.unsaved_changes = lambda: []  # type: ignore[method-assign]


def _settings(window: MainWindow) -> SettingsScreen:
    window.show_screen(5)
    screen = screen_of(window, 5)
    assert isinstance(screen, SettingsScreen)
    return screen


def test_a_change_elsewhere_does_not_wipe_the_form_being_edited(window: MainWindow, qtbot: QtBot) -> None:
    screen = _settings(window)
    screen.org_name.setText("和光市")
    screen.approval.post_hours.setValue(12)
    announce(Changes.everything())  # e.g. a change from another workstation
    assert screen.org_name.text() == "和光市"
    assert screen.approval.post_hours.value() == 12
    assert set(screen.unsaved_changes()) == {"Organization", "Approval"}
    screen.save_profile_button.click()
    wait_for_operations(qtbot, lambda: not screen.saving_profile)
    assert load_profile(window.session.store).name == "和光市"
    assert screen.unsaved_changes() == ["Approval"]
    screen.approval.save_policy()
    wait_for_operations(qtbot, lambda: screen.approval.running == 0)
    assert screen.unsaved_changes() == []
    assert screen.approval.post_hours.value() == 12


def test_an_edit_begun_while_the_screen_reads_again_is_kept(window: MainWindow, messages: MessageRecorder) -> None:
    screen = _settings(window)
    announce(Changes.everything())  # a change elsewhere: the screen and its tabs read again …
    assert screen.loading
    screen.org_name.setText("和光市")  # … and meanwhile the person edits
    checks = screen.checks
    row = next(i for i in range(checks.model.rowCount()) if checks.model.row(i).id == "link.third_party")
    checks.table.selectRow(row)
    checks.severity.setCurrentIndex(checks.severity.findData("warn"))
    checks.severity.activated.emit(checks.severity.currentIndex())
    assert checks.dirty
    settle()
    assert not screen.loading
    assert screen.org_name.text() == "和光市"  # the answers came back to forms being edited: left alone
    assert checks.dirty
    assert set(screen.unsaved_changes()) == {"Organization", "Checks"}
    messages.answer(True)  # closing the window at the end asks about them: close without saving


def _close_answering(window: MainWindow, messages: MessageRecorder, discard: bool) -> tuple[bool, list[str]]:
    messages.answer(discard)
    event = QCloseEvent()
    window.closeEvent(event)
    return event.isAccepted(), [m.text for m in messages.of(Kind.DISCARD)]


def test_closing_with_unsaved_settings_asks_first(window: MainWindow, messages: MessageRecorder) -> None:
    screen = _settings(window)
    screen.org_name.setText("和光市")
    accepted, asked = _close_answering(window, messages, discard=False)
    assert not accepted
    assert "Organization" in asked[0]
    accepted, _ = _close_answering(window, messages, discard=True)
    assert accepted
    window.unsaved_changes = lambda: []  # type: ignore[method-assign]  # pytest-qt closes it again, unasked


def test_closing_with_nothing_unsaved_does_not_ask(window: MainWindow, messages: MessageRecorder) -> None:
    _settings(window)
    event = QCloseEvent()
    window.closeEvent(event)
    assert event.isAccepted()
    assert messages.shown == []
