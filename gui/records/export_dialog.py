"""決裁記録の一括出力: choose a period and a folder; core.records.export writes the files.

The period defaults to this 年度 so far; buttons set this or last month and
this or last 年度 (April to March). The export runs off the UI thread with
its progress shown; the result is said in one message, naming the folder.
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressDialog,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from core.records.export import ExportResult, export_records
from core.records.numbering import FISCAL_YEAR_START_MONTH, fiscal_year
from gui import messages
from gui.i18n import translator
from gui.operations import Operation
from gui.session import AppSession
from gui.widgets.plain import plain

tr = translator("RecordsExport")


def month_of(day: date, back: int = 0) -> tuple[date, date]:
    """The first and last day of the month ``back`` months before ``day``'s."""
    first = day.replace(day=1)
    for _ in range(back):
        first = (first - timedelta(days=1)).replace(day=1)
    following = (first + timedelta(days=32)).replace(day=1)
    return first, following - timedelta(days=1)


def fiscal_year_of(day: date, back: int = 0) -> tuple[date, date]:
    """The first and last day of the 年度 ``back`` years before ``day``'s."""
    year = fiscal_year(day) - back
    return date(year, FISCAL_YEAR_START_MONTH, 1), date(year + 1, FISCAL_YEAR_START_MONTH, 1) - timedelta(days=1)


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _day(edit: QDateEdit) -> date:
    value = edit.date()
    return date(value.year(), value.month(), value.day())


class RecordsExportDialog(QDialog):
    def __init__(self, session: AppSession, parent: QWidget | None = None, *, today: date | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.today = today or date.today()
        self.result_: ExportResult | None = None
        self.setWindowTitle(tr("Export approval records for filing"))
        self.first = QDateEdit()
        self.last = QDateEdit()
        for edit, name in ((self.first, tr("First day")), (self.last, tr("Last day"))):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setAccessibleName(name)
        self.folder = QLineEdit()
        self.folder.setAccessibleName(tr("Folder"))
        self.browse = QPushButton(tr("&Browse…"))
        self.note = plain(QLabel())
        presets = QHBoxLayout()
        for text, period in (
            (tr("This &month"), month_of(self.today)),
            (tr("&Last month"), month_of(self.today, 1)),
            (tr("This &fiscal year"), fiscal_year_of(self.today)),
            (tr("Last fiscal &year"), fiscal_year_of(self.today, 1)),
        ):
            button = QPushButton(text)
            button.clicked.connect(lambda _checked=False, p=period: self.set_period(*p))
            presets.addWidget(button)
        presets.addStretch(1)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(self.browse)
        form = QFormLayout()
        form.addRow(tr("&From:"), self.first)
        form.addRow(tr("&To:"), self.last)
        form.addRow("", _wrap(presets))
        form.addRow(tr("F&older:"), _wrap(folder_row))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.export_button = self.buttons.addButton(tr("&Export"), QDialogButtonBox.ButtonRole.AcceptRole)
        layout = QVBoxLayout(self)
        self.note.setText(
            tr(
                "One PDF per draft approved in the period (approved or published now), named by its document "
                "number, and index.csv listing them."
            )
        )
        self.note.setWordWrap(True)
        layout.addWidget(self.note)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.browse.clicked.connect(self._browse)
        self.buttons.accepted.connect(self.export)
        self.buttons.rejected.connect(self.reject)
        start, _ = fiscal_year_of(self.today)
        self.set_period(start, self.today)

    def set_period(self, first: date, last: date) -> None:
        self.first.setDate(_qdate(first))
        self.last.setDate(_qdate(last))

    def _browse(self) -> None:
        name = QFileDialog.getExistingDirectory(self, tr("Folder for the records"), self.folder.text())
        if name:
            self.folder.setText(name)

    def export(self) -> None:
        folder = self.folder.text().strip()
        if not folder:
            messages.warning(self, tr("No folder"), tr("Choose the folder to write the records into."))
            return
        first, last, store, out = _day(self.first), _day(self.last), self.session.store, Path(folder)
        dialog = QProgressDialog(tr("Writing the approval records…"), "", 0, 0, self)
        dialog.setCancelButton(None)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(300)
        self.export_button.setEnabled(False)

        def progress(done: int, total: int) -> None:
            dialog.setMaximum(max(total, 1))
            dialog.setValue(min(done, max(total, 1)))

        def finished() -> None:
            dialog.close()
            self.export_button.setEnabled(True)

        Operation.with_progress(self, lambda report: export_records(store, first, last, out, report)).progress(
            progress
        ).finished(finished).success(self._done).run()

    def _done(self, result: ExportResult) -> None:
        self.result_ = result
        messages.info(
            self,
            tr("Approval records written"),
            tr("{count} approval records and index.csv were written to {folder}.").format(
                count=len(result.files), folder=result.folder
            ),
        )
        self.accept()


def _wrap(layout: QHBoxLayout) -> QWidget:
    holder = QWidget()
    layout.setContentsMargins(0, 0, 0, 0)
    holder.setLayout(layout)
    return holder
