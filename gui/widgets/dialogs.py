"""Small dialogs used by several screens."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from gui.i18n import translator

tr = translator("Dialogs")


class CommentDialog(QDialog):
    """Asks for a comment; OK stays disabled while a required comment is empty."""

    def __init__(self, title: str, prompt: str, *, required: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.required = required
        self.label = QLabel(prompt)
        self.label.setWordWrap(True)
        self.editor = QPlainTextEdit()
        self.editor.setAccessibleName(tr("Comment"))
        self.label.setBuddy(self.editor)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)
        layout.addWidget(self.editor)
        layout.addWidget(self.buttons)
        self.editor.textChanged.connect(self._update)
        self._update()
        self.resize(480, 260)

    def _update(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(not self.required or bool(self.comment()))

    def comment(self) -> str:
        return self.editor.toPlainText().strip()
