"""全停止 is visible on every screen of the main window until resumed, not only on the incident desk."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from core.audit.events import changes_for_events
from core.services.incidents import IncidentService
from gui.changes import announce
from gui.main_window import MainWindow
from tests.support.gui import wait_for_operations


def test_the_status_bar_shows_the_pause_until_resumed(qtbot: QtBot, window: MainWindow) -> None:
    assert window.session is not None
    desk = window.session.service(IncidentService)
    assert not window.pause_label.isVisible()
    desk.pause_all("大規模地震")
    announce(changes_for_events([("organization.paused", None)]))
    wait_for_operations(qtbot, window.pause_label.isVisible)
    assert "全停止" in window.pause_label.text()
    assert window.pause_label.toolTip() == "大規模地震"
    desk.resume_all("収束")
    announce(changes_for_events([("organization.resumed", None)]))
    wait_for_operations(qtbot, lambda: not window.pause_label.isVisible())
