"""A table view configured the same way on every screen.

Screens reload their models whenever anything changes — including changes
from other workstations and this user's own autosaves — so the view keeps
the selected record (matched by its ``id``) and the scroll position across
a reset; otherwise a list would jump back to the top every few seconds.
"""

from __future__ import annotations

from collections.abc import Hashable
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from gui.models.rows import RowRole


def row_key(item: Any) -> Hashable:
    """What identifies a row across reloads: its record id (``id``, ``version_id`` or ``seq``)."""
    for attribute in ("id", "version_id", "seq"):
        value = getattr(item, attribute, None)
        if value is not None:
            return value  # type: ignore[no-any-return]
    return None


class _SelectOnFocus(QObject):
    """Tabbing into a table selects its current row (or the first), so Enter and the buttons act at once.

    Without it the keyboard user lands on a table with a current cell but no
    selection: the open/edit buttons stay disabled and Enter opens nothing.
    Rows are read off the UI thread, so the table may still be empty when
    focused: the rows arriving while it has the focus count as tabbing in.
    """

    def __init__(self, view: QTableView) -> None:
        super().__init__(view)
        self.view = view
        view.model().modelReset.connect(self._rows_arrived)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusIn:
            self._select_current()
        return False

    def _rows_arrived(self) -> None:
        if self.view.hasFocus():
            self._select_current()

    def _select_current(self) -> None:
        if self.view.selectionModel() is None:
            return
        if self.view.model().rowCount() > 0 and not self.view.selectionModel().hasSelection():
            current = self.view.currentIndex()
            self.view.selectRow(current.row() if current.isValid() else 0)


def keep_selection_across_resets(view: QTableView, model: QAbstractItemModel) -> None:
    remembered: dict[str, Any] = {}

    def remember() -> None:
        row = selected_row(view)
        item = model.index(row, 0).data(RowRole) if row is not None else None
        remembered["key"] = row_key(item) if item is not None else None
        remembered["scroll"] = view.verticalScrollBar().value()

    def restore() -> None:
        key = remembered.pop("key", None)
        scroll = remembered.pop("scroll", 0)
        if key is not None:
            for row in range(model.rowCount()):
                if row_key(model.index(row, 0).data(RowRole)) == key:
                    view.selectRow(row)
                    break
        # The scroll range is known only after the view has laid out the new rows.
        QTimer.singleShot(0, view, lambda: view.verticalScrollBar().setValue(scroll))

    model.modelAboutToBeReset.connect(remember)
    model.modelReset.connect(restore)


def make_table(
    model: QAbstractItemModel,
    name: str,
    parent: QWidget | None = None,
    *,
    sortable: bool = True,
    stretch_column: int | None = None,
) -> QTableView:
    """A read-only, row-selecting table; ``stretch_column`` takes the spare width.

    Other columns fit their contents whenever the model is reset (only loaded
    rows are measured, so this stays cheap on a lazily fetched list).
    """
    view = QTableView(parent)
    view.setModel(model)
    view.setObjectName(name)
    view.setAccessibleName(name)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setSortingEnabled(sortable)
    view.setTabKeyNavigation(False)  # Tab leaves the table, arrows move inside it
    view.verticalHeader().setVisible(False)
    view.horizontalHeader().setStretchLastSection(True)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    view.setWordWrap(False)
    view.setTextElideMode(Qt.TextElideMode.ElideRight)
    if stretch_column is not None:
        header = view.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(stretch_column, QHeaderView.ResizeMode.Stretch)

        def fit() -> None:
            for column in range(model.columnCount()):
                if column != stretch_column:
                    view.resizeColumnToContents(column)
                    view.setColumnWidth(column, min(view.columnWidth(column), 240))

        model.modelReset.connect(fit)
    keep_selection_across_resets(view, model)
    view.installEventFilter(_SelectOnFocus(view))
    return view


def selected_row(view: QTableView) -> int | None:
    rows = view.selectionModel().selectedRows() if view.selectionModel() else []
    return rows[0].row() if rows else None
