"""アカウント (status combo box, Enter opens) and 監査記録 (readable details, filters) over demo data."""

from __future__ import annotations

import json
from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLabel, QWidget
from pytestqt.qtbot import QtBot

from core.organization.roles import Role
from core.services.accounts import AccountDetail
from core.services.audit_log import AuditFilter, count_audit
from core.services.staff import StaffService, find_by_login
from gui.changes import Changes, announce
from gui.main_window import MainWindow
from gui.screens.accounts import AccountsScreen
from gui.screens.audit import AuditScreen
from tests.support.gui import screen_of, settle, wait_for_operations


def _accounts(window: MainWindow) -> AccountsScreen:
    window.show_screen(2)
    screen = screen_of(window, 2)
    assert isinstance(screen, AccountsScreen)
    return screen


def _audit(window: MainWindow) -> AuditScreen:
    window.show_screen(4)
    screen = screen_of(window, 4)
    assert isinstance(screen, AuditScreen)
    return screen


def _select_account(screen: AccountsScreen, handle: str) -> None:
    screen.table.selectRow(next(i for i in range(screen.model.rowCount()) if screen.model.row(i).handle == handle))


def _buddy_caption(screen: QWidget, widget: QWidget) -> str:
    labels = [label for label in screen.findChildren(QLabel) if label.buddy() is widget]
    assert len(labels) == 1
    return labels[0].text()


# ---- アカウント ----------------------------------------------------------------------------------


def test_status_box_shows_the_selected_accounts_status(window: MainWindow) -> None:
    screen = _accounts(window)
    screen.table.clearSelection()
    assert screen.status.currentIndex() == -1  # nothing claimed for no account
    assert not screen.status.isEnabled()
    assert "&" in _buddy_caption(screen, screen.status)
    # Being withdrawn: the status is not set here but through 撤退… (joso:7(2)).
    _select_account(screen, "@mihon@mastodon.example")
    assert screen.status.currentIndex() == -1
    assert not screen.status.isEnabled()
    assert screen.withdraw_button.isEnabled()
    assert screen.status.findData("deleted") == -1
    _select_account(screen, "mihon_kosodate")
    assert screen.status.currentData() == "preparing"
    _select_account(screen, "@josokoiki.koho")
    assert screen.status.currentData() == "active"
    # A choice not yet saved survives a reload (another desk's change), not a change of account.
    screen.status.setCurrentIndex(screen.status.findData("paused"))
    screen.refresh()
    settle()
    assert screen.status.currentData() == "paused"
    _select_account(screen, "mihon_kosodate")
    assert screen.status.currentData() == "preparing"


def test_status_box_follows_a_saved_change_and_reads_only_for_operators(window: MainWindow, qtbot: QtBot) -> None:
    screen = _accounts(window)
    _select_account(screen, "@josokoiki.bousai")
    screen.status.setCurrentIndex(screen.status.findData("paused"))
    screen.status_button.click()
    wait_for_operations(qtbot, lambda: screen.model.row(screen.table.currentIndex().row()).status.value == "paused")
    assert screen.status.currentData() == "paused"
    sato = find_by_login(window.session.store, "demo.sato")
    assert sato is not None
    window.session.switch_to(sato.id)
    _select_account(screen, "@josokoiki.koho")
    assert not screen.status.isEnabled()
    assert screen.status.currentData() == "active"


def test_enter_opens_the_account_and_focus_selects_a_row(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    screen = _accounts(window)
    opened: list[str] = []

    class FakeEditor:
        def __init__(self, _session: object, detail: AccountDetail, _choices: object, **_kwargs: object) -> None:
            opened.append(detail.info.handle)

        def exec(self) -> int:
            return QDialog.DialogCode.Rejected

    monkeypatch.setattr("gui.screens.accounts.AccountEditor", FakeEditor)
    window.activateWindow()
    screen.table.selectRow(2)
    screen.table.clearSelection()  # the current row stays, nothing is selected: every button is off
    assert not screen.edit_button.isEnabled()
    screen.add_button.setFocus()
    screen.table.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(screen.table.hasFocus)
    assert screen.selected() == screen.model.row(2)  # Tab into the list selects the current row
    assert screen.edit_button.isEnabled()
    qtbot.keyClick(screen.table, Qt.Key.Key_Down)
    qtbot.keyClick(screen.table, Qt.Key.Key_Return)
    settle()  # the editor opens once the account's detail is read (off the UI thread)
    assert opened == [screen.model.row(3).handle]


# ---- 監査記録 ------------------------------------------------------------------------------------


def test_details_are_a_sentence_and_the_json_is_below(window: MainWindow) -> None:
    screen = _audit(window)
    summaries = [screen.model.index(row, 4).data() for row in range(screen.model.rowCount())]
    assert not any(text.startswith("{") for text in summaries)
    assert "Created the account @josokoiki.koho (X)" in summaries
    row = summaries.index("Created the account @josokoiki.koho (X)")
    screen.table.selectRow(row)
    shown = screen.details.toPlainText()
    assert shown.startswith("Created the account @josokoiki.koho (X)")
    assert "Account ID: @josokoiki.koho" in shown  # the fields in words, not JSON
    assert "{" not in shown
    assert screen.model.row(row).hash in shown
    # The raw payload is one click away: the second tab.
    screen.detail_tabs.setCurrentIndex(1)
    raw = screen.raw.toPlainText()
    assert '"handle": "@josokoiki.koho"' in raw
    assert screen.model.row(row).hash in raw
    assert screen.model.index(row, 4).data(Qt.ItemDataRole.ToolTipRole) == screen.model.index(row, 4).data()


def test_filters_by_person_event_and_date(window: MainWindow) -> None:
    screen = _audit(window)
    store = window.session.store
    everything = screen.model.total
    assert everything == count_audit(store)
    for widget in (screen.actor_filter, screen.event_filter, screen.period, screen.date_from, screen.date_to):
        assert "&" in _buddy_caption(screen, widget)
        assert widget.accessibleName()

    screen.actor_filter.setCurrentIndex(screen.actor_filter.findData("demo.sato"))
    settle()
    assert 0 < screen.model.total < everything
    assert screen.model.total == count_audit(store, AuditFilter(actor="demo.sato"))
    assert {screen.model.row(r).actor for r in range(screen.model.rowCount())} == {"demo.sato"}
    assert screen.actor_filter.currentText() == "佐藤 花子 (demo.sato)"

    screen.event_filter.setCurrentIndex(screen.event_filter.findData("draft.saved"))
    settle()
    assert screen.event_filter.currentText() == "Draft saved"  # the name for people, not the code
    assert screen.model.total == count_audit(store, AuditFilter(actor="demo.sato", event="draft.saved")) > 0
    assert {screen.model.row(r).event for r in range(screen.model.rowCount())} == {"draft.saved"}
    assert "matching" in screen.count_label.text()

    screen.period.setCurrentIndex(screen.period.findText("Custom range"))
    settle()
    assert screen.date_from.isEnabled()
    assert screen.model.total > 0  # the custom range starts at the last seven days
    screen.date_from.setDate(date(2001, 1, 1))
    screen.date_to.setDate(date(2001, 12, 31))
    screen.date_to.editingFinished.emit()
    settle()
    assert screen.model.total == 0

    screen.clear_filters()
    settle()
    assert screen.model.total == everything
    assert not screen.date_from.isEnabled()


def test_new_entries_and_people_appear_in_the_filters(window: MainWindow) -> None:
    screen = _audit(window)
    screen.event_filter.setCurrentIndex(screen.event_filter.findData("review.approved"))
    settle()
    approvals = screen.model.total
    sato = find_by_login(window.session.store, "demo.sato")
    assert sato is not None
    window.session.service(StaffService).set_roles(sato.id, [Role.OPERATOR, Role.SUPERVISOR])
    announce(Changes(settings=True))  # the screen is visible: it refreshes at once
    settle()
    assert screen.event_filter.findData("staff.roles_changed") >= 0
    assert screen.event_filter.currentData() == "review.approved"  # the chosen filter is kept
    assert screen.model.total == approvals
    assert json.loads(screen.model.row(0).payload)["draft_id"] > 0
    assert screen.actor_filter.findData("demo.sato") >= 0
