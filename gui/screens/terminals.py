"""端末: workstations that opened KohoGate, their approval, scope, expiry and credentials held."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from core.accounts.lifecycle_rules import lifecycle_rules
from core.errors import PermissionDenied
from core.organization.roles import Role
from core.services.accounts import AccountInfo, list_accounts
from core.services.terminals import TerminalInfo, TerminalService, list_terminals
from core.terminals.approval import TerminalKind
from gui import messages
from gui.accounts.approve import ApproveDialog
from gui.changes import Changes
from gui.i18n import translator
from gui.models.rows import Column, RowsModel
from gui.operations import Operation
from gui.review.signer import signer_for
from gui.screens.base import Screen
from gui.session import AppSession
from gui.widgets.dialogs import CommentDialog
from gui.widgets.table_view import make_table, selected_row

tr = translator("TerminalsScreen")


class TerminalsScreen(Screen):
    def __init__(self, session: AppSession, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self._handles: dict[int, str] = {}
        self.model: RowsModel[TerminalInfo] = RowsModel(
            [
                Column(tr("Host name"), lambda t: t.hostname),
                Column(tr("OS user"), lambda t: t.os_user),
                Column(
                    tr("Status"),
                    lambda t: t.effective_label,
                    foreground=lambda t: "#a33" if t.expired or t.status.value == "revoked" else None,
                ),
                Column(tr("Kind"), lambda t: t.kind.label, tooltip=self._kind_tooltip),
                Column(tr("Accounts"), self._scope_text),
                Column(tr("Categories"), self._categories_text),
                Column(
                    tr("Agreed by the person responsible"),
                    self._consent_text,
                    foreground=lambda t: "#a33" if self._consent_missing(t) else None,
                ),
                Column(tr("Expires"), lambda t: t.expires_at),
                Column(tr("Key"), lambda t: tr("Key registered") if t.has_key else tr("Not yet")),
                Column(tr("Credentials held"), lambda t: self._handles_text(t.credential_account_ids)),
                Column(tr("Approved by"), lambda t: t.approved_by),
                Column(tr("Last seen"), lambda t: t.last_seen_at),
                Column(tr("Machine ID"), lambda t: t.machine_id or ""),
            ]
        )
        self.table = make_table(self.model, tr("Terminals"), self, stretch_column=12)
        self.note = QLabel(
            tr(
                "Posting is possible only from approved terminals: each request is signed with a key kept in "
                "the terminal's OS keyring. Host name and machine ID are labels, not proof. This binds posting "
                "and its record to the terminal; it cannot stop malware running as the same user from "
                "reading a token out of the keyring."
            )
        )
        self.note.setWordWrap(True)
        # What the terminal binding does and does not prove matters to administrators; others get a tooltip.
        self.note.setToolTip(self.note.text())
        self.approve_button = QPushButton(tr("&Approve…"))
        self.revoke_button = QPushButton(tr("&Revoke…"))
        self.reset_button = QPushButton(tr("Reset &key"))
        self.consent_button = QPushButton(tr("A&gree as person responsible…"))
        self.consent_button.setToolTip(
            tr("The account's 所属長 / 運用責任者 agrees to this exception device posting to it (joso:6(2)).")
        )
        buttons = QHBoxLayout()
        buttons.addWidget(self.consent_button)
        buttons.addWidget(self.approve_button)
        buttons.addWidget(self.revoke_button)
        buttons.addWidget(self.reset_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.approve_button.clicked.connect(self._approve)
        self.revoke_button.clicked.connect(self._revoke)
        self.reset_button.clicked.connect(self._reset)
        self.consent_button.clicked.connect(self._consent)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self.on_actor_changed())
        self.on_actor_changed()

    def _handles_text(self, ids: tuple[int, ...]) -> str:
        return ", ".join(self._handles.get(i, f"#{i}") for i in ids)

    def _scope_text(self, t: TerminalInfo) -> str:
        if t.status.value != "approved":
            return ""
        return tr("All accounts") if t.scope_all else self._handles_text(t.scope_account_ids)

    @staticmethod
    def _categories_text(t: TerminalInfo) -> str:
        rules = lifecycle_rules()
        return "、".join(rules.category_label(c) for c in t.information_categories) or tr("Any")

    @staticmethod
    def _consent_missing(t: TerminalInfo) -> bool:
        return t.kind is TerminalKind.EXCEPTION and set(t.scope_account_ids) - set(t.consented_account_ids) != set()

    def _consent_text(self, t: TerminalInfo) -> str:
        if t.kind is not TerminalKind.EXCEPTION:
            return ""
        waiting = [i for i in t.scope_account_ids if i not in t.consented_account_ids]
        agreed = self._handles_text(t.consented_account_ids)
        if not waiting:
            return agreed
        return tr("waiting: {handles}").format(handles=self._handles_text(tuple(waiting)))

    @staticmethod
    def _kind_tooltip(t: TerminalInfo) -> str | None:
        if t.kind is not TerminalKind.EXCEPTION:
            return None
        return tr("Reason: {reason}\nInformation allowed: {scope}").format(
            reason=t.exception_reason or "", scope=t.information_scope or ""
        )

    def concerned_by(self, changes: Changes) -> bool:
        return changes.terminals

    def refresh(self) -> None:
        store = self.session.store
        self.read(lambda: (list_accounts(store), list_terminals(store)), lambda read: self._show(*read))

    def _show(self, accounts: list[AccountInfo], terminals: list[TerminalInfo]) -> None:
        self._handles = {a.id: a.handle for a in accounts}
        self.model.set_rows(terminals)
        self.on_actor_changed()

    def selected(self) -> TerminalInfo | None:
        row = selected_row(self.table)
        return self.model.row(row) if row is not None else None

    def on_actor_changed(self) -> None:
        self.note.setVisible(self.session.has(Role.ADMINISTRATOR))
        selected = self.selected()
        enabled = self.session.has(Role.ADMINISTRATOR) and selected is not None
        for button in (self.approve_button, self.revoke_button, self.reset_button):
            button.setEnabled(enabled)
        # Who may agree is the service's decision (the person named on the account).
        self.consent_button.setEnabled(selected is not None and self._consent_missing(selected))

    def _consent(self) -> None:
        terminal = self.selected()
        if terminal is None:
            return
        waiting = [i for i in terminal.scope_account_ids if i not in terminal.consented_account_ids]
        names = [self._handles.get(i, f"#{i}") for i in waiting]
        text = tr(
            "Agree that {host} (an exception device) posts to {handles} until {date}, only: {categories}?"
        ).format(
            host=terminal.hostname,
            handles="、".join(names),
            date=terminal.expires_at.astimezone().strftime("%Y-%m-%d") if terminal.expires_at else "—",
            categories=self._categories_text(terminal),
        )
        if not messages.ask(self, tr("Exception device"), text, accept=tr("&Agree")):
            return
        service = self.session.service(TerminalService)

        def agree() -> list[str]:
            refused = []
            for account_id, name in zip(waiting, names, strict=True):
                try:
                    service.consent(terminal.id, account_id)
                except PermissionDenied:
                    refused.append(name)
            return refused

        Operation(self, agree).changes(Changes(terminals=True)).success(self._agreed).run()

    def _agreed(self, refused: list[str]) -> None:
        if refused:
            messages.warning(
                self,
                tr("Exception device"),
                tr("You are not named as the person responsible for: {handles}").format(handles="、".join(refused)),
            )

    def _approve(self) -> None:
        terminal = self.selected()
        if terminal is None:
            return
        store = self.session.store
        # The accounts to choose from are read off the UI thread; the dialog opens when they are in.
        Operation(self, lambda: list_accounts(store)).success(
            lambda accounts: self._ask_approval(terminal, accounts)
        ).run()

    def _ask_approval(self, terminal: TerminalInfo, accounts: list[AccountInfo]) -> None:
        dialog = ApproveDialog(terminal, accounts, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        service = self.session.service(TerminalService)
        scope_all, account_ids = dialog.all_accounts.isChecked(), dialog.account_ids()
        expires_at, kind = dialog.expires_at(), dialog.kind_value()
        reason, information_scope = dialog.reason.text(), dialog.information_scope.text()
        self.attempt(
            lambda: service.approve(
                terminal.id,
                scope_all=scope_all,
                account_ids=account_ids,
                expires_at=expires_at,
                kind=kind,
                reason=reason,
                information_scope=information_scope,
                endorser=signer_for(self.session),
                categories=dialog.categories(),
            )
        )

    def _revoke(self) -> None:
        terminal = self.selected()
        if terminal is None:
            return
        dialog = CommentDialog(
            tr("Revoke terminal"), tr("Why is this terminal's approval revoked?"), required=True, parent=self
        )
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        reason = dialog.comment()
        service = self.session.service(TerminalService)
        self.attempt(lambda: service.revoke(terminal.id, reason))

    def _reset(self) -> None:
        terminal = self.selected()
        if terminal is None:
            return
        this_one = terminal.uid == self.session.env.terminal.uid
        question = tr(
            "Discard the key of {host} and withdraw its approval? It cannot post until an administrator "
            "approves it again."
        ).format(host=terminal.hostname)
        if this_one:
            question += "\n\n" + tr("This is the computer you are using now.")
        if not messages.confirm_irreversible(self, tr("Reset terminal key"), question, accept=tr("&Reset key")):
            return
        service = self.session.service(TerminalService)

        def done(_result: None) -> None:
            window = self.window()
            if isinstance(window, QMainWindow):
                window.statusBar().showMessage(
                    tr("The key of {host} was reset; the terminal awaits approval.").format(host=terminal.hostname),
                    10_000,
                )

        self.attempt(lambda: service.reset_key(terminal.id), then=done)
