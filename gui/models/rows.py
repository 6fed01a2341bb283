"""Table models over lists of plain core records.

:class:`RowsModel` holds a complete (small) list; :class:`PagedModel` fetches
pages as the view scrolls (``canFetchMore``/``fetchMore``) and sorts in the
database, so a list of 100,000 drafts opens as fast as a list of 200.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Generic, TypeVar

from PySide6 import QtGui
from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

T = TypeVar("T")
Index = QModelIndex | QPersistentModelIndex
RowRole = Qt.ItemDataRole.UserRole + 1


@dataclass(frozen=True)
class Column(Generic[T]):
    header: str
    value: Callable[[T], Any]
    sort_key: str | None = None
    tooltip: Callable[[T], str | None] | None = None
    foreground: Callable[[T], str | None] | None = None


def display(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        # ISO-like and zone-local: unambiguous in both languages and sorts as text.
        return value.astimezone().strftime("%Y-%m-%d %H:%M")
    if isinstance(value, bool):
        return "✔" if value else ""
    return str(value)


class _Base(QAbstractTableModel, Generic[T]):
    def __init__(self, columns: Sequence[Column[T]]) -> None:
        super().__init__()
        self.columns = list(columns)
        self._rows: list[T] = []

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt API
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def row(self, index: int) -> T:
        return self._rows[index]

    def rows(self) -> list[T]:
        return list(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        item = self._rows[index.row()]
        column = self.columns[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return display(column.value(item))
        if role == Qt.ItemDataRole.ToolTipRole and column.tooltip is not None:
            tip = column.tooltip(item)
            # Tooltips render HTML when the text looks like it: data that does is shown as the text it is.
            return QtGui.Qt.convertFromPlainText(tip) if tip and QtGui.Qt.mightBeRichText(tip) else tip
        if role == Qt.ItemDataRole.ForegroundRole and column.foreground is not None:
            colour = column.foreground(item)
            return QBrush(QColor(colour)) if colour else None
        if role == RowRole:
            return item
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal
        if role == Qt.ItemDataRole.DisplayRole and horizontal and 0 <= section < len(self.columns):
            return self.columns[section].header
        return None


class RowsModel(_Base[T]):
    """All rows at once; sorting happens in memory."""

    def set_rows(self, rows: Sequence[T]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not (0 <= column < len(self.columns)):
            return
        getter = self.columns[column].value

        def key(item: T) -> tuple[int, str]:
            value = getter(item)
            return (value is None, value.isoformat() if isinstance(value, datetime) else str(value))

        self.layoutAboutToBeChanged.emit()
        self._rows.sort(key=key, reverse=order == Qt.SortOrder.DescendingOrder)
        self.layoutChanged.emit()


class PagedModel(_Base[T]):
    """Rows fetched page by page from ``fetch(offset, limit, sort_key, descending)``."""

    def __init__(
        self,
        columns: Sequence[Column[T]],
        fetch: Callable[[int, int, str, bool], list[T]],
        count: Callable[[], int],
        *,
        default_sort: str,
        page_size: int = 200,
    ) -> None:
        super().__init__(columns)
        self._fetch = fetch
        self._count = count
        self._total = 0
        self.page_size = page_size
        self.sort_key = default_sort
        self.descending = True

    @property
    def total(self) -> int:
        return self._total

    def reload(self) -> None:
        self.beginResetModel()
        self._total = self._count()
        self._rows = self._fetch(0, self.page_size, self.sort_key, self.descending)
        self.endResetModel()

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and len(self._rows) < self._total

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid():
            return
        page = self._fetch(len(self._rows), self.page_size, self.sort_key, self.descending)
        if not page:
            self._total = len(self._rows)
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(page) - 1)
        self._rows.extend(page)
        self.endInsertRows()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not (0 <= column < len(self.columns)) or self.columns[column].sort_key is None:
            return
        key = self.columns[column].sort_key
        assert key is not None
        self.sort_key = key
        self.descending = order == Qt.SortOrder.DescendingOrder
        self.reload()
