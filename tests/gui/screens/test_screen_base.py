"""Screen.attempt: a screen's service call runs off the UI thread, its outcome comes back on it."""

from __future__ import annotations

import inspect
import threading

from pytestqt.qtbot import QtBot

from core.audit.events import Changes
from core.errors import InvalidInput
from gui.changes import change_hub
from gui.main_window import MainWindow
from gui.messages import Kind
from gui.screens.drafts import DraftsScreen
from tests.support.gui import MessageRecorder, screen_of, wait_for_operations


def _drafts(window: MainWindow) -> DraftsScreen:
    screen = screen_of(window, 0)
    assert isinstance(screen, DraftsScreen)
    return screen


def test_the_call_runs_on_a_worker_and_its_result_reaches_the_ui_thread(window: MainWindow, qtbot: QtBot) -> None:
    screen = _drafts(window)
    ran_on: list[threading.Thread] = []
    delivered_on: list[tuple[threading.Thread, int]] = []
    announced: list[Changes] = []
    change_hub().changed.connect(announced.append)

    def call() -> int:
        ran_on.append(threading.current_thread())
        return 7

    screen.attempt(call, Changes(queue=True), then=lambda n: delivered_on.append((threading.current_thread(), n)))
    assert delivered_on == []  # nothing has run yet: the UI thread went on
    wait_for_operations(qtbot, lambda: bool(delivered_on))
    assert ran_on[0] is not threading.main_thread()
    assert delivered_on == [(threading.main_thread(), 7)]
    assert Changes(queue=True) in announced


def test_a_refusal_goes_through_the_message_door_and_nothing_is_announced(
    window: MainWindow, qtbot: QtBot, messages: MessageRecorder
) -> None:
    screen = _drafts(window)
    announced: list[Changes] = []
    change_hub().changed.connect(announced.append)
    reached: list[object] = []

    def refused() -> None:
        raise InvalidInput("no such account")

    screen.attempt(refused, then=reached.append)
    wait_for_operations(qtbot, lambda: bool(messages.shown))
    assert [(m.kind, m.text) for m in messages.shown] == [(Kind.ERROR, "no such account")]
    assert reached == []
    assert announced == []


def test_the_guard_catches_a_screen_writing_on_the_ui_thread(
    window: MainWindow, writes_leave_the_ui_thread: list[str]
) -> None:
    """The autouse guard (tests/gui/conftest.py) blames a frame in gui/, not a test's own set-up."""
    store = window.session.store
    with store.write():
        pass
    assert writes_leave_the_ui_thread == []
    # What a synchronous screen method would do: a write transaction opened from a frame in gui/screens.
    exec(compile("with store.write():\n    pass\n", inspect.getfile(DraftsScreen), "exec"), {"store": store})
    assert writes_leave_the_ui_thread == ["gui/screens/drafts.py:1 (<module>)"]
    writes_leave_the_ui_thread.clear()  # caught, as it should be: the test has shown it
