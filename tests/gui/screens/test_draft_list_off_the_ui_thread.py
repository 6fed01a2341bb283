"""The draft list reads off the UI thread: the screen shows a loading state, and a late answer is dropped."""

from __future__ import annotations

import threading

import pytest
from pytestqt.qtbot import QtBot

from core.storage.engine import Store
from gui.main_window import MainWindow
from gui.screens.drafts import DraftListModel, DraftsScreen
from tests.support.gui import screen_of, settle


def test_the_list_is_read_on_a_worker_and_shows_loading_meanwhile(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    drafts = screen_of(window, 0)
    assert isinstance(drafts, DraftsScreen)
    threads: list[bool] = []
    read = Store.read

    def noting(self: Store, **options: bool):  # type: ignore[no-untyped-def]
        threads.append(threading.current_thread() is threading.main_thread())
        return read(self, **options)

    monkeypatch.setattr(Store, "read", noting)
    drafts.state_filter.setCurrentIndex(drafts.state_filter.findData("returned"))
    assert drafts.model.loading
    assert drafts.count_label.text() == "Loading…"
    assert drafts.model.rowCount() == 9  # the old rows stay until the new first page is in
    settle()
    assert not drafts.model.loading
    assert drafts.model.rowCount() == 1
    assert drafts.count_label.text() == "1 drafts"
    assert threads
    assert not any(threads)  # every read of the list ran on a worker


def test_an_answer_to_an_older_filter_is_dropped(window: MainWindow) -> None:
    drafts = screen_of(window, 0)
    assert isinstance(drafts, DraftsScreen)
    # Two filters in a row: whichever read comes back first, the list ends as the second asked.
    drafts.state_filter.setCurrentIndex(drafts.state_filter.findData("returned"))
    drafts.state_filter.setCurrentIndex(drafts.state_filter.findData("draft"))
    settle()
    assert drafts.model.total is not None
    assert drafts.model.total == drafts.model.rowCount() > 1
    rows = [drafts.model.row(r) for r in range(drafts.model.rowCount())]
    assert all(row is not None and row.state.value == "draft" for row in rows)


def test_pages_let_go_are_read_again_when_scrolled_back(window: MainWindow) -> None:
    # No view: one showing all nine rows would ask for every page at once.
    model = DraftListModel(window.session, window)
    model.page_size, model.max_pages = 2, 2
    model.reload()
    settle()
    while model.canFetchMore():
        model.fetchMore()
        settle()
    assert model.rowCount() == 9
    assert model.held_pages() == 2  # of five
    assert model.row(0) is None  # let go …
    assert model.data(model.index(0, 0)) is None  # … asked for by the view …
    settle()
    first = model.row(0)
    assert first is not None  # … and read again from its start
    assert model.data(model.index(0, 0)) == str(first.id)
    assert model.held_pages() == 2
