"""The background scheduler of the running app: scheduled posts go out when due.

Every minute (and once shortly after start) it runs
:func:`core.publishing.scheduler.run_due` off the UI thread for the person
logged in, if they may post (担当者). It only sends for accounts this
terminal is approved for; on any other machine it sends nothing and, unlike
a deliberate Publish, records no refusal every minute (missed windows are
still reported).
``summary`` feeds the tray icon's tooltip: what is waiting, what went out,
what was missed.

Signals:
    summary(str): a one-line status for the tray.
    remind(str): posts newly due by hand (once per post), for a tray message.
    ran(object): the :class:`~core.publishing.scheduler.DueReport` of a run.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from core.organization.roles import Role
from gui.changes import Changes, announce
from gui.i18n import translator
from gui.session import AppSession
from gui.tasks import run_task

tr = translator("Publishing")

INTERVAL_MS = 60_000


class BackgroundScheduler(QObject):
    summary = Signal(str)
    ran = Signal(object)
    remind = Signal(str)

    def __init__(self, session: AppSession, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.running = False
        self.reminded: set[int] = set()
        self.timer = QTimer(self)
        self.timer.setInterval(INTERVAL_MS)
        self.timer.timeout.connect(self.run_now)

    def start(self, first_delay_ms: int = 15_000) -> None:
        self.timer.start()
        QTimer.singleShot(first_delay_ms, self.run_now)

    def stop(self) -> None:
        self.timer.stop()

    def run_now(self) -> None:
        if self.running or not self.session.has(Role.OPERATOR):
            return
        from core.publishing.outbox import Outbox
        from core.publishing.scheduler import run_due, scheduled_posts

        self.running = True
        outbox = Outbox(self.session.store, self.session.actor)

        def run(_report: object) -> tuple[Any, int]:
            report = run_due(outbox, outbox.store.now(), only_postable=True)
            return report, len(scheduled_posts(outbox.store))  # what is left, counted here: not on the UI thread

        run_task(
            run,
            on_done=self._done,
            on_error=self._failed,
            parent=self,
        )

    def _done(self, result: tuple[Any, int]) -> None:
        report, waiting = result
        self.running = False
        text = tr("Scheduled posts waiting: {count}").format(count=waiting)
        if report.sent:
            text += " · " + tr("sent: {count}").format(count=len(report.sent))
        if report.by_hand:
            text += " · " + tr("due by hand: {count}").format(count=len(report.by_hand))
        if report.held:
            text += " · " + tr("paused, held: {count}").format(count=len(report.held))
        if report.locked:
            text += " · " + tr("account locked, held: {count}").format(count=len(report.locked))
        if report.missed or report.failed:
            text += " · " + tr("need attention: {count}").format(count=len(report.missed) + len(report.failed))
        self.summary.emit(text)
        self.ran.emit(report)
        if report.sent or report.missed or report.failed:
            touched = [item for item, _ in report.sent] + report.missed + [item for item, _ in report.failed]
            announce(Changes(drafts=frozenset(item.draft_id for item in touched), queue=True))
        if report.by_hand:
            reminded = {item.draft_id for item in report.by_hand} - self.reminded
            if reminded:
                # Once per post, not every minute: the tray balloon is for a person at the desk.
                self.reminded |= reminded
                self.remind.emit(
                    tr("Due now, to post by hand: {titles}").format(
                        titles=", ".join(i.title for i in report.by_hand if i.draft_id in reminded)
                    )
                )

    def _failed(self, exc: BaseException) -> None:
        self.running = False
        self.summary.emit(tr("Scheduled posting could not run: {kind}").format(kind=type(exc).__name__))
