"""新しい下書き from a template: pick the account and a template, fill its placeholders, get the draft.

What the form shows is decided in core (:func:`core.templates.model.fill_and_check`):
the text as it will start, the placeholders still empty, and once complete what
the checks say (the keystroke tier; the composer adds the person-name check and
the submission gate judges everything again).
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from core.accounts.kinds import AccountKind
from core.i18n import current_language
from core.platforms.facts import Platform, platform_label
from core.services.accounts import AccountInfo
from core.services.templates import DraftingInputs, TemplateInfo, TemplateService
from core.templates.model import FilledTemplate, fill_and_check
from core.templates.placeholders import Placeholder
from gui.changes import Changes
from gui.i18n import translator
from gui.operations import Operation
from gui.session import AppSession
from gui.widgets import palette
from gui.widgets.plain import plain

tr = translator("TemplatePicker")


class TemplatePickerDialog(QDialog):
    """Accepted once the draft exists; ``draft_id`` is then set (the caller opens the composer)."""

    def __init__(self, session: AppSession, inputs: DraftingInputs, parent: QWidget | None = None) -> None:
        """``inputs`` is read beforehand, off the UI thread (``drafting_inputs(store, templates=True)``)."""
        super().__init__(parent)
        self.session = session
        self.accounts = list(inputs.accounts)
        accounts = self.accounts
        self.draft_id: int | None = None
        self.creating = False
        self.filled: FilledTemplate | None = None
        self.profile, self.config = inputs.profile, inputs.config
        self.library = list(inputs.templates)
        self.setWindowTitle(tr("New draft from a template"))

        self.account = QComboBox()
        self.account.setAccessibleName(tr("Official account"))
        for account in accounts:
            self.account.addItem(
                f"{account.display_name} — {account.handle} ({platform_label(account.platform)})", account.id
            )
        self.templates = QListWidget()
        self.templates.setAccessibleName(tr("Templates for this account"))
        self.about = plain(QLabel())
        self.about.setWordWrap(True)
        self.about.setObjectName("templateAbout")
        self.fields_box = QGroupBox(tr("Fill in"))
        self.fields = QFormLayout(self.fields_box)
        self.inputs: dict[Placeholder, QLineEdit] = {}
        self.title_preview = plain(QLabel())
        self.title_preview.setObjectName("templateTitlePreview")
        self.text_preview = QPlainTextEdit()
        self.text_preview.setReadOnly(True)
        self.text_preview.setAccessibleName(tr("The draft's text"))
        self.findings = QLabel()
        self.findings.setObjectName("templateFindings")
        self.findings.setWordWrap(True)
        self.findings.setTextFormat(Qt.TextFormat.RichText)
        self.status = plain(QLabel())
        self.status.setWordWrap(True)

        self._lay_out()
        self.account.currentIndexChanged.connect(lambda _i: self._list_templates())
        self.templates.currentRowChanged.connect(lambda _r: self._template_chosen())
        self._list_templates()
        self.resize(920, 560)

    def _lay_out(self) -> None:
        account_label = QLabel(tr("&Account:"))
        account_label.setBuddy(self.account)
        templates_label = QLabel(tr("&Template:"))
        templates_label.setBuddy(self.templates)
        left = QVBoxLayout()
        left.addWidget(account_label)
        left.addWidget(self.account)
        left.addWidget(templates_label)
        left.addWidget(self.templates, 1)
        left.addWidget(self.about)
        right = QVBoxLayout()
        right.addWidget(self.fields_box)
        right.addWidget(QLabel(tr("The draft will start as:")))
        right.addWidget(self.title_preview)
        right.addWidget(self.text_preview, 1)
        right.addWidget(self.findings)
        columns = QHBoxLayout()
        columns.addLayout(left, 2)
        columns.addLayout(right, 3)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.create_button = self.buttons.addButton(tr("&Create draft"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self.create_draft)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(columns, 1)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)

    # -- what is chosen --
    def _account(self) -> AccountInfo | None:
        account_id = self.account.currentData()
        return next((a for a in self.accounts if a.id == account_id), None)

    def template(self) -> TemplateInfo | None:
        item = self.templates.currentItem()
        if item is None:
            return None
        template_id = item.data(Qt.ItemDataRole.UserRole)
        return next((t for t in self.library if t.id == template_id), None)

    def _list_templates(self) -> None:
        account = self._account()
        self.templates.clear()
        if account is not None:
            platform, kind = Platform.parse(account.platform), AccountKind(account.kind)
            for template in self.library:
                if template.content.applies_to(platform, kind):
                    item = QListWidgetItem(f"{template.content.category.label} — {template.content.name}")
                    item.setData(Qt.ItemDataRole.UserRole, template.id)
                    self.templates.addItem(item)
        if self.templates.count():
            self.templates.setCurrentRow(0)
        else:
            self._template_chosen()

    def _template_chosen(self) -> None:
        while self.fields.rowCount():
            self.fields.removeRow(0)
        self.inputs = {}
        template = self.template()
        if template is None:
            self.about.setText(
                tr("No template is offered for this account. An administrator adds them under Settings → Templates.")
            )
            self._update()
            return
        content = template.content
        about = [content.note] if content.note else []
        if content.clauses:
            about.append(tr("Follows: {clauses}").format(clauses=", ".join(content.clauses)))
        self.about.setText("\n".join(about))
        for placeholder in content.placeholders:
            edit = QLineEdit()
            edit.setPlaceholderText(placeholder.hint)
            edit.setAccessibleName(placeholder.label)
            edit.textChanged.connect(lambda _t: self._update())
            self.fields.addRow(placeholder.label + ":", edit)
            self.inputs[placeholder] = edit
        self._update()

    def values(self) -> dict[Placeholder, str]:
        return {p: edit.text() for p, edit in self.inputs.items()}

    def _update(self) -> None:
        template, account = self.template(), self._account()
        if template is None or account is None:
            self.filled = None
            self.title_preview.setText("")
            self.text_preview.setPlainText("")
            self.findings.setText("")
            self.create_button.setEnabled(False)
            return
        filled = fill_and_check(
            template.content, self.values(), Platform.parse(account.platform), self.profile, self.config, analysis=False
        )
        self.filled = filled
        self.title_preview.setText(tr("Title: {title}").format(title=filled.title))
        self.text_preview.setPlainText(filled.text)
        if filled.missing:
            self.findings.setText(
                html.escape(tr("Still to fill in: {fields}").format(fields=", ".join(p.label for p in filled.missing)))
            )
        elif filled.findings:
            lines = [
                f"<span style='color:{palette.SEVERITY_COLOURS[f.finding.severity.value]}'>"
                f"{html.escape(f.finding.severity.label)}: {html.escape(f.finding.message(current_language()))} "
                f"({html.escape(', '.join(f.finding.clauses))})</span>"
                for f in filled.findings
            ]
            self.findings.setText("<br>".join(lines))
        else:
            self.findings.setText(html.escape(tr("No findings. The composer checks it again before submitting.")))
        self.create_button.setEnabled(filled.complete and not self.creating)

    def create_draft(self) -> None:
        template, account = self.template(), self._account()
        if template is None or account is None or self.filled is None or not self.filled.complete or self.creating:
            return
        service = self.session.service(TemplateService)
        template_id, account_id, values = template.id, account.id, self.values()

        def done(draft_id: int) -> None:
            self.draft_id = draft_id
            self.accept()

        def finished() -> None:
            self.creating = False
            self._update()

        self.creating = True
        self.create_button.setEnabled(False)
        Operation(self, lambda: service.create_draft(template_id, account_id, values)).changes(
            lambda draft_id: Changes(drafts=frozenset({draft_id}))
        ).success(done).failure(lambda exc: self.status.setText(exc.message)).finished(finished).run()
