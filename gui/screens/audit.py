"""監査記録: the audit record, its verification and CSV export (both off the UI thread)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QProgressDialog,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from core.audit.events import event_label
from core.audit.export import export_csv
from core.audit.verify import VerifyResult, verify_chain
from core.services.audit_log import AuditRow, count_audit, query_audit
from gui.i18n import translator
from gui.models.table import Column, PagedModel
from gui.screens.base import Screen
from gui.session import AppSession
from gui.tasks import Progress, run_task
from gui.widgets.tables import make_table

tr = translator("AuditScreen")


class AuditScreen(Screen):
    def __init__(self, session: AppSession, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        store = session.store
        self.model: PagedModel[AuditRow] = PagedModel(
            [
                Column(tr("No."), lambda e: e.seq, "seq"),
                Column(
                    tr("Time"), lambda e: e.local_time, tooltip=lambda e: tr("UTC: {time}").format(time=e.recorded_at)
                ),
                Column(
                    tr("Actor"),
                    lambda e: f"{e.actor_name} ({e.actor})" if e.actor_name else e.actor,
                    tooltip=lambda e: tr("Terminal: {host}").format(host=e.terminal_host or e.terminal),
                ),
                Column(tr("Event"), lambda e: event_label(e.event), tooltip=lambda e: e.event),
                Column(tr("Details"), lambda e: e.payload, tooltip=lambda e: e.payload),
                Column(tr("Hash"), lambda e: e.hash[:16] + "…", tooltip=lambda e: e.hash),
            ],
            lambda offset, limit, _key, desc: query_audit(store, offset=offset, limit=limit, descending=desc),
            lambda: count_audit(store),
            default_sort="seq",
        )
        self.table = make_table(self.model, tr("Audit record"), self, stretch_column=4)
        self.result = QLabel(tr("Not verified in this session."))
        self.result.setObjectName("verifyResult")
        self.result.setWordWrap(True)
        self.verify_button = QPushButton(tr("&Verify chain"))
        self.export_button = QPushButton(tr("&Export CSV…"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.verify_button)
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.result, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.verify_button.clicked.connect(self.verify)
        self.export_button.clicked.connect(self.ask_export)

    def refresh(self) -> None:
        self.model.reload()

    def _progress(self, title: str) -> QProgressDialog:
        dialog = QProgressDialog(title, "", 0, 0, self)
        dialog.setCancelButton(None)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(300)
        return dialog

    def verify(self) -> None:
        self.verify_button.setEnabled(False)
        dialog = self._progress(tr("Verifying the audit record…"))
        store = self.session.store

        def work(report: Progress) -> VerifyResult:
            return verify_chain(store, report)

        def done(result: VerifyResult) -> None:
            dialog.close()
            self.verify_button.setEnabled(True)
            self.show_result(result)

        def failed(exc: BaseException) -> None:
            dialog.close()
            self.verify_button.setEnabled(True)
            from gui.crash import report_exception

            report_exception(exc)

        run_task(work, on_done=done, on_error=failed, on_progress=_progress_to(dialog), parent=self)

    def show_result(self, result: VerifyResult) -> None:
        colour = "#1b7a35" if result.ok else "#a61b1b"
        text = (
            tr("Intact: {count} entries checked.").format(count=result.checked)
            if result.ok
            else tr("BROKEN at entry {seq}: {reason}").format(seq=result.first_bad_seq, reason=result.reason)
        )
        self.result.setText(text)
        self.result.setStyleSheet(f"color: {colour}; font-weight: bold;")

    def ask_export(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self, tr("Export audit record"), "kohogate-audit.csv", tr("CSV files (*.csv)")
        )
        if name:
            self.export(Path(name))

    def export(self, path: Path) -> None:
        dialog = self._progress(tr("Exporting the audit record…"))
        store = self.session.store

        def done(count: int) -> None:
            dialog.close()
            self.result.setStyleSheet("")
            self.result.setText(tr("{count} entries exported to {path}.").format(count=count, path=path))

        def failed(exc: BaseException) -> None:
            dialog.close()
            from gui.crash import report_exception

            report_exception(exc)

        run_task(
            lambda report: export_csv(store, path, report),
            on_done=done,
            on_error=failed,
            on_progress=_progress_to(dialog),
            parent=self,
        )


def _progress_to(dialog: QProgressDialog) -> Progress:
    def update(done: int, total: int) -> None:
        dialog.setMaximum(max(total, 1))
        dialog.setValue(min(done, max(total, 1)))

    return update
