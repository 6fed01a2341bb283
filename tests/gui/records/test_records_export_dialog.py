"""決裁記録の一括出力 from the GUI: the period presets, the export off the UI thread, the result said once."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from pytestqt.qtbot import QtBot

from gui.main_window import MainWindow
from gui.records.export_dialog import RecordsExportDialog, fiscal_year_of, month_of
from tests.support.gui import MessageRecorder, wait_for_operations


def test_periods() -> None:
    assert month_of(date(2027, 1, 15)) == (date(2027, 1, 1), date(2027, 1, 31))
    assert month_of(date(2027, 1, 15), 1) == (date(2026, 12, 1), date(2026, 12, 31))
    assert fiscal_year_of(date(2027, 3, 31)) == (date(2026, 4, 1), date(2027, 3, 31))
    assert fiscal_year_of(date(2027, 4, 1), 1) == (date(2026, 4, 1), date(2027, 3, 31))


def test_export_writes_the_folder(qtbot: QtBot, window: MainWindow, messages: MessageRecorder, tmp_path: Path) -> None:
    assert window.session is not None
    dialog = RecordsExportDialog(window.session, window)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.grab().save(str(tmp_path / "dialog.png"))
    dialog.folder.setText(str(tmp_path / "filing"))
    dialog.export()
    wait_for_operations(qtbot, lambda: dialog.result_ is not None)
    assert dialog.result_ is not None
    names = sorted(p.name for p in (tmp_path / "filing").iterdir())
    assert "index.csv" in names
    assert len(dialog.result_.files) >= 1
    assert len(names) == len(dialog.result_.files) + 1
    assert [m.title for m in messages.shown] == ["Approval records written"]


def test_no_folder_is_said_not_exported(qtbot: QtBot, window: MainWindow, messages: MessageRecorder) -> None:
    assert window.session is not None
    dialog = RecordsExportDialog(window.session, window)
    qtbot.addWidget(dialog)
    dialog.export()
    assert [m.title for m in messages.shown] == ["No folder"]
    assert dialog.result_ is None
