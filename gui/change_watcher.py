"""Notices changes made by other windows and workstations, and says what they touched.

PostgreSQL: a listener thread waits for ``NOTIFY`` (core.services.changes) — new
submissions show up within a second. SQLite: a timer reads the audit head
every two seconds (one row; cheap). When the head moved, the entries since
the last one seen are read and turned into one
:class:`~core.audit.events.Changes` by the same table an
:class:`~gui.operations.Operation` is described by
(:data:`core.audit.events.CHANGE_KINDS`), so a screen refreshes only when a
change concerns it. This window's own autosaves are left out: the composer
announces them itself, and typing must not make every screen re-read.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from core.audit.events import Changes, changes_for_events
from core.audit.recorder import Recorder
from core.services.changes import RecordedChange, entries_since, latest_seq, listen, pushes_changes

if TYPE_CHECKING:
    from core.services.changes import PostgresListener
    from core.storage.engine import Store

log = logging.getLogger(__name__)

POLL_MS = 2000
PAGE = 500  # more entries than this since the last look: re-read everything rather than page through
AUTOSAVE_EVENT = "draft.saved"


def changes_from(entries: Sequence[RecordedChange], own: Recorder | None, *, page: int = PAGE) -> Changes:
    """What ``entries`` changed for a window acting as ``own`` (its own autosaves left out)."""
    if len(entries) >= page:
        return Changes.everything()
    return changes_for_events(
        (entry.event, entry.draft_id)
        for entry in entries
        if not (
            own is not None
            and entry.event == AUTOSAVE_EVENT
            and entry.actor == own.actor
            and entry.terminal == own.terminal
        )
    )


class ChangeWatcher(QObject):
    """Signals: ``changed(Changes)`` whenever entries were recorded elsewhere (or by this window, not autosaves)."""

    changed = Signal(object)

    def __init__(
        self,
        store: Store,
        own: Callable[[], Recorder] | None = None,
        parent: QObject | None = None,
        *,
        since: int | None = None,
    ) -> None:
        """``since``: the audit head already read (the start's snapshot); read here when not given."""
        super().__init__(parent)
        self.store = store
        self.own = own
        self.last_seq = latest_seq(store) if since is None else since
        self._timer: QTimer | None = None
        self._thread: threading.Thread | None = None
        self._stop = threading.Event()

    def start(self) -> None:
        if pushes_changes(self.store):
            self._thread = threading.Thread(target=self._listen, name="kohogate-listen", daemon=True)
            self._thread.start()
        else:
            self._timer = QTimer(self)
            self._timer.setInterval(POLL_MS)
            self._timer.timeout.connect(self.poll)
            self._timer.start()

    def poll(self) -> None:
        try:
            seq = latest_seq(self.store)
            if seq != self.last_seq:
                self._collect()
        except Exception:  # a busy or vanished database: try again next tick
            log.warning("change poll failed", exc_info=True)

    def _collect(self) -> None:
        """Read what was recorded since the last look and announce it (either thread; one per store dialect)."""
        entries = entries_since(self.store, self.last_seq, limit=PAGE)
        if not entries:
            return
        self.last_seq = entries[-1].seq
        if len(entries) >= PAGE:
            self.last_seq = latest_seq(self.store)
        changes = changes_from(entries, self.own() if self.own is not None else None)
        if not changes.empty:
            self.changed.emit(changes)

    def _listen(self) -> None:
        listener: PostgresListener | None = None
        while not self._stop.is_set():
            try:
                if listener is None:
                    listener = listen(self.store)
                    self._collect()  # whatever happened while (re)connecting
                if listener.wait(timeout=1.0):
                    self._collect()
            except Exception:
                # The server restarted or the network dropped: reconnect after a pause.
                log.warning("change listener lost its connection", exc_info=True)
                if listener is not None:
                    listener.close()
                listener = None
                self._stop.wait(5)
        if listener is not None:
            listener.close()

    def stop(self) -> None:
        self._stop.set()
        if self._timer is not None:
            self._timer.stop()
        if self._thread is not None:
            self._thread.join(timeout=3)
