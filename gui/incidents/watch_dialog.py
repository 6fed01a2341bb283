"""The impersonation watch from the desk: what the platforms' searches found, and one step to an incident.

The search itself (:func:`core.incidents.watch.watch_impersonation`) runs off
the UI thread before this dialog opens; the dialog only shows the report.
"""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from core.incidents.watch import Candidate, WatchReport
from core.platforms.facts import platform_label
from gui.i18n import translator
from gui.models.rows import Column, RowsModel
from gui.widgets.palette import BLOCK
from gui.widgets.plain import plain
from gui.widgets.table_view import make_table, selected_row

tr = translator("IncidentDialogs")


class WatchDialog(QDialog):
    """Candidates, new ones first; "Open an incident" turns the selected one into an impersonation incident."""

    OPEN = 2

    def __init__(self, report: WatchReport, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Look-alike accounts"))
        self.model: RowsModel[Candidate] = RowsModel(
            [
                Column(
                    tr("New"),
                    lambda c: tr("known") if c.known else tr("NEW"),
                    foreground=lambda c: None if c.known else BLOCK,
                ),
                Column(tr("Service"), lambda c: platform_label(c.found.platform)),
                Column(tr("Account"), lambda c: c.found.handle),
                Column(tr("Display name"), lambda c: c.found.display_name),
                Column(tr("Resembles"), lambda c: f"{c.official_handle} ({c.resembles})"),
                Column(tr("Address"), lambda c: c.found.url),
            ]
        )
        self.model.set_rows(sorted(report.candidates, key=lambda c: (c.known, c.found.handle)))
        self.table = make_table(self.model, tr("Look-alike accounts"), self, stretch_column=5)
        lines = []
        if not report.candidates:
            lines.append(tr("No look-alike accounts found."))
        if report.not_searchable:
            lines.append(
                tr("Not searchable through the platform's API (check by hand): {handles}").format(
                    handles=", ".join(report.not_searchable)
                )
            )
        lines += [tr("Could not search for {handle}: {message}").format(handle=h, message=m) for h, m in report.errors]
        summary = plain(QLabel("\n".join(lines)))
        summary.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.open_button = buttons.addButton(tr("&Open an incident"), QDialogButtonBox.ButtonRole.ActionRole)
        self.open_button.clicked.connect(lambda: self.done(self.OPEN))
        buttons.rejected.connect(self.reject)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update())
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(summary)
        layout.addWidget(buttons)
        # The table may sort by a column; select the first new candidate wherever it ended up.
        for row in range(self.model.rowCount()):
            if not self.model.row(row).known:
                self.table.selectRow(row)
                break
        self._update()
        self.resize(900, 420)

    def chosen(self) -> Candidate | None:
        row = selected_row(self.table)
        return self.model.row(row) if row is not None else None

    def _update(self) -> None:
        chosen = self.chosen()
        self.open_button.setEnabled(chosen is not None and not chosen.known)
