"""Dialogs for an account's life: consultation, continuation review, withdrawal, deletion.

They collect what the person decides; the accounts screen sends it to
:class:`core.services.account_lifecycle.AccountLifecycleService`. Which paths
are offered comes from the account state table (:data:`core.lifecycle.transitions.ACCOUNTS`).
"""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import QDate, QDateTime, QTime
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from core.accounts.consultation import ConsultOutcome, latest_by_section
from core.accounts.continuation import ContinuationDecision, DeletionMethod, ReviewFacts
from core.accounts.lifecycle_rules import lifecycle_rules
from core.lifecycle.states import AccountStatus
from core.lifecycle.transitions import ACCOUNTS
from core.services.accounts import AccountDetail, AccountInfo
from gui.i18n import translator
from gui.widgets.plain import plain

tr = translator("AccountLifecycle")


def _day(moment: datetime | None) -> str:
    return moment.astimezone().strftime("%Y-%m-%d") if moment is not None else "—"


def _buttons(dialog: QDialog, accept: str) -> QDialogButtonBox:
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
    ok.setText(accept)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons


class ConsultationDialog(QDialog):
    """The sections to consult before opening, what was recorded, and a new record (joso:3(2))."""

    def __init__(self, detail: AccountDetail, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("consultationDialog")
        self.setWindowTitle(tr("Consultation before opening: {handle}").format(handle=detail.info.handle))
        latest = latest_by_section(detail.consultations)
        status = []
        for section in detail.sections:
            found = latest.get(section)
            mark = "✔" if found is not None and found.outcome.clears else "✖"
            state = found.outcome.label if found is not None else tr("not consulted")
            status.append(f"{mark} {section}: {state}")
        clauses = "、".join(lifecycle_rules().opening_clauses)
        heading = plain(
            QLabel(tr("Sections to consult ({clauses}):").format(clauses=clauses) + "\n" + "\n".join(status))
        )
        heading.setWordWrap(True)
        self.records = QTableView()
        self.records.setAccessibleName(tr("Recorded consultations"))
        model = QStandardItemModel(0, 5, self.records)
        model.setHorizontalHeaderLabels([tr("Date"), tr("Section"), tr("Consulted with"), tr("Outcome"), tr("Note")])
        for c in reversed(detail.consultations):
            model.appendRow(
                [
                    QStandardItem(_day(c.consulted_at)),
                    QStandardItem(c.section),
                    QStandardItem(c.counterpart),
                    QStandardItem(c.outcome.label),
                    QStandardItem(c.note),
                ]
            )
        self.records.setModel(model)
        self.records.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        self.records.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.records.setMaximumHeight(160)
        self.section = QComboBox()
        self.section.setEditable(True)
        self.section.setAccessibleName(tr("Section"))
        for section in detail.sections:
            self.section.addItem(section)
        missing = [s for s in detail.sections if s not in latest or not latest[s].outcome.clears]
        if missing:
            self.section.setCurrentText(missing[0])
        self.date = QDateEdit(QDate.currentDate())
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("yyyy-MM-dd")
        self.date.setMaximumDate(QDate.currentDate())
        self.date.setAccessibleName(tr("Date of consultation"))
        self.counterpart = QLineEdit()
        self.counterpart.setAccessibleName(tr("Consulted with"))
        self.counterpart.setPlaceholderText(tr("e.g. 秘書広報課長"))
        self.outcome = QComboBox()
        self.outcome.setAccessibleName(tr("Outcome"))
        for outcome in ConsultOutcome:
            self.outcome.addItem(outcome.label, outcome.value)
        self.note = QPlainTextEdit()
        self.note.setAccessibleName(tr("Note"))
        self.note.setFixedHeight(60)
        self.note.setTabChangesFocus(True)
        form = QFormLayout()
        form.addRow(tr("&Section:"), self.section)
        form.addRow(tr("&Date:"), self.date)
        form.addRow(tr("Consulted &with:"), self.counterpart)
        form.addRow(tr("&Outcome:"), self.outcome)
        form.addRow(tr("&Note:"), self.note)
        box = QGroupBox(tr("Record a consultation"))
        box.setLayout(form)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.records)
        layout.addWidget(box)
        layout.addWidget(_buttons(self, tr("&Record")))
        self.resize(640, 560)

    def consulted_at(self) -> datetime:
        # The dialog asks for a day, not a time: the day's first moment, so that a consultation
        # recorded this morning for today is never "in the future" (noon was, before noon).
        moment = QDateTime(self.date.date(), QTime(0, 0))
        return datetime.fromtimestamp(moment.toSecsSinceEpoch(), UTC)

    def outcome_value(self) -> ConsultOutcome:
        return ConsultOutcome(self.outcome.currentData())


class ReviewDialog(QDialog):
    """The continuation review: the facts, ア–エ, and the decision (joso:7(1))."""

    def __init__(self, info: AccountInfo, facts: ReviewFacts, notice_days: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reviewDialog")
        self.setWindowTitle(tr("Continuation review: {handle}").format(handle=info.handle))
        inbound = tr("not read by this version") if facts.inbound is None else str(facts.inbound)
        summary = plain(
            QLabel(
                tr(
                    "Period {start} – {end}\nPosts: {posts}   Last post: {last}\nIncidents: {incidents}   "
                    "Inbound messages: {inbound}\nReview due: {due}"
                ).format(
                    start=_day(facts.period_start),
                    end=_day(facts.period_end),
                    posts=facts.posts,
                    last=_day(facts.last_post_at),
                    incidents=facts.incidents,
                    inbound=inbound,
                    due=_day(info.review_due_at),
                )
            )
        )
        criteria_box = QGroupBox(tr("What applies (joso:7(1) — any of these asks for a prompt withdrawal)"))
        grid = QFormLayout(criteria_box)
        self.criteria: dict[str, tuple[QCheckBox, QLineEdit]] = {}
        for criterion in lifecycle_rules().criteria:
            box = QCheckBox(f"{criterion.letter} {criterion.label}")
            box.setToolTip(criterion.clause)
            note = QLineEdit()
            note.setAccessibleName(tr("Note on {letter}").format(letter=criterion.letter))
            note.setPlaceholderText(tr("What shows it"))
            note.setEnabled(False)
            box.toggled.connect(note.setEnabled)
            box.toggled.connect(self._update)
            grid.addRow(box, note)
            self.criteria[criterion.key] = (box, note)
        self.keep = QRadioButton(tr("&Continue (継続)"))
        self.withdraw = QRadioButton(tr("&Withdraw (撤退) with a notice period of"))
        self.keep.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.keep)
        group.addButton(self.withdraw)
        self.days = QSpinBox()
        rules = lifecycle_rules()
        self.days.setRange(rules.min_notice_days, rules.max_notice_days)
        self.days.setValue(notice_days)
        self.days.setSuffix(tr(" days"))
        self.days.setAccessibleName(tr("Notice period"))
        self.note = QPlainTextEdit()
        self.note.setAccessibleName(tr("Note"))
        self.note.setFixedHeight(60)
        self.note.setTabChangesFocus(True)
        decision = QFormLayout()
        decision.addRow(self.keep)
        decision.addRow(self.withdraw, self.days)
        decision.addRow(tr("&Note:"), self.note)
        layout = QVBoxLayout(self)
        layout.addWidget(summary)
        layout.addWidget(criteria_box)
        layout.addLayout(decision)
        layout.addWidget(_buttons(self, tr("&Record review")))
        self.withdraw.toggled.connect(self._update)
        self._update()
        self.resize(720, 520)

    def _update(self) -> None:
        any_applies = any(box.isChecked() for box, _ in self.criteria.values())
        # The rule is core's (decision_problem); this only keeps the obvious choice in view.
        self.keep.setEnabled(not any_applies)
        if any_applies:
            self.withdraw.setChecked(True)
        self.days.setEnabled(self.withdraw.isChecked())

    def applies(self) -> dict[str, str]:
        return {key: note.text() for key, (box, note) in self.criteria.items() if box.isChecked()}

    def decision(self) -> ContinuationDecision:
        return ContinuationDecision.WITHDRAW if self.withdraw.isChecked() else ContinuationDecision.CONTINUE


class WithdrawalDialog(QDialog):
    """撤退: with a notice period, or stop at once with a reason; later, call off or record the deletion."""

    def __init__(self, info: AccountInfo, notice_days: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("withdrawalDialog")
        self.setWindowTitle(tr("Withdraw {handle}").format(handle=info.handle))
        status = info.status
        allowed = ACCOUNTS.moves.get(status, frozenset())
        state = plain(QLabel(self._state_text(info)))
        state.setWordWrap(True)
        self.notice = QRadioButton(tr("Announce the end, then delete, after a notice period of"))
        self.stop = QRadioButton(tr("Stop at once (the reason is published on the website)"))
        self.cancel = QRadioButton(tr("Call off the withdrawal (back into operation)"))
        self.delete = QRadioButton(tr("Record that the account is deleted on the platform"))
        self.notice.setEnabled(AccountStatus.WITHDRAWAL_NOTICE in allowed)
        self.stop.setEnabled(AccountStatus.STOPPED in allowed)
        self.cancel.setEnabled(status is AccountStatus.WITHDRAWAL_NOTICE)
        self.delete.setEnabled(AccountStatus.DELETED in allowed and status is not AccountStatus.PREPARING)
        group = QButtonGroup(self)
        for option in (self.notice, self.stop, self.cancel, self.delete):
            group.addButton(option)
        next(o for o in (self.notice, self.delete, self.stop, self.cancel) if o.isEnabled()).setChecked(True)
        self.days = QSpinBox()
        rules = lifecycle_rules()
        self.days.setRange(rules.min_notice_days, rules.max_notice_days)
        self.days.setValue(notice_days)
        self.days.setSuffix(tr(" days"))
        self.days.setAccessibleName(tr("Notice period"))
        self.method = QComboBox()
        self.method.setAccessibleName(tr("How the deletion was established"))
        for method in (DeletionMethod.MANUAL, DeletionMethod.URL_GONE):
            self.method.addItem(method.label, method.value)
        self.reason = QPlainTextEdit()
        self.reason.setAccessibleName(tr("Reason"))
        self.reason.setPlaceholderText(tr("Why (joso:7(1) ア–エ, or what makes an immediate stop necessary)"))
        self.reason.setFixedHeight(70)
        self.reason.setTabChangesFocus(True)
        form = QFormLayout()
        form.addRow(self.notice, self.days)
        form.addRow(self.stop)
        form.addRow(self.cancel)
        form.addRow(self.delete, self.method)
        form.addRow(tr("&Reason / note:"), self.reason)
        layout = QVBoxLayout(self)
        layout.addWidget(state)
        layout.addLayout(form)
        layout.addWidget(_buttons(self, tr("&Go ahead")))
        for option in (self.notice, self.stop, self.cancel, self.delete):
            option.toggled.connect(self._update)
        self._update()
        self.resize(640, 380)

    @staticmethod
    def _state_text(info: AccountInfo) -> str:
        if info.status is AccountStatus.WITHDRAWAL_NOTICE:
            return tr("Withdrawal announced: operation ends on {date}. Only the notice post goes out.").format(
                date=_day(info.withdrawal_ends_at)
            )
        if info.status is AccountStatus.STOPPED:
            return tr("Stopped on {date}: {reason}").format(
                date=_day(info.withdrawal_ends_at), reason=info.withdrawal_reason or ""
            )
        return tr(
            "joso:7(2): announce the end on the account and on the website for a suitable period, then delete. "
            "Stop at once only when needed, stating it on the website."
        )

    def _update(self) -> None:
        self.days.setEnabled(self.notice.isChecked())
        self.method.setEnabled(self.delete.isChecked())

    def choice(self) -> str:
        for name, option in (("notice", self.notice), ("stop", self.stop), ("cancel", self.cancel)):
            if option.isChecked():
                return name
        return "delete"

    def method_value(self) -> DeletionMethod:
        return DeletionMethod(self.method.currentData())
