"""Deletion requests awaiting a supervisor (shown on the 承認待ち screen).

Signals:
    decided(): a request was approved or rejected.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QInputDialog, QLabel, QPushButton, QVBoxLayout, QWidget

from core.errors import KohoGateError
from core.lifecycle.states import DeletionState
from core.platforms.facts import platform_label
from core.publishing.records import DeletionRow, PublicationService, deletion_requests
from gui.changes import Changes
from gui.i18n import translator
from gui.models.rows import Column, RowsModel
from gui.operations import LatestRead, Operation
from gui.session import AppSession
from gui.widgets.table_view import make_table

tr = translator("Publishing")


class DeletionRequestsPanel(QWidget):
    decided = Signal()

    def __init__(self, session: AppSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("deletionRequests")
        self.session = session
        self.model: RowsModel[DeletionRow] = RowsModel(
            [
                Column(tr("Requested"), lambda d: d.requested_at),
                Column(tr("Account"), lambda d: f"{d.account} ({platform_label(d.platform)})"),
                Column(tr("Requested by"), lambda d: d.requested_by),
                Column(tr("Reason"), lambda d: d.reason, tooltip=lambda d: d.reason),
                Column(tr("Post"), lambda d: d.text, tooltip=lambda d: f"{d.text}\n{d.url or ''}"),
            ]
        )
        self.table = make_table(self.model, tr("Deletion requests"), self, stretch_column=4)
        self.title = QLabel()
        self.approve_button = QPushButton(tr("&Approve deletion"))
        self.reject_button = QPushButton(tr("Re&ject deletion…"))
        self.error = QLabel()
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self.error.setStyleSheet("color: #b00020;")
        row = QHBoxLayout()
        row.addWidget(self.approve_button)
        row.addWidget(self.reject_button)
        row.addWidget(self.error, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        self.approve_button.clicked.connect(lambda: self.decide(True))
        self.reject_button.clicked.connect(lambda: self.decide(False))
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update())
        self.reads = LatestRead(self)
        self.refresh()

    def refresh(self) -> None:
        """Read the requests off the UI thread (an answer to an older refresh is dropped)."""
        store = self.session.store
        self.reads.run(lambda: deletion_requests(store, states=(DeletionState.REQUESTED,)), self._show)

    def _show(self, rows: list[DeletionRow]) -> None:
        self.model.set_rows(rows)
        self.title.setText(tr("Deletion requests awaiting a decision: {count}").format(count=len(rows)))
        self._update()

    def _selected(self) -> DeletionRow | None:
        indexes = self.table.selectionModel().selectedRows()
        return self.model.row(indexes[0].row()) if indexes else None

    def _update(self) -> None:
        selected = self._selected()
        for button in (self.approve_button, self.reject_button):
            button.setEnabled(selected is not None)

    def decide(self, approve: bool, comment: str | None = None) -> None:
        selected = self._selected()
        if selected is None:
            return
        if comment is None and not approve:
            comment, ok = QInputDialog.getText(self, tr("Reject deletion"), tr("Why is the post kept?"))
            if not ok:
                return
        service, request_id, reason = self.session.service(PublicationService), selected.id, comment or ""

        def refused(exc: KohoGateError) -> None:
            self.error.setText(exc.message)

        def done(_result: object) -> None:
            self.error.setText("")
            self.refresh()
            self.decided.emit()

        Operation(self, lambda: service.decide_deletion(request_id, approve, reason)).changes(
            Changes(all_drafts=True, queue=True)
        ).failure(refused).success(done).run()
