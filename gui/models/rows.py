"""Table models over lists of plain core records.

:class:`RowsModel` holds a complete (small) list, given to it by a screen's
read (:meth:`gui.screens.base.Screen.read`). :class:`KeysetModel` fetches
pages as the view scrolls (``canFetchMore``/``fetchMore``) and sorts in the
database, for lists of any length (a million drafts, the whole audit record):
each page starts after the last row of the one before (keyset), pages are
read off the UI thread (:mod:`gui.operations`), only a few are held, and a
page let go is read again from its start when scrolled back to.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Generic, TypeVar

from PySide6 import QtGui
from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor

from core.errors import KohoGateError
from gui.operations import Operation

T = TypeVar("T")
C = TypeVar("C")
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


def cell(column: Column[T], item: T, role: int) -> Any:
    """What ``column`` shows of ``item`` in ``role``."""
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


def header(columns: Sequence[Column[Any]], section: int, orientation: Qt.Orientation, role: int) -> Any:
    horizontal = orientation == Qt.Orientation.Horizontal
    if role == Qt.ItemDataRole.DisplayRole and horizontal and 0 <= section < len(columns):
        return columns[section].header
    return None


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
        return cell(self.columns[index.column()], self._rows[index.row()], role)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        return header(self.columns, section, orientation, role)


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


#: A page read for a keyset list: its rows and where the next page starts (``None``: the list ends).
Page = tuple[list[T], C | None]


class KeysetModel(QAbstractTableModel, Generic[T, C]):
    """Rows read page by page off the UI thread: ``fetch(after, limit, sort_key, descending)`` and ``count()``.

    A reload keeps the old rows on screen until the new first page is in,
    then resets once (the view keeps its selection across that reset); a
    response to an older reload, sort or filter is dropped. At most
    :attr:`max_pages` pages are held: memory stays flat however far the
    view scrolls. A row whose page was let go shows empty until its page is
    read again (from that page's start, kept as a cursor of a few bytes).

    Signals: ``loading_changed(bool)`` while a reload is under way,
    ``counted(int)`` when the total is known, ``failed(str)`` when a read fails.
    """

    loading_changed = Signal(bool)
    counted = Signal(int)
    failed = Signal(str)

    def __init__(
        self,
        columns: Sequence[Column[T]],
        fetch: Callable[[C | None, int, str, bool], Page[T, C]],
        count: Callable[[], int],
        *,
        default_sort: str,
        page_size: int = 200,
        max_pages: int = 8,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.columns = list(columns)
        self._fetch = fetch
        self._count = count
        self.page_size = page_size
        self.max_pages = max_pages
        self.sort_key = default_sort
        self.descending = True
        self._generation = 0
        self._pages: OrderedDict[int, list[T]] = OrderedDict()
        self._starts: list[C | None] = [None]
        self._more = False
        self._rows = 0
        self._pending: set[int] = set()
        self._total: int | None = None
        self.loading = False

    @property
    def total(self) -> int | None:
        """The number of rows (``None`` until counted)."""
        return self._total

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt API
        return 0 if parent.isValid() else self._rows

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        return header(self.columns, section, orientation, role)

    def row(self, index: int) -> T | None:
        """Row ``index`` if its page is held (a visible row always is)."""
        page = self._pages.get(index // self.page_size)
        offset = index % self.page_size
        if page is None or offset >= len(page):
            return None
        return page[offset]

    def held_pages(self) -> int:
        return len(self._pages)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < self._rows):
            return None
        number = index.row() // self.page_size
        page = self._pages.get(number)
        if page is None:
            self._read(number)  # scrolled back to a page let go: read it again
            return None
        self._pages.move_to_end(number)
        offset = index.row() % self.page_size
        return cell(self.columns[index.column()], page[offset], role) if offset < len(page) else None

    def reload(self) -> None:
        """Read the list again from its start (filter or sort changed, or the data did)."""
        self._generation += 1
        self._pending.clear()
        self._set_loading(True)
        self._read(0, fresh=True)
        generation = self._generation
        self._run(self._count, lambda total: self._counted(generation, total))

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """A column header click asks the database for that order (the rows held are only a few pages)."""
        key = self.columns[column].sort_key if 0 <= column < len(self.columns) else None
        if key is None:
            return
        self.sort_key = key
        self.descending = order == Qt.SortOrder.DescendingOrder
        self.reload()

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self._more and not self.loading

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if self.canFetchMore(parent):
            self._read(len(self._starts) - 1)

    # -- reading --
    def _run(self, call: Callable[[], Any], then: Callable[[Any], None]) -> None:
        Operation(self, call).success(then).failure(self._failed).run()

    def _read(self, number: int, *, fresh: bool = False) -> None:
        # While a reload is out, the pages held belong to the old list: their cursors mean nothing in the new one.
        if number in self._pending or (self.loading and not fresh):
            return
        self._pending.add(number)
        generation, key, descending, size = self._generation, self.sort_key, self.descending, self.page_size
        after = None if fresh else self._starts[number]
        self._run(
            lambda: self._fetch(after, size, key, descending),
            lambda page: self._arrived(generation, number, fresh, page),
        )

    def _arrived(self, generation: int, number: int, fresh: bool, page: Page[T, C]) -> None:
        if generation != self._generation:
            return  # an answer to a list no longer asked for
        self._pending.discard(number)
        rows, after = page
        if fresh:
            self.beginResetModel()
            self._pages = OrderedDict({0: rows})
            self._starts = [None]
            self._rows = 0
            self._extend(rows, after)
            self.endResetModel()
            self._set_loading(False)
        elif number == len(self._starts) - 1 and self._more:
            if rows:
                self.beginInsertRows(QModelIndex(), self._rows, self._rows + len(rows) - 1)
                self._pages[number] = rows
                self._extend(rows, after)
                self.endInsertRows()
            else:
                self._more = False
        else:
            self._pages[number] = rows  # a page read again: the view repaints it
            first = number * self.page_size
            last = min(first + self.page_size, self._rows) - 1
            self.dataChanged.emit(self.index(first, 0), self.index(last, len(self.columns) - 1))
        self._release(number)

    def _extend(self, rows: list[T], after: C | None) -> None:
        self._rows += len(rows)
        self._more = after is not None
        if after is not None:
            self._starts.append(after)

    def _release(self, keep: int) -> None:
        while len(self._pages) > self.max_pages:
            oldest = next(iter(self._pages))
            if oldest == keep:
                self._pages.move_to_end(keep)
                continue
            del self._pages[oldest]

    def _counted(self, generation: int, total: int) -> None:
        if generation == self._generation:
            self._total = total
            self.counted.emit(total)

    def _failed(self, error: KohoGateError) -> None:
        self._pending.clear()
        self._set_loading(False)
        self.failed.emit(error.message)

    def _set_loading(self, loading: bool) -> None:
        if loading != self.loading:
            self.loading = loading
            self.loading_changed.emit(loading)
