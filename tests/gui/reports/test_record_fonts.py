"""The approval record (決裁記録) is set in named Japanese fonts, so its text extracts the same every time."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
from PySide6.QtGui import QFontDatabase
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from core.errors import EnvironmentProblem
from core.lifecycle.states import ReviewDecision
from core.runtime.bootstrap import Environment
from core.storage.models import Review
from gui.reports import fonts
from gui.reports.approval_record import write_approval_record


def _approved_version(env: Environment) -> int:
    with env.store.read() as session:
        version = session.scalar(
            select(Review.version_id).where(Review.decision == ReviewDecision.APPROVED.value).limit(1)
        )
    assert version is not None
    return version


def _fonts_and_text(pdf: Path) -> tuple[set[str], str]:
    from pypdf import PdfReader

    page = PdfReader(str(pdf)).pages[0]
    names = {str(font.get_object()["/BaseFont"]) for font in page["/Resources"]["/Font"].values()}
    return names, unicodedata.normalize("NFKC", page.extract_text())


def test_the_record_uses_only_the_chosen_japanese_families(qtbot: QtBot, demo_env: Environment, tmp_path: Path) -> None:
    chosen = fonts.record_fonts()
    japanese = QFontDatabase.families(QFontDatabase.WritingSystem.Japanese)
    assert chosen.text in japanese
    assert chosen.mono in japanese
    out = write_approval_record(demo_env.store, _approved_version(demo_env), tmp_path / "kessai.pdf")
    names, text = _fonts_and_text(out)
    # PDF names are PostScript names without spaces; no Latin-only font was substituted in.
    expected = {chosen.text.replace(" ", "").lower(), chosen.mono.replace(" ", "").lower()}
    assert names
    assert all(any(family in name.lower() for family in expected) for name in names), names
    assert "\x00" not in text
    assert "承認" in text or "ボランティア" in text


def test_no_japanese_font_is_refused_before_a_file_is_made(
    qtbot: QtBot, demo_env: Environment, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(fonts, "QFontDatabase", _NoJapanese)
    out = tmp_path / "kessai.pdf"
    with pytest.raises(EnvironmentProblem, match="Japanese font"):
        write_approval_record(demo_env.store, _approved_version(demo_env), out)
    assert not out.exists()


class _NoJapanese:
    """A font database on a machine without any font that can show Japanese."""

    WritingSystem = QFontDatabase.WritingSystem

    @staticmethod
    def families(_system: QFontDatabase.WritingSystem) -> list[str]:
        return []
