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
from dataclasses import replace
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
        last_names, names_text = self._names, self._names_text
        profile, config, platform = self.profile, self.config, self.platform
        self._gate_running = True
        self._again = False

        def work(_report: Callable[[int, int], None]) -> tuple[State, GateStatus]:
            text, media, acknowledgements, ticked = state
            # Carried here, not on the UI thread: a long draft's thousand names
            # are a thousand new findings, several milliseconds per check.
            names = last_names if names_text == text else carried(last_names, names_text or "", text)
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


def carried(findings: Sequence[Finding], old: str, new: str) -> tuple[Finding, ...]:
    """``findings`` of ``old`` moved to where their text stands in ``new``.

    The edit is taken as the stretch between the longest common prefix and
    suffix of the two texts: a finding before it stays, one after it moves by
    the change in length, so pressing Enter above a hundred names keeps them
    all underlined instead of dropping them until the analyser answers. A
    finding inside the stretch is kept only where its word is still found
    unmoved or moved by that length (two edits apart between checks); the
    analyser's next answer replaces all of them anyway.
    """
    if old == new:
        return tuple(findings)
    prefix = _common_prefix(old, new)
    suffix = _common_suffix(old, new, min(len(old), len(new)) - prefix)
    delta = len(new) - len(old)
    edited_end = len(old) - suffix
    kept = []
    for f in findings:
        if f.start is None or f.end is None:
            continue
        if f.end <= prefix:
            kept.append(f)
        elif f.start >= edited_end:
            kept.append(replace(f, start=f.start + delta, end=f.end + delta))
        else:
            word = old[f.start : f.end]
            if new[f.start : f.end] == word:
                kept.append(f)
            elif f.start + delta >= 0 and new[f.start + delta : f.end + delta] == word:
                kept.append(replace(f, start=f.start + delta, end=f.end + delta))
    # A guess inside the edited stretch can land on a word carried from after it: one finding each.
    unique: dict[tuple[str, int | None, int | None], Finding] = {}
    for f in kept:
        unique.setdefault((f.rule_id, f.start, f.end), f)
    return tuple(unique.values())


def _common_prefix(a: str, b: str) -> int:
    # Binary search on slices: each comparison runs in C, so 100,000 characters
    # cost well under a millisecond where a per-character loop took several.
    low, high = 0, min(len(a), len(b))
    while low < high:
        middle = (low + high + 1) // 2
        if a[:middle] == b[:middle]:
            low = middle
        else:
            high = middle - 1
    return low


def _common_suffix(a: str, b: str, bound: int) -> int:
    low, high = 0, bound
    while low < high:
        middle = (low + high + 1) // 2
        if a[len(a) - middle :] == b[len(b) - middle :]:
            low = middle
        else:
            high = middle - 1
    return low


def _too_long(exc: BaseException) -> bool:
    """A pasted text above the checks' cap is not a crash: the result stays pending and saving says why."""
    from core.checks.input_limits import TextTooLong

    return isinstance(exc, TextTooLong)
