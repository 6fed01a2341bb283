"""Filter combo boxes that are refilled when the data changes."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QComboBox


def refill(combo: QComboBox, everything: str, items: Sequence[tuple[str, object]]) -> None:
    """Replace the entries after an "everything" entry, keeping the chosen one when it still exists.

    Signals are blocked: a refill is not a choice, and the screen reloads once afterwards.
    """
    current = combo.currentData()
    combo.blockSignals(True)
    combo.clear()
    combo.addItem(everything, None)
    for text, data in items:
        combo.addItem(text, data)
    combo.setCurrentIndex(max(combo.findData(current), 0) if current is not None else 0)
    combo.blockSignals(False)
