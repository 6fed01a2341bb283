"""The one way long work leaves the UI thread.

``run_task(fn, on_done=…, on_error=…, on_progress=…)`` runs ``fn`` on the
global ``QThreadPool``; the callbacks run on the UI thread through a queued
signal, so no widget is ever touched from a worker (the pattern of Anki's
``CollectionOp``). ``fn`` receives a ``report(done, total)`` callable for
progress. Tests call :func:`drain_tasks` (or :func:`wait_for_tasks`) before closing windows.

Every task reports through one long-lived dispatcher owned by the
application, not through a QObject of its own: a per-task carrier either
dies with the window that asked (and the worker then emits from a deleted
object) or is owned by Python (and the garbage collector may then destroy
it on a worker thread). Both crashed. Callbacks whose owner is gone — the
``parent`` given, or the widget a bound method belongs to — are skipped,
so a late result for a closed window is dropped quietly.
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QDeadlineTimer, QObject, QRunnable, QThreadPool, Signal, Slot

log = logging.getLogger(__name__)

Progress = Callable[[int, int], None]

_DONE, _FAILED = "done", "failed"


@dataclass
class _Entry:
    on_done: Callable[[Any], None] | None
    on_error: Callable[[BaseException], None]
    on_progress: Callable[[int, int], None] | None
    parent: QObject | None


def _owner_alive(entry: _Entry, callback: Callable[..., Any]) -> bool:
    if entry.parent is not None and not shiboken6.isValid(entry.parent):
        return False
    owner = getattr(callback, "__self__", None)
    return not isinstance(owner, QObject) or shiboken6.isValid(owner)


class _Dispatcher(QObject):
    """Lives on the UI thread for the whole run; workers emit ``deliver`` on it (a queued connection)."""

    deliver = Signal(int, str, object)
    # Progress as plain ints: reports can come thousands of times a task; no tuple boxed per report.
    progressed = Signal(int, int, int)

    def __init__(self, parent: QObject | None) -> None:
        super().__init__(parent)
        self.entries: dict[int, _Entry] = {}
        self.deliver.connect(self._on_deliver)
        self.progressed.connect(self._on_progress)

    @Slot(int, int, int)
    def _on_progress(self, task_id: int, done: int, total: int) -> None:
        entry = self.entries.get(task_id)
        if entry is not None and entry.on_progress is not None and _owner_alive(entry, entry.on_progress):
            entry.on_progress(done, total)

    @Slot(int, str, object)
    def _on_deliver(self, task_id: int, kind: str, payload: object) -> None:
        entry = self.entries.pop(task_id, None)
        if entry is None:
            return
        callback: Callable[[Any], None] | None = entry.on_done if kind == _DONE else entry.on_error
        if callback is _report_unhandled or (callback is not None and _owner_alive(entry, callback)):
            callback(payload)


_dispatcher: _Dispatcher | None = None
_ids = itertools.count(1)


def _the_dispatcher() -> _Dispatcher:
    global _dispatcher
    if _dispatcher is None or not shiboken6.isValid(_dispatcher):
        # Owned by the application (C++), created on the UI thread: never collected on a worker.
        _dispatcher = _Dispatcher(QCoreApplication.instance())
    return _dispatcher


class _Task(QRunnable):
    def __init__(self, fn: Callable[[Progress], Any], task_id: int, dispatcher: _Dispatcher) -> None:
        super().__init__()
        self.fn = fn
        self.task_id = task_id
        self.dispatcher = dispatcher

    def _report(self, done: int, total: int) -> None:
        self.dispatcher.progressed.emit(self.task_id, done, total)

    @Slot()
    def run(self) -> None:
        try:
            result = self.fn(self._report)
        except BaseException as exc:
            self.dispatcher.deliver.emit(self.task_id, _FAILED, exc)
        else:
            self.dispatcher.deliver.emit(self.task_id, _DONE, result)


def _report_unhandled(exc: Any) -> None:
    from gui.crash import report_exception

    report_exception(exc)


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
    work itself still finishes: a half-done save must not be abandoned). A
    failure without ``on_error`` goes to the crash dialog even then: it may
    be a lost save.
    """
    dispatcher = _the_dispatcher()
    task_id = next(_ids)
    dispatcher.entries[task_id] = _Entry(on_done, on_error or _report_unhandled, on_progress, parent)
    QThreadPool.globalInstance().start(_Task(fn, task_id, dispatcher))


def tasks_in_flight() -> int:
    """Tasks started whose result has not reached the UI thread yet (tests wait for none; start-up's "usable" too)."""
    return len(_dispatcher.entries) if _dispatcher is not None and shiboken6.isValid(_dispatcher) else 0


def wait_for_tasks(timeout_ms: int = 30_000) -> bool:
    """Wait for the worker threads only (results may still be queued for the UI thread; see :func:`drain_tasks`)."""
    return QThreadPool.globalInstance().waitForDone(timeout_ms)


def drain_tasks(timeout_ms: int = 30_000) -> bool:
    """Run the UI thread's events until no task is running and no result is waiting to be delivered.

    A delivered result may start another task (a read after a save, the next
    page after the first): this waits for those too, for as long as it takes
    within ``timeout_ms``, and says whether it got there (``False``: work was
    still out when the time was up).
    """
    pool = QThreadPool.globalInstance()
    if QCoreApplication.instance() is None:
        return pool.waitForDone(timeout_ms)  # nothing can be delivered without an event loop
    deadline = QDeadlineTimer(timeout_ms)
    while True:
        pool.waitForDone(max(1, min(deadline.remainingTime(), 100)))
        QCoreApplication.processEvents()  # the results are queued signals: deliver them
        if tasks_in_flight() == 0 and pool.activeThreadCount() == 0:
            return True
        if deadline.hasExpired():
            return False
