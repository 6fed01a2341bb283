"""The review screen: exactly the submitted version, and the decision on it.

Shows the platform preview (with the redacted, EXIF-free images as stored),
every image's alt text, the findings with the operator's acknowledgements,
the ticked confirmations with who ticked them, the difference to the version
reviewed before, and the account's operating policy one click away. The
decision is signed with the supervisor's key (core.services.reviews).
"""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from core.lifecycle.actions import Action, ActionKind, available_actions, find
from core.lifecycle.states import ReviewDecision
from core.platforms.facts import Platform, platform_label
from core.services.review_view import ReviewView, read_review
from core.services.reviews import ReviewService
from core.signoff.review_data import ConfirmationView, FindingView, ReviewData, media_label
from gui import messages
from gui.changes import Changes
from gui.composer.preview import PostPreview
from gui.i18n import translator
from gui.models.rows import Column, RowsModel
from gui.session import AppSession
from gui.widgets.palette import SEVERITY_COLOURS
from gui.widgets.plain import plain
from gui.widgets.table_view import make_table

tr = translator("ReviewDialog")


def diff_html(data: ReviewData) -> str:
    if data.previous_number is None:
        return f"<p>{html.escape(tr('First submission: nothing to compare with.'))}</p>"
    parts = []
    for part in data.diff:
        text = html.escape(part.text).replace("\n", "<br>")
        if part.op == "insert":
            parts.append(f"<span style='background:#c8e6c9'>{text}</span>")
        elif part.op == "delete":
            parts.append(f"<span style='background:#ffcdd2;text-decoration:line-through'>{text}</span>")
        else:
            parts.append(text)
    head = html.escape(tr("Changes since version {n} (green: added, red: removed)").format(n=data.previous_number))
    comment = (
        f"<p><b>{html.escape(tr('Comment on that version:'))}</b> {html.escape(data.previous_comment)}</p>"
        if data.previous_comment
        else ""
    )
    text_changes = "".join(parts) if any(p.op != "equal" for p in data.diff) else html.escape(tr("Text unchanged."))
    others = ""
    if data.changes:
        rows = "".join(
            f"<tr><td>{html.escape(c.what)}</td>"
            f"<td style='background:#ffcdd2'>{html.escape(c.before) or '—'}</td>"
            f"<td style='background:#c8e6c9'>{html.escape(c.after) or '—'}</td></tr>"
            for c in data.changes
        )
        others = (
            f"<p><b>{html.escape(tr('Other changes (time, images and videos, their descriptions):'))}</b></p>"
            f"<table border='1' cellspacing='0' cellpadding='4'>"
            f"<tr><th>{html.escape(tr('What'))}</th><th>{html.escape(tr('Before'))}</th>"
            f"<th>{html.escape(tr('Now'))}</th></tr>{rows}</table>"
        )
    return f"<p><b>{head}</b></p>{comment}<p>{text_changes}</p>{others}"


def _facts_html(data: ReviewData) -> str:
    """What will be published, where and when, above everything else (the title first)."""
    when = (
        data.scheduled_at.astimezone().strftime("%Y-%m-%d %H:%M")
        if data.scheduled_at
        else tr("not scheduled: as soon as it is published after approval")
    )
    facts = [
        (tr("Title"), data.title or tr("(no title)")),
        (tr("Account"), f"{data.account_name} ({data.account})"),
        (tr("Category"), data.category),
        (tr("Goes out"), when),
        (tr("Author"), data.author),
        (tr("Submitted"), data.submitted_at.astimezone().strftime("%Y-%m-%d %H:%M")),
    ]
    if data.emergency:
        facts.append((tr("Emergency"), data.emergency_reason))
    return "<br>".join(f"<b>{html.escape(k)}:</b> {html.escape(v)}" for k, v in facts) + (
        f"<br><span style='color:#c62828'><b>{html.escape(tr('EMERGENCY'))}</b></span>" if data.emergency else ""
    )


def _origin_text(view: ReviewView) -> str:
    """Where the draft came from: a template (定型文) and the group of one message for several accounts (一括作成)."""
    lines = []
    if view.origin is not None:
        lines.append(
            tr("From the template “{name}” (revision {revision}).").format(
                name=view.origin.name, revision=view.origin.revision
            )
        )
    if view.group is not None:
        others = [
            f"{m.account} ({platform_label(m.platform)}: {m.state.label})"
            for m in view.group.members
            if m.draft_id != view.data.draft_id
        ]
        lines.append(
            tr("One of the group “{title}”, also for: {others}. Each is decided on its own content.").format(
                title=view.group.title, others=tr(", ").join(others)
            )
        )
    return "\n".join(lines)


def open_review(session: AppSession, version_id: int, parent: QWidget) -> None:
    """Read the review off the UI thread, then open its dialog (modal) on what was read."""
    from gui.operations import Operation

    store = session.store

    def show(view: ReviewView) -> None:
        ReviewDialog(session, view, parent).exec()

    reader = session.actor.staff_id
    Operation(parent, lambda: read_review(store, version_id, reader_id=reader)).success(show).run()


class ReviewDialog(QDialog):
    """The dialog over a :class:`ReviewView` read beforehand (:func:`open_review`); it reads nothing itself."""

    def __init__(self, session: AppSession, view: ReviewView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.view = view
        self.version_id = view.data.version_id
        self.data = view.data
        self.decided: ReviewDecision | None = None
        self.deciding = False  # a decision is being signed and recorded (off the UI thread)
        self.setObjectName("reviewDialog")
        self.setWindowTitle(tr("Review: {account} — version {n}").format(account=self.data.account, n=self.data.number))
        data = self.data

        try:
            platform = Platform(data.platform)
        except ValueError:
            platform = Platform.X
        self.preview = PostPreview(platform, data.text, data.media, view.images.get, account=data.account_name)
        self.facts = QLabel(_facts_html(data))
        self.facts.setObjectName("reviewFacts")
        self.facts.setWordWrap(True)
        self.facts.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.origin = plain(QLabel(_origin_text(view)))
        self.origin.setObjectName("reviewOrigin")
        self.origin.setWordWrap(True)
        self.origin.setVisible(bool(self.origin.text()))
        self._build_rest(data)

    def _build_rest(self, data: ReviewData) -> None:
        self.findings: RowsModel[FindingView] = RowsModel(
            [
                Column(
                    tr("Severity"), lambda f: f.severity_label, foreground=lambda f: SEVERITY_COLOURS.get(f.severity)
                ),
                Column(tr("Check"), lambda f: f.title, tooltip=lambda f: f"{f.rule} — {f.clause}"),
                Column(tr("What it says"), lambda f: f.message, tooltip=lambda f: f.message),
                Column(tr("Where"), lambda f: f.excerpt),
                Column(tr("Operator's reason"), lambda f: f.reason, tooltip=lambda f: f.reason),
                Column(tr("Acknowledged by"), lambda f: f.acknowledged_by),
            ]
        )
        self.findings.set_rows(data.findings)
        findings_view = make_table(self.findings, tr("Findings"), stretch_column=2)
        self.confirmations: RowsModel[ConfirmationView] = RowsModel(
            [
                Column(tr("Confirmation"), lambda c: c.text, tooltip=lambda c: c.text),
                Column(tr("Clause"), lambda c: c.clauses),
                Column(tr("Ticked by"), lambda c: c.ticked_by),
            ]
        )
        self.confirmations.set_rows(data.confirmations)
        confirmations_view = make_table(self.confirmations, tr("Confirmations"), stretch_column=0)
        media_text = QTextBrowser()
        media_text.setAccessibleName(tr("Images and alt text"))
        media_text.setHtml(
            "".join(
                f"<p><b>{html.escape(media_label(m, i))}</b> — {html.escape(tr('Alt text:'))} "
                f"{html.escape(m.alt or (tr('(decorative)') if m.decorative else tr('(none)')))}"
                + (f" — {html.escape(tr('faces redacted'))}" if m.redacted else "")
                + "</p>"
                for i, m in enumerate(data.media, start=1)
            )
            or html.escape(tr("No images or videos."))
        )
        self.diff = QTextBrowser()
        self.diff.setObjectName("diffView")
        self.diff.setAccessibleName(tr("Changes since the previous version"))
        self.diff.setHtml(diff_html(data))
        self._build_tabs(data, findings_view, confirmations_view, media_text)
        self._build_decision()
        self._lay_out()

    def _build_tabs(
        self, data: ReviewData, findings_view: QWidget, confirmations_view: QWidget, media_text: QWidget
    ) -> None:
        self.tabs = QTabWidget()
        if data.findings:
            findings_page: QWidget = findings_view
        else:
            findings_page = QLabel(tr("No findings: the checks found nothing to fix or confirm."))
            findings_page.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.tabs.addTab(findings_page, tr("Findings ({n})").format(n=len(data.findings)))
        self.tabs.addTab(confirmations_view, tr("Confirmations ({n})").format(n=len(data.confirmations)))
        self.tabs.addTab(media_text, tr("Images and alt text ({n})").format(n=len(data.media)))
        self.tabs.addTab(self.diff, tr("Changes"))
        if data.previous_number is not None:
            self.tabs.setCurrentWidget(self.diff)

    def _build_decision(self) -> None:
        self.policy_button = QPushButton(tr("Operating &policy…"))
        self.policy_button.clicked.connect(self.show_policy)
        self.comment = QPlainTextEdit()
        self.comment.setAccessibleName(tr("Comment for the operator"))
        self.comment.setPlaceholderText(tr("Comment (required to return or reject)"))
        self.comment.setMaximumHeight(80)
        self.comment.setTabChangesFocus(True)
        self.approve_button = QPushButton(tr("&Approve"))
        self.return_button = QPushButton(tr("&Return with comments"))
        self.reject_button = QPushButton(tr("Re&ject"))
        self.record_button = QPushButton(tr("Save approval &record (PDF)…"))
        self.approve_button.clicked.connect(lambda: self.decide(ReviewDecision.APPROVED))
        self.return_button.clicked.connect(lambda: self.decide(ReviewDecision.RETURNED))
        self.reject_button.clicked.connect(lambda: self.decide(ReviewDecision.REJECTED))
        self.record_button.clicked.connect(self.ask_record)
        self.status = plain(QLabel())
        self.status.setWordWrap(True)

    def _lay_out(self) -> None:
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.addWidget(self.facts)  # title, account, kind and time first: what is being approved
        left_layout.addWidget(self.origin)
        left_layout.addWidget(self.preview, 1)
        left_layout.addWidget(self.policy_button)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(self.tabs)
        splitter.setSizes([420, 640])
        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.record_button)
        buttons.addWidget(self.reject_button)
        buttons.addWidget(self.return_button)
        buttons.addWidget(self.approve_button)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.comment)
        layout.addLayout(buttons)
        self.resize(1120, 690)
        close = QPushButton(tr("Close"))
        close.setShortcut(QKeySequence.StandardKey.Close)
        close.clicked.connect(self.reject)
        buttons.addWidget(close)
        self._update_buttons()

    def _update_buttons(self) -> None:
        decision = self.data.decision
        offered = available_actions(self.view.situation, self.session.actor)
        approve = find(offered, ActionKind.APPROVE)
        for button, kind in (
            (self.approve_button, ActionKind.APPROVE),
            (self.return_button, ActionKind.RETURN),
            (self.reject_button, ActionKind.REJECT),
            (self.record_button, ActionKind.SAVE_APPROVAL_RECORD),
        ):
            _render(button, find(offered, kind))
        self.comment.setReadOnly(approve is None or not approve.enabled)
        if decision is not None:
            self.status.setText(
                tr("Decision: {decision} ({name}).").format(
                    decision=ReviewDecision(decision.decision).label, name=decision.reviewer
                )
            )
            if decision.comment:
                self.comment.setPlainText(decision.comment)

    def _confirm_approval(self) -> bool:
        """承認 is signed and cannot be taken back: say what it lets happen (which account, when)."""
        data = self.data
        when = (
            tr("It will go out at {time}.").format(time=data.scheduled_at.astimezone().strftime("%Y-%m-%d %H:%M"))
            if data.scheduled_at
            else tr("An operator may then publish it at once.")
        )
        return messages.confirm_irreversible(
            self,
            tr("Approve"),
            tr(
                "Approve version {n} of “{title}” for {account}? Your signature binds exactly this text and media."
            ).format(
                n=data.number, title=data.title or tr("(no title)"), account=f"{data.account_name} ({data.account})"
            ),
            informative=when,
            accept=tr("&Approve and sign"),
        )

    def decide(self, decision: ReviewDecision) -> bool:
        comment = self.comment.toPlainText().strip()
        if decision is not ReviewDecision.APPROVED and not comment:
            self.status.setText(tr("Write a comment for the operator first."))
            self.comment.setFocus()
            return False
        if decision is ReviewDecision.APPROVED and not self._confirm_approval():
            return False
        from gui.operations import Operation
        from gui.review.signer import signer_for

        session, version_id = self.session, self.version_id

        def call() -> ReviewView:
            ReviewService(session.store, session.actor).decide(
                version_id, decision, comment, signer=signer_for(session)
            )
            return read_review(session.store, version_id, reader_id=session.actor.staff_id)

        def done(view: ReviewView) -> None:
            self.decided = decision
            self.view, self.data = view, view.data
            self._update_buttons()

        def finished() -> None:
            self.deciding = False

        self.deciding = True
        Operation(self, call).changes(Changes(drafts=frozenset({self.data.draft_id}), queue=True)).finished(
            finished
        ).success(done).run()
        return True

    def reject(self) -> None:
        """Close (Esc, Close, Ctrl+W); a comment written but not sent is not thrown away unasked."""
        if (
            self.data.decision is None
            and self.comment.toPlainText().strip()
            and not messages.confirm_discard(
                self,
                tr("Comment not sent"),
                tr("You wrote a comment but made no decision. Close and discard the comment?"),
                accept=tr("&Discard and close"),
                name="discardComment",
            )
        ):
            self.comment.setFocus()
            return
        super().reject()

    def show_policy(self) -> None:
        text = "\n\n".join(f"{label}\n{value or '—'}" for label, value in self.data.policy)
        messages.info(
            self,
            tr("Operating policy: {account}").format(account=self.data.account),
            tr("Operating policy (joso:3(3)) of {account}").format(account=self.data.account_name),
            informative=text[:600],
            detail=text,
        )

    def ask_record(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self,
            tr("Save approval record"),
            f"kessai-{self.data.draft_id}-v{self.data.number}.pdf",
            tr("PDF files (*.pdf)"),
        )
        if name:
            self.save_record(Path(name))

    def save_record(self, path: Path) -> None:
        """Write the 決裁記録 off the UI thread (core.records makes every PDF; no Qt printing)."""
        from core.records.approval import write_approval_record
        from gui.operations import Operation

        store, version_id = self.session.store, self.version_id
        Operation(self, lambda: write_approval_record(store, version_id, path)).success(
            lambda written: self.status.setText(tr("Approval record saved to {path}.").format(path=written))
        ).run()


def _render(button: QPushButton, action: Action | None) -> None:
    """Enabled as decided in core (the buttons stay in place: the dialog's layout does not jump)."""
    button.setEnabled(action is not None and action.enabled)
    button.setToolTip(action.reason if action is not None else "")
