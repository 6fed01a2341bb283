"""The background reader of the running app: replies come into the moderation queue by themselves.

Every minute (first shortly after start) it runs
:meth:`core.services.inbound_watch.InboundWatch.run` off the UI thread with
``background=True``: only accounts this terminal is approved for and holds
a credential for, each at most every few minutes
(:data:`~core.services.inbound_watch.READ_INTERVAL`), waits asked by a
platform kept. The same :class:`InboundWatch` is kept between runs so
Bluesky sessions are reused rather than logged in again each time.

Whoever read it, an open 炎上 episode is in the database: every window
looks for new ones after its run, and supervisors and administrators are
told through the tray and the status bar, once per episode.

Signals:
    summary(str): one line for the status bar.
    alert(str): something a supervisor must hear about now (a 炎上 episode, a 要対応 reply).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from core.organization.roles import Role
from gui.changes import Changes, announce
from gui.i18n import translator
from gui.session import AppSession
from gui.tasks import run_task

tr = translator("Moderation")

INTERVAL_MS = 60_000


class InboundScheduler(QObject):
    summary = Signal(str)
    alert = Signal(str)

    def __init__(self, session: AppSession, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.running = False
        self.told: set[int] = set()
        self.watch: Any = None
        self.timer = QTimer(self)
        self.timer.setInterval(INTERVAL_MS)
        self.timer.timeout.connect(self.run_now)

    def start(self, first_delay_ms: int = 20_000) -> None:
        self.timer.start()
        QTimer.singleShot(first_delay_ms, self.run_now)

    def stop(self) -> None:
        self.timer.stop()
        if self.watch is not None and not self.running:
            self.watch.close()
            self.watch = None

    def run_now(self) -> None:
        if self.running:
            return
        from core.services.inbound import open_spikes
        from core.services.inbound_watch import InboundWatch

        reads = self.session.has(Role.OPERATOR)
        if reads and (self.watch is None or self.watch.actor != self.session.actor):
            if self.watch is not None:
                self.watch.close()
            self.watch = InboundWatch(self.session.store, self.session.actor)
        watch = self.watch if reads else None
        store = self.session.store

        def work(_report: object) -> tuple[Any, Any]:
            report = watch.run(background=True) if watch is not None else None
            return report, open_spikes(store)

        self.running = True
        run_task(work, on_done=self._done, on_error=self._failed, parent=self)

    def _done(self, result: tuple[Any, Any]) -> None:
        self.running = False
        report, spikes = result
        if report is not None and (report.new or report.purged or report.spikes):
            announce(Changes(incidents=True))
            self.summary.emit(
                tr("Replies: {new} new, {attention} needing a person.").format(
                    new=report.new, attention=report.needing_action
                )
            )
            action = sum(r.levels.get("action", 0) for r in report.reads)
            if action:
                self.alert.emit(tr("{count} new replies need action (要対応): see Moderation.").format(count=action))
        deciders = self.session.has(Role.SUPERVISOR) or self.session.has(Role.ADMINISTRATOR)
        for spike in spikes:
            if spike.episode_id in self.told:
                continue
            self.told.add(spike.episode_id)
            text = tr("炎上 suspected on {handle}: {count} replies in an hour (usually {usual:.1f}).").format(
                handle=spike.handle, count=spike.per_hour, usual=spike.baseline_per_hour
            )
            if deciders:
                self.alert.emit(text + " " + tr("An incident is proposed on the Moderation screen."))
            else:
                self.summary.emit(text)

    def _failed(self, exc: BaseException) -> None:
        self.running = False
        self.summary.emit(tr("Reading replies could not run: {kind}").format(kind=type(exc).__name__))
