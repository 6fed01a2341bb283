"""設定 → Preferences: what the IT section's machine-wide configuration manages, shown read-only."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from core.runtime.machine_config import MACHINE_CONFIG_ENV, Setting
from gui.main_window import MainWindow
from gui.screens.settings.screen import SettingsScreen
from tests.support.gui import settle

IT_URL = "postgresql://kohogate_workstation@dbserver.city.local/kohogate"


def _preferences(window: MainWindow) -> SettingsScreen:
    # A fresh screen: the machine-wide configuration is read when the tab is built.
    screen = SettingsScreen(window.session)
    screen.tabs.setCurrentIndex(screen.tabs.count() - 1)
    return screen


def test_locked_and_default_settings_are_shown_read_only(
    window: MainWindow, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = tmp_path / "kohogate.toml"
    config.write_text(
        f'[locked]\ndatabase_url = "{IT_URL}"\nlanguage = "ja"\n[defaults]\npublish_window_minutes = 30\n',
        encoding="utf-8",
    )
    monkeypatch.setenv(MACHINE_CONFIG_ENV, str(config))
    screen = _preferences(window)
    qtbot.addWidget(screen)
    managed = screen.managed
    assert str(config) in managed.note.text()
    assert managed.fields[Setting.DATABASE_URL].text() == IT_URL
    assert managed.fields[Setting.PUBLISH_WINDOW].text() == "30"
    assert all(field.isReadOnly() for field in managed.fields.values())
    # The locked language: shown, and the user's choice disabled with a note.
    assert screen.language.currentData() == "ja"
    assert not screen.language.isEnabled()
    assert "locked by your IT section" in screen.language_note.text()
    screen.resize(900, 600)
    screen.show()
    qtbot.waitExposed(screen)
    settle()
    screen.grab().save(str(tmp_path / "managed.png"))


def test_without_a_file_nothing_is_managed(window: MainWindow, qtbot: QtBot) -> None:
    screen = _preferences(window)
    qtbot.addWidget(screen)
    assert "nothing is managed" in screen.managed.note.text()
    assert screen.managed.fields == {}
    assert screen.language.isEnabled()


def test_a_file_broken_since_start_up_is_reported_not_raised(
    window: MainWindow, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = tmp_path / "kohogate.toml"
    config.write_text("[locked]\ndatabase_url = 'postgresql://u:pw@db/x'\n", encoding="utf-8")
    monkeypatch.setenv(MACHINE_CONFIG_ENV, str(config))
    screen = _preferences(window)
    qtbot.addWidget(screen)
    assert "cannot be used" in screen.managed.note.text()
    assert "pw" not in screen.managed.note.text().replace("password", "")
    assert screen.language.isEnabled()
