"""What every screen shares: the session, refresh-on-change, guarded service calls."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtWidgets import QWidget

from core.errors import KohoGateError, explain
from gui.crash import show_error
from gui.session import AppSession

R = TypeVar("R")


class Screen(QWidget):
    """A page of the main window. Subclasses implement :meth:`refresh`."""

    def __init__(self, session: AppSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self._stale = True
        session.data_changed.connect(self._mark_stale)
        session.actor_changed.connect(lambda _actor: self.on_actor_changed())

    def refresh(self) -> None:
        raise NotImplementedError

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

    def attempt(self, action: Callable[[], R]) -> R | None:
        """Run a service call; show a known failure plainly and return ``None``.

        A successful change announces ``data_changed`` so every screen updates.
        """
        try:
            result = action()
        except Exception as exc:
            known = explain(exc)
            if known is None:
                raise
            show_error(self, known if isinstance(known, KohoGateError) else exc)
            return None
        self.session.data_changed.emit()
        return result
