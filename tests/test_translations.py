"""Every user-visible string has a Japanese translation, in the CLI and in the GUI."""

from __future__ import annotations

from pathlib import Path

import pytest

from core import i18n
from tools.i18n_tool import extract, extract_file, missing


def test_every_tr_string_has_a_japanese_translation() -> None:
    gaps = missing("ja")
    assert gaps == [], "untranslated (run tools/i18n_tool.py update): " + ", ".join(
        f"{m.location} {m.source!r}" for m in gaps[:20]
    )


def test_tr_is_only_called_with_literals() -> None:
    _, problems = extract()
    assert problems == []


def test_the_extractor_sees_new_strings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    module = tmp_path / "screen.py"
    module.write_text(
        'from gui.i18n import translator\ntr = translator("X")\nlabel = tr("Brand new label")\noops = tr(label)\n',
        encoding="utf-8",
    )
    monkeypatch.setattr("tools.i18n_tool.ROOT", tmp_path)
    messages, problems = extract_file(module)
    assert [(m.context, m.source) for m in messages] == [("X", "Brand new label")]
    assert len(problems) == 1


def test_core_strings_follow_the_language() -> None:
    i18n.set_language("ja")
    assert i18n.tr("Awaiting approval") == "承認待ち"
    i18n.set_language("en")
    assert i18n.tr("Awaiting approval") == "Awaiting approval"


@pytest.mark.parametrize(
    ("value", "expected"),
    [("ja_JP.UTF-8", "ja"), ("en_US.UTF-8", "en"), ("ja-JP", "ja"), (None, None), ("fr_FR", None)],
)
def test_language_codes(value: str | None, expected: str | None) -> None:
    assert i18n.normalize_language(value) == expected


def test_language_detection_order(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    assert i18n.detect_language() == "en"
    assert i18n.detect_language("ja") == "ja"
    monkeypatch.setenv("LANG", "C.UTF-8")
    assert i18n.detect_language() == "ja"
    monkeypatch.setenv("KOHOGATE_LANG", "en")
    assert i18n.detect_language() == "en"


def test_compiled_qm_translates_gui_strings(qapp: object, tmp_path: Path) -> None:
    from PySide6.QtCore import QCoreApplication

    from gui.i18n import install_translations

    used = install_translations(QCoreApplication.instance(), "ja", tmp_path)
    try:
        assert used, "no .qm file was built"
        assert QCoreApplication.translate("MainWindow", "Audit record") == "監査記録"
        assert QCoreApplication.translate("core", "Awaiting approval") == "承認待ち"
    finally:
        install_translations(QCoreApplication.instance(), "en", tmp_path)


def test_every_ts_message_has_one_source_and_one_translation() -> None:
    """A merge that splits a <message> leaves two sources in one entry: the second loses its translation."""
    import xml.etree.ElementTree as ET

    from core.i18n import translation_sources

    broken = [
        f"{path.name}: {[s.text for s in message.findall('source')]}"
        for path in translation_sources("ja")
        for message in ET.parse(path).getroot().iter("message")
        if len(message.findall("source")) != 1 or len(message.findall("translation")) != 1
    ]
    assert broken == []
