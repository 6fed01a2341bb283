"""ヘルプ → About: version, build ("development" from source), component licences and the texts."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from core import __version__
from core.runtime.bundle import BuildInfo
from gui.about import AboutDialog
from gui.main_window import MainWindow


def _label_texts(dialog: AboutDialog) -> str:
    return "\n".join(label.text() for label in dialog.findChildren(QLabel))


def test_about_from_source_says_development(qtbot: QtBot) -> None:
    dialog = AboutDialog()
    qtbot.addWidget(dialog)
    texts = _label_texts(dialog)
    assert __version__ in texts
    assert dialog.build.text() == "Build: development (run from source)"
    for needed in ("LGPL-3.0", "Apache-2.0", "Intel License Agreement"):
        assert needed in texts
    # From source: the distributions this process loaded, each with its licence block.
    assert "## PySide6" in dialog.licences.toPlainText()
    assert dialog.licences.isReadOnly()


def test_about_in_a_bundle_shows_the_build_and_the_shipped_licences(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    info = BuildInfo(version=__version__, built_at="2026-12-02T13:00:00Z", commit="1a983a00dde1")
    (tmp_path / "build_info.json").write_text(info.to_json(), encoding="utf-8")
    (tmp_path / "LICENSES.txt").write_text("KohoGate — licences\n## PySide6-Essentials 6.11 — LGPL\n", "utf-8")
    dialog = AboutDialog()
    qtbot.addWidget(dialog)
    assert dialog.build.text() == "Build: 2026-12-02T13:00:00Z (1a983a00dde1)"
    assert dialog.licences.toPlainText().startswith("KohoGate — licences")


def test_help_menu_opens_the_about_box(window: MainWindow, qtbot: QtBot) -> None:
    seen: list[str] = []

    def close_it() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, AboutDialog):
            seen.append(dialog.build.text())
            dialog.reject()

    QTimer.singleShot(200, close_it)
    window._about()
    assert seen == ["Build: development (run from source)"]


def test_the_window_icon_is_kohogates(window: MainWindow) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    assert not app.windowIcon().isNull()
    assert not window.windowIcon().isNull()
    assert app.desktopFileName() == "kohogate"
