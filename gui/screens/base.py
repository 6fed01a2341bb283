"""What every screen shares: the session, refresh when a change concerns it, service calls off the UI thread."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtWidgets import QWidget

from core.audit.events import Changes
from gui.changes import change_hub
from gui.operations import Operation
from gui.session import AppSession

R = TypeVar("R")


class Screen(QWidget):
    """A page of the main window. Subclasses implement :meth:`refresh` and :meth:`concerned_by`."""

    def __init__(self, session: AppSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self._stale = True
        change_hub().changed.connect(self._on_changes)
        self._listening = True
        session.actor_changed.connect(lambda _actor: self.on_actor_changed())

    def refresh(self) -> None:
        raise NotImplementedError

    def concerned_by(self, changes: Changes) -> bool:
        """Whether this screen shows something ``changes`` touched (by default: anything)."""
        return True

    def detach(self) -> None:
        """Stop listening for changes (the window closed; a closed window must not re-read)."""
        if self._listening:
            self._listening = False
            change_hub().changed.disconnect(self._on_changes)

    def _on_changes(self, changes: Changes) -> None:
        if self.concerned_by(changes):
            self._mark_stale()

    def on_actor_changed(self) -> None:
        """Enable or disable actions for the new user's roles."""

    @property
    def fresh(self) -> bool:
        """Read since the last change that concerned it (start-up's "usable" waits for the first screen's read)."""
        return not self._stale

    def ensure_fresh(self) -> None:
        if self._stale:
            self._stale = False
            self.refresh()

    def _mark_stale(self) -> None:
        self._stale = True
        if self.isVisible():
            self.ensure_fresh()

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        self.ensure_fresh()

    def attempt(
        self,
        action: Callable[[], R],
        changes: Changes | None = None,
        then: Callable[[R], object] | None = None,
    ) -> None:
        """Run a service call off the UI thread (an :class:`~gui.operations.Operation`).

        A known failure is shown plainly through the message door; a success
        announces ``changes`` (by default everything) on the change hub, then
        ``then`` receives the result. ``action`` runs on a worker: read the
        widgets it needs before, never inside it.
        """
        operation = Operation(self, action).changes(changes if changes is not None else Changes.everything())
        if then is not None:
            receive = then

            def delivered(result: R) -> None:
                receive(result)  # what it returns (an opened window, say) is of no use here

            operation.success(delivered)
        operation.run()
