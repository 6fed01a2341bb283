"""Edits in 設定 survive other desks' changes, and closing the window asks before losing them."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from core.services.organization import load_profile
from gui.main_window import MainWindow
from gui.screens.settings.screen import SettingsScreen


@pytest.fixture
def window(window: MainWindow) -> Iterator[MainWindow]:
    """The main window with its real unsaved-changes check (the shared fixture turns it off)."""
    del window.unsaved_changes
    yield window
    window.unsaved_changes = lambda: []  # type: ignore[method-assign]


def _settings(window: MainWindow) -> SettingsScreen:
    window.show_screen(5)
    screen = window.screens[5][1]
    assert isinstance(screen, SettingsScreen)
    return screen


def test_a_change_elsewhere_does_not_wipe_the_form_being_edited(window: MainWindow) -> None:
    screen = _settings(window)
    screen.org_name.setText("和光市")
    screen.approval.post_hours.setValue(12)
    window.session.data_changed.emit()  # e.g. another operator's autosave
    assert screen.org_name.text() == "和光市"
    assert screen.approval.post_hours.value() == 12
    assert set(screen.unsaved_changes()) == {"Organization", "Approval"}
    screen.save_profile_button.click()
    assert load_profile(window.session.store).name == "和光市"
    assert screen.unsaved_changes() == ["Approval"]
    screen.approval.save_policy()
    assert screen.unsaved_changes() == []
    assert screen.approval.post_hours.value() == 12


def _close_answering(window: MainWindow, monkeypatch: pytest.MonkeyPatch, discard: bool) -> tuple[bool, list[str]]:
    asked: list[str] = []

    def exec_(box: QMessageBox) -> int:
        asked.append(box.text())
        target = next((b for b in box.buttons() if box.buttonRole(b) is QMessageBox.ButtonRole.DestructiveRole), None)
        chosen = target if discard else box.button(QMessageBox.StandardButton.Cancel)
        monkeypatch.setattr(box, "clickedButton", lambda: chosen)
        return 0

    monkeypatch.setattr(QMessageBox, "exec", exec_)
    event = QCloseEvent()
    window.closeEvent(event)
    return event.isAccepted(), asked


def test_closing_with_unsaved_settings_asks_first(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    screen = _settings(window)
    screen.org_name.setText("和光市")
    accepted, asked = _close_answering(window, monkeypatch, discard=False)
    assert not accepted
    assert "Organization" in asked[0]
    accepted, _ = _close_answering(window, monkeypatch, discard=True)
    assert accepted


def test_closing_with_nothing_unsaved_does_not_ask(window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    _settings(window)
    monkeypatch.setattr(QMessageBox, "exec", lambda box: pytest.fail("asked without reason"))
    event = QCloseEvent()
    window.closeEvent(event)
    assert event.isAccepted()
