"""GUI fixtures shared by the screen tests."""

from __future__ import annotations

import sys
import threading
from collections.abc import Iterator
from contextlib import AbstractContextManager
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent
from pytestqt.qtbot import QtBot

from core.organization.identity import current_login
from core.runtime.bootstrap import Environment
from core.services.staff import find_by_login
from core.storage.engine import Store
from gui import messages as gui_messages
from gui.application import main_window_for
from gui.main_window import MainWindow
from gui.tasks import wait_for_tasks
from tests.support.gui import MessageRecorder, settle


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
    settle()  # and the first screen's reads (its filters' choices, the list's first page and count)
    yield win
    wait_for_tasks()


def _settle() -> None:
    app = QCoreApplication.instance()
    if app is None:
        return
    for _ in range(3):  # a delivered result may start one more task (a save after a save)
        wait_for_tasks()
        app.processEvents()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    app.processEvents()


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_teardown(item: pytest.Item) -> Iterator[None]:
    """A test's workers finish, their results land and its closed widgets are deleted before the next test.

    Without this, work a test started (a check, an autosave, a status read) could
    still be running when it ended — the longer the more loaded the machine — and
    its result was delivered inside the next test: an announcement on the global
    change hub, a message at the next test's door. Widgets closed by pytest-qt
    were only *scheduled* for deletion (``processEvents`` never runs deferred
    deletes), so hundreds of hidden windows kept their timers and hub connections.
    pytest-qt's own teardown hook wraps this one: its widgets are closed here, and
    the fixtures (the database) are still open until the ``yield``.
    """
    _settle()
    yield
    _settle()


@pytest.fixture(autouse=True)
def messages(monkeypatch: pytest.MonkeyPatch) -> MessageRecorder:
    """Every GUI test runs with the door replaced: no modal box can block the offscreen run."""
    recorder = MessageRecorder()
    monkeypatch.setattr(gui_messages, "door", recorder)
    return recorder


GUI = Path(__file__).resolve().parents[2] / "gui"
# The composer window is moved onto operations separately (its own helper); until then it is let through.
NOT_YET = (GUI / "composer",)


def _gui_caller() -> str | None:
    """The first frame of the GUI package on the stack, if any (tests' own set-up calls are theirs)."""
    frame = sys._getframe(2)
    while frame is not None:
        path = Path(frame.f_code.co_filename)
        if path.is_relative_to(GUI):
            return None if any(path.is_relative_to(p) for p in NOT_YET) else f"{path.name}:{frame.f_lineno}"
        frame = frame.f_back
    return None


@pytest.fixture(autouse=True)
def writes_leave_the_ui_thread(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """Fails a GUI test in which a screen opened a write transaction on the UI thread (it must use an Operation)."""
    offenders: list[str] = []
    write = Store.write

    def guarded(self: Store) -> AbstractContextManager[object]:
        if threading.current_thread() is threading.main_thread():
            caller = _gui_caller()
            if caller is not None:
                offenders.append(caller)
        return write(self)

    monkeypatch.setattr(Store, "write", guarded)
    yield offenders
    assert not offenders, f"database writes on the UI thread from {sorted(set(offenders))}"


# Screens whose reads have moved off the UI thread too (the others' refresh reads still run on it).
READS_MOVED = (GUI / "screens" / "drafts.py", GUI / "models" / "rows.py")


@pytest.fixture(autouse=True)
def reads_leave_the_ui_thread(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """Fails a GUI test in which the draft list read the database on the UI thread (it must use an Operation)."""
    offenders: list[str] = []
    read = Store.read

    def guarded(self: Store) -> AbstractContextManager[object]:
        if threading.current_thread() is threading.main_thread():
            frame = sys._getframe(1)
            while frame is not None:
                path = Path(frame.f_code.co_filename)
                if path.is_relative_to(GUI):
                    if path in READS_MOVED:
                        offenders.append(f"{path.name}:{frame.f_lineno}")
                    break
                frame = frame.f_back
        return read(self)

    monkeypatch.setattr(Store, "read", guarded)
    yield offenders
    assert not offenders, f"draft list reads on the UI thread from {sorted(set(offenders))}"
