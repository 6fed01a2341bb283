"""The shared off-UI-thread mechanism: results on the UI thread, and no crash when the asker is gone."""

from __future__ import annotations

import threading

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
