"""The account editor: the account's fields and kind, every joso:3(3) policy item, named staff, what is missing.

Administrators edit; everybody else gets the same dialog read-only. What is
missing is recomputed from the form on every change with the same core
function the filing check uses, so the list matches what 届出 will refuse.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPlainTextEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from core.accounts.duties import Duty
from core.accounts.kinds import AccountKind
from core.accounts.policy import POLICY_ITEMS, TEXT_ITEMS, TITLES_KEY, AccountFacts, missing_items
from core.platforms.facts import all_platforms
from core.services.accounts import AccountDetail, AccountFormChoices
from gui.i18n import translator
from gui.session import AppSession

tr = translator("AccountEditor")


class StaffPicker(QListView):
    """Checkable list of active staff for one duty (a model, not item widgets)."""

    def __init__(self, duty: Duty, choices: list[tuple[int, str, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.duty = duty
        self.items = QStandardItemModel(self)
        for staff_id, name, department in choices:
            item = QStandardItem(f"{name}（{department}）" if department else name)
            item.setData(staff_id, Qt.ItemDataRole.UserRole)
            item.setCheckable(True)
            item.setEditable(False)
            self.items.appendRow(item)
        self.setModel(self.items)
        self.setAccessibleName(duty.label)
        self.setMaximumHeight(110)

    def set_checked(self, staff_ids: set[int]) -> None:
        for row in range(self.items.rowCount()):
            item = self.items.item(row)
            checked = item.data(Qt.ItemDataRole.UserRole) in staff_ids
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    def checked(self) -> list[int]:
        return [
            int(self.items.item(row).data(Qt.ItemDataRole.UserRole))
            for row in range(self.items.rowCount())
            if self.items.item(row).checkState() == Qt.CheckState.Checked
        ]


class AccountEditor(QDialog):
    """Edits one account (or a new one when ``detail`` is ``None``)."""

    def platform_code(self) -> str:
        return str(self.platform.currentData())

    def kind_value(self) -> AccountKind:
        return AccountKind(self.kind.currentData())

    def __init__(
        self,
        session: AppSession,
        detail: AccountDetail | None,
        choices: AccountFormChoices,
        *,
        editable: bool,
        parent: QWidget | None = None,
    ) -> None:
        """``choices`` is read beforehand, off the UI thread (``account_form_choices``): the form reads nothing."""
        super().__init__(parent)
        self.setObjectName("accountEditor")
        self.detail = detail
        self.session = session
        self.choices = choices
        self.pattern = choices.pattern
        self.setWindowTitle(tr("Official account") if detail else tr("Add official account"))
        account_box = self._account_box()
        staff_box = self._staff_box()
        policy_box = self._policy_box()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
            if editable
            else QDialogButtonBox.StandardButton.Close
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self._lay_out(account_box, staff_box, policy_box)
        self._load()
        self._connect()
        if not editable:
            self._make_read_only()
        self._update_missing()
        self.resize(980, 690)  # fits a 1366×768 screen

    def _account_box(self) -> QGroupBox:
        self.platform = QComboBox()
        # Names people know; the id is the data. Not editable: only known platforms have adapters.
        for facts in all_platforms():
            self.platform.addItem(facts.display_name, facts.id)
        self.platform.setAccessibleName(tr("Platform"))
        self.kind = QComboBox()
        self.kind.setAccessibleName(tr("Kind of account"))
        for kind in AccountKind:
            self.kind.addItem(f"{kind.label} ({kind.clause})", kind.value)
        self.handle = QLineEdit()
        self.handle.setAccessibleName(tr("Account ID"))
        self.handle.setPlaceholderText(self.pattern or "")
        self.name = QLineEdit()
        self.name.setAccessibleName(tr("Account name"))
        self.url = QLineEdit()
        self.url.setAccessibleName(tr("URL"))
        self.url.setPlaceholderText("https://")
        self.department = QComboBox()
        self.department.setAccessibleName(tr("Running section"))
        self.department.addItem(tr("(none)"), None)
        for department_id, name in self.choices.departments:
            self.department.addItem(name, department_id)
        self.verified = QCheckBox(tr("&Verified account (認証済み)"))
        fields = QFormLayout()
        fields.addRow(tr("&Platform:"), self.platform)
        fields.addRow(tr("&Kind:"), self.kind)
        fields.addRow(tr("Account &ID:"), self.handle)
        fields.addRow(tr("Account &name:"), self.name)
        fields.addRow(tr("&URL:"), self.url)
        fields.addRow(tr("&Running section:"), self.department)
        fields.addRow("", self.verified)
        box = QGroupBox(tr("Account"))
        box.setLayout(fields)
        return box

    def _policy_box(self) -> QGroupBox:
        self.texts: dict[str, QPlainTextEdit] = {}
        policy_form = QFormLayout()
        for item in POLICY_ITEMS:
            caption = QLabel(f"{item.letter} {item.label}")
            caption.setToolTip(item.clause)
            if item.source is not None:
                note = QLabel(tr("(from the account fields above)"))
                note.setEnabled(False)
                policy_form.addRow(caption, note)
                continue
            editor = QPlainTextEdit()
            editor.setAccessibleName(item.label)
            editor.setPlaceholderText(item.help)
            editor.setFixedHeight(54)
            editor.setTabChangesFocus(True)
            caption.setBuddy(editor)
            self.texts[item.key] = editor
            policy_form.addRow(caption, editor)
        box = QGroupBox(tr("Operating policy (joso:3(3) ア–セ)"))
        box.setLayout(policy_form)
        return box

    def _staff_box(self) -> QGroupBox:
        choices = list(self.choices.staff)
        self.pickers = {duty: StaffPicker(duty, choices) for duty in Duty}
        self.titles = {duty: QLineEdit() for duty in Duty}
        staff_form = QFormLayout()
        for duty in Duty:
            self.titles[duty].setPlaceholderText(tr("Title for the public page, e.g. 秘書広報課長"))
            self.titles[duty].setAccessibleName(tr("{duty}: title").format(duty=duty.label))
            column = QVBoxLayout()
            column.addWidget(self.pickers[duty])
            column.addWidget(self.titles[duty])
            staff_form.addRow(duty.label + ":", column)
        box = QGroupBox(tr("Staff (named staff records; titles only are published)"))
        box.setLayout(staff_form)
        return box

    def _lay_out(self, account_box: QGroupBox, staff_box: QGroupBox, policy_box: QGroupBox) -> None:
        self.missing = QLabel()
        self.missing.setObjectName("missingItems")
        self.missing.setWordWrap(True)
        self.missing.setTextFormat(Qt.TextFormat.PlainText)
        content = QWidget()
        inner = QVBoxLayout(content)
        inner.addWidget(account_box)
        inner.addWidget(staff_box)
        inner.addWidget(policy_box)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(content)
        side = QVBoxLayout()
        side.addWidget(QLabel(tr("<b>Missing before filing (届出)</b>")))
        side.addWidget(self.missing)
        side.addStretch(1)
        side_widget = QWidget()
        side_widget.setLayout(side)
        side_widget.setFixedWidth(300)
        body = QHBoxLayout()
        body.addWidget(scroll, 1)
        body.addWidget(side_widget)
        layout = QVBoxLayout(self)
        layout.addLayout(body, 1)
        layout.addWidget(self.buttons)

    def _connect(self) -> None:
        for line in (self.handle, self.name, self.url):
            line.textChanged.connect(self._update_missing)
        self.platform.currentTextChanged.connect(self._update_missing)
        for text in self.texts.values():
            text.textChanged.connect(self._update_missing)
        for picker in self.pickers.values():
            picker.items.itemChanged.connect(self._update_missing)

    def _make_read_only(self) -> None:
        for widget in [self.platform, self.kind, self.handle, self.name, self.url, self.department, self.verified]:
            widget.setEnabled(False)
        for text in self.texts.values():
            text.setReadOnly(True)
        for picker in self.pickers.values():
            picker.setEnabled(False)
        for title in self.titles.values():
            title.setReadOnly(True)

    def _load(self) -> None:
        if self.detail is None:
            self._fill_sample()
            return
        info = self.detail.info
        self.platform.setCurrentIndex(max(0, self.platform.findData(info.platform)))
        self.kind.setCurrentIndex(max(0, self.kind.findData(info.kind.value)))
        self.handle.setText(info.handle)
        self.name.setText(info.display_name)
        self.url.setText(info.url or "")
        self.department.setCurrentIndex(max(0, self.department.findData(info.department_id)))
        self.verified.setChecked(info.verified)
        for key, editor in self.texts.items():
            editor.setPlainText(str(self.detail.policy.get(key) or ""))
        written = self.detail.policy.get(TITLES_KEY) or {}
        for duty in Duty:
            self.pickers[duty].set_checked({a.staff_id for a in self.detail.staff if a.duty is duty})
            self.titles[duty].setText(str(written.get(duty.value) or ""))

    def _fill_sample(self) -> None:
        """A new account starts from the sample policy (core.accounts.samples), every item editable."""
        sample = self.choices.sample_policy
        for key, editor in self.texts.items():
            editor.setPlainText(sample.get(key, ""))

    def policy(self) -> dict[str, object]:
        values: dict[str, object] = {item.key: self.texts[item.key].toPlainText() for item in TEXT_ITEMS}
        values[TITLES_KEY] = {duty.value: self.titles[duty].text() for duty in Duty}
        return values

    def assignments(self) -> list[tuple[int, Duty]]:
        return [(staff_id, duty) for duty in Duty for staff_id in self.pickers[duty].checked()]

    def facts(self) -> AccountFacts:
        return AccountFacts(
            platform=self.platform_code(),
            handle=self.handle.text(),
            display_name=self.name.text(),
            url=self.url.text().strip() or None,
            policy=self.policy(),
            duties={duty for duty in Duty if self.pickers[duty].checked()},
            id_pattern=self.pattern,
        )

    def _update_missing(self) -> None:
        # Consultations are recorded on the account (アカウント → 協議…), not in this form.
        lines = [f"• {m}" for m in missing_items(self.facts())]
        if self.detail is not None:
            lines += [f"• {m}" for m in self.detail.info.consultation_missing]
        if lines:
            self.missing.setText("\n".join(lines))
            self.missing.setStyleSheet("color: #a33;")
        else:
            self.missing.setText(tr("Nothing: the policy is complete and can be filed."))
            self.missing.setStyleSheet("color: #2a6;")
