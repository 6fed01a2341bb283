"""One way for the GUI to call a service: :class:`Operation` (in the spirit of Anki's ``CollectionOp``).

::

    Operation(self, lambda: service.submit(draft_id, row_version)) \\
        .changes(Changes(drafts=frozenset({draft_id}), queue=True)) \\
        .success(self._submitted) \\
        .run()

The call runs off the UI thread through :func:`gui.tasks.run_task` (the one
mechanism for that; this is a layer over it). Callbacks run on the UI
thread, and not at all once ``parent`` is gone. Errors go through one door:
a :class:`~core.errors.KohoGateError` (or an environment failure
:func:`core.errors.explain` recognises) goes to ``.failure`` if given, else
to :func:`gui.messages.show_error`; anything else is a bug for the crash
dialog. On success the declared :class:`~core.audit.events.Changes` are
announced on the change hub before the success callback runs.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from core.audit.events import Changes
from core.errors import KohoGateError, explain
from gui.changes import announce
from gui.tasks import Progress, run_task

T = TypeVar("T")


class Operation(Generic[T]):
    """A service call with its callbacks; nothing happens until :meth:`run`."""

    def __init__(self, parent: QObject | None, call: Callable[[], T]) -> None:
        self._setup(parent, lambda _report: call())

    def _setup(self, parent: QObject | None, call: Callable[[Progress], T]) -> None:
        self._parent = parent
        self._call = call
        self._on_success: Callable[[T], None] | None = None
        self._on_failure: Callable[[KohoGateError], None] | None = None
        self._on_progress: Callable[[int, int], None] | None = None
        self._on_finished: Callable[[], None] | None = None
        self._changes: Changes | Callable[[T], Changes] | None = None

    @classmethod
    def with_progress(cls, parent: QObject | None, call: Callable[[Progress], T]) -> Operation[T]:
        """For a call that reports ``(done, total)`` through the callable it is given."""
        op = cls.__new__(cls)
        op._setup(parent, call)
        return op

    def changes(self, changes: Changes | Callable[[T], Changes]) -> Operation[T]:
        """What a success changed (or how to tell from the result); announced on the hub."""
        self._changes = changes
        return self

    def success(self, callback: Callable[[T], None]) -> Operation[T]:
        self._on_success = callback
        return self

    def failure(self, callback: Callable[[KohoGateError], None]) -> Operation[T]:
        """Handle a known failure here instead of the message door (bugs still reach the crash dialog)."""
        self._on_failure = callback
        return self

    def progress(self, callback: Callable[[int, int], None]) -> Operation[T]:
        self._on_progress = callback
        return self

    def finished(self, callback: Callable[[], None]) -> Operation[T]:
        """Runs first on every outcome (success, refusal, bug): the place to clear a busy state."""
        self._on_finished = callback
        return self

    def run(self) -> None:
        run_task(
            self._call,
            on_done=self._succeeded,
            on_error=self._failed,
            on_progress=self._on_progress,
            parent=self._parent,
        )

    def _succeeded(self, result: T) -> None:
        if self._on_finished is not None:
            self._on_finished()
        changes = self._changes(result) if callable(self._changes) else self._changes
        if changes is not None:
            announce(changes)
        if self._on_success is not None:
            self._on_success(result)

    def _failed(self, exc: BaseException) -> None:
        if self._on_finished is not None:
            self._on_finished()
        known = explain(exc)
        if known is None:
            from gui.crash import report_exception

            report_exception(exc)
        elif self._on_failure is not None:
            self._on_failure(known)
        else:
            from gui import messages

            messages.show_error(self._parent if isinstance(self._parent, QWidget) else None, known)


class LatestRead(QObject):
    """Reads of one thing (a screen's rows, a tab's settings) of which only the newest answer counts.

    Each :meth:`run` is an :class:`Operation`; an answer that comes back after
    a newer read was started is dropped, so a screen refreshed twice in quick
    succession never ends up showing the older answer (they may finish in
    either order on the thread pool). ``busy_changed`` says when the first
    read goes out and when the last one is back.
    """

    busy_changed = Signal(bool)

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self._asked = 0
        self._out = 0
        self._after: list[Callable[[], None]] = []

    @property
    def busy(self) -> bool:
        """A read is out (its answer, or a newer one's, has not come back)."""
        return self._out > 0

    def run(self, call: Callable[[], T], then: Callable[[T], None]) -> None:
        """Run ``call`` off the UI thread; ``then`` gets its result on the UI thread unless a newer read started.

        A refusal goes to the message door as for any Operation (the screen keeps what it showed).
        """
        self._asked += 1
        asked = self._asked
        self._out += 1
        if self._out == 1:
            self.busy_changed.emit(True)

        def delivered(result: T) -> None:
            if asked == self._asked:
                then(result)
                waiting, self._after = self._after, []
                for callback in waiting:
                    callback()

        Operation(self.parent(), call).finished(self._back).success(delivered).run()

    def after(self, callback: Callable[[], None]) -> None:
        """Run ``callback`` once the next answer is shown, whichever read it answers (an older one may be dropped).

        For what must follow the stored state on screen (a message after a save): tied to one read,
        it would be lost whenever a refresh started a newer one.
        """
        self._after.append(callback)

    def _back(self) -> None:
        self._out -= 1
        if self._out == 0:
            self.busy_changed.emit(False)
