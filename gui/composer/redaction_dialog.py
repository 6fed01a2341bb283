"""The redaction editor: drag rectangles over an image (faces pre-marked), choose blur, pixelate or fill.

The masking itself runs in :mod:`core.composer.redaction` on a worker thread
with a progress bar; the dialog only collects rectangles in image pixels.
Keyboard users get the detected faces already marked and a frame of their
own on the focused canvas: arrow keys move it, Shift+arrows resize it, Ctrl
makes either step larger, Space or Insert marks it; Backspace removes the
last area, and Enter applies.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QPoint, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFocusEvent,
    QImage,
    QKeyEvent,
    QKeySequence,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QShortcut,
)
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from core.composer.redaction import Rect, RedactionMode, redact
from core.errors import KohoGateError
from gui.i18n import translator
from gui.messages import show_error
from gui.tasks import Progress, run_task

tr = translator("Composer")


class RedactionCanvas(QWidget):
    """The image scaled to fit, with the areas to mask; drag with the mouse to add one.

    With focus, a dashed keyboard frame (``key_frame``, image pixels) can be
    moved and resized with the arrow keys and marked with Space or Insert.

    Signals:
        areas_changed(): an area was added or removed.
    """

    areas_changed = Signal()

    def __init__(self, image: QImage, areas: Sequence[Rect], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.image = image
        self.areas: list[Rect] = list(areas)
        self._drag_from: QPoint | None = None
        self._drag_to: QPoint | None = None
        self.setMinimumSize(320, 240)
        self.setAccessibleName(tr("Image with the areas to mask"))
        self.setAccessibleDescription(
            tr("Arrow keys move the frame, Shift+arrow keys resize it, Space marks it as an area to mask.")
        )
        self.setCursor(Qt.CursorShape.CrossCursor)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        side = max(8, min(image.width(), image.height()) // 4)
        self.key_frame = Rect((image.width() - side) // 2, (image.height() - side) // 2, side, side)

    def sizeHint(self) -> QSize:
        return self.image.size().scaled(720, 520, Qt.AspectRatioMode.KeepAspectRatio)

    def _frame(self) -> tuple[QRect, float]:
        size = self.image.size().scaled(self.size(), Qt.AspectRatioMode.KeepAspectRatio)
        left = (self.width() - size.width()) // 2
        top = (self.height() - size.height()) // 2
        scale = size.width() / max(1, self.image.width())
        return QRect(left, top, size.width(), size.height()), scale

    def to_image(self, point: QPoint) -> tuple[int, int]:
        frame, scale = self._frame()
        return round((point.x() - frame.left()) / scale), round((point.y() - frame.top()) / scale)

    def add_area(self, rect: Rect) -> None:
        clipped = rect.clipped(self.image.width(), self.image.height())
        if clipped is not None and clipped.w >= 4 and clipped.h >= 4:
            self.areas.append(clipped)
            self.areas_changed.emit()
            self.update()

    def remove_last(self) -> None:
        if self.areas:
            self.areas.pop()
            self.areas_changed.emit()
            self.update()

    def clear(self) -> None:
        self.areas.clear()
        self.areas_changed.emit()
        self.update()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        mods = event.modifiers()
        if key in (Qt.Key.Key_Space, Qt.Key.Key_Insert):
            self.add_area(self.key_frame)
            return
        steps = {
            Qt.Key.Key_Left: (-1, 0),
            Qt.Key.Key_Right: (1, 0),
            Qt.Key.Key_Up: (0, -1),
            Qt.Key.Key_Down: (0, 1),
        }
        if key not in steps:
            super().keyPressEvent(event)
            return
        dx, dy = steps[Qt.Key(key)]
        # A step is a share of the image so the same keystrokes work on a phone photo and a poster scan.
        share = 10 if mods & Qt.KeyboardModifier.ControlModifier else 50
        step_x = max(1, self.image.width() // share)
        step_y = max(1, self.image.height() // share)
        frame = self.key_frame
        if mods & Qt.KeyboardModifier.ShiftModifier:
            moved = Rect(frame.x, frame.y, max(4, frame.w + dx * step_x), max(4, frame.h + dy * step_y))
        else:
            moved = Rect(frame.x + dx * step_x, frame.y + dy * step_y, frame.w, frame.h)
        self.key_frame = moved.kept_inside(self.image.width(), self.image.height())
        self.update()

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self.update()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.update()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._drag_from = self._drag_to = event.position().toPoint()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._drag_from is not None:
            self._drag_to = event.position().toPoint()
            self.update()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._drag_from is None:
            return
        x1, y1 = self.to_image(self._drag_from)
        x2, y2 = self.to_image(event.position().toPoint())
        self._drag_from = self._drag_to = None
        self.add_area(Rect(min(x1, x2), min(y1, y2), abs(x2 - x1), abs(y2 - y1)))

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor("#263238"))
        frame, scale = self._frame()
        painter.drawImage(frame, self.image)
        painter.setPen(QPen(QColor("#ff5252"), 2))
        painter.setBrush(QColor(255, 82, 82, 60))
        for area in self.areas:
            painter.drawRect(
                QRectF(frame.left() + area.x * scale, frame.top() + area.y * scale, area.w * scale, area.h * scale)
            )
        painter.setBrush(Qt.BrushStyle.NoBrush)
        if self._drag_from is not None and self._drag_to is not None:
            painter.setPen(QPen(QColor("#ffeb3b"), 2, Qt.PenStyle.DashLine))
            painter.drawRect(QRect(self._drag_from, self._drag_to).normalized())
        if self.hasFocus():
            frame_rect = self.key_frame
            painter.setPen(QPen(QColor("#ffeb3b"), 2, Qt.PenStyle.DashLine))
            painter.drawRect(
                QRectF(
                    frame.left() + frame_rect.x * scale,
                    frame.top() + frame_rect.y * scale,
                    frame_rect.w * scale,
                    frame_rect.h * scale,
                )
            )
        painter.end()


class RedactionDialog(QDialog):
    """Collects areas and a mode, masks on a worker thread; ``masked`` holds the new bytes after OK."""

    def __init__(self, data: bytes, name: str, faces: Sequence[Rect], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Mask faces and areas — {name}").format(name=name))
        self.data = data
        self.name = name
        self.masked: bytes | None = None
        image = QImage()
        image.loadFromData(data)
        self.canvas = RedactionCanvas(image, [f.grown(0.15) for f in faces], self)
        self.info = QLabel()
        self.info.setWordWrap(True)
        self.mode = QComboBox()
        self.mode.setAccessibleName(tr("How to mask"))
        for mode in RedactionMode:
            self.mode.addItem(mode.label, mode.value)
        mode_label = QLabel(tr("&Mask with:"))
        mode_label.setBuddy(self.mode)
        self.undo_button = QPushButton(tr("Remove &last area"))
        self.clear_button = QPushButton(tr("&Clear all"))
        self.progress = QProgressBar()
        self.progress.setAccessibleName(tr("Masking progress"))
        self.progress.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(tr("&Apply"))
        row = QHBoxLayout()
        row.addWidget(mode_label)
        row.addWidget(self.mode)
        row.addWidget(self.undo_button)
        row.addWidget(self.clear_button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.info)
        layout.addWidget(self.canvas, 1)
        layout.addLayout(row)
        layout.addWidget(self.progress)
        layout.addWidget(self.buttons)
        self.undo_button.clicked.connect(self.canvas.remove_last)
        self.clear_button.clicked.connect(self.canvas.clear)
        QShortcut(QKeySequence(Qt.Key.Key_Backspace), self, self.canvas.remove_last)
        self.buttons.accepted.connect(self.apply)
        self.buttons.rejected.connect(self.reject)
        self.canvas.areas_changed.connect(self._update)
        self._update()
        self.canvas.setFocus()

    def _update(self) -> None:
        count = len(self.canvas.areas)
        self.info.setText(
            tr(
                "Drag over the image to mark an area, or use the arrow keys and Space. {count} area(s) marked; "
                "detected faces are marked already. The masked copy replaces the original, which is never uploaded."
            ).format(count=count)
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(count > 0)

    def apply(self) -> None:
        """Mask off the UI thread; accept when done."""
        areas = list(self.canvas.areas)
        mode = RedactionMode(self.mode.currentData())
        data, name = self.data, self.name
        self.progress.setRange(0, len(areas))
        self.progress.setValue(0)
        self.progress.show()
        self.buttons.setEnabled(False)

        def work(report: Progress) -> bytes:
            return redact(data, name, areas, mode, report)

        run_task(work, on_done=self._done, on_error=self._failed, on_progress=self._progress, parent=self)

    def _progress(self, done: int, total: int) -> None:
        self.progress.setMaximum(total)
        self.progress.setValue(done)

    def _done(self, result: bytes) -> None:
        self.masked = result
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.buttons.setEnabled(True)
        self.progress.hide()
        if isinstance(exc, KohoGateError):
            show_error(self, exc)
        else:
            from gui.crash import report_exception

            report_exception(exc)
