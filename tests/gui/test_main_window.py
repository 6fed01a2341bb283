"""The main window over demo data: navigation, status bar, roles, the demo switcher."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLabel
from pytestqt.qtbot import QtBot

from core.organization.identity import current_login
from core.runtime.bootstrap import Environment
from core.services.staff import find_by_login
from gui.application import main_window_for
from gui.main_window import MainWindow
from gui.messages import Kind
from gui.screens.audit import AuditScreen
from gui.screens.drafts import DraftsScreen
from tests.support.gui import MessageRecorder, open_composer, screen_of, settle, wait_for_operations


def test_screens_are_built_when_first_opened(window: MainWindow, qtbot: QtBot) -> None:
    assert list(window.built) == [0]  # the start pays for the first screen only
    assert window.stack.currentWidget() is window.built[0]
    qtbot.keyClick(window, Qt.Key.Key_5, Qt.KeyboardModifier.ControlModifier)
    assert sorted(window.built) == [0, 4]
    audit = window.built[4]
    assert isinstance(audit, AuditScreen)
    assert window.stack.currentWidget() is audit
    assert audit.isVisible()
    qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window, Qt.Key.Key_5, Qt.KeyboardModifier.ControlModifier)
    assert window.built[4] is audit  # built once
    window.nav.setCurrentRow(2)
    assert sorted(window.built) == [0, 2, 4]


def test_every_navigation_item_opens_its_screen(window: MainWindow, qtbot: QtBot) -> None:
    assert window.nav.count() == 9
    for row in range(window.nav.count()):
        window.nav.setCurrentRow(row)
        assert window.stack.currentWidget() is screen_of(window, row)
        assert screen_of(window, row).isVisible()
    for number in range(1, 10):
        qtbot.keyClick(window, Qt.Key.Key_0 + number, Qt.KeyboardModifier.ControlModifier)
        assert window.stack.currentWidget() is screen_of(window, number - 1)


def test_status_bar_names_user_role_terminal_and_database(window: MainWindow) -> None:
    texts = " ".join(label.text() for label in window.statusBar().findChildren(QLabel))
    assert "デモ 管理者" in texts
    assert "Administrator" in texts
    assert "Approved" in texts
    assert "kohogate.db" in texts


def test_drafts_screen_lists_and_filters(window: MainWindow) -> None:
    drafts = screen_of(window, 0)
    assert isinstance(drafts, DraftsScreen)
    settle()
    assert drafts.model.rowCount() == 9  # with the withdrawal notice of the Mastodon account
    drafts.state_filter.setCurrentIndex(drafts.state_filter.findData("returned"))
    settle()
    assert drafts.model.rowCount() == 1
    drafts.search.setText("強風")
    drafts.search.returnPressed.emit()
    settle()
    assert drafts.model.rowCount() == 0


def test_demo_switcher_changes_roles(window: MainWindow) -> None:
    switcher = window.findChild(QComboBox, "userSwitcher")
    assert switcher is not None
    drafts = screen_of(window, 0)
    assert isinstance(drafts, DraftsScreen)
    assert not drafts.new_button.isEnabled()  # the demo administrator writes no drafts
    switcher.setCurrentIndex(next(i for i in range(switcher.count()) if "佐藤" in switcher.itemText(i)))
    assert window.session.actor.login == "demo.sato"
    assert drafts.new_button.isEnabled()
    assert "佐藤" in window.user_label.text()


def test_no_switcher_outside_demo_data(qtbot: QtBot, sqlite_env: Environment) -> None:
    from core.services.setup import OrganizationSetup, initialize

    admin = initialize(
        sqlite_env.store,
        OrganizationSetup("市", "管理", "情報課"),
        login=current_login(),
        terminal=sqlite_env.terminal.uid,
    )
    win = main_window_for(sqlite_env, admin)
    qtbot.addWidget(win)
    assert win.findChild(QComboBox, "userSwitcher") is None
    with pytest.raises(PermissionError):
        win.session.switch_to(admin)


def test_audit_screen_verifies_off_the_ui_thread(window: MainWindow, qtbot: QtBot) -> None:
    window.show_screen(4)
    audit = screen_of(window, 4)
    assert isinstance(audit, AuditScreen)
    assert audit.model.rowCount() > 10
    audit.verify()
    qtbot.waitUntil(audit.verify_button.isEnabled, timeout=10_000)
    assert "Intact" in audit.result.text()


def test_known_errors_are_shown_plainly(window: MainWindow, qtbot: QtBot, messages: MessageRecorder) -> None:
    drafts = screen_of(window, 0)
    assert isinstance(drafts, DraftsScreen)
    from core.services.drafts import DraftService

    made: list[int] = []
    drafts.attempt(lambda: window.session.service(DraftService).create(1, "x"), then=made.append)
    wait_for_operations(qtbot, lambda: bool(messages.shown))
    assert made == []
    assert [m.kind for m in messages.shown] == [Kind.ERROR]
    assert "Operator" in messages.shown[0].text


def test_a_reload_keeps_the_selected_draft(window: MainWindow) -> None:
    drafts = screen_of(window, 0)
    assert isinstance(drafts, DraftsScreen)
    shown = drafts.model.row(3)
    assert shown is not None
    target = shown.id
    drafts.table.selectRow(3)
    # A change elsewhere (another workstation, an autosave) reloads the list, newest first.
    from core.services.accounts import list_accounts
    from core.services.drafts import DraftService
    from core.services.staff import actor_for

    sato = actor_for(window.session.store, "demo.sato", "t")
    assert sato is not None
    account = next(a for a in list_accounts(window.session.store) if a.handle == "@josokoiki.koho")
    DraftService(window.session.store, sato).create(account.id, "新しい下書き")
    drafts.model.reload()
    settle()
    rows = drafts.table.selectionModel().selectedRows()
    assert len(rows) == 1
    assert drafts.model.row(rows[0].row()).id == target
    assert rows[0].row() == 4  # the new draft pushed it down one row


def test_submitting_from_the_composer_is_confirmed_in_the_main_window(window: MainWindow, qtbot: QtBot) -> None:
    """GUI review: the composer closes after submitting, so its own status bar showed nothing."""
    drafts = screen_of(window, 0)
    assert isinstance(drafts, DraftsScreen)

    sato = find_by_login(window.session.store, "demo.sato")
    assert sato is not None
    window.session.switch_to(sato.id)
    composer = open_composer(qtbot, drafts, drafts.model.row(7).id)
    qtbot.addWidget(composer)
    composer.submitted.emit(1)
    assert "supervisor" in window.statusBar().currentMessage()


def test_the_badge_counts_off_the_ui_thread_and_follows_queue_changes_only(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    from core.demo.support import make_ready
    from core.lifecycle.states import AccountStatus
    from core.services.accounts import AccountService, list_accounts
    from core.services.drafts import DraftService
    from core.services.staff import actor_for
    from core.storage.engine import Store
    from gui.changes import Changes, change_hub

    takahashi = find_by_login(window.session.store, "demo.takahashi")
    assert takahashi is not None
    window.session.switch_to(takahashi.id)
    assert window.status_reads == 1  # asked; the count comes from a worker
    qtbot.waitUntil(lambda: window.status_reads == 0, timeout=20_000)
    before = window.pending
    assert before > 0
    assert window.nav.item(1).text().endswith(f"({before})")

    # Another workstation submits: the watcher reads the audit entries and the badge follows.
    sato = actor_for(window.session.store, "demo.sato", "other-pc")
    assert sato is not None
    other = Store(window.session.env.database_url)
    try:
        drafts = DraftService(other, sato)
        account = next(a for a in list_accounts(other) if a.handle == "@josokoiki.koho")
        draft_id = drafts.create(account.id, "別の端末からの提出")
        drafts.submit(draft_id, make_ready(drafts, draft_id))
        assert window.watcher is not None
        window.watcher.poll()
        qtbot.waitUntil(lambda: window.pending == before + 1, timeout=20_000)
        assert window.nav.item(1).text().endswith(f"({before + 1})")

        # A change the queue does not show (an account paused) is announced, and reads nothing for the badge.
        reads: list[int] = []
        announced: list[Changes] = []
        monkeypatch.setattr(window, "_update_status", lambda: reads.append(1))
        change_hub().changed.connect(announced.append)
        admin = actor_for(other, current_login(), "other-pc")
        assert admin is not None
        city = next(a for a in list_accounts(other) if a.handle == "mihon.city")
        AccountService(other, admin).set_status(city.id, AccountStatus.PAUSED)
        window.watcher.poll()  # SQLite: read off the UI thread, announced when it is back
        qtbot.waitUntil(lambda: bool(announced), timeout=20_000)
        wait_for_operations(qtbot)
        change_hub().changed.disconnect(announced.append)
        assert announced == [Changes(accounts=True)]
        assert reads == []
    finally:
        other.dispose()


def test_a_closed_window_stops_listening_for_changes(window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    from gui.changes import Changes, announce

    reads: list[int] = []
    monkeypatch.setattr(window, "_update_status", lambda: reads.append(1))
    announce(Changes(queue=True))
    assert reads == [1]
    window.close()
    announce(Changes.everything())
    assert reads == [1]  # neither the badge nor a screen re-reads for a window nobody sees
    assert not any(screen._listening for screen in window.built.values())
    assert not screen_of(window, 6)._listening  # nor one first built after closing
