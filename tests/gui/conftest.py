"""GUI fixtures shared by the screen tests."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from core.organization.identity import current_login
from core.runtime.bootstrap import Environment
from core.services.staff import find_by_login
from gui import messages as gui_messages
from gui.application import main_window_for
from gui.main_window import MainWindow
from gui.tasks import wait_for_tasks
from tests.support.gui import MessageRecorder


@pytest.fixture
def window(qtbot: QtBot, demo_env: Environment) -> Iterator[MainWindow]:
    """The main window over demo data, acting as the demo administrator (the OS login)."""
    me = find_by_login(demo_env.store, current_login())
    assert me is not None
    win = main_window_for(demo_env, me.id)
    # Tests leave forms half-edited, and pytest-qt closes the window before fixtures end: closing
    # must not stop on the "unsaved changes" question (tests/gui/screens/settings/test_unsaved_settings.py asks it).
    win.unsaved_changes = lambda: []  # type: ignore[method-assign]
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    # Ready when the status bar's first read (terminal, badge; off the UI thread) has come back.
    qtbot.waitUntil(lambda: win.status_reads == 0, timeout=20_000)
    yield win
    wait_for_tasks()


@pytest.fixture(autouse=True)
def messages(monkeypatch: pytest.MonkeyPatch) -> MessageRecorder:
    """Every GUI test runs with the door replaced: no modal box can block the offscreen run."""
    recorder = MessageRecorder()
    monkeypatch.setattr(gui_messages, "door", recorder)
    return recorder
