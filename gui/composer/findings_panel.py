"""The list of findings beside the editor, and the acknowledge box for ``confirm`` findings.

Signals (FindingsPanel):
    activated(dict): a finding was chosen (click/Enter); the composer selects its span.
    acknowledged(str, str): finding key and the one-line reason the operator gave.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from operator import attrgetter
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor
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
Index = QModelIndex | QPersistentModelIndex
RecordRole = Qt.ItemDataRole.UserRole + 1
#: Rows of the findings list laid out per event-loop turn (see FindingsPanel).
LAYOUT_BATCH = 10


def severity_label(severity: str) -> str:
    return Severity.label_of(severity)


# What a row shows of a record: everything but where its text is (attrgetter runs in C).
_shown = attrgetter("key", "rule", "severity", "clause", "media_index", "message_ja", "message_en")


class FindingsModel(QAbstractListModel):
    """Findings (as stored with the version) with whether each ``confirm`` one is acknowledged."""

    def __init__(self) -> None:
        super().__init__()
        self._records: list[FindingRecord] = []
        self._reasons: dict[str, str] = {}
        self._texts: dict[int, str] = {}  # row → its text: the view asks for it many times per layout

    def set_findings(self, records: Sequence[FindingRecord], reasons: Mapping[str, str]) -> None:
        """Show ``records``, telling the view only about the rows that differ.

        A reset makes the view lay out every wrapped row again (200 ms for 700
        findings on the UI thread); a new check result usually differs from
        the last in a row or two, or only in where the findings stand.
        """
        records = list(records)
        if dict(reasons) != self._reasons:
            self.beginResetModel()
            self._records = records
            self._reasons = dict(reasons)
            self._texts.clear()
            self.endResetModel()
            return
        old = list(map(_shown, self._records))
        new = list(map(_shown, records))
        if old == new:
            self._records = records  # only where the findings stand changed: the rows read the same
            return
        both = min(len(old), len(new))
        prefix = next((i for i in range(both) if old[i] != new[i]), both)
        suffix = next((i for i in range(both - prefix) if old[-1 - i] != new[-1 - i]), both - prefix)
        replaced = both - prefix - suffix
        first = prefix + replaced
        if len(new) > len(old):
            self.beginInsertRows(QModelIndex(), first, first + len(new) - len(old) - 1)
            self._set(records)
            self.endInsertRows()
        elif len(new) < len(old):
            self.beginRemoveRows(QModelIndex(), first, first + len(old) - len(new) - 1)
            self._set(records[:first] + self._records[first + len(old) - len(new) :])
            self.endRemoveRows()
            self._set(records)
        else:
            self._set(records)
        if replaced:
            self.dataChanged.emit(self.index(prefix), self.index(prefix + replaced - 1))

    def _set(self, records: list[FindingRecord]) -> None:
        # Between a begin… and an end… signal a view may read rows: the cache
        # goes with every change of the list, never before it.
        self._records = records
        self._texts.clear()

    def _text(self, record: FindingRecord) -> str:
        reason = self._reasons.get(record.key, "")
        lines = [f"{severity_label(record.severity.value)}: {record.message(current_language())}", f"[{record.clause}]"]
        if record.needs_acknowledgement:
            lines.append(tr("✔ Acknowledged: {reason}").format(reason=reason) if reason else tr("Not acknowledged yet"))
        return "\n".join(lines)

    def record(self, row: int) -> FindingRecord:
        return self._records[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt API
        return 0 if parent.isValid() else len(self._records)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._records)):
            return None
        record = self._records[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            text = self._texts.get(index.row())
            if text is None:
                text = self._texts[index.row()] = self._text(record)
            return text
        if role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(QColor(SEVERITY_COLOURS.get(record.severity.value, "#000000")))
        if role == Qt.ItemDataRole.ToolTipRole:
            return record.message(current_language())
        if role == RecordRole:
            return record
        return None


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
                    self.view.setCurrentIndex(self.model.index(row))
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
