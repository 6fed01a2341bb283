"""The change watcher: other workstations' entries become the same Changes an Operation announces."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from core.audit import chain
from core.audit.recorder import Recorder
from core.runtime.bootstrap import Environment
from core.storage.engine import Store
from gui.change_watcher import ChangeWatcher, changes_from
from gui.changes import Changes
from tests.support.gui import wait_for_operations

ME = Recorder(actor="sato", terminal="pc-1")
COLLEAGUE = Recorder(actor="suzuki", terminal="pc-2")


def _record(store: Store, recorder: Recorder, event: str, payload: dict[str, object]) -> None:
    with store.write() as session:
        chain.append(session, recorder, event, payload)


@pytest.mark.postgres
def test_listen_notify_reaches_the_ui_thread_as_typed_changes(qtbot: QtBot, pg_url: str) -> None:
    from core.storage.migrate import upgrade

    store = Store(pg_url)
    upgrade(store.engine)
    other = Store(pg_url)  # another workstation
    watcher = ChangeWatcher(store, lambda: ME)
    seen: list[Changes] = []
    watcher.changed.connect(seen.append)
    watcher.start()
    try:
        qtbot.waitUntil(lambda: watcher._thread is not None and watcher._thread.is_alive())
        _record(other, ME, "draft.saved", {"draft_id": 8})  # this window's own autosave: left out
        _record(other, COLLEAGUE, "draft.submitted", {"draft_id": 9})
        wait_for_operations(qtbot, lambda: bool(seen))
        assert seen == [Changes(drafts=frozenset({9}), queue=True)]
    finally:
        watcher.stop()
        store.dispose()
        other.dispose()


def test_a_flood_of_entries_refreshes_everything() -> None:
    from core.storage.changes import RecordedChange

    entries = [RecordedChange(n, "draft.saved", "suzuki", "pc-2", n) for n in range(1, 4)]
    assert changes_from(entries, ME, page=3) == Changes.everything()
    assert changes_from(entries, ME, page=4) == Changes(drafts=frozenset({1, 2, 3}))
    # The same person on another computer is another window: their autosave is news here.
    mine_elsewhere = [RecordedChange(1, "draft.saved", "sato", "pc-9", 5)]
    assert changes_from(mine_elsewhere, ME) == Changes(drafts=frozenset({5}))
    assert changes_from([RecordedChange(1, "draft.saved", "sato", "pc-1", 5)], ME).empty


def test_the_sqlite_poll_looks_off_the_ui_thread_one_look_at_a_time(
    qtbot: QtBot, sqlite_env: Environment, monkeypatch: pytest.MonkeyPatch
) -> None:
    import threading

    import gui.change_watcher as change_watcher

    sqlite_store = sqlite_env.store
    watcher = ChangeWatcher(sqlite_store, lambda: ME)
    seen: list[Changes] = []
    watcher.changed.connect(seen.append)
    threads: list[bool] = []
    release = threading.Event()
    real_look = change_watcher.look

    def slow_look(store: Store, after: int) -> change_watcher.Look | None:
        threads.append(threading.current_thread() is threading.main_thread())
        release.wait(20)
        return real_look(store, after)

    monkeypatch.setattr(change_watcher, "look", slow_look)
    _record(sqlite_store, COLLEAGUE, "draft.submitted", {"draft_id": 9})
    watcher.poll()
    watcher.poll()  # the next tick while the first look is out: skipped
    assert watcher.looking
    assert seen == []  # the UI thread did not wait for the read
    release.set()
    wait_for_operations(qtbot, lambda: not watcher.looking)
    assert threads == [False]
    assert seen == [Changes(drafts=frozenset({9}), queue=True)]
    watcher.poll()  # nothing new: nothing announced
    wait_for_operations(qtbot, lambda: not watcher.looking)
    assert seen == [Changes(drafts=frozenset({9}), queue=True)]
