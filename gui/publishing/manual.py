"""Manual posting: copy the approved text, open the media folder, post by hand, record the URL.

The gate runs first (in core); the dialog only shows what it returns.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from core.errors import KohoGateError
from core.publishing.manual import ManualPackage
from core.publishing.records import PublicationService
from gui import messages
from gui.changes import Changes
from gui.i18n import translator
from gui.operations import Operation
from gui.session import AppSession

tr = translator("Publishing")


class ManualPostDialog(QDialog):
    def __init__(self, session: AppSession, draft_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("manualPostDialog")
        self.setWindowTitle(tr("Post by hand"))
        self.session = session
        self.draft_id = draft_id
        self.package: ManualPackage | None = None
        self.intro = QLabel(
            tr(
                "1. Copy the approved text and post it in the platform's own app on this terminal, "
                "with the images from the folder and their descriptions.\n2. Paste the address of the new post below."
            )
        )
        self.intro.setWordWrap(True)
        self.text = QPlainTextEdit()
        self.text.setReadOnly(True)
        self.text.setAccessibleName(tr("Approved text"))
        self.copy_button = QPushButton(tr("&Copy text"))
        self.folder_button = QPushButton(tr("Open &media folder"))
        self.url = QLineEdit()
        self.url.setPlaceholderText("https://")
        self.url.setAccessibleName(tr("Post URL"))
        self.error = QLabel()
        self.error.setTextFormat(Qt.TextFormat.PlainText)  # messages may quote what was typed
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020;")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.record_button = self.buttons.addButton(tr("&Record as posted"), QDialogButtonBox.ButtonRole.AcceptRole)
        row = QHBoxLayout()
        row.addWidget(self.copy_button)
        row.addWidget(self.folder_button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.text, 1)
        layout.addLayout(row)
        layout.addWidget(QLabel(tr("Address (URL) of the post:")))
        layout.addWidget(self.url)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.copy_button.clicked.connect(self.copy_text)
        self.folder_button.clicked.connect(self.open_folder)
        self.buttons.rejected.connect(self.reject)
        self.record_button.clicked.connect(self.record)
        self.resize(620, 480)
        self._prepare()

    def _prepare(self) -> None:
        """Pass the gate and write the files off the UI thread; until then nothing can be copied or recorded."""
        from core.publishing.manual import prepare_manual

        store, actor, draft_id = self.session.store, self.session.actor, self.draft_id
        folder = Path(tempfile.mkdtemp(prefix=f"kohogate-draft{draft_id}-"))
        self.preparing = True
        self._enable(False)

        def prepared(package: ManualPackage) -> None:
            self.package = package
            self._enable(True)
            self.text.setPlainText(package.text)
            self.folder_button.setEnabled(bool(package.files))

        def refused(exc: KohoGateError) -> None:
            # The text stays hidden on purpose: posting by hand passes the same gate as the API.
            self.error.setText(exc.message + (f"\n{exc.hint}" if exc.hint else ""))

        def finished() -> None:
            self.preparing = False

        Operation(self, lambda: prepare_manual(store, actor, draft_id, folder)).finished(finished).failure(
            refused
        ).success(prepared).run()

    def _enable(self, enabled: bool) -> None:
        for widget in (self.copy_button, self.folder_button, self.url, self.record_button):
            widget.setEnabled(enabled)

    def copy_text(self) -> None:
        if self.package is not None:
            QGuiApplication.clipboard().setText(self.package.text)
            self.error.setStyleSheet("")
            self.error.setText(tr("The text is on the clipboard."))

    def open_folder(self) -> None:
        if self.package is not None and self.package.folder is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.package.folder)))

    def _a_post_address(self, url: str) -> bool:
        from core.publishing.post_urls import is_post_url

        package = self.package
        return package is not None and is_post_url(package.platform, package.account_url, url)

    def record(self) -> None:
        if self.package is None:
            return
        # Whether the address is one of this account's posts is core's decision (https, the platform's hosts).
        url = self.url.text().strip()
        # An address that is not a post of the account is refused by the service below, without a question first.
        if self._a_post_address(url) and not messages.confirm_irreversible(
            self,
            tr("Record as posted"),
            tr("Record that this post is published at {url}?").format(url=url),
            informative=tr("The draft becomes 投稿済み (published) and cannot be posted again."),
            accept=tr("&Record as posted"),
        ):
            return
        service, version_id = self.session.service(PublicationService), self.package.version_id
        self.record_button.setEnabled(False)  # one record per click, however slow the database

        def refused(exc: KohoGateError) -> None:
            self.error.setStyleSheet("color: #b00020;")
            self.error.setText(exc.message)

        Operation(self, lambda: service.record_manual(version_id, url)).changes(
            Changes(drafts=frozenset({self.draft_id}), queue=True)
        ).finished(lambda: self.record_button.setEnabled(True)).failure(refused).success(lambda _r: self.accept()).run()
