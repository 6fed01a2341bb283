"""アカウント: official accounts, their operating policy, staff, filing, status and credentials.

Administrators add, edit, file (届出) and change status; everybody can open an
account read-only. Rotation warnings (要パスワード変更, periodic change due)
are shown above the table.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise

from PySide6.QtCore import QModelIndex
from PySide6.QtWidgets import QComboBox, QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from core.accounts.duties import Duty
from core.accounts.rotation import rotation_reminders
from core.lifecycle.states import AccountStatus
from core.organization.roles import Role
from core.platforms.facts import platform_label
from core.services.accounts import (
    AccountInfo,
    AccountService,
    CredentialService,
    account_detail,
    list_accounts,
)
from gui.accounts.credential import CredentialDialog, run_keyring_task
from gui.accounts.editor import AccountEditor
from gui.changes import Changes, announce
from gui.i18n import translator
from gui.models.rows import Column, RowsModel
from gui.screens.base import Screen
from gui.session import AppSession
from gui.widgets.plain import plain
from gui.widgets.table_view import make_table, selected_row

tr = translator("AccountsScreen")


def _policy_state(a: AccountInfo) -> str:
    if a.missing:
        return tr("{count} missing").format(count=len(a.missing))
    return tr("Filed") if a.filed_at else tr("Complete, not filed")


def _policy_colour(a: AccountInfo) -> str | None:
    return "#a33" if a.missing else (None if a.filed_at else "#a60")


class AccountsScreen(Screen):
    def __init__(self, session: AppSession, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.model: RowsModel[AccountInfo] = RowsModel(
            [
                Column(tr("Platform"), lambda a: platform_label(a.platform)),
                Column(tr("Account ID"), lambda a: a.handle),
                Column(tr("Name"), lambda a: a.display_name),
                Column(tr("Department"), lambda a: a.department),
                Column(tr("Status"), lambda a: a.status.label),
                Column(
                    tr("Policy"),
                    _policy_state,
                    tooltip=lambda a: "\n".join(a.missing) or None,
                    foreground=_policy_colour,
                ),
                Column(tr("Verified"), lambda a: a.verified),
                Column(
                    tr("Password"),
                    lambda a: tr("Change required") if a.rotation_required else "",
                    tooltip=lambda a: a.rotation_reason,
                    foreground=lambda a: "#a33" if a.rotation_required else None,
                ),
                Column(tr("URL"), lambda a: a.url or ""),
            ]
        )
        self.table = make_table(self.model, tr("Official accounts"), self, stretch_column=8)
        self.warnings = plain(QLabel())
        self.warnings.setObjectName("rotationWarnings")
        self.warnings.setWordWrap(True)
        self.warnings.setStyleSheet("QLabel { background: #fff4e5; border: 1px solid #e0a050; padding: 6px; }")
        self.add_button = QPushButton(tr("&Add account…"))
        self.edit_button = QPushButton(tr("&Open…"))
        self.file_button = QPushButton(tr("&File policy (届出)"))
        self.credential_button = QPushButton(tr("&Credential on this terminal…"))
        self.status = QComboBox()
        self.status.setAccessibleName(tr("Account status"))
        for status in AccountStatus:
            self.status.addItem(status.label, status.value)
        self.status.setCurrentIndex(-1)  # blank until an account is selected
        self.status_label = QLabel(tr("S&tatus:"))
        self.status_label.setBuddy(self.status)
        self.status_button = QPushButton(tr("Set &status"))
        self.status_button.setToolTip(tr("Save the status chosen for the selected account."))
        # The account whose stored status the combo box shows (an unsaved choice survives reloads).
        self._status_shown: tuple[int, AccountStatus] | None = None
        buttons = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.file_button, self.credential_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.status_label)
        buttons.addWidget(self.status)
        buttons.addWidget(self.status_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.warnings)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        chain = [
            self.table,
            self.add_button,
            self.edit_button,
            self.file_button,
            self.credential_button,
            self.status,
            self.status_button,
        ]
        for before, after in pairwise(chain):
            QWidget.setTabOrder(before, after)
        self.add_button.clicked.connect(self._add)
        self.edit_button.clicked.connect(self._open)
        # Enter, and double-click (which activates too), open the account.
        self.table.activated.connect(self._open_index)
        self.file_button.clicked.connect(self._file)
        self.credential_button.clicked.connect(self._credential)
        self.status_button.clicked.connect(self._set_status)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self.on_actor_changed())
        self.on_actor_changed()

    def concerned_by(self, changes: Changes) -> bool:
        return changes.accounts or changes.settings

    def refresh(self) -> None:
        self.model.set_rows(list_accounts(self.session.store))
        reminders = rotation_reminders(self.session.store)
        lines = []
        for r in reminders:
            if r.due_at is None:
                lines.append(
                    tr("⚠ {handle}: password change required — {reason}").format(handle=r.handle, reason=r.reason)
                )
            else:
                lines.append(
                    tr("⚠ {handle}: periodic password change due {date}").format(
                        handle=r.handle, date=r.due_at.astimezone().strftime("%Y-%m-%d")
                    )
                )
        self.warnings.setText("\n".join(lines))
        self.warnings.setVisible(bool(lines))
        self.on_actor_changed()

    def selected(self) -> AccountInfo | None:
        row = selected_row(self.table)
        return self.model.row(row) if row is not None else None

    def on_actor_changed(self) -> None:
        admin = self.session.has(Role.ADMINISTRATOR)
        account = self.selected()
        self.add_button.setEnabled(admin)
        self.edit_button.setEnabled(account is not None)
        self.edit_button.setText(tr("&Edit…") if admin else tr("&Open…"))
        self.file_button.setEnabled(admin and account is not None and not account.missing and not account.filed_at)
        self.credential_button.setEnabled(account is not None)
        self.status_button.setEnabled(admin and account is not None)
        self.status.setEnabled(admin and account is not None)
        self._show_status(account)

    def _show_status(self, account: AccountInfo | None) -> None:
        """Show the selected account's status; an edit in progress stays until another account is chosen."""
        shown = (account.id, account.status) if account is not None else None
        if shown == self._status_shown:
            return
        self._status_shown = shown
        self.status.setCurrentIndex(self.status.findData(account.status.value) if account is not None else -1)

    def _add(self) -> None:
        dialog = AccountEditor(self.session, None, editable=True, parent=self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        service = self.session.service(AccountService)
        form = _AccountForm.read(dialog)

        def save() -> None:
            url = form.url.strip() or None
            account_id = service.create(form.platform, form.handle, form.display_name, form.department_id, url)
            form.save_rest(service, account_id)

        self.attempt(save)

    def _open_index(self, index: QModelIndex) -> None:
        self.table.selectRow(index.row())
        self._open()

    def _open(self) -> None:
        account = self.selected()
        if account is None:
            return
        admin = self.session.has(Role.ADMINISTRATOR)
        dialog = AccountEditor(
            self.session, account_detail(self.session.store, account.id), editable=admin, parent=self
        )
        if dialog.exec() != QDialog.DialogCode.Accepted or not admin:
            return
        service = self.session.service(AccountService)
        form = _AccountForm.read(dialog)
        self.attempt(lambda: form.save_rest(service, account.id))

    def _file(self) -> None:
        account = self.selected()
        if account is not None:
            service = self.session.service(AccountService)
            self.attempt(lambda: service.file(account.id))

    def _set_status(self) -> None:
        account = self.selected()
        if account is None:
            return
        service = self.session.service(AccountService)
        status = AccountStatus(self.status.currentData())
        self.attempt(lambda: service.set_status(account.id, status))

    def _credential(self) -> None:
        account = self.selected()
        if account is None:
            return
        admin = self.session.has(Role.ADMINISTRATOR)
        dialog = CredentialDialog(
            account.handle, account.display_name, can_confirm=admin, platform=account.platform, parent=self
        )
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        token, password = dialog.token.text(), dialog.password.text()
        dialog.token.clear()
        dialog.password.clear()
        accounts = self.session.service(AccountService)
        credentials = self.session.service(CredentialService)
        uid = self.session.env.terminal.uid

        def work() -> None:
            from core.credentials.vault import open_vault

            vault = open_vault()
            if password:
                accounts.confirm_password_change(account.id, password)
            credentials.store_credential(vault, uid, account.id, token)

        run_keyring_task(self, work, lambda _result: announce(Changes(accounts=True)))


@dataclass(frozen=True)
class _AccountForm:
    """What the account editor holds, read on the UI thread before the save runs on a worker."""

    platform: str
    handle: str
    display_name: str
    department_id: int | None
    url: str
    verified: bool
    policy: dict[str, object]
    assignments: list[tuple[int, Duty]]

    @classmethod
    def read(cls, dialog: AccountEditor) -> _AccountForm:
        return cls(
            platform=dialog.platform_code(),
            handle=dialog.handle.text(),
            display_name=dialog.name.text(),
            department_id=dialog.department.currentData(),
            url=dialog.url.text(),
            verified=dialog.verified.isChecked(),
            policy=dialog.policy(),
            assignments=dialog.assignments(),
        )

    def save_rest(self, service: AccountService, account_id: int) -> None:
        service.update(
            account_id,
            platform=self.platform,
            handle=self.handle,
            display_name=self.display_name,
            department_id=self.department_id,
            url=self.url,
            verified=self.verified,
        )
        service.set_policy(account_id, self.policy)
        service.set_staff(account_id, self.assignments)
