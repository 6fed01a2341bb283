"""The first day, as a new administrator lives it: an empty database, the set-up wizard, the guided
start (はじめに), and a first post published on a loopback fake of X — through the windows only."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QWizard
from pytest_httpserver import HTTPServer
from pytestqt.qtbot import QtBot

from core.lifecycle.states import AccountStatus, DraftState, ReviewDecision
from core.organization.identity import current_login
from core.organization.onboarding import StepKind
from core.organization.roles import Role
from core.services.review_view import read_review
from gui import application
from gui.accounts.approve import ApproveDialog
from gui.accounts.credential import CredentialDialog
from gui.accounts.editor import AccountEditor
from gui.application import main_window_for
from gui.guided_start import GuidedStartDialog
from gui.main_window import MainWindow
from gui.screens.accounts import AccountsScreen
from gui.screens.approvals import ApprovalsScreen
from gui.screens.drafts import DraftsScreen, NewDraftDialog
from gui.screens.settings.screen import SettingsScreen, StaffDialog
from gui.screens.terminals import TerminalsScreen
from gui.setup_wizard import SetupWizard
from tests.support.gui import MessageRecorder, open_composer, screen_of, settle, wait_for_operations
from tests.support.platform_fakes import FakeX

TOKEN = "first-day-token-4f1c2e9d7a"


def _args(data_dir: Path) -> argparse.Namespace:
    return argparse.Namespace(data_dir=str(data_dir), database_url=None, lang="en", command=None)


def _accepting(fill: Callable[[QDialog], None]) -> Callable[[QDialog], int]:
    """An ``exec`` that fills the dialog as a person would and presses OK."""

    def run(dialog: QDialog) -> int:
        fill(dialog)
        dialog.accept()
        return int(QDialog.DialogCode.Accepted) if dialog.result() == QDialog.DialogCode.Accepted else 0

    return run


def _fill_wizard(wizard: SetupWizard) -> int:
    wizard.org_name.setText("見本市")
    wizard.domains.setPlainText("city.mihon.lg.jp\n")
    wizard.phones.setPlainText("048-000-0000\n")
    wizard.admin_name.setText("管理 一郎")
    wizard.department.setText("秘書広報課")
    wizard.accept()
    # The set-up runs off the UI thread, as a real exec() would wait for it.
    from PySide6.QtTest import QTest

    for _ in range(2000):
        if not wizard.saving:
            break
        QTest.qWait(10)
    assert wizard.result() == int(QWizard.DialogCode.Accepted)
    return wizard.result()


def _done(guided: GuidedStartDialog) -> dict[StepKind, bool]:
    return {step.kind: step.done for step in guided.steps}


def _select(table_model: object, table: object, predicate: Callable[[object], bool]) -> None:
    model = table_model
    for row in range(model.rowCount()):  # type: ignore[attr-defined]
        if predicate(model.row(row)):  # type: ignore[attr-defined]
            table.selectRow(row)  # type: ignore[attr-defined]
            return
    raise AssertionError("row not found")


def test_from_an_empty_database_to_a_first_published_post(
    qtbot: QtBot,
    data_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
    messages: MessageRecorder,
    httpserver: HTTPServer,
) -> None:
    fake = FakeX(httpserver)
    monkeypatch.setattr("core.platforms.x.DEFAULT_API", fake.base_url)
    monkeypatch.setattr(SetupWizard, "exec", _fill_wizard)
    # The terminal key is made in the background after the start; this test makes it when posting.
    monkeypatch.setattr(application, "TERMINAL_KEY_DELAY_MS", 10_000_000)

    startup = application.start(_args(data_dir))
    qtbot.addWidget(startup.window)
    qtbot.waitUntil(lambda: startup.done, timeout=20_000)
    window = startup.window
    assert isinstance(window, MainWindow)
    window.unsaved_changes = lambda: []  # type: ignore[method-assign]
    guided = window.guided
    assert guided is not None
    assert guided.isVisible()  # the guided start follows the wizard
    wait_for_operations(qtbot, lambda: guided.reads == 0 and bool(guided.steps))
    assert not any(_done(guided).values())

    drafts = screen_of(window, 0)
    assert isinstance(drafts, DraftsScreen)
    drafts.refresh()
    settle()
    assert not drafts.new_button.isEnabled()
    assert "operator" in drafts.new_button.toolTip()
    assert "operator" in drafts.why_label.text()

    # 1. Roles: the administrator also writes; 高橋 approves (two people: separation of duties).
    guided.rows[StepKind.ROLES].button.click()
    settings = screen_of(window, 5)
    assert isinstance(settings, SettingsScreen)
    assert settings.tabs.currentWidget() is settings.staff_tab
    settings.refresh()
    settle()
    _select(settings.staff_model, settings.staff_table, lambda s: s.login == current_login())  # type: ignore[attr-defined]

    def add_operator(dialog: QDialog) -> None:
        assert isinstance(dialog, StaffDialog)
        dialog.roles[Role.OPERATOR].setChecked(True)

    monkeypatch.setattr(StaffDialog, "exec", _accepting(add_operator))
    settings.edit_staff_button.click()
    wait_for_operations(qtbot)  # the departments are read off the UI thread before the dialog opens

    def add_supervisor(dialog: QDialog) -> None:
        assert isinstance(dialog, StaffDialog)
        dialog.name.setText("高橋 美咲")
        dialog.login.setText("takahashi")
        dialog.roles[Role.SUPERVISOR].setChecked(True)

    monkeypatch.setattr(StaffDialog, "exec", _accepting(add_supervisor))
    settings.add_staff_button.click()
    wait_for_operations(qtbot, lambda: window.status_reads == 0 and guided.reads == 0)
    qtbot.waitUntil(lambda: window.session is not None and window.session.actor.has(Role.OPERATOR), timeout=20_000)
    wait_for_operations(qtbot, lambda: guided.reads == 0)
    assert _done(guided)[StepKind.ROLES]

    # 2.–4. The first account, from the sample policy; its staff; filed and in operation.
    accounts = screen_of(window, 2)
    assert isinstance(accounts, AccountsScreen)
    assert guided.step(StepKind.ACCOUNT).new_account

    def first_account(dialog: QDialog) -> None:
        assert isinstance(dialog, AccountEditor)
        assert "見本市" in dialog.texts["a"].toPlainText()  # the sample policy, prefilled and editable
        dialog.platform.setCurrentIndex(dialog.platform.findData("x"))
        dialog.handle.setText("@mihon_koho")
        dialog.name.setText("見本市広報")
        dialog.url.setText("https://x.com/mihon_koho")
        me = {guided_name: sid for sid, guided_name in _names(dialog)}
        dialog.pickers[_duty("manager")].set_checked({me["管理 一郎"]})
        dialog.pickers[_duty("responsible")].set_checked({me["高橋 美咲"]})
        dialog.pickers[_duty("operator")].set_checked({me["管理 一郎"]})

    monkeypatch.setattr(AccountEditor, "exec", _accepting(first_account))
    guided.rows[StepKind.ACCOUNT].button.click()
    wait_for_operations(qtbot, lambda: guided.reads == 0)
    assert _done(guided)[StepKind.ACCOUNT]
    assert _done(guided)[StepKind.STAFF]
    assert not _done(guided)[StepKind.FILING]

    accounts.refresh()
    settle()
    accounts.table.selectRow(0)
    # Filing waits for the consultations before opening (wako 運用開始の留意点, joso:3(2)): one per section.
    from gui.accounts.lifecycle import ConsultationDialog

    def consulted(dialog: ConsultationDialog) -> int:
        dialog.counterpart.setText("課長")
        return int(QDialog.DialogCode.Accepted)

    monkeypatch.setattr(ConsultationDialog, "exec", consulted)
    for _ in range(2):
        accounts.consult_button.click()
        wait_for_operations(qtbot)
        accounts.refresh()
        settle()
        accounts.table.selectRow(0)
    assert accounts.file_button.isEnabled(), accounts.file_button.toolTip()
    messages.answer(True)  # 届出 is irreversible: it asks first
    accounts.file_button.click()
    wait_for_operations(qtbot)
    accounts.refresh()
    settle()
    accounts.table.selectRow(0)
    accounts.status.setCurrentIndex(accounts.status.findData(AccountStatus.ACTIVE.value))
    accounts.status_button.click()
    wait_for_operations(qtbot, lambda: guided.reads == 0)
    assert _done(guided)[StepKind.FILING]

    # 5. This terminal, approved for every account.
    guided.rows[StepKind.TERMINAL].button.click()
    terminals = screen_of(window, 3)
    assert isinstance(terminals, TerminalsScreen)
    terminals.refresh()
    settle()
    terminals.table.selectRow(0)
    monkeypatch.setattr(ApproveDialog, "exec", _accepting(lambda d: d.all_accounts.setChecked(True)))  # type: ignore[attr-defined]
    terminals.approve_button.click()
    wait_for_operations(qtbot, lambda: guided.reads == 0)
    assert _done(guided)[StepKind.TERMINAL]

    # 6. The account's token in this terminal's keyring.
    accounts.refresh()
    settle()
    accounts.table.selectRow(0)
    monkeypatch.setattr(CredentialDialog, "exec", _accepting(lambda d: d.token.setText(TOKEN)))  # type: ignore[attr-defined]
    accounts.credential_button.click()
    wait_for_operations(qtbot, lambda: guided.reads == 0 and _done(guided)[StepKind.CREDENTIAL])

    # 7. 高橋 creates a signing key on "their" computer; the administrator registers it.
    assert window.session is not None
    env = window.session.env
    supervisor = main_window_for(env, _staff_id(settings, "takahashi"))
    supervisor.unsaved_changes = lambda: []  # type: ignore[method-assign]
    qtbot.addWidget(supervisor)
    sup_settings = screen_of(supervisor, 5)
    assert isinstance(sup_settings, SettingsScreen)
    sup_settings.approval.load()
    settle()
    sup_settings.approval.create_key()
    wait_for_operations(qtbot, lambda: sup_settings.approval.running == 0)
    guided.rows[StepKind.SIGNING_KEY].button.click()
    approval = settings.approval
    assert settings.tabs.currentWidget() is approval
    approval.load()
    settle()
    approval.announcement_table.selectRow(0)
    approval.register_staff.setCurrentIndex(
        next(i for i in range(approval.register_staff.count()) if "takahashi" in approval.register_staff.itemText(i))
    )
    approval.register_selected()
    wait_for_operations(qtbot, lambda: approval.running == 0 and guided.reads == 0)
    assert all(_done(guided).values()), guided.steps
    assert "Everything is in place" in guided.summary.text()
    guided.close()

    # The first draft: written, checked, submitted.
    drafts.refresh()
    wait_for_operations(qtbot)  # the refresh reads off the UI thread
    assert drafts.new_button.isEnabled()
    assert drafts.why_label.isHidden()
    monkeypatch.setattr(NewDraftDialog, "exec", _accepting(lambda d: d.title.setText("市民まつりのお知らせ")))  # type: ignore[attr-defined]
    drafts.new_button.click()
    wait_for_operations(qtbot, lambda: bool(drafts.composers))  # the draft is created off the UI thread
    (composer,) = drafts.composers.values()  # deletes itself on close
    composer.editor.setPlainText("市民まつりは11月3日に中央公園で開きます。")
    checker = composer.checker
    qtbot.waitUntil(lambda: not checker.timer.isActive() and not checker.names_pending, timeout=20_000)
    composer.checker.run_now()
    qtbot.waitUntil(lambda: not composer.checker.pending and composer.gate is not None, timeout=20_000)
    for row in range(composer.confirmations.rowCount()):
        composer.confirmations.setData(
            composer.confirmations.index(row), Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole
        )
    qtbot.waitUntil(lambda: composer.can_submit, timeout=20_000)
    submitted: list[int] = []
    composer.submitted.connect(submitted.append)
    composer.submit()
    wait_for_operations(qtbot, lambda: bool(submitted))
    (version_id,) = submitted

    # 高橋 approves in their window's queue.
    queue = screen_of(supervisor, 1)
    assert isinstance(queue, ApprovalsScreen)
    queue.refresh()
    settle()
    from gui.review.review_dialog import ReviewDialog

    review = ReviewDialog(supervisor.session, read_review(supervisor.session.store, version_id), queue)  # type: ignore[arg-type]
    qtbot.addWidget(review)
    messages.answer(True)  # 承認 is irreversible: it asks first
    assert review.decide(ReviewDecision.APPROVED)
    wait_for_operations(qtbot, lambda: review.decided is ReviewDecision.APPROVED)

    # The administrator-operator publishes it now, on the loopback X.
    drafts.refresh()
    wait_for_operations(qtbot)
    listed = drafts.model.row(0)
    assert listed is not None
    composer = open_composer(qtbot, drafts, listed.id)  # read off the UI thread, then shown
    assert composer.publishing is not None
    # The panel's state is read off the UI thread; 今すぐ投稿 is enabled once it is in.
    wait_for_operations(qtbot, composer.publishing.publish_button.isEnabled)  # type: ignore[union-attr]
    messages.answer(True)  # 今すぐ投稿 asks first, naming the account
    composer.publishing.publish()
    wait_for_operations(qtbot, lambda: not composer.publishing.busy)  # type: ignore[union-attr]
    wait_for_operations(qtbot)
    assert [p["text"] for p in fake.posts] == ["市民まつりは11月3日に中央公園で開きます。"]
    assert "https://x.com/" in composer.publishing.message.text()
    drafts.refresh()
    wait_for_operations(qtbot)
    published = drafts.model.row(0)
    assert published is not None
    assert published.state is DraftState.PUBLISHED
    unexpected = [m for m in messages.shown if m.kind.value not in ("irreversible", "info")]
    assert unexpected == []
    assert messages.answers == []  # every irreversible step (届出, 承認, 今すぐ投稿) asked first
    supervisor.close()


def _names(dialog: AccountEditor) -> list[tuple[int, str]]:
    picker = next(iter(dialog.pickers.values()))
    found = []
    for row in range(picker.items.rowCount()):
        item = picker.items.item(row)
        found.append((int(item.data(Qt.ItemDataRole.UserRole)), item.text().split("（")[0]))
    return found


def _duty(value: str) -> object:
    from core.accounts.duties import Duty

    return Duty(value)


def _staff_id(settings: SettingsScreen, login: str) -> int:
    settings.refresh()
    settle()
    for row in range(settings.staff_model.rowCount()):
        if settings.staff_model.row(row).login == login:
            return settings.staff_model.row(row).id
    raise AssertionError(login)
