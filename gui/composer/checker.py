"""Live checks while typing: debounced, and all checking off the UI thread.

Each change restarts a short timer (150 ms); when it fires, a snapshot of
the draft is checked — the checks and the gate (5–10 ms on a long draft) and,
separately, the slow person-name analyser (SudachiPy) — on the shared task
pool (:func:`gui.tasks.run_task`). The UI thread only takes the snapshot and
later applies the result, so typing never waits for the checks. A result is
used only if the draft is still what was checked; otherwise it runs again.
Until the result for the current state is in, ``pending`` is true and the
composer keeps *Submit* disabled.

Signals:
    checked(GateStatus): a new result for the current state.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from core.checks.config import CheckConfig
from core.checks.engine import check_person_names
from core.checks.model import DraftInput, Finding
from core.composer.media_items import StoredMedia
from core.composer.submission import GateStatus, evaluate
from core.organization.profile import OrganizationProfile
from core.platforms.facts import Platform
from gui.tasks import run_task

DEBOUNCE_MS = 150

State = tuple[str, Sequence[StoredMedia], Mapping[str, Any], Sequence[str]]


class LiveChecker(QObject):
    checked = Signal(object)

    def __init__(
        self,
        profile: OrganizationProfile,
        config: CheckConfig,
        platform: Platform,
        state: Callable[[], State],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.profile = profile
        self.config = config
        self.platform = platform
        self._state = state
        self._names: tuple[Finding, ...] = ()
        self._names_text: str | None = None
        self._names_running = False
        self.last: GateStatus | None = None
        self._checked_state: State | None = None
        self._gate_running = False
        self._again = False
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(DEBOUNCE_MS)
        self.timer.timeout.connect(self.run_now)

    @property
    def names_pending(self) -> bool:
        text = self._state()[0]
        return self._names_text != text

    def schedule(self) -> None:
        self.timer.start()

    @property
    def pending(self) -> bool:
        """The shown result is not yet the one for the draft as it is now."""
        return self._checked_state != self._snapshot() or self.names_pending

    def _snapshot(self) -> State:
        text, media, acknowledgements, ticked = self._state()
        return text, list(media), dict(acknowledgements), list(ticked)

    def run_now(self) -> None:
        """Check the current state on a worker; apply the result when it arrives (if still current)."""
        self.timer.stop()
        if self._gate_running:
            self._again = True
            return
        state = self._snapshot()
        text = state[0]
        names = self._names if self._names_text == text else self._still_valid(text)
        profile, config, platform = self.profile, self.config, self.platform
        self._gate_running = True
        self._again = False

        def work(_report: Callable[[int, int], None]) -> tuple[State, GateStatus]:
            text, media, acknowledgements, ticked = state
            status = evaluate(text, platform, media, acknowledgements, ticked, profile, config, person_names=names)
            return state, status

        run_task(work, on_done=self._gate_done, on_error=self._gate_failed, parent=self)
        if self._names_text != text and not self._names_running:
            self._start_names(text)

    def _gate_done(self, result: tuple[State, GateStatus]) -> None:
        self._gate_running = False
        state, status = result
        if state == self._snapshot() and not self._again:
            self._checked_state = state
            self.last = status
            self.checked.emit(status)
        else:
            self.run_now()

    def _gate_failed(self, exc: BaseException) -> None:
        self._gate_running = False
        if _too_long(exc):
            return
        from gui.crash import report_exception

        report_exception(exc)

    def _still_valid(self, text: str) -> tuple[Finding, ...]:
        """Old person-name findings whose span still holds the same word (until the worker answers)."""
        old = self._names_text or ""
        return tuple(
            f
            for f in self._names
            if f.start is not None and f.end is not None and text[f.start : f.end] == old[f.start : f.end]
        )

    def _start_names(self, text: str) -> None:
        self._names_running = True
        profile, config, platform = self.profile, self.config, self.platform

        def work(_report: Callable[[int, int], None]) -> tuple[str, tuple[Finding, ...]]:
            return text, check_person_names(DraftInput(text, platform), profile, config)

        run_task(work, on_done=self._names_done, on_error=self._names_failed, parent=self)

    def _names_done(self, result: tuple[str, tuple[Finding, ...]]) -> None:
        self._names_running = False
        text, names = result
        self._names, self._names_text = names, text
        self.run_now()

    def _names_failed(self, exc: BaseException) -> None:
        self._names_running = False
        if _too_long(exc):
            return
        from gui.crash import report_exception

        report_exception(exc)


def _too_long(exc: BaseException) -> bool:
    """A pasted text above the checks' cap is not a crash: the result stays pending and saving says why."""
    from core.checks.input_limits import TextTooLong

    return isinstance(exc, TextTooLong)
