"""はじめに: the guided start after the set-up wizard, and later from ヘルプ.

It renders the steps :func:`core.services.onboarding.guided_start` decides
(done, or what is missing) and takes the person to the page where each is
done; it re-reads whenever something changes. The first account can be added
straight from here, with the sample policy filled in.

Signals: ``go_to(Place)`` when a step's button is pressed; ``add_account()``
for the first account.
"""

from __future__ import annotations

import contextlib

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QGridLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from core.audit.events import Changes
from core.organization.onboarding import Place, Step, StepKind, ready_to_post
from core.services.onboarding import guided_start
from gui.changes import change_hub
from gui.i18n import translator
from gui.operations import Operation
from gui.session import AppSession
from gui.widgets import palette
from gui.widgets.plain import plain

tr = translator("GuidedStart")


def _place_label(place: Place) -> str:
    return {
        Place.STAFF: tr("Open Settings → Staff"),
        Place.ACCOUNTS: tr("Open Accounts"),
        Place.TERMINALS: tr("Open Terminals"),
        Place.SIGNING_KEYS: tr("Open Settings → Approval"),
    }[place]


# One mnemonic per step button, distinct within the dialog (tests/gui/test_keyboard.py walks it).
_MNEMONICS = "1234567"


class StepRow(QFrame):
    def __init__(self, number: int, kind: StepKind, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = kind
        self.setObjectName(f"step_{kind.value}")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.mark = QLabel()
        self.mark.setObjectName("stepMark")
        self.mark.setFixedWidth(72)
        self.title = QLabel(f"<b>{number}. {kind.heading}</b>")
        self.explanation = plain(QLabel(kind.explanation))
        self.explanation.setWordWrap(True)
        self.missing = plain(QLabel())
        self.missing.setObjectName("stepMissing")
        self.missing.setWordWrap(True)
        self.missing.setStyleSheet(f"color: {palette.BLOCK}")
        self.button = QPushButton()
        self.button.setObjectName(f"go_{kind.value}")
        grid = QGridLayout(self)
        grid.addWidget(self.mark, 0, 0, 3, 1, Qt.AlignmentFlag.AlignTop)
        grid.addWidget(self.title, 0, 1)
        grid.addWidget(self.explanation, 1, 1)
        grid.addWidget(self.missing, 2, 1)
        grid.addWidget(self.button, 0, 2, 3, 1, Qt.AlignmentFlag.AlignTop)
        grid.setColumnStretch(1, 1)

    def show_step(self, step: Step, mnemonic: str, *, first_account: bool) -> None:
        if step.done:
            self.mark.setText(tr("✔ Done"))
            self.mark.setStyleSheet(f"color: {palette.DONE}; font-weight: bold")
        else:
            self.mark.setText(tr("✖ To do"))
            self.mark.setStyleSheet(f"color: {palette.BLOCK}; font-weight: bold")
        self.missing.setText("\n".join("・" + line for line in step.missing))
        self.missing.setVisible(bool(step.missing))
        label = tr("Add the first account…") if first_account else _place_label(step.place)
        self.button.setText(f"&{mnemonic} {label}")
        self.setAccessibleName(step.title)
        self.setAccessibleDescription((tr("Done.") if step.done else tr("To do.")) + " " + " ".join(step.missing))


class GuidedStartDialog(QDialog):
    """Signals: ``go_to(object)`` with a :class:`Place`; ``add_account()``."""

    go_to = Signal(object)
    add_account = Signal()

    def __init__(self, session: AppSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setObjectName("guidedStart")
        self.setWindowTitle(tr("Getting started (はじめに)"))
        self.steps: tuple[Step, ...] = ()
        self.reads = 0  # reads in flight (tests wait for none)
        intro = QLabel(
            tr(
                "What stands between this organization and its first post, in the order it is best done. "
                "Each step turns to ✔ as soon as it is done, here or on another computer."
            )
        )
        intro.setWordWrap(True)
        self.summary = plain(QLabel())
        self.summary.setObjectName("guidedSummary")
        self.summary.setWordWrap(True)
        self.rows = {kind: StepRow(number, kind) for number, kind in enumerate(StepKind, start=1)}
        for row in self.rows.values():
            row.button.clicked.connect(lambda _checked=False, kind=row.kind: self._go(kind))
        content = QWidget()
        inner = QVBoxLayout(content)
        for row in self.rows.values():
            inner.addWidget(row)
        inner.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(content)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.summary)
        layout.addWidget(scroll, 1)
        layout.addWidget(buttons)
        self.resize(860, 660)
        change_hub().changed.connect(self._on_changes)
        self.reload()

    def _on_changes(self, changes: Changes) -> None:
        if changes.settings or changes.accounts or changes.terminals:
            self.reload()

    def done(self, result: int) -> None:
        # A closed dialog stops listening: it must not re-read for nobody.
        with contextlib.suppress(RuntimeError, TypeError):  # already disconnected (closed twice)
            change_hub().changed.disconnect(self._on_changes)
        super().done(result)

    def reload(self) -> None:
        store, uid = self.session.store, self.session.env.terminal.uid
        self.reads += 1
        Operation(self, lambda: guided_start(store, uid)).finished(self._read_back).success(self.show_steps).run()

    def _read_back(self) -> None:
        self.reads -= 1

    def show_steps(self, steps: tuple[Step, ...]) -> None:
        self.steps = steps
        for step, mnemonic in zip(steps, _MNEMONICS, strict=False):
            self.rows[step.kind].show_step(step, mnemonic, first_account=step.new_account)
        left = sum(1 for s in steps if not s.done)
        if ready_to_post(steps):
            self.summary.setText(
                tr("Everything is in place: an operator can write the first draft (Drafts → New draft).")
            )
            self.summary.setStyleSheet(f"color: {palette.DONE}; font-weight: bold")
        else:
            self.summary.setText(tr("{left} of {total} steps still to do.").format(left=left, total=len(steps)))
            self.summary.setStyleSheet(f"color: {palette.CONFIRM}; font-weight: bold")

    def step(self, kind: StepKind) -> Step:
        return next(s for s in self.steps if s.kind is kind)

    def _go(self, kind: StepKind) -> None:
        step = self.step(kind)
        if step.new_account:
            self.add_account.emit()
        else:
            self.go_to.emit(step.place)
