"""First run on an empty database: the organization and its first administrator."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
    QWizard,
    QWizardPage,
)

from core.credentials.vault import Vault
from core.errors import KeyringUnavailable, KohoGateError
from core.services.setup import OrganizationSetup, initialize
from core.signoff.keys import Signer
from gui import messages
from gui.i18n import translator
from gui.operations import Operation
from gui.widgets.plain import plain

if TYPE_CHECKING:
    from core.storage.engine import Store

tr = translator("SetupWizard")


def _lines(edit: QPlainTextEdit) -> tuple[str, ...]:
    return tuple(line.strip() for line in edit.toPlainText().splitlines() if line.strip())


class SetupWizard(QWizard):
    def __init__(self, store: Store, login: str, terminal: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("setupWizard")
        self.store = store
        self.login = login
        self.terminal = terminal
        self.admin_id: int | None = None
        self.saving = False  # the set-up on its way (off the UI thread): Finish does nothing more
        self.setWindowTitle(tr("KohoGate set-up"))

        org = QWizardPage()
        org.setTitle(tr("Your organization"))
        org.setSubTitle(tr("This database is new. Describe the organization whose accounts it manages."))
        self.org_name = QLineEdit()
        self.org_name.setAccessibleName(tr("Organization name"))
        self.domains = QPlainTextEdit()
        self.domains.setAccessibleName(tr("Own domains"))
        self.domains.setPlaceholderText("city.example.lg.jp")
        self.phones = QPlainTextEdit()
        self.phones.setAccessibleName(tr("Published phone numbers"))
        self.emails = QPlainTextEdit()
        self.emails.setAccessibleName(tr("Published e-mail addresses"))
        # The organization's own address is published information, not personal data (pii.postal_address).
        self.addresses = QPlainTextEdit()
        self.addresses.setAccessibleName(tr("Published postal addresses"))
        self.addresses.setPlaceholderText(tr("e.g. 〒351-0192 見本市広沢1-5"))
        for edit in (self.domains, self.phones, self.emails, self.addresses):
            edit.setTabChangesFocus(True)
            edit.setMaximumHeight(70)
        form = QFormLayout(org)
        form.addRow(tr("Organization &name:"), self.org_name)
        form.addRow(tr("Own &domains (one per line):"), self.domains)
        form.addRow(tr("Published &phone numbers:"), self.phones)
        form.addRow(tr("Published &e-mail addresses:"), self.emails)
        form.addRow(tr("Published postal &addresses:"), self.addresses)
        org.registerField("org_name*", self.org_name)
        self.addPage(org)

        admin = QWizardPage()
        admin.setTitle(tr("First administrator"))
        admin.setSubTitle(tr("You become the first administrator. You can add staff and roles afterwards."))
        self.admin_name = QLineEdit()
        self.admin_name.setAccessibleName(tr("Your name"))
        self.department = QLineEdit()
        self.department.setAccessibleName(tr("Your department"))
        form2 = QFormLayout(admin)
        form2.addRow(tr("Your &name:"), self.admin_name)
        form2.addRow(tr("Your &department:"), self.department)
        form2.addRow(tr("OS login:"), plain(QLabel(login)))
        admin.registerField("admin_name*", self.admin_name)
        admin.registerField("department*", self.department)
        self.addPage(admin)

    def accept(self) -> None:
        setup = OrganizationSetup(
            name=self.org_name.text(),
            admin_display_name=self.admin_name.text(),
            admin_department=self.department.text(),
            own_domains=_lines(self.domains),
            public_phones=_lines(self.phones),
            public_emails=_lines(self.emails),
            postal_addresses=_lines(self.addresses),
        )
        if self.saving:
            return
        store, login, terminal = self.store, self.login, self.terminal

        def set_up() -> int:
            signer, vault = _first_administrator_key(login)
            return initialize(store, setup, login=login, terminal=terminal, signer=signer, vault=vault)

        def done(admin_id: int) -> None:
            self.admin_id = admin_id
            super(SetupWizard, self).accept()

        def refused(exc: KohoGateError) -> None:
            messages.warning(self, tr("KohoGate set-up"), str(exc))

        def finished() -> None:
            self.saving = False

        # Off the UI thread: the keyring may ask for a password, the database may be a server far away.
        self.saving = True
        Operation(self, set_up).finished(finished).failure(refused).success(done).run()


def _first_administrator_key(login: str) -> tuple[Signer | None, Vault | None]:
    """A new personal key in this terminal's keyring: the organization's root of trust, pinned here.

    Without an OS keyring the set-up still completes; this terminal then has
    no pinned key and refuses to publish until an administrator endorses it.
    """
    from core.credentials.vault import open_vault
    from core.organization.identity import normalize_login
    from core.signoff.keys import KeyringSigner, create_personal_key

    login = normalize_login(login)  # the name the session later signs under
    try:
        vault = open_vault()
        create_personal_key(vault, login)
    except KeyringUnavailable:
        return None, None
    return KeyringSigner(vault, login), vault
