"""アカウント: official accounts, their operating policy, staff, filing, status and credentials.

Administrators add, edit, file (届出) and change status; everybody can open an
account read-only. Consultation before opening, the continuation review and
withdrawal (joso:3(2), joso:7) open their own dialogs. Rotation warnings
(要パスワード変更, periodic change due or overdue) and overdue reviews are
shown above the table.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from itertools import pairwise

from PySide6.QtCore import QModelIndex
from PySide6.QtWidgets import QComboBox, QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from core.accounts.continuation import ReviewFacts
from core.accounts.duties import Duty
from core.accounts.kinds import AccountKind
from core.accounts.rotation import RotationReminder, rotation_reminders
from core.lifecycle.actions import file_policy_action
from core.lifecycle.states import AccountStatus
from core.lifecycle.transitions import ACCOUNTS
from core.organization.roles import Role
from core.platforms.facts import platform_label
from core.services.account_lifecycle import AccountLifecycleService, current_review_facts
from core.services.accounts import (
    AccountDetail,
    AccountFormChoices,
    AccountInfo,
    AccountService,
    CredentialService,
    account_detail,
    account_form_choices,
    list_accounts,
)
from core.services.organization import load_lifecycle_settings
from gui import messages
from gui.accounts.credential import CredentialDialog, run_keyring_task
from gui.accounts.editor import AccountEditor
from gui.accounts.lifecycle import ConsultationDialog, ReviewDialog, WithdrawalDialog
from gui.changes import Changes, announce
from gui.i18n import translator
from gui.messages import confirm_irreversible
from gui.models.rows import Column, RowsModel
from gui.operations import Operation
from gui.screens.base import Screen
from gui.session import AppSession
from gui.widgets.plain import plain
from gui.widgets.table_view import make_table, selected_row

tr = translator("AccountsScreen")


def _reminder_line(r: RotationReminder) -> str:
    if r.due_at is None:
        return tr("⚠ {handle}: password change required — {reason}").format(handle=r.handle, reason=r.reason)
    if r.blocking:
        return tr(
            "⚠ {handle}: periodic password change was due {date} — posting is stopped until it is changed"
        ).format(handle=r.handle, date=_day(r.due_at))
    return tr("⚠ {handle}: periodic password change due {date}").format(handle=r.handle, date=_day(r.due_at))


def _policy_state(a: AccountInfo) -> str:
    if a.missing or a.consultation_missing:
        return tr("{count} missing").format(count=len(a.missing) + len(a.consultation_missing))
    return tr("Filed") if a.filed_at else tr("Complete, not filed")


def _policy_colour(a: AccountInfo) -> str | None:
    return "#a33" if a.missing or a.consultation_missing else (None if a.filed_at else "#a60")


def _day(moment: datetime | None) -> str:
    return moment.astimezone().strftime("%Y-%m-%d") if moment is not None else ""


def _review_text(a: AccountInfo) -> str:
    if a.status not in (AccountStatus.ACTIVE, AccountStatus.PAUSED):
        return ""
    return _day(a.review_due_at)


def _end_text(a: AccountInfo) -> str:
    if a.status in (AccountStatus.WITHDRAWAL_NOTICE, AccountStatus.STOPPED):
        return _day(a.withdrawal_ends_at)
    return _day(a.deleted_at)


#: Statuses set from the combo box; withdrawal and deletion have their own dialog (joso:7(2)).
SETTABLE = (AccountStatus.PREPARING, AccountStatus.ACTIVE, AccountStatus.PAUSED)


class AccountsScreen(Screen):
    def __init__(self, session: AppSession, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.now = datetime.min.replace(tzinfo=UTC)  # replaced by the first read, before any row is shown
        self.model: RowsModel[AccountInfo] = RowsModel(self._columns())
        self.table = make_table(self.model, tr("Official accounts"), self, stretch_column=11)
        self.warnings = plain(QLabel())
        self.warnings.setObjectName("rotationWarnings")
        self.warnings.setWordWrap(True)
        self.warnings.setStyleSheet("QLabel { background: #fff4e5; border: 1px solid #e0a050; padding: 6px; }")
        buttons = self._buttons()
        layout = QVBoxLayout(self)
        layout.addWidget(self.warnings)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        for before, after in pairwise(self._tab_chain):
            QWidget.setTabOrder(before, after)
        self._connect()
        self.on_actor_changed()

    def _columns(self) -> list[Column[AccountInfo]]:
        # The database clock as of the last read: asking it per painted cell would query the server on the UI thread.
        def now() -> datetime:
            return self.now

        return [
            Column(tr("Platform"), lambda a: platform_label(a.platform)),
            Column(tr("Account ID"), lambda a: a.handle),
            Column(tr("Name"), lambda a: a.display_name),
            Column(tr("Kind"), lambda a: a.kind.label),
            Column(tr("Running section"), lambda a: a.department),
            Column(tr("Status"), lambda a: a.status.label, tooltip=lambda a: a.withdrawal_reason),
            Column(
                tr("Policy"),
                _policy_state,
                tooltip=lambda a: "\n".join((*a.missing, *a.consultation_missing)) or None,
                foreground=_policy_colour,
            ),
            # joso:3(2): the platform's verification (認証) is sought for every account; say which lack it.
            Column(
                tr("Verified"),
                lambda a: tr("Verified") if a.verified else tr("Not verified"),
                tooltip=lambda a: tr("The platform's verification badge (joso:3(2))"),
                foreground=lambda a: None if a.verified else "#777",
            ),
            Column(
                tr("Password"),
                lambda a: tr("Change required") if a.rotation_required else "",
                tooltip=lambda a: a.rotation_reason,
                foreground=lambda a: "#a33" if a.rotation_required else None,
            ),
            Column(
                tr("Review due"),
                _review_text,
                foreground=lambda a: "#a33" if a.review_overdue(now()) else None,
                tooltip=lambda a: (
                    tr("The continuation review is overdue (joso:7(1)).") if a.review_overdue(now()) else None
                ),
            ),
            Column(tr("End of operation"), _end_text),
            Column(tr("URL"), lambda a: a.url or ""),
        ]

    def _buttons(self) -> QHBoxLayout:
        self.add_button = QPushButton(tr("&Add account…"))
        self.edit_button = QPushButton(tr("&Open…"))
        self.consult_button = QPushButton(tr("Consu&lt…"))
        self.consult_button.setToolTip(tr("Consultation before opening (wako 運用開始の留意点, joso:3(2))"))
        self.file_button = QPushButton(tr("File &policy (届出)"))
        self.review_button = QPushButton(tr("Continuation &review…"))
        self.review_button.setToolTip(tr("Continuation review (joso:7(1))"))
        self.withdraw_button = QPushButton(tr("&Withdraw…"))
        self.withdraw_button.setToolTip(tr("Withdrawal with notice, immediate stop, deletion (joso:7(2))"))
        self.credential_button = QPushButton(tr("&Credential on this terminal…"))
        self.status = QComboBox()
        self.status.setAccessibleName(tr("Account status"))
        for status in SETTABLE:
            self.status.addItem(status.label, status.value)
        self.status.setCurrentIndex(-1)  # blank until an account is selected
        self.status_label = QLabel(tr("S&tatus:"))
        self.status_label.setBuddy(self.status)
        self.status_button = QPushButton(tr("Set &status"))
        self.status_button.setToolTip(tr("Save the status chosen for the selected account."))
        # The account whose stored status the combo box shows (an unsaved choice survives reloads).
        self._status_shown: tuple[int, AccountStatus] | None = None
        buttons = QHBoxLayout()
        chain: list[QWidget] = [self.table]
        for button in (
            self.add_button,
            self.edit_button,
            self.consult_button,
            self.file_button,
            self.review_button,
            self.withdraw_button,
            self.credential_button,
        ):
            buttons.addWidget(button)
            chain.append(button)
        buttons.addStretch(1)
        buttons.addWidget(self.status_label)
        buttons.addWidget(self.status)
        buttons.addWidget(self.status_button)
        self._tab_chain = [*chain, self.status, self.status_button]
        return buttons

    def _connect(self) -> None:
        self.add_button.clicked.connect(self.add_account)
        self.edit_button.clicked.connect(self._open)
        # Enter, and double-click (which activates too), open the account.
        self.table.activated.connect(self._open_index)
        self.consult_button.clicked.connect(self._consult)
        self.file_button.clicked.connect(self._file)
        self.review_button.clicked.connect(self._review)
        self.withdraw_button.clicked.connect(self._withdraw)
        self.credential_button.clicked.connect(self._credential)
        self.status_button.clicked.connect(self._set_status)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self.on_actor_changed())

    def concerned_by(self, changes: Changes) -> bool:
        return changes.accounts or changes.settings

    def refresh(self) -> None:
        store = self.session.store
        self.read(lambda: (list_accounts(store), rotation_reminders(store), store.now()), self._show)

    def _show(self, read: tuple[list[AccountInfo], list[RotationReminder], datetime]) -> None:
        rows, reminders, now = read
        self.now = now
        self.model.set_rows(rows)
        lines = [_reminder_line(r) for r in reminders]
        lines += [
            tr("⚠ {handle}: the continuation review was due {date} (joso:7(1))").format(
                handle=a.handle, date=_day(a.review_due_at)
            )
            for a in rows
            if a.review_overdue(now)
        ]
        lines += [
            tr("⚑ {handle}: withdrawal announced, operation ends {date} (only the notice post goes out)").format(
                handle=a.handle, date=_day(a.withdrawal_ends_at)
            )
            for a in rows
            if a.status is AccountStatus.WITHDRAWAL_NOTICE
        ]
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
        filing = (
            file_policy_action(self.session.actor, missing=len(account.missing), filed=account.filed_at is not None)
            if account is not None
            else None
        )
        consultations = account.consultation_missing if account is not None else ()
        self.file_button.setEnabled(filing is not None and filing.enabled and not consultations)
        if filing is None:
            self.file_button.setToolTip(tr("Select an account first."))
        else:
            # Filing waits for the consultations too (wako 運用開始の留意点, joso:3(2)).
            self.file_button.setToolTip("\n".join((filing.reason, *consultations)).strip())
        self.credential_button.setEnabled(account is not None)
        settable = account is not None and account.status in SETTABLE
        self.status_button.setEnabled(admin and settable)
        self.status.setEnabled(admin and settable)
        # The service decides who may (administrators, the account's 運用管理者 / 運用責任者); these only
        # hide what the account's state makes meaningless.
        self.consult_button.setEnabled(account is not None and account.status is not AccountStatus.DELETED)
        running = account is not None and account.status in (AccountStatus.ACTIVE, AccountStatus.PAUSED)
        self.review_button.setEnabled(running)
        self.withdraw_button.setEnabled(
            account is not None
            and bool(ACCOUNTS.moves.get(account.status))
            and account.status is not AccountStatus.PREPARING
        )
        self._show_status(account)

    def _show_status(self, account: AccountInfo | None) -> None:
        """Show the selected account's status; an edit in progress stays until another account is chosen."""
        shown = (account.id, account.status) if account is not None else None
        if shown == self._status_shown:
            return
        self._status_shown = shown
        self.status.setCurrentIndex(self.status.findData(account.status.value) if account is not None else -1)

    def _consult(self) -> None:
        account = self.selected()
        if account is None:
            return
        store = self.session.store
        # What the dialog shows is read off the UI thread; it opens when that is in.
        Operation(self, lambda: account_detail(store, account.id)).success(self._ask_consultation).run()

    def _ask_consultation(self, detail: AccountDetail) -> None:
        account = detail.info
        dialog = ConsultationDialog(detail, parent=self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        service = self.session.service(AccountLifecycleService)
        section, when, who = dialog.section.currentText(), dialog.consulted_at(), dialog.counterpart.text()
        outcome, note = dialog.outcome_value(), dialog.note.toPlainText()
        Operation(
            self,
            lambda: service.record_consultation(
                account.id, section=section, consulted_at=when, counterpart=who, outcome=outcome, note=note
            ),
        ).changes(Changes(accounts=True)).run()

    def _review(self) -> None:
        account = self.selected()
        if account is None:
            return
        store = self.session.store
        Operation(
            self,
            lambda: (current_review_facts(store, account.id), load_lifecycle_settings(store).withdrawal_notice_days),
        ).success(lambda read: self._ask_review(account, *read)).run()

    def _ask_review(self, account: AccountInfo, facts: ReviewFacts, notice_days: int) -> None:
        dialog = ReviewDialog(account, facts, notice_days, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        service = self.session.service(AccountLifecycleService)
        criteria, decision, note, days = (
            dialog.applies(),
            dialog.decision(),
            dialog.note.toPlainText(),
            dialog.days.value(),
        )
        Operation(
            self, lambda: service.review(account.id, criteria=criteria, decision=decision, note=note, notice_days=days)
        ).changes(Changes(accounts=True, all_drafts=True, queue=True)).run()

    def _withdraw(self) -> None:
        account = self.selected()
        if account is None:
            return
        store = self.session.store
        Operation(self, lambda: load_lifecycle_settings(store).withdrawal_notice_days).success(
            lambda days: self._ask_withdrawal(account, days)
        ).run()

    def _ask_withdrawal(self, account: AccountInfo, days: int) -> None:
        dialog = WithdrawalDialog(account, days, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        choice, reason = dialog.choice(), dialog.reason.toPlainText()
        if choice == "stop" and not confirm_irreversible(
            self,
            tr("Stop {handle} now?").format(handle=account.handle),
            tr("Nothing more is posted to {handle}; the public page states the reason at once.").format(
                handle=account.handle
            ),
            accept=tr("Stop now"),
        ):
            return
        service = self.session.service(AccountLifecycleService)
        calls = {
            "notice": lambda: service.start_withdrawal(account.id, reason=reason, notice_days=dialog.days.value()),
            "stop": lambda: service.stop_now(account.id, reason),
            "cancel": lambda: service.cancel_withdrawal(account.id, reason),
            "delete": lambda: service.record_deletion(account.id, dialog.method_value(), reason),
        }
        Operation(self, calls[choice]).changes(Changes(accounts=True, all_drafts=True, queue=True)).run()

    def add_account(self) -> None:
        if not self.session.has(Role.ADMINISTRATOR):
            return
        store = self.session.store
        Operation(self, lambda: account_form_choices(store)).success(self._add_with).run()

    def _add_with(self, choices: AccountFormChoices) -> None:
        dialog = AccountEditor(self.session, None, choices, editable=True, parent=self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        service = self.session.service(AccountService)
        form = _AccountForm.read(dialog)

        def save() -> None:
            url = form.url.strip() or None
            account_id = service.create(
                form.platform, form.handle, form.display_name, form.department_id, url, kind=form.kind
            )
            form.save_rest(service, account_id)

        self.attempt(save)

    def _open_index(self, index: QModelIndex) -> None:
        self.table.selectRow(index.row())
        self._open()

    def _open(self) -> None:
        account = self.selected()
        if account is None:
            return
        store = self.session.store
        Operation(self, lambda: (account_detail(store, account.id), account_form_choices(store))).success(
            lambda read: self._edit(*read)
        ).run()

    def _edit(self, detail: AccountDetail, choices: AccountFormChoices) -> None:
        account = detail.info
        admin = self.session.has(Role.ADMINISTRATOR)
        dialog = AccountEditor(self.session, detail, choices, editable=admin, parent=self)
        if dialog.exec() != QDialog.DialogCode.Accepted or not admin:
            return
        service = self.session.service(AccountService)
        form = _AccountForm.read(dialog)
        self.attempt(lambda: form.save_rest(service, account.id))

    def _file(self) -> None:
        account = self.selected()
        if account is None:
            return
        if not messages.confirm_irreversible(
            self,
            tr("File policy (届出)"),
            tr("File the operating policy of {name} ({handle}, {platform}) now?").format(
                name=account.display_name, handle=account.handle, platform=platform_label(account.platform)
            ),
            informative=tr(
                "The filing is recorded with the policy as it stands; drafts may then be written for the account. "
                "A later change to the policy withdraws the filing until it is filed again."
            ),
            accept=tr("&File"),
        ):
            return
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
    kind: AccountKind
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
            kind=dialog.kind_value(),
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
            kind=self.kind,
        )
        service.set_policy(account_id, self.policy)
        service.set_staff(account_id, self.assignments)
