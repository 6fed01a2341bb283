"""Honest states: the list, its filter and the queue show 送信失敗 / 予約済み; the composer follows a publish."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from pytest_httpserver import HTTPServer
from pytestqt.qtbot import QtBot

from core.lifecycle.states import DraftState, ShownState
from core.publishing.outbox import Outbox
from core.runtime.bootstrap import Environment
from gui.screens.approvals import ApprovalsScreen
from gui.screens.drafts import DraftsScreen
from gui.session import AppSession
from tests.support.gui import MessageRecorder, composer_window, settle, wait_for_operations
from tests.support.platform_fakes import FakeFacebook, FakeX, Fault
from tests.support.publishing import PubWorld


def _shown(screen: DraftsScreen) -> dict[int, str]:
    return {screen.model.row(r).id: screen.model.data(screen.model.index(r, 1)) for r in range(screen.model.rowCount())}


def _column(queue: ApprovalsScreen, title: str) -> int:
    header = queue.decisions.headerData
    return next(c for c in range(queue.decisions.columnCount()) if header(c, Qt.Orientation.Horizontal) == title)


def test_failed_and_scheduled_posts_are_shown_and_filterable(
    qtbot: QtBot, sqlite_env: Environment, httpserver: HTTPServer
) -> None:
    world = PubWorld(sqlite_env)
    fake = FakeFacebook(httpserver)
    fake.fail("/me/feed", Fault(status=400))
    failed = world.approved("facebook")
    with pytest.raises(Exception, match=r".+"):
        world.outbox({"facebook": fake.base_url}).publish(failed)
    tomorrow = datetime.now(UTC) + timedelta(days=1)
    scheduled = world.approved("mastodon", scheduled_at=tomorrow)
    ready = world.approved("x")
    screen = DraftsScreen(AppSession(world.env, world.op))
    qtbot.addWidget(screen)
    screen.refresh()
    settle()
    shown = _shown(screen)
    assert shown[failed] == ShownState.FAILED.label == "Send failed"
    assert shown[scheduled] == ShownState.SCHEDULED.label
    assert shown[ready] == ShownState.APPROVED.label
    offered = [screen.state_filter.itemData(i) for i in range(screen.state_filter.count())]
    for state in ("needs_checking", "failed", "sending", "scheduled"):
        assert state in offered
    screen.state_filter.setCurrentIndex(screen.state_filter.findData(ShownState.FAILED.value))
    settle()
    assert list(_shown(screen)) == [failed]
    assert screen.count_label.text() == "1 drafts"

    # The queue's recent decisions say what became of each approval.
    queue = ApprovalsScreen(AppSession(world.env, world.sup))
    qtbot.addWidget(queue)
    queue.refresh()
    settle()
    now_column = next(
        c
        for c in range(queue.decisions.columnCount())
        if queue.decisions.headerData(c, Qt.Orientation.Horizontal) == "Now"
    )
    by_draft = {
        queue.decisions.row(r).draft_id: queue.decisions.data(queue.decisions.index(r, now_column))
        for r in range(queue.decisions.rowCount())
    }
    assert by_draft[failed] == "Send failed"
    assert by_draft[scheduled] == "Scheduled to go out"
    decision_column = next(
        c
        for c in range(queue.decisions.columnCount())
        if queue.decisions.headerData(c, Qt.Orientation.Horizontal) == "Decision"
    )
    assert queue.decisions.data(queue.decisions.index(0, decision_column)) == "Approval"  # a noun, not "Approve"


def test_the_composer_follows_its_own_publication(
    qtbot: QtBot,
    sqlite_env: Environment,
    httpserver: HTTPServer,
    monkeypatch: pytest.MonkeyPatch,
    messages: MessageRecorder,
) -> None:
    world = PubWorld(sqlite_env)
    fake = FakeX(httpserver)
    monkeypatch.setattr("core.platforms.x.DEFAULT_API", fake.base_url)
    draft_id = world.approved("x")
    composer = composer_window(AppSession(world.env, world.op), draft_id)
    qtbot.addWidget(composer)
    assert not composer.reopen_button.isHidden()  # an approved draft can be taken back …
    assert composer.publishing is not None
    wait_for_operations(qtbot, composer.publishing.publish_button.isEnabled)  # its state is read off the UI thread
    messages.answer(True)
    composer.publishing.publish()
    wait_for_operations(qtbot, lambda: not composer.publishing.busy)  # type: ignore[union-attr]
    wait_for_operations(qtbot, lambda: composer.reloads == 0 and composer.state is DraftState.PUBLISHED)
    assert composer.reopen_button.isHidden()  # … a published one no longer offers it
    assert "Published" in composer.gate_label.text()
    assert not composer.publishing.correction_button.isHidden()


def test_a_taken_back_draft_after_a_failure_is_not_called_changed_by_someone_else(
    qtbot: QtBot, sqlite_env: Environment, httpserver: HTTPServer, monkeypatch: pytest.MonkeyPatch, messages: object
) -> None:
    world = PubWorld(sqlite_env)
    fake = FakeFacebook(httpserver)
    fake.fail("/me/feed", Fault(status=400))
    monkeypatch.setattr("core.platforms.facebook.DEFAULT_API", fake.base_url, raising=False)
    draft_id = world.approved("facebook")
    composer = composer_window(AppSession(world.env, world.op), draft_id)
    qtbot.addWidget(composer)
    # Another window's attempt fails meanwhile (the scheduler, a colleague): this window follows it.
    with pytest.raises(Exception, match=r".+"):
        Outbox(world.store, world.op, vault=world.vault, base_url={"facebook": fake.base_url}).publish(draft_id)
    from gui.changes import Changes, announce

    announce(Changes(drafts=frozenset({draft_id}), queue=True))
    wait_for_operations(qtbot, lambda: composer.reloads == 0)
    monkeypatch.setattr(
        "gui.composer.window.QInputDialog.getText", lambda *args, **kwargs: ("時刻を変えて出し直す", True)
    )
    reopened: list[int] = []
    composer.reopened.connect(reopened.append)
    composer.take_back()
    wait_for_operations(qtbot, lambda: bool(reopened))
    assert messages.shown == []  # type: ignore[attr-defined]
