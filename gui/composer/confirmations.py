"""The guideline confirmations as tick boxes (a checkable list model), each with its clause.

Signals (ConfirmationsModel):
    ticked_changed(): a box was ticked or cleared.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt, Signal

from core.checks.confirmations import ConfirmationItem
from core.i18n import current_language

Index = QModelIndex | QPersistentModelIndex


class ConfirmationsModel(QAbstractListModel):
    ticked_changed = Signal()

    def __init__(self) -> None:
        super().__init__()
        self._items: list[ConfirmationItem] = []
        self._ticked: set[str] = set()

    @property
    def ticked(self) -> list[str]:
        """Ticked ids, including ticks of items that do not apply right now (kept for later)."""
        return sorted(self._ticked)

    def set_ticked(self, ids: Iterable[str]) -> None:
        self.beginResetModel()
        self._ticked = set(ids)
        self.endResetModel()

    def set_items(self, items: Sequence[ConfirmationItem]) -> None:
        if [i.id for i in items] == [i.id for i in self._items]:
            return
        self.beginResetModel()
        self._items = list(items)
        self.endResetModel()

    def item(self, row: int) -> ConfirmationItem:
        return self._items[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt API
        return 0 if parent.isValid() else len(self._items)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsUserCheckable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._items)):
            return None
        item = self._items[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return f"{item.text(current_language())}\n[{', '.join(item.clauses)}]"
        if role == Qt.ItemDataRole.CheckStateRole:
            return Qt.CheckState.Checked if item.id in self._ticked else Qt.CheckState.Unchecked
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.CheckStateRole:
            return False
        item = self._items[index.row()]
        checked = value in (Qt.CheckState.Checked, Qt.CheckState.Checked.value, 2)
        if checked:
            self._ticked.add(item.id)
        else:
            self._ticked.discard(item.id)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        self.ticked_changed.emit()
        return True
