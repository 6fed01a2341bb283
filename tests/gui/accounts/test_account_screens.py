"""アカウント and 端末 screens over demo data: roles, the editor's missing list, dialogs, models."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from core.credentials.vault import credential_name
from core.demo.support import consult_all
from core.lifecycle.states import TerminalStatus
from core.organization.identity import current_login
from core.services.accounts import account_detail, account_form_choices, list_accounts
from core.services.staff import find_by_login
from core.services.terminals import list_terminals
from gui import messages as gui_messages
from gui.accounts.approve import ApproveDialog
from gui.accounts.credential import CredentialDialog
from gui.accounts.editor import AccountEditor
from gui.changes import change_hub
from gui.main_window import MainWindow
from gui.messages import Kind, Message
from gui.screens.accounts import AccountsScreen
from gui.screens.terminals import TerminalsScreen
from tests.support.gui import MessageRecorder, screen_of, settle, wait_for_operations
from tests.support.keyring_memory import MemoryKeyring


def _accounts(window: MainWindow) -> AccountsScreen:
    window.nav.setCurrentRow(2)
    screen = screen_of(window, 2)
    assert isinstance(screen, AccountsScreen)
    return screen


def _row(screen: AccountsScreen, handle: str) -> int:
    return next(i for i in range(screen.model.rowCount()) if screen.model.row(i).handle == handle)


def test_accounts_model_and_rotation_warning(window: MainWindow, qtmodeltester) -> None:
    screen = _accounts(window)
    qtmodeltester.check(screen.model)
    assert screen.model.rowCount() == 8  # the deleted tourism account stays in the registry
    assert screen.warnings.isVisible()
    assert "mihon.city" in screen.warnings.text()
    instagram = _row(screen, "mihon_kosodate")
    # Two policy items and the two sections not yet consulted (wako 運用開始の留意点, joso:3(2)).
    assert "4 missing" in screen.model.index(instagram, 6).data()
    tooltip = screen.model.index(instagram, 6).data(Qt.ItemDataRole.ToolTipRole)
    assert "joso:3(3)-ケ" in tooltip
    assert "情報推進課" in tooltip
    assert screen.model.index(instagram, 3).data() == "Field-specific official account"
    facebook = _row(screen, "mihon.city")
    assert screen.model.index(facebook, 8).data() == "Change required"
    # The LINE account's review and periodic password change are overdue; Mastodon is being withdrawn.
    line = _row(screen, "@mihon-city")
    assert screen.model.index(line, 9).data(Qt.ItemDataRole.ToolTipRole) is not None
    warnings = screen.warnings.text()
    assert "continuation review" in warnings
    assert "posting is stopped" in warnings
    assert "withdrawal announced" in warnings


def test_operator_reads_administrator_edits(window: MainWindow) -> None:
    screen = _accounts(window)
    screen.table.selectRow(0)
    assert screen.add_button.isEnabled()
    assert screen.status_button.isEnabled()
    sato = find_by_login(window.session.store, "demo.sato")  # type: ignore[union-attr]
    assert sato is not None
    window.session.switch_to(sato.id)  # type: ignore[union-attr]
    screen.table.selectRow(0)
    assert not screen.add_button.isEnabled()
    assert not screen.status_button.isEnabled()
    assert not screen.file_button.isEnabled()
    assert screen.edit_button.isEnabled()  # read-only view


def test_editor_shows_what_is_missing_and_saves(
    window: MainWindow, qtbot: QtBot, monkeypatch, messages: MessageRecorder
) -> None:
    screen = _accounts(window)
    store = window.session.store
    instagram = next(a for a in list_accounts(store) if a.handle == "mihon_kosodate")
    dialog = AccountEditor(
        window.session, account_detail(store, instagram.id), account_form_choices(store), editable=True, parent=screen
    )
    qtbot.addWidget(dialog)
    # The platform is chosen from names people know, never typed as an id.
    assert dialog.platform_code() == "instagram"
    assert dialog.platform.currentText() == "Instagram"
    assert not dialog.platform.isEditable()
    assert "joso:3(3)-ケ" in dialog.missing.text()
    assert "joso:3(3)-ス" in dialog.missing.text()
    dialog.texts["ke"].setPlainText("返信はしません。")
    dialog.texts["su"].setPlainText("DMは使いません。")
    # The policy is complete; what remains is the consultation before opening (joso:3(2)).
    assert "joso:3(3)" not in dialog.missing.text()
    assert "No consultation with 情報推進課" in dialog.missing.text()
    dialog.url.setText("")
    assert "URL" in dialog.missing.text()
    dialog.url.setText("https://www.instagram.com/mihon_kosodate")

    monkeypatch.setattr(AccountEditor, "exec", lambda self: QDialog.DialogCode.Accepted)
    monkeypatch.setattr("gui.screens.accounts.AccountEditor", lambda *a, **k: dialog)
    screen.table.selectRow(_row(screen, "mihon_kosodate"))
    screen.edit_button.click()
    wait_for_operations(qtbot)
    saved = account_detail(store, instagram.id)
    assert saved.policy["ke"] == "返信はしません。"
    assert saved.missing == ()
    screen.refresh()
    settle()
    screen.table.selectRow(_row(screen, "mihon_kosodate"))
    assert not screen.file_button.isEnabled()  # the sections are not consulted yet
    consult_all(store, window.session.actor, instagram.id)
    screen.refresh()
    settle()
    screen.table.selectRow(_row(screen, "mihon_kosodate"))
    assert screen.file_button.isEnabled()
    messages.answer(True)  # 届出 asks first
    screen.file_button.click()
    wait_for_operations(qtbot)
    assert account_detail(store, instagram.id).info.filed_at is not None


def test_read_only_editor(window: MainWindow, qtbot: QtBot) -> None:
    store = window.session.store
    detail = account_detail(store, list_accounts(store)[0].id)
    dialog = AccountEditor(window.session, detail, account_form_choices(window.session.store), editable=False)
    qtbot.addWidget(dialog)
    assert dialog.texts["a"].isReadOnly()
    assert not dialog.handle.isEnabled()
    assert "complete" in dialog.missing.text()


def test_credential_dialog_meter_and_store(
    window: MainWindow, qtbot: QtBot, monkeypatch, memory_keyring: MemoryKeyring
) -> None:
    dialog = CredentialDialog("@x", "x", can_confirm=True, platform="x")
    qtbot.addWidget(dialog)
    assert "refresh_token" in dialog.hint.text()  # what to paste for this platform
    save = dialog.buttons.button(dialog.buttons.StandardButton.Save)
    assert not save.isEnabled()
    dialog.token.setText("tok-123456789")
    assert save.isEnabled()
    dialog.password.setText("password")
    assert dialog.meter.score < 3
    assert not save.isEnabled()
    dialog.password.setText("correct horse battery staple 42!")
    assert dialog.meter.score >= 3
    assert save.isEnabled()

    screen = _accounts(window)
    facebook = next(a for a in list_accounts(window.session.store) if a.handle == "mihon.city")
    screen.table.selectRow(_row(screen, "mihon.city"))
    monkeypatch.setattr(CredentialDialog, "exec", lambda self: QDialog.DialogCode.Accepted)
    original_init = CredentialDialog.__init__

    def filled(self, *args, **kwargs) -> None:
        original_init(self, *args, **kwargs)
        self.token.setText("tok-new-987654321")
        self.password.setText("correct horse battery staple 42!")

    monkeypatch.setattr(CredentialDialog, "__init__", filled)
    with qtbot.waitSignal(change_hub().changed, timeout=10_000):
        screen.credential_button.click()
    uid = window.session.env.terminal.uid
    assert memory_keyring.items[("KohoGate", credential_name(uid, facebook.id))] == "tok-new-987654321"
    assert not account_detail(window.session.store, facebook.id).info.rotation_required


def test_locked_keyring_offers_retry(
    window: MainWindow, qtbot: QtBot, monkeypatch, memory_keyring, messages: MessageRecorder
) -> None:
    screen = _accounts(window)
    screen.table.selectRow(0)
    memory_keyring.locked = True

    def answer(parent: object, message: Message) -> bool:
        memory_keyring.locked = False  # the user unlocks, then retries
        return messages(parent, message)  # type: ignore[arg-type]

    messages.answer(True)
    monkeypatch.setattr(gui_messages, "door", answer)
    monkeypatch.setattr(CredentialDialog, "exec", lambda self: QDialog.DialogCode.Accepted)
    original_init = CredentialDialog.__init__

    def filled(self, *args, **kwargs) -> None:
        original_init(self, *args, **kwargs)
        self.token.setText("tok-after-unlock")

    monkeypatch.setattr(CredentialDialog, "__init__", filled)
    with qtbot.waitSignal(change_hub().changed, timeout=10_000):
        screen.credential_button.click()
    assert [m.kind for m in messages.shown] == [Kind.ASK]
    assert "locked" in messages.shown[0].text
    assert "tok-after-unlock" in memory_keyring.items.values()


def test_terminals_screen_approve_and_revoke(window: MainWindow, qtbot: QtBot, monkeypatch, qtmodeltester) -> None:
    window.nav.setCurrentRow(3)
    screen = screen_of(window, 3)
    assert isinstance(screen, TerminalsScreen)
    qtmodeltester.check(screen.model)
    assert screen.model.index(0, 4).data() == "All accounts"
    assert "malware" in screen.note.text()
    screen.table.selectRow(0)
    assert screen.approve_button.isEnabled()
    store = window.session.store
    accounts = list_accounts(store)
    terminal = list_terminals(store)[0]
    dialog = ApproveDialog(terminal, accounts)
    qtbot.addWidget(dialog)
    dialog.some_accounts.setChecked(True)
    dialog.account_model.item(0).setCheckState(Qt.CheckState.Checked)
    dialog.has_expiry.setChecked(True)
    dialog.kind.setCurrentIndex(1)
    assert dialog.reason.isEnabled()
    dialog.reason.setText("災害対応")
    dialog.information_scope.setText("防災情報のみ")
    dialog.category_model.item(2).setCheckState(Qt.CheckState.Checked)  # 災害・緊急 only
    assert dialog.categories() == ["emergency"]
    monkeypatch.setattr(ApproveDialog, "exec", lambda self: QDialog.DialogCode.Accepted)
    monkeypatch.setattr("gui.screens.terminals.ApproveDialog", lambda *a, **k: dialog)
    screen.approve_button.click()
    wait_for_operations(qtbot)
    info = list_terminals(store)[0]
    assert info.scope_account_ids == (accounts[0].id,)
    assert info.expires_at is not None
    assert info.exception_reason == "災害対応"
    assert info.information_categories == ("emergency",)
    screen.refresh()
    settle()
    assert screen.model.index(0, 4).data() == accounts[0].handle
    assert screen.model.index(0, 3).data(Qt.ItemDataRole.ToolTipRole).startswith("Reason")

    from gui.widgets.dialogs import CommentDialog

    monkeypatch.setattr(CommentDialog, "exec", lambda self: QDialog.DialogCode.Accepted)
    monkeypatch.setattr(CommentDialog, "comment", lambda self: "返却")
    screen.table.selectRow(0)
    screen.revoke_button.click()
    wait_for_operations(qtbot)
    assert list_terminals(store)[0].status is TerminalStatus.REVOKED


def test_resetting_a_terminal_key_asks_first(qtbot, demo_env, messages) -> None:  # type: ignore[no-untyped-def]
    """GUI review: 鍵をリセット took the terminal out of service without a word."""
    from core.lifecycle.states import TerminalStatus
    from core.services.staff import actor_for
    from core.services.terminals import terminal_by_uid
    from gui.screens.terminals import TerminalsScreen
    from gui.session import AppSession

    admin = actor_for(demo_env.store, current_login(), demo_env.terminal.uid)
    assert admin is not None
    screen = TerminalsScreen(AppSession(demo_env, admin))
    qtbot.addWidget(screen)
    screen.refresh()
    settle()
    screen.table.selectRow(0)
    messages.answer(False)
    screen._reset()
    assert [m.kind for m in messages.shown] == [Kind.IRREVERSIBLE]
    assert "you are using now" in messages.shown[0].text
    local = terminal_by_uid(demo_env.store, demo_env.terminal.uid)
    assert local is not None
    assert local.status is TerminalStatus.APPROVED
    messages.answer(True)
    screen._reset()
    wait_for_operations(qtbot)
    local = terminal_by_uid(demo_env.store, demo_env.terminal.uid)
    assert local is not None
    assert local.status is TerminalStatus.PENDING
