"""The main window: menu, side navigation, the screens, and the status bar.

The window is built in two steps so that it appears at once: the *shell*
(menu, navigation, a "opening the database…" page) needs nothing but Qt;
:meth:`MainWindow.attach` shows the first screen once the database is open
(which imports SQLAlchemy and may wait for a network server). Every other
screen is imported and built when it is first opened (:meth:`MainWindow.screen_at`),
so a start pays for one screen, not eight. Only this module's ``attach``
and the screens import the data layer.
"""

from __future__ import annotations

import contextlib
import importlib
import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QProgressBar,
    QStackedWidget,
    QSystemTrayIcon,
    QVBoxLayout,
    QWidget,
)

from core.organization.roles import Role, roles_label
from core.runtime import user_settings
from core.runtime.paths import AppPaths
from gui import messages
from gui.i18n import translator
from gui.widgets.palette import BLOCK
from gui.widgets.plain import plain

if TYPE_CHECKING:
    from core.audit.events import Changes
    from core.organization.identity import Actor
    from core.organization.onboarding import Place
    from core.services.pause import PauseState
    from core.services.startup import StartSnapshot
    from gui.change_watcher import ChangeWatcher
    from gui.guided_start import GuidedStartDialog
    from gui.screens.base import Screen
    from gui.session import AppSession

tr = translator("MainWindow")
log = logging.getLogger(__name__)


def screen_titles() -> list[str]:
    return [
        tr("Drafts"),
        tr("Awaiting approval"),
        tr("Accounts"),
        tr("Terminals"),
        tr("Audit record"),
        tr("Settings"),
        tr("Incidents"),
        tr("Moderation"),
        tr("Schedule"),
    ]


# Where each screen's class lives, in navigation order: imported when the screen is first opened.
SCREEN_CLASSES = (
    ("gui.screens.drafts", "DraftsScreen"),
    ("gui.screens.approvals", "ApprovalsScreen"),
    ("gui.screens.accounts", "AccountsScreen"),
    ("gui.screens.terminals", "TerminalsScreen"),
    ("gui.screens.audit", "AuditScreen"),
    ("gui.screens.settings.screen", "SettingsScreen"),
    ("gui.screens.incidents", "IncidentsScreen"),
    ("gui.screens.moderation", "ModerationScreen"),
    ("gui.screens.calendar", "CalendarScreen"),
)


class LoadingPage(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("loadingPage")
        self.label = QLabel(tr("Opening the database…"))
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.bar = QProgressBar()
        self.bar.setRange(0, 0)  # busy indicator: opening has no measurable steps
        self.bar.setMaximumWidth(360)
        self.bar.setAccessibleName(tr("Opening the database…"))
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(self.label)
        layout.addWidget(self.bar, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(1)


class MainWindow(QMainWindow):
    """Signals: none of its own; screens listen to :class:`AppSession`."""

    def __init__(self, paths: AppPaths, session: AppSession | None = None) -> None:
        super().__init__()
        self.paths = paths
        self.session: AppSession | None = None
        #: The screens built so far, by navigation row (the others are built when first opened).
        self.built: dict[int, Screen] = {}
        self.setObjectName("mainWindow")
        self.setWindowTitle(tr("KohoGate"))
        self.nav = QListWidget()
        self.nav.setObjectName("navigation")
        self.nav.setAccessibleName(tr("Screens"))
        self.nav.setFixedWidth(180)
        self.nav.setSpacing(3)
        font = self.nav.font()
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.nav.setFont(font)
        for number, title in enumerate(screen_titles(), start=1):
            item = QListWidgetItem(title)
            item.setToolTip(tr("{title} (Ctrl+{n})").format(title=title, n=number))
            self.nav.addItem(item)
        self.nav.setEnabled(False)
        self.stack = QStackedWidget()
        self.loading = LoadingPage()
        self.stack.addWidget(self.loading)
        central = QWidget()
        layout = QHBoxLayout(central)
        layout.addWidget(self.nav)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self.nav.currentRowChanged.connect(self._on_nav)
        self._build_menu()
        self.user_label = plain(QLabel())
        self.user_label.setObjectName("statusUser")
        self.terminal_label = QLabel()
        self.terminal_label.setObjectName("statusTerminal")
        self.database_label = plain(QLabel())
        self.database_label.setObjectName("statusDatabase")
        # 全停止 is shown on every screen until resumed: nobody should wonder why nothing goes out.
        self.pause_label = plain(QLabel())
        self.pause_label.setObjectName("statusPaused")
        self.pause_label.setStyleSheet(f"color:{BLOCK};font-weight:bold")
        self.pause_label.hide()
        # Permanent: a passing message ("Submitted for approval") must not hide who is acting and where.
        self.statusBar().addPermanentWidget(self.pause_label)
        self.statusBar().addPermanentWidget(self.user_label)
        self.statusBar().addPermanentWidget(self.terminal_label)
        self.statusBar().addPermanentWidget(self.database_label)
        self.switcher: QComboBox | None = None
        self.guided: GuidedStartDialog | None = None
        self.watcher: ChangeWatcher | None = None
        self.tray: QSystemTrayIcon | None = None
        self.pending = 0
        self.status_reads = 0  # status reads in flight (tests wait for none)
        self._status_again = False
        self._listening = False  # connected to the change hub (from attach until closed)
        self.resize(1200, 760)
        self._restore_geometry()
        if session is not None:
            self.attach(session)

    # -- after the database is open --
    def attach(self, session: AppSession, snapshot: StartSnapshot | None = None) -> None:
        """Show the first screen for ``session`` and enable navigation (the others come when opened).

        ``snapshot``: what the start read already (the organization's name, the demo switcher's people,
        the audit head); read here when not given (tests, screenshots).
        """
        if snapshot is None:
            from core.services.startup import read_start

            snapshot = read_start(session.store, session.actor.login, session.actor.terminal)
        self.session = session
        self.setWindowTitle(tr("KohoGate — {org}").format(org=snapshot.organization))
        self.database_label.setText(session.store.description)
        self._build_switcher(snapshot)
        # No actor_changed hook: switching the person announces every change, which reaches _on_changes.
        from gui.change_watcher import ChangeWatcher
        from gui.changes import change_hub

        change_hub().changed.connect(self._on_changes)
        self._listening = True
        self.watcher = ChangeWatcher(session.store, lambda: session.actor.recorder, self, since=snapshot.head_seq)
        # A bound slot of this window, not a plain function: on PostgreSQL the watcher emits from its
        # listener thread, and only a receiver living on the UI thread makes Qt queue the call there.
        self.watcher.changed.connect(self._announce_from_elsewhere)
        self.watcher.start()
        from gui.publishing.scheduler import BackgroundScheduler

        self.scheduler = BackgroundScheduler(session, self)
        self.scheduler.summary.connect(self._scheduler_summary)
        self.scheduler.remind.connect(self._scheduler_reminder)
        self.scheduler.start()
        from gui.moderation.background import InboundScheduler

        self.inbound = InboundScheduler(session, self)
        self.inbound.summary.connect(lambda text: self.statusBar().showMessage(text, 60_000))
        self.inbound.alert.connect(self._inbound_alert)
        self.inbound.start()
        from gui.notify.background import MailSender

        # Mail is for those away from the desk; the tray above stays for those at it.
        self.mailer = MailSender(session, self)
        self.mailer.summary.connect(lambda text: self.statusBar().showMessage(text, 60_000))
        self.mailer.start()
        self._update_status(actor_fresh=True)  # the actor was read just now, with the window's opening
        self.guided_action.setEnabled(True)
        self.nav.setEnabled(True)
        start = self.start_screen(session)
        self.nav.setCurrentRow(start)
        self._on_nav(start)

    @staticmethod
    def start_screen(session: AppSession) -> int:
        """予定 (with the today board) for people whose work has a time — writing or deciding; else 下書き.

        A supervisor arriving at 9:00 first needs what waits for their decision and what goes out
        today; an operator what goes out today and what came back. An administrator only (set-up,
        accounts, the record) starts on the drafts list as before.
        """
        if session.has(Role.SUPERVISOR) or session.has(Role.OPERATOR):
            return len(screen_titles()) - 1
        return 0

    def show_page(self, widget: QWidget) -> None:
        """Replace the loading page with ``widget`` (e.g. "you are not registered")."""
        self.stack.addWidget(widget)
        self.stack.setCurrentWidget(widget)

    def show_loading_error(self, message: str) -> None:
        self.loading.bar.hide()
        self.loading.label.setText(message)

    def screen_at(self, row: int) -> Screen:
        """The screen at navigation ``row``, built (not shown) on first use."""
        built = self.built.get(row)
        if built is not None:
            return built
        assert self.session is not None, "screens exist only once the database is open"
        module, name = SCREEN_CLASSES[row]
        cls: type[Screen] = getattr(importlib.import_module(module), name)
        screen = cls(self.session)
        screen.setObjectName(f"screen{row + 1}")
        if not self._listening:
            screen.detach()  # built for a window already closed: it must not re-read
        self.built[row] = screen
        self.stack.addWidget(screen)
        return screen

    def _on_nav(self, row: int) -> None:
        if self.session is not None and 0 <= row < len(SCREEN_CLASSES):
            self.stack.setCurrentWidget(self.screen_at(row))

    def _build_menu(self) -> None:
        file_menu = self.menuBar().addMenu(tr("&File"))
        export = QAction(tr("&Export audit record…"), self)
        export.triggered.connect(self._export_audit)
        file_menu.addAction(export)
        file_menu.addSeparator()
        quit_action = QAction(tr("&Quit"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)
        view_menu = self.menuBar().addMenu(tr("&View"))
        for number, title in enumerate(screen_titles(), start=1):
            action = QAction(title, self)
            action.setShortcut(QKeySequence(f"Ctrl+{number}"))
            action.triggered.connect(lambda _checked=False, row=number - 1: self.show_screen(row))
            view_menu.addAction(action)
        refresh = QAction(tr("&Refresh"), self)
        refresh.setShortcut(QKeySequence.StandardKey.Refresh)
        refresh.triggered.connect(self.refresh_all)
        view_menu.addSeparator()
        view_menu.addAction(refresh)
        help_menu = self.menuBar().addMenu(tr("&Help"))
        self.guided_action = QAction(tr("&Getting started (はじめに)…"), self)
        self.guided_action.setEnabled(False)
        self.guided_action.triggered.connect(self.open_guided_start)
        help_menu.addAction(self.guided_action)
        manual = QAction(tr("&User manual (使い方)"), self)
        manual.setShortcut(QKeySequence.StandardKey.HelpContents)
        manual.triggered.connect(self.open_manual)
        help_menu.addAction(manual)
        about = QAction(tr("&About KohoGate"), self)
        about.triggered.connect(self._about)
        help_menu.addAction(about)

    def open_guided_start(self) -> GuidedStartDialog | None:
        """はじめに: the steps to a first post (after the set-up wizard, and from ヘルプ)."""
        if self.session is None:
            return None
        from gui.guided_start import GuidedStartDialog

        if self.guided is None:
            self.guided = GuidedStartDialog(self.session, self)
            self.guided.go_to.connect(self.show_place)
            self.guided.add_account.connect(self._add_first_account)
            self.guided.finished.connect(lambda _result: setattr(self, "guided", None))
        if self.guided.isVisible():
            self.guided.raise_()  # asked again from ヘルプ: bring the open one forward
            self.guided.activateWindow()
        else:
            self.guided.show()
        return self.guided

    def open_manual(self) -> QWidget:
        from gui.manual import ManualDialog

        dialog = ManualDialog(self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog

    def show_place(self, place: Place) -> None:
        """The page where a guided-start step is done."""
        from core.organization.onboarding import Place
        from gui.screens.settings.screen import SettingsScreen

        row = {Place.STAFF: 5, Place.ACCOUNTS: 2, Place.TERMINALS: 3, Place.SIGNING_KEYS: 5}[place]
        self.show_screen(row)
        settings = self.screen_at(5)
        if isinstance(settings, SettingsScreen) and place in (Place.STAFF, Place.SIGNING_KEYS):
            settings.show_tab(settings.staff_tab if place is Place.STAFF else settings.approval)

    def _add_first_account(self) -> None:
        from gui.screens.accounts import AccountsScreen

        self.show_screen(2)
        accounts = self.screen_at(2)
        if isinstance(accounts, AccountsScreen):
            accounts.add_account()

    def _build_switcher(self, snapshot: StartSnapshot) -> None:
        session = self.session
        if session is None or not session.is_demo:
            return
        switcher = QComboBox()
        switcher.setObjectName("userSwitcher")
        switcher.setAccessibleName(tr("Demo: act as"))
        switcher.setToolTip(tr("Demo data only: try the app as another member of staff."))
        for staff in snapshot.people:
            switcher.addItem(f"{staff.display_name} ({roles_label(staff.roles)})", staff.id)
        switcher.setCurrentIndex(max(switcher.findData(session.actor.staff_id), 0))
        switcher.currentIndexChanged.connect(lambda _i: session.switch_to(int(switcher.currentData())))
        self.statusBar().addPermanentWidget(QLabel(tr("Demo — act as:")))
        self.statusBar().addPermanentWidget(switcher)
        self.switcher = switcher

    def refresh_all(self) -> None:
        """Every screen re-reads (F5): for a change nobody announced."""
        if self.session is not None:
            from gui.changes import Changes, announce

            announce(Changes.everything())

    def _announce_from_elsewhere(self, changes: Changes) -> None:
        from gui.changes import announce

        announce(changes)

    def _on_changes(self, changes: Changes) -> None:
        # The badge counts the queue; the terminal's status and who may decide are settings and terminals.
        if changes.queue or changes.settings or changes.terminals:
            self._update_status()

    def _update_status(self, *, actor_fresh: bool = False) -> None:
        """The user, this terminal's status and the pending-review badge; read off the UI thread.

        ``actor_fresh``: the session's actor is what the database says now (the window is being
        attached): it is not read again.
        """
        session = self.session
        if session is None:
            return
        actor = session.actor
        self.user_label.setText(
            tr("User: {name} ({roles})").format(name=actor.display_name, roles=roles_label(actor.roles))
        )
        from core.lifecycle.actions import sees_pending_reviews
        from core.services.pause import pause_state
        from core.services.reviews import pending_reviews
        from gui.operations import Operation

        def read() -> tuple[str, int, PauseState, Actor]:
            from core.services.staff import actor_for_staff
            from core.services.terminals import terminal_status

            # Roles given a minute ago (to oneself, in the guided start) apply without a restart.
            now = actor if actor_fresh else actor_for_staff(session.store, actor.staff_id, actor.terminal)
            terminal = terminal_status(session.store, session.env.terminal.uid)
            count = 0
            if sees_pending_reviews(now, deputy=session.is_deputy):
                count = len(pending_reviews(session.store, reviewer_id=now.staff_id))
            status = terminal.label if terminal else tr("not registered")
            return status, count, pause_state(session.store), now

        if self.status_reads:
            self._status_again = True  # a burst of changes: one more read when this one is back
            return
        self.status_reads += 1
        Operation(self, read).finished(self._status_read_back).success(self._show_status).failure(
            self._status_failed
        ).run()

    def _status_read_back(self) -> None:
        self.status_reads -= 1
        if self._status_again:
            self._status_again = False
            self._update_status()

    def _status_failed(self, exc: BaseException) -> None:
        # A busy database: the next change tries again; a status line must not pop up a dialog.
        log.warning("status bar not updated: %s", exc)

    def _show_status(self, result: tuple[str, int, PauseState, Actor]) -> None:
        status, count, paused, now = result
        session = self.session
        if session is not None and now.staff_id == session.actor.staff_id and now != session.actor:
            session.set_actor(now)
            self.user_label.setText(
                tr("User: {name} ({roles})").format(name=now.display_name, roles=roles_label(now.roles))
            )
        self.terminal_label.setText(tr("Terminal: {status}").format(status=status))
        self.pause_label.setVisible(paused.paused)
        self.pause_label.setText(tr("全停止: scheduled posting paused") if paused.paused else "")
        self.pause_label.setToolTip(paused.reason)
        self._update_badge(count)

    def _update_badge(self, count: int) -> None:
        """Pending decisions for this person: on the navigation, the title and the tray."""
        item = self.nav.item(1)
        title = screen_titles()[1]
        item.setText(f"{title} ({count})" if count else title)
        base = self.windowTitle().split(" — (")[0]
        self.setWindowTitle(base + (f" — ({count})" if count else ""))
        if count > self.pending:
            self._notify(count)
        self.pending = count

    def _scheduler_summary(self, text: str) -> None:
        """Show what the background scheduler did on the status bar and the tray icon."""
        self.statusBar().showMessage(text, 60_000)
        if self.tray is None and QSystemTrayIcon.isSystemTrayAvailable():
            self.tray = QSystemTrayIcon(self.windowIcon(), self)
            self.tray.activated.connect(lambda _reason: self._bring_to_approvals())
            self.tray.show()
        if self.tray is not None:
            self.tray.setToolTip(text)

    def _scheduler_reminder(self, text: str) -> None:
        """A post is due on a platform without an API: tell the person at the desk once."""
        self.statusBar().showMessage(text, 120_000)
        if self.tray is not None and self.tray.supportsMessages():
            self.tray.showMessage(tr("KohoGate"), text)

    def _inbound_alert(self, text: str) -> None:
        """A 炎上 episode or a reply needing action: the status bar, and the tray's balloon once."""
        self.statusBar().showMessage(text, 300_000)
        if self.tray is None and QSystemTrayIcon.isSystemTrayAvailable():
            self.tray = QSystemTrayIcon(self.windowIcon(), self)
            self.tray.activated.connect(lambda _reason: self._bring_to_approvals())
            self.tray.show()
        if self.tray is not None and self.tray.supportsMessages():
            self.tray.showMessage(tr("KohoGate"), text, QSystemTrayIcon.MessageIcon.Warning, 15_000)

    def _bring_to_approvals(self) -> None:
        self.showNormal()
        self.raise_()
        self.show_screen(1)

    def _notify(self, count: int) -> None:
        if not QSystemTrayIcon.isSystemTrayAvailable():
            return
        if self.tray is None:
            self.tray = QSystemTrayIcon(self.windowIcon(), self)
            self.tray.activated.connect(lambda _reason: self._bring_to_approvals())
            self.tray.show()
        self.tray.setToolTip(tr("KohoGate: {count} awaiting your approval").format(count=count))
        self.tray.showMessage(
            tr("KohoGate"),
            tr("{count} submissions await your approval.").format(count=count),
            QSystemTrayIcon.MessageIcon.Information,
            8000,
        )

    def show_screen(self, row: int) -> None:
        if not self.nav.isEnabled():
            return
        self.nav.setCurrentRow(row)
        current = self.stack.currentWidget()
        if current is not None:
            current.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _export_audit(self) -> None:
        if self.session is None:
            return
        from gui.screens.audit import AuditScreen

        self.show_screen(4)
        audit = self.screen_at(4)
        assert isinstance(audit, AuditScreen)
        audit.ask_export()

    def _about(self) -> None:
        from gui.about import AboutDialog

        AboutDialog(self).exec()

    def _restore_geometry(self) -> None:
        saved = user_settings.load(self.paths.config).window_geometry
        if saved:
            self.restoreGeometry(QByteArray.fromBase64(saved.encode("ascii")))

    def unsaved_changes(self) -> list[str]:
        """``screen — tab`` names with edits not saved yet."""
        found = []
        titles = screen_titles()
        for row, screen in sorted(self.built.items()):
            title = titles[row]
            pending = getattr(screen, "unsaved_changes", None)
            if callable(pending):
                found += [f"{title} — {name}" for name in pending()]
        return found

    def closeEvent(self, event: QCloseEvent) -> None:
        unsaved = self.unsaved_changes()
        if unsaved and not messages.confirm_discard(
            self,
            tr("Unsaved changes"),
            tr("These settings are changed but not saved:") + "\n" + "\n".join("・" + u for u in unsaved),
            informative=tr("Close KohoGate and lose them?"),
            accept=tr("&Close without saving"),
            name="unsavedOnClose",
        ):
            event.ignore()
            return
        if self.watcher is not None:
            self.watcher.stop()
        if self._listening:
            from gui.changes import change_hub

            # Closed is closed: no status reads or screen refreshes for a window nobody sees.
            self._listening = False
            change_hub().changed.disconnect(self._on_changes)
            for screen in self.built.values():
                screen.detach()
        if getattr(self, "scheduler", None) is not None:
            self.scheduler.stop()
        if getattr(self, "inbound", None) is not None:
            self.inbound.stop()
        if getattr(self, "mailer", None) is not None:
            self.mailer.stop()
        settings = user_settings.load(self.paths.config)
        settings.window_geometry = bytes(self.saveGeometry().toBase64().data()).decode("ascii")
        # Losing the window size must never block closing.
        with contextlib.suppress(OSError):
            user_settings.save(self.paths.config, settings)
        super().closeEvent(event)
