"""Thumbnails of stored media, decoded by Qt (no Pillow on the UI path), cached per file hash."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPixmap

BlobLoader = Callable[[str], bytes | None]


class ThumbnailCache:
    def __init__(self, loader: BlobLoader, size: int = 96) -> None:
        self.loader = loader
        self.size = size
        self._cache: dict[tuple[str, int], QPixmap] = {}

    def pixmap(self, sha256: str, kind: str, size: int | None = None) -> QPixmap:
        size = size or self.size
        key = (sha256, size)
        if key not in self._cache:
            image = QImage()
            data = self.loader(sha256) if kind == "image" else None
            if data is None or not image.loadFromData(data):
                pixmap = QPixmap(size, size)
                pixmap.fill(QColor("#37474f"))
                painter = QPainter(pixmap)
                painter.setPen(QColor("white"))
                painter.drawText(pixmap.rect(), Qt.AlignmentFlag.AlignCenter, "▶" if kind == "video" else "?")
                painter.end()
            else:
                pixmap = QPixmap.fromImage(
                    image.scaled(
                        size, size, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
                    )
                )
            self._cache[key] = pixmap
        return self._cache[key]


def with_badge(pixmap: QPixmap, text: str, colour: str) -> QPixmap:
    """``pixmap`` with a small badge (e.g. ``ALT``) in the bottom-left corner."""
    out = QPixmap(pixmap)
    painter = QPainter(out)
    font = QFont(painter.font())
    font.setBold(True)
    font.setPixelSize(max(10, out.height() // 9))
    painter.setFont(font)
    width = painter.fontMetrics().horizontalAdvance(text) + 10
    height = painter.fontMetrics().height() + 4
    box = QRect(6, out.height() - height - 6, width, height)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setBrush(QColor(colour))
    painter.setPen(Qt.PenStyle.NoPen)
    painter.drawRoundedRect(box, 4, 4)
    painter.setPen(QColor("white"))
    painter.drawText(box, Qt.AlignmentFlag.AlignCenter, text)
    painter.end()
    return out
