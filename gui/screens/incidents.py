"""インシデント: the incident register, each incident's timeline and evidence, account locks and 全停止.

The screen shows what :mod:`core.services.incidents` keeps; every button is
one service call (recorded in the audit chain). The next steps the guideline
asks for come from the incident kind's data, with their clauses.
"""

from __future__ import annotations

import html
import mimetypes
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import QDateTime, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from core.audit.events import Changes
from core.incidents.model import IncidentDetail, IncidentKind, IncidentState, IncidentSummary, Severity, StepKind
from core.organization.roles import Role
from core.publishing.scheduler import posts_held_by_pause
from core.services.accounts import list_accounts
from core.services.incidents import IncidentService, list_incidents, load_incident, pause_state
from gui.i18n import translator
from gui.models.rows import Column, RowsModel
from gui.screens.base import Screen
from gui.session import AppSession
from gui.widgets.dialogs import CommentDialog
from gui.widgets.palette import BLOCK
from gui.widgets.table_view import make_table, selected_row

tr = translator("IncidentsScreen")

SEVERITY_COLOURS = {Severity.HIGH: BLOCK}
INCIDENT_CHANGED = Changes(incidents=True)
# A lock stops an account's posts; a pause stops every scheduled one: the queue and accounts show it too.
LOCK_CHANGED = Changes(incidents=True, accounts=True, queue=True)
PAUSE_CHANGED = Changes(incidents=True, settings=True, queue=True)


class ReportDialog(QDialog):
    """A new incident: kind, title, severity, accounts, when it was discovered, what is known."""

    def __init__(self, accounts: list[tuple[int, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("New incident"))
        self.kind = QComboBox()
        for kind in IncidentKind:
            self.kind.addItem(kind.label, kind.value)
        self.title = QLineEdit()
        self.title.setMaxLength(200)
        self.severity = QComboBox()
        for severity in Severity:
            self.severity.addItem(severity.label, severity.value)
        self.severity.setCurrentIndex(1)
        self.accounts = QListWidget()
        self.accounts.setAccessibleName(tr("Accounts concerned"))
        for account_id, label in accounts:
            item = QListWidgetItem(label)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            item.setData(Qt.ItemDataRole.UserRole, account_id)
            self.accounts.addItem(item)
        self.discovered = QDateTimeEdit(QDateTime.currentDateTime())
        self.discovered.setCalendarPopup(True)
        self.discovered.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.description = QPlainTextEdit()
        self.description.setTabChangesFocus(True)
        form = QFormLayout()
        form.addRow(tr("&Kind:"), self.kind)
        form.addRow(tr("&Title:"), self.title)
        form.addRow(tr("&Severity:"), self.severity)
        form.addRow(tr("Acc&ounts concerned:"), self.accounts)
        form.addRow(tr("&Discovered:"), self.discovered)
        form.addRow(tr("&What is known:"), self.description)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.title.textChanged.connect(self._update)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self._update()
        self.resize(560, 520)

    def _update(self) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(self.title.text().strip()))

    def kind_value(self) -> IncidentKind:
        return IncidentKind(self.kind.currentData())

    def severity_value(self) -> Severity:
        return Severity(self.severity.currentData())

    def account_ids(self) -> list[int]:
        items = (self.accounts.item(i) for i in range(self.accounts.count()))
        return [int(i.data(Qt.ItemDataRole.UserRole)) for i in items if i.checkState() == Qt.CheckState.Checked]

    def discovered_at(self) -> datetime:
        local: datetime = self.discovered.dateTime().toPython()  # type: ignore[assignment]
        return local.astimezone(UTC)


class StepDialog(QDialog):
    """One timeline entry; the step is preselected from the guideline's next step."""

    def __init__(self, suggested: StepKind | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Record a step"))
        self.kind = QComboBox()
        for kind in StepKind:
            if kind is not StepKind.CLOSED:
                self.kind.addItem(kind.label, kind.value)
        if suggested is not None and suggested is not StepKind.CLOSED:
            self.kind.setCurrentIndex(max(0, self.kind.findData(suggested.value)))
        self.at = QDateTimeEdit(QDateTime.currentDateTime())
        self.at.setCalendarPopup(True)
        self.at.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.counterpart = QLineEdit()
        self.counterpart.setPlaceholderText(tr("e.g. 管理課 山田, 和光警察署, X"))
        self.reference = QLineEdit()
        self.reference.setPlaceholderText(tr("ticket or reference number, notice URL"))
        self.note = QPlainTextEdit()
        self.note.setTabChangesFocus(True)
        form = QFormLayout()
        form.addRow(tr("&Step:"), self.kind)
        form.addRow(tr("&When:"), self.at)
        form.addRow(tr("To &whom:"), self.counterpart)
        form.addRow(tr("&Reference:"), self.reference)
        form.addRow(tr("&Note:"), self.note)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.resize(520, 380)

    def kind_value(self) -> StepKind:
        return StepKind(self.kind.currentData())

    def at_value(self) -> datetime:
        local: datetime = self.at.dateTime().toPython()  # type: ignore[assignment]
        return local.astimezone(UTC)


class EvidenceDialog(QDialog):
    """A URL, the text as it was seen, and optionally a file (a screenshot, a saved page)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Add evidence"))
        self.label = QLineEdit()
        self.url = QLineEdit()
        self.url.setPlaceholderText("https://")
        self.text = QPlainTextEdit()
        self.text.setTabChangesFocus(True)
        self.file: Path | None = None
        self.file_label = QLabel(tr("No file"))
        choose = QPushButton(tr("Choose &file…"))
        choose.clicked.connect(self._choose)
        row = QHBoxLayout()
        row.addWidget(self.file_label, 1)
        row.addWidget(choose)
        form = QFormLayout()
        form.addRow(tr("&Label:"), self.label)
        form.addRow(tr("&URL:"), self.url)
        form.addRow(tr("&Text as seen:"), self.text)
        form.addRow(tr("File:"), row)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        note = QLabel(tr("Evidence is kept exactly as recorded and cannot be changed or removed afterwards."))
        note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.resize(560, 420)

    def _choose(self) -> None:
        name, _filter = QFileDialog.getOpenFileName(self, tr("Evidence file"))
        if name:
            self.file = Path(name)
            self.file_label.setText(self.file.name)


class IncidentsScreen(Screen):
    def __init__(self, session: AppSession, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.detail: IncidentDetail | None = None
        self.pause_label = QLabel()
        self.pause_label.setObjectName("pauseBanner")
        self.pause_label.setTextFormat(Qt.TextFormat.PlainText)
        self.pause_label.setWordWrap(True)
        self.pause_button = QPushButton(tr("&Pause all scheduled posts…"))
        banner = QHBoxLayout()
        banner.addWidget(self.pause_label, 1)
        banner.addWidget(self.pause_button)
        self.open_only = QCheckBox(tr("&Only incidents being handled"))
        self.open_only.setChecked(True)
        self.model: RowsModel[IncidentSummary] = RowsModel(
            [
                Column(tr("No."), lambda i: i.id),
                Column(tr("State"), lambda i: i.state.label),
                Column(tr("Kind"), lambda i: i.kind.label),
                Column(
                    tr("Severity"), lambda i: i.severity.label, foreground=lambda i: SEVERITY_COLOURS.get(i.severity)
                ),
                Column(tr("Discovered"), lambda i: i.discovered_at),
                Column(tr("Title"), lambda i: i.title),
                Column(tr("Accounts"), lambda i: ", ".join(i.accounts)),
            ]
        )
        self.table = make_table(self.model, tr("Incidents"), self, stretch_column=5)
        self.view = QTextBrowser()
        self.view.setObjectName("incidentDetail")
        self.view.setOpenLinks(False)  # evidence URLs are shown, never opened from here
        self.view.setAccessibleName(tr("Incident details"))
        self.new_button = QPushButton(tr("&New incident…"))
        self.step_button = QPushButton(tr("Record a &step…"))
        self.evidence_button = QPushButton(tr("Add &evidence…"))
        self.lock_button = QPushButton(tr("&Lock its accounts…"))
        self.contain_button = QPushButton(tr("Mark &contained"))
        self.close_button = QPushButton(tr("Close with a s&ummary…"))
        buttons = QHBoxLayout()
        for button in (
            self.new_button,
            self.step_button,
            self.evidence_button,
            self.lock_button,
            self.contain_button,
            self.close_button,
        ):
            buttons.addWidget(button)
        buttons.addStretch(1)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.open_only)
        left_layout.addWidget(self.table, 1)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(self.view)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(banner)
        layout.addWidget(splitter, 1)
        layout.addLayout(buttons)
        self.open_only.toggled.connect(lambda _on: self.refresh())
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._show_selected())
        self.new_button.clicked.connect(self._report)
        self.step_button.clicked.connect(self._step)
        self.evidence_button.clicked.connect(self._evidence)
        self.lock_button.clicked.connect(self._lock)
        self.contain_button.clicked.connect(self._contain)
        self.close_button.clicked.connect(self._close)
        self.pause_button.clicked.connect(self._pause_or_resume)
        self.on_actor_changed()

    # -- data --
    def concerned_by(self, changes: Changes) -> bool:
        return changes.incidents or changes.accounts

    def refresh(self) -> None:
        self.model.set_rows(list_incidents(self.session.store, open_only=self.open_only.isChecked()))
        state = pause_state(self.session.store)
        if state.paused:
            since = state.since.astimezone().strftime("%Y-%m-%d %H:%M") if state.since else ""
            self.pause_label.setText(
                tr("All scheduled posting is paused since {since} by {by}: {reason}").format(
                    since=since, by=state.by, reason=state.reason
                )
            )
            self.pause_label.setStyleSheet(f"color:{BLOCK};font-weight:bold")
            self.pause_button.setText(tr("&Resume scheduled posting…"))
        else:
            self.pause_label.setText(tr("Scheduled posting runs normally."))
            self.pause_label.setStyleSheet("")
            self.pause_button.setText(tr("&Pause all scheduled posts…"))
        self._show_selected()

    def selected(self) -> IncidentSummary | None:
        row = selected_row(self.table)
        return self.model.row(row) if row is not None else None

    def _show_selected(self) -> None:
        chosen = self.selected()
        self.detail = load_incident(self.session.store, chosen.id) if chosen is not None else None
        self.view.setHtml(detail_html(self.detail) if self.detail else "")
        self.on_actor_changed()

    def on_actor_changed(self) -> None:
        deciders = self.session.has(Role.SUPERVISOR) or self.session.has(Role.ADMINISTRATOR)
        detail = self.detail
        active = detail is not None and detail.summary.state is not IncidentState.CLOSED
        for button in (self.step_button, self.evidence_button):
            button.setEnabled(active)
        self.lock_button.setEnabled(active and bool(detail and detail.account_ids))
        self.contain_button.setEnabled(bool(detail and detail.summary.state is IncidentState.OPEN))
        self.close_button.setEnabled(active and deciders)
        self.close_button.setToolTip("" if deciders else tr("Closing an incident needs a supervisor or administrator."))
        self.pause_button.setEnabled(deciders)
        self.pause_button.setToolTip("" if deciders else tr("Pausing needs a supervisor or administrator."))

    # -- actions --
    def _report(self) -> None:
        accounts = [(a.id, f"{a.display_name} — {a.handle}") for a in list_accounts(self.session.store)]
        dialog = ReportDialog(accounts, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        service = self.session.service(IncidentService)
        kind, title, severity = dialog.kind_value(), dialog.title.text(), dialog.severity_value()
        account_ids, discovered_at = dialog.account_ids(), dialog.discovered_at()
        description = dialog.description.toPlainText()
        self.attempt(
            lambda: service.report(
                kind,
                title,
                severity=severity,
                account_ids=account_ids,
                discovered_at=discovered_at,
                description=description,
            ),
            INCIDENT_CHANGED,
            then=self.select,
        )

    def select(self, incident_id: int) -> None:
        self.refresh()
        for row in range(self.model.rowCount()):
            if self.model.row(row).id == incident_id:
                self.table.selectRow(row)
                return

    def _step(self) -> None:
        detail = self.detail
        if detail is None:
            return
        dialog = StepDialog(detail.next_steps[0] if detail.next_steps else None, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        service = self.session.service(IncidentService)
        kind, at, counterpart = dialog.kind_value(), dialog.at_value(), dialog.counterpart.text()
        reference, note = dialog.reference.text(), dialog.note.toPlainText()
        self.attempt(
            lambda: service.add_step(
                detail.summary.id, kind, at=at, counterpart=counterpart, reference=reference, note=note
            ),
            INCIDENT_CHANGED,
        )

    def _evidence(self) -> None:
        detail = self.detail
        if detail is None:
            return
        dialog = EvidenceDialog(self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        service = self.session.service(IncidentService)
        file = dialog.file
        label, url, text = dialog.label.text(), dialog.url.text(), dialog.text.toPlainText()

        def add() -> str:
            if file is not None:
                data = file.read_bytes()
                mime = mimetypes.guess_type(file.name)[0] or "application/octet-stream"
                return service.add_evidence(
                    detail.summary.id, label=label, url=url, data=data, filename=file.name, mime=mime
                )
            return service.add_evidence(detail.summary.id, label=label, url=url, text=text)

        self.attempt(add, INCIDENT_CHANGED)

    def _lock(self) -> None:
        detail = self.detail
        if detail is None:
            return
        dialog = CommentDialog(
            tr("Lock accounts"),
            tr(
                "Lock {accounts}? Every scheduled and pending post to them stops at once, and they need a new "
                "password before anything is posted again. Only a supervisor or administrator can unlock. Why?"
            ).format(accounts=", ".join(detail.summary.accounts)),
            required=True,
            parent=self,
        )
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        service = self.session.service(IncidentService)
        reason = dialog.comment()

        def lock() -> None:
            from core.services.incidents import account_locks

            already = {lock.account_id for lock in account_locks(self.session.store)}
            for account_id in detail.account_ids:
                if account_id not in already:
                    service.lock_account(account_id, reason, incident_id=detail.summary.id)

        self.attempt(lock, LOCK_CHANGED)

    def _contain(self) -> None:
        detail = self.detail
        if detail is not None:
            service = self.session.service(IncidentService)
            self.attempt(lambda: service.set_state(detail.summary.id, IncidentState.CONTAINED), INCIDENT_CHANGED)

    def _close(self) -> None:
        detail = self.detail
        if detail is None:
            return
        dialog = CommentDialog(
            tr("Close incident"),
            tr("Summarise how the incident was handled and ended. A closed incident cannot be reopened."),
            required=True,
            parent=self,
        )
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        service = self.session.service(IncidentService)
        summary = dialog.comment()
        self.attempt(
            lambda: service.set_state(detail.summary.id, IncidentState.CLOSED, summary=summary), INCIDENT_CHANGED
        )

    def _pause_or_resume(self) -> None:
        service = self.session.service(IncidentService)
        if pause_state(self.session.store).paused:
            held = posts_held_by_pause(self.session.store, self.session.store.now())
            lines = [tr("Resuming sends these posts now:")] + [
                f"・{i.local_time} {i.account} — {i.title}" for i in held.due
            ]
            if held.missed:
                lines += [tr("These missed their window and will be reported as missed:")] + [
                    f"・{i.local_time} {i.account} — {i.title}" for i in held.missed
                ]
            if not held.due and not held.missed:
                lines = [tr("No post became due while posting was paused.")]
            dialog = CommentDialog(
                tr("Resume scheduled posting"),
                "\n".join([*lines, "", tr("Why is posting resumed?")]),
                required=True,
                parent=self,
            )
            if dialog.exec() == QDialog.DialogCode.Accepted:
                reason = dialog.comment()
                self.attempt(lambda: service.resume_all(reason), PAUSE_CHANGED)
            return
        dialog = CommentDialog(
            tr("Pause all scheduled posts"),
            tr(
                "Stop every scheduled post of every account now (a disaster, a tragedy, an incident)? Posts made "
                "by hand are not stopped. Why?"
            ),
            required=True,
            parent=self,
        )
        if dialog.exec() == QDialog.DialogCode.Accepted:
            reason = dialog.comment()
            self.attempt(lambda: service.pause_all(reason), PAUSE_CHANGED)


def detail_html(detail: IncidentDetail) -> str:
    """The incident in words: every value escaped (evidence and notes are untrusted text)."""
    e = html.escape
    s = detail.summary
    facts = s.kind.facts
    rows = [
        (tr("Kind"), f"{s.kind.label} ({', '.join(facts.clauses)})"),
        (tr("State"), s.state.label),
        (tr("Severity"), s.severity.label),
        (tr("Discovered"), f"{s.discovered_at.astimezone().strftime('%Y-%m-%d %H:%M')} — {detail.discovered_by}"),
        (tr("Accounts"), ", ".join(s.accounts) or "—"),
    ]
    table = "".join(f"<tr><th align='left'>{e(k)}</th><td>{e(v)}</td></tr>" for k, v in rows)
    todo = "".join(f"<li>{e(step.label)}</li>" for step in detail.next_steps) or f"<li>{e(tr('None'))}</li>"
    timeline = (
        "".join(
            f"<li>{e(step.at.astimezone().strftime('%Y-%m-%d %H:%M'))} {e(step.kind.label)}"
            + (f" — {e(step.counterpart)}" if step.counterpart else "")
            + (f" [{e(step.reference)}]" if step.reference else "")
            + f" ({e(step.recorded_by)})"
            + (f"<br>{e(step.note)}" if step.note else "")
            + "</li>"
            for step in detail.steps
        )
        or f"<li>{e(tr('Nothing recorded yet'))}</li>"
    )
    evidence = (
        "".join(
            f"<li>{e(item.label or item.filename or tr('Evidence'))} — {e(item.url)} "
            f"<span style='font-family:monospace'>SHA-256 {e(item.sha256[:16])}…</span> ({item.size:,} B, "
            f"{e(item.recorded_by)})</li>"
            for item in detail.evidence
        )
        or f"<li>{e(tr('None'))}</li>"
    )
    return (
        f"<h3>#{s.id} {e(s.title)}</h3><table>{table}</table>"
        f"<p style='white-space:pre-wrap'>{e(detail.description)}</p>"
        f"<h4>{e(tr('Next steps the guideline asks for'))}</h4><ol>{todo}</ol>"
        f"<h4>{e(tr('Timeline'))}</h4><ul>{timeline}</ul>"
        f"<h4>{e(tr('Evidence'))}</h4><ul>{evidence}</ul>"
    )
