"""The app-wide hub screens listen to for changes (one shared QObject, as in novelWriter).

Whoever changes something announces a :class:`~core.audit.events.Changes`
here: an :class:`~gui.operations.Operation` on success, the change watcher
for other windows and workstations. Each screen asks whether a change
concerns it and re-reads only then.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, Signal

from core.audit.events import Changes

__all__ = ["ChangeHub", "Changes", "announce", "change_hub"]


class ChangeHub(QObject):
    """Signals: ``changed(Changes)`` on the UI thread."""

    changed = Signal(object)

    def announce(self, changes: Changes) -> None:
        if not changes.empty:
            self.changed.emit(changes)


_hub: ChangeHub | None = None


def change_hub() -> ChangeHub:
    global _hub
    if _hub is None or not shiboken6.isValid(_hub):
        # Owned by the application (C++): lives as long as the UI thread, never collected on a worker.
        _hub = ChangeHub(QCoreApplication.instance())
    return _hub


def announce(changes: Changes) -> None:
    change_hub().announce(changes)
