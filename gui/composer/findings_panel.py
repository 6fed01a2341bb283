"""The list of findings beside the editor, and the acknowledge box for ``confirm`` findings.

Signals (FindingsPanel):
    activated(dict): a finding was chosen (click/Enter); the composer selects its span.
    acknowledged(str, str): finding key and the one-line reason the operator gave.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from operator import attrgetter

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from core.checks.model import Severity
from core.composer.acknowledgements import MAX_REASON
from core.composer.findings import FindingRecord
from core.i18n import current_language
from gui.i18n import translator
from gui.widgets.palette import SEVERITY_COLOURS
from gui.widgets.plain import plain

tr = translator("Composer")
#: Rows of the findings list laid out per event-loop turn (see FindingsPanel).
LAYOUT_BATCH = 10
#: Items made per event-loop turn while a long list is filled (see FindingsModel).
FILL_CHUNK = 100


def severity_label(severity: str) -> str:
    return Severity.label_of(severity)


# What a row shows of a record: everything but where its text is (attrgetter runs in C).
_shown = attrgetter("key", "rule", "severity", "clause", "media_index", "message_ja", "message_en")


class FindingsModel(QStandardItemModel):
    """Findings (as stored with the version) with whether each ``confirm`` one is acknowledged.

    The rows are Qt's own items, and this class overrides none of the model's
    virtual methods: the view lays out and paints the wrapped rows without
    calling back into Python. A Python ``data()`` took the interpreter lock for
    every role of every row, and while a check worker ran Python each of those
    calls waited for it — a ten-row layout batch took 22–180 ms instead of
    6–15 ms (tests/bench/bench_composer_enter.py).

    Items cost 15–35 µs each to make, so a long list is filled
    :data:`FILL_CHUNK` rows per event-loop turn; until it is full the items are
    the first rows of :attr:`_records`, which :meth:`record` reads.
    """

    def __init__(self) -> None:
        super().__init__(0, 1)  # the one column from the start: the first rows must not also insert it
        self._records: list[FindingRecord] = []
        self._reasons: dict[str, str] = {}
        self._brushes: dict[str, QBrush] = {}
        self._fill_timer = QTimer(self)
        self._fill_timer.setSingleShot(True)
        self._fill_timer.setInterval(0)
        self._fill_timer.timeout.connect(self._fill_more)

    @property
    def filling(self) -> bool:
        """Rows still to be added to the view (a long list comes in over a few turns)."""
        return self.rowCount() < len(self._records)

    def set_findings(self, records: Sequence[FindingRecord], reasons: Mapping[str, str]) -> None:
        """Show ``records``, telling the view only about the rows that differ.

        A reset makes the view lay out every wrapped row again (200 ms for 700
        findings on the UI thread); a new check result usually differs from
        the last in a row or two, or only in where the findings stand.
        """
        records = list(records)
        old = list(map(_shown, self._records))
        new = list(map(_shown, records))
        if dict(reasons) != self._reasons or (self.filling and old != new):
            self._reasons = dict(reasons)
            self._rebuild(records)
            return
        # The records (with where each finding stands now) live here, not in the items: a
        # result that only moved the findings then costs the items nothing.
        self._records = records
        if old == new:
            return  # only where the findings stand changed: the rows read the same (a fill goes on)
        both = min(len(old), len(new))
        prefix = next((i for i in range(both) if old[i] != new[i]), both)
        suffix = next((i for i in range(both - prefix) if old[-1 - i] != new[-1 - i]), both - prefix)
        replaced = both - prefix - suffix
        first = prefix + replaced
        if len(new) - len(old) > FILL_CHUNK:
            self._rebuild(records)  # a long list pasted in: filled over a few turns
            return
        root = self.invisibleRootItem()
        if len(new) > len(old):
            root.insertRows(first, [self._item(r) for r in records[first : first + len(new) - len(old)]])
        elif len(new) < len(old):
            self.removeRows(first, len(old) - len(new))
        if replaced:
            blocked = self.blockSignals(True)  # one dataChanged for the range, not one per role and row
            try:
                for row in range(prefix, first):
                    self._fill(self.item(row), records[row])
            finally:
                self.blockSignals(blocked)
            self.dataChanged.emit(self.index(prefix, 0), self.index(first - 1, 0))

    def _rebuild(self, records: list[FindingRecord]) -> None:
        self._fill_timer.stop()
        self.beginResetModel()
        # Inside the reset the view must hear nothing else: the rows change under it in one go.
        blocked = self.blockSignals(True)
        try:
            self.removeRows(0, self.rowCount())
            self._records = records
            self._append(FILL_CHUNK)
        finally:
            self.blockSignals(blocked)
        self.endResetModel()
        self._fill_more_soon()

    def _fill_more(self) -> None:
        self._append(FILL_CHUNK)
        self._fill_more_soon()

    def _fill_more_soon(self) -> None:
        if self.filling:
            self._fill_timer.start()

    def _append(self, count: int) -> None:
        start = self.rowCount()
        items = [self._item(r) for r in self._records[start : start + count]]
        if items:
            self.invisibleRootItem().appendRows(items)

    def _item(self, record: FindingRecord) -> QStandardItem:
        item = QStandardItem()
        item.setEditable(False)
        self._fill(item, record)
        return item

    def _fill(self, item: QStandardItem, record: FindingRecord) -> None:
        item.setText(self._text(record))  # also what a screen reader says (no AccessibleTextRole of its own)
        severity = record.severity.value
        brush = self._brushes.get(severity)
        if brush is None:
            brush = self._brushes[severity] = QBrush(QColor(SEVERITY_COLOURS.get(severity, "#000000")))
        item.setForeground(brush)
        item.setToolTip(record.message(current_language()))

    def _text(self, record: FindingRecord) -> str:
        reason = self._reasons.get(record.key, "")
        lines = [f"{severity_label(record.severity.value)}: {record.message(current_language())}", f"[{record.clause}]"]
        if record.needs_acknowledgement:
            lines.append(tr("✔ Acknowledged: {reason}").format(reason=reason) if reason else tr("Not acknowledged yet"))
        return "\n".join(lines)

    def record(self, row: int) -> FindingRecord:
        """The finding on ``row``, with where it stands in the text now."""
        return self._records[row]


class FindingsPanel(QWidget):
    activated = Signal(object)
    acknowledged = Signal(str, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = FindingsModel()
        self.view = QListView()
        self.view.setModel(self.model)
        self.view.setAccessibleName(tr("Findings"))
        self.view.setWordWrap(True)
        self.view.setSpacing(3)
        self.view.setAlternatingRowColors(True)
        # Hundreds of wrapped rows are laid out a batch per event-loop pass, so
        # typing is not held up while a long draft's list is measured. Ten a
        # pass: fifty wrapped rows took 20–30 ms a pass (a key waits for it),
        # ten 8–15 ms, on a loaded two-core machine (tests/bench/bench_composer_enter.py).
        self.view.setLayoutMode(QListView.LayoutMode.Batched)
        self.view.setBatchSize(LAYOUT_BATCH)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.summary = plain(QLabel())
        self.summary.setWordWrap(True)
        self.reason_label = QLabel(tr("&Reason for going ahead (one line, shown to the supervisor):"))
        self.reason_label.setWordWrap(True)
        self.reason = QLineEdit()
        self.reason.setMaxLength(MAX_REASON)
        self.reason.setAccessibleName(tr("Reason for the acknowledgement"))
        self.reason_label.setBuddy(self.reason)
        self.ack_button = QPushButton(tr("Ac&knowledge"))
        self.ack_button.setAccessibleName(tr("Acknowledge the selected finding"))
        row = QHBoxLayout()
        row.addWidget(self.reason, 1)
        row.addWidget(self.ack_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.reason_label)
        layout.addLayout(row)
        self.view.clicked.connect(self._chosen)
        self.view.activated.connect(self._chosen)
        self.view.selectionModel().currentChanged.connect(lambda current, _previous: self._update_ack(current))
        self.reason.textChanged.connect(lambda _t: self._update_ack(self.view.currentIndex()))
        self.reason.returnPressed.connect(self._acknowledge)
        self.ack_button.clicked.connect(self._acknowledge)
        self._update_ack(QModelIndex())

    def set_findings(self, records: Sequence[FindingRecord], reasons: Mapping[str, str]) -> None:
        current = self.view.currentIndex()
        key = self.model.record(current.row()).key if current.isValid() else None
        self.model.set_findings(records, reasons)
        if key is not None:
            for row in range(self.model.rowCount()):
                if self.model.record(row).key == key:
                    self.view.setCurrentIndex(self.model.index(row, 0))
                    break
        blocking = sum(1 for r in records if r.severity is Severity.BLOCK)
        open_confirms = sum(1 for r in records if r.needs_acknowledgement and not reasons.get(r.key))
        if not records:
            self.summary.setText(tr("No findings."))
        else:
            self.summary.setText(
                tr("{blocking} to fix, {confirm} to acknowledge, {total} in all.").format(
                    blocking=blocking, confirm=open_confirms, total=len(records)
                )
            )
        self._update_ack(self.view.currentIndex())

    def _chosen(self, index: QModelIndex) -> None:
        if index.isValid():
            self.activated.emit(self.model.record(index.row()))

    def _update_ack(self, index: QModelIndex | QPersistentModelIndex) -> None:
        record = self.model.record(index.row()) if index.isValid() else None
        confirm = record is not None and record.needs_acknowledgement
        self.reason.setEnabled(confirm)
        self.reason_label.setEnabled(confirm)
        self.ack_button.setEnabled(confirm and bool(self.reason.text().strip()))

    def _acknowledge(self) -> None:
        index = self.view.currentIndex()
        if not index.isValid() or not self.reason.text().strip():
            return
        record = self.model.record(index.row())
        if not record.needs_acknowledgement:
            return
        self.acknowledged.emit(record.key, " ".join(self.reason.text().split()))
        self.reason.clear()
