"""設定: organization profile and account rules, staff and roles, and this user's preferences."""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from core.errors import InvalidInput, KohoGateError
from core.organization.profile import OrganizationProfile
from core.organization.roles import Role, roles_label
from core.runtime import user_settings
from core.services.organization import (
    MAX_ACCOUNT_ID_PATTERN_LENGTH,
    MAX_ROTATION_DAYS,
    MIN_ROTATION_DAYS,
    AccountRules,
    OrganizationService,
    ProfileUpdate,
    accounts_outside_rule,
    department_choices,
    document_prefix,
    load_account_rules,
    load_profile,
    try_account_id,
)
from core.services.staff import StaffInfo, StaffService, list_staff
from gui import messages
from gui.changes import Changes, announce
from gui.i18n import translator
from gui.models.rows import Column, RowsModel
from gui.operations import Operation
from gui.screens.base import Screen
from gui.session import AppSession
from gui.widgets import palette
from gui.widgets.plain import plain
from gui.widgets.table_view import make_table, selected_row

tr = translator("SettingsScreen")

# Who may decide, who is named on which account: a staff change reaches the queue and the accounts.
STAFF_CHANGES = Changes(settings=True, accounts=True, queue=True)


def _lines(edit: QPlainTextEdit) -> list[str]:
    return [line.strip() for line in edit.toPlainText().splitlines() if line.strip()]


class StaffDialog(QDialog):
    """Add a member of staff, or change an existing one's roles and department.

    OK saves through :class:`StaffService` and closes only when that worked: a
    refusal (no role, a login already registered, the last administrator) is
    shown in the dialog and everything typed stays there to be corrected.
    """

    def __init__(
        self,
        session: AppSession,
        staff: StaffInfo | None,
        departments: Sequence[tuple[int, str]],
        parent: QWidget | None = None,
    ) -> None:
        """``departments`` is read beforehand, off the UI thread (``department_choices``)."""
        super().__init__(parent)
        self.session = session
        self.staff = staff
        self.saved_id: int | None = None
        self.saving = False  # a save on its way (off the UI thread): OK does nothing more
        self.setWindowTitle(tr("Add staff") if staff is None else tr("Edit staff"))
        self.name = QLineEdit()
        self.name.setAccessibleName(tr("Name"))
        self.login = QLineEdit()
        self.login.setAccessibleName(tr("OS login"))
        self.department = QComboBox()
        self.department.setAccessibleName(tr("Department"))
        for department_id, name in departments:
            self.department.addItem(name, department_id)
        self.department.addItem(tr("(No department)"), None)
        self.roles = {role: QCheckBox(role.label) for role in Role}
        self.problem = plain(QLabel())
        self.problem.setObjectName("staffProblem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet(f"color: {palette.BLOCK}")
        self.problem.hide()
        if staff is not None:
            # The login identifies the person; the name can be corrected (recorded; past records keep the old one).
            self.name.setText(staff.display_name)
            self.name.setToolTip(
                tr("Correct a misspelt name here. The record notes the correction; earlier records keep the old name.")
            )
            self.login.setText(staff.login)
            # Read like text, yet can still be selected, copied and read out.
            self.login.setReadOnly(True)
            self.login.setFrame(False)
            self.login.setStyleSheet("QLineEdit { background: transparent; }")
            self.department.setCurrentIndex(self.department.findData(staff.department_id))
            for role, box in self.roles.items():
                box.setChecked(role in staff.roles)
        form = QFormLayout(self)
        for caption, widget in ((tr("&Name:"), self.name), (tr("OS &login:"), self.login)):
            label = QLabel(caption)
            label.setBuddy(widget)
            form.addRow(label, widget)
        department_label = QLabel(tr("&Department:"))
        department_label.setBuddy(self.department)
        form.addRow(department_label, self.department)
        roles = QHBoxLayout()
        for box in self.roles.values():
            roles.addWidget(box)
        roles.addStretch(1)
        roles_label = QLabel(tr("&Roles:"))
        roles_label.setBuddy(self.roles[Role.OPERATOR])
        form.addRow(roles_label, roles)
        form.addRow(self.problem)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)
        order = [self.name, self.login, self.department, *self.roles.values(), self.buttons]
        for before, after in pairwise(order):
            QWidget.setTabOrder(before, after)
        for edit in (self.name, self.login):
            edit.textEdited.connect(self._clear_problem)
        self.department.currentIndexChanged.connect(self._clear_problem)
        for box in self.roles.values():
            box.toggled.connect(self._clear_problem)
        (self.department if staff is not None else self.name).setFocus()
        self.setMinimumWidth(480)

    def _clear_problem(self) -> None:
        """Once something is changed the old refusal no longer applies; OK checks again."""
        if self.problem.isVisible() or self.problem.text():
            self.problem.clear()
            self.problem.hide()
            for widget in (self.name, self.login, self.department, *self.roles.values()):
                widget.setAccessibleDescription("")

    def selected_roles(self) -> list[Role]:
        return [role for role, box in self.roles.items() if box.isChecked()]

    def accept(self) -> None:
        """Save off the UI thread; the dialog closes on success, a refusal is shown next to the fields."""
        if self.saving:
            return
        service = self.session.service(StaffService)
        department, roles, staff = self.department.currentData(), self.selected_roles(), self.staff
        name, login = self.name.text(), self.login.text()

        def save() -> int:
            if staff is None:
                return service.create(name, login, department, roles)
            service.update(staff.id, roles=roles, department_id=department, display_name=name)
            return staff.id

        def saved(staff_id: int) -> None:
            self.saved_id = staff_id
            super(StaffDialog, self).accept()

        def finished() -> None:
            self.saving = False

        def refused(known: KohoGateError) -> None:
            self.show_problem(known.message, known.hint)

        self.saving = True
        Operation(self, save).finished(finished).failure(refused).success(saved).run()

    def show_problem(self, message: str, hint: str | None = None) -> None:
        """Show why OK did nothing, next to the fields, and put the cursor where the fix goes."""
        text = f"{message}\n{hint}" if hint else message
        self.problem.setText(text)
        self.problem.show()
        if not self.selected_roles():
            target: QWidget = self.roles[Role.OPERATOR]
        elif self.staff is None and not self.name.text().strip():
            target = self.name
        elif self.staff is None:
            target = self.login
        else:
            target = self.department
        # A screen reader announces the problem with the field that takes the focus.
        target.setAccessibleDescription(text)
        target.setFocus(Qt.FocusReason.OtherFocusReason)
        # Grow to show the whole message rather than cutting it off.
        layout = self.layout()
        if layout is not None:
            layout.activate()
        self.resize(self.width(), max(self.height(), self.sizeHint().height()))


class SettingsScreen(Screen):
    def __init__(self, session: AppSession, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self._profile_loaded: tuple[object, ...] | None = None
        self.saving_profile = False  # a profile save is on its way (off the UI thread)
        self._staff_wanted: int | None = None
        self.tabs = QTabWidget()
        from gui.screens.settings.checks_tab import ChecksTab

        self.checks = ChecksTab(session)
        self.checks.show_organization.connect(lambda: self.tabs.setCurrentIndex(0))
        self.tabs.addTab(self._build_profile(), tr("Organization"))
        # Scrolls rather than pushing the window past a 1366×768 screen (its lists stand one above the other).
        checks_page = QScrollArea()
        checks_page.setWidgetResizable(True)
        checks_page.setFrameShape(QFrame.Shape.NoFrame)
        checks_page.setWidget(self.checks)
        self.tabs.addTab(checks_page, tr("Checks"))
        from gui.screens.settings.approval_tab import ApprovalTab

        self.approval = ApprovalTab(session)
        self.tabs.addTab(self.approval, tr("Approval"))
        from gui.screens.settings.lifecycle_tab import LifecycleTab

        self.lifecycle = LifecycleTab(session)
        self.tabs.addTab(self.lifecycle, tr("Account life"))
        self.staff_tab = self._build_staff()
        self.tabs.addTab(self.staff_tab, tr("Staff"))
        # After 職員, before 個人設定 (which stays last): the other tabs keep their places.
        from gui.screens.settings.mail_tab import MailTab

        self.mail = MailTab(session)
        mail_page = QScrollArea()
        mail_page.setWidgetResizable(True)
        mail_page.setFrameShape(QFrame.Shape.NoFrame)
        mail_page.setWidget(self.mail)
        self.tabs.addTab(mail_page, tr("Mail"))
        from gui.screens.settings.templates_tab import TemplatesTab

        # After the staff, before this person's preferences (which stay last).
        self.templates = TemplatesTab(session)
        self.tabs.addTab(self.templates, tr("Templates"))
        self.tabs.addTab(self._build_preferences(), tr("Preferences"))
        for tab in (self.checks, self.approval, self.lifecycle, self.mail, self.templates):
            self.watch(tab.reads)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        self.on_actor_changed()

    def show_tab(self, tab: QWidget) -> None:
        self.tabs.setCurrentWidget(tab)

    # -- organization profile --
    def _build_profile(self) -> QWidget:
        self.org_name = QLineEdit()
        self.org_name.setAccessibleName(tr("Organization name"))
        self.domains = QPlainTextEdit()
        self.domains.setAccessibleName(tr("Own domains"))
        self.phones = QPlainTextEdit()
        self.phones.setAccessibleName(tr("Published phone numbers"))
        self.emails = QPlainTextEdit()
        self.emails.setAccessibleName(tr("Published e-mail addresses"))
        self.addresses = QPlainTextEdit()
        self.addresses.setAccessibleName(tr("Published postal addresses"))
        self.doc_prefix = QLineEdit()
        self.doc_prefix.setAccessibleName(tr("Document number prefix"))
        self.doc_prefix.setPlaceholderText(tr("e.g. 見本広"))
        self.doc_prefix.setMaxLength(50)
        self.doc_prefix.setToolTip(
            tr(
                "Printed before the number on every approval record (見本広第12号). Numbers restart each "
                "fiscal year; a number once given never changes."
            )
        )
        for edit in (self.domains, self.phones, self.emails, self.addresses):
            edit.setTabChangesFocus(True)
            edit.setMaximumHeight(80)
        self.save_profile_button = QPushButton(tr("&Save profile"))
        content = QWidget()
        outer = QVBoxLayout(content)
        note = QLabel(
            tr(
                "One entry per line. Links to own domains and their subdomains are not "
                "third-party links; published contacts are not personal data."
            )
        )
        note.setWordWrap(True)
        outer.addWidget(note)
        form = QFormLayout()
        outer.addLayout(form)
        form.addRow(tr("Organization &name:"), self.org_name)
        form.addRow(tr("Own &domains:"), self.domains)
        form.addRow(tr("Published &phone numbers:"), self.phones)
        form.addRow(tr("Published &e-mail addresses:"), self.emails)
        form.addRow(tr("Published postal &addresses:"), self.addresses)
        form.addRow(tr("Document n&umber prefix (文書番号):"), self.doc_prefix)
        outer.addWidget(self._build_check_lists())
        outer.addWidget(self._build_account_rules())
        outer.addWidget(self.save_profile_button)
        outer.addStretch(1)
        self.save_profile_button.clicked.connect(self._save_profile)
        # Scrolls rather than squeezing the fields with a large font or a small screen.
        scroll = QScrollArea()
        scroll.setWidget(content)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        return scroll

    def _build_check_lists(self) -> QGroupBox:
        """What the guideline checks accept besides the own contacts (issue 19)."""
        box = QGroupBox(tr("What the checks accept"))
        self.partner_contacts = QPlainTextEdit()
        self.partner_contacts.setAccessibleName(tr("Other bodies' public contacts"))
        self.partner_contacts.setPlaceholderText(tr("e.g. Asaka police station 048-464-0110"))
        self.own_channels = QPlainTextEdit()
        self.own_channels.setAccessibleName(tr("Own accounts on other platforms"))
        self.own_channels.setPlaceholderText("https://www.youtube.com/@…")
        self.place_names = QPlainTextEdit()
        self.place_names.setAccessibleName(tr("Place names"))
        self.officials = QPlainTextEdit()
        self.officials.setAccessibleName(tr("Officials"))
        self.officials.setPlaceholderText(tr("e.g. Mayor Taro Yamada"))
        note = QLabel(
            tr(
                "Numbers and addresses of police, fire, hospitals and partner bodies are not personal data; "
                "links to the organization's own accounts are not third-party links; place names and "
                "officials in their public role are not personal names."
            )
        )
        note.setWordWrap(True)
        form = QFormLayout(box)
        form.addRow(note)
        form.addRow(tr("Other bodies' public &contacts:"), self.partner_contacts)
        form.addRow(tr("Own accounts on other p&latforms:"), self.own_channels)
        form.addRow(tr("Place na&mes:"), self.place_names)
        form.addRow(tr("&Officials:"), self.officials)
        for edit in self._check_list_edits():
            edit.setTabChangesFocus(True)
            edit.setMaximumHeight(80)
        return box

    def _check_list_edits(self) -> tuple[QPlainTextEdit, ...]:
        return (self.partner_contacts, self.own_channels, self.place_names, self.officials)

    def _build_account_rules(self) -> QGroupBox:
        self._saved_pattern: str | None = None
        self._shown_days = 0
        self.id_pattern = QLineEdit()
        self.id_pattern.setAccessibleName(tr("Account ID rule"))
        self.id_pattern.setMaxLength(MAX_ACCOUNT_ID_PATTERN_LENGTH)
        self.id_pattern.setPlaceholderText(tr("No rule"))
        self.sample_id = QLineEdit()
        self.sample_id.setAccessibleName(tr("Example account ID"))
        self.sample_id.setPlaceholderText("@josokoiki.koho")
        self.sample_result = plain(QLabel())
        self.sample_result.setWordWrap(True)
        self.rotation_days = QSpinBox()
        self.rotation_days.setRange(MIN_ROTATION_DAYS, MAX_ROTATION_DAYS)
        self.rotation_days.setSuffix(tr(" days"))
        self.rotation_days.setAccessibleName(tr("Password change interval"))
        pattern_help = QLabel(
            tr(
                "A regular expression the whole account ID must match, e.g. @josokoiki\\.[a-z]+ for "
                "@josokoiki.koho. Leave it empty for no rule. An account whose ID breaks the rule cannot "
                "be used for drafts until the ID is corrected."
            )
        )
        pattern_help.setWordWrap(True)
        rotation_help = QLabel(
            tr(
                "Platform passwords are changed at this interval (joso:6(1)); the Accounts screen reminds "
                "you before the date."
            )
        )
        rotation_help.setWordWrap(True)
        group = QGroupBox(tr("Official account rules"))
        box = QVBoxLayout(group)
        # Full width above the fields: a wrapped label inside a form row gets a height for a
        # narrower width than it is shown at, leaving gaps.
        box.addWidget(pattern_help)
        form = QFormLayout()
        box.addLayout(form)
        pattern_label = QLabel(tr("Account &ID rule:"))
        pattern_label.setBuddy(self.id_pattern)
        form.addRow(pattern_label, self.id_pattern)
        sample_label = QLabel(tr("E&xample ID:"))
        sample_label.setBuddy(self.sample_id)
        sample_row = QHBoxLayout()
        sample_row.addWidget(self.sample_id, 1)
        sample_row.addWidget(self.sample_result, 2)
        form.addRow(sample_label, sample_row)
        rotation_label = QLabel(tr("Password change in&terval:"))
        rotation_label.setBuddy(self.rotation_days)
        rotation_row = QHBoxLayout()
        rotation_row.addWidget(self.rotation_days)
        rotation_row.addWidget(rotation_help, 1)
        form.addRow(rotation_label, rotation_row)
        self.id_pattern.textChanged.connect(self._update_sample)
        self.sample_id.textChanged.connect(self._update_sample)
        self._update_sample()
        return group

    def _update_sample(self) -> None:
        verdict = try_account_id(self.id_pattern.text(), self.sample_id.text())
        if verdict.matches is None:
            mark, colour = "", palette.MUTED
        else:
            mark, colour = ("✓ ", palette.DONE) if verdict.matches else ("✗ ", palette.BLOCK)
        self.sample_result.setText(mark + verdict.message)
        self.sample_result.setStyleSheet(f"color: {colour}")
        # A screen reader announces the verdict with the field being typed in, not only on the label.
        self.sample_id.setAccessibleDescription(verdict.message)

    def _save_profile(self) -> None:
        pattern, days = self.id_pattern.text(), self.rotation_days.value()
        rule_changed = pattern.strip() != (self._saved_pattern or "")
        # The fields as they are at the click: what is saved, even if a question is asked first.
        update = ProfileUpdate(
            name=self.org_name.text(),
            own_domains=_lines(self.domains),
            public_phones=_lines(self.phones),
            public_emails=_lines(self.emails),
            postal_addresses=_lines(self.addresses),
            partner_contacts=_lines(self.partner_contacts),
            own_channels=_lines(self.own_channels),
            place_names=_lines(self.place_names),
            officials=_lines(self.officials),
            # Untouched rules are left alone, so saving the profile neither rewrites an interval the
            # spin box had to clamp nor fails on a rule stored by an older version.
            account_id_pattern=pattern if rule_changed else None,
            rotation_interval_days=None if days == self._shown_days else days,
            document_prefix=self.doc_prefix.text(),
        )
        self.saving_profile = True
        if not rule_changed:
            self._store_profile(update)
            return
        store = self.session.store

        def outside() -> list[str]:
            try:
                return accounts_outside_rule(store, pattern)
            except InvalidInput:
                return []  # saving refuses it with the full message

        def finished() -> None:
            self.saving_profile = False

        def asked(handles: list[str]) -> None:
            if self._confirm_rule(handles):
                self.saving_profile = True
                self._store_profile(update)

        # The accounts the new rule leaves out are read off the UI thread, then the question is asked.
        Operation(self, outside).finished(finished).success(asked).run()

    def _store_profile(self, update: ProfileUpdate) -> None:
        service = self.session.service(OrganizationService)

        def saved(_result: object) -> None:
            # The stored values are shown again; on a refusal the edits stay to be corrected.
            self._profile_loaded = None
            self.refresh()

        def finished() -> None:
            self.saving_profile = False

        Operation(self, lambda: service.update_profile(update)).changes(Changes(settings=True, accounts=True)).finished(
            finished
        ).success(saved).run()

    def _confirm_rule(self, outside: list[str]) -> bool:
        """Ask before a new naming rule takes accounts out of use for drafts."""
        if not outside:
            return True
        return messages.ask(
            self,
            tr("Account ID rule"),
            tr(
                "These accounts do not follow the new rule and cannot be used for drafts until their ID is "
                "corrected:\n{accounts}\n\nSave the rule anyway?"
            ).format(accounts="\n".join(f"• {handle}" for handle in outside)),
            accept=tr("&Save"),
        )

    # -- staff --
    def _build_staff(self) -> QWidget:
        page = QWidget()
        self.staff_model: RowsModel[StaffInfo] = RowsModel(
            [
                Column(tr("Name"), lambda s: s.display_name),
                Column(tr("OS login"), lambda s: s.login),
                Column(tr("Department"), lambda s: s.department),
                Column(tr("Roles"), lambda s: roles_label(s.roles)),
                Column(tr("Active"), lambda s: s.active),
            ]
        )
        self.staff_table = make_table(self.staff_model, tr("Staff"), page, stretch_column=3)
        self.add_staff_button = QPushButton(tr("&Add staff…"))
        self.edit_staff_button = QPushButton(tr("&Edit…"))
        self.edit_staff_button.setToolTip(
            tr("Change the selected person's roles and department (Enter or double-click).")
        )
        self.deactivate_button = QPushButton(tr("&Deactivate"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_staff_button)
        buttons.addWidget(self.edit_staff_button)
        buttons.addWidget(self.deactivate_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(page)
        layout.addWidget(self.staff_table, 1)
        layout.addLayout(buttons)
        for before, after in pairwise(
            [self.staff_table, self.add_staff_button, self.edit_staff_button, self.deactivate_button]
        ):
            QWidget.setTabOrder(before, after)
        self.add_staff_button.clicked.connect(self._add_staff)
        self.edit_staff_button.clicked.connect(self._edit_staff)
        self.deactivate_button.clicked.connect(self._deactivate)
        self.staff_table.activated.connect(self._staff_activated)
        self.staff_table.selectionModel().selectionChanged.connect(lambda *_: self._update_staff_actions())
        return page

    def selected_staff(self) -> StaffInfo | None:
        row = selected_row(self.staff_table)
        return self.staff_model.row(row) if row is not None else None

    def _update_staff_actions(self) -> None:
        admin = self.session.has(Role.ADMINISTRATOR)
        staff = self.selected_staff()
        self.add_staff_button.setEnabled(admin)
        self.edit_staff_button.setEnabled(admin and staff is not None)
        self.deactivate_button.setEnabled(admin and staff is not None)
        reactivate = staff is not None and not staff.active
        self.deactivate_button.setText(tr("&Reactivate") if reactivate else tr("&Deactivate"))

    def _add_staff(self) -> None:
        store = self.session.store
        Operation(self, lambda: department_choices(store)).success(self._add_staff_with).run()

    def _add_staff_with(self, departments: Sequence[tuple[int, str]]) -> None:
        dialog = StaffDialog(self.session, None, departments, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self._staff_wanted = dialog.saved_id  # chosen when the list read for the change is in
            announce(STAFF_CHANGES)

    def _staff_activated(self, index: QModelIndex) -> None:
        self.staff_table.selectRow(index.row())
        if self.edit_staff_button.isEnabled():
            self._edit_staff()

    def _edit_staff(self) -> None:
        staff = self.selected_staff()
        if staff is None or not self.session.has(Role.ADMINISTRATOR):
            return
        store, current = self.session.store, staff.department_id

        def edit(departments: Sequence[tuple[int, str]]) -> None:
            dialog = StaffDialog(self.session, staff, departments, self)
            if dialog.exec() == QDialog.DialogCode.Accepted:
                announce(STAFF_CHANGES)

        Operation(self, lambda: department_choices(store, keeping=current)).success(edit).run()

    def _select_staff(self, staff_id: int | None) -> None:
        for row in range(self.staff_model.rowCount()):
            if self.staff_model.row(row).id == staff_id:
                self.staff_table.selectRow(row)
                return

    def _deactivate(self) -> None:
        staff = self.selected_staff()
        if staff is None:
            return
        if staff.active and not messages.ask(
            self,
            tr("Deactivate"),
            tr(
                "Deactivate {name} ({login})? They can no longer use KohoGate, and the password of every "
                "account they are named on must be changed. They can be reactivated later."
            ).format(name=staff.display_name, login=staff.login),
            accept=tr("&Deactivate"),
        ):
            return
        service = self.session.service(StaffService)
        Operation(self, lambda: service.set_active(staff.id, not staff.active)).changes(STAFF_CHANGES).run()

    # -- preferences --
    def _build_preferences(self) -> QWidget:
        page = QWidget()
        self.language = QComboBox()
        self.language.setAccessibleName(tr("Language"))
        self.language.addItem(tr("Follow the system (Japanese unless the system is set otherwise)"), None)
        self.language.addItem("日本語", "ja")
        self.language.addItem("English", "en")
        current = user_settings.load(self.session.env.paths.config).language
        self.language.setCurrentIndex(max(self.language.findData(current), 0))
        self.language_note = QLabel(tr("The language changes the next time KohoGate starts."))
        group = QGroupBox(tr("Display"))
        form = QFormLayout(group)
        form.addRow(tr("&Language:"), self.language)
        form.addRow(self.language_note)
        from gui.screens.settings.managed import ManagedSettings

        self.managed = ManagedSettings()
        self.managed.lock_language(self.language, self.language_note)
        layout = QVBoxLayout(page)
        layout.addWidget(group)
        layout.addWidget(self.managed)
        layout.addStretch(1)
        self.language.currentIndexChanged.connect(self._save_language)
        return page

    def _save_language(self) -> None:
        config = self.session.env.paths.config
        settings = user_settings.load(config)
        settings.language = self.language.currentData()
        user_settings.save(config, settings)

    def _profile_form(self) -> tuple[object, ...]:
        return (
            self.org_name.text(),
            self.domains.toPlainText(),
            self.phones.toPlainText(),
            self.emails.toPlainText(),
            self.addresses.toPlainText(),
            *(edit.toPlainText() for edit in self._check_list_edits()),
            self.id_pattern.text(),
            self.rotation_days.value(),
            self.doc_prefix.text(),
        )

    @property
    def profile_dirty(self) -> bool:
        return self._profile_loaded is not None and self._profile_form() != self._profile_loaded

    def unsaved_changes(self) -> list[str]:
        """Names of the tabs holding edits that are not saved (asked about before closing)."""
        names = []
        if self.profile_dirty:
            names.append(tr("Organization"))
        if self.checks.dirty:
            names.append(tr("Checks"))
        if self.approval.policy_dirty:
            names.append(tr("Approval"))
        if self.lifecycle.dirty:
            names.append(tr("Account life"))
        if self.mail.dirty:
            names.append(tr("Mail"))
        if self.templates.dirty:
            names.append(tr("Templates"))
        return names

    def concerned_by(self, changes: Changes) -> bool:
        return changes.settings or changes.accounts

    def refresh(self) -> None:
        store = self.session.store
        self.read(
            lambda: (load_profile(store), document_prefix(store), load_account_rules(store), list_staff(store)),
            self._show,
        )
        if not self.checks.dirty:
            self.checks.load(keep_edits=True)
        self.approval.load()
        self.lifecycle.load()
        self.mail.load()
        self.templates.load()

    def _show(self, read: tuple[OrganizationProfile, str, AccountRules, list[StaffInfo]]) -> None:
        profile, prefix, rules, staff = read
        # Every change anywhere (another desk's autosave included) refreshes this screen: a form
        # being edited (judged when the answer is in, not when asked) is left as it is rather than reset.
        if not self.profile_dirty:
            self.org_name.setText(profile.name)
            self.domains.setPlainText("\n".join(profile.own_domains))
            self.phones.setPlainText("\n".join(profile.public_phones))
            self.emails.setPlainText("\n".join(profile.public_emails))
            self.addresses.setPlainText("\n".join(profile.postal_addresses))
            self.partner_contacts.setPlainText("\n".join(profile.partner_contacts))
            self.own_channels.setPlainText("\n".join(profile.own_channels))
            self.place_names.setPlainText("\n".join(profile.place_names))
            self.officials.setPlainText("\n".join(profile.officials))
            self.doc_prefix.setText(prefix)
            self._saved_pattern = rules.account_id_pattern
            self.id_pattern.setText(rules.account_id_pattern or "")
            self.rotation_days.setValue(rules.rotation_interval_days)
            self._shown_days = self.rotation_days.value()
            self._profile_loaded = self._profile_form()
        self.staff_model.set_rows(staff)
        if self._staff_wanted is not None:
            self._select_staff(self._staff_wanted)
            self._staff_wanted = None
        self._update_staff_actions()

    def on_actor_changed(self) -> None:
        admin = self.session.has(Role.ADMINISTRATOR)
        for widget in (
            self.org_name,
            self.domains,
            self.phones,
            self.emails,
            self.addresses,
            self.id_pattern,
            self.doc_prefix,
        ):
            widget.setReadOnly(not admin)
        for edit in self._check_list_edits():
            edit.setReadOnly(not admin)
        self.rotation_days.setReadOnly(not admin)
        self.save_profile_button.setEnabled(admin)
        self._update_staff_actions()
        self.checks.load()
