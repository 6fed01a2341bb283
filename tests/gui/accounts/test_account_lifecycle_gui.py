"""アカウント: consultation, continuation review and withdrawal dialogs drive the lifecycle service (issue 14)."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from core.lifecycle.states import AccountStatus
from core.services.accounts import account_detail, list_accounts
from gui.accounts.lifecycle import ConsultationDialog, ReviewDialog, WithdrawalDialog
from gui.main_window import MainWindow
from gui.screens.accounts import AccountsScreen
from tests.support.gui import MessageRecorder, screen_of, settle, wait_for_operations


def _accounts(window: MainWindow, handle: str) -> AccountsScreen:
    window.nav.setCurrentRow(2)
    screen = screen_of(window, 2)
    assert isinstance(screen, AccountsScreen)
    screen.table.selectRow(next(i for i in range(screen.model.rowCount()) if screen.model.row(i).handle == handle))
    return screen


def _accept(monkeypatch: pytest.MonkeyPatch, cls: type[QDialog], prepare) -> None:  # type: ignore[no-untyped-def]
    def run(self: QDialog) -> QDialog.DialogCode:
        prepare(self)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(cls, "exec", run)


def test_consultation_is_recorded_from_the_dialog(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    screen = _accounts(window, "mihon_kosodate")
    assert screen.consult_button.isEnabled()

    def fill(dialog: ConsultationDialog) -> None:
        assert dialog.section.currentText() == "秘書広報課"  # the first section still to consult
        dialog.counterpart.setText("秘書広報課長")
        dialog.note.setPlainText("子育て情報の発信について了承")

    _accept(monkeypatch, ConsultationDialog, fill)
    screen.consult_button.click()
    wait_for_operations(qtbot)
    account = next(a for a in list_accounts(window.session.store) if a.handle == "mihon_kosodate")
    consulted = account_detail(window.session.store, account.id).consultations
    assert [(c.section, c.counterpart) for c in consulted] == [("秘書広報課", "秘書広報課長")]
    assert account.consultation_missing == ("No consultation with 情報推進課 is recorded (wako:5-start、joso:3(2)).",)


def test_a_consultation_dated_today_is_never_in_the_future(window: MainWindow, qtbot: QtBot) -> None:
    # The dialog once sent noon of the chosen day: recorded before noon, today's meeting was refused
    # as "in the future". Whatever the hour, today's date gives a moment already past.
    from datetime import UTC, datetime

    from PySide6.QtCore import QDate, QDateTime, QTime

    line = next(a for a in list_accounts(window.session.store) if a.handle == "mihon_kosodate")
    dialog = ConsultationDialog(account_detail(window.session.store, line.id))
    qtbot.addWidget(dialog)
    dialog.date.setDate(QDate.currentDate())
    start_of_today = QDateTime(QDate.currentDate(), QTime(0, 0)).toSecsSinceEpoch()
    assert dialog.consulted_at() == datetime.fromtimestamp(start_of_today, UTC)
    assert dialog.consulted_at() <= datetime.now(UTC)


def test_review_with_a_criterion_offers_only_withdrawal(window: MainWindow, qtbot: QtBot) -> None:
    from core.services.account_lifecycle import current_review_facts

    store = window.session.store
    line = next(a for a in list_accounts(store) if a.handle == "@mihon-city")
    dialog = ReviewDialog(line, current_review_facts(store, line.id), 30)
    qtbot.addWidget(dialog)
    assert dialog.keep.isEnabled()
    dialog.criteria["e"][0].setChecked(True)
    assert not dialog.keep.isEnabled()
    assert dialog.withdraw.isChecked()
    assert dialog.days.isEnabled()
    assert dialog.applies() == {"e": ""}


def test_withdrawal_with_notice_from_the_screen(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, messages: MessageRecorder
) -> None:
    screen = _accounts(window, "@josokoiki.bousai")
    assert screen.withdraw_button.isEnabled()

    def choose(dialog: WithdrawalDialog) -> None:
        assert dialog.notice.isEnabled()
        assert not dialog.cancel.isEnabled()
        dialog.notice.setChecked(True)
        dialog.days.setValue(14)
        dialog.reason.setPlainText("防災情報を本アカウントに統合するため")

    _accept(monkeypatch, WithdrawalDialog, choose)
    screen.withdraw_button.click()
    wait_for_operations(qtbot)
    account = next(a for a in list_accounts(window.session.store) if a.handle == "@josokoiki.bousai")
    assert account.status is AccountStatus.WITHDRAWAL_NOTICE
    assert account.withdrawal_notice_draft_id is not None
    assert messages.shown == []
    screen.refresh()
    settle()
    assert "@josokoiki.bousai" in screen.warnings.text()


def test_stop_now_asks_first_and_needs_the_reason(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, messages: MessageRecorder
) -> None:
    screen = _accounts(window, "mihon.city")

    def choose(dialog: WithdrawalDialog) -> None:
        dialog.stop.setChecked(True)

    _accept(monkeypatch, WithdrawalDialog, choose)
    messages.answer(True)
    screen.withdraw_button.click()
    wait_for_operations(qtbot)
    # The confirmation, then the refusal: no reason given.
    assert "reason" in messages.shown[-1].text
    account = next(a for a in list_accounts(window.session.store) if a.handle == "mihon.city")
    assert account.status is AccountStatus.ACTIVE
