"""The IT section's machine-wide configuration: where it is, precedence, locking, refusals."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

import app
from core.runtime.machine_config import (
    DEFAULT_PUBLISH_WINDOW_MINUTES,
    MACHINE_CONFIG_ENV,
    MachineConfigInvalid,
    Setting,
    SettingLocked,
    effective_database_url,
    effective_language,
    effective_publish_window,
    load_machine_config,
    machine_config_path,
)
from core.runtime.paths import resolve_database_url, resolve_paths

IT_URL = "postgresql://kohogate_workstation@dbserver.city.local/kohogate"


def write_config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, text: str) -> Path:
    path = tmp_path / "etc" / "kohogate.toml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    monkeypatch.setenv(MACHINE_CONFIG_ENV, str(path))
    return path


def test_platform_locations(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(MACHINE_CONFIG_ENV)
    monkeypatch.setattr(sys, "platform", "linux")
    assert machine_config_path() == Path("/etc/kohogate/kohogate.toml")
    monkeypatch.setattr(sys, "platform", "darwin")
    assert machine_config_path() == Path("/Library/Application Support/KohoGate/kohogate.toml")
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setenv("PROGRAMDATA", r"D:\ProgramData")
    assert machine_config_path() == Path(r"D:\ProgramData") / "KohoGate" / "kohogate.toml"


def test_no_file_means_nothing_managed(tmp_path: Path) -> None:
    config = load_machine_config(tmp_path / "absent.toml")
    assert not config.exists
    assert config.entries() == []
    assert effective_database_url(config, None, None) is None
    assert effective_language(config, None) is None
    assert effective_publish_window(config, None) == DEFAULT_PUBLISH_WINDOW_MINUTES


def test_the_shipped_template_loads_and_manages_nothing() -> None:
    template = Path(__file__).resolve().parents[3] / "packaging" / "kohogate.toml.example"
    config = load_machine_config(template)
    assert config.exists
    assert config.entries() == []


def test_defaults_come_after_the_users_choice(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write_config(
        tmp_path,
        monkeypatch,
        f'[defaults]\ndatabase_url = "{IT_URL}"\nlanguage = "en"\npublish_window_minutes = 30\n',
    )
    config = load_machine_config()
    assert [(e.setting, e.locked) for e in config.entries()] == [
        (Setting.DATABASE_URL, False),
        (Setting.LANGUAGE, False),
        (Setting.PUBLISH_WINDOW, False),
    ]
    # Nothing chosen: IT's defaults.
    assert effective_database_url(config, None, None) == IT_URL
    assert effective_language(config, None) == "en"
    assert effective_publish_window(config, None) == 30
    # The user's choice wins over a default: option, then environment variable.
    assert effective_database_url(config, "sqlite:///mine.db", "postgresql://env/x") == "sqlite:///mine.db"
    assert effective_database_url(config, None, "postgresql://env/x") == "postgresql://env/x"
    assert effective_language(config, "ja") == "ja"
    assert effective_publish_window(config, 90) == 90


def test_locked_values_cannot_be_overridden(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write_config(
        tmp_path,
        monkeypatch,
        f'[locked]\ndatabase_url = "{IT_URL}"\nlanguage = "ja"\npublish_window_minutes = 15\n',
    )
    config = load_machine_config()
    assert config.is_locked(Setting.DATABASE_URL)
    assert effective_database_url(config, None, None) == IT_URL
    assert effective_database_url(config, IT_URL, IT_URL) == IT_URL  # the same value is no override
    with pytest.raises(SettingLocked) as by_option:
        effective_database_url(config, "sqlite:///elsewhere.db", None)
    assert "--database-url" in by_option.value.message
    assert str(path) in (by_option.value.hint or "")
    with pytest.raises(SettingLocked) as by_env:
        effective_database_url(config, None, "sqlite:///elsewhere.db")
    assert "KOHOGATE_DATABASE_URL" in by_env.value.message
    # A locked language is applied over the user's choice (presentation, not data).
    assert effective_language(config, "en") == "ja"
    assert effective_publish_window(config, None) == 15
    assert effective_publish_window(config, 15) == 15
    with pytest.raises(SettingLocked):
        effective_publish_window(config, 120)


def test_paths_resolve_the_locked_url(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    locked = f"sqlite:///{(tmp_path / 'it.db').as_posix()}"
    write_config(tmp_path, monkeypatch, f'[locked]\ndatabase_url = "{locked}"\n')
    paths = resolve_paths(tmp_path / "data")
    assert resolve_database_url(paths) == locked
    monkeypatch.setenv("KOHOGATE_DATABASE_URL", "sqlite:///other.db")
    with pytest.raises(SettingLocked):
        resolve_database_url(paths)


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("[defaults\n", "not valid TOML"),
        ("language = 'ja'\n", "language is not a known name"),
        ("[defaults]\ndatabse_url = 'sqlite:///x.db'\n", "databse_url is not a known name"),
        ("[locked]\npassword = 'hunter2'\n", "looks like a secret"),
        ("[defaults]\nlanguage = 'ja'\n[locked]\nlanguage = 'en'\n", "in both"),
        ("[locked]\nlanguage = 'fr'\n", '"ja" or "en"'),
        ("[locked]\npublish_window_minutes = true\n", "whole number"),
        ("[locked]\npublish_window_minutes = 0\n", "whole number"),
        ("[locked]\ndatabase_url = 'mysql://db/x'\n", "postgresql://"),
        ("defaults = 3\n", "must be a table"),
    ],
)
def test_invalid_files_are_refused_with_the_path(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, text: str, says: str
) -> None:
    path = write_config(tmp_path, monkeypatch, text)
    with pytest.raises(MachineConfigInvalid) as refused:
        load_machine_config()
    assert str(path) in refused.value.message
    assert says in refused.value.message


@pytest.mark.parametrize(
    "url",
    [
        "postgresql://kohogate:s3cret@dbserver/kohogate",
        "postgresql+psycopg://kohogate:s3cret@dbserver:5432/kohogate",
        "postgresql://kohogate@dbserver/kohogate?password=s3cret",
    ],
)
def test_a_password_in_the_url_is_refused_without_echoing_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, url: str
) -> None:
    write_config(tmp_path, monkeypatch, f'[locked]\ndatabase_url = "{url}"\n')
    with pytest.raises(MachineConfigInvalid) as refused:
        load_machine_config()
    assert "password" in refused.value.message
    assert "pgpass" in refused.value.message
    assert "s3cret" not in str(refused.value)


def test_an_unreadable_file_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "etc" / "kohogate.toml"
    path.mkdir(parents=True)  # a folder where the file should be: reading fails with an OSError
    monkeypatch.setenv(MACHINE_CONFIG_ENV, str(path))
    with pytest.raises(MachineConfigInvalid):
        load_machine_config()


def test_cli_refuses_to_override_a_locked_database(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    locked = f"sqlite:///{(tmp_path / 'it.db').as_posix()}"
    write_config(tmp_path, monkeypatch, f'[locked]\ndatabase_url = "{locked}"\n')
    other = f"sqlite:///{(tmp_path / 'mine.db').as_posix()}"
    assert app.main(["--lang", "en", "--database-url", other, "db", "upgrade"]) == 1
    err = capsys.readouterr().err
    assert "locked by your IT section" in err
    assert not (tmp_path / "mine.db").exists()
    assert app.main(["--lang", "en", "db", "upgrade"]) == 0
    assert (tmp_path / "it.db").exists()


def test_cli_reports_an_invalid_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    write_config(tmp_path, monkeypatch, "[locked]\ndatabase_url = 'postgresql://u:pw@db/x'\n")
    assert app.main(["--lang", "en", "db", "current"]) == 1
    assert "machine-wide configuration" in capsys.readouterr().err


def test_cli_language_follows_the_locked_language(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    write_config(tmp_path, monkeypatch, "[locked]\nlanguage = 'ja'\n")
    with pytest.raises(SystemExit):
        app.main(["--lang", "en", "--help"])
    assert "監査記録" in capsys.readouterr().out


def test_cli_language_default_comes_before_the_system_locale(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    write_config(tmp_path, monkeypatch, "[defaults]\nlanguage = 'en'\n")
    monkeypatch.setenv("LANG", "ja_JP.UTF-8")
    with pytest.raises(SystemExit):
        app.main(["--help"])
    assert "audit record" in capsys.readouterr().out
