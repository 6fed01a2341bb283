"""Every window: one Alt+letter reaches one thing (no clash), Tab reaches every control, and it fits 1366×768."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QTabWidget, QWidget
from pytestqt.qtbot import QtBot

from core.runtime.bootstrap import Environment
from core.services.accounts import account_form_choices, list_accounts
from core.services.drafts import DraftService
from core.services.organization import department_choices
from core.services.review_view import read_review
from core.services.staff import actor_for, list_staff
from gui.accounts.editor import AccountEditor
from gui.guided_start import GuidedStartDialog
from gui.main_window import MainWindow, screen_titles
from gui.review.review_dialog import ReviewDialog
from gui.screens.approvals import ApprovalsScreen
from gui.screens.drafts import NewDraftDialog
from gui.screens.settings.screen import StaffDialog
from gui.session import AppSession
from gui.tasks import wait_for_tasks
from tests.support.gui import composer_window, screen_of, settle
from tests.support.keyboard import clashes, unreachable_by_tab

#: A 1366×768 screen less a task bar and a title bar.
USABLE = (1366, 768 - 40 - 30)


def _fits(widget: QWidget) -> None:
    hint = widget.minimumSizeHint()
    assert hint.width() <= USABLE[0], (widget.objectName(), hint)
    assert hint.height() <= USABLE[1], (widget.objectName(), hint)
    assert widget.width() <= USABLE[0], (widget.objectName(), widget.size())
    assert widget.height() <= USABLE[1], (widget.objectName(), widget.size())


def _settle() -> None:
    wait_for_tasks()
    QApplication.processEvents()


def test_every_screen_and_tab_of_the_main_window(qtbot: QtBot, window: MainWindow) -> None:
    window.resize(*USABLE)
    seen = 0
    for row, title in enumerate(screen_titles()):
        window.show_screen(row)
        screen = screen_of(window, row)
        _settle()
        tabs = screen.findChild(QTabWidget)
        pages = range(tabs.count()) if tabs is not None else [None]
        for page in pages:
            if tabs is not None and page is not None:
                tabs.setCurrentIndex(page)
                _settle()
            assert clashes(window) == {}, (title, page)
            assert unreachable_by_tab(window) == [], (title, page)
            seen += 1
    assert seen >= 11
    _fits(window)


def _session(env: Environment, login: str) -> AppSession:
    actor = actor_for(env.store, login, env.terminal.uid)
    assert actor is not None
    return AppSession(env, actor)


def test_every_dialog(qtbot: QtBot, window: MainWindow, demo_env: Environment) -> None:
    session = window.session
    assert session is not None
    operator = _session(demo_env, "demo.sato")
    account = next(a for a in list_accounts(demo_env.store) if a.handle == "@josokoiki.koho")
    draft_id = operator.service(DraftService).create(account.id, "図書館は休館します。", title="休館")
    queue = ApprovalsScreen(_session(demo_env, "demo.takahashi"))
    qtbot.addWidget(queue)
    queue.refresh()
    settle()
    pending = queue.model.row(0)
    dialogs: list[QWidget] = [
        composer_window(operator, draft_id),
        ReviewDialog(queue.session, read_review(demo_env.store, pending.version_id)),
        AccountEditor(session, None, account_form_choices(demo_env.store), editable=True),
        StaffDialog(
            session,
            next(s for s in list_staff(demo_env.store) if s.login == "demo.sato"),
            department_choices(demo_env.store),
        ),
        StaffDialog(session, None, department_choices(demo_env.store)),
        NewDraftDialog([]),
        GuidedStartDialog(session),
    ]
    for dialog in dialogs:
        qtbot.addWidget(dialog)
        dialog.show()
        _settle()
        tabs = dialog.findChild(QTabWidget)
        for page in range(tabs.count()) if tabs is not None else [0]:
            if tabs is not None:
                tabs.setCurrentIndex(page)
                _settle()
            assert clashes(dialog) == {}, (dialog.objectName() or type(dialog).__name__, page)
            assert unreachable_by_tab(dialog) == [], (dialog.objectName() or type(dialog).__name__, page)
        _fits(dialog)
