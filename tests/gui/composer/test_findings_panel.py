"""The findings list tells its view only what changed, and always lists the current findings in order."""

from __future__ import annotations

import sys
from dataclasses import replace
from types import FrameType

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QListView
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from core.checks.model import Severity
from core.composer.findings import FindingRecord
from gui.composer.findings_panel import FILL_CHUNK, LAYOUT_BATCH, FindingsModel, FindingsPanel


def record(n: int, start: int) -> FindingRecord:
    return FindingRecord(
        key=f"link.shortener|bit.ly/{n}",
        rule="link.shortener",
        severity=Severity.BLOCK,
        clause="wako:5-ア",
        start=start,
        end=start + 8,
        media_index=None,
        message_ja=f"短縮URL {n}",
        message_en=f"Shortened link {n}",
    )


def rows(model: FindingsModel) -> list[FindingRecord]:
    return [model.record(row) for row in range(model.rowCount())]


def texts(model: FindingsModel) -> list[str]:
    return [model.data(model.index(row, 0), Qt.ItemDataRole.DisplayRole) for row in range(model.rowCount())]


def test_updates_are_minimal_and_the_rows_follow_the_records(qtmodeltester: ModelTester) -> None:
    model = FindingsModel()
    qtmodeltester.check(model)
    signals: list[str] = []
    model.modelReset.connect(lambda: signals.append("reset"))
    model.rowsInserted.connect(lambda _p, first, last: signals.append(f"insert {first}-{last}"))
    model.rowsRemoved.connect(lambda _p, first, last: signals.append(f"remove {first}-{last}"))
    model.dataChanged.connect(lambda top, bottom, _r=(): signals.append(f"changed {top.row()}-{bottom.row()}"))
    first = [record(n, n * 40) for n in range(10)]
    model.set_findings(first, {})
    assert rows(model) == first

    signals.clear()
    shifted = [replace(r, start=(r.start or 0) + 1, end=(r.end or 0) + 1) for r in first]
    model.set_findings(shifted, {})  # Enter above them all: the rows read the same
    assert signals == []
    assert rows(model) == shifted

    grown = [*shifted[:4], record(99, 170), record(98, 175), *shifted[4:]]
    model.set_findings(grown, {})
    assert signals == ["insert 4-5"]
    assert rows(model) == grown
    assert "Shortened link 99" in texts(model)[4]

    signals.clear()
    changed = [*grown[:2], record(77, 90), *grown[3:7], *grown[8:]]
    model.set_findings(changed, {})
    assert rows(model) == changed
    assert signals == ["remove 7-7", "changed 2-6"]
    assert "Shortened link 77" in texts(model)[2]

    signals.clear()
    model.set_findings(changed, {changed[0].key: "確認済み"})  # an acknowledgement changes how rows read
    assert signals == ["reset"]
    model.set_findings([], {changed[0].key: "確認済み"})
    assert rows(model) == []


def test_a_long_list_is_laid_out_a_few_rows_per_turn_without_calling_python(qtbot: QtBot) -> None:
    """The view measures and paints the rows in C++: no Python runs while it lays out the list.

    A Python ``data()`` waited for the interpreter lock on every role of every row
    while a check worker ran Python; a frame then took up to 180 ms.
    """
    panel = FindingsPanel()
    qtbot.addWidget(panel)
    panel.resize(400, 300)
    assert panel.view.layoutMode() is QListView.LayoutMode.Batched
    assert panel.view.batchSize() == LAYOUT_BATCH
    panel.set_findings([record(n, n * 10) for n in range(300)], {})
    qtbot.waitUntil(lambda: not panel.model.filling)  # the items are made (hidden: nothing laid out yet)
    panel.view.setCurrentIndex(panel.model.index(0, 0))  # the one row chosen: its handler runs now, not below
    called: list[str] = []

    def profile(frame: FrameType, event: str, _arg: object) -> None:
        if event == "call":
            called.append(f"{frame.f_code.co_filename}:{frame.f_code.co_name}")

    sys.setprofile(profile)
    try:
        panel.show()  # the view lays the rows out from here, a batch per turn
        for _ in range(40):
            QApplication.processEvents()
    finally:
        sys.setprofile(None)
    ours = [c for c in called if "findings_panel" in c]
    assert ours == []
    # The layout did run in those turns: the last row has a place in the view.
    assert panel.view.visualRect(panel.model.index(299, 0)).isValid()


def test_a_long_list_is_filled_a_chunk_per_turn_and_follows_results_meanwhile(
    qtbot: QtBot, qtmodeltester: ModelTester
) -> None:
    model = FindingsModel()
    qtmodeltester.check(model)
    long = [record(n, n * 40) for n in range(3 * FILL_CHUNK + 10)]
    model.set_findings(long, {})
    assert model.filling
    assert model.rowCount() == FILL_CHUNK  # the rest comes in the next turns, not in this one
    assert rows(model) == long[:FILL_CHUNK]

    shifted = [replace(r, start=(r.start or 0) + 1, end=(r.end or 0) + 1) for r in long]
    model.set_findings(shifted, {})  # an edit above them all while the list fills: the fill goes on
    assert rows(model) == shifted[: model.rowCount()]
    QApplication.processEvents()
    assert FILL_CHUNK < model.rowCount() <= 2 * FILL_CHUNK

    changed = [*shifted[:5], record(999, 1), *shifted[6:]]
    model.set_findings(changed, {})  # a different result meanwhile: filled again from the start
    assert model.rowCount() == FILL_CHUNK
    qtbot.waitUntil(lambda: not model.filling)
    assert rows(model) == changed
    assert "Shortened link 999" in texts(model)[5]
