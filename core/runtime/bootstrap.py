"""Opening KohoGate's environment in a fixed order, shared by the GUI and the CLI.

folders → logging → database (refusing network paths) → migrations → this
terminal's record. Nothing here imports Qt or heavy libraries.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from core.runtime.logging_setup import setup_logging
from core.runtime.paths import AppPaths, resolve_database_url, resolve_paths
from core.storage.engine import Store
from core.storage.migrate import upgrade
from core.terminals.identity import LocalTerminal, load_or_create

log = logging.getLogger(__name__)


@dataclass
class Environment:
    paths: AppPaths
    database_url: str
    store: Store
    terminal: LocalTerminal

    def close(self) -> None:
        self.store.dispose()


def open_environment(
    data_dir: str | None = None,
    database_url: str | None = None,
    *,
    migrate: bool = True,
    register_terminal: bool = True,
) -> Environment:
    paths = resolve_paths(data_dir).ensure()
    setup_logging(paths.logs)
    url = resolve_database_url(paths, database_url)
    store = Store(url)
    try:
        if migrate:
            upgrade(store.engine)
        terminal = load_or_create(paths.config)
        env = Environment(paths=paths, database_url=url, store=store, terminal=terminal)
        if register_terminal and migrate:
            from core.services.terminals import register_local

            register_local(store, terminal)
    except BaseException:
        store.dispose()
        raise
    log.info("opened %s (terminal %s)", store.description, terminal.uid)
    return env
