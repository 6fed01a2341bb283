"""Approving a terminal: scope (all or named accounts), optional expiry, kind and reason (wako:5, joso:6(2))."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import QDateTime, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListView,
    QRadioButton,
    QWidget,
)

from core.accounts.lifecycle_rules import lifecycle_rules
from core.lifecycle.states import AccountStatus
from core.platforms.facts import platform_label
from core.services.accounts import AccountInfo
from core.services.terminals import TerminalInfo
from core.terminals.approval import TerminalKind
from gui.i18n import translator
from gui.widgets.plain import plain

tr = translator("ApproveTerminalDialog")


class ApproveDialog(QDialog):
    def __init__(self, terminal: TerminalInfo, accounts: list[AccountInfo], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("approveTerminal")
        self.setWindowTitle(tr("Approve terminal {host}").format(host=terminal.hostname))
        self.all_accounts = QRadioButton(tr("&All accounts"))
        self.some_accounts = QRadioButton(tr("&Only these accounts:"))
        self.account_model = QStandardItemModel(self)
        for account in accounts:
            if account.status is AccountStatus.DELETED:
                continue
            item = QStandardItem(f"{platform_label(account.platform)}  {account.handle}  {account.display_name}")
            item.setData(account.id, Qt.ItemDataRole.UserRole)
            item.setCheckable(True)
            item.setEditable(False)
            checked = account.id in terminal.scope_account_ids
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
            self.account_model.appendRow(item)
        self.account_list = QListView()
        self.account_list.setModel(self.account_model)
        self.account_list.setAccessibleName(tr("Accounts this terminal may post to"))
        (self.some_accounts if terminal.scope_account_ids else self.all_accounts).setChecked(True)
        self.has_expiry = QCheckBox(tr("&Expires:"))
        self.expiry = QDateTimeEdit(QDateTime.currentDateTime().addMonths(6))
        self.expiry.setCalendarPopup(True)
        self.expiry.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.expiry.setAccessibleName(tr("Expiry"))
        if terminal.expires_at is not None:
            self.has_expiry.setChecked(True)
            self.expiry.setDateTime(QDateTime.fromSecsSinceEpoch(int(terminal.expires_at.timestamp())))
        self.kind = QComboBox()
        self.kind.setAccessibleName(tr("Kind of terminal"))
        for kind in TerminalKind:
            self.kind.addItem(kind.label, kind.value)
        self.kind.setCurrentIndex(self.kind.findData(terminal.kind.value))
        self.reason = QLineEdit(terminal.exception_reason or "")
        self.reason.setAccessibleName(tr("Reason for the exception"))
        self.information_scope = QLineEdit(terminal.information_scope or "")
        self.information_scope.setAccessibleName(tr("Information allowed on this terminal"))
        self.category_list = self._category_list(terminal)
        note = QLabel(
            tr(
                "Personal devices and off-site terminals are an exception: approve them in advance for named "
                "accounts, with the reason, an expiry and the categories of information they may post (wako:5, "
                "joso:6(2)). Each account's person responsible then agrees on the Terminals screen."
            )
        )
        note.setWordWrap(True)
        form = QFormLayout(self)
        form.addRow(plain(QLabel(f"{terminal.hostname} / {terminal.os_user}")))
        form.addRow(self.all_accounts)
        form.addRow(self.some_accounts)
        form.addRow(self.account_list)
        form.addRow(self.has_expiry, self.expiry)
        form.addRow(tr("&Kind:"), self.kind)
        form.addRow(tr("&Reason:"), self.reason)
        form.addRow(tr("&Information allowed:"), self.information_scope)
        form.addRow(tr("Cate&gories:"), self.category_list)
        form.addRow(note)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.all_accounts.toggled.connect(self._update)
        self.has_expiry.toggled.connect(self._update)
        self.kind.currentIndexChanged.connect(self._update)
        self._update()
        self.resize(560, 560)

    def _category_list(self, terminal: TerminalInfo) -> QListView:
        """The categories of information an exception device may post (wako:5 情報の範囲), checkable."""
        self.category_model = QStandardItemModel(self)
        for category in lifecycle_rules().categories:
            item = QStandardItem(category.label)
            item.setData(category.key, Qt.ItemDataRole.UserRole)
            item.setCheckable(True)
            item.setEditable(False)
            chosen = category.key in terminal.information_categories
            item.setCheckState(Qt.CheckState.Checked if chosen else Qt.CheckState.Unchecked)
            self.category_model.appendRow(item)
        view = QListView()
        view.setModel(self.category_model)
        view.setAccessibleName(tr("Categories of information this device may post"))
        view.setMaximumHeight(96)
        return view

    def _update(self) -> None:
        self.account_list.setEnabled(not self.all_accounts.isChecked())
        self.expiry.setEnabled(self.has_expiry.isChecked())
        exception = self.kind.currentData() == TerminalKind.EXCEPTION.value
        self.reason.setEnabled(exception)
        self.information_scope.setEnabled(exception)
        self.category_list.setEnabled(exception)

    def account_ids(self) -> list[int]:
        return [
            int(self.account_model.item(row).data(Qt.ItemDataRole.UserRole))
            for row in range(self.account_model.rowCount())
            if self.account_model.item(row).checkState() == Qt.CheckState.Checked
        ]

    def expires_at(self) -> datetime | None:
        if not self.has_expiry.isChecked():
            return None
        return datetime.fromtimestamp(self.expiry.dateTime().toSecsSinceEpoch(), UTC)

    def categories(self) -> list[str]:
        """The categories ticked (an exception device only: a city-managed terminal posts any)."""
        if self.kind_value() is not TerminalKind.EXCEPTION:
            return []
        return [
            str(self.category_model.item(row).data(Qt.ItemDataRole.UserRole))
            for row in range(self.category_model.rowCount())
            if self.category_model.item(row).checkState() == Qt.CheckState.Checked
        ]

    def kind_value(self) -> TerminalKind:
        return TerminalKind(self.kind.currentData())
