"""Attachments: list (model/view), alt text, 装飾, captions, order, drag and drop.

The panel edits the media items (:class:`StoredMedia`, the ``draft.media`` contract) and says
so through ``changed``; adding files, picking captions and redacting are
requested by signal because they run on worker threads in the composer.

Signals (MediaPanel):
    changed(): an item's fields or the order changed.
    add_requested(list): file paths to attach (button or drop).
    captions_requested(int, str): item row and a .vtt/.srt path.
    redact_requested(int): open the redaction editor for this row.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, QSize, Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from core.checks.length import count
from core.composer.media_items import StoredMedia
from core.composer.media_store import CAPTION_TYPES, accepted_suffixes
from core.platforms.facts import Platform
from gui import messages
from gui.composer.thumbnails import BlobLoader, ThumbnailCache
from gui.i18n import translator
from gui.widgets.plain import plain

tr = translator("Composer")
Index = QModelIndex | QPersistentModelIndex


def alt_guidance() -> str:
    return tr(
        "Good alt text tells someone who cannot see the image what matters in it:\n"
        "• Describe what the image is for in this post (who, what, where), in one or two sentences.\n"
        "• Put any text that appears in the image (dates, places, phone numbers) into the alt text.\n"
        "• Do not start with “画像” or “写真”; screen readers already say it is an image.\n"
        "• Do not use the file name. A purely decorative image can be marked 装飾 with a reason."
    )


class MediaListModel(QAbstractListModel):
    def __init__(self, thumbnails: ThumbnailCache) -> None:
        super().__init__()
        self.thumbnails = thumbnails
        self.items: list[StoredMedia] = []

    def set_items(self, items: Sequence[StoredMedia]) -> None:
        self.beginResetModel()
        self.items = list(items)
        self.endResetModel()

    def append(self, item: StoredMedia) -> None:
        self.beginInsertRows(QModelIndex(), len(self.items), len(self.items))
        self.items.append(item)
        self.endInsertRows()

    def remove(self, row: int) -> None:
        self.beginRemoveRows(QModelIndex(), row, row)
        del self.items[row]
        self.endRemoveRows()

    def move(self, row: int, offset: int) -> bool:
        target = row + offset
        if not (0 <= row < len(self.items) and 0 <= target < len(self.items)):
            return False
        destination = target + 1 if offset > 0 else target
        self.beginMoveRows(QModelIndex(), row, row, QModelIndex(), destination)
        self.items.insert(target, self.items.pop(row))
        self.endMoveRows()
        return True

    def replace(self, row: int, item: StoredMedia) -> None:
        self.items[row] = item
        self.dataChanged.emit(self.index(row), self.index(row))

    def touch(self, row: int) -> None:
        self.dataChanged.emit(self.index(row), self.index(row))

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt API
        return 0 if parent.isValid() else len(self.items)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self.items)):
            return None
        item = self.items[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            if item.is_video:
                state = tr("captions ✔") if item.captions_sha256 or item.captions_burned_in else tr("no captions")
            elif item.alt.strip():
                state = tr("ALT ✔")
            elif item.decorative:
                state = tr("decorative")
            else:
                state = tr("no ALT")
            extra = []
            if item.faces and not item.redacted:
                extra.append(tr("{n} face(s)").format(n=item.faces))
            if item.redacted:
                extra.append(tr("masked"))
            return f"{index.row() + 1}. {item.name}\n{state}" + (f" · {' · '.join(extra)}" if extra else "")
        if role == Qt.ItemDataRole.DecorationRole:
            return self.thumbnails.pixmap(item.sha256, item.kind, 64)
        return None


#: The side of the enlarged picture beside the alt-text box (the list shows 64-px thumbnails).
PREVIEW_SIZE = 240


class MediaPanel(QWidget):
    changed = Signal()
    add_requested = Signal(list)
    captions_requested = Signal(int, str)
    redact_requested = Signal(int)

    def __init__(self, platform: Platform, blob_loader: BlobLoader, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.platform = platform
        self.setAcceptDrops(True)
        self.thumbnails = ThumbnailCache(blob_loader)
        self.model = MediaListModel(self.thumbnails)
        buttons = self._build_list()
        self._build_details()
        layout = QVBoxLayout(self)
        layout.addWidget(self.hint)
        layout.addWidget(self.view)
        layout.addLayout(buttons)
        layout.addWidget(self.details)
        layout.addStretch(1)
        self._wire()
        self._loading = False
        self._load_details()

    def _build_list(self) -> QHBoxLayout:
        self.view = QListView()
        self.view.setModel(self.model)
        self.view.setAccessibleName(tr("Attachments"))
        self.view.setIconSize(QSize(64, 64))
        self.view.setSpacing(2)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setMaximumHeight(150)
        self.hint = QLabel(
            tr("JPEG, PNG, WebP, GIF, MP4 or MOV — drop files here. {platform}: up to {n} images.").format(
                platform=self.platform.limits.label, n=self.platform.max_images
            )
        )
        self.hint.setWordWrap(True)
        self.add_button = QPushButton(tr("&Add image or video…"))
        self.remove_button = QPushButton(tr("&Remove"))
        self.up_button = QPushButton(tr("Move up"))
        self.up_button.setToolTip(tr("Alt+Up"))
        self.down_button = QPushButton(tr("Move down"))
        self.down_button.setToolTip(tr("Alt+Down"))
        self.redact_button = QPushButton(tr("Mas&k faces and areas…"))
        buttons = QHBoxLayout()
        for button in (self.add_button, self.remove_button, self.up_button, self.down_button, self.redact_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        return buttons

    def _build_details(self) -> None:
        self.details = QGroupBox(tr("Selected attachment"))
        # The picture being described, large enough to read the text in it, beside the box.
        self.large = QLabel()
        self.large.setObjectName("altPreview")
        self.large.setFixedSize(PREVIEW_SIZE, PREVIEW_SIZE)
        self.large.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.large.setStyleSheet("QLabel#altPreview { background: #eceff1; border: 1px solid #cfd8dc; }")
        self.alt = QPlainTextEdit()
        self.alt.setAccessibleName(tr("Alt text"))
        self.alt.setTabChangesFocus(True)
        self.alt.setFixedHeight(80)
        self.alt_counter = QLabel()
        self.alt_counter.setObjectName("altCounter")
        self.guidance_button = QPushButton(tr("Alt text guidance"))
        self.decorative = QCheckBox(tr("装飾 — decorat&ive only (no alt text needed)"))
        self.decorative_reason = QLineEdit()
        self.decorative_reason.setAccessibleName(tr("Why the image is decorative"))
        self.decorative_reason.setPlaceholderText(tr("Why it carries no information (required)"))
        self.captions_button = QPushButton(tr("Captions file (.vtt/.srt)…"))
        self.captions_label = plain(QLabel())
        self.burned_in = QCheckBox(tr("Captions are &burned into the video"))
        alt_row = QHBoxLayout()
        alt_row.addWidget(self.alt_counter)
        alt_row.addStretch(1)
        alt_row.addWidget(self.guidance_button)
        fields = QWidget()
        form = QFormLayout(fields)
        form.setContentsMargins(0, 0, 0, 0)
        self.alt_caption = QLabel(tr("A&lt text:"))
        self.alt_caption.setBuddy(self.alt)
        form.addRow(self.alt_caption, self.alt)
        form.addRow("", alt_row)
        form.addRow(self.decorative)
        self.reason_caption = QLabel(tr("Reason:"))
        self.reason_caption.setBuddy(self.decorative_reason)
        form.addRow(self.reason_caption, self.decorative_reason)
        form.addRow(self.captions_button, self.captions_label)
        form.addRow(self.burned_in)
        row = QHBoxLayout(self.details)
        row.addWidget(self.large, 0, Qt.AlignmentFlag.AlignTop)
        row.addWidget(fields, 1)

    def _wire(self) -> None:
        self.add_button.clicked.connect(self._choose_files)
        self.remove_button.clicked.connect(self._remove)
        self.up_button.clicked.connect(lambda: self._move(-1))
        self.down_button.clicked.connect(lambda: self._move(1))
        self.redact_button.clicked.connect(lambda: self._emit_row(self.redact_requested))
        self.guidance_button.clicked.connect(self.show_guidance)
        self.captions_button.clicked.connect(self._choose_captions)
        QShortcut(QKeySequence("Alt+Up"), self.view, lambda: self._move(-1))
        QShortcut(QKeySequence("Alt+Down"), self.view, lambda: self._move(1))
        QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.view, self._remove)
        self.view.selectionModel().currentChanged.connect(lambda _c, _p: self._load_details())
        self.alt.textChanged.connect(self._alt_edited)
        self.decorative.toggled.connect(self._decorative_edited)
        self.decorative_reason.textEdited.connect(self._decorative_edited)
        self.burned_in.toggled.connect(self._burned_in_edited)

    # -- public --
    def set_items(self, items: Sequence[StoredMedia]) -> None:
        self.model.set_items(items)
        if items:
            self.view.setCurrentIndex(self.model.index(0))
        self._load_details()

    @property
    def items(self) -> list[StoredMedia]:
        return self.model.items

    def add_item(self, item: StoredMedia) -> None:
        self.model.append(item)
        self.view.setCurrentIndex(self.model.index(len(self.model.items) - 1))
        self._load_details()
        self.changed.emit()

    def replace_item(self, row: int, item: StoredMedia) -> None:
        self.model.replace(row, item)
        self._load_details()
        self.changed.emit()

    def select(self, row: int) -> None:
        if 0 <= row < len(self.model.items):
            self.view.setCurrentIndex(self.model.index(row))
            self.alt.setFocus()

    def set_editable(self, editable: bool) -> None:
        for widget in (
            self.add_button,
            self.remove_button,
            self.up_button,
            self.down_button,
            self.redact_button,
            self.details,
        ):
            widget.setEnabled(editable)
        self.setAcceptDrops(editable)
        self._editable = editable

    def show_guidance(self) -> None:
        messages.info(self, tr("Writing good alt text"), alt_guidance())

    # -- drag and drop --
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self.acceptDrops() and _dropped_files(event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        files = _dropped_files(event.mimeData().urls())
        if files:
            event.acceptProposedAction()
            self.add_requested.emit(files)

    # -- private --
    def _row(self) -> int | None:
        index = self.view.currentIndex()
        return index.row() if index.isValid() else None

    def _emit_row(self, signal: Any) -> None:
        row = self._row()
        if row is not None:
            signal.emit(row)

    def _choose_files(self) -> None:
        pattern = " ".join(f"*{s}" for s in accepted_suffixes())
        files, _ = QFileDialog.getOpenFileNames(
            self, tr("Attach images or videos"), "", tr("Media ({p})").format(p=pattern)
        )
        if files:
            self.add_requested.emit(files)

    def _choose_captions(self) -> None:
        row = self._row()
        if row is None:
            return
        pattern = " ".join(f"*{s}" for s in CAPTION_TYPES)
        path, _ = QFileDialog.getOpenFileName(self, tr("Captions file"), "", tr("Captions ({p})").format(p=pattern))
        if path:
            self.captions_requested.emit(row, path)

    def _remove(self) -> None:
        row = self._row()
        if row is None:
            return
        self.model.remove(row)
        if self.model.items:
            self.view.setCurrentIndex(self.model.index(min(row, len(self.model.items) - 1)))
        self._load_details()
        self.changed.emit()

    def _move(self, offset: int) -> None:
        row = self._row()
        if row is not None and self.model.move(row, offset):
            self.view.setCurrentIndex(self.model.index(row + offset))
            self.changed.emit()

    def _load_details(self) -> None:
        row = self._row()
        item = self.model.items[row] if row is not None else None
        self._loading = True
        try:
            has = item is not None
            editable = getattr(self, "_editable", True)
            self.details.setEnabled(has and editable)
            for button in (self.remove_button, self.up_button, self.down_button):
                button.setEnabled(has and editable)
            image = item is not None and item.is_image
            self.redact_button.setEnabled(bool(image) and editable)
            for widget in (
                self.alt,
                self.alt_caption,
                self.alt_counter,
                self.guidance_button,
                self.decorative,
                self.decorative_reason,
                self.reason_caption,
            ):
                widget.setVisible(image or not has)
            for widget in (self.captions_button, self.captions_label, self.burned_in):
                widget.setVisible(has and not image)
            self.alt.setPlainText(item.alt if item else "")
            # Without a selection the box is disabled (nothing typed there could be kept) and says why.
            self.alt.setPlaceholderText(
                tr("Describe what matters in the image, including any text in it.")
                if has
                else tr("Select an image above to describe it.")
            )
            self._show_large(item)
            self.decorative.setChecked(bool(item and item.decorative))
            self.decorative_reason.setText(item.decorative_reason if item else "")
            self.decorative_reason.setEnabled(self.decorative.isChecked())
            self.burned_in.setChecked(bool(item and item.captions_burned_in))
            name = item.captions_name if item else None
            self.captions_label.setText(str(name) if name else tr("No captions file"))
            self._update_alt_counter()
        finally:
            self._loading = False

    def _show_large(self, item: StoredMedia | None) -> None:
        if item is None:
            self.large.clear()
            self.large.setText(tr("No attachment selected"))
            self.large.setAccessibleName(tr("No attachment selected"))
            return
        self.large.setPixmap(self.thumbnails.pixmap(item.sha256, "image" if item.is_image else "video", PREVIEW_SIZE))
        self.large.setAccessibleName(tr("Preview of {name}").format(name=item.name or "—"))

    def _update_alt_counter(self) -> None:
        limits = self.platform.limits
        used = count(self.alt.toPlainText(), limits.alt_text_counting)
        if limits.alt_text_limit is None:
            self.alt_counter.setText(tr("{used} characters (no limit published)").format(used=used))
            self.alt_counter.setStyleSheet("")
        else:
            self.alt_counter.setText(f"{used} / {limits.alt_text_limit}")
            self.alt_counter.setStyleSheet("color:#c62828;font-weight:bold" if used > limits.alt_text_limit else "")
        self.alt_counter.setAccessibleName(tr("Alt text length {text}").format(text=self.alt_counter.text()))

    def _edit(self, **fields: Any) -> None:
        row = self._row()
        if self._loading or row is None:
            return
        self.model.items[row] = replace(self.model.items[row], **fields)
        self.model.touch(row)
        self.changed.emit()

    def _alt_edited(self) -> None:
        self._update_alt_counter()
        self._edit(alt=self.alt.toPlainText())

    def _decorative_edited(self) -> None:
        self.decorative_reason.setEnabled(self.decorative.isChecked())
        self._edit(decorative=self.decorative.isChecked(), decorative_reason=self.decorative_reason.text())

    def _burned_in_edited(self) -> None:
        self._edit(captions_burned_in=self.burned_in.isChecked())


def _dropped_files(urls: Sequence[Any]) -> list[str]:
    suffixes = set(accepted_suffixes())
    return [u.toLocalFile() for u in urls if u.isLocalFile() and Path(u.toLocalFile()).suffix.lower() in suffixes]
