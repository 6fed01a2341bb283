"""設定 → アカウントの一生: sections to consult, review interval, notice period, overdue password changes.

The defaults come from the guidelines (``resources/rules/account_lifecycle.toml``);
the organization's choices are stored with its profile.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from core.accounts.lifecycle_rules import RotationOverdue, lifecycle_rules
from core.organization.roles import Role
from core.services.organization import (
    MAX_REVIEW_DAYS,
    MIN_REVIEW_DAYS,
    LifecycleSettings,
    OrganizationService,
    load_lifecycle_settings,
)
from gui.changes import Changes
from gui.i18n import translator
from gui.operations import LatestRead, Operation
from gui.session import AppSession

tr = translator("LifecycleTab")


class LifecycleTab(QWidget):
    def __init__(self, session: AppSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.reads = LatestRead(self)  # the settings screen counts it among its own reads
        self.session = session
        self._loaded: tuple[object, ...] | None = None
        rules = lifecycle_rules()
        self.sections = QPlainTextEdit()
        self.sections.setAccessibleName(tr("Sections to consult before opening"))
        self.sections.setTabChangesFocus(True)
        self.sections.setMaximumHeight(90)
        self.defaults_button = QPushButton(tr("Guideline &default"))
        self.defaults_button.setToolTip("、".join(rules.default_sections))
        self.review_days = QSpinBox()
        self.review_days.setRange(MIN_REVIEW_DAYS, MAX_REVIEW_DAYS)
        self.review_days.setSuffix(tr(" days"))
        self.review_days.setAccessibleName(tr("Continuation review interval"))
        self.notice_days = QSpinBox()
        self.notice_days.setRange(rules.min_notice_days, rules.max_notice_days)
        self.notice_days.setSuffix(tr(" days"))
        self.notice_days.setAccessibleName(tr("Withdrawal notice period"))
        self.overdue = QComboBox()
        self.overdue.setAccessibleName(tr("When a periodic password change is overdue"))
        for choice in RotationOverdue:
            self.overdue.addItem(choice.label, choice.value)
        self.save_button = QPushButton(tr("&Save"))
        note = QLabel(
            tr(
                "Before an account opens, each section listed here is consulted and the consultation recorded "
                "(wako 運用開始の留意点, joso:3(2)); the policy cannot be filed before. Accounts are reviewed at "
                "this interval (joso:7(1)); a withdrawal is announced for the notice period before the account "
                "is deleted (joso:7(2)). One section per line."
            )
        )
        note.setWordWrap(True)
        sections_row = QHBoxLayout()
        sections_row.addWidget(self.sections, 1)
        sections_row.addWidget(self.defaults_button)
        form = QFormLayout()
        form.addRow(tr("Sections to &consult:"), sections_row)
        form.addRow(tr("Continuation &review every:"), self.review_days)
        form.addRow(tr("Withdrawal &notice period:"), self.notice_days)
        form.addRow(tr("Overdue password &change:"), self.overdue)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addLayout(form)
        layout.addWidget(self.save_button)
        layout.addStretch(1)
        self.defaults_button.clicked.connect(lambda: self.sections.setPlainText("\n".join(rules.default_sections)))
        self.save_button.clicked.connect(self._save)

    def _form(self) -> tuple[object, ...]:
        return (
            self.sections.toPlainText(),
            self.review_days.value(),
            self.notice_days.value(),
            self.overdue.currentData(),
        )

    @property
    def dirty(self) -> bool:
        return self._loaded is not None and self._form() != self._loaded

    def load(self) -> None:
        """Read the settings off the UI thread; an edit in progress when they arrive is kept."""
        store = self.session.store
        self.reads.run(lambda: load_lifecycle_settings(store), self._show)

    def _show(self, settings: LifecycleSettings) -> None:
        if not self.dirty:
            self.sections.setPlainText("\n".join(settings.consult_sections))
            self.review_days.setValue(settings.review_interval_days)
            self.notice_days.setValue(settings.withdrawal_notice_days)
            self.overdue.setCurrentIndex(max(0, self.overdue.findData(settings.rotation_overdue.value)))
            self._loaded = self._form()
        admin = self.session.has(Role.ADMINISTRATOR)
        self.sections.setReadOnly(not admin)
        self.review_days.setReadOnly(not admin)
        self.notice_days.setReadOnly(not admin)
        for button in (self.overdue, self.save_button, self.defaults_button):
            button.setEnabled(admin)

    def _save(self) -> None:
        sections = [line for line in self.sections.toPlainText().splitlines() if line.strip()]
        defaults = tuple(s.strip() for s in sections) == lifecycle_rules().default_sections
        settings = LifecycleSettings(
            consult_sections=tuple(sections),
            sections_are_default=defaults,
            review_interval_days=self.review_days.value(),
            withdrawal_notice_days=self.notice_days.value(),
            rotation_overdue=RotationOverdue(self.overdue.currentData()),
        )
        service = self.session.service(OrganizationService)

        def saved(_result: object) -> None:
            self._loaded = None
            self.load()

        Operation(self, lambda: service.set_lifecycle_settings(settings)).changes(
            Changes(settings=True, accounts=True)
        ).success(saved).run()
