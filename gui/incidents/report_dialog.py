"""The report to the platform: the form's address and each fact to paste, with copy buttons.

Nothing is sent from here — no platform takes a city's impersonation report
through an API. The person opens the form in their browser, pastes, submits,
and then records the step (time, ticket number) with "Record as reported".
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from core.incidents.reports import PlatformReport
from core.platforms.facts import Platform
from gui.i18n import translator
from gui.widgets.plain import plain

tr = translator("IncidentDialogs")


def copy_text(text: str) -> None:
    QGuiApplication.clipboard().setText(text)


def _copy_button(text: str, what: str) -> QPushButton:
    button = QPushButton(tr("Copy"))
    button.setAccessibleName(tr("Copy {what}").format(what=what))
    button.clicked.connect(lambda: copy_text(text))
    return button


class ReportPage(QWidget):
    """One platform's report: the form, how to fill it in, and every field with a copy button."""

    def __init__(self, report: PlatformReport, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.report = report
        form = QLineEdit(report.form_url or tr("(no known form: see the help centre)"))
        form.setReadOnly(True)
        form.setAccessibleName(tr("Report form address"))
        top = QGridLayout()
        top.addWidget(QLabel(tr("Form:")), 0, 0)
        top.addWidget(form, 0, 1)
        top.addWidget(_copy_button(report.form_url, tr("the form address")), 0, 2)
        how = plain(QLabel(report.how))
        how.setWordWrap(True)
        top.addWidget(how, 1, 1, 1, 2)
        if report.source:
            source = plain(QLabel(tr("Source: {url}").format(url=report.source)))
            source.setWordWrap(True)
            top.addWidget(source, 2, 1, 1, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        self.editors: dict[str, QPlainTextEdit] = {}
        for item in report.fields:
            box = QGroupBox(item.label)
            editor = QPlainTextEdit(item.text)
            editor.setReadOnly(True)
            editor.setAccessibleName(item.label)
            editor.setTabChangesFocus(True)
            editor.setMaximumHeight(130)
            self.editors[item.key] = editor
            row = QGridLayout(box)
            row.addWidget(editor, 0, 0)
            row.addWidget(_copy_button(item.text, item.label), 0, 1)
            layout.addWidget(box)
        copy_all = QPushButton(tr("Copy &everything"))
        copy_all.clicked.connect(lambda: copy_text(report.full_text))
        layout.addWidget(copy_all)


class PlatformReportDialog(QDialog):
    """One tab per platform concerned; "Record as reported" ends it with the step to record."""

    RECORD = 2

    def __init__(self, reports: tuple[PlatformReport, ...], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Report to the platform"))
        self.reports = reports
        self.tabs = QTabWidget()
        for report in reports:
            self.tabs.addTab(ReportPage(report), report.platform_name)
        note = QLabel(
            tr(
                "Open the form in your browser, paste the facts below and submit it. Then record the report "
                "with the ticket or reference number the platform gives."
            )
        )
        note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.record_button = buttons.addButton(tr("&Record as reported…"), QDialogButtonBox.ButtonRole.ActionRole)
        self.record_button.clicked.connect(lambda: self.done(self.RECORD))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(buttons)
        self.resize(760, 760)

    def current(self) -> PlatformReport | None:
        index = self.tabs.currentIndex()
        return self.reports[index] if 0 <= index < len(self.reports) else None


class SuspectDialog(QDialog):
    """An account that poses as one of ours: platform, handle, display name, address."""

    def __init__(self, parent: QWidget | None = None, *, platform: str | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Suspicious account"))
        self.platform = QComboBox()
        for item in Platform:
            self.platform.addItem(item.display_name, item.value)
        if platform is not None:
            self.platform.setCurrentIndex(max(0, self.platform.findData(platform)))
        self.handle = QLineEdit()
        self.handle.setPlaceholderText("@")
        self.handle.setMaxLength(200)
        self.name = QLineEdit()
        self.name.setMaxLength(200)
        self.url = QLineEdit()
        self.url.setPlaceholderText("https://")
        form = QFormLayout()
        form.addRow(tr("&Platform:"), self.platform)
        form.addRow(tr("&Handle:"), self.handle)
        form.addRow(tr("&Display name:"), self.name)
        form.addRow(tr("&URL:"), self.url)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.handle.textChanged.connect(self._update)
        note = QLabel(tr("Add what you saw (a screenshot, the profile text) as evidence too."))
        note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.buttons)
        self._update()
        self.resize(480, 260)

    def _update(self) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(self.handle.text().strip()))

    def platform_value(self) -> str:
        return str(self.platform.currentData())


class WarningPostsDialog(QDialog):
    """Which official accounts post the warning; each gets a prefilled draft that goes through sign-off."""

    def __init__(self, accounts: list[tuple[int, str]], preselected: set[int], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Warning posts"))
        note = QLabel(
            tr(
                "KohoGate prepares one draft per account chosen, with a warning text that fits the platform. "
                "The drafts are checked, submitted and approved like any other post: nothing is published now."
            )
        )
        note.setWordWrap(True)
        self.accounts = QListWidget()
        self.accounts.setAccessibleName(tr("Accounts to post the warning from"))
        for account_id, label in accounts:
            item = QListWidgetItem(label)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            checked = account_id in preselected
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
            item.setData(Qt.ItemDataRole.UserRole, account_id)
            self.accounts.addItem(item)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(tr("&Prepare drafts"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.accounts.itemChanged.connect(lambda _item: self._update())
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.accounts, 1)
        layout.addWidget(self.buttons)
        self._update()
        self.resize(520, 420)

    def account_ids(self) -> list[int]:
        items = (self.accounts.item(i) for i in range(self.accounts.count()))
        return [int(i.data(Qt.ItemDataRole.UserRole)) for i in items if i.checkState() == Qt.CheckState.Checked]

    def _update(self) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(self.account_ids()))
