"""The background mail sender of the running app: the outbox empties itself while KohoGate is open.

Every minute (first shortly after start) it runs
:func:`core.services.notifications.deliver_pending` off the UI thread. With
no mail server set up it does nothing, quietly; a server that refuses is
left to the outbox's back-off and shown on the status bar once per kind of
problem. The scheduled ``app.py notify send`` does the same where no window
is open; both may run at once (rows are claimed).

Signals:
    summary(str): one line for the status bar.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from gui.i18n import translator
from gui.session import AppSession
from gui.tasks import run_task

tr = translator("Notify")

INTERVAL_MS = 60_000


class MailSender(QObject):
    summary = Signal(str)

    def __init__(self, session: AppSession, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.running = False
        self.told: set[str] = set()
        self.timer = QTimer(self)
        self.timer.setInterval(INTERVAL_MS)
        self.timer.timeout.connect(self.run_now)

    def start(self, first_delay_ms: int = 25_000) -> None:
        self.timer.start()
        QTimer.singleShot(first_delay_ms, self.run_now)

    def stop(self) -> None:
        self.timer.stop()

    def run_now(self) -> None:
        if self.running:
            return
        from core.credentials.vault import open_vault
        from core.services.notifications import deliver_pending

        self.running = True
        store, terminal = self.session.store, self.session.env.terminal.uid
        run_task(
            lambda _r: deliver_pending(store, open_vault(), terminal),
            on_done=self._done,
            on_error=self._failed,
            parent=self,
        )

    def _done(self, report: Any) -> None:
        self.running = False
        if report.sent:
            self.summary.emit(tr("Notification mails sent: {count}").format(count=report.sent))
        fresh = [kind for kind in report.error_kinds if kind.value not in self.told]
        if fresh:
            self.told |= {kind.value for kind in fresh}
            self.summary.emit(
                tr("Notification mails not sent (retried later): {reason}").format(
                    reason=", ".join(kind.label for kind in fresh)
                )
            )
        if report.sent and not report.error_kinds:
            self.told.clear()  # the server works again: a new problem is worth saying

    def _failed(self, exc: BaseException) -> None:
        self.running = False
        self.summary.emit(tr("Notification mails could not be sent: {kind}").format(kind=type(exc).__name__))
