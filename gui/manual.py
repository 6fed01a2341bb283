"""ヘルプ → 使い方: the user manual, rendered from the same Markdown files as docs/ (tools/manual.py)."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from core.i18n import current_language
from core.runtime.resources import manual_path
from gui.i18n import translator

tr = translator("Manual")


class ManualDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("manualDialog")
        self.setWindowTitle(tr("KohoGate user manual"))
        self.browser = QTextBrowser()
        self.browser.setObjectName("manualText")
        self.browser.setOpenExternalLinks(False)  # the manual links nothing outside itself
        path = manual_path(current_language())
        self.browser.setSearchPaths([str(path.parent)])  # its screenshots, relative to docs/
        if path.exists():
            self.browser.setMarkdown(path.read_text(encoding="utf-8"))
        else:
            self.browser.setPlainText(tr("The manual was not installed with this copy of KohoGate."))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser, 1)
        layout.addWidget(buttons)
        self.resize(900, 680)
