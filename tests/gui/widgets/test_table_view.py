"""The shared table: rows that arrive (read off the UI thread) while the table has the focus get a selection."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import QPushButton, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from gui.models.rows import Column, RowsModel
from gui.widgets.table_view import make_table, selected_row


@dataclass(frozen=True)
class Row:
    id: int
    name: str


def test_rows_arriving_in_a_focused_empty_table_select_the_first(qtbot: QtBot) -> None:
    page = QWidget()
    model: RowsModel[Row] = RowsModel([Column("Name", lambda r: r.name)])
    table = make_table(model, "rows", page)
    other = QPushButton("other", page)
    layout = QVBoxLayout(page)
    layout.addWidget(table)
    layout.addWidget(other)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitExposed(page)
    page.activateWindow()
    table.setFocus()
    qtbot.waitUntil(table.hasFocus)
    assert selected_row(table) is None  # focused while still empty: nothing to select yet
    model.set_rows([Row(1, "a"), Row(2, "b")])
    assert selected_row(table) == 0  # Enter and the buttons work as soon as the rows are in
    other.setFocus()
    qtbot.waitUntil(other.hasFocus)
    table.clearSelection()
    model.set_rows([Row(1, "a")])
    assert selected_row(table) is None  # not focused: a reload chooses nothing for the person
