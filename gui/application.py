"""GUI start-up in a readable order.

exception hook → folders and language → translations → the main window's
shell, shown at once → database opened and migrated off the UI thread (it
imports SQLAlchemy and may wait for a server) → who is this? (set-up wizard /
"not registered" page / the screens).

:func:`start` returns without entering the event loop so that tests can drive
the windows (wait for ``Startup.done``); :func:`run` is what ``app.py`` calls.
"""

from __future__ import annotations

import argparse
import gc
import logging
import os
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

import gui.pyside_imports  # noqa: F401 - first of ours: every later import skips PySide6's source scan
from core.errors import KohoGateError, explain
from core.i18n import cache_in, detect_language, env_language, set_language
from core.organization.identity import current_login
from core.runtime import user_settings
from core.runtime.machine_config import effective_language, load_quietly
from core.runtime.paths import private_cache, resolve_database_url, resolve_paths
from core.runtime.resources import resource_path
from gui import crash, messages
from gui.i18n import install_translations, translator
from gui.main_window import MainWindow
from gui.tasks import Progress, run_task

if TYPE_CHECKING:
    from core.runtime.bootstrap import Environment
    from core.services.startup import StartSnapshot
    from gui.session import AppSession

tr = translator("Application")
log = logging.getLogger(__name__)

# Benchmarks: print the wall-clock time when the window is shown, when the
# screens are attached ("ready") and when the first screen is usable, then quit
# (see tests/bench/bench_startup.py and usable()).
BENCH_ENV = "KOHOGATE_BENCH_STARTUP"


@dataclass
class Startup:
    app: QApplication
    window: MainWindow
    login: str
    env: Environment | None = None
    session: AppSession | None = None
    exit_code: int | None = None
    done: bool = False
    on_done: Callable[[Startup], None] | None = None
    #: The set-up wizard ran in this start: the guided start (はじめに) follows it.
    first_run: bool = False

    def finish(self, exit_code: int | None = None) -> None:
        release_collections()
        self.exit_code = exit_code
        self.done = True
        if self.on_done is not None:
            self.on_done(self)


def application() -> QApplication:
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(sys.argv[:1])
        app.setApplicationName("KohoGate")
        app.setOrganizationName("KohoGate")
        app.setApplicationDisplayName("KohoGate")
    if app.windowIcon().isNull():
        # Every window's icon; the desktop file name ties the windows to packaging/linux/kohogate.desktop.
        app.setWindowIcon(QIcon(str(resource_path("icons", "kohogate.png"))))
        app.setDesktopFileName("kohogate")
    return app


def choose_language(args: argparse.Namespace) -> str:
    """IT's locked language > ``--lang`` > the saved setting > ``$KOHOGATE_LANG`` > IT's default > the system's."""
    saved = user_settings.load(resolve_paths(args.data_dir).config).language
    return detect_language(effective_language(load_quietly(), args.lang or saved or env_language()))


def start(args: argparse.Namespace, on_done: Callable[[Startup], None] | None = None) -> Startup:
    hold_collections()
    app = application()
    crash.install()
    lang = choose_language(args)
    set_language(lang)
    paths = resolve_paths(args.data_dir)
    # Nothing may be written to a share before open_environment() refuses it.
    cache = private_cache(paths)
    cache_in(cache / "i18n" if cache is not None else None)
    install_translations(app, lang, cache)
    window = MainWindow(paths)
    startup = Startup(app=app, window=window, login=current_login(), on_done=on_done)
    window.show()

    def open_env(_report: Progress) -> tuple[Environment, StartSnapshot]:
        from core.runtime.bootstrap import open_environment
        from core.services.startup import read_start

        env = open_environment(args.data_dir, args.database_url)
        try:
            # What the window needs before its first screen, in one read here, not six on the UI thread.
            return env, read_start(env.store, startup.login, env.terminal.uid)
        except BaseException:
            env.close()
            raise

    # Known here so a failure can name the SQLite file or the server (password masked). An
    # invalid machine-wide configuration raises again in open_env, which reports it.
    try:
        database_url: str | None = resolve_database_url(paths, args.database_url)
    except KohoGateError:
        database_url = None
    run_task(
        open_env,
        on_done=lambda opened: _opened(startup, *opened),
        on_error=lambda exc: _failed(startup, exc, database_url),
    )
    return startup


def _failed(startup: Startup, exc: BaseException, database_url: str | None = None) -> None:
    known = explain(exc, database_url=database_url)
    if known is None:
        startup.finish(1)
        crash.report_exception(exc)
        return
    startup.window.show_loading_error(known.message)
    _fatal(known)
    startup.finish(1)


def _opened(startup: Startup, env: Environment, start: StartSnapshot) -> None:
    startup.env = env
    try:
        _identify_or_set_up(startup, env, start)
    except BaseException:
        release_collections()  # a start that broke must not leave the collector off
        raise


def _identify_or_set_up(startup: Startup, env: Environment, start: StartSnapshot) -> None:
    if not start.initialized:
        from gui.setup_wizard import SetupWizard

        release_collections()  # a person fills the wizard in: no longer the start's few seconds
        wizard = SetupWizard(env.store, startup.login, env.terminal.uid, startup.window)
        if wizard.exec() != SetupWizard.DialogCode.Accepted or wizard.admin_id is None:
            startup.window.close()
            startup.finish(0)
            return
        startup.first_run = True
        identify(startup)  # the snapshot was read before the set-up: read again
        return
    identify(startup, start)


def identify(startup: Startup, start: StartSnapshot | None = None) -> None:
    """Attach the screens for the OS login, or explain that it is not registered.

    ``start`` is what the opening read found; without it (after the set-up wizard, on Retry)
    it is read here.
    """
    from core.services.startup import read_start
    from gui.session import AppSession

    env = startup.env
    assert env is not None
    if start is None:
        start = read_start(env.store, startup.login, env.terminal.uid)
    actor = start.actor
    if actor is None:
        from gui.unknown_user import UnknownUserPage

        page = UnknownUserPage(startup.login, start.organization, retry=lambda: identify(startup))
        page.quit_requested.connect(startup.window.close)
        startup.window.show_page(page)
        startup.finish()
        return
    startup.session = AppSession(env, actor, is_demo=start.is_demo)
    startup.window.attach(startup.session, start)
    freeze_start_heap()
    if startup.first_run:
        startup.window.open_guided_start()
    startup.finish()
    # The terminal's key pair (wako:5 / joso:6(2)) is made once the window is up, off the UI
    # thread: key work and the keyring must not slow the start or block it with a prompt.
    QTimer.singleShot(TERMINAL_KEY_DELAY_MS, startup.window, lambda: prepare_terminal_key(startup))


TERMINAL_KEY_DELAY_MS = 1500


def hold_collections() -> None:
    """No garbage collection until the start is over (:meth:`Startup.finish` releases it).

    A start allocates the 170,000 objects :func:`freeze_start_heap` then leaves out of every
    collection, nearly all of them for good; on the way the collector ran some 200 times over
    them (one full pass) — about 80 ms of CPU, 8 % of a start to a usable 予定 screen — and found
    some 600 objects of garbage (tests/bench/bench_startup.py's case). Called first by ``app.py``
    for the GUI, again here for a start made otherwise (tests).
    """
    gc.disable()


def release_collections() -> None:
    """The collector as usual again (after the start, before the set-up wizard, when a start broke)."""
    gc.enable()


_start_heap_frozen = False


def freeze_start_heap() -> bool:
    """Leave the objects built at start-up out of every later garbage collection; once per process.

    Once the screens are attached the process holds some 170,000 objects
    (modules, SQLAlchemy's mappings, Qt's wrappers) that live until it ends.
    Each full collection walked all of them, a stall of the UI thread in the
    middle of typing in the composer (whichever thread triggers it holds the
    interpreter lock). Frozen, a full collection walks only what came after:
    while typing in a 95,000-character draft 21 ms median / 34 worst instead
    of 273 / 306 (tests/bench/bench_composer.py, ``--no-gc-freeze``; load 4
    on two cores).
    Not collected first: that would be one such pass in the start itself, and
    what is garbage at this moment is little and freed with the process.
    Returns whether this call froze the heap (``False``: done before).
    """
    global _start_heap_frozen
    if _start_heap_frozen:
        return False
    _start_heap_frozen = True
    gc.freeze()
    return True


def prepare_terminal_key(startup: Startup) -> None:
    """Create and register this terminal's key pair if it has none; show the outcome in the status bar."""
    env = startup.env
    if env is None or startup.session is None:
        return
    recorder = startup.session.actor.recorder

    def work(_report: Progress) -> str:
        from core.credentials.vault import open_vault
        from core.terminals.keys import ensure_terminal_key

        try:
            return ensure_terminal_key(env.store, open_vault(), env.terminal.uid, recorder).label
        except Exception as exc:  # a missing or locked keyring is reported, never fatal here
            known = explain(exc)
            log.warning("terminal key not prepared: %s", known or exc)
            return known.message if known is not None else tr("The terminal key could not be prepared.")

    def done(label: str) -> None:
        startup.window.statusBar().showMessage(label, 10_000)

    run_task(work, on_done=done, parent=startup.window)


def main_window_for(env: Environment, staff_id: int) -> MainWindow:
    """A main window acting as ``staff_id`` (tests and screenshots)."""
    from core.services.staff import actor_for_staff
    from gui.session import AppSession

    application()
    return MainWindow(env.paths, AppSession(env, actor_for_staff(env.store, staff_id, env.terminal.uid)))


def _fatal(error: KohoGateError) -> None:
    messages.error(None, tr("KohoGate cannot start"), error.message, informative=error.hint or "")


def usable(window: MainWindow) -> bool:
    """The first screen a person sees is built, shown, read, and nothing started for it is still out.

    What a user can work with, not the loading page: every read the start
    began (the screen's rows, the status bar's badge) has reached the UI thread.
    """
    from gui.screens.base import Screen
    from gui.tasks import tasks_in_flight

    screen = window.stack.currentWidget()
    return isinstance(screen, Screen) and screen.isVisible() and screen.fresh and tasks_in_flight() == 0


def _print_when_usable(startup: Startup) -> None:
    probe = QTimer(startup.app)
    probe.setInterval(1)  # a timer firing is the event loop taking input again: the screen answers keys

    def check() -> None:
        if startup.exit_code is not None or usable(startup.window):
            probe.stop()
            print(f"usable {time.time():.6f}", flush=True)
            startup.app.quit()

    probe.timeout.connect(check)
    probe.start()


def run(args: argparse.Namespace) -> int:
    bench = bool(os.environ.get(BENCH_ENV))

    def finished(startup: Startup) -> None:
        if bench:
            print(f"ready {time.time():.6f}", flush=True)
            if startup.exit_code is None:
                _print_when_usable(startup)
                return
        if startup.exit_code is not None:
            QTimer.singleShot(0, startup.app.quit)

    startup = start(args, on_done=finished)
    if bench:
        QTimer.singleShot(0, lambda: print(f"shown {time.time():.6f}", flush=True))
    try:
        code = startup.app.exec()
    finally:
        from gui.tasks import wait_for_tasks

        wait_for_tasks()
        if startup.env is not None:
            startup.env.close()
    return startup.exit_code if startup.exit_code is not None else code
