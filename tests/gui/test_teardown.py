"""Between GUI tests (tests/support/gui.py end_test_work): a test's work ends with it or is named, never carried."""

from __future__ import annotations

import threading

import shiboken6
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from gui.tasks import run_task, tasks_in_flight
from tests.support.gui import end_test_work


def test_work_a_result_starts_is_waited_for_and_closed_widgets_are_deleted(qtbot: QtBot) -> None:
    delivered: list[str] = []

    def first(_result: object) -> None:
        delivered.append("first")
        run_task(lambda _r: None, on_done=lambda _r: delivered.append("second"))

    run_task(lambda _r: None, on_done=first)
    closed = QWidget()
    closed.deleteLater()
    assert end_test_work(20_000) is None
    assert delivered == ["first", "second"]  # however many rounds: no fixed count to run out of
    assert tasks_in_flight() == 0
    assert not shiboken6.isValid(closed)


def test_work_still_out_at_the_limit_is_named_rather_than_left_for_the_next_test(qtbot: QtBot) -> None:
    gate = threading.Event()
    delivered: list[object] = []
    run_task(lambda _r: gate.wait(20), on_done=delivered.append)
    left = end_test_work(50)
    assert left is not None
    assert "1 background tasks still out" in left  # the teardown fails the test with this
    gate.set()
    assert end_test_work(20_000) is None
    assert delivered == [True]
