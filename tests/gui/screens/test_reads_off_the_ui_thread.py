"""Every screen's refresh reads off the UI thread, says 読み込み中… meanwhile, and shows only the newest answer."""

from __future__ import annotations

import threading
from contextlib import AbstractContextManager
from datetime import datetime

import pytest

from core.storage.engine import Store
from gui.application import usable
from gui.main_window import SCREEN_CLASSES, MainWindow
from gui.screens.accounts import AccountsScreen
from gui.screens.settings.screen import SettingsScreen
from tests.support.gui import screen_of, settle


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    """Each database read from now on, as: was it on the UI thread (the database clock counts: a query)."""
    seen: list[bool] = []
    read, now = Store.read, Store.now

    def noting_read(self: Store, **options: bool) -> AbstractContextManager[object]:
        seen.append(threading.current_thread() is threading.main_thread())
        return read(self, **options)

    def noting_now(self: Store) -> datetime:
        seen.append(threading.current_thread() is threading.main_thread())
        return now(self)

    monkeypatch.setattr(Store, "read", noting_read)
    monkeypatch.setattr(Store, "now", noting_now)
    return seen


@pytest.mark.parametrize("row", range(len(SCREEN_CLASSES)), ids=[name for _module, name in SCREEN_CLASSES])
def test_a_refresh_reads_on_a_worker_and_says_loading_meanwhile(
    window: MainWindow, reads: list[bool], row: int
) -> None:
    window.show_screen(row)
    screen = screen_of(window, row)
    assert screen.fresh
    reads.clear()
    screen.refresh()
    assert True not in reads  # refresh itself read nothing on the UI thread: it went to a worker
    assert screen.loading
    assert not screen.fresh  # start-up's "usable" waits for this
    assert not usable(window)
    assert screen.loading_label.isVisible()
    assert screen.loading_label.text() == "Loading…"
    settle()
    assert reads  # it did read …
    assert not any(reads)  # … and never on the UI thread, answer shown included
    assert not screen.loading
    assert not screen.loading_label.isVisible()
    assert screen.fresh
    assert usable(window)


def test_every_settings_tab_reads_on_a_worker(window: MainWindow, reads: list[bool]) -> None:
    window.show_screen(5)
    screen = screen_of(window, 5)
    assert isinstance(screen, SettingsScreen)
    for tab in (screen.checks, screen.approval, screen.lifecycle, screen.mail, screen.templates):
        reads.clear()
        tab.load()
        assert True not in reads
        assert screen.loading  # a tab's read is the screen's too
        settle()
        assert reads
        assert not any(reads)
        assert not screen.loading


def test_an_older_answer_is_dropped_when_a_newer_read_was_started(window: MainWindow) -> None:
    window.show_screen(2)
    screen = screen_of(window, 2)
    assert isinstance(screen, AccountsScreen)
    gate = threading.Event()
    shown: list[str] = []

    def slow() -> str:
        gate.wait(20)
        return "older"

    screen.read(slow, shown.append)
    screen.read(lambda: "newer", shown.append)
    assert screen.loading
    gate.set()
    settle()
    # Whichever came back first, only the newest read's answer reached the screen.
    assert shown == ["newer"]
    assert not screen.loading


def test_the_selection_survives_a_refresh(window: MainWindow) -> None:
    window.show_screen(2)
    screen = screen_of(window, 2)
    assert isinstance(screen, AccountsScreen)
    screen.table.selectRow(1)
    chosen = screen.selected()
    assert chosen is not None
    screen.refresh()
    assert screen.selected() == chosen  # the old rows stay, chosen, while the new ones are read
    settle()
    assert screen.selected() is not None
    assert screen.selected().id == chosen.id  # type: ignore[union-attr]
