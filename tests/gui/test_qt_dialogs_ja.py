"""Under --lang ja, Qt's own dialogs speak Japanese: Qt's qtbase_ja, with our file for its gaps."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QMessageBox,
    QTreeView,
    QWidget,
)
from pytestqt.qtbot import QtBot

from gui.i18n import install_translations
from tests.support.gui import settle

JAPANESE = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")
WORDS = re.compile(r"[A-Za-z]{2,}")


@pytest.fixture
def japanese(tmp_path: Path) -> Iterator[list[Path]]:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    used = install_translations(app, "ja", tmp_path)
    yield used
    install_translations(app, "en", tmp_path)


def _english(texts: set[str], allowed: set[str]) -> list[str]:
    return sorted(t for t in texts if WORDS.search(t) and not JAPANESE.search(t) and t not in allowed)


def _texts(dialog: QWidget) -> set[str]:
    texts: set[str] = set()
    for widget in dialog.findChildren(QWidget):
        if isinstance(widget, (QAbstractButton, QLabel)):
            texts.add(widget.text())
        texts.update({widget.toolTip(), widget.accessibleName()})
        if isinstance(widget, QComboBox):
            texts.update(widget.itemText(i) for i in range(widget.count()))
        if isinstance(widget, QTreeView) and widget.model() is not None:
            model = widget.model()
            texts.update(str(model.headerData(c, Qt.Orientation.Horizontal)) for c in range(model.columnCount()))
    return {t for t in texts if t}


def test_qts_file_dialog_has_no_english_left(qtbot: QtBot, japanese: list[Path], tmp_path: Path) -> None:
    assert any(p.name.startswith("qt_gaps_ja") for p in japanese)
    dialog = QFileDialog(None, "画像を選ぶ", str(tmp_path))
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    settle()
    assert _english(_texts(dialog), {str(tmp_path)}) == []


def test_standard_buttons_are_translated(qtbot: QtBot, japanese: list[Path]) -> None:
    buttons = QDialogButtonBox.StandardButton
    every = [b for b in buttons if b not in (buttons.NoButton, buttons.Ok)]
    box = QDialogButtonBox()
    for button in every:
        box.addButton(button)
    qtbot.addWidget(box)
    assert _english({b.text() for b in box.buttons()}, set()) == []
    message = QMessageBox(QMessageBox.Icon.Question, "確認", "本当に?")
    message.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    qtbot.addWidget(message)
    assert _english({b.text() for b in message.buttons()}, set()) == []
