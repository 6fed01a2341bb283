"""Credential entry: the platform token for this terminal's keyring, and the recorded password change.

Neither field's text leaves this dialog except through the core services:
the token goes to the OS keyring, the new platform password is only measured
(zxcvbn) and forgotten. Keyring work runs off the UI thread (an unlock
prompt may take a while); a locked keyring gets its own message and a retry.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from core.credentials.strength import MINIMUM_SCORE, estimate
from core.credentials.vault import KeyringLockedError
from core.i18n import current_language
from core.platforms.facts import credential_hint
from gui import messages
from gui.i18n import translator
from gui.messages import show_error
from gui.tasks import run_task
from gui.widgets.plain import plain

tr = translator("CredentialDialog")

_COLOURS = ["#c0392b", "#e67e22", "#d4ac0d", "#27ae60", "#1e8449"]


class StrengthMeter(QWidget):
    """A 0–4 bar with zxcvbn's verdict; never shows or keeps the password."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bar = QProgressBar()
        self.bar.setRange(0, 4)
        self.bar.setTextVisible(False)
        self.bar.setAccessibleName(tr("Password strength"))
        self.verdict = plain(QLabel())
        self.verdict.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.bar)
        layout.addWidget(self.verdict)
        self.score = 0
        self.update_for("")

    def update_for(self, password: str, user_inputs: tuple[str, ...] = ()) -> None:
        strength = estimate(password, user_inputs)
        self.score = strength.score if password else 0
        self.bar.setValue(self.score if password else 0)
        self.bar.setStyleSheet(f"QProgressBar::chunk {{ background: {_COLOURS[self.score]}; }}")
        if not password:
            self.verdict.setText(tr("Not recorded: leave empty if the platform password did not change."))
            return
        text = strength.label
        # zxcvbn's advice exists only in English; Japanese staff get the rating alone.
        if strength.warning and current_language() == "en":
            text += " — " + strength.warning
        if not strength.acceptable:
            text += " " + tr("(at least “Strong” is required)")
        self.verdict.setText(text)


class CredentialDialog(QDialog):
    def __init__(
        self,
        handle: str,
        display_name: str,
        *,
        can_confirm: bool,
        platform: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("credentialDialog")
        self.setWindowTitle(tr("Credential for {handle}").format(handle=handle))
        self.inputs = (handle, display_name)
        intro = QLabel(
            tr(
                "The token or app password is stored only in this terminal's OS keyring. "
                "The database records that this terminal holds one, when and by whom."
            )
        )
        intro.setWordWrap(True)
        self.hint = QLabel(credential_hint(platform))
        self.hint.setWordWrap(True)
        self.hint.setObjectName("credentialHint")
        self.hint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.token = QLineEdit()
        self.token.setEchoMode(QLineEdit.EchoMode.Password)
        self.token.setAccessibleName(tr("Token or app password"))
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setAccessibleName(tr("New platform password"))
        self.meter = StrengthMeter()
        form = QFormLayout()
        form.addRow(tr("&Token / app password:"), self.token)
        change = QGroupBox(tr("Platform password changed (joso:6(1))"))
        change_form = QFormLayout(change)
        change_form.addRow(tr("New &password (not stored):"), self.password)
        change_form.addRow("", self.meter)
        change.setEnabled(can_confirm)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.hint)
        layout.addLayout(form)
        layout.addWidget(change)
        layout.addWidget(self.buttons)
        self.token.textChanged.connect(self._update)
        self.password.textChanged.connect(self._update)
        self._update()
        self.resize(520, 340)

    def _update(self) -> None:
        self.meter.update_for(self.password.text(), self.inputs)
        ok = bool(self.token.text()) and (not self.password.text() or self.meter.score >= MINIMUM_SCORE)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(ok)


def run_keyring_task(
    parent: QWidget, work: Callable[[], Any], on_done: Callable[[Any], None], *, asked: int = 0
) -> None:
    """Run ``work`` off the UI thread; a locked keyring offers Retry instead of a plain failure."""

    def failed(exc: BaseException) -> None:
        if isinstance(exc, KeyringLockedError):
            if messages.ask(parent, tr("Keyring locked"), exc.message, accept=tr("&Retry")):
                run_keyring_task(parent, work, on_done, asked=asked + 1)
            return
        show_error(parent, exc)

    run_task(lambda _report: work(), on_done=on_done, on_error=failed, parent=parent)
