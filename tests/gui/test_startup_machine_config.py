"""GUI start-up under the IT section's machine-wide configuration: locked values win, problems are shown."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from core.runtime.machine_config import MACHINE_CONFIG_ENV
from gui import application
from tests.support.gui import MessageRecorder


def _args(data_dir: Path, **overrides: object) -> argparse.Namespace:
    args = argparse.Namespace(data_dir=str(data_dir), database_url=None, lang="en", command=None)
    for name, value in overrides.items():
        setattr(args, name, value)
    return args


def _config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, text: str) -> Path:
    path = tmp_path / "machine" / "kohogate.toml"
    path.parent.mkdir()
    path.write_text(text, encoding="utf-8")
    monkeypatch.setenv(MACHINE_CONFIG_ENV, str(path))
    return path


def test_a_locked_language_wins_over_the_option(
    data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _config(tmp_path, monkeypatch, "[locked]\nlanguage = 'ja'\n")
    assert application.choose_language(_args(data_dir, lang="en")) == "ja"


def test_a_default_language_applies_when_nothing_is_chosen(
    data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _config(tmp_path, monkeypatch, "[defaults]\nlanguage = 'en'\n")
    monkeypatch.setenv("LANG", "ja_JP.UTF-8")
    assert application.choose_language(_args(data_dir, lang=None)) == "en"
    assert application.choose_language(_args(data_dir, lang="ja")) == "ja"


def test_overriding_a_locked_database_stops_the_start_with_a_message(
    qtbot: QtBot, data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, messages: MessageRecorder
) -> None:
    locked = f"sqlite:///{(tmp_path / 'it.db').as_posix()}"
    path = _config(tmp_path, monkeypatch, f'[locked]\ndatabase_url = "{locked}"\n')
    startup = application.start(_args(data_dir, database_url=f"sqlite:///{(tmp_path / 'mine.db').as_posix()}"))
    qtbot.addWidget(startup.window)
    qtbot.waitUntil(lambda: startup.done, timeout=20_000)
    assert startup.exit_code == 1
    shown = messages.shown[0].text + messages.shown[0].informative
    assert "locked by your IT section" in shown
    assert str(path) in shown
    assert not (tmp_path / "mine.db").exists()


def test_an_invalid_machine_config_stops_the_start_naming_the_file(
    qtbot: QtBot, data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, messages: MessageRecorder
) -> None:
    path = _config(tmp_path, monkeypatch, "[locked]\nlangauge = 'ja'\n")
    startup = application.start(_args(data_dir))
    qtbot.addWidget(startup.window)
    qtbot.waitUntil(lambda: startup.done, timeout=20_000)
    assert startup.exit_code == 1
    assert str(path) in messages.shown[0].text
    assert "langauge" in messages.shown[0].text
