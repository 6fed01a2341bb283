"""承認待ち: what this supervisor may decide on, oldest first, and recent decisions.

Emergency posts published before approval wait here for their after-the-fact
review (事後承認); administrators also see every overdue one, in red.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLabel, QPushButton, QSplitter, QVBoxLayout, QWidget

from core.lifecycle.states import ReviewDecision
from core.organization.roles import Role
from core.platforms.facts import platform_label
from core.services.reviews import DecisionRow, PendingItem, pending_reviews, recent_decisions
from gui import messages
from gui.changes import Changes
from gui.i18n import translator
from gui.models.rows import Column, RowsModel
from gui.screens.base import Screen
from gui.screens.drafts import STATE_COLOURS
from gui.session import AppSession
from gui.widgets.plain import plain
from gui.widgets.table_view import make_table, selected_row

tr = translator("ApprovalsScreen")

OVERDUE = "#c62828"


def _state(item: PendingItem, now: datetime) -> str:
    if item.after_publication:
        due = item.post_review_due_at.astimezone().strftime("%m-%d %H:%M") if item.post_review_due_at else ""
        label = tr("Published before approval — review due {due}").format(due=due)
        return tr("OVERDUE: ") + label if item.overdue(now) else label
    return tr("EMERGENCY") if item.emergency else ""


def _group(item: PendingItem) -> str:
    return tr("Group {id}: {title}").format(id=item.group_id, title=item.group_title) if item.group_id else ""


class ApprovalsScreen(Screen):
    def __init__(self, session: AppSession, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.now: datetime = datetime.min.replace(tzinfo=UTC)  # set from the database clock on each refresh
        self.model: RowsModel[PendingItem] = RowsModel(
            [
                Column(tr("Submitted"), lambda p: p.submitted_at),
                Column(tr("Account"), lambda p: f"{p.account} ({platform_label(p.platform)})"),
                Column(tr("Author"), lambda p: p.author),
                Column(tr("Version"), lambda p: p.number),
                Column(tr("Scheduled"), lambda p: p.scheduled_at),
                Column(tr("To confirm"), lambda p: p.confirm_findings),
                Column(
                    tr("Emergency"),
                    lambda p: _state(p, self.now),
                    foreground=lambda p: OVERDUE if p.overdue(self.now) or p.emergency else None,
                ),
                Column(tr("Group"), _group, tooltip=lambda p: p.group_title),
                Column(tr("Text"), lambda p: p.excerpt, tooltip=lambda p: p.excerpt),
            ]
        )
        self.table = make_table(self.model, tr("Awaiting approval"), self, stretch_column=8)
        self.table.setSortingEnabled(False)
        # activated covers Enter and a double-click; connecting doubleClicked too opened it twice.
        self.table.activated.connect(lambda index: self._open_row(index.row()))
        self.summary = plain(QLabel())
        self.summary.setObjectName("approvalSummary")
        self.open_button = QPushButton(tr("&Open for review…"))
        self.open_button.clicked.connect(self.open_selected)
        self.group_button = QPushButton(tr("Approve the &group…"))
        self.group_button.setToolTip(
            tr("Approve every draft of this group still waiting: one signature per draft, each on its own content.")
        )
        self.group_button.clicked.connect(self.approve_group)
        self.approving_group = False

        self.decisions: RowsModel[DecisionRow] = RowsModel(
            [
                Column(tr("Decided"), lambda d: d.decided_at),
                Column(tr("Account"), lambda d: d.account),
                Column(tr("Decision"), lambda d: d.decision.label),
                Column(
                    tr("Now"),
                    lambda d: d.now.label if d.now is not None else "",
                    foreground=lambda d: STATE_COLOURS.get(d.now) if d.now is not None else None,
                ),
                Column(tr("Supervisor"), lambda d: d.reviewer),
                Column(tr("Comment"), lambda d: d.comment, tooltip=lambda d: d.comment),
            ]
        )
        self.decision_table = make_table(self.decisions, tr("Recent decisions"), self, stretch_column=5)
        self.decision_table.setSortingEnabled(False)  # newest first, as the query returns them
        self.decision_table.activated.connect(
            lambda index: self.open_review(self.decisions.row(index.row()).version_id)
        )
        self.view_button = QPushButton(tr("Vie&w decision…"))
        self.view_button.clicked.connect(self.open_decision)
        self.pdf_button = QPushButton(tr("Save approval &record (PDF)…"))
        self.pdf_button.clicked.connect(self.save_record)
        self.filing_button = QPushButton(tr("Export records for fi&ling…"))
        self.filing_button.setToolTip(tr("The approval records of a month or a fiscal year, as PDFs with an index"))
        self.filing_button.clicked.connect(self.export_for_filing)

        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self.summary)
        top_layout.addWidget(self.table, 1)
        row = QHBoxLayout()
        row.addWidget(self.open_button)
        row.addWidget(self.group_button)
        row.addStretch(1)
        top_layout.addLayout(row)
        bottom = QWidget()
        bottom_layout = QVBoxLayout(bottom)
        bottom_layout.setContentsMargins(0, 0, 0, 0)
        bottom_layout.addWidget(QLabel(tr("Recent decisions")))
        bottom_layout.addWidget(self.decision_table, 1)
        row2 = QHBoxLayout()
        row2.addWidget(self.view_button)
        row2.addWidget(self.pdf_button)
        row2.addStretch(1)
        row2.addWidget(self.filing_button)
        bottom_layout.addLayout(row2)
        from gui.publishing.deletions import DeletionRequestsPanel

        self.deletions = DeletionRequestsPanel(session, self)
        self.watch(self.deletions.reads)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(top)
        splitter.addWidget(self.deletions)
        splitter.addWidget(bottom)
        splitter.setSizes([400, 160, 200])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_actions())
        self.decision_table.selectionModel().selectionChanged.connect(lambda *_: self._update_actions())
        self._update_actions()

    def items_for_actor(self) -> Callable[[datetime], list[PendingItem]]:
        """What this person decides on (read on a worker); administrators see every pending item (overdue ones)."""
        store = self.session.store
        if self.session.has(Role.ADMINISTRATOR) and not self.session.has(Role.SUPERVISOR):
            return lambda now: pending_reviews(store, now=now)
        reviewer = self.session.actor.staff_id
        return lambda now: pending_reviews(store, reviewer_id=reviewer, now=now)

    def concerned_by(self, changes: Changes) -> bool:
        return changes.queue or changes.any_draft

    def refresh(self) -> None:
        store, items_at = self.session.store, self.items_for_actor()

        deciding = self.session.has(Role.SUPERVISOR)
        is_deputy = self.session.is_deputy

        def read() -> tuple[datetime, list[PendingItem], list[DecisionRow], bool]:
            # "Overdue" is judged by the database's clock, as the service and the scheduler do, not this PC's.
            now = store.now()
            return now, items_at(now), recent_decisions(store, limit=50), deciding or is_deputy()

        self.read(read, self._show)
        self.deletions.refresh()

    def _show(self, read: tuple[datetime, list[PendingItem], list[DecisionRow], bool]) -> None:
        self.now, items, decisions, deciding = read
        self.model.set_rows(items)
        overdue = sum(1 for item in items if item.overdue(self.now))
        if deciding:
            text = tr("{count} submissions await your decision.").format(count=len(items))
        else:
            text = tr("{count} submissions await a supervisor's decision (view only).").format(count=len(items))
        if overdue:
            text += " " + tr("{count} after-the-fact reviews are overdue.").format(count=overdue)
            self.summary.setStyleSheet(f"color: {OVERDUE}; font-weight: bold;")
        else:
            self.summary.setStyleSheet("")
        self.summary.setText(text)
        self.decisions.set_rows(decisions)
        self._update_actions()

    def on_actor_changed(self) -> None:
        self._mark_stale()

    def _selected(self) -> PendingItem | None:
        row = selected_row(self.table)
        return self.model.row(row) if row is not None else None

    def _selected_decision(self) -> DecisionRow | None:
        row = selected_row(self.decision_table)
        return self.decisions.row(row) if row is not None else None

    def _update_actions(self) -> None:
        item = self._selected()
        self.open_button.setEnabled(item is not None)
        self.group_button.setEnabled(
            item is not None and item.group_id is not None and item.can_decide and not self.approving_group
        )
        decision = self._selected_decision()
        self.view_button.setEnabled(decision is not None)
        self.pdf_button.setEnabled(decision is not None and decision.decision is ReviewDecision.APPROVED)

    def open_selected(self) -> None:
        item = self._selected()
        if item is not None:
            self.open_review(item.version_id)

    def group_members(self, group_id: int) -> list[PendingItem]:
        return [p for p in self.model.rows() if p.group_id == group_id]

    def approve_group(self) -> None:
        """承認 of a whole group: the confirmation names every account; each draft gets its own signature."""
        item = self._selected()
        if item is None or item.group_id is None or self.approving_group:
            return
        members = self.group_members(item.group_id)
        accounts = "\n".join(f"・{p.account} ({platform_label(p.platform)}) — {p.excerpt[:40]}" for p in members)
        if not messages.confirm_irreversible(
            self,
            tr("Approve the group"),
            tr("Approve the {count} drafts of “{title}” waiting for a decision?").format(
                count=len(members), title=item.group_title or tr("(no title)")
            ),
            informative=accounts
            + "\n\n"
            + tr("Each approval is signed on its own draft's text and media. To return one, open it for review."),
            accept=tr("&Approve all and sign"),
        ):
            return
        from core.services.groups import GroupService
        from gui.operations import Operation
        from gui.review.signer import signer_for

        session, group_id = self.session, item.group_id
        drafts = frozenset(p.draft_id for p in members)

        def finished() -> None:
            self.approving_group = False
            self._update_actions()

        self.approving_group = True
        self._update_actions()
        Operation(
            self, lambda: GroupService(session.store, session.actor).approve(group_id, signer=signer_for(session))
        ).changes(Changes(drafts=drafts, queue=True)).finished(finished).run()

    def _open_row(self, row: int) -> None:
        if 0 <= row < self.model.rowCount():
            self.open_review(self.model.row(row).version_id)

    def open_decision(self) -> None:
        decision = self._selected_decision()
        if decision is not None:
            self.open_review(decision.version_id)

    def open_review(self, version_id: int) -> None:
        from gui.review.review_dialog import open_review

        open_review(self.session, version_id, self)  # the decision announces its own change

    def export_for_filing(self) -> None:
        from gui.records.export_dialog import RecordsExportDialog

        RecordsExportDialog(self.session, self).exec()

    def save_record(self) -> None:
        decision = self._selected_decision()
        if decision is None:
            return
        name, _ = QFileDialog.getSaveFileName(
            self, tr("Save approval record"), f"kessai-{decision.draft_id}.pdf", tr("PDF files (*.pdf)")
        )
        if name:
            from core.records.approval import write_approval_record
            from gui.operations import Operation

            store, version_id = self.session.store, decision.version_id
            Operation(self, lambda: write_approval_record(store, version_id, Path(name))).run()
