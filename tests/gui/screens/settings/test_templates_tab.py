"""設定 → 定型文: the administrator adds the starter set, writes a template (checked on saving) and retires one."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from core.services.templates import list_templates
from core.templates.starter import starter_templates
from gui.main_window import MainWindow
from gui.screens.settings.screen import SettingsScreen
from gui.screens.settings.templates_tab import TemplatesTab
from tests.support.gui import MessageRecorder, screen_of, wait_for_operations
from tests.support.keyboard import clashes


def _tab(window: MainWindow) -> TemplatesTab:
    window.show_screen(5)
    screen = screen_of(window, 5)
    assert isinstance(screen, SettingsScreen)
    screen.show_tab(screen.templates)
    return screen.templates


def test_the_administrator_manages_the_library(qtbot: QtBot, window: MainWindow, messages: MessageRecorder) -> None:
    tab = _tab(window)
    assert tab.starter_button.isEnabled()
    tab.starter_button.click()
    wait_for_operations(qtbot, lambda: "8 starter templates added" in tab.result.text())
    wait_for_operations(qtbot)  # the screen's re-read after the change keeps the message
    assert "8 starter templates added" in tab.result.text()
    assert tab.model.rowCount() == len(starter_templates()) == 8
    assert clashes(window) == {}

    tab.new_button.click()
    tab.name.setText("短縮リンク")
    tab.title.setText("{date} のお知らせ")
    tab.text.setPlainText("{date} 詳しくは https://bit.ly/3xYz をご覧ください")
    tab.save_button.click()
    wait_for_operations(qtbot, lambda: "cannot be saved" in tab.result.text())
    assert "wako:5-ア" in tab.result.text()
    assert len(list_templates(window.session.store)) == len(starter_templates())  # refused: nothing added

    tab.text.setPlainText("{date} 詳しくは https://www.city.mihon.lg.jp/ をご覧ください")
    tab.save_button.click()
    wait_for_operations(qtbot, lambda: tab.result.text().startswith("Saved"))
    assert tab.editing is not None
    assert tab.editing.content.name == "短縮リンク"
    window.resize(1366, 698)
    tab.grab().save("/tmp/kohogate_templates_tab.png")

    messages.answer(True)
    tab.retire_button.click()
    wait_for_operations(qtbot, lambda: tab.model.rowCount() == len(starter_templates()))
    assert all(t.content.name != "短縮リンク" for t in list_templates(window.session.store))
