"""Writing alt text: the picture large beside the box, the box closed without a selection, the limit live."""

from __future__ import annotations

from dataclasses import replace

from PIL import Image
from pytestqt.qtbot import QtBot

from core.composer.media_store import prepare_image
from core.platforms.facts import Platform
from gui.composer.media_panel import PREVIEW_SIZE, MediaPanel
from tests.support.images import png_bytes


def test_the_selected_image_is_shown_large_and_its_alt_text_counted_against_the_platform(qtbot: QtBot) -> None:
    prepared = prepare_image(png_bytes(Image.new("RGB", (800, 600), "#c0392b")), "poster.png")
    blobs = {prepared.sha256: prepared.data}
    panel = MediaPanel(Platform.X, blobs.get)
    qtbot.addWidget(panel)
    panel.show()
    assert not panel.details.isEnabled()  # nothing selected: nothing typed there could be kept
    assert "Select an image" in panel.alt.placeholderText()
    panel.set_items([replace(prepared.item(), alt="")])
    assert panel.details.isEnabled()
    pixmap = panel.large.pixmap()
    assert max(pixmap.width(), pixmap.height()) == PREVIEW_SIZE  # far larger than the 64-px list icon
    limit = Platform.X.alt_text_limit
    assert limit is not None
    panel.alt.setPlainText("市民まつりのポスター")
    assert panel.alt_counter.text() == f"10 / {limit}"
    panel.alt.setPlainText("あ" * (limit + 1))
    assert "c62828" in panel.alt_counter.styleSheet()  # over the limit, in red, while typing
    assert panel.items[0].alt == "あ" * (limit + 1)
