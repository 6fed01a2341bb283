"""GUI fixtures shared by the screen tests."""

from __future__ import annotations

import logging
import sys
import threading
import traceback
from collections.abc import Iterator
from contextlib import AbstractContextManager
from datetime import datetime
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from core.errors import explain
from core.organization.identity import current_login
from core.runtime.bootstrap import Environment
from core.services.staff import find_by_login
from core.storage.engine import Store
from gui import crash
from gui import messages as gui_messages
from gui.application import main_window_for
from gui.main_window import MainWindow
from gui.tasks import wait_for_tasks
from tests.support.gui import MessageRecorder, end_test_work, settle


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


# Generous: a loaded machine (two cores shared by several test runs) is slow, not wrong. Work still
# out after this long is the test's own fault and fails it, rather than landing in the next test.
SETTLE_MS = 120_000


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item: pytest.Item) -> Iterator[None]:
    """A test's workers finish, their results land and its closed widgets are deleted before the next test.

    Without this, work a test started (a check, an autosave, a status read) could
    still be running when it ended — the longer the more loaded the machine — and
    its result was delivered inside the next test: an announcement on the global
    change hub, a message at the next test's door. Widgets closed by pytest-qt
    were only *scheduled* for deletion (``processEvents`` never runs deferred
    deletes), so hundreds of hidden windows kept their timers and hub connections.
    pytest-qt's own teardown hook wraps this one: its widgets are closed here, and
    the fixtures (the database) are still open until the ``yield``. The wait is on
    the condition itself (nothing out, nothing undelivered), up to
    :data:`SETTLE_MS`; a test whose work outlives that fails here, after the
    rest of the teardown ran, instead of leaking into the next one.
    """
    before = end_test_work(SETTLE_MS)
    yield
    after = end_test_work(SETTLE_MS)
    left = before or after
    if left is not None:
        pytest.fail(f"{item.nodeid}: {left} (the test's work must end with the test)", pytrace=False)


@pytest.fixture(autouse=True)
def bugs(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[BaseException]]:
    """A bug that reaches the crash dialog fails the test, instead of a modal box stopping the whole run.

    (A ``TypeError`` in a screen's read once opened the dialog inside a fixture's wait: the run
    hung there, since no timeout fires while Qt runs a modal loop.) Known errors still take
    their way to the message door; a test about the crash dialog itself puts the real one back
    (``crash.report_exception.__wrapped__``), one about bugs reaching it records them itself.
    """
    reported: list[BaseException] = []
    real = crash.report_exception

    def record(exc: BaseException, *, unsaved: bool = False) -> None:
        if explain(exc) is not None:
            real(exc, unsaved=unsaved)
            return
        logging.getLogger("kohogate.crash").error("unexpected error", exc_info=(type(exc), exc, exc.__traceback__))
        reported.append(exc)

    record.__wrapped__ = real  # type: ignore[attr-defined]
    monkeypatch.setattr(crash, "report_exception", record)
    yield reported
    assert not reported, "bugs reached the crash dialog: " + "; ".join(
        "".join(traceback.format_exception(type(e), e, e.__traceback__)) for e in reported
    )


@pytest.fixture(autouse=True)
def messages(monkeypatch: pytest.MonkeyPatch) -> MessageRecorder:
    """Every GUI test runs with the door replaced: no modal box can block the offscreen run."""
    recorder = MessageRecorder()
    monkeypatch.setattr(gui_messages, "door", recorder)
    return recorder


GUI = Path(__file__).resolve().parents[2] / "gui"
# What still writes on the UI thread, by module (below gui/) and function, and why (its reads are let through too).
WRITES_STILL_ON_THE_UI_THREAD: dict[tuple[str, str], str] = {
    # A composer window saves what is left and ends its editing session before it goes, so that closing
    # can never lose text: one short transaction each, while the window is closing.
    ("composer/window.py", "flush"): "the last save as a composer window closes",
    ("composer/window.py", "_end_editing"): "the editing session's end as a composer window closes",
}


def _gui_frame(listed: dict[tuple[str, str], str]) -> str | None:
    """The first frame of gui/ on the caller's stack unless ``listed`` lets it through (tests' own calls are theirs)."""
    frame = sys._getframe(3)
    while frame is not None:
        path = Path(frame.f_code.co_filename)
        if path.is_relative_to(GUI):
            if (path.relative_to(GUI).as_posix(), frame.f_code.co_name) in listed:
                return None
            return f"{path.relative_to(GUI.parent)}:{frame.f_lineno} ({frame.f_code.co_name})"
        frame = frame.f_back
    return None


def _gui_caller() -> str | None:
    return _gui_frame(WRITES_STILL_ON_THE_UI_THREAD)


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


# What still reads the database on the UI thread, by module (below gui/) and function, and why. Everything
# else in gui/ — every screen's refresh, the list models, the settings tabs — reads through an Operation.
READS_STILL_ON_THE_UI_THREAD: dict[tuple[str, str], str] = {
    # Start-up, before any screen is shown: nothing to keep responsive yet. A normal start reads all this
    # with the database's opening, off the UI thread (core.services.startup.read_start); these read it
    # again only after the set-up wizard, on the not-registered page's Retry, and for tests' windows.
    ("application.py", "identify"): "start-up: who the OS login is (before the window has a screen)",
    ("application.py", "main_window_for"): "tests' and screenshots' window for a staff member",
    ("main_window.py", "attach"): "building the window once for a session (the organization's name)",
    ("session.py", "is_demo"): "asked once per session while the window is built, then cached",
    ("session.py", "switch_to"): "the demo user switcher: the chosen person's roles",
    # The change feed's starting point, read as the window is built (so that nothing after it is missed).
    ("change_watcher.py", "__init__"): "the change feed's starting point (the audit head), once",
}


def _ui_thread_reader() -> str | None:
    """The GUI frame reading on the UI thread, unless it is a listed exception."""
    return _gui_frame(READS_STILL_ON_THE_UI_THREAD | WRITES_STILL_ON_THE_UI_THREAD)


@pytest.fixture(autouse=True)
def reads_leave_the_ui_thread(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """Fails a GUI test in which gui/ read the database on the UI thread (it must use an Operation or Screen.read).

    Both ways to the database are watched: a read transaction and the database clock (``Store.now``, a
    query on PostgreSQL).
    """
    offenders: list[str] = []
    read, now = Store.read, Store.now

    def note() -> None:
        if threading.current_thread() is threading.main_thread():
            reader = _ui_thread_reader()
            if reader is not None:
                offenders.append(reader)

    def guarded_read(self: Store, **options: bool) -> AbstractContextManager[object]:
        note()
        return read(self, **options)

    def guarded_now(self: Store) -> datetime:
        note()
        return now(self)

    monkeypatch.setattr(Store, "read", guarded_read)
    monkeypatch.setattr(Store, "now", guarded_now)
    yield offenders
    assert not offenders, f"database reads on the UI thread from {sorted(set(offenders))}"
