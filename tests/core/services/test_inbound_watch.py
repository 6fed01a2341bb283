"""Reading replies into the queue, acting on them, 炎上 episodes and retention, against loopback fakes."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest
from pytest_httpserver import HTTPServer
from sqlalchemy import select

from core.inbound.triage import Level, Triage
from core.incidents.model import IncidentKind, StepKind
from core.platforms.facts import Moderation
from core.platforms.inbound import Author, InboundItem, ItemKind, Pacing
from core.runtime.bootstrap import Environment
from core.services.inbound import InboundService, Settings, list_queue, load_settings
from core.services.inbound_watch import InboundWatch
from core.services.incidents import load_incident
from core.storage.models import AuditEntry, InboundEvidence, InboundSpike
from core.storage.models import InboundItem as ItemRow
from tests.support.inbound_fakes import FacebookInbox, MastodonInbox, XInbox
from tests.support.platform_fakes import Fault
from tests.support.publishing import TOKENS, PubWorld


@pytest.fixture
def world(env: Environment) -> PubWorld:
    return PubWorld(env)


def _watch(world: PubWorld, base: dict[str, str], **kwargs: object) -> InboundWatch:
    return InboundWatch(
        world.store, world.op, vault=world.vault, base_url=base, pacing=Pacing(sleep=lambda _s: None), **kwargs
    )  # type: ignore[arg-type]


def _events(world: PubWorld) -> list[str]:
    with world.store.read() as session:
        return list(session.scalars(select(AuditEntry.event).order_by(AuditEntry.seq)))


def test_a_threatening_reply_lands_as_action_needed_with_its_rule_and_the_post_it_answers(
    world: PubWorld, httpserver: HTTPServer
) -> None:
    fake = MastodonInbox(httpserver)
    draft_id = world.approved("mastodon", "市民まつりは11月3日です。")
    world.outbox({"mastodon": fake.base_url}).publish(draft_id)  # the fake gives it id 100
    fake.mention("ごみの日はいつですか")
    fake.mention("庁舎に火をつけるぞ", reply_to="100")
    watch = _watch(world, {"mastodon": fake.base_url})
    report = watch.run([world.ids["mastodon"]])
    assert report.new == 2
    assert report.needing_action == 1
    first, second = list_queue(world.store)
    assert first.level is Level.ACTION
    assert first.first_rule is not None
    assert first.first_rule.rule_id == "inbound.threat.arson"
    assert "joso:6(5)" in first.first_rule.clauses
    assert first.original_text == "市民まつりは11月3日です。"
    assert first.item.author.handle == "@taro@other.example"
    assert second.level is Level.INFO
    # The cursor is kept: a second run reads nothing twice.
    again = watch.run([world.ids["mastodon"]])
    assert again.new == 0
    assert fake.calls("GET", "/api/v1/notifications")[-1].args["min_id"] == "2"
    assert "inbound.read" in _events(world)


def test_a_long_rate_limit_is_waited_out_across_runs(world: PubWorld, httpserver: HTTPServer) -> None:
    fake = XInbox(httpserver)
    fake.mention("一")
    account = world.ids["x"]
    now = datetime.now(UTC)
    clock = {"now": now}
    watch = _watch(world, {"x": fake.base_url}, clock=lambda: clock["now"])
    watch.run([account])
    for n in range(120):
        fake.mention(f"返信 {n}")
    fake.fail("/2/users/42/mentions", Fault(), Fault(status=429, headers={"Retry-After": "900"}))
    stopped = watch.run([account]).reads[0]
    assert stopped.retry_after == 900
    assert not stopped.complete
    assert stopped.new == 100  # the first page is kept; the cursor is not moved past the gap
    calls = len(fake.calls("GET", "/2/users/42/mentions"))
    clock["now"] = now + timedelta(minutes=5)
    waiting = watch.run([account]).reads[0]
    assert waiting.waiting_until is not None
    assert len(fake.calls("GET", "/2/users/42/mentions")) == calls
    clock["now"] = now + timedelta(minutes=16)
    resumed = watch.run([account]).reads[0]
    assert resumed.complete
    assert resumed.new == 20
    assert len(list_queue(world.store)) == 121


def test_line_says_it_has_no_public_replies(world: PubWorld) -> None:
    report = _watch(world, {}).run([world.ids["line"]])
    ((handle, why),) = report.not_readable
    assert handle == "@cityline"
    assert "wako:5-エ" in why


def test_hide_keeps_the_evidence_first_then_calls_the_platform(world: PubWorld, httpserver: HTTPServer) -> None:
    fake = XInbox(httpserver)
    tweet_id = fake.mention("担当者を殺してやる")
    watch = _watch(world, {"x": fake.base_url})
    watch.run([world.ids["x"]])
    (item,) = list_queue(world.store)
    fake.fail(f"/2/tweets/{tweet_id}/hidden", Fault(status=503))
    with pytest.raises(Exception, match="503"):
        watch.act(item.id, Moderation.HIDE, "脅迫のため非表示")
    # The platform failed, the evidence is there anyway (kept before the call), the item is still open.
    with world.store.read() as session:
        (evidence,) = session.scalars(select(InboundEvidence)).all()
        kept = json.loads(evidence.data)
    assert kept["text"] == "@city_koho 担当者を殺してやる"
    assert kept["author"]["handle"] == "@user7"
    assert kept["url"].endswith(f"/status/{tweet_id}")
    assert kept["posted_at"]
    assert not list_queue(world.store)[0].handled
    watch.act(item.id, Moderation.HIDE, "脅迫のため非表示")
    assert fake.hidden == [tweet_id]
    events = _events(world)
    last = events[events.index("inbound.evidence_kept", events.index("inbound.evidence_kept") + 1) :]
    assert last[:3] == ["inbound.evidence_kept", "posting.authorized", "inbound.hidden"]
    (done,) = list_queue(world.store, include_handled=True)
    assert done.handled
    assert done.actions[0].action == "hide"
    assert done.actions[0].reason == "脅迫のため非表示"


def test_block_on_mastodon_and_delete_on_facebook_call_their_endpoints(world: PubWorld, httpserver: HTTPServer) -> None:
    fake = MastodonInbox(httpserver)
    fake.mention("迷惑な返信です")
    fake.follow_account("a-taro")
    watch = _watch(world, {"mastodon": fake.base_url})
    watch.run([world.ids["mastodon"]])
    (item,) = list_queue(world.store)
    watch.act(item.id, Moderation.BLOCK, "繰り返しの迷惑行為")
    assert fake.calls("POST", "/api/v1/accounts/a-taro/block")
    with pytest.raises(Exception, match="app"):
        watch.act(item.id, Moderation.HIDE, "Mastodon には非表示がない")
    httpserver.clear()
    facebook = FacebookInbox(httpserver)
    comment_id = facebook.comment("123_1", "詐欺サイト https://bit.ly/abc")
    watch = _watch(world, {"facebook": facebook.base_url})
    watch.run([world.ids["facebook"]])
    (comment,) = list_queue(world.store)
    watch.act(comment.id, Moderation.DELETE, "詐欺")
    assert facebook.removed == [comment_id]
    with world.store.read() as session:
        assert session.scalars(select(InboundEvidence.item_id)).all() == [comment.id]
    events = _events(world)
    assert events.index("inbound.evidence_kept") < events.index("inbound.deleted")


def test_what_the_api_does_not_offer_is_recorded_by_hand(world: PubWorld, httpserver: HTTPServer) -> None:
    fake = XInbox(httpserver)
    fake.mention("しつこい勧誘")
    watch = _watch(world, {"x": fake.base_url})
    watch.run([world.ids["x"]])
    (item,) = list_queue(world.store)
    watch.record_by_hand(item.id, Moderation.BLOCK, "X のアプリでブロックした")
    (done,) = list_queue(world.store, include_handled=True)
    assert done.actions[0].by_hand
    assert "inbound.blocked" in _events(world)


def test_escalating_a_threat_opens_an_incident_with_the_police_step_and_the_evidence(
    world: PubWorld, httpserver: HTTPServer
) -> None:
    fake = MastodonInbox(httpserver)
    fake.mention("市役所を爆破する")
    watch = _watch(world, {"mastodon": fake.base_url})
    watch.run([world.ids["mastodon"]])
    (item,) = list_queue(world.store)
    incident_id = InboundService(world.store, world.op).escalate(item.id, "爆破予告")
    detail = load_incident(world.store, incident_id)
    assert detail.summary.kind is IncidentKind.THREAT
    assert StepKind.POLICE_CONSULTED in detail.next_steps
    (evidence,) = detail.evidence
    assert evidence.mime == "application/json"
    assert list_queue(world.store)[0].incident_id == incident_id


def _items(n: int, start: datetime, prefix: str) -> list[tuple[InboundItem, Triage]]:
    return [
        (
            InboundItem(
                f"{prefix}{k}",
                ItemKind.REPLY,
                Author("a", "@a"),
                "返信",
                "",
                start + timedelta(seconds=k * 3600 / max(n, 1)),
            ),
            Triage(Level.INFO, ()),
        )
        for k in range(n)
    ]


def test_the_spike_detector_fires_once_per_episode(world: PubWorld) -> None:
    service = InboundService(world.store, world.op)
    account = world.ids["x"]
    t0 = datetime(2026, 11, 1, 9, tzinfo=UTC)
    # A week of three replies an hour: the baseline.
    quiet = [item for h in range(24 * 7) for item in _items(3, t0 + timedelta(hours=h), f"q{h}-")]
    service.store_read(account, quiet, cursor="q", complete=True, resume_after=None, outcome="ok")
    now = t0 + timedelta(days=7, hours=1)
    assert service.watch_spike(account, now) is None
    alerts = []
    for minute in range(0, 120, 10):  # two hours of 60 replies an hour, looked at every ten minutes
        moment = now + timedelta(minutes=minute)
        burst = _items(10, moment - timedelta(minutes=10), f"b{minute}-")
        service.store_read(account, burst, cursor="b", complete=True, resume_after=None, outcome="ok")
        alert = service.watch_spike(account, moment + timedelta(minutes=1))
        if alert is not None:
            alerts.append(alert)
    assert len(alerts) == 1
    assert alerts[0].per_hour >= 20
    # Calm again: the episode ends; a later surge is a new episode and fires again.
    calm = now + timedelta(hours=5)
    assert service.watch_spike(account, calm) is None
    with world.store.read() as session:
        (episode,) = session.scalars(select(InboundSpike)).all()
        assert episode.ended_at is not None
    later = calm + timedelta(hours=2)
    service.store_read(
        account,
        _items(40, later - timedelta(minutes=50), "c"),
        cursor="c",
        complete=True,
        resume_after=None,
        outcome="ok",
    )
    assert service.watch_spike(account, later) is not None
    assert _events(world).count("inbound.spike_detected") == 2
    incident_id = InboundService(world.store, world.sup).open_spike_incident(alerts[0].episode_id)
    assert load_incident(world.store, incident_id).summary.kind is IncidentKind.FLAMING


def test_retention_deletes_old_items_but_never_incident_evidence(world: PubWorld, httpserver: HTTPServer) -> None:
    fake = MastodonInbox(httpserver)
    fake.mention("脅迫：殺すぞ")
    fake.mention("普通の質問")
    watch = _watch(world, {"mastodon": fake.base_url})
    watch.run([world.ids["mastodon"]])
    threat, question = list_queue(world.store)
    service = InboundService(world.store, world.op)
    incident_id = service.escalate(threat.id, "脅迫")
    service.keep_evidence(question.id)
    assert load_settings(world.store).retention_days == 365
    assert service.purge(datetime.now(UTC) + timedelta(days=300)) == 0
    assert service.purge(datetime.now(UTC) + timedelta(days=366)) == 1
    remaining = list_queue(world.store, include_handled=True)
    assert [q.id for q in remaining] == [threat.id]
    assert len(load_incident(world.store, incident_id).evidence) == 1
    InboundService(world.store, world.admin).change_settings(Settings(retention_days=30))
    assert load_settings(world.store).retention_days == 30
    assert "inbound.purged" in _events(world)


def test_nothing_in_the_inbound_path_writes_a_credential(world: PubWorld, httpserver: HTTPServer) -> None:
    mastodon, x = MastodonInbox(httpserver), XInbox(httpserver)
    mastodon.mention("殺すぞ")
    x.mention("火をつける")
    mastodon.fail("/api/v1/notifications", Fault(status=401, echo_credentials=True))
    watch = _watch(world, {"mastodon": mastodon.base_url, "x": x.base_url})
    failed = watch.run([world.ids["mastodon"], world.ids["x"]])
    watch.run([world.ids["mastodon"], world.ids["x"]])
    for item in list_queue(world.store):
        watch.act(item.id, Moderation.MUTE if item.platform == "x" else Moderation.REPORT, "脅迫")
    texts = [repr(failed), *(r.error for r in failed.reads)]
    with world.store.read() as session:
        for table in (AuditEntry, ItemRow, InboundEvidence):
            for row in session.scalars(select(table)):
                texts.append(json.dumps({c.name: str(getattr(row, c.name)) for c in table.__table__.columns}))
    everything = "\n".join(texts)
    assert [t for t in TOKENS.values() if t in everything] == []
    assert any(TOKENS["mastodon"] in json.dumps(s.headers) for s in mastodon.seen)  # it did travel, to the fake
