"""ヘルプ → KohoGate について: version, build, and the licences of what the bundle ships.

The build date and the licence texts are written into a frozen bundle by
``tools/build.py``; run from source the build reads "development" and the
licences are those of the distributions this process has loaded.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontDatabase, QIcon
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from core.runtime.bundle import build_info, bundled_licenses
from core.runtime.licences import COMPONENTS, loaded_distributions, render
from core.runtime.resources import resource_path
from gui.i18n import translator
from gui.widgets.plain import plain

tr = translator("AboutDialog")


def licence_text() -> str:
    shipped = bundled_licenses()
    if shipped is not None:
        return shipped
    return render("KohoGate", loaded_distributions())


def build_line() -> str:
    info = build_info()
    if info.is_development:
        return tr("Build: development (run from source)")
    line = tr("Build: {date}").format(date=info.built_at)
    return f"{line} ({info.commit})" if info.commit else line


class AboutDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("aboutDialog")
        self.setWindowTitle(tr("About KohoGate"))
        info = build_info()
        icon = QLabel()
        icon.setPixmap(QIcon(str(resource_path("icons", "kohogate.png"))).pixmap(72, 72))
        icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        title = plain(QLabel(f"KohoGate (広報ゲート) {info.version}"))
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setWeight(QFont.Weight.Bold)
        title.setFont(font)
        summary = plain(
            QLabel(tr("Approval, guideline checks and a tamper-evident record for official social-media posts."))
        )
        summary.setWordWrap(True)
        self.build = plain(QLabel(build_line()))
        self.build.setObjectName("buildLine")
        self.build.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        components = plain(
            QLabel("\n".join(tr("{name}: {licence}").format(name=c.name, licence=c.licence) for c in COMPONENTS))
        )
        components.setWordWrap(True)
        heading = QVBoxLayout()
        for widget in (title, summary, self.build, QLabel(tr("Bundled components and their licences:")), components):
            heading.addWidget(widget)
        top = QHBoxLayout()
        top.addWidget(icon)
        top.addLayout(heading, 1)
        self.licences = QPlainTextEdit()
        self.licences.setObjectName("licenceTexts")
        self.licences.setReadOnly(True)
        self.licences.setAccessibleName(tr("Licence texts"))
        self.licences.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.licences.setPlainText(licence_text())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(QLabel(tr("Licence texts:")))
        layout.addWidget(self.licences, 1)
        layout.addWidget(buttons)
        self.resize(760, 620)
