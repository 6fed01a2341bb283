"""The publishing panel of an approved or published draft (shown in the composer window).

View and wiring only: whether a post may go out, and what happens after a
failure, is decided in :mod:`core.publishing`. The panel runs the outbox off
the UI thread through :class:`gui.operations.Operation`, shows upload progress, and
keeps the last message on screen (not in a modal box) so the operator can
read it while checking the account.

Signals:
    correction_created(int): a correction draft was created; its id.
    changed(): a publication changed (published, recorded, deleted …).
"""

from __future__ import annotations

import html
from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from core.errors import explain
from core.lifecycle.actions import Action, ActionKind, available_actions, find
from core.lifecycle.states import DraftState, PublicationState
from core.platforms.facts import platform_label
from core.publishing.post_urls import is_post_url
from core.publishing.records import DeletionRow, PublicationRow, PublicationService
from core.publishing.side import PublishingSide, read_publishing_side
from core.runtime.logging_setup import redact
from core.services.drafts import DraftDetail, DraftService
from gui import messages
from gui.changes import Changes, announce
from gui.i18n import translator
from gui.operations import LatestRead, Operation
from gui.session import AppSession
from gui.tasks import Progress

T = TypeVar("T")

tr = translator("Publishing")


def _message(exc: BaseException) -> str:
    known = explain(exc)
    if known is None:
        return tr("Unexpected error: {kind}").format(kind=type(exc).__name__)
    return redact(str(known))


class PublishPanel(QGroupBox):
    correction_created = Signal(int)
    changed = Signal()

    def __init__(self, session: AppSession, draft_id: int, parent: QWidget | None = None) -> None:
        super().__init__(tr("Publishing"), parent)
        self.setObjectName("publishPanel")
        self.session = session
        self.draft_id = draft_id
        self._acting = False
        self.side: PublishingSide | None = None
        self._reads = LatestRead(self)
        # While the state is read the buttons keep their place but take nothing (see busy).
        self._reads.busy_changed.connect(lambda _busy: self._render_side())
        # Everything shown here may come from outside (a recorded URL, a platform's error, a reason):
        # plain text only. The one link is built apart, escaped, and opens only a post address on
        # the platform's own hosts (never openExternalLinks, which would follow file:// too).
        self.status = QLabel()
        self.status.setObjectName("publishStatus")
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setWordWrap(True)
        self.link = QLabel()
        self.link.setObjectName("publishLink")
        self.link.setTextFormat(Qt.TextFormat.RichText)
        self.link.setOpenExternalLinks(False)
        self.link.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse)
        self.link.linkActivated.connect(self.open_link)
        self.message = QLabel()
        self.message.setObjectName("publishMessage")
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setWordWrap(True)
        self.progress = QProgressBar()
        self.progress.setVisible(False)
        self.progress.setAccessibleName(tr("Upload progress"))
        self.publish_button = QPushButton(tr("&Publish now"))
        self.manual_button_text = tr("Post &by hand…")
        self.manual_button = QPushButton(self.manual_button_text)
        self.check_button = QPushButton(tr("Look for the post &again"))
        self.resolve_button = QPushButton(tr("Record what &happened…"))
        self.correction_button = QPushButton(tr("Start a &correction"))
        self.delete_button = QPushButton(tr("Request &deletion…"))
        self.execute_button = QPushButton(tr("Carry out the approved deletion"))
        self.manual_delete_button = QPushButton(tr("Deleted by hand"))
        self._buttons = (
            self.publish_button,
            self.manual_button,
            self.check_button,
            self.resolve_button,
            self.correction_button,
            self.delete_button,
            self.execute_button,
            self.manual_delete_button,
        )
        buttons = QHBoxLayout()
        for button in self._buttons:
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addWidget(self.link)
        layout.addWidget(self.progress)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self.publish_button.clicked.connect(self.publish)
        self.manual_button.clicked.connect(self.open_manual)
        self.check_button.clicked.connect(self.reconcile)
        self.resolve_button.clicked.connect(self.resolve)
        self.correction_button.clicked.connect(self.start_correction)
        self.delete_button.clicked.connect(self.request_deletion)
        self.execute_button.clicked.connect(self.execute_deletion)
        self.manual_delete_button.clicked.connect(self.record_deleted_by_hand)
        self.refresh()

    # -- state --
    @property
    def busy(self) -> bool:
        """An action is running, or the state after one is still being read: nothing new is started."""
        return self._acting or self._reads.busy

    @property
    def detail(self) -> DraftDetail | None:
        return self.side.detail if self.side is not None else None

    @property
    def current(self) -> PublicationRow | None:
        """The newest publication of the draft, as last read."""
        return self.side.current if self.side is not None else None

    @property
    def deletion(self) -> DeletionRow | None:
        """Its open deletion request, as last read."""
        return self.side.deletion if self.side is not None else None

    def refresh(self) -> None:
        """Read the publishing side again (off the UI thread); the panel keeps what it shows until it is in."""
        store, draft_id, terminal = self.session.store, self.draft_id, self.session.env.terminal.uid
        self._reads.run(lambda: read_publishing_side(store, draft_id, terminal), self._show)

    def _show(self, side: PublishingSide) -> None:
        self.side = side
        self._render_side()

    def _render_side(self) -> None:
        side = self.side
        if side is None:
            for button in self._buttons:
                button.setVisible(False)
            return
        self.status.setText(self._status_text(side.detail.state, side.current))
        self._show_link(side.current)
        offered = available_actions(side.situation, self.session.actor)
        early = find(offered, ActionKind.POST_BY_HAND_BEFORE_APPROVAL)
        self.manual_button.setText(
            tr("Post by hand &before approval (emergency)…") if early is not None else self.manual_button_text
        )
        for button, action in (
            (self.publish_button, find(offered, ActionKind.PUBLISH_NOW)),
            (self.manual_button, early or find(offered, ActionKind.POST_BY_HAND)),
            (self.check_button, find(offered, ActionKind.LOOK_FOR_POST)),
            (self.resolve_button, find(offered, ActionKind.RECORD_OUTCOME)),
            (self.correction_button, find(offered, ActionKind.START_CORRECTION)),
            (self.delete_button, find(offered, ActionKind.REQUEST_DELETION)),
            (self.execute_button, find(offered, ActionKind.CARRY_OUT_DELETION)),
            (self.manual_delete_button, find(offered, ActionKind.RECORD_DELETED_BY_HAND)),
        ):
            self._render(button, action)

    def _render(self, button: QPushButton, action: Action | None) -> None:
        # While a call runs nothing else is started from here (one outcome on screen at a time).
        button.setVisible(action is not None)
        button.setEnabled(action is not None and action.enabled and not self.busy)
        button.setToolTip(action.reason if action is not None else "")

    def _status_text(self, state: DraftState, row: PublicationRow | None) -> str:
        if row is None and state is DraftState.SUBMITTED:
            return tr(
                "Emergency: this post may go out by hand before approval. A supervisor must review it "
                "afterwards (事後承認) within the organization's deadline."
            )
        if row is None:
            scheduled = self.detail.scheduled_at if self.detail is not None else None
            if scheduled is not None:
                return tr(
                    "Approved. Scheduled for {time}: it goes out then while KohoGate runs on an approved terminal."
                ).format(time=scheduled.astimezone().strftime("%Y-%m-%d %H:%M"))
            return tr("Approved and ready to publish.")
        text = tr("Status: {state}").format(state=row.state.label)
        if row.url and not self._linkable(row):
            text += " — " + row.url  # plain text: not a post address this panel will open
        if row.published_at is not None:
            text += " " + tr("({time})").format(time=row.published_at.astimezone().strftime("%Y-%m-%d %H:%M"))
        if row.last_error and row.state is not PublicationState.PUBLISHED:
            text += "\n" + redact(row.last_error)
        if self.deletion is not None:
            text += "\n" + tr("Deletion: {state} — reason: {reason}").format(
                state=self.deletion.state.label, reason=self.deletion.reason
            )
        return text

    @staticmethod
    def _linkable(row: PublicationRow) -> bool:
        return is_post_url(row.platform, row.account_url, row.url)

    def _show_link(self, row: PublicationRow | None) -> None:
        if row is None or not row.url or not self._linkable(row):
            self.link.clear()
            self.link.setVisible(False)
            return
        address = html.escape(row.url, quote=True)
        self.link.setText(f'<a href="{address}">{address}</a>')
        self.link.setToolTip(row.url)
        self.link.setVisible(True)

    def open_link(self, url: str) -> None:
        """Open the post in the browser — checked again here, whatever the label's text became."""
        row = self.current
        if row is not None and url == row.url and self._linkable(row):
            QDesktopServices.openUrl(QUrl(url, QUrl.ParsingMode.StrictMode))

    def _start_acting(self) -> None:
        self._acting = True
        self.progress.setVisible(True)
        self.progress.setRange(0, 0)
        self._render_side()

    def _after(self, text: str) -> None:
        self.message.setStyleSheet("")
        self.message.setText(text)
        announce(Changes(drafts=frozenset({self.draft_id}), queue=True))
        self.changed.emit()

    def _failed(self, exc: BaseException) -> None:
        self.message.setStyleSheet("color: #b00020;")
        self.message.setText(_message(exc))
        announce(Changes(drafts=frozenset({self.draft_id}), queue=True))  # a failure is recorded too

    def _progress(self, done: int, total: int) -> None:
        if total > 0:
            self.progress.setRange(0, total)
            self.progress.setValue(done)
            self.progress.setFormat(tr("Uploading media %v of %m"))

    # -- actions --
    def publish(self) -> None:
        """今すぐ投稿, after a confirmation naming the account: a post cannot be called back."""
        from core.publishing.outbox import Outbox

        detail = self.detail
        if detail is None:
            return
        if not messages.confirm_irreversible(
            self,
            tr("Publish now"),
            tr("Publish “{title}” now on {account} ({platform})?").format(
                title=detail.title or tr("(no title)"), account=detail.account, platform=platform_label(detail.platform)
            ),
            informative=tr("It goes out at once and is public; only a deletion request can take it down again."),
            accept=tr("&Publish now"),
        ):
            return
        outbox = Outbox(self.session.store, self.session.actor)
        self.message.setText(tr("Sending…"))
        self._start_acting()

        def work(report: Progress) -> Any:
            return outbox.publish(self.draft_id, lambda done, total, _what: report(done, total))

        def done(outcome: Any) -> None:
            self._after(
                tr("Published: {url}").format(url=outcome.url or tr("(no address on this platform)"))
                if not outcome.reconciled
                else tr("Found the post on the platform and recorded it: {url}").format(url=outcome.url or "")
            )

        Operation.with_progress(self, work).progress(self._progress).finished(self._idle).failure(self._failed).success(
            done
        ).run()

    def open_manual(self) -> None:
        from gui.publishing.manual import ManualPostDialog

        dialog = ManualPostDialog(self.session, self.draft_id, self)
        if dialog.exec():
            self.refresh()  # first: a read is then out, so the change _after announces starts no second one
            self._after(tr("Recorded as posted by hand."))

    def reconcile(self) -> None:
        from core.publishing.outbox import Outbox

        assert self.current is not None
        publication_id = self.current.id
        outbox = Outbox(self.session.store, self.session.actor)

        def done(outcome: Any) -> None:
            if outcome is None:
                self.message.setText(
                    tr("Still not found among the account's recent posts. Check the account yourself.")
                )
            else:
                self._after(tr("Found the post on the platform and recorded it: {url}").format(url=outcome.url or ""))

        self._run(lambda: outbox.reconcile(publication_id), done)

    def resolve(self) -> None:
        assert self.current is not None
        url, ok = QInputDialog.getText(
            self,
            tr("Record what happened"),
            tr(
                "If the post is on the account, paste its URL. "
                "Leave empty if it was NOT posted (it may then be sent again)."
            ),
        )
        if not ok:
            return
        service, publication_id = self.session.service(PublicationService), self.current.id
        self._run(lambda: service.resolve(publication_id, url=url or None), lambda _r: self._after(""))

    def start_correction(self) -> None:
        assert self.current is not None
        service, publication_id = self.session.service(DraftService), self.current.id

        def created(draft_id: int) -> None:
            self._after("")
            self.correction_created.emit(draft_id)

        self._run(lambda: service.create_correction(publication_id), created)

    def request_deletion(self) -> None:
        assert self.current is not None
        reason, ok = QInputDialog.getMultiLineText(
            self, tr("Request deletion"), tr("Why should this post be deleted? A supervisor decides.")
        )
        if ok:
            service, publication_id = self.session.service(PublicationService), self.current.id
            self._run(lambda: service.request_deletion(publication_id, reason), lambda _r: self._after(""))

    def execute_deletion(self) -> None:
        from core.publishing.outbox import Outbox

        assert self.deletion is not None
        request_id = self.deletion.id
        outbox = Outbox(self.session.store, self.session.actor)
        self._run(
            lambda: outbox.delete(request_id),
            lambda _x: self._after(tr("The post was deleted on the platform; the record keeps its text.")),
        )

    def record_deleted_by_hand(self) -> None:
        assert self.deletion is not None
        request_id = self.deletion.id
        service = self.session.service(PublicationService)
        self._run(lambda: service.mark_deleted(request_id, manually=True), lambda _r: self._after(""))

    def _run(self, call: Callable[[], T], done: Callable[[T], None]) -> None:
        """One call at a time, off the UI thread: busy until it answers; a refusal stays on the panel."""
        self._start_acting()
        Operation(self, call).finished(self._idle).failure(self._failed).success(done).run()

    def _idle(self) -> None:
        # Runs first on every outcome. Success and refusal then show their message; a bug goes to the crash
        # dialog. Either way the state is read again, and the panel takes a new action once it is in (busy).
        self._acting = False
        self.progress.setVisible(False)
        self.refresh()
