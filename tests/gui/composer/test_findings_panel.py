"""The findings list tells its view only what changed, and always lists the current findings in order."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from core.checks.model import Severity
from core.composer.findings import FindingRecord
from gui.composer.findings_panel import LAYOUT_BATCH, FindingsModel, FindingsPanel, RecordRole


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
    return [model.data(model.index(row), RecordRole) for row in range(model.rowCount())]


def texts(model: FindingsModel) -> list[str]:
    return [model.data(model.index(row), Qt.ItemDataRole.DisplayRole) for row in range(model.rowCount())]


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


def test_a_long_list_is_laid_out_a_few_rows_per_event_loop_turn(qtbot: QtBot) -> None:
    panel = FindingsPanel()
    qtbot.addWidget(panel)
    panel.resize(400, 300)
    panel.show()
    qtbot.waitExposed(panel)
    asked_per_turn = []
    panel.set_findings([record(n, n * 10) for n in range(300)], {})
    for _ in range(40):
        before = len(panel.model._texts)
        QApplication.processEvents()
        asked_per_turn.append(len(panel.model._texts) - before)
    # Every row's text is measured in the end, never many in one turn (a key waits for the turn).
    assert sum(asked_per_turn) > 3 * LAYOUT_BATCH
    assert max(asked_per_turn) <= LAYOUT_BATCH + 10
