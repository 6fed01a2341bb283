"""Keyboard checks shared by the window tests: the Alt+letter mnemonics a person can press at once."""

from __future__ import annotations

import re
from collections import defaultdict

from PySide6.QtWidgets import QAbstractButton, QGroupBox, QLabel, QMenuBar, QTabBar, QWidget

_MNEMONIC = re.compile(r"&([^&\s])")


def mnemonic(text: str) -> str | None:
    """The letter after a single ``&`` (``&&`` is a literal ampersand), upper-cased."""
    found = _MNEMONIC.search(text.replace("&&", ""))
    return found.group(1).upper() if found else None


def _shown(widget: QWidget, top: QWidget) -> bool:
    return (widget.isVisibleTo(top) and widget.isEnabled()) or (widget.isVisibleTo(top) and isinstance(widget, QLabel))


def mnemonic_owners(top: QWidget) -> dict[str, list[str]]:
    """Alt+letter → what it reaches, for everything visible in ``top`` now (menu bar titles included)."""
    owners: dict[str, list[str]] = defaultdict(list)

    def add(text: str, what: str) -> None:
        key = mnemonic(text)
        if key:
            owners[key].append(f"{what} {text!r}")

    for widget in top.findChildren(QWidget):
        # A hidden or disabled control does not take its Alt+letter (a label's buddy decides for it).
        target = widget.buddy() if isinstance(widget, QLabel) and widget.buddy() is not None else widget
        if not widget.isVisibleTo(top) or not target.isEnabled():
            continue
        if isinstance(widget, QMenuBar):
            for action in widget.actions():
                add(action.text(), "menu")
        elif isinstance(widget, QTabBar):
            for index in range(widget.count()):
                add(widget.tabText(index), "tab")
        elif isinstance(widget, QAbstractButton):
            add(widget.text(), type(widget).__name__)
        elif isinstance(widget, QLabel) and widget.buddy() is not None:
            add(widget.text(), "label")
        elif isinstance(widget, QGroupBox) and widget.isCheckable():
            add(widget.title(), "group")
    return dict(owners)


def clashes(top: QWidget) -> dict[str, list[str]]:
    """Letters reaching more than one thing at once (Qt then only cycles between them)."""
    return {key: found for key, found in mnemonic_owners(top).items() if len(found) > 1}


def unreachable_by_tab(top: QWidget) -> list[str]:
    """Visible, enabled controls that take Tab focus but are not in ``top``'s focus chain."""
    from PySide6.QtCore import Qt

    wanted = [
        w
        for w in top.findChildren(QWidget)
        if w.isVisibleTo(top) and w.isEnabled() and w.focusPolicy() & Qt.FocusPolicy.TabFocus == Qt.FocusPolicy.TabFocus
    ]
    chain = set()
    widget = top.nextInFocusChain()
    for _ in range(5000):
        if widget is None or widget is top:
            break
        chain.add(widget)
        widget = widget.nextInFocusChain()
    return sorted(f"{type(w).__name__} {w.objectName() or w.accessibleName() or ''}" for w in wanted if w not in chain)
