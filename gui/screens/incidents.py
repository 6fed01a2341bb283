"""インシデント: the incident register, each incident's timeline and evidence, account locks and 全停止.

The screen shows what :mod:`core.services.incidents` keeps; every button is
one service call (recorded in the audit chain). The next steps the guideline
asks for come from the incident kind's data, with their clauses.
"""

from __future__ import annotations

import html
import mimetypes
from collections.abc import Callable
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
    QInputDialog,
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
from core.disclosure.notice import NOTICE_KINDS, write_notice
from core.errors import InvalidInput
from core.incidents.model import IncidentDetail, IncidentKind, IncidentState, IncidentSummary, Severity, StepKind
from core.incidents.reports import PlatformReport
from core.incidents.watch import WatchReport, watch_impersonation
from core.lifecycle.states import AccountStatus
from core.organization.roles import Role
from core.platforms.facts import platform_label
from core.publishing.incident_posts import ComparisonReport, PostComparison
from core.publishing.scheduler import HeldPosts, posts_held_by_pause
from core.services.accounts import AccountInfo, list_accounts
from core.services.incidents import (
    IncidentService,
    account_locks,
    incident_notice,
    list_incidents,
    load_incident,
    platform_reports,
    read_evidence,
)
from core.services.pause import PauseState, pause_state
from gui import messages
from gui.i18n import translator
from gui.incidents.report_dialog import PlatformReportDialog, SuspectDialog, WarningPostsDialog
from gui.incidents.watch_dialog import WatchDialog
from gui.models.rows import Column, RowsModel
from gui.operations import Operation
from gui.screens.base import Screen
from gui.session import AppSession
from gui.widgets.dialogs import CommentDialog
from gui.widgets.palette import BLOCK
from gui.widgets.table_view import make_table, selected_row

tr = translator("IncidentsScreen")

SEVERITY_COLOURS = {Severity.HIGH: BLOCK}
INCIDENT_CHANGED = Changes(incidents=True)
# New drafts: the drafts list re-reads (their ids are known only afterwards).
WARNINGS_CHANGED = Changes(incidents=True, all_drafts=True)
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

    def __init__(self, suggested: StepKind | None, parent: QWidget | None = None, *, counterpart: str = "") -> None:
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
        self.counterpart = QLineEdit(counterpart)
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
    new_button: QPushButton
    watch_button: QPushButton
    step_button: QPushButton
    evidence_button: QPushButton
    export_button: QPushButton
    lock_button: QPushButton
    contain_button: QPushButton
    close_button: QPushButton
    suspect_button: QPushButton
    report_button: QPushButton
    notice_button: QPushButton
    warn_button: QPushButton
    compare_button: QPushButton
    unlock_button: QPushButton

    def __init__(self, session: AppSession, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.detail: IncidentDetail | None = None
        self.locked: set[int] = set()  # accounts locked now (of any incident)
        self._wanted: int | None = None  # the incident to choose when the list is next read
        self._details = self.reader()  # the chosen incident's, apart from the list's: a click needs no list read
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
        buttons = self._row(
            [
                ("new_button", tr("&New incident…"), self._report),
                ("watch_button", tr("Look for &impersonators…"), self._watch),
                ("step_button", tr("Record a &step…"), self._step),
                ("evidence_button", tr("Add &evidence…"), self._evidence),
                ("export_button", tr("E&xport evidence…"), self._export_evidence),
                ("lock_button", tr("&Lock its accounts…"), self._lock),
                ("contain_button", tr("Mark &contained"), self._contain),
                ("close_button", tr("Close with a s&ummary…"), self._close),
            ]
        )
        # What the guideline asks for after an impersonation or a hijack (wako:5-impersonation, joso:6(4)).
        tools = self._row(
            [
                ("suspect_button", tr("Suspicious &account…"), self._suspect),
                ("report_button", tr("Report to the plat&form…"), self._platform_report),
                ("notice_button", tr("Public no&tice…"), self._notice),
                ("warn_button", tr("&Warning posts…"), self._warning_posts),
                ("compare_button", tr("Co&mpare its posts…"), self._compare),
                ("unlock_button", tr("Unloc&k…"), self._unlock),
            ]
        )
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
        layout.addLayout(tools)
        self.open_only.toggled.connect(lambda _on: self.refresh())
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._show_selected())
        self.pause_button.clicked.connect(self._pause_or_resume)
        self.on_actor_changed()

    def _row(self, specs: list[tuple[str, str, Callable[[], None]]]) -> QHBoxLayout:
        """A row of action buttons, each kept as ``self.<name>`` (tests and ``on_actor_changed`` use them)."""
        row = QHBoxLayout()
        for name, text, action in specs:
            button = QPushButton(text)
            button.clicked.connect(lambda _checked=False, act=action: act())
            setattr(self, name, button)
            row.addWidget(button)
        row.addStretch(1)
        return row

    # -- data --
    def concerned_by(self, changes: Changes) -> bool:
        return changes.incidents or changes.accounts

    def refresh(self) -> None:
        store, open_only = self.session.store, self.open_only.isChecked()
        self.read(lambda: (list_incidents(store, open_only=open_only), pause_state(store)), self._show)

    def _show(self, read: tuple[list[IncidentSummary], PauseState]) -> None:
        incidents, state = read
        self.model.set_rows(incidents)
        wanted, self._wanted = self._wanted, None
        row = next((i for i, incident in enumerate(incidents) if incident.id == wanted), None)
        if row is not None:
            self.table.selectRow(row)
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
        """Read the chosen incident off the UI thread; its buttons wait for it (they act on what is shown)."""
        chosen = self.selected()
        if self.detail is not None and (chosen is None or chosen.id != self.detail.summary.id):
            self.detail = None  # another incident chosen: no button may act on the one still shown
            self.on_actor_changed()
        store = self.session.store

        def read() -> tuple[IncidentDetail | None, set[int], str]:
            from core.services.inbound import episode_volume
            from gui.screens.moderation import volume_html

            detail = load_incident(store, chosen.id) if chosen is not None else None
            locked = {lock.account_id for lock in account_locks(store)}
            page = detail_html(detail, locked) if detail else ""
            if detail is not None and detail.summary.kind is IncidentKind.FLAMING:
                volume = episode_volume(store, detail.summary.id)
                page += volume_html(volume) if volume is not None else ""
            return detail, locked, page

        self._details.run(read, self._show_detail)

    def _show_detail(self, read: tuple[IncidentDetail | None, set[int], str]) -> None:
        self.detail, self.locked, page = read
        self.view.setHtml(page)
        self.on_actor_changed()

    def on_actor_changed(self) -> None:
        deciders = self.session.has(Role.SUPERVISOR) or self.session.has(Role.ADMINISTRATOR)
        detail = self.detail
        active = detail is not None and detail.summary.state is not IncidentState.CLOSED
        for button in (self.step_button, self.evidence_button):
            button.setEnabled(active)
        self.lock_button.setEnabled(active and bool(detail and detail.account_ids))
        self.export_button.setEnabled(bool(detail and detail.evidence))
        self.contain_button.setEnabled(bool(detail and detail.summary.state is IncidentState.OPEN))
        self.close_button.setEnabled(active and deciders)
        kind = detail.summary.kind if detail is not None else None
        self.suspect_button.setEnabled(active and kind is not IncidentKind.HIJACK)
        self.report_button.setEnabled(active and kind in (IncidentKind.IMPERSONATION, IncidentKind.HIJACK))
        self.notice_button.setEnabled(active and kind in NOTICE_KINDS)
        self.warn_button.setEnabled(active and kind in NOTICE_KINDS and self.session.has(Role.OPERATOR))
        self.warn_button.setToolTip("" if self.session.has(Role.OPERATOR) else tr("Drafting posts needs an operator."))
        self.compare_button.setEnabled(active and kind is IncidentKind.HIJACK and bool(detail and detail.account_ids))
        locked_here = bool(detail and self.locked & set(detail.account_ids))
        self.unlock_button.setEnabled(locked_here and deciders)
        self.unlock_button.setToolTip("" if deciders else tr("Unlocking needs a supervisor or administrator."))
        self.close_button.setToolTip("" if deciders else tr("Closing an incident needs a supervisor or administrator."))
        self.pause_button.setEnabled(deciders)
        self.pause_button.setToolTip("" if deciders else tr("Pausing needs a supervisor or administrator."))

    # -- actions --
    def _report(self) -> None:
        store = self.session.store
        # The dialog's choices are read off the UI thread; it opens when they are in (so for the others below).
        Operation(self, lambda: list_accounts(store)).success(self._ask_report).run()

    def _ask_report(self, official: list[AccountInfo]) -> None:
        accounts = [(a.id, f"{a.display_name} — {a.handle}") for a in official]
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
        """Show ``incident_id`` chosen once the list read for it is in (a new incident is not in the old rows)."""
        self._wanted = incident_id
        self.refresh()

    def _step(self) -> None:
        detail = self.detail
        if detail is not None:
            self._record_step(detail, detail.next_steps[0] if detail.next_steps else StepKind.NOTE)

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

    def _watch(self) -> None:
        """Search the platforms (network: off the UI thread), then show what was found."""
        store = self.session.store
        self.watch_button.setEnabled(False)
        Operation(self, lambda: watch_impersonation(store)).finished(
            lambda: self.watch_button.setEnabled(True)
        ).success(self._watched).run()

    def _watched(self, report: WatchReport) -> None:
        dialog = WatchDialog(report, self)
        if dialog.exec() != WatchDialog.OPEN:
            return
        chosen = dialog.chosen()
        if chosen is None:
            return
        service = self.session.service(IncidentService)
        self.attempt(lambda: service.report_impersonator(chosen), INCIDENT_CHANGED, then=self.select)

    def _suspect(self) -> None:
        detail = self.detail
        if detail is None:
            return
        dialog = SuspectDialog(self, platform=detail.officials[0].platform if detail.officials else None)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        service = self.session.service(IncidentService)
        # Read on the UI thread: the call runs on a worker, which must not touch widgets.
        platform, handle, name, url = (
            dialog.platform_value(),
            dialog.handle.text(),
            dialog.name.text(),
            dialog.url.text(),
        )
        self.attempt(
            lambda: service.add_suspect(detail.summary.id, platform, handle, display_name=name, url=url),
            INCIDENT_CHANGED,
        )

    def _platform_report(self) -> None:
        detail = self.detail
        if detail is None:
            return
        store, incident_id = self.session.store, detail.summary.id
        Operation(self, lambda: platform_reports(store, incident_id)).success(
            lambda reports: self._ask_platform_report(detail, reports)
        ).run()

    def _ask_platform_report(self, detail: IncidentDetail, reports: tuple[PlatformReport, ...]) -> None:
        if not reports:
            messages.info(
                self,
                tr("Report to the platform"),
                tr("Record the suspicious account first: the report names it and goes to its platform."),
            )
            return
        dialog = PlatformReportDialog(reports, self)
        if dialog.exec() != PlatformReportDialog.RECORD:
            return
        chosen = dialog.current()
        self._record_step(detail, StepKind.PLATFORM_REPORTED, chosen.platform_name if chosen else "")

    def _notice(self) -> None:
        """Write the public warning to a file, then (once it is on the website) record it as published."""
        detail = self.detail
        if detail is None:
            return
        name, _filter = QFileDialog.getSaveFileName(
            self, tr("Save the public notice"), f"notice-{detail.summary.id}.html", tr("Web page (*.html)")
        )
        if not name:
            return
        store, incident_id, out = self.session.store, detail.summary.id, Path(name)
        Operation(self, lambda: write_notice(incident_notice(store, incident_id), out)).success(
            lambda path: self._notice_written(detail, path)
        ).run()

    def _notice_written(self, detail: IncidentDetail, path: Path) -> None:
        if messages.ask(
            self,
            tr("Public notice"),
            tr("The notice was written to {path}. Put it on the city's website, then record where it is.").format(
                path=path
            ),
            accept=tr("&Record as published…"),
        ):
            self._record_step(detail, StepKind.NOTICE_PUBLISHED, tr("City website"))

    def _warning_posts(self) -> None:
        detail = self.detail
        if detail is None:
            return
        store = self.session.store
        Operation(self, lambda: list_accounts(store)).success(
            lambda accounts: self._ask_warnings(detail, accounts)
        ).run()

    def _ask_warnings(self, detail: IncidentDetail, accounts: list[AccountInfo]) -> None:
        usable = [a for a in accounts if a.usable and a.status is AccountStatus.ACTIVE]
        suspect_platforms = {x.platform for x in detail.suspects}
        preselected = {a.id for a in usable if a.id in detail.account_ids or a.platform in suspect_platforms}
        dialog = WarningPostsDialog(
            [(a.id, f"{a.display_name} — {a.handle} ({platform_label(a.platform)})") for a in usable], preselected, self
        )
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        service = self.session.service(IncidentService)
        chosen = dialog.account_ids()
        self.attempt(
            lambda: service.draft_warnings(detail.summary.id, chosen), WARNINGS_CHANGED, then=self._warnings_drafted
        )

    def _warnings_drafted(self, drafts: list[int]) -> None:
        if drafts:
            messages.info(
                self,
                tr("Warning posts"),
                tr(
                    "Drafts {drafts} are ready in Drafts. Check them, submit them and have them approved as usual."
                ).format(drafts=", ".join(f"#{d}" for d in drafts)),
            )

    def _choose_account(self, detail: IncidentDetail, title: str, among: set[int] | None = None) -> int | None:
        """The incident's account to act on: the only one, or the one the person picks."""
        options = [o for o in detail.officials if among is None or o.id in among]
        if len(options) <= 1:
            return options[0].id if options else None
        labels = [f"{o.display_name} — {o.handle} ({platform_label(o.platform)})" for o in options]
        label, ok = QInputDialog.getItem(self, title, tr("Account:"), labels, 0, False)
        return options[labels.index(label)].id if ok else None

    def _compare(self) -> None:
        """Read the hijacked account's recent posts (network: off the UI thread) and keep strangers' as evidence."""
        detail = self.detail
        if detail is None:
            return
        account_id = self._choose_account(detail, tr("Compare posts"))
        if account_id is None:
            return
        comparison = make_comparison(self.session)
        incident_id = detail.summary.id
        self.compare_button.setEnabled(False)
        Operation(self, lambda: comparison.compare(incident_id, account_id)).changes(INCIDENT_CHANGED).finished(
            self.on_actor_changed
        ).success(self._compared).run()

    def _compared(self, report: ComparisonReport) -> None:
        result = report.comparison
        if result.unmatched:
            text = tr(
                "{read} recent posts of {account} read: {foreign} were not made by KohoGate and are kept as "
                "evidence ({new} new). Ask the platform to remove them and name them in the notice."
            ).format(read=result.read, account=report.account, foreign=len(result.unmatched), new=report.kept)
            messages.warning(self, tr("Compare posts"), text)
        else:
            messages.info(
                self,
                tr("Compare posts"),
                tr("{read} recent posts of {account} read: every one was published through KohoGate.").format(
                    read=result.read, account=report.account
                ),
            )

    def _unlock(self) -> None:
        detail = self.detail
        if detail is None:
            return
        account_id = self._choose_account(detail, tr("Unlock account"), self.locked)
        if account_id is None:
            return
        dialog = CommentDialog(
            tr("Unlock account"),
            tr(
                "Unlock the account? Posting resumes only once a new credential is stored (要パスワード変更 stays "
                "until then). Why is it safe again?"
            ),
            required=True,
            parent=self,
        )
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        service = self.session.service(IncidentService)
        reason = dialog.comment()
        self.attempt(lambda: service.unlock_account(account_id, reason), LOCK_CHANGED)

    def _record_step(self, detail: IncidentDetail, kind: StepKind, counterpart: str = "", reference: str = "") -> None:
        dialog = StepDialog(kind, self, counterpart=counterpart)
        dialog.reference.setText(reference)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        service = self.session.service(IncidentService)
        # Read on the UI thread: the call runs on a worker, which must not touch widgets.
        chosen, at, who = dialog.kind_value(), dialog.at_value(), dialog.counterpart.text()
        ref, note = dialog.reference.text(), dialog.note.toPlainText()
        self.attempt(
            lambda: service.add_step(detail.summary.id, chosen, at=at, counterpart=who, reference=ref, note=note),
            INCIDENT_CHANGED,
        )

    def _export_evidence(self) -> None:
        """Save one evidence item as it was recorded; its hash is checked first, so an altered one is refused."""
        detail = self.detail
        if detail is None or not detail.evidence:
            return
        items = detail.evidence
        labels = [f"{e.label or e.filename or tr('Evidence')} — SHA-256 {e.sha256[:16]}…" for e in items]
        index = 0
        if len(items) > 1:
            label, ok = QInputDialog.getItem(self, tr("Export evidence"), tr("Evidence:"), labels, 0, False)
            if not ok:
                return
            index = labels.index(label)
        item = items[index]
        suggested = item.filename or f"evidence-{item.id}-{item.sha256[:12]}" + (
            ".json" if item.mime == "application/json" else ".txt" if item.mime.startswith("text/") else ".bin"
        )
        name, _filter = QFileDialog.getSaveFileName(self, tr("Export evidence"), suggested)
        if not name:
            return
        store, out = self.session.store, Path(name)

        def save() -> Path:
            data = read_evidence(store, item.id)  # refuses bytes that no longer match their hash
            try:
                out.write_bytes(data)
            except OSError as exc:
                raise InvalidInput(
                    tr("The evidence could not be saved to {path}: {reason}").format(
                        path=out, reason=exc.strerror or exc
                    )
                ) from None
            return out

        Operation(self, save).success(
            lambda path: messages.info(
                self,
                tr("Export evidence"),
                tr("Saved to {path}. SHA-256 {sha} matches the record.").format(path=path, sha=item.sha256),
            )
        ).run()

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
        """全停止 or its end; resuming first lists what it would send (read off the UI thread)."""
        store = self.session.store

        def held() -> HeldPosts | None:
            return posts_held_by_pause(store, store.now()) if pause_state(store).paused else None

        Operation(self, held).success(self._ask_pause_or_resume).run()

    def _ask_pause_or_resume(self, held: HeldPosts | None) -> None:
        service = self.session.service(IncidentService)
        if held is not None:
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


def make_comparison(session: AppSession) -> PostComparison:
    """The hijack comparison for this window's person and terminal (tests point it at a loopback fake)."""
    return PostComparison(session.store, session.actor)


def detail_html(detail: IncidentDetail, locked: set[int] | frozenset[int] = frozenset()) -> str:
    """The incident in words: every value escaped (evidence and notes are untrusted text)."""
    e = html.escape
    s = detail.summary
    facts = s.kind.facts
    rows = [
        (tr("Kind"), f"{s.kind.label} ({', '.join(facts.clauses)})"),
        (tr("State"), s.state.label),
        (tr("Severity"), s.severity.label),
        (tr("Discovered"), f"{s.discovered_at.astimezone().strftime('%Y-%m-%d %H:%M')} — {detail.discovered_by}"),
        (
            tr("Accounts"),
            ", ".join(
                o.handle + (" " + tr("(locked: nothing posts)") if o.id in locked else "") for o in detail.officials
            )
            or "—",
        ),
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
    suspects = "".join(
        f"<li>{e(platform_label(x.platform))} {e(x.handle)} {e(x.display_name)} {e(x.url)}</li>"
        for x in detail.suspects
    )
    drafts = ", ".join(f"#{d}" for d in detail.warning_drafts)
    return (
        f"<h3>#{s.id} {e(s.title)}</h3><table>{table}</table>"
        f"<p style='white-space:pre-wrap'>{e(detail.description)}</p>"
        + (f"<h4>{e(tr('Impersonating accounts'))}</h4><ul>{suspects}</ul>" if suspects else "")
        + (f"<p>{e(tr('Warning posts drafted: {drafts}').format(drafts=drafts))}</p>" if drafts else "")
        + f"<h4>{e(tr('Next steps the guideline asks for'))}</h4><ol>{todo}</ol>"
        f"<h4>{e(tr('Timeline'))}</h4><ul>{timeline}</ul>"
        f"<h4>{e(tr('Evidence'))}</h4><ul>{evidence}</ul>"
    )
