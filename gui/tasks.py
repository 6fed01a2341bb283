"""The one way long work leaves the UI thread.

``run_task(fn, on_done=…, on_error=…, on_progress=…)`` runs ``fn`` on the
global ``QThreadPool``; the callbacks run on the UI thread through queued
signals, so no widget is ever touched from a worker (the pattern of Anki's
``CollectionOp``). ``fn`` receives a ``report(done, total)`` callable for
progress. Tests call :func:`wait_for_tasks` before closing windows.

The signal carrier is deliberately *not* a child of ``parent``: a worker may
still be running when the window that asked for it is closed, and emitting
from a QObject whose C++ half Qt has already deleted raises in the worker
thread. Instead the carrier lives until the task ends and ``parent``'s
destruction only mutes the callbacks, so a late result is dropped quietly.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

log = logging.getLogger(__name__)

Progress = Callable[[int, int], None]


class _Signals(QObject):
    done = Signal(object)
    failed = Signal(object)
    progress = Signal(int, int)

    def __init__(self) -> None:
        super().__init__()
        self.muted = False

    @Slot()
    def mute(self) -> None:
        self.muted = True


class _Task(QRunnable):
    def __init__(self, fn: Callable[[Progress], Any], signals: _Signals) -> None:
        super().__init__()
        self.fn = fn
        self.signals = signals

    @Slot()
    def run(self) -> None:
        try:
            result = self.fn(self.signals.progress.emit)
        except BaseException as exc:
            self.signals.failed.emit(exc)
        else:
            self.signals.done.emit(result)


_live: set[_Signals] = set()


def _unless_muted(signals: _Signals, callback: Callable[..., None]) -> Callable[..., None]:
    def call(*args: Any) -> None:
        if not signals.muted:
            callback(*args)

    return call


def run_task(
    fn: Callable[[Progress], Any],
    *,
    on_done: Callable[[Any], None] | None = None,
    on_error: Callable[[BaseException], None] | None = None,
    on_progress: Callable[[int, int], None] | None = None,
    parent: QObject | None = None,
) -> None:
    """Run ``fn(report)`` off the UI thread; callbacks arrive on the UI thread.

    With ``parent`` given, callbacks stop once ``parent`` is destroyed (the
    work itself still finishes: a half-done save must not be abandoned).
    """
    signals = _Signals()
    _live.add(signals)
    if parent is not None:
        parent.destroyed.connect(signals.mute)

    def finished(_: object = None) -> None:
        _live.discard(signals)
        signals.deleteLater()

    if on_done is not None:
        signals.done.connect(_unless_muted(signals, on_done))
    if on_progress is not None:
        signals.progress.connect(_unless_muted(signals, on_progress))
    if on_error is not None:
        signals.failed.connect(_unless_muted(signals, on_error))
    else:
        from gui.crash import report_exception

        # An unhandled failure is reported even if the window is gone: it may be a lost save.
        signals.failed.connect(report_exception)
    signals.done.connect(finished)
    signals.failed.connect(finished)
    QThreadPool.globalInstance().start(_Task(fn, signals))


def wait_for_tasks(timeout_ms: int = 30_000) -> bool:
    return QThreadPool.globalInstance().waitForDone(timeout_ms)
