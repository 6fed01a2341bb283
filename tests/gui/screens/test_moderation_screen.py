"""The moderation screen over a real database and loopback fakes: order, details, actions with reasons."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from pytest_httpserver import HTTPServer
from pytestqt.qtbot import QtBot

from core.inbound.triage import Level
from core.platforms.facts import Moderation
from core.platforms.inbound import Pacing
from core.runtime.bootstrap import Environment
from core.services.inbound import list_queue
from core.services.inbound_watch import InboundWatch
from gui.screens.moderation import ModerationScreen
from gui.session import AppSession
from gui.tasks import wait_for_tasks
from gui.widgets.dialogs import CommentDialog
from tests.support.gui import settle
from tests.support.inbound_fakes import XInbox
from tests.support.publishing import PubWorld


@pytest.fixture
def world(sqlite_env: Environment) -> PubWorld:
    return PubWorld(sqlite_env)


def _reason(monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    def fake_exec(self: CommentDialog) -> int:
        self.editor.setPlainText(text)
        return QDialog.DialogCode.Accepted.value

    monkeypatch.setattr(CommentDialog, "exec", fake_exec)


def test_the_queue_shows_the_most_severe_first_and_hides_through_the_api(
    qtbot: QtBot, world: PubWorld, httpserver: HTTPServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake = XInbox(httpserver)
    fake.mention("ごみの収集日はいつですか")
    threat = fake.mention("担当者を殺してやる")
    fake.mention("在宅で月収50万！詳細はプロフへ")
    monkeypatch.setattr("core.platforms.x.DEFAULT_API", fake.base_url)
    InboundWatch(world.store, world.op, vault=world.vault, pacing=Pacing(sleep=lambda _s: None)).run([world.ids["x"]])
    screen = ModerationScreen(AppSession(world.env, world.op))
    qtbot.addWidget(screen)
    screen.resize(1400, 760)
    screen.show()
    qtbot.waitExposed(screen)
    settle()
    levels = [screen.model.row(i).level for i in range(screen.model.rowCount())]
    assert levels == [Level.ACTION, Level.CHECK, Level.INFO]
    assert screen.selected() is not None
    text = screen.view.toPlainText()
    assert "inbound.threat.kill" in text
    assert "joso:6(5)" in text
    assert "@user7" in text
    assert "市民まつりは11月3日です。" in text  # the post it answers, as X sent it along
    assert "wako:5-エ" in screen.no_replies.text()  # the LINE account: no public replies
    assert screen.buttons[Moderation.HIDE].isEnabled()
    assert not screen.buttons[Moderation.DELETE].isEnabled()  # X has no deleting of others' replies
    screen.grab().save("/tmp/inbound-moderation.png")
    _reason(monkeypatch, "脅迫のため非表示にする")
    screen.buttons[Moderation.HIDE].click()
    wait_for_tasks()
    qtbot.waitUntil(lambda: fake.hidden == [threat], timeout=10_000)
    (done,) = [q for q in list_queue(world.store, include_handled=True) if q.item.item_id == threat]
    assert done.handled
    assert done.actions[0].reason == "脅迫のため非表示にする"


def test_blocking_on_x_is_recorded_by_hand(
    qtbot: QtBot, world: PubWorld, httpserver: HTTPServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake = XInbox(httpserver)
    fake.mention("しつこい勧誘")
    monkeypatch.setattr("core.platforms.x.DEFAULT_API", fake.base_url)
    InboundWatch(world.store, world.op, vault=world.vault, pacing=Pacing(sleep=lambda _s: None)).run([world.ids["x"]])
    screen = ModerationScreen(AppSession(world.env, world.op))
    qtbot.addWidget(screen)
    screen.show()
    qtbot.waitExposed(screen)
    settle()
    block = screen.buttons[Moderation.BLOCK]
    assert "app" in block.toolTip()
    _reason(monkeypatch, "X のアプリでブロックした")
    block.click()
    wait_for_tasks()
    qtbot.waitUntil(lambda: bool(list_queue(world.store, include_handled=True)[0].actions), timeout=10_000)
    assert list_queue(world.store, include_handled=True)[0].actions[0].by_hand


def test_the_screen_in_japanese_renders(
    qtbot: QtBot, world: PubWorld, httpserver: HTTPServer, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from PySide6.QtCore import QCoreApplication

    from core import i18n
    from gui.i18n import install_translations

    fake = XInbox(httpserver)
    fake.mention("ごみの収集日はいつですか")
    fake.mention("庁舎に火をつけるぞ")
    fake.mention("おめでとうございます！当選しました。受け取りはDMで")
    monkeypatch.setattr("core.platforms.x.DEFAULT_API", fake.base_url)
    i18n.set_language("ja")
    install_translations(QCoreApplication.instance(), "ja", tmp_path)
    try:
        InboundWatch(world.store, world.op, vault=world.vault, pacing=Pacing(sleep=lambda _s: None)).run(
            [world.ids["x"], world.ids["line"]]
        )
        screen = ModerationScreen(AppSession(world.env, world.op))
        qtbot.addWidget(screen)
        screen.resize(1400, 760)
        screen.show()
        qtbot.waitExposed(screen)
        settle()
        assert screen.loading_label.text() == "読み込み中…"  # what every screen says while it reads
        assert screen.model.headerData(0, Qt.Orientation.Horizontal) == "区分"
        assert screen.model.row(0).level.label == "要対応"
        assert "当選詐欺" in screen.view.toPlainText()
        assert "受け取りはDM" in screen.view.toPlainText()  # the words as the resident wrote them
        screen.grab().save("/tmp/inbound-moderation-ja.png")
    finally:
        install_translations(QCoreApplication.instance(), "en", tmp_path)
        i18n.set_language("en")


def test_read_now_fills_the_queue_without_refusals_for_accounts_read_elsewhere(
    qtbot: QtBot, world: PubWorld, httpserver: HTTPServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    from sqlalchemy import select

    from core.credentials.vault import credential_name
    from core.storage.models import AuditEntry

    fake = XInbox(httpserver)
    fake.mention("市役所を爆破する")
    monkeypatch.setattr("core.platforms.x.DEFAULT_API", fake.base_url)
    # Only X's credential on this terminal: the other accounts are read elsewhere.
    for platform, account_id in world.ids.items():
        if platform != "x":
            world.vault.delete(credential_name(world.uid, account_id))
    screen = ModerationScreen(AppSession(world.env, world.op))
    qtbot.addWidget(screen)
    screen.show()
    qtbot.waitExposed(screen)
    settle()
    assert screen.model.rowCount() == 0
    screen.read_button.click()
    qtbot.waitUntil(lambda: screen.model.rowCount() == 1, timeout=20_000)
    assert screen.model.row(0).level is Level.ACTION
    with world.store.read() as session:
        assert "posting.refused" not in set(session.scalars(select(AuditEntry.event)))


def test_the_settings_dialog_opens_with_the_stored_settings_read_off_the_ui_thread(
    qtbot: QtBot, world: PubWorld, monkeypatch: pytest.MonkeyPatch
) -> None:
    from core.services.inbound import load_settings
    from gui.screens.moderation import SettingsDialog

    screen = ModerationScreen(AppSession(world.env, world.admin))
    qtbot.addWidget(screen)
    screen.show()
    qtbot.waitExposed(screen)
    settle()
    opened: list[int] = []

    def look(dialog: SettingsDialog) -> int:
        opened.append(dialog.retention.value())
        return QDialog.DialogCode.Rejected.value

    monkeypatch.setattr(SettingsDialog, "exec", look)
    assert screen.settings_button.isEnabled()
    screen.settings_button.click()
    assert opened == []  # the settings are being read: the dialog waits for them
    settle()
    assert opened == [load_settings(world.store).retention_days]
