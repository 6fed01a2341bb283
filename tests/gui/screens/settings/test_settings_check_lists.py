"""設定 → 組織: the lists the checks read (issue 19) are edited, saved, audited and shown again."""

from __future__ import annotations

import json
import os

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget
from pytestqt.qtbot import QtBot

from core.services.audit_log import query_audit
from core.services.organization import load_profile
from gui.main_window import MainWindow
from gui.screens.settings.screen import SettingsScreen
from tests.support.gui import screen_of, wait_for_operations


def _settings(window: MainWindow) -> SettingsScreen:
    window.show_screen(5)
    screen = screen_of(window, 5)
    assert isinstance(screen, SettingsScreen)
    screen.tabs.setCurrentIndex(0)
    return screen


def _label_for(screen: SettingsScreen, widget: QWidget) -> QLabel:
    return next(label for label in screen.findChildren(QLabel) if label.buddy() is widget)


def test_the_check_lists_are_saved_and_shown_again(window: MainWindow, qtbot: QtBot) -> None:
    screen = _settings(window)
    screen.partner_contacts.setPlainText("朝霞警察署 048-465-0110\n東京電力 0120-995-007")
    screen.own_channels.setPlainText("https://www.youtube.com/@wakocity")
    screen.place_names.setPlainText("新倉\n白子\n新倉")
    screen.officials.setPlainText("市長 柴﨑光子")
    assert screen.profile_dirty
    assert "Organization" in screen.unsaved_changes()
    screen.save_profile_button.click()
    wait_for_operations(qtbot, lambda: not screen.saving_profile)
    profile = load_profile(window.session.store)
    assert profile.partner_contacts == ("朝霞警察署 048-465-0110", "東京電力 0120-995-007")
    assert profile.own_channels == ("https://www.youtube.com/@wakocity",)
    assert profile.place_names == ("新倉", "白子")  # duplicates dropped
    assert profile.officials == ("市長 柴﨑光子",)
    assert not screen.profile_dirty
    assert screen.place_names.toPlainText() == "新倉\n白子"
    entry = query_audit(window.session.store, event_prefix="organization.updated", limit=1)[0]
    assert set(json.loads(entry.payload)["changes"]) >= {"partner_contacts", "own_channels", "place_names", "officials"}
    if os.environ.get("KOHOGATE_SCREENSHOT_DIR"):
        window.resize(1280, 900)
        screen.grab().save(os.path.join(os.environ["KOHOGATE_SCREENSHOT_DIR"], "settings-check-lists.png"))


def test_the_lists_are_labelled_reachable_and_read_only_for_others(window: MainWindow, qtbot: QtBot) -> None:
    screen = _settings(window)
    window.activateWindow()
    qtbot.waitActive(window)
    for widget, key in (
        (screen.partner_contacts, Qt.Key.Key_C),
        (screen.own_channels, Qt.Key.Key_L),
        (screen.place_names, Qt.Key.Key_M),
        (screen.officials, Qt.Key.Key_O),
    ):
        assert _label_for(screen, widget).text()
        assert widget.accessibleName()
        qtbot.keyClick(window.focusWidget() or window, key, Qt.KeyboardModifier.AltModifier)
        assert widget.hasFocus()
