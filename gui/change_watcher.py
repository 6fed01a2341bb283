"""Notices changes made by other windows and workstations, and says what they touched.

PostgreSQL: a listener thread waits for ``NOTIFY`` (core.services.changes) — new
submissions show up within a second. SQLite: a timer reads the audit head
every two seconds (one row; cheap), off the UI thread like every other read
(a file on a slow share must not stall typing). When the head moved, the
entries since the last one seen are read and turned into one
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
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from core.audit.events import Changes, changes_for_events
from core.audit.recorder import Recorder
from core.services.changes import RecordedChange, entries_since, latest_seq, listen, pushes_changes
from gui.tasks import run_task

if TYPE_CHECKING:
    from core.services.changes import PostgresListener
    from core.storage.engine import Store

log = logging.getLogger(__name__)

POLL_MS = 2000
PAGE = 500  # more entries than this since the last look: re-read everything rather than page through
AUTOSAVE_EVENT = "draft.saved"


@dataclass(frozen=True)
class Look:
    """One look at the chain: the newest sequence number seen, and the entries after the previous look."""

    last_seq: int
    entries: list[RecordedChange]


def look(store: Store, after: int) -> Look | None:
    """The entries recorded after ``after`` (``None``: the head has not moved). Any thread; reads only."""
    seq = latest_seq(store)
    if seq == after:
        return None
    entries = entries_since(store, after, limit=PAGE)
    if not entries:
        return Look(seq, [])
    # A flood (a page full): everything is re-read anyway, so continue from the head, not the page's end.
    return Look(latest_seq(store) if len(entries) >= PAGE else entries[-1].seq, entries)


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
        # Read once as the window is built (before any screen has read): nothing after it can be missed.
        # The start passes the head its one read found (core.services.startup.read_start), earlier still.
        self.last_seq = latest_seq(store) if since is None else since
        self._looking = False
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

    @property
    def looking(self) -> bool:
        """A look started by :meth:`poll` has not come back yet."""
        return self._looking

    def poll(self) -> None:
        """Look at the chain off the UI thread (SQLite's timer); a tick while the last look is out is skipped."""
        if self._looking:
            return
        self._looking = True
        store, after = self.store, self.last_seq
        run_task(lambda _report: look(store, after), on_done=self._looked, on_error=self._look_failed, parent=self)

    def _looked(self, seen: Look | None) -> None:
        self._looking = False
        self._apply(seen)

    def _look_failed(self, exc: BaseException) -> None:
        self._looking = False
        # A busy or vanished database: try again next tick (logged with the traceback, nothing shown).
        log.warning("change poll failed", exc_info=exc)

    def _apply(self, seen: Look | None) -> None:
        """Announce what a look found (on the thread that looked: the UI thread, or PostgreSQL's listener)."""
        if seen is None:
            return
        self.last_seq = seen.last_seq
        changes = changes_from(seen.entries, self.own() if self.own is not None else None)
        if not changes.empty:
            self.changed.emit(changes)

    def _collect(self) -> None:
        self._apply(look(self.store, self.last_seq))

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
