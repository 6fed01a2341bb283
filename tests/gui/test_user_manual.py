"""The user manual: generated from the rule catalogue (never stale), shown in ヘルプ from the same file."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from pytestqt.qtbot import QtBot

from core.checks.rule_listing import list_rules
from core.i18n import set_language
from gui.manual import ManualDialog

ROOT = Path(__file__).resolve().parents[2]


def test_the_committed_manual_is_what_the_catalogue_gives() -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "manual.py"), "--check"], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_every_check_is_explained_with_its_clause() -> None:
    text = (ROOT / "docs" / "manual_ja.md").read_text(encoding="utf-8")
    for rule in list_rules():
        assert rule.title_ja in text
        for clause in rule.clauses:
            assert clause in text
    for words in ("要確認", "承認", "破棄", "インシデント", "はじめに"):
        assert words in text


def test_help_shows_the_manual_in_the_session_language(qtbot: QtBot) -> None:
    set_language("ja")
    try:
        dialog = ManualDialog()
        qtbot.addWidget(dialog)
        assert "広報ゲート 使い方" in dialog.browser.toPlainText()
        assert "要確認" in dialog.browser.toPlainText()
    finally:
        set_language("en")
    english = ManualDialog()
    qtbot.addWidget(english)
    assert "KohoGate user manual" in english.browser.toPlainText()
