"""監査記録: the audit record, its verification and CSV export (both off the UI thread).

Each entry is shown as a one-line summary (:func:`core.services.audit_log.summarize`);
the recorded JSON of the selected entry is in the pane below the list. The
filters only build an :class:`AuditFilter`; the database does the filtering,
page by page, as for the drafts list.
"""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QProgressDialog,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from core.audit.events import event_label
from core.audit.verify import VerifyResult, verify_chain
from core.services.audit_export import export_csv
from core.services.audit_log import (
    AuditActor,
    AuditFilter,
    AuditRow,
    audit_actors,
    audit_events,
    count_audit,
    query_audit,
)
from gui.changes import Changes
from gui.i18n import translator
from gui.models.rows import Column, KeysetModel, Page
from gui.operations import Operation
from gui.screens.base import Screen
from gui.session import AppSession
from gui.tasks import Progress
from gui.widgets.combos import refill
from gui.widgets.date_range import DateRangeFilter
from gui.widgets.plain import plain
from gui.widgets.table_view import make_table, selected_row

tr = translator("AuditScreen")


class AuditListModel(KeysetModel[AuditRow, int]):
    """The record page by page off the UI thread; a page starts after the last ``seq`` shown (a keyset)."""

    def __init__(self, session: AppSession, parent: QWidget | None = None) -> None:
        self.session = session
        self.filter = AuditFilter()
        super().__init__(
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
                # The whole sentence when the column is too narrow; the JSON is in the pane below.
                Column(tr("Details"), lambda e: e.summary, tooltip=lambda e: e.summary),
                Column(tr("Hash"), lambda e: e.hash[:16] + "…", tooltip=lambda e: e.hash),
            ],
            self._page,
            self._count,
            default_sort="seq",
            parent=parent,
        )

    def _page(self, after: int | None, limit: int, _key: str, descending: bool) -> Page[AuditRow, int]:
        # On a worker: a page read for a filter since replaced is dropped by the model (set_filter reloads).
        rows = query_audit(self.session.store, limit=limit, descending=descending, flt=self.filter, after=after)
        return rows, rows[-1].seq if len(rows) == limit else None

    def _count(self) -> int:
        return count_audit(self.session.store, self.filter)

    def set_filter(self, flt: AuditFilter) -> None:
        self.filter = flt
        self.reload()


class AuditScreen(Screen):
    def __init__(self, session: AppSession, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.model = AuditListModel(session, self)
        self._filtered = False
        self._reveal_pending = False
        self.table = make_table(self.model, tr("Audit record"), self, stretch_column=4)
        filters = self._build_filters()
        details = self._build_details()
        buttons = self._build_actions()
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self.table)
        splitter.addWidget(details)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([400, 180])
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(splitter, 1)
        layout.addLayout(buttons)
        self._set_tab_order()
        self._wire()

    def _build_filters(self) -> QGridLayout:
        self.actor_filter = QComboBox()
        self.actor_filter.setAccessibleName(tr("Filter by person"))
        self.event_filter = QComboBox()
        self.event_filter.setAccessibleName(tr("Filter by event"))
        self.dates = DateRangeFilter(tr("Filter by date"), tr("Recorded from"), tr("Recorded to"), self)
        self.period, self.date_from, self.date_to = self.dates.period, self.dates.date_from, self.dates.date_to
        self.clear_button = QPushButton(tr("C&lear filters"))
        self.count_label = QLabel()
        self.count_label.setObjectName("auditCount")
        filters = QGridLayout()
        fields: tuple[tuple[int, int, str, QWidget], ...] = (
            (0, 0, tr("&Person:"), self.actor_filter),
            (0, 1, tr("Even&t:"), self.event_filter),
            (1, 0, tr("&Recorded:"), self.period),
            (1, 1, tr("Fro&m:"), self.date_from),
            (1, 2, tr("T&o:"), self.date_to),
        )
        for row, position, caption, widget in fields:
            label = QLabel(caption)
            label.setBuddy(widget)
            filters.addWidget(label, row, 2 * position)
            filters.addWidget(widget, row, 2 * position + 1)
        filters.addWidget(self.count_label, 0, 5, 1, 3, Qt.AlignmentFlag.AlignRight)
        filters.addWidget(self.clear_button, 1, 7, Qt.AlignmentFlag.AlignRight)
        filters.setColumnStretch(6, 1)
        # Wide enough for long names and event labels, without pushing the date fields off the row.
        for combo in (self.actor_filter, self.event_filter):
            combo.setMinimumContentsLength(18)
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        return filters

    def _build_details(self) -> QWidget:
        """The selected entry in words; the raw recorded JSON one click away, in the second tab."""
        self.details = QPlainTextEdit()
        self.details.setObjectName("auditDetails")
        self.details.setAccessibleName(tr("The selected entry in words"))
        self.details.setPlaceholderText(tr("Select an entry to see everything that was recorded for it."))
        self.raw = QPlainTextEdit()
        self.raw.setObjectName("auditRaw")
        self.raw.setAccessibleName(tr("Recorded data of the selected entry"))
        self.raw.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        for edit in (self.details, self.raw):
            edit.setReadOnly(True)
            edit.setTabChangesFocus(True)
        self.detail_tabs = QTabWidget()
        self.detail_tabs.addTab(self.details, tr("&Details"))
        self.detail_tabs.addTab(self.raw, tr("Recorded data (&JSON)"))
        return self.detail_tabs

    def _build_actions(self) -> QHBoxLayout:
        self.result = plain(QLabel(tr("Not verified in this session.")))
        self.result.setObjectName("verifyResult")
        self.result.setWordWrap(True)
        self.verify_button = QPushButton(tr("Verify chai&n"))
        self.export_button = QPushButton(tr("&Export CSV…"))
        self.export_button.setToolTip(tr("Exports the whole record, whatever the filters show."))
        buttons = QHBoxLayout()
        buttons.addWidget(self.verify_button)
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.result, 1)
        return buttons

    def _set_tab_order(self) -> None:
        # Reading order: the filters, the list, the selected entry, then what to do with the record.
        chain = [
            self.actor_filter,
            self.event_filter,
            self.period,
            self.date_from,
            self.date_to,
            self.clear_button,
            self.table,
            self.detail_tabs,
            self.details,
            self.raw,
            self.verify_button,
            self.export_button,
        ]
        for before, after in pairwise(chain):
            QWidget.setTabOrder(before, after)

    def _wire(self) -> None:
        for combo in (self.actor_filter, self.event_filter):
            combo.currentIndexChanged.connect(self._apply_filter)
        self.dates.changed.connect(self._apply_filter)
        self.clear_button.clicked.connect(self.clear_filters)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._show_details())
        self.model.modelReset.connect(self._show_details)
        self.model.loading_changed.connect(self._loaded)
        self.model.counted.connect(self._show_count)
        self.model.failed.connect(self.count_label.setText)
        self.verify_button.clicked.connect(self.verify)
        self.export_button.clicked.connect(self.ask_export)

    def concerned_by(self, changes: Changes) -> bool:
        return changes.audit

    def refresh(self) -> None:
        store = self.session.store
        self.read(lambda: (audit_actors(store), audit_events(store)), lambda read: self._refreshed(*read))

    def _refreshed(self, actors: list[AuditActor], events: list[str]) -> None:
        refill(self.actor_filter, tr("Everyone"), [(a.label, a.login) for a in actors])
        refill(self.event_filter, tr("All events"), [(event_label(code), code) for code in events])
        self._apply_filter()

    def clear_filters(self) -> None:
        """Back to the whole record: one reload, not one per control."""
        for combo in (self.actor_filter, self.event_filter):
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        self.dates.reset()
        self._apply_filter()

    def _apply_filter(self) -> None:
        first, last = self.dates.days()
        self.model.set_filter(
            AuditFilter(
                actor=self.actor_filter.currentData(),
                event=self.event_filter.currentData(),
                first_day=first,
                last_day=last,
            )
        )
        self._filtered = any((self.actor_filter.currentIndex() > 0, self.event_filter.currentIndex() > 0, first, last))
        self._reveal_pending = True

    def _show_count(self, *_: object) -> None:
        count = self.model.total
        if self.model.loading or count is None:
            self.count_label.setText(tr("Loading…"))
        elif self._filtered:
            self.count_label.setText(tr("{count} matching entries").format(count=count))
        else:
            self.count_label.setText(tr("{count} entries").format(count=count))

    def _loaded(self, loading: bool) -> None:
        self._show_count()
        if not loading and self._reveal_pending:
            self._reveal_pending = False
            # The view restores the old scroll offset after a reset, which means nothing in a different list.
            QTimer.singleShot(0, self.table, self._reveal_selection)

    def _reveal_selection(self) -> None:
        row = selected_row(self.table)
        if row is None:
            self.table.scrollToTop()
        else:
            self.table.scrollTo(self.model.index(row, 0))

    def _show_details(self) -> None:
        row = selected_row(self.table)
        entry = self.model.row(row) if row is not None else None
        if entry is None:
            self.details.clear()
            self.raw.clear()
            return
        lines = [
            entry.summary,
            "",
            tr("No. {seq} · {time} ({offset_time})").format(
                seq=entry.seq, time=entry.local_time, offset_time=entry.local_time_with_offset
            ),
            tr("Event: {event}").format(event=event_label(entry.event)),
            tr("By: {person} on the terminal {terminal}").format(
                person=entry.actor_label, terminal=entry.terminal_host or entry.terminal
            ),
            "",
            *(f"{label}: {value}" for label, value in entry.details),
            "",
            tr("Hash: {hash}").format(hash=entry.hash),
        ]
        self.details.setPlainText("\n".join(lines))
        self.raw.setPlainText(
            tr("No. {seq} · {event} ({code}) · terminal {terminal}\nHash: {hash}\n\n{json}").format(
                seq=entry.seq,
                event=event_label(entry.event),
                code=entry.event,
                terminal=entry.terminal_host or entry.terminal,
                hash=entry.hash,
                json=entry.pretty_payload,
            )
        )

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

        def finished() -> None:
            dialog.close()
            self.verify_button.setEnabled(True)

        Operation.with_progress(self, work).progress(_progress_to(dialog)).finished(finished).success(
            self.show_result
        ).run()

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

        def finished() -> None:
            dialog.close()

        def done(count: int) -> None:
            self.result.setStyleSheet("")
            self.result.setText(tr("{count} entries exported to {path}.").format(count=count, path=path))

        Operation.with_progress(self, lambda report: export_csv(store, path, report)).progress(
            _progress_to(dialog)
        ).finished(finished).success(done).run()


def _progress_to(dialog: QProgressDialog) -> Progress:
    def update(done: int, total: int) -> None:
        dialog.setMaximum(max(total, 1))
        dialog.setValue(min(done, max(total, 1)))

    return update
