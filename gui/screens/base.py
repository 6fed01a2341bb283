"""What every screen shares: the session, refresh when a change concerns it, guarded service calls."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtWidgets import QWidget

from core.audit.events import Changes
from core.errors import KohoGateError, explain
from gui.changes import announce, change_hub
from gui.messages import show_error
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

    def attempt(self, action: Callable[[], R], changes: Changes | None = None) -> R | None:
        """Run a quick service call here; show a known failure plainly and return ``None``.

        A success announces ``changes`` (by default everything) on the change
        hub. Calls that may wait on the database or network use
        :class:`gui.operations.Operation` instead.
        """
        try:
            result = action()
        except Exception as exc:
            known = explain(exc)
            if known is None:
                raise
            show_error(self, known if isinstance(known, KohoGateError) else exc)
            return None
        announce(changes if changes is not None else Changes.everything())
        return result
