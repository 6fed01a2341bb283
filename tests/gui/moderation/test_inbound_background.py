"""The app's background reader: replies come in by themselves; a 炎上 episode is told once, to supervisors."""

from __future__ import annotations

from datetime import timedelta

import pytest
from pytest_httpserver import HTTPServer
from pytestqt.qtbot import QtBot

from core.inbound.triage import Level, Triage
from core.platforms.inbound import Author, InboundItem, ItemKind
from core.runtime.bootstrap import Environment
from core.services.inbound import InboundService, list_queue
from gui.moderation.background import InboundScheduler
from gui.session import AppSession
from tests.support.gui import settle
from tests.support.inbound_fakes import MastodonInbox
from tests.support.publishing import PubWorld


@pytest.fixture
def world(sqlite_env: Environment) -> PubWorld:
    return PubWorld(sqlite_env)


def test_an_operator_s_window_reads_and_a_supervisor_is_told_once_per_episode(
    qtbot: QtBot, world: PubWorld, httpserver: HTTPServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake = MastodonInbox(httpserver)
    monkeypatch.setattr("core.platforms.inbound_mastodon.instance_url", lambda _c: fake.base_url)
    fake.mention("市役所を爆破する")
    reader = InboundScheduler(AppSession(world.env, world.op))
    alerts: list[str] = []
    reader.alert.connect(alerts.append)
    reader.run_now()
    qtbot.waitUntil(lambda: not reader.running, timeout=20_000)
    assert [q.level for q in list_queue(world.store)] == [Level.ACTION]
    assert alerts == ["1 new replies need action (要対応): see Moderation."]
    reader.stop()

    # A surge on the X account, read by whichever terminal: the supervisor's window tells them once.
    now = world.store.now()
    burst = [
        (
            InboundItem(f"b{n}", ItemKind.REPLY, Author("a", "@a"), "返信", "", now - timedelta(minutes=n)),
            Triage(Level.INFO, ()),
        )
        for n in range(40)
    ]
    service = InboundService(world.store, world.op)
    service.store_read(world.ids["x"], burst, cursor="b", complete=True, resume_after=None, outcome="ok")
    assert service.watch_spike(world.ids["x"], now) is not None
    told = InboundScheduler(AppSession(world.env, world.sup))
    heard: list[str] = []
    told.alert.connect(heard.append)
    for _ in range(2):
        told.run_now()
        qtbot.waitUntil(lambda: not told.running, timeout=20_000)
    assert len(heard) == 1
    assert "炎上" in heard[0]
    assert "@city_koho" in heard[0]


def test_a_flaming_incident_shows_the_volume_and_the_posts_that_drew_it(qtbot: QtBot, world: PubWorld) -> None:
    from core.services.inbound import episode_volume
    from gui.screens.incidents import IncidentsScreen

    now = world.store.now()
    service = InboundService(world.store, world.op)
    burst = [
        (
            InboundItem(f"b{n}", ItemKind.REPLY, Author("a", "@a"), "返信", "", now - timedelta(minutes=n), "1000"),
            Triage(Level.CHECK if n % 3 else Level.INFO, ()),
        )
        for n in range(45)
    ]
    service.store_read(world.ids["x"], burst, cursor="b", complete=True, resume_after=None, outcome="ok")
    alert = service.watch_spike(world.ids["x"], now)
    assert alert is not None
    incident_id = InboundService(world.store, world.sup).open_spike_incident(alert.episode_id)
    volume = episode_volume(world.store, incident_id)
    assert volume is not None
    assert sum(count for _h, count, _f in volume.hours) == 45
    assert volume.drew == (("1000", 45),)
    screen = IncidentsScreen(AppSession(world.env, world.sup))
    qtbot.addWidget(screen)
    screen.resize(1300, 800)
    screen.show()
    qtbot.waitExposed(screen)
    settle()
    screen.select(incident_id)
    settle()
    text = screen.view.toPlainText()
    assert "Replies per hour on @city_koho" in text
    assert "45" in text
    screen.grab().save("/tmp/inbound-flaming-incident.png")
