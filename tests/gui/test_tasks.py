"""The shared off-UI-thread mechanism: results on the UI thread, and no crash when the asker is gone."""

from __future__ import annotations

import threading
from collections.abc import Callable

import pytest
from PySide6.QtCore import QThread
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from gui.tasks import Progress, run_task, wait_for_tasks


def test_result_and_progress_arrive_on_the_ui_thread(qtbot: QtBot) -> None:
    seen: list[tuple[str, object, bool]] = []
    ui_thread = QThread.currentThread()

    def work(report: Progress) -> str:
        assert QThread.currentThread() is not ui_thread
        report(1, 2)
        report(2, 2)
        return "ok"

    def progress(done: int, total: int) -> None:
        seen.append(("progress", (done, total), QThread.currentThread() is ui_thread))

    def done(result: object) -> None:
        seen.append(("done", result, QThread.currentThread() is ui_thread))

    run_task(work, on_done=done, on_progress=progress)
    qtbot.waitUntil(lambda: any(kind == "done" for kind, _, _ in seen))
    assert seen == [
        ("progress", (1, 2), True),
        ("progress", (2, 2), True),
        ("done", "ok", True),
    ]


def test_a_failure_goes_to_on_error(qtbot: QtBot) -> None:
    errors: list[BaseException] = []

    def work(_report: Progress) -> None:
        raise ValueError("broken")

    run_task(work, on_done=lambda _r: pytest.fail("no result expected"), on_error=errors.append)
    qtbot.waitUntil(lambda: bool(errors))
    assert isinstance(errors[0], ValueError)


def test_closing_the_asking_window_mid_task_neither_crashes_nor_calls_back(qtbot: QtBot) -> None:
    """A window closed while its save still runs (the CI failure of 2026-11-21)."""
    release = threading.Event()
    finished = threading.Event()
    called: list[object] = []
    parent = QWidget()

    def work(report: Progress) -> str:
        release.wait(10)
        report(1, 1)
        finished.set()
        return "late"

    run_task(work, on_done=called.append, on_progress=lambda *a: called.append(a), parent=parent)
    parent.deleteLater()
    qtbot.waitUntil(lambda: not _alive(parent))
    release.set()
    assert wait_for_tasks()
    assert finished.is_set()
    for _ in range(5):
        QApplication.processEvents()
    assert called == []


def _alive(widget: QWidget) -> bool:
    try:
        widget.objectName()
    except RuntimeError:
        return False
    return True


def test_many_tasks_with_garbage_collection_on_the_workers(qtbot: QtBot) -> None:
    """The CI crash of 2026-11-21: the collector destroyed a per-task QObject on a worker thread."""
    import gc

    results: list[int] = []
    parents = [QWidget() for _ in range(4)]

    def work(number: int) -> Callable[[Progress], int]:
        def run(report: Progress) -> int:
            if number % 10 == 0:
                gc.collect()
            report(1, 1)
            return number

        return run

    for number in range(80):
        run_task(work(number), on_done=results.append, on_progress=lambda *_: None, parent=parents[number % 4])
        if number == 40:
            parents[0].deleteLater()  # an owner goes away while its tasks run
    # A generous wait: each full collection walks the whole heap of a long test session, and on a loaded
    # 2-core machine eight of them took longer than the default 30 s (a fresh-clone run, 2026-12-04).
    assert wait_for_tasks(180_000)
    qtbot.waitUntil(lambda: len(results) >= 60, timeout=60_000)
    for _ in range(5):
        QApplication.processEvents()
    assert len(results) == len(set(results))
    assert set(range(1, 80, 4)) <= set(results)  # the tasks of a living owner all report


def test_results_from_workers_do_not_leak_references_to_true_and_none(qtbot: QtBot) -> None:
    """PySide6 6.12.0 dropped a reference to True and None per queued signal: a crash after a few hundred tasks.

    pyproject.toml keeps PySide6 below 6.12 for it; this fails on an upgrade that brings it back.
    """
    import sys

    done: list[int] = []
    assert wait_for_tasks()
    QApplication.processEvents()
    before = sys.getrefcount(True), sys.getrefcount(None)
    for number in range(100):
        run_task(lambda _r, n=number: n, on_done=done.append, on_progress=lambda *_: None)
    assert wait_for_tasks()
    qtbot.waitUntil(lambda: len(done) == 100, timeout=10_000)
    after = sys.getrefcount(True), sys.getrefcount(None)
    assert after[0] >= before[0] - 5, f"True lost {before[0] - after[0]} references"
    assert after[1] >= before[1] - 20, f"None lost {before[1] - after[1]} references"


def test_drain_waits_for_the_work_a_result_starts_and_says_when_time_ran_out(qtbot: QtBot) -> None:
    import threading

    from gui.tasks import drain_tasks, run_task, tasks_in_flight

    order: list[str] = []

    def first_done(_result: object) -> None:
        order.append("first")
        run_task(lambda _r: "second", on_done=lambda _r: order.append("second"))

    run_task(lambda _r: "first", on_done=first_done)
    assert drain_tasks(20_000)
    assert order == ["first", "second"]  # the task the first result started was waited for too
    gate = threading.Event()
    run_task(lambda _r: gate.wait(20), on_done=lambda _r: order.append("blocked"))
    assert not drain_tasks(50)  # still out: said, not hidden
    assert tasks_in_flight() == 1
    gate.set()
    assert drain_tasks(20_000)
    assert order[-1] == "blocked"
