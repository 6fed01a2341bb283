"""Shown inside the main window when the OS login has no active staff record."""

from __future__ import annotations

import html
from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from gui.i18n import translator

tr = translator("UnknownUser")


class UnknownUserPage(QWidget):
    """Signals: ``quit_requested()`` when the user chooses to quit."""

    quit_requested = Signal()

    def __init__(self, login: str, organization: str, retry: Callable[[], None]) -> None:
        super().__init__()
        self.setObjectName("unknownUser")
        title = QLabel(tr("<h2>You are not registered in KohoGate</h2>"))
        body = QLabel(
            tr(
                "Your login <b>{login}</b> has no active staff record in {org}. "
                "Ask an administrator (広報担当 or 情報システム担当) to add you with this login "
                "and the roles you need, then press Retry."
            ).format(login=html.escape(login), org=html.escape(organization))
        )
        body.setWordWrap(True)
        copy = QPushButton(tr("&Copy login name"))
        copy.clicked.connect(lambda: QGuiApplication.clipboard().setText(login))
        self.retry_button = QPushButton(tr("&Retry"))
        self.retry_button.setDefault(True)
        self.retry_button.clicked.connect(retry)
        quit_button = QPushButton(tr("&Quit"))
        quit_button.clicked.connect(self.quit_requested.emit)
        buttons = QHBoxLayout()
        buttons.addWidget(copy)
        buttons.addStretch(1)
        buttons.addWidget(self.retry_button)
        buttons.addWidget(quit_button)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(title)
        layout.addWidget(body)
        layout.addLayout(buttons)
        layout.addStretch(2)
        self.setMaximumWidth(720)
