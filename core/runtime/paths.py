"""Where KohoGate keeps its files: the one module that knows folders.

Everything user-specific lives below one *data root* so that a test, a demo or
a second installation can be pointed elsewhere with ``--data-dir DIR`` or
``KOHOGATE_DATA_DIR``. Without an override the folders come from
``platformdirs`` (``%LOCALAPPDATA%\\KohoGate`` on Windows).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from core.errors import NetworkDatabasePath
from core.i18n import tr
from core.runtime.netpath import is_unc_path, network_filesystem

APP_NAME = "KohoGate"
APP_AUTHOR = "KohoGate"
DATA_DIR_ENV = "KOHOGATE_DATA_DIR"
DATABASE_URL_ENV = "KOHOGATE_DATABASE_URL"
DATABASE_FILE = "kohogate.db"


@dataclass(frozen=True)
class AppPaths:
    data: Path
    config: Path
    logs: Path
    cache: Path
    # The override as given when it names a server (UNC path, file: URI):
    # refused by ensure(), kept unresolved so the message shows what was typed.
    network_share: str = ""

    @property
    def database_file(self) -> Path:
        return self.data / DATABASE_FILE

    @property
    def default_database_url(self) -> str:
        return f"sqlite:///{self.database_file.as_posix()}"

    def on_local_disk(self) -> bool:
        """False when any folder is on a network share (ensure() would refuse it)."""
        if self.network_share:
            return False
        return all(network_filesystem(folder) is None for folder in (self.data, self.config, self.logs, self.cache))

    def ensure(self) -> AppPaths:
        """Create the folders, after refusing any that is on a network share:
        nothing is created there first (a share is refused, not littered)."""
        folders = (self.data, self.config, self.logs, self.cache)
        if self.network_share:
            refuse_network_folder(self.network_share)
        for folder in folders:
            refuse_network_folder(folder)
        for folder in folders:
            folder.mkdir(parents=True, exist_ok=True)
        return self


def refuse_network_folder(folder: str | os.PathLike[str]) -> None:
    """:class:`NetworkDatabasePath` when ``folder`` is on a network file system.

    The data folder holds the SQLite database, this terminal's identity and
    its key: on a share another computer could open or copy them.
    """
    kind = network_filesystem(folder)
    if kind:
        raise NetworkDatabasePath(
            tr("The data folder {path} is on a network drive ({kind}).").format(path=os.fspath(folder), kind=kind),
            hint=tr(
                "Keep KohoGate's data folder on this computer; several workstations share data through a "
                "PostgreSQL server (--database-url postgresql://…)."
            ),
        )


def resolve_paths(data_dir: str | os.PathLike[str] | None = None) -> AppPaths:
    """Folders for this run: ``data_dir`` > ``$KOHOGATE_DATA_DIR`` > platformdirs.

    With an override every folder is a child of it, so nothing is written to
    the real home directory (tests and demos rely on that).
    """
    override = data_dir or os.environ.get(DATA_DIR_ENV)
    if override:
        # Judged before resolve(): on Linux ``\\server\share`` or ``file:////server/share``
        # would otherwise become a harmless-looking folder below the current one.
        share = os.fspath(override) if is_unc_path(os.fspath(override)) else ""
        root = Path(override) if share else Path(override).expanduser().resolve()
        return AppPaths(
            data=root, config=root / "config", logs=root / "logs", cache=root / "cache", network_share=share
        )
    return AppPaths(
        data=Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR, roaming=False)),
        config=Path(platformdirs.user_config_dir(APP_NAME, APP_AUTHOR, roaming=False)),
        logs=Path(platformdirs.user_log_dir(APP_NAME, APP_AUTHOR)),
        cache=Path(platformdirs.user_cache_dir(APP_NAME, APP_AUTHOR)),
    )


def private_cache(paths: AppPaths) -> Path | None:
    """The person's cache folder for files KohoGate reads back as trusted (translations), if it has one.

    ``None`` when the folders are on a network share (nothing may be written there before
    the share is refused): the caller then keeps nothing, or uses a folder of its own
    (``tempfile.mkdtemp``), never the shared temporary folder, where another account
    could have put a file of the expected name.
    """
    return paths.cache if paths.on_local_disk() else None


def resolve_database_url(paths: AppPaths, explicit: str | None = None) -> str:
    """IT's locked URL > ``--database-url`` > ``$KOHOGATE_DATABASE_URL`` > IT's default > SQLite in the data folder.

    The machine-wide configuration (core/runtime/machine_config.py) is read here, so
    an invalid file or an attempt to override a locked URL stops every entry point.
    """
    from core.runtime.machine_config import effective_database_url, load_machine_config

    url = effective_database_url(load_machine_config(), explicit, os.environ.get(DATABASE_URL_ENV))
    return url or paths.default_database_url
