"""The machine-wide configuration the IT section keeps: read before each user's own settings.

One TOML file per workstation (``%PROGRAMDATA%\\KohoGate\\kohogate.toml``,
``/etc/kohogate/kohogate.toml``, ``/Library/Application Support/KohoGate/kohogate.toml``;
``$KOHOGATE_MACHINE_CONFIG`` names another file) with two tables:

``[defaults]``
    what a user starts with and may change;
``[locked]``
    fixed for everyone on the machine: a user's settings, command-line options
    and environment variables cannot change them (an explicit different value is
    refused with a message saying who locked it and where).

Precedence, highest first: locked → the user's explicit choice (option,
environment variable, saved setting) → machine default → KohoGate's default.

A file that cannot be read, a TOML error, an unknown name (a typo must not
silently unlock a setting) or a wrong value is :class:`MachineConfigInvalid`,
naming the file. The file is readable by every user, so it holds no secrets: a
password in ``database_url`` is refused (pgpass / ``PGPASSWORD`` / the OS keyring
hold secrets).
"""

from __future__ import annotations

import os
import sys
import tomllib
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Generic, TypeVar
from urllib.parse import parse_qs, urlsplit

from core.errors import EnvironmentProblem, PermissionDenied
from core.i18n import tr

MACHINE_CONFIG_ENV = "KOHOGATE_MACHINE_CONFIG"
CONFIG_FILE = "kohogate.toml"
DEFAULT_PUBLISH_WINDOW_MINUTES = 60
MAX_PUBLISH_WINDOW_MINUTES = 7 * 24 * 60
LANGUAGES = ("ja", "en")
# Query parameters of a libpq / SQLAlchemy URL that carry a secret.
_SECRET_QUERY_KEYS = {"password", "sslpassword", "sslkey_password"}
_SECRET_WORDS = ("password", "passwd", "secret", "token", "key")

T = TypeVar("T", str, int)


class MachineConfigInvalid(EnvironmentProblem):
    """The machine-wide configuration cannot be used as written (the IT section fixes it)."""


class SettingLocked(PermissionDenied):
    """The user asked for a value the machine-wide configuration has locked."""


class Setting(StrEnum):
    DATABASE_URL = "database_url"
    LANGUAGE = "language"
    PUBLISH_WINDOW = "publish_window_minutes"


def setting_label(setting: Setting) -> str:
    labels = {
        Setting.DATABASE_URL: tr("Database"),
        Setting.LANGUAGE: tr("Language"),
        Setting.PUBLISH_WINDOW: tr("How late a scheduled post may still go out (minutes)"),
    }
    return labels[setting]


@dataclass(frozen=True)
class Managed(Generic[T]):
    value: T
    locked: bool


@dataclass(frozen=True)
class ManagedEntry:
    """One managed setting as 設定 shows it."""

    setting: Setting
    label: str
    value: str
    locked: bool


@dataclass(frozen=True)
class MachineConfig:
    path: Path
    exists: bool = False
    database_url: Managed[str] | None = None
    language: Managed[str] | None = None
    publish_window_minutes: Managed[int] | None = None

    def entries(self) -> list[ManagedEntry]:
        found: list[ManagedEntry] = []
        for setting, managed in (
            (Setting.DATABASE_URL, self.database_url),
            (Setting.LANGUAGE, self.language),
            (Setting.PUBLISH_WINDOW, self.publish_window_minutes),
        ):
            if managed is not None:
                found.append(ManagedEntry(setting, setting_label(setting), str(managed.value), managed.locked))
        return found

    def is_locked(self, setting: Setting) -> bool:
        return any(entry.setting == setting and entry.locked for entry in self.entries())


def machine_config_path() -> Path:
    """Where this platform keeps the file (or ``$KOHOGATE_MACHINE_CONFIG``)."""
    override = os.environ.get(MACHINE_CONFIG_ENV)
    if override:
        return Path(override)
    if sys.platform == "win32":
        return Path(os.environ.get("PROGRAMDATA") or r"C:\ProgramData") / "KohoGate" / CONFIG_FILE
    if sys.platform == "darwin":
        return Path("/Library/Application Support/KohoGate") / CONFIG_FILE
    return Path("/etc/kohogate") / CONFIG_FILE


def load_machine_config(path: Path | None = None) -> MachineConfig:
    """The configuration in ``path`` (default: :func:`machine_config_path`); empty when there is no file."""
    path = path or machine_config_path()
    try:
        raw = path.read_bytes()
    except (FileNotFoundError, NotADirectoryError):
        return MachineConfig(path=path)
    except OSError as exc:
        raise _invalid(path, tr("it cannot be read ({reason}).").format(reason=exc.strerror or exc)) from exc
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise _invalid(path, tr("it is not UTF-8 text.")) from exc
    except tomllib.TOMLDecodeError as exc:
        raise _invalid(path, tr("it is not valid TOML: {reason}").format(reason=exc)) from exc
    return _parse(path, data)


def _invalid(path: Path, problem: str) -> MachineConfigInvalid:
    return MachineConfigInvalid(
        tr("The machine-wide configuration {path} cannot be used: {problem}").format(path=path, problem=problem),
        hint=tr("Ask your IT section to correct the file; KohoGate does not start with it as it is."),
    )


def _parse(path: Path, data: dict[str, object]) -> MachineConfig:
    tables: dict[str, dict[str, object]] = {}
    for name, table in data.items():
        if name not in {"defaults", "locked"}:
            raise _invalid(path, _unknown(name, tr("only [defaults] and [locked] are known")))
        if not isinstance(table, dict):
            raise _invalid(path, tr("{name} must be a table ([{name}]).").format(name=name))
        tables[name] = table
    values: dict[Setting, Managed[str] | Managed[int]] = {}
    for name, table in tables.items():
        for key, value in table.items():
            setting = _setting(path, name, key)
            if setting in values:
                raise _invalid(path, tr("{key} is in both [defaults] and [locked].").format(key=key))
            values[setting] = _validated(path, setting, value, locked=name == "locked")
    return MachineConfig(
        path=path,
        exists=True,
        database_url=_typed(values.get(Setting.DATABASE_URL), str),
        language=_typed(values.get(Setting.LANGUAGE), str),
        publish_window_minutes=_typed(values.get(Setting.PUBLISH_WINDOW), int),
    )


def _typed(managed: Managed[str] | Managed[int] | None, kind: type[T]) -> Managed[T] | None:
    if managed is None:
        return None
    assert isinstance(managed.value, kind)
    return Managed(kind(managed.value), managed.locked)


def _unknown(key: str, known: str) -> str:
    if any(word in key.lower() for word in _SECRET_WORDS):
        return tr(
            "{key} looks like a secret. Secrets do not belong in a file every user can read: "
            "passwords go into pgpass or PGPASSWORD, platform tokens into the OS keyring."
        ).format(key=key)
    return tr("{key} is not a known name ({known}).").format(key=key, known=known)


def _setting(path: Path, table: str, key: str) -> Setting:
    try:
        return Setting(key)
    except ValueError:
        known = ", ".join(s.value for s in Setting)
        raise _invalid(path, _unknown(f"[{table}] {key}", known)) from None


def _validated(path: Path, setting: Setting, value: object, *, locked: bool) -> Managed[str] | Managed[int]:
    if setting is Setting.PUBLISH_WINDOW:
        if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= MAX_PUBLISH_WINDOW_MINUTES:
            raise _invalid(
                path,
                tr("{key} must be a whole number of minutes from 1 to {most}.").format(
                    key=setting.value, most=MAX_PUBLISH_WINDOW_MINUTES
                ),
            )
        return Managed(value, locked)
    if not isinstance(value, str) or not value.strip():
        raise _invalid(path, tr("{key} must be a text in quotes.").format(key=setting.value))
    if setting is Setting.LANGUAGE and value not in LANGUAGES:
        raise _invalid(path, tr('language must be "ja" or "en".'))
    if setting is Setting.DATABASE_URL:
        _check_database_url(path, value)
    return Managed(value.strip(), locked)


def _check_database_url(path: Path, url: str) -> None:
    parts = urlsplit(url)
    scheme = parts.scheme.split("+")[0]
    if scheme not in {"sqlite", "postgresql", "postgres"}:
        raise _invalid(path, tr("database_url must start with postgresql:// or sqlite:///."))
    if parts.password is not None or _SECRET_QUERY_KEYS & {key.lower() for key in parse_qs(parts.query)}:
        raise _invalid(
            path,
            tr(
                "database_url contains a password. Every user can read this file: remove the password and "
                "give each user a pgpass file (%APPDATA%\\postgresql\\pgpass.conf, ~/.pgpass) or PGPASSWORD."
            ),
        )


def _locked_message(config: MachineConfig, setting: Setting, asked: str, value: str) -> SettingLocked:
    return SettingLocked(
        tr("{label} is locked by your IT section to {value}; {asked} cannot change it.").format(
            label=setting_label(setting), value=value, asked=asked
        ),
        hint=tr("The machine-wide configuration is {path}.").format(path=config.path),
    )


def effective_database_url(config: MachineConfig, explicit: str | None, environment: str | None) -> str | None:
    """The URL to use, or None for KohoGate's default (SQLite in the data folder).

    ``explicit`` is ``--database-url``, ``environment`` ``$KOHOGATE_DATABASE_URL``.
    """
    managed = config.database_url
    if managed is not None and managed.locked:
        for asked, value in (("--database-url", explicit), ("KOHOGATE_DATABASE_URL", environment)):
            if value and value != managed.value:
                raise _locked_message(config, Setting.DATABASE_URL, asked, managed.value)
        return managed.value
    return explicit or environment or (managed.value if managed is not None else None)


def effective_language(config: MachineConfig, chosen: str | None) -> str | None:
    """The language to use, or None to follow the system.

    ``chosen`` is the user's choice (``--lang``, ``$KOHOGATE_LANG`` or the saved
    setting, already resolved by the caller). A locked language wins over it: the
    language is a matter of presentation, so it is applied rather than refused.
    """
    managed = config.language
    if managed is not None and managed.locked:
        return managed.value
    return chosen or (managed.value if managed is not None else None)


def effective_publish_window(config: MachineConfig, explicit: int | None) -> int:
    """Minutes a due post may be late (``publish-due --window``)."""
    managed = config.publish_window_minutes
    if managed is not None and managed.locked:
        if explicit is not None and explicit != managed.value:
            raise _locked_message(config, Setting.PUBLISH_WINDOW, "--window", str(managed.value))
        return managed.value
    if explicit is not None:
        return explicit
    return managed.value if managed is not None else DEFAULT_PUBLISH_WINDOW_MINUTES


def load_quietly() -> MachineConfig:
    """The configuration, or an empty one when it is invalid.

    For choosing the language before anything can be reported: the same error
    is raised, and shown, when the database URL is resolved a moment later.
    """
    try:
        return load_machine_config()
    except MachineConfigInvalid:
        return MachineConfig(path=machine_config_path())
