"""A preview of a post as the target platform will show it.

Reusable: the supervisor's review screen builds one from a frozen version
(``PostPreview(platform, text, media, blob_loader)``); the composer updates
it with :meth:`PostPreview.set_post`. Links, hashtags and mentions are found
by :mod:`core.composer.post_text` exactly as the checks find them.
"""

from __future__ import annotations

import html
from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

from core.checks.length import text_length
from core.composer.media_items import StoredMedia
from core.composer.post_text import SegmentKind, segments
from core.platforms.facts import Platform
from gui.composer.thumbnails import BlobLoader, ThumbnailCache, with_badge
from gui.i18n import translator

tr = translator("Composer")

_STYLES = {
    SegmentKind.LINK: "color:#1565c0;text-decoration:underline;",
    SegmentKind.HASHTAG: "color:#1565c0;",
    SegmentKind.MENTION: "color:#1565c0;font-weight:600;",
}


def post_html(text: str) -> str:
    """The text as HTML with links, hashtags and mentions styled (line breaks kept)."""
    parts = []
    for segment in segments(text):
        escaped = html.escape(segment.text).replace("\n", "<br>")
        style = _STYLES.get(segment.kind)
        parts.append(f'<span style="{style}">{escaped}</span>' if style else escaped)
    return "".join(parts)


class PostPreview(QFrame):
    def __init__(
        self,
        platform: Platform,
        text: str,
        media: Sequence[StoredMedia],
        blob_loader: BlobLoader,
        parent: QWidget | None = None,
        *,
        account: str = "",
    ) -> None:
        super().__init__(parent)
        self.platform = platform
        self.account = account
        self.thumbnails = ThumbnailCache(blob_loader, 220)
        self.setObjectName("postPreview")
        self.setAccessibleName(tr("Preview of the post"))
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet("#postPreview { background: white; border: 1px solid #cfd8dc; border-radius: 8px; }")
        self.header = QLabel()
        self.header.setTextFormat(Qt.TextFormat.RichText)
        self.body = QLabel()
        self.body.setTextFormat(Qt.TextFormat.RichText)
        self.body.setWordWrap(True)
        self.body.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.body.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.grid_host = QWidget()
        self.grid = QGridLayout(self.grid_host)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setSpacing(4)
        self.counter = QLabel()
        self.counter.setAlignment(Qt.AlignmentFlag.AlignRight)
        inner = QWidget()
        inner.setObjectName("previewBody")
        inner.setStyleSheet("#previewBody { background: white; }")
        column = QVBoxLayout(inner)
        column.addWidget(self.header)
        column.addWidget(self.body)
        column.addWidget(self.grid_host)
        column.addStretch(1)
        column.addWidget(self.counter)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(inner)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(scroll)
        self.set_post(text, media)

    def set_post(self, text: str, media: Sequence[StoredMedia]) -> None:
        limits = self.platform.limits
        self.header.setText(
            f"<b>{html.escape(self.account or tr('Official account'))}</b> "
            f"<span style='color:#607d8b'>· {html.escape(limits.label)}</span>"
        )
        self.body.setText(post_html(text))
        self.body.setAccessibleDescription(text)
        used = text_length(text, self.platform)
        colour = "#c62828" if used > limits.text_limit else "#607d8b"
        self.counter.setText(f"<span style='color:{colour}'>{used} / {limits.text_limit}</span>")
        while self.grid.count():
            child = self.grid.takeAt(0)
            widget = child.widget() if child is not None else None
            if widget is not None:
                widget.deleteLater()
        columns = 1 if len(media) == 1 else 2
        for index, item in enumerate(media):
            label = QLabel()
            pixmap = self.thumbnails.pixmap(item.sha256, item.kind)
            alt = item.alt
            if item.is_image:
                if alt.strip():
                    pixmap = with_badge(pixmap, "ALT", "#263238")
                elif item.decorative:
                    pixmap = with_badge(pixmap, tr("Decorative"), "#546e7a")
                else:
                    pixmap = with_badge(pixmap, tr("No ALT"), "#c62828")
            label.setPixmap(pixmap)
            label.setToolTip(alt or item.name)
            label.setAccessibleName(
                tr("Image {n}: {alt}").format(n=index + 1, alt=alt or tr("no alt text"))
                if item.is_image
                else tr("Video {n}").format(n=index + 1)
            )
            self.grid.addWidget(label, index // columns, index % columns)
        self.grid_host.setVisible(bool(media))
