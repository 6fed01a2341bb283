"""What every screen shares: the session, refresh when a change concerns it, reads and calls off the UI thread."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from core.audit.events import Changes
from gui.changes import change_hub
from gui.i18n import translator
from gui.operations import LatestRead, Operation
from gui.session import AppSession

tr = translator("Screen")

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
        self._readers: list[LatestRead] = []
        self._reads = self.reader()
        # Over the screen's top right corner rather than in its layout: every screen gets it, none reflows.
        self.loading_label = QLabel(tr("Loading…"), self)
        self.loading_label.setObjectName("screenLoading")
        self.loading_label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.loading_label.setStyleSheet("background: palette(window); padding: 2px 6px;")
        self.loading_label.hide()

    def refresh(self) -> None:
        """Read what the screen shows: through :meth:`read`, never on the UI thread."""
        raise NotImplementedError

    def read(self, call: Callable[[], R], then: Callable[[R], object]) -> None:
        """Read off the UI thread and show the answer on it; an answer to an older read is dropped.

        The screen keeps showing what it had (rows, selection) and says
        読み込み中… until the answer is in. ``call`` runs on a worker: take
        what it needs from the widgets before, never inside it.
        """

        def show(result: R) -> None:
            then(result)

        self._reads.run(call, show)

    def reader(self) -> LatestRead:
        """Another newest-answer-only read of this screen (a tab's own); the screen is loading while any is out."""
        reads = LatestRead(self)
        self.watch(reads)
        return reads

    def watch(self, reads: LatestRead) -> None:
        """Count ``reads`` (made by a part of the screen, a tab) among the screen's own."""
        self._readers.append(reads)
        reads.busy_changed.connect(self._busy_changed)

    @property
    def loading(self) -> bool:
        """A read of the screen is out."""
        return any(reads.busy for reads in self._readers)

    def _busy_changed(self, _busy: bool) -> None:
        loading = self.loading
        if loading:
            self._place_loading_label()
        self.loading_label.setVisible(loading)

    def _place_loading_label(self) -> None:
        self.loading_label.adjustSize()
        self.loading_label.move(max(self.width() - self.loading_label.width() - 4, 0), 2)
        self.loading_label.raise_()

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        if self.loading_label.isVisible():
            self._place_loading_label()

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
        """Read, and the answer shown, since the last change that concerned it (start-up's "usable" waits for it)."""
        return not self._stale and not self.loading

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
