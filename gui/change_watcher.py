"""Notices changes made by other windows and workstations.

PostgreSQL: a listener thread waits for ``NOTIFY`` (core.services.changes) — new
submissions show up within a second. SQLite: a timer reads the audit head
every two seconds (one row; cheap). Either way ``changed`` is emitted on the
UI thread and the screens refresh themselves.
"""

from __future__ import annotations

import logging
import threading
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from core.services.changes import latest_seq, listen, pushes_changes

if TYPE_CHECKING:
    from core.services.changes import PostgresListener
    from core.storage.engine import Store

log = logging.getLogger(__name__)

POLL_MS = 2000


class ChangeWatcher(QObject):
    """Signals: ``changed()`` whenever the audit head moved (something was recorded)."""

    changed = Signal()

    def __init__(self, store: Store, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.last_seq = latest_seq(store)
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
        except Exception:  # a busy or vanished database: try again next tick
            log.warning("change poll failed", exc_info=True)
            return
        if seq != self.last_seq:
            self.last_seq = seq
            self.changed.emit()

    def _listen(self) -> None:
        listener: PostgresListener | None = None
        while not self._stop.is_set():
            try:
                if listener is None:
                    listener = listen(self.store)
                if listener.wait(timeout=1.0):
                    self.changed.emit()
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
