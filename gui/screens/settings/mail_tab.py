"""設定 → メール: the city's SMTP server, this terminal's mail password, a test mail, who is told how.

The password field writes to this terminal's OS keyring (never the database)
and is cleared at once; the test mail and every save run as Operations, off
the UI thread. Administrators edit everything; everyone else sees their own
address and mode only, and may change those.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from core.errors import KohoGateError
from core.notify.kinds import MailMode
from core.notify.settings import MailSettings, Security
from core.notify.smtp import MailFailure
from core.organization.roles import Role
from core.services.notifications import (
    NotificationService,
    OutboxSummary,
    StaffMail,
    load_settings,
    outbox_summary,
    send_test,
    staff_mail,
)
from gui.changes import Changes
from gui.i18n import translator
from gui.operations import LatestRead, Operation
from gui.session import AppSession
from gui.widgets.plain import plain

tr = translator("MailTab")


class MailTab(QWidget):
    def __init__(self, session: AppSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.reads = LatestRead(self)  # the settings screen counts it among its own reads
        self.session = session
        self._loaded: tuple[object, ...] | None = None
        self._people: list[StaffMail] = []
        note = QLabel(
            tr(
                "Mail goes out in Japanese, without links (LGWAN gateways often remove them) and never with a "
                "post's images. Supervisors are told when a submission waits, operators when their draft is "
                "returned, approved or failed, administrators of overdue reviews, 要確認 and incidents. "
                "The password stays in this terminal's OS keyring: store it on each terminal that sends mail."
            )
        )
        note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self._build_server())
        layout.addWidget(self._build_people(), 1)

        self.security.currentIndexChanged.connect(self._security_changed)
        self.browse_button.clicked.connect(self._browse)
        self.save_button.clicked.connect(self._save)
        self.password_button.clicked.connect(self._store_password)
        self.test_button.clicked.connect(self._send_test)
        self.people_button.clicked.connect(self._save_people)

    def _build_server(self) -> QGroupBox:
        self.host = QLineEdit()
        self.host.setPlaceholderText("mail.city.example.lg.jp")
        self.port = QSpinBox()
        self.port.setRange(1, 65535)
        self.port.setValue(Security.STARTTLS.default_port)
        self.security = QComboBox()
        for choice in Security:
            self.security.addItem(choice.label, choice.value)
        self.sender_edit = QLineEdit()
        self.sender_edit.setPlaceholderText("kohogate@city.example.lg.jp")
        self.username = QLineEdit()
        self.ca_file = QLineEdit()
        self.ca_file.setPlaceholderText(tr("empty: only the CAs this computer trusts"))
        self.browse_button = QPushButton(tr("Bro&wse…"))
        self.digest_hour = QSpinBox()
        self.digest_hour.setRange(0, 23)
        self.digest_hour.setSuffix(tr(":00"))
        self.digest_hour.setValue(8)
        self.save_button = QPushButton(tr("Save mail &server"))
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setAccessibleName(tr("Mail password"))
        self.password_button = QPushButton(tr("Store &password on this terminal"))
        self.test_to = QLineEdit()
        self.test_to.setPlaceholderText("it@city.example.lg.jp")
        self.test_button = QPushButton(tr("Send &test mail"))
        self.result = plain(QLabel(""))
        self.result.setWordWrap(True)
        self.outbox = plain(QLabel(""))

        ca_row = QHBoxLayout()
        ca_row.addWidget(self.ca_file, 1)
        ca_row.addWidget(self.browse_button)
        server = QFormLayout()
        server.addRow(self._label(tr("&Mail server:"), self.host), self.host)
        server.addRow(self._label(tr("P&ort:"), self.port), self.port)
        server.addRow(self._label(tr("Securit&y:"), self.security), self.security)
        server.addRow(self._label(tr("Send&er:"), self.sender_edit), self.sender_edit)
        server.addRow(self._label(tr("&User name:"), self.username), self.username)
        server.addRow(self._label(tr("&City CA file:"), self.ca_file), ca_row)
        server.addRow(self._label(tr("Di&gest at:"), self.digest_hour), self.digest_hour)
        save_row = QHBoxLayout()
        save_row.addWidget(self.save_button)
        save_row.addStretch(1)
        server.addRow("", save_row)
        password_row = QHBoxLayout()
        password_row.addWidget(self.password, 1)
        password_row.addWidget(self.password_button)
        server.addRow(self._label(tr("Passwor&d:"), self.password), password_row)
        test_row = QHBoxLayout()
        test_row.addWidget(self.test_to, 1)
        test_row.addWidget(self.test_button)
        server.addRow(self._label(tr("Test add&ress:"), self.test_to), test_row)
        server.addRow("", self.result)
        server.addRow(tr("Outbox:"), self.outbox)
        server_box = QGroupBox(tr("The city's mail server"))
        server_box.setLayout(server)
        return server_box

    def _build_people(self) -> QGroupBox:
        self.people = QTableWidget(0, 3)
        self.people.setHorizontalHeaderLabels([tr("Name"), tr("E-mail address"), tr("How to tell")])
        self.people.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.people.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.people.verticalHeader().setVisible(False)
        self.people.setTabKeyNavigation(False)
        self.people.setAccessibleName(tr("Notifications for each person"))
        self.people.setMinimumHeight(120)
        self.people_button = QPushButton(tr("Save notif&ications"))
        people_box = QGroupBox(tr("Who is told how"))
        people_layout = QVBoxLayout(people_box)
        people_layout.addWidget(self.people, 1)
        people_layout.addWidget(self.people_button, 0, Qt.AlignmentFlag.AlignLeft)
        return people_box

    @staticmethod
    def _label(text: str, buddy: QWidget) -> QLabel:
        label = QLabel(text)
        label.setBuddy(buddy)
        return label

    # -- the server --
    def _form(self) -> tuple[object, ...]:
        return (
            self.host.text().strip(),
            self.port.value(),
            self.security.currentData(),
            self.sender_edit.text().strip(),
            self.username.text().strip(),
            self.ca_file.text().strip(),
            self.digest_hour.value(),
        )

    @property
    def dirty(self) -> bool:
        return self._loaded is not None and self._form() != self._loaded

    def load(self) -> None:
        """Read the server settings, the outbox and who is told how, off the UI thread."""
        store = self.session.store
        self.reads.run(lambda: (load_settings(store), outbox_summary(store), staff_mail(store)), self._show)

    def _show(self, read: tuple[MailSettings | None, OutboxSummary, list[StaffMail]]) -> None:
        settings, summary, everyone = read
        if not self.dirty:
            if settings is not None:
                self.host.setText(settings.host)
                self.security.setCurrentIndex(max(0, self.security.findData(settings.security.value)))
                self.port.setValue(settings.port)
                self.sender_edit.setText(settings.sender)
                self.username.setText(settings.username)
                self.ca_file.setText(settings.ca_file)
                self.digest_hour.setValue(settings.digest_hour)
            self._loaded = self._form()
        text = tr("{pending} waiting, {sent} sent, {failed} refused").format(
            pending=summary.pending, sent=summary.sent, failed=summary.failed
        )
        if summary.last_error_kind is not None:
            text += " — " + tr("last problem: {reason}").format(reason=summary.last_error_kind.label)
        self.outbox.setText(text)
        self._show_people(everyone)
        admin = self.session.has(Role.ADMINISTRATOR)
        for edit in (self.host, self.sender_edit, self.username, self.ca_file):
            edit.setReadOnly(not admin)
        for widget in (
            self.port,
            self.security,
            self.digest_hour,
            self.browse_button,
            self.save_button,
            self.password,
            self.password_button,
        ):
            widget.setEnabled(admin)

    def _security_changed(self) -> None:
        chosen = Security(self.security.currentData())
        if self.port.value() in (Security.STARTTLS.default_port, Security.TLS.default_port):
            self.port.setValue(chosen.default_port)

    def _browse(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self, tr("The city's CA certificate"), "", tr("Certificates (*.pem *.crt *.cer)")
        )
        if path:
            self.ca_file.setText(path)

    def _settings(self) -> MailSettings:
        host, port, security, sender, username, ca_file, hour = self._form()
        return MailSettings(
            host=str(host),
            port=int(str(port)),
            security=Security(str(security)),
            sender=str(sender),
            username=str(username),
            ca_file=str(ca_file),
            digest_hour=int(str(hour)),
        )

    def _save(self) -> None:
        settings = self._settings()
        service = self.session.service(NotificationService)

        def saved(_result: object) -> None:
            self._loaded = None
            self.load()
            self.result.setText(tr("Mail server saved."))

        Operation(self, lambda: service.save_settings(settings)).changes(Changes(settings=True)).success(saved).failure(
            self._show_problem
        ).run()

    def _store_password(self) -> None:
        from core.credentials.vault import open_vault

        password = self.password.text()
        self.password.clear()  # not kept in the widget while the keyring is written
        service = self.session.service(NotificationService)
        Operation(self, lambda: service.store_password(open_vault(), password)).changes(Changes(settings=True)).success(
            lambda _r: self.result.setText(tr("Password stored in this terminal's keyring."))
        ).failure(self._show_problem).run()

    def _send_test(self) -> None:
        from core.credentials.vault import open_vault

        to = self.test_to.text().strip()
        store = self.session.store
        self.test_button.setEnabled(False)
        self.result.setText(tr("Sending a test mail to {address}…").format(address=to))
        Operation(self, lambda: send_test(store, open_vault(), to)).success(
            lambda _r: self.result.setText(tr("Test mail sent to {address}.").format(address=to))
        ).failure(self._show_problem).finished(lambda: self.test_button.setEnabled(True)).run()

    def _show_problem(self, known: KohoGateError) -> None:
        if isinstance(known, MailFailure):
            self.result.setText(tr("Not sent: {reason}.").format(reason=known.kind.label))
        else:
            self.result.setText(" ".join(str(known).split()))

    # -- people --
    def _show_people(self, everyone: list[StaffMail]) -> None:
        admin = self.session.has(Role.ADMINISTRATOR)
        self._people = [p for p in everyone if admin or p.staff_id == self.session.actor.staff_id]
        self.people.setRowCount(len(self._people))
        for row, person in enumerate(self._people):
            name = QTableWidgetItem(person.display_name)
            name.setFlags(name.flags() & ~Qt.ItemFlag.ItemIsEditable)
            self.people.setItem(row, 0, name)
            self.people.setItem(row, 1, QTableWidgetItem(person.email))
            mode = QComboBox()
            mode.setAccessibleName(tr("How to tell {name}").format(name=person.display_name))
            for choice in MailMode:
                mode.addItem(choice.label, choice.value)
            mode.setCurrentIndex(max(0, mode.findData(person.mode.value)))
            self.people.setCellWidget(row, 2, mode)
        self.people.resizeColumnToContents(0)

    def _save_people(self) -> None:
        changes: list[tuple[int, str, MailMode]] = []
        for row, person in enumerate(self._people):
            item = self.people.item(row, 1)
            email = item.text().strip() if item is not None else ""
            widget = self.people.cellWidget(row, 2)
            mode = MailMode(widget.currentData()) if isinstance(widget, QComboBox) else person.mode
            if email != person.email or mode is not person.mode:
                changes.append((person.staff_id, email, mode))
        service = self.session.service(NotificationService)

        def save() -> int:
            for staff_id, email, mode in changes:
                service.set_staff_mail(staff_id, email, mode)
            return len(changes)

        Operation(self, save).changes(Changes(settings=True)).success(
            lambda count: self.result.setText(tr("Notifications saved for {count} people.").format(count=count))
        ).failure(self._show_problem).finished(self.load).run()  # the whole tab: one read, none dropped
