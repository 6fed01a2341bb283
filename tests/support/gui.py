"""Doubles and waits for GUI tests: the message door's stand-in, waiting for operations."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from gui.main_window import MainWindow
from gui.messages import Kind, Message
from gui.screens.base import Screen
from gui.tasks import drain_tasks, tasks_in_flight

if TYPE_CHECKING:
    from gui.composer.window import ComposerWindow
    from gui.screens.drafts import DraftsScreen
    from gui.session import AppSession


@dataclass
class MessageRecorder:
    """Stands in for the message door (gui.messages.door): records every message, answers questions as scripted.

    ``answers`` are consumed in order by questions (ask, confirm-discard,
    confirm-irreversible); a question with no scripted answer fails the test,
    so a test never hangs on, or silently passes, a question it did not expect.
    """

    shown: list[Message] = field(default_factory=list)
    answers: list[bool] = field(default_factory=list)

    def __call__(self, _parent: QWidget | None, message: Message) -> bool:
        self.shown.append(message)
        if message.kind in QUESTIONS:
            if not self.answers:
                pytest.fail(f"unexpected question: {message.title}: {message.text}")
            return self.answers.pop(0)
        return True

    def answer(self, *answers: bool) -> MessageRecorder:
        self.answers.extend(answers)
        return self

    def of(self, kind: Kind) -> list[Message]:
        return [m for m in self.shown if m.kind is kind]

    @property
    def texts(self) -> list[str]:
        return [m.text for m in self.shown]


QUESTIONS = (Kind.ASK, Kind.DISCARD, Kind.IRREVERSIBLE)


def settle(timeout: int = 20_000) -> None:
    """Let the worker threads finish and their results reach the UI thread, and the reads those start too.

    A screen's refresh reads its filters' choices, then the list's first
    page and its count: each answer may start the next read. Waits on that
    condition itself (no task out, no result undelivered), not a number of rounds.
    """
    assert drain_tasks(timeout), f"{tasks_in_flight()} tasks still out after {timeout} ms"


def end_test_work(limit_ms: int) -> str | None:
    """Drain a test's background work and delete its closed widgets; what was still out after ``limit_ms``, if any.

    The GUI tests' teardown (tests/gui/conftest.py) calls this between tests:
    a result delivered into the next test would land on its change hub and at
    its message door.
    """
    if QCoreApplication.instance() is None:
        return None
    # A delivered result may start more work (a read after a save), and a deleted widget's last
    # events may too: drained until nothing is out, however many rounds that takes.
    for _ in range(2):
        if not drain_tasks(limit_ms):
            return f"{tasks_in_flight()} background tasks still out after {limit_ms / 1000:g} s"
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        QCoreApplication.processEvents()
    return None


def wait_for_operations(qtbot: QtBot, condition: Callable[[], bool] | None = None, timeout: int = 20_000) -> None:
    """Let the worker threads finish and their results reach the UI thread (and ``condition`` hold)."""
    settle(timeout)
    if condition is not None:
        qtbot.waitUntil(condition, timeout=timeout)


def composer_window(session: AppSession, draft_id: int) -> ComposerWindow:
    """A composer window on ``draft_id``, its view read here (the app reads it on a worker: ``open_draft``)."""
    from core.services.composer_view import read_composer
    from gui.composer.window import ComposerWindow

    return ComposerWindow(session, read_composer(session.store, draft_id))


def open_composer(qtbot: QtBot, screen: DraftsScreen, draft_id: int) -> ComposerWindow:
    """Open ``draft_id`` the way the drafts screen does (read off the UI thread) and return its window."""
    screen.open_draft(draft_id)
    qtbot.waitUntil(lambda: draft_id in screen.composers, timeout=20_000)
    return screen.composers[draft_id]


def screen_of(window: MainWindow, row: int) -> Screen:
    """The main window's screen at navigation ``row``, built if it was not opened yet (screens are built lazily).

    Its reads (started when it is built or shown) have come back when this returns.
    """
    screen = window.screen_at(row)
    settle()
    return screen
