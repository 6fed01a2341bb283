"""Operation: the service call off the UI thread, one door for errors, a typed change on success."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QThread
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from core.errors import Conflict, KohoGateError
from gui import crash
from gui.changes import Changes, change_hub
from gui.messages import Kind
from gui.operations import Operation
from gui.tasks import Progress
from tests.support.gui import MessageRecorder, wait_for_operations


@pytest.fixture
def announced(qtbot: QtBot) -> list[Changes]:
    seen: list[Changes] = []
    change_hub().changed.connect(seen.append)
    yield seen  # type: ignore[misc]
    change_hub().changed.disconnect(seen.append)


def test_the_call_runs_off_the_ui_thread_and_success_announces_the_change(
    qtbot: QtBot, announced: list[Changes]
) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    ui = QThread.currentThread()
    order: list[str] = []

    def call() -> int:
        assert QThread.currentThread() is not ui
        return 41

    def done(result: int) -> None:
        assert QThread.currentThread() is ui
        order.append(f"success {result + 1}")
        assert announced == [Changes(drafts=frozenset({41}), queue=True)]  # the hub heard first

    Operation(parent, call).changes(lambda r: Changes(drafts=frozenset({r}), queue=True)).success(done).run()
    assert order == []  # nothing happened on the UI thread yet
    wait_for_operations(qtbot, lambda: bool(order))
    assert order == ["success 42"]


def test_progress_reaches_the_ui_thread(qtbot: QtBot) -> None:
    seen: list[tuple[int, int]] = []
    finished: list[str] = []

    def call(report: Progress) -> str:
        report(1, 3)
        report(3, 3)
        return "ok"

    Operation.with_progress(None, call).progress(lambda d, t: seen.append((d, t))).success(finished.append).run()
    wait_for_operations(qtbot, lambda: bool(finished))
    assert seen == [(1, 3), (3, 3)]
    assert finished == ["ok"]


def test_a_known_failure_goes_to_the_message_door_and_announces_nothing(
    qtbot: QtBot, messages: MessageRecorder, announced: list[Changes]
) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    succeeded: list[object] = []

    def call() -> None:
        raise Conflict("Someone else changed this draft.")

    Operation(parent, call).changes(Changes(queue=True)).success(succeeded.append).run()
    wait_for_operations(qtbot, lambda: bool(messages.shown))
    assert [(m.kind, m.text) for m in messages.shown] == [(Kind.ERROR, "Someone else changed this draft.")]
    assert succeeded == []
    assert announced == []


def test_failure_callback_takes_known_errors_and_bugs_still_reach_the_crash_dialog(
    qtbot: QtBot, messages: MessageRecorder, monkeypatch: pytest.MonkeyPatch
) -> None:
    handled: list[KohoGateError] = []
    crashes: list[BaseException] = []
    monkeypatch.setattr(crash, "report_exception", crashes.append)

    def refused() -> None:
        raise Conflict("changed elsewhere")

    def bug() -> None:
        raise ZeroDivisionError("a bug")

    finished: list[str] = []
    Operation(None, refused).failure(handled.append).finished(lambda: finished.append("refused")).run()
    Operation(None, bug).failure(handled.append).finished(lambda: finished.append("bug")).run()
    Operation(None, lambda: 1).finished(lambda: finished.append("ok")).run()
    wait_for_operations(qtbot, lambda: len(finished) == 3)
    assert [type(e) for e in handled] == [Conflict]
    assert [type(e) for e in crashes] == [ZeroDivisionError]
    assert sorted(finished) == ["bug", "ok", "refused"]  # a busy state is cleared whatever happened
    assert messages.shown == []


def test_an_environment_failure_is_explained_before_the_door(qtbot: QtBot, messages: MessageRecorder) -> None:
    import errno

    def call() -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    Operation(None, call).run()
    wait_for_operations(qtbot, lambda: bool(messages.shown))
    assert "disk is full" in messages.shown[0].text


def test_callbacks_stop_when_the_parent_is_gone(qtbot: QtBot, announced: list[Changes]) -> None:
    import threading

    release = threading.Event()
    parent = QWidget()
    seen: list[object] = []

    def call() -> int:
        release.wait(10)
        return 1

    Operation(parent, call).changes(Changes(queue=True)).success(seen.append).run()
    parent.deleteLater()
    qtbot.waitUntil(lambda: not _alive(parent))
    release.set()
    wait_for_operations(qtbot)
    assert seen == []
    assert announced == []  # a window closed before its save came back announces nothing either


def _alive(widget: QWidget) -> bool:
    import shiboken6

    return shiboken6.isValid(widget)


def test_a_latest_read_shows_only_the_newest_answer_and_says_when_it_is_busy(qtbot: QtBot) -> None:
    import threading

    from gui.operations import LatestRead

    parent = QWidget()
    qtbot.addWidget(parent)
    reads = LatestRead(parent)
    busy: list[bool] = []
    reads.busy_changed.connect(busy.append)
    gate = threading.Event()
    shown: list[str] = []

    def slow() -> str:
        gate.wait(20)
        return "older"

    reads.run(slow, shown.append)
    reads.run(lambda: "newer", shown.append)
    assert reads.busy
    gate.set()
    wait_for_operations(qtbot)
    assert shown == ["newer"]
    assert not reads.busy
    assert busy == [True, False]  # once out, once all back: not once per read
    reads.run(lambda: "again", shown.append)
    wait_for_operations(qtbot)
    assert shown == ["newer", "again"]


def test_what_waits_for_the_next_answer_runs_even_when_a_newer_read_replaced_the_one_it_followed(
    qtbot: QtBot,
) -> None:
    import threading

    from gui.operations import LatestRead

    parent = QWidget()
    qtbot.addWidget(parent)
    reads = LatestRead(parent)
    gate = threading.Event()
    order: list[str] = []

    def slow() -> str:
        gate.wait(20)
        return "after the save"

    reads.after(lambda: order.append("saved, said"))  # a message that must follow what is stored
    reads.run(slow, order.append)
    reads.run(lambda: "a refresh", order.append)  # a change elsewhere reads again meanwhile
    gate.set()
    wait_for_operations(qtbot)
    assert order == ["a refresh", "saved, said"]  # the message followed the answer shown, and only once
