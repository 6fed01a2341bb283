"""The composer window: one draft, with live checks, media, confirmations, preview and autosave.

View and wiring for one :class:`~core.services.drafts.DraftDetail`. Every
rule comes from core: the gate (:func:`core.composer.submission.evaluate`)
decides whether *Submit* is enabled, and the service checks it again.

Autosave: every change marks the draft dirty; at most ~1.8 s later the
working copy is saved through :class:`DraftService` on a worker thread (one
save in flight at a time, optimistic locking), so a crash loses at most the
last two seconds of typing.

Signals:
    submitted(int): the draft went to the supervisors (version id).
    closed(int): the window closed (draft id).
"""

from __future__ import annotations

import dataclasses
import logging
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDateTime, QElapsedTimer, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListView,
    QMainWindow,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from core.accounts.lifecycle_rules import lifecycle_rules
from core.composer.acknowledgements import reasons_of
from core.composer.findings import FindingRecord
from core.composer.media_items import StoredMedia
from core.composer.submission import GateStatus, schedule_problem, title_problem
from core.errors import Conflict, KohoGateError, explain
from core.i18n import current_language
from core.lifecycle.actions import (
    Action,
    ActionKind,
    DraftSituation,
    SubmissionCheck,
    available_actions,
    find,
    shows_publishing,
)
from core.lifecycle.states import DraftState, ReviewDecision
from core.platforms.facts import Platform
from core.services.composer_view import ComposerView
from core.services.drafts import DraftDetail, DraftService, load_draft_detail
from core.services.situations import load_situation
from gui import messages
from gui.changes import Changes, announce, change_hub
from gui.composer.checker import LiveChecker, State
from gui.composer.confirmations import ConfirmationsModel
from gui.composer.editor import PostEditor
from gui.composer.findings_panel import FindingsPanel
from gui.composer.media_panel import MediaPanel
from gui.composer.preview import PostPreview
from gui.i18n import translator
from gui.messages import show_error
from gui.operations import Operation
from gui.session import AppSession
from gui.tasks import Progress, run_task, wait_for_tasks
from gui.widgets.plain import plain

if TYPE_CHECKING:
    from gui.publishing.panel import PublishPanel

tr = translator("Composer")
log = logging.getLogger(__name__)

AUTOSAVE_DEBOUNCE_MS = 1000
AUTOSAVE_MAX_WAIT_MS = 1800


class ComposerWindow(QMainWindow):
    """One draft's editor. Signals: submitted(version_id), closed(draft_id), reopened(draft_id)."""

    submitted = Signal(int)
    closed = Signal(int)
    # The draft was taken back for editing; the window closes and its opener shows it again, editable.
    reopened = Signal(int)
    # A new draft was copied from this (rejected) one; its opener shows the new draft.
    copied = Signal(int)

    def __init__(self, session: AppSession, view: ComposerView, parent: QWidget | None = None) -> None:
        """``view`` is read beforehand, off the UI thread (``read_composer``; :func:`open_composer` does both)."""
        super().__init__(parent)
        self.session = session
        self.service = session.service(DraftService)
        detail = view.detail
        self.detail = detail
        self.draft_id = draft_id = detail.id
        self.row_version = detail.row_version
        self.platform = Platform.parse(detail.platform)
        self.situation = view.situation
        # The images' bytes as read with the draft, and those attached or masked here since (kept as stored).
        self._images: dict[str, bytes] = dict(view.images)
        self.offered = available_actions(self.situation, session.actor)
        edit = find(self.offered, ActionKind.EDIT)
        self.editable = edit is not None and edit.enabled
        self.acks: dict[str, str] = reasons_of(detail.acknowledgements)
        self.gate: GateStatus | None = None
        self._saving = False
        self.submitting = False  # a submit is on its way (off the UI thread)
        self._save_again = False
        self._submit_after_save = False
        self._dirty = False
        self._conflict = False
        self._finding_faces = False
        self._dirty_clock = QElapsedTimer()
        self.setObjectName("composerWindow")
        self.setWindowTitle(tr("Draft {id} — {account}").format(id=draft_id, account=detail.account))
        self._build(detail)
        self._wire()
        self.checker = LiveChecker(
            view.profile,
            view.config,
            self.platform,
            self._state,
            self,
        )
        self.checker.checked.connect(self._show_gate)
        self.checker.run_now()
        self.reloads = 0  # situation reads in flight (tests wait for none)
        change_hub().changed.connect(self._on_changes)
        self._listening = True
        self.editor.setFocus()
        self.resize(1180, 690)  # fits a 1366×768 screen with its task bar

    # -- building --
    def _build(self, detail: DraftDetail) -> None:
        self.title = QLineEdit(detail.title)
        self.title.setAccessibleName(tr("Title (internal)"))
        self.title.setMaxLength(200)
        self.account_label = plain(
            QLabel(tr("{account} on {platform}").format(account=detail.account, platform=self.platform.limits.label))
        )
        self.schedule_box = QCheckBox(tr("&Schedule for"))
        self.schedule = QDateTimeEdit()
        self.schedule.setAccessibleName(tr("Scheduled time"))
        self.schedule.setCalendarPopup(True)
        self.schedule.setDisplayFormat("yyyy-MM-dd HH:mm")
        if detail.scheduled_at is not None:
            self.schedule_box.setChecked(True)
            self.schedule.setDateTime(QDateTime.fromSecsSinceEpoch(int(detail.scheduled_at.timestamp())))
        else:
            self.schedule.setDateTime(QDateTime.currentDateTime().addSecs(3600))
        self.schedule.setEnabled(self.schedule_box.isChecked())
        self._build_returned(detail)
        self.editor = PostEditor()
        self.editor.setPlainText(detail.text)
        self.editor.setReadOnly(not self.editable)
        if not self.editable:
            # Read-only must look read-only, not like a text box that ignores typing.
            self.editor.setStyleSheet("QPlainTextEdit { background: #f3f4f6; }")
        self.state = detail.state
        self.counter = QLabel()
        self.counter.setObjectName("lengthCounter")
        self.save_state = plain(QLabel())
        self.submit_button = QPushButton(tr("S&ubmit for approval"))
        self.submit_button.setToolTip(tr("Ctrl+Enter"))
        self.gate_label = plain(QLabel())
        self.gate_label.setWordWrap(True)

        left = self._build_left(detail)
        self._build_tabs(detail)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(self.tabs)
        splitter.setSizes([640, 520])
        self.setCentralWidget(splitter)
        self.progress = QProgressBar()
        self.progress.setMaximumWidth(200)
        self.progress.setAccessibleName(tr("Attaching files"))
        self.progress.hide()
        self.statusBar().addPermanentWidget(self.progress)
        for widget in (self.title, self.schedule_box, self.schedule, self.emergency_box, self.category):
            widget.setEnabled(self.editable and (widget is not self.schedule or self.schedule_box.isChecked()))
        self.confirmations_view.setEnabled(self.editable)
        self.findings.reason.setReadOnly(not self.editable)
        self.submit_button.setVisible(self.editable)
        self._build_menu()

    def _build_returned(self, detail: DraftDetail) -> None:
        self.returned = plain(QLabel())
        self.returned.setObjectName("returnedComment")
        self.returned.setWordWrap(True)
        self.returned.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.returned.setStyleSheet(
            "#returnedComment { background:#fff4e5; border:1px solid #e67e00; border-radius:4px; padding:6px; }"
        )
        comment = detail.returned_comment
        rejection = (
            next((c for c in detail.comments if c.decision is ReviewDecision.REJECTED), None)
            if detail.state is DraftState.REJECTED
            else None
        )
        if comment is not None:
            self.returned.setText(
                tr("Returned by {who} (version {n}): {comment}").format(
                    who=comment.reviewer, n=comment.version_number, comment=comment.comment
                )
            )
        elif rejection is not None:
            comment = rejection
            self.returned.setText(
                tr(
                    "Rejected by {who} (version {n}): {comment}\nThis draft cannot be submitted again; "
                    "write a new draft if the post is still needed."
                ).format(who=rejection.reviewer, n=rejection.version_number, comment=rejection.comment)
            )
            self.returned.setAccessibleName(tr("Supervisor's comment"))
        self.returned.setVisible(comment is not None)

    def _build_left(self, detail: DraftDetail) -> QWidget:
        form = QFormLayout()
        title_caption = QLabel(tr("&Title:"))
        title_caption.setBuddy(self.title)
        form.addRow(title_caption, self.title)
        form.addRow(tr("Account:"), self.account_label)
        schedule_row = QHBoxLayout()
        schedule_row.addWidget(self.schedule_box)
        schedule_row.addWidget(self.schedule)
        schedule_row.addStretch(1)
        form.addRow(tr("When:"), schedule_row)
        # joso:6 / wako:4 緊急時: any supervisor may approve; maybe publish before approval.
        self.emergency_box = QCheckBox(tr("Emergenc&y (disaster information)"))
        self.emergency_box.setChecked(detail.emergency)
        self.emergency_box.setToolTip(
            tr(
                "Any supervisor of the organization may approve an emergency post, and the organization may allow "
                "publishing it before approval with a review afterwards."
            )
        )
        self.emergency_reason = plain(QLabel(detail.emergency_reason))
        self.emergency_reason.setStyleSheet("color:#c62828")
        emergency_row = QHBoxLayout()
        emergency_row.addWidget(self.emergency_box)
        emergency_row.addWidget(self.emergency_reason, 1)
        form.addRow(tr("Urgency:"), emergency_row)
        form.addRow(tr("Cate&gory:"), self._category_combo(detail))
        text_caption = QLabel(tr("Te&xt:"))
        text_caption.setBuddy(self.editor)
        bottom = QHBoxLayout()
        bottom.addWidget(self.save_state, 1)
        bottom.addWidget(self.counter)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.addLayout(form)
        left_layout.addWidget(self.returned)
        left_layout.addWidget(text_caption)
        left_layout.addWidget(self.editor, 1)
        left_layout.addLayout(bottom)
        left_layout.addWidget(self.gate_label)
        self.reopen_button = QPushButton()
        self.copy_button = QPushButton(tr("Start a &new draft from this one"))
        self.discard_button = QPushButton(tr("&Discard draft…"))
        self.discard_button.setObjectName("discardDraft")
        self._render_offered()
        action_row = QHBoxLayout()
        action_row.addWidget(self.discard_button)
        action_row.addStretch(1)
        action_row.addWidget(self.copy_button)
        action_row.addWidget(self.reopen_button)
        action_row.addWidget(self.submit_button)
        left_layout.addLayout(action_row)
        self.left_layout = left_layout
        self.publishing: PublishPanel | None = None
        self._add_publishing()

        return left

    def _build_tabs(self, detail: DraftDetail) -> None:
        self.findings = FindingsPanel()
        self.confirmations = ConfirmationsModel()
        self.confirmations.set_ticked(detail.confirmations.keys())
        self.confirmations_view = QListView()
        self.confirmations_view.setModel(self.confirmations)
        self.confirmations_view.setWordWrap(True)
        self.confirmations_view.setSpacing(4)
        self.confirmations_view.setAccessibleName(tr("Guideline confirmations"))
        self.media = MediaPanel(self.platform, self._load_blob)
        self.media.set_items(detail.media)
        self.media.set_editable(self.editable)
        self.preview = PostPreview(self.platform, detail.text, detail.media, self._load_blob, account=detail.account)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.findings, tr("&Checks"))
        self.tabs.addTab(self.confirmations_view, tr("C&onfirmations"))
        self.tabs.addTab(self.media, tr("&Media"))
        self.tabs.addTab(self.preview, tr("&Preview"))

    def _add_publishing(self) -> None:
        """The publishing panel, once the draft has a publishing side (approved, published, 緊急)."""
        if self.publishing is not None or not shows_publishing(self.situation):
            return
        from gui.publishing.panel import PublishPanel

        # Its changes are announced on the hub, which this window follows (_on_changes).
        self.publishing = PublishPanel(self.session, self.draft_id, self)
        self.left_layout.addWidget(self.publishing)

    def _render_offered(self) -> None:
        withdraw = find(self.offered, ActionKind.WITHDRAW)
        take_back = withdraw or find(self.offered, ActionKind.TAKE_BACK)
        self.reopen_button.setText(
            tr("&Withdraw the submission to edit…")
            if withdraw is not None
            else tr("Take back for editin&g (needs a new approval)…")
        )
        _render(self.reopen_button, take_back)
        _render(self.copy_button, find(self.offered, ActionKind.COPY_TO_NEW_DRAFT))
        _render(self.discard_button, find(self.offered, ActionKind.DISCARD))

    def _on_changes(self, changes: Changes) -> None:
        # An editable window announces its own autosaves; only a read-only one follows the draft.
        if not self.editable and (self.draft_id in changes.drafts or changes.all_drafts):
            self.reload_situation()

    def reload_situation(self) -> None:
        """Re-read the draft's state, row version and offered actions (after publishing, or a change elsewhere).

        A read-only window kept the row version it opened with; taking the draft back after this
        window's own publication then claimed that someone else had changed it.
        """
        store, draft_id = self.session.store, self.draft_id
        self.reloads += 1

        def read() -> tuple[DraftDetail, DraftSituation]:
            return load_draft_detail(store, draft_id), load_situation(store, draft_id)

        Operation(self, read).finished(self._reloaded).success(self._show_situation).run()

    def _reloaded(self) -> None:
        self.reloads -= 1

    def _show_situation(self, result: tuple[DraftDetail, DraftSituation]) -> None:
        detail, situation = result
        if self.editable:
            return
        self.detail, self.situation = detail, situation
        self.row_version, self.state = detail.row_version, detail.state
        self.offered = available_actions(situation, self.session.actor)
        self._render_offered()
        self.gate_label.setText(self._read_only_note())
        self._add_publishing()
        if self.publishing is not None and not self.publishing.busy:
            self.publishing.refresh()

    def _category_combo(self, detail: DraftDetail) -> QComboBox:
        """The draft's category of information: an exception device posts only its own (wako:5 情報の範囲)."""
        self.category = QComboBox()
        self.category.setAccessibleName(tr("Category of information"))
        self.category.setToolTip(
            tr("A personal or off-site device may post only the categories it was approved for (wako:5, joso:6(2)).")
        )
        for category in lifecycle_rules().categories:
            self.category.addItem(category.label, category.key)
        self.category.setCurrentIndex(max(0, self.category.findData(detail.category)))
        return self.category

    def _build_menu(self) -> None:
        file_menu = self.menuBar().addMenu(tr("&File"))
        self.save_action = QAction(tr("&Save"), self)
        self.save_action.setShortcut(QKeySequence.StandardKey.Save)
        self.save_action.triggered.connect(self.save_now)
        self.submit_action = QAction(tr("S&ubmit for approval"), self)
        self.submit_action.setShortcuts([QKeySequence("Ctrl+Return"), QKeySequence("Ctrl+Enter")])
        self.submit_action.triggered.connect(self.submit)
        close_action = QAction(tr("&Close"), self)
        close_action.setShortcut(QKeySequence.StandardKey.Close)
        close_action.triggered.connect(self.close)
        for action in (self.save_action, self.submit_action, close_action):
            file_menu.addAction(action)
        edit_menu = self.menuBar().addMenu(tr("&Edit"))
        self.undo_action = QAction(tr("&Undo"), self)
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.undo_action.triggered.connect(self.editor.undo)
        self.undo_action.setEnabled(False)
        self.redo_action = QAction(tr("&Redo"), self)
        self.redo_action.setShortcut(QKeySequence.StandardKey.Redo)
        self.redo_action.triggered.connect(self.editor.redo)
        self.redo_action.setEnabled(False)
        self.editor.undoAvailable.connect(self.undo_action.setEnabled)
        self.editor.redoAvailable.connect(self.redo_action.setEnabled)
        edit_menu.addAction(self.undo_action)
        edit_menu.addAction(self.redo_action)
        guidance = QAction(tr("Alt text &guidance"), self)
        guidance.setShortcut(QKeySequence.StandardKey.HelpContents)
        guidance.triggered.connect(self.media.show_guidance)
        self.menuBar().addMenu(tr("&Help")).addAction(guidance)

    def _wire(self) -> None:
        self.autosave_timer = QTimer(self)
        self.autosave_timer.setSingleShot(True)
        self.autosave_timer.timeout.connect(self.save_now)
        # textChanged also fires for edits that end where they began (undo, paste of the same text): compare.
        self._last_text = self.editor.toPlainText()
        self.editor.textChanged.connect(self._text_changed)
        self.title.textEdited.connect(lambda _t: self._title_edited())
        self.schedule_box.toggled.connect(self._schedule_toggled)
        self.emergency_box.clicked.connect(self._emergency_clicked)
        self.category.currentIndexChanged.connect(lambda _i: self._changed(recheck=False))
        self.schedule.dateTimeChanged.connect(lambda _d: self._schedule_changed())
        self.confirmations.ticked_changed.connect(self._changed)
        self.media.changed.connect(self._changed)
        self.media.add_requested.connect(self.add_files)
        self.media.captions_requested.connect(self.attach_captions)
        self.media.redact_requested.connect(self.open_redaction)
        self.findings.activated.connect(self._go_to_finding)
        self.findings.acknowledged.connect(self._acknowledge)
        self.submit_button.clicked.connect(self.submit)
        self.reopen_button.clicked.connect(self.take_back)
        self.copy_button.clicked.connect(self.copy_to_new_draft)
        self.discard_button.clicked.connect(self.discard)
        self.tabs.currentChanged.connect(lambda _i: self._refresh_preview())

    # -- state --
    def _state(self) -> State:
        # The text as of the last textChanged (one copy per edit): the checker and
        # the gate read it several times per result, and each toPlainText() of a
        # 100,000-character draft is a fresh copy.
        return self._last_text, self.media.items, self.acks, self.confirmations.ticked

    def text(self) -> str:
        return self._last_text

    def scheduled_at(self) -> datetime | None:
        if not self.schedule_box.isChecked():
            return None
        local: datetime = self.schedule.dateTime().toPython()  # type: ignore[assignment]
        return local.astimezone(UTC)

    def _text_changed(self) -> None:
        text = self.editor.toPlainText()
        if text != self._last_text:
            self._last_text = text
            self._changed()

    def _title_edited(self) -> None:
        self._changed(recheck=False)
        # An emptied title blocks submission at once. Only the blockers: the
        # result's spans are for the text as it was checked, and the
        # underlines have moved with every edit since.
        self._render_blockers()

    def _schedule_toggled(self, on: bool) -> None:
        self.schedule.setEnabled(on and self.editable)
        self._schedule_changed()

    def _schedule_changed(self) -> None:
        self._changed(recheck=False)
        self._render_blockers()  # a time in the past blocks submission at once

    def _changed(self, recheck: bool = True) -> None:
        if not self.editable:
            return
        if not self._dirty:
            self._dirty = True
            self._dirty_clock.start()
            self.save_state.setText(tr("Unsaved changes…"))
        # Debounce, but never let the first unsaved change wait longer than the maximum.
        remaining = AUTOSAVE_MAX_WAIT_MS - self._dirty_clock.elapsed()
        self.autosave_timer.start(max(0, min(AUTOSAVE_DEBOUNCE_MS, remaining)))
        if recheck:
            self.checker.schedule()

    def _acknowledge(self, key: str, reason: str) -> None:
        self.acks[key] = reason
        self._changed()
        self.checker.run_now()

    # -- checks --
    def _show_gate(self, gate: GateStatus) -> None:
        """A new check result: the list and the counters now, the underlines in the next turn.

        On a long draft each half costs several milliseconds (a thousand
        findings); in one turn they held up the key that came meanwhile.
        """
        self.gate = gate
        self.editor.set_findings_soon(self._last_text, gate.records)
        self.findings.set_findings(gate.records, self.acks)
        self.confirmations.set_items(gate.confirmations)
        length = gate.length
        self.counter.setText(f"{length.used} / {length.limit}")
        self.counter.setAccessibleName(tr("Length {used} of {limit}").format(used=length.used, limit=length.limit))
        self.counter.setStyleSheet("color:#c62828;font-weight:bold" if length.over else "")
        self._render_blockers()
        self.tabs.setTabText(0, tr("&Checks ({n})").format(n=len(gate.records)))
        self.tabs.setTabText(
            1,
            tr("C&onfirmations ({done}/{total})").format(
                done=len(gate.confirmations) - len(gate.unticked), total=len(gate.confirmations)
            ),
        )
        self.tabs.setTabText(2, tr("&Media ({n})").format(n=len(self.media.items)))
        self._refresh_preview()

    def _render_blockers(self) -> None:
        """What stands before submitting, under the editor, and *Submit* enabled or not (nothing of the findings)."""
        if self.gate is None:
            return
        reasons = self._submission_check().blockers
        if not self.editable:
            self.gate_label.setText(self._read_only_note())
        else:
            self.gate_label.setText("\n".join(reasons) if reasons else tr("Ready to submit."))
        self._render_submit()

    def _read_only_note(self) -> str:
        return {
            DraftState.SUBMITTED: tr(
                "Submitted: waiting for the supervisor's decision. Withdraw the submission to edit it."
            ),
            DraftState.APPROVED: tr(
                "Approved: it cannot be edited. Publish it, or take it back for editing and have it approved again."
            ),
            DraftState.REJECTED: tr(
                "Rejected: it cannot be submitted again. Start a new draft from it if the post is still needed."
            ),
            DraftState.PUBLISHED: tr("Published: start a correction or request its deletion if something is wrong."),
        }.get(self.state, tr("This draft cannot be edited."))

    def _submission_check(self) -> SubmissionCheck:
        """What stands between the working copy and submitting it, as the composer sees it now."""
        blockers = self.gate.reasons(current_language()) if self.gate is not None else []
        past = schedule_problem(self.scheduled_at())
        if past:
            blockers.append(past)
        untitled = title_problem(self.title.text())
        if untitled:
            blockers.append(untitled)
        if self.gate is None or self.checker.pending:
            blockers.append(tr("Checking person names…"))
        if self._conflict:
            blockers.append(tr("Not saved: someone else changed this draft. Copy your text, then reopen it."))
        return SubmissionCheck(tuple(blockers))

    def _submit_action(self) -> Action | None:
        situation = dataclasses.replace(self.situation, submission=self._submission_check())
        return find(available_actions(situation, self.session.actor), ActionKind.SUBMIT)

    def _render_submit(self) -> None:
        action = self._submit_action()
        enabled = action is not None and action.enabled
        self.submit_button.setEnabled(enabled)
        self.submit_action.setEnabled(enabled)

    @property
    def can_submit(self) -> bool:
        action = self._submit_action()
        return action is not None and action.enabled

    def _refresh_preview(self) -> None:
        if self.tabs.currentWidget() is self.preview:
            self.preview.set_post(self.editor.toPlainText(), self.media.items)

    def _go_to_finding(self, record: FindingRecord) -> None:
        if record.span is not None:
            self.editor.select_finding(record)
        elif record.media_index is not None:
            self.tabs.setCurrentWidget(self.media)
            self.media.select(record.media_index)

    def _load_blob(self, sha256: str) -> bytes | None:
        return self._images.get(sha256)

    # -- saving --
    def _snapshot(self) -> dict[str, Any]:
        return {
            "text": self.editor.toPlainText(),
            "title": self.title.text(),
            "media": list(self.media.items),
            "scheduled_at": self.scheduled_at(),
            "acknowledgements": dict(self.acks),
            "confirmations": list(self.confirmations.ticked),
            "category": str(self.category.currentData()),
        }

    def save_now(self) -> None:
        """Save the working copy on a worker thread (queued if a save is running)."""
        self.autosave_timer.stop()
        if not self.editable or self._conflict or not self._dirty:
            return
        if self._saving:
            self._save_again = True
            return
        self._saving = True
        self._dirty = False
        snapshot = self._snapshot()
        row_version = self.row_version
        service = self.service
        draft_id = self.draft_id
        self.save_state.setText(tr("Saving…"))

        def work(_report: Progress) -> int:
            return service.save(draft_id, row_version, **snapshot)

        run_task(work, on_done=self._saved, on_error=self._save_failed, parent=self)

    def _saved(self, row_version: int) -> None:
        self._saving = False
        self.row_version = row_version
        # This window's own autosave: only what shows this draft re-reads (the change watcher leaves it out).
        announce(Changes(drafts=frozenset({self.draft_id})))
        self.save_state.setText(tr("Saved at {time}").format(time=datetime.now().strftime("%H:%M:%S")))
        if self._submit_after_save:
            self._submit_after_save = False
            self.submit()
        elif self._save_again or self._dirty:
            self._save_again = False
            self._dirty = True
            self.save_now()

    def _save_failed(self, exc: BaseException) -> None:
        self._saving = False
        self._dirty = True
        known = explain(exc)
        if isinstance(exc, Conflict):
            self._conflict = True
            self.save_state.setText(tr("Not saved: someone else changed this draft. Copy your text, then reopen it."))
            self._render_submit()
            show_error(self, exc)
        elif known is not None:
            self.save_state.setText(tr("Not saved: {message}").format(message=known.message))
            self.autosave_timer.start(AUTOSAVE_MAX_WAIT_MS)  # retry; the text stays in the editor
        else:
            from gui.crash import report_exception

            # Say the truth (this change is not saved) and keep retrying: the
            # text stays in the editor whatever the cause.
            self.save_state.setText(tr("Not saved (unexpected error). Your text is still here; retrying…"))
            self.autosave_timer.start(AUTOSAVE_MAX_WAIT_MS)
            report_exception(exc, unsaved=True)

    def _emergency_clicked(self, checked: bool) -> None:
        """Mark or unmark 緊急 through the service (a reason is required and recorded)."""
        from core.services.emergency import EmergencyService

        if self._saving or self._conflict:
            # A save on its way would meet the new row version: nothing changes until it is back.
            self.emergency_box.setChecked(not checked)
            if self._saving:
                self.statusBar().showMessage(tr("Saving… try again in a moment."), 5000)
            return
        service = EmergencyService(self.service.store, self.service.actor)
        drafts = self.service
        reason = ""
        if checked:
            reason, ok = QInputDialog.getText(
                self, tr("Emergency"), tr("Why is this an emergency? (e.g. evacuation information)")
            )
            if not ok or not reason.strip():
                self.emergency_box.setChecked(False)
                return
        draft_id, row_version = self.draft_id, self.row_version
        self.autosave_timer.stop()
        snapshot = self._snapshot() if self._dirty else None
        self._dirty = False
        self.emergency_box.setEnabled(False)

        saved: list[int] = []

        def work() -> int:
            if snapshot is not None:  # what is on screen is saved first, in the same worker call
                saved.append(drafts.save(draft_id, row_version, **snapshot))
            return service.mark(draft_id, reason) if checked else service.clear(draft_id)

        def marked(row_version: int) -> None:
            self.row_version = row_version
            self.emergency_reason.setText(reason.strip() if checked else "")

        def refused(exc: KohoGateError) -> None:
            if saved:
                self.row_version = saved[0]  # the save went through; only the mark was refused
            else:
                self._dirty = self._dirty or snapshot is not None
            self.emergency_box.setChecked(not checked)
            show_error(self, exc)

        Operation(self, work).changes(Changes(drafts=frozenset({draft_id}), queue=True)).finished(
            lambda: self.emergency_box.setEnabled(self.editable)
        ).success(marked).failure(refused).run()

    def flush(self) -> bool:
        """Finish any running save and save what is left, synchronously (before submit and close)."""
        if self._saving:
            wait_for_tasks()
            from PySide6.QtCore import QCoreApplication

            QCoreApplication.processEvents()
        self.autosave_timer.stop()
        if not self.editable or self._conflict:
            return not self._conflict
        if self._dirty:
            try:
                self.row_version = self.service.save(self.draft_id, self.row_version, **self._snapshot())
            except Exception as exc:
                if explain(exc) is None:
                    raise
                self._save_failed(exc)
                return False
            self._dirty = False
            self.save_state.setText(tr("Saved at {time}").format(time=datetime.now().strftime("%H:%M:%S")))
        return True

    # -- submitting --
    def submit(self) -> None:
        self.checker.run_now()
        if self.submitting or not self.can_submit or self._conflict:
            return
        if self._saving:
            self._submit_after_save = True  # the running autosave ends first; submitting follows it
            return
        self.autosave_timer.stop()
        service, draft_id, row_version = self.service, self.draft_id, self.row_version
        snapshot = self._snapshot() if self._dirty else None
        self.submitting = True
        self._dirty = False
        self.statusBar().showMessage(tr("Submitting…"))

        def work() -> int:
            # What is on screen is saved first, in the same worker call: the version is what the person saw.
            version = service.save(draft_id, row_version, **snapshot) if snapshot is not None else row_version
            return service.submit(draft_id, version)

        Operation(self, work).changes(Changes(drafts=frozenset({draft_id}), queue=True)).finished(
            self._submit_finished
        ).success(self._submitted).failure(self._submit_failed).run()

    def _submit_finished(self) -> None:
        self.submitting = False
        self.statusBar().clearMessage()

    def _submit_failed(self, exc: KohoGateError) -> None:
        self._dirty = True  # whether the save or the submission refused, the text stays to be saved again
        if isinstance(exc, Conflict):
            self._conflict = True
            self._render_submit()
        show_error(self, exc)

    def _submitted(self, version_id: int) -> None:
        self.editable = False
        self.state = DraftState.SUBMITTED
        self.submitted.emit(version_id)
        self.statusBar().showMessage(tr("Submitted for approval."))
        self.close()

    def copy_to_new_draft(self) -> None:
        """A rejected draft cannot be resubmitted: start a new one with its text and media."""
        service, draft_id = self.service, self.draft_id
        self.copy_button.setEnabled(False)

        def copied(new_id: int) -> None:
            self.copied.emit(new_id)
            self.close()

        Operation(self, lambda: service.duplicate(draft_id)).changes(
            lambda new_id: Changes(drafts=frozenset({draft_id, new_id}))
        ).finished(self._render_offered).success(copied).run()

    def discard(self) -> None:
        """破棄, after a confirmation: the draft leaves the list; the record keeps its text."""
        title = self.title.text().strip() or tr("(no title)")
        if not messages.confirm_irreversible(
            self,
            tr("Discard draft"),
            tr("Discard the draft “{title}” for {account}? It leaves the list for good.").format(
                title=title, account=self.detail.account
            ),
            informative=tr("The audit record keeps its title and text as discarded (破棄)."),
            accept=tr("&Discard"),
        ):
            return
        self.autosave_timer.stop()
        service, draft_id = self.service, self.draft_id
        row_version, snapshot = self.row_version, self._snapshot() if self._dirty else None
        self.discard_button.setEnabled(False)

        def work() -> None:
            # The text on screen is what the record keeps: saved first, in the same worker call.
            version = service.save(draft_id, row_version, **snapshot) if snapshot is not None else row_version
            service.discard(draft_id, version)

        def discarded(_result: None) -> None:
            self.editable = False  # nothing left to save on close
            self.close()

        Operation(self, work).changes(Changes(drafts=frozenset({draft_id}))).finished(self._render_offered).success(
            discarded
        ).run()

    def take_back(self) -> None:
        """Withdraw the submission or set the approval aside, with a reason, to edit again."""
        reason, ok = QInputDialog.getText(
            self,
            tr("Take back for editing"),
            tr(
                "Why is this draft taken back? The reason is kept in the record. "
                "It must be submitted and approved again before it can be published."
            ),
        )
        if not ok:
            return
        service, draft_id, row_version = self.service, self.draft_id, self.row_version
        self.reopen_button.setEnabled(False)

        def reopened(_row_version: int) -> None:
            self.reopened.emit(draft_id)
            self.close()

        Operation(self, lambda: service.reopen(draft_id, row_version, reason)).changes(
            Changes(drafts=frozenset({draft_id}), queue=True)
        ).finished(self._render_offered).success(reopened).run()

    # -- media --
    def add_files(self, paths: list[str]) -> None:
        """Prepare (orient, strip EXIF, detect faces) and store files off the UI thread."""
        if not paths or not self.editable:
            return
        service = self.service

        def work(report: Progress) -> tuple[list[StoredMedia], list[str], dict[str, bytes]]:
            from dataclasses import replace

            from core.composer.faces import detect_faces
            from core.composer.media_store import prepare_file

            items: list[StoredMedia] = []
            errors: list[str] = []
            images: dict[str, bytes] = {}
            for done, path in enumerate(paths, start=1):
                try:
                    prepared = prepare_file(path)
                    if prepared.kind == "image":
                        prepared = replace(prepared, faces=len(detect_faces(prepared.data)))
                    sha256 = service.store_media(prepared)
                    items.append(prepared.item())
                    if prepared.kind == "image":
                        images[sha256] = prepared.data
                except KohoGateError as exc:
                    errors.append(exc.message)
                report(done, len(paths))
            return items, errors, images

        self._start_progress(len(paths))
        run_task(work, on_done=self._files_added, on_error=self._task_failed, on_progress=self._progress, parent=self)

    def _files_added(self, result: tuple[list[StoredMedia], list[str], dict[str, bytes]]) -> None:
        self.progress.hide()
        items, errors, images = result
        self._images.update(images)
        for item in items:
            self.media.add_item(item)
        if items:
            self.tabs.setCurrentWidget(self.media)
            self.checker.run_now()
        if errors:
            messages.warning(self, tr("Some files were not attached"), "\n".join(errors))

    def attach_captions(self, row: int, path: str) -> None:
        service = self.service

        def work(_report: Progress) -> tuple[str, str]:
            from core.composer.media_store import prepare_captions

            prepared = prepare_captions(path)
            return service.store_media(prepared), prepared.name

        def done(result: tuple[str, str]) -> None:
            if row < len(self.media.items):
                sha256, name = result
                self.media.replace_item(
                    row, dataclasses.replace(self.media.items[row], captions_sha256=sha256, captions_name=name)
                )

        run_task(work, on_done=done, on_error=self._task_failed, parent=self)

    def open_redaction(self, row: int) -> None:
        """Detect faces (worker), then open the redaction editor with them marked."""
        if self._finding_faces:
            return  # a second click while the first search runs would open the editor twice
        item = self.media.items[row]
        data = self._load_blob(item.sha256)
        if data is None:
            return

        def work(_report: Progress) -> list[Any]:
            from core.composer.faces import detect_faces

            return detect_faces(data)

        self._finding_faces = True
        self.statusBar().showMessage(tr("Looking for faces in {name}…").format(name=item.name))
        QApplication.setOverrideCursor(Qt.CursorShape.BusyCursor)

        def failed(exc: BaseException) -> None:
            self._faces_found()
            self._task_failed(exc)

        def found(faces: list[Any]) -> None:
            self._faces_found()
            self._show_redaction(row, data, faces)

        run_task(work, on_done=found, on_error=failed, parent=self)

    def _faces_found(self) -> None:
        self._finding_faces = False
        self.statusBar().clearMessage()
        QApplication.restoreOverrideCursor()

    def _show_redaction(self, row: int, data: bytes, faces: list[Any]) -> None:
        from gui.composer.redaction_dialog import RedactionDialog

        item = self.media.items[row]
        dialog = RedactionDialog(data, item.name, faces, self)
        if dialog.exec() == RedactionDialog.DialogCode.Accepted and dialog.masked is not None:
            from core.composer.redaction import faces_left_visible

            # Masking one area must not vouch for a face left as it was.
            self.store_redacted(row, dialog.masked, faces_left_visible(faces, dialog.canvas.areas))

    def store_redacted(self, row: int, data: bytes, faces_left: int = 0) -> None:
        """Store the masked copy and let it replace the original in the draft."""
        from core.composer.media_store import PreparedMedia

        item = self.media.items[row]
        prepared = PreparedMedia("image", item.mime, item.name, data, item.width, item.height)
        service = self.service

        def work(_report: Progress) -> str:
            return service.store_media(prepared)

        def done(sha256: str) -> None:
            self._images[sha256] = data
            self.media.replace_item(row, dataclasses.replace(item, sha256=sha256, redacted=True, faces=faces_left))
            self.checker.run_now()

        run_task(work, on_done=done, on_error=self._task_failed, parent=self)

    def _start_progress(self, total: int) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(0)
        self.progress.show()

    def _progress(self, done: int, total: int) -> None:
        self.progress.setMaximum(total)
        self.progress.setValue(done)

    def _task_failed(self, exc: BaseException) -> None:
        self.progress.hide()
        show_error(self, exc)

    # -- closing --
    def closeEvent(self, event: QCloseEvent) -> None:
        if (
            self.editable
            and not self.flush()
            and not messages.confirm_discard(
                self,
                tr("Close without saving?"),
                tr("The latest changes could not be saved. Close anyway and lose them?"),
                accept=tr("&Close without saving"),
            )
        ):
            event.ignore()
            return
        if self.editable:
            self._end_editing()
        if self._listening:
            self._listening = False
            change_hub().changed.disconnect(self._on_changes)
        self.closed.emit(self.draft_id)
        super().closeEvent(event)

    def _end_editing(self) -> None:
        """Close this editing session in the audit record (its saves since the last entry, in one entry)."""
        try:
            self.service.end_editing(self.draft_id)
        except Exception as exc:
            if explain(exc) is None:
                raise
            # Not lost: the session is ended as idle at a later save (core/audit/editing.py).
            log.warning("editing session of draft %s not closed: %s", self.draft_id, exc)


def _render(button: QPushButton, action: Action | None) -> None:
    """Show ``button`` only when its action is offered; enabled as decided, the reason as its tooltip."""
    button.setVisible(action is not None)
    button.setEnabled(action is not None and action.enabled)
    button.setToolTip(action.reason if action is not None else "")
