"""The publishing GUI: publish with progress, manual mode, and a supervisor approving a deletion request."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtGui import QGuiApplication
from pytest_httpserver import HTTPServer
from pytestqt.qtbot import QtBot

from core.lifecycle.states import DeletionState, DraftState, PublicationState
from core.publishing.records import PublicationService, deletion_requests, publications_for_draft
from core.runtime.bootstrap import Environment
from gui.messages import Kind
from gui.publishing.deletions import DeletionRequestsPanel
from gui.publishing.manual import ManualPostDialog
from gui.publishing.panel import PublishPanel
from gui.session import AppSession
from gui.tasks import wait_for_tasks
from tests.support.gui import MessageRecorder, composer_window, settle, wait_for_operations
from tests.support.platform_fakes import FakeX, Fault
from tests.support.publishing import PubWorld


@pytest.fixture
def world(sqlite_env: Environment, messages: MessageRecorder) -> Iterator[PubWorld]:
    yield PubWorld(sqlite_env)
    # Publishing speaks in its panel, never in a box; only the irreversible steps ask first.
    assert [m for m in messages.shown if m.kind is not Kind.IRREVERSIBLE] == []


def test_publish_button_sends_with_progress_and_shows_the_url(
    qtbot: QtBot, world: PubWorld, httpserver: HTTPServer, monkeypatch: pytest.MonkeyPatch, messages: MessageRecorder
) -> None:
    fake = FakeX(httpserver)
    monkeypatch.setattr("core.platforms.x.DEFAULT_API", fake.base_url)
    draft_id = world.approved("x", image=True)
    panel = PublishPanel(AppSession(world.env, world.op), draft_id)
    qtbot.addWidget(panel)
    qtbot.waitUntil(lambda: not panel.busy, timeout=20_000)  # its state is read off the UI thread
    assert panel.publish_button.isVisible() or not panel.isVisible()
    assert not panel.publish_button.isHidden()
    seen: list[tuple[int, int]] = []
    panel.progress.valueChanged.connect(lambda v: seen.append((v, panel.progress.maximum())))
    messages.answer(True)  # 今すぐ投稿 asks first
    with qtbot.waitSignal(panel.changed, timeout=20_000):
        panel.publish()
        assert panel.busy
        assert not panel.progress.isHidden()
    wait_for_tasks()
    qtbot.waitUntil(lambda: not panel.busy, timeout=20_000)  # the state after it is read again
    assert "https://x.com/city_koho/status/1000" in panel.message.text()
    assert panel.progress.isHidden()
    assert seen
    assert seen[-1] == (1, 1)
    assert panel.publish_button.isHidden()
    assert not panel.delete_button.isHidden()
    assert not panel.correction_button.isHidden()


def test_a_failed_publish_shows_a_plain_message(
    qtbot: QtBot, world: PubWorld, httpserver: HTTPServer, monkeypatch: pytest.MonkeyPatch, messages: MessageRecorder
) -> None:
    fake = FakeX(httpserver)
    fake.fail("/2/tweets", Fault(drop_before=True))
    monkeypatch.setattr("core.platforms.x.DEFAULT_API", fake.base_url)
    draft_id = world.approved("x")
    panel = PublishPanel(AppSession(world.env, world.op), draft_id)
    qtbot.addWidget(panel)
    qtbot.waitUntil(lambda: not panel.busy, timeout=20_000)  # its state is read off the UI thread
    messages.answer(True)
    panel.publish()
    qtbot.waitUntil(lambda: not panel.busy, timeout=20_000)
    wait_for_tasks()
    assert "may or may not have been published" in panel.message.text()
    assert not panel.check_button.isHidden()
    assert not panel.resolve_button.isHidden()
    assert not panel.publish_button.isEnabled()


def test_manual_mode_copies_the_text_and_records_the_url(
    qtbot: QtBot, world: PubWorld, messages: MessageRecorder
) -> None:
    draft_id = world.approved("instagram", "秋の写真展を開催します。", image=True)
    dialog = ManualPostDialog(AppSession(world.env, world.op), draft_id)
    qtbot.addWidget(dialog)
    wait_for_operations(qtbot, lambda: not dialog.preparing)
    assert dialog.text.toPlainText() == "秋の写真展を開催します。"
    assert dialog.package is not None
    assert len(dialog.package.files) == 1
    assert (dialog.package.files[0].with_suffix("").with_suffix(".alt.txt")).read_text(encoding="utf-8") == (
        "市民まつりのポスター"
    )
    dialog.copy_text()
    assert QGuiApplication.clipboard().text() == "秋の写真展を開催します。"
    dialog.url.setText("not a url")
    dialog.record()
    wait_for_operations(qtbot)
    assert "https://" in dialog.error.text()
    dialog.url.setText("https://www.instagram.com/p/abc123/")
    messages.answer(True)  # 投稿済みとして記録 asks first
    dialog.record()
    wait_for_operations(qtbot)
    (row,) = publications_for_draft(world.store, draft_id)
    assert row.state is PublicationState.PUBLISHED
    assert row.manual
    assert row.url == "https://www.instagram.com/p/abc123/"


def test_manual_mode_is_gated_too(qtbot: QtBot, world: PubWorld) -> None:
    from core.services.terminals import TerminalService

    draft_id = world.approved("instagram", "秋の写真展を開催します。")
    TerminalService(world.store, world.admin).revoke(world.terminal_id, "異動")
    dialog = ManualPostDialog(AppSession(world.env, world.op), draft_id)
    qtbot.addWidget(dialog)
    wait_for_operations(qtbot, lambda: not dialog.preparing)
    assert "revoked" in dialog.error.text()
    assert dialog.text.toPlainText() == ""
    assert not dialog.record_button.isEnabled()


def test_an_emergency_draft_offers_posting_by_hand_before_approval(
    qtbot: QtBot, world: PubWorld, messages: MessageRecorder
) -> None:
    from core.demo.support import make_ready
    from core.services.drafts import DraftService
    from core.services.emergency import EmergencyPolicy, EmergencyService

    drafts = DraftService(world.store, world.op)
    draft_id = drafts.create(world.ids["instagram"], "【避難指示】見本川の水位が上がっています。")
    EmergencyService(world.store, world.op).mark(draft_id, "避難情報")
    drafts.submit(draft_id, make_ready(drafts, draft_id))
    session = AppSession(world.env, world.op)
    window = composer_window(session, draft_id)
    qtbot.addWidget(window)
    assert window.publishing is None  # the organization has not allowed it
    window.close()
    wait_for_tasks()

    EmergencyService(world.store, world.admin).set_policy(EmergencyPolicy(True, 6))
    window = composer_window(session, draft_id)
    qtbot.addWidget(window)
    window.show()
    panel = window.publishing
    assert panel is not None
    qtbot.waitUntil(lambda: not panel.busy, timeout=20_000)  # its state is read off the UI thread
    assert panel.manual_button.isVisible()
    assert not panel.publish_button.isVisible()
    assert panel.manual_button.text() != panel.manual_button_text
    dialog = ManualPostDialog(session, draft_id)
    qtbot.addWidget(dialog)
    wait_for_operations(qtbot, lambda: not dialog.preparing)
    assert dialog.text.toPlainText() == "【避難指示】見本川の水位が上がっています。"
    dialog.url.setText("https://www.instagram.com/p/sos/")
    messages.answer(True)
    dialog.record()
    wait_for_operations(qtbot)
    (row,) = publications_for_draft(world.store, draft_id)
    assert row.state is PublicationState.PUBLISHED
    wait_for_tasks()


def test_supervisor_approves_a_deletion_request(
    qtbot: QtBot, world: PubWorld, httpserver: HTTPServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake = FakeX(httpserver)
    monkeypatch.setattr("core.platforms.x.DEFAULT_API", fake.base_url)
    draft_id = world.approved("x")
    world.outbox({"x": fake.base_url}).publish(draft_id)
    (row,) = publications_for_draft(world.store, draft_id)
    PublicationService(world.store, world.op).request_deletion(row.id, "日付の誤り")
    panel = DeletionRequestsPanel(AppSession(world.env, world.sup))
    qtbot.addWidget(panel)
    settle()  # its requests are read off the UI thread
    assert panel.model.rowCount() == 1
    assert panel.model.row(0).reason == "日付の誤り"
    assert not panel.approve_button.isEnabled()
    panel.table.selectRow(0)
    assert panel.approve_button.isEnabled()
    with qtbot.waitSignal(panel.decided):
        panel.decide(True)
    settle()  # and read again after the decision
    assert panel.model.rowCount() == 0
    (request,) = deletion_requests(world.store)
    assert request.state is DeletionState.APPROVED
    # The operator carries it out from the draft's panel.
    fake.add_delete_route(row.post_id if hasattr(row, "post_id") else "1000")
    publish_panel = PublishPanel(AppSession(world.env, world.op), draft_id)
    qtbot.addWidget(publish_panel)
    qtbot.waitUntil(lambda: not publish_panel.busy, timeout=20_000)  # its state is read off the UI thread
    assert not publish_panel.execute_button.isHidden()
    with qtbot.waitSignal(publish_panel.changed, timeout=20_000):
        publish_panel.execute_deletion()
    wait_for_tasks()
    qtbot.waitUntil(lambda: not publish_panel.busy, timeout=20_000)
    assert fake.deleted == ["1000"]
    assert publications_for_draft(world.store, draft_id)[0].state is PublicationState.DELETED
    assert DraftState.PUBLISHED


def test_the_background_scheduler_reminds_once_per_post_due_by_hand(qtbot: QtBot, world: PubWorld) -> None:
    from datetime import UTC, datetime

    from core.publishing.scheduler import DueReport, Scheduled
    from gui.publishing.scheduler import BackgroundScheduler

    scheduler = BackgroundScheduler(AppSession(world.env, world.op))
    reminders: list[str] = []
    summaries: list[str] = []
    scheduler.remind.connect(reminders.append)
    scheduler.summary.connect(summaries.append)
    item = Scheduled(41, "写真展のお知らせ", "city_koho_insta", "instagram", datetime(2026, 11, 1, 9, tzinfo=UTC))
    scheduler._done((DueReport(by_hand=[item]), 1))
    scheduler._done((DueReport(by_hand=[item]), 1))
    assert len(reminders) == 1
    assert "写真展のお知らせ" in reminders[0]
    assert all("1" in text for text in summaries)
