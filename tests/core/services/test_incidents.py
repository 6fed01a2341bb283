"""The incident desk: register, timeline and evidence in the record; lock and pause-all stop posting."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer
from sqlalchemy import select, text

from core.audit.verify import verify_chain
from core.errors import Conflict, InvalidInput, PermissionDenied
from core.incidents.model import IncidentKind, IncidentState, Severity, StepKind
from core.publishing.preflight import PublishRefused
from core.publishing.scheduler import posts_held_by_pause, run_due
from core.runtime.bootstrap import Environment
from core.services.incidents import (
    EvidenceAltered,
    IncidentService,
    account_locks,
    list_incidents,
    load_incident,
    read_evidence,
)
from core.services.pause import pause_state
from core.storage.models import AuditEntry, OfficialAccount
from tests.support.platform_fakes import FakeMastodon
from tests.support.publishing import PubWorld
from tests.support.world import World


def events(world: World | PubWorld) -> list[str]:
    with world.store.read() as session:
        return list(session.scalars(select(AuditEntry.event).order_by(AuditEntry.seq)))


def test_an_impersonation_incident_from_report_to_close(world: World) -> None:
    desk = IncidentService(world.store, world.op1)
    found = datetime.now(UTC) - timedelta(hours=2)
    incident_id = desk.report(
        IncidentKind.IMPERSONATION,
        "偽の見本市公式アカウント",
        severity=Severity.HIGH,
        account_ids=[world.account],
        discovered_at=found,
        description="X で @josokoiki_koho（アンダースコア）が市を名乗っている。",
    )
    sha = desk.add_evidence(
        incident_id,
        label="偽アカウントのプロフィール",
        url="https://x.com/josokoiki_koho",
        text="見本市公式です。当選者にDMします。",
    )
    desk.add_step(incident_id, StepKind.PLATFORM_REPORTED, counterpart="X", reference="ticket 12345")
    detail = load_incident(world.store, incident_id)
    assert detail.summary.state is IncidentState.OPEN
    assert detail.summary.accounts == ("@josokoiki.koho",)
    assert detail.next_steps == (StepKind.REPORTED_TO_SECTION, StepKind.NOTICE_PUBLISHED, StepKind.CLOSED)
    assert detail.evidence[0].sha256 == sha
    assert read_evidence(world.store, detail.evidence[0].id).decode() == "見本市公式です。当選者にDMします。"

    with pytest.raises(PermissionDenied):
        desk.set_state(incident_id, IncidentState.CLOSED, summary="削除された")  # operators cannot close
    with pytest.raises(InvalidInput):
        IncidentService(world.store, world.sup).set_state(incident_id, IncidentState.CLOSED)  # a summary is required
    IncidentService(world.store, world.sup).set_state(incident_id, IncidentState.CLOSED, summary="X が削除した。")
    assert list_incidents(world.store, open_only=True) == []
    assert [i.id for i in list_incidents(world.store)] == [incident_id]
    with pytest.raises(Conflict):
        desk.add_step(incident_id, StepKind.NOTE, note="後から")
    recorded = events(world)
    for event in (
        "incident.reported",
        "incident.evidence_added",
        "incident.platform_reported",
        "incident.closed",
        "incident.state_changed",
    ):
        assert event in recorded
    assert verify_chain(world.store).ok


def test_audit_payloads_keep_no_captured_text(world: World) -> None:
    desk = IncidentService(world.store, world.op1)
    incident_id = desk.report(IncidentKind.THREAT, "脅迫の書き込み")
    desk.add_evidence(incident_id, text="市役所を爆破する（住所 見本市1-2-3 山田）")
    desk.add_step(incident_id, StepKind.POLICE_CONSULTED, counterpart="見本警察署", reference="R-77", note="生活安全課")
    with world.store.read() as session:
        payloads = "".join(session.scalars(select(AuditEntry.payload)))
    for secret in ("爆破", "山田", "見本警察署", "R-77", "生活安全課"):
        assert secret not in payloads


def test_a_police_consultation_names_the_station(world: World) -> None:
    desk = IncidentService(world.store, world.op1)
    incident_id = desk.report(IncidentKind.THREAT, "脅迫")
    with pytest.raises(InvalidInput):
        desk.add_step(incident_id, StepKind.POLICE_CONSULTED)


def test_evidence_cannot_be_changed_and_a_change_is_caught_on_read(world: World, env: Environment) -> None:
    desk = IncidentService(world.store, world.op1)
    incident_id = desk.report(IncidentKind.FLAMING, "炎上")
    desk.add_evidence(incident_id, data=b"\x89PNG screenshot", filename="shot.png", mime="image/png")
    desk.add_step(incident_id, StepKind.NOTE, note="拡散が続いている")
    evidence_id = load_incident(world.store, incident_id).evidence[0].id
    with pytest.raises(Exception, match="append-only"), world.store.write() as session:
        session.execute(text("UPDATE incident_evidence SET data = :d"), {"d": b"forged"})
    with pytest.raises(Exception, match="append-only"), world.store.write() as session:
        session.execute(text("DELETE FROM incident_step"))
    # Someone who drops the trigger can change the bytes; reading then refuses to show them.
    with world.store.engine.begin() as conn:
        if env.store.dialect == "sqlite":
            conn.exec_driver_sql("DROP TRIGGER incident_evidence_no_update")
        else:
            conn.exec_driver_sql("DROP TRIGGER incident_evidence_no_change ON incident_evidence")
        conn.execute(text("UPDATE incident_evidence SET data = :d"), {"d": b"forged"})
    with pytest.raises(EvidenceAltered):
        read_evidence(world.store, evidence_id)


def test_bad_input_is_refused_with_a_message(world: World) -> None:
    desk = IncidentService(world.store, world.op1)
    with pytest.raises(InvalidInput):
        desk.report(IncidentKind.HIJACK, "  ")
    with pytest.raises(InvalidInput):
        desk.report(IncidentKind.HIJACK, "x", discovered_at=datetime(2026, 1, 1))  # no time zone
    with pytest.raises(InvalidInput):
        desk.report(IncidentKind.HIJACK, "x", discovered_at=datetime.now(UTC) + timedelta(days=1))
    incident_id = desk.report(IncidentKind.HIJACK, "x")
    with pytest.raises(InvalidInput):
        desk.add_evidence(incident_id, url="javascript:alert(1)")
    with pytest.raises(InvalidInput):
        desk.add_evidence(incident_id)


def _due_now(world: PubWorld, platform: str) -> int:
    return world.approved(
        platform,
        f"{platform} のお知らせ",
        scheduled_at=datetime.now(UTC) - timedelta(minutes=5),
        submitted_at=datetime.now(UTC) - timedelta(days=1),
    )


def test_locking_an_account_stops_its_posts_only_and_unlocking_needs_a_decider(
    sqlite_env: Environment, httpserver: HTTPServer
) -> None:
    world = PubWorld(sqlite_env)
    fake = FakeMastodon(httpserver)
    urls = {"mastodon": fake.base_url, "line": fake.base_url}
    _due_now(world, "mastodon")
    locked_draft = _due_now(world, "line")
    desk = IncidentService(world.store, world.op)
    incident_id = desk.report(IncidentKind.HIJACK, "LINE の乗っ取り", account_ids=[world.ids["line"]])
    desk.lock_account(world.ids["line"], "身に覚えのない配信", incident_id=incident_id)
    assert [lock.handle for lock in account_locks(world.store)] == ["@cityline"]

    before = events(world).count("posting.refused")
    # The app's background scheduler (only this terminal's accounts) and publish-due (everything due).
    for only_postable in (True, False):
        report = run_due(world.outbox(urls), datetime.now(UTC), only_postable=only_postable)
        assert [item.platform for item, _url in report.sent] == (["mastodon"] if only_postable else [])
        assert [item.draft_id for item in report.locked] == [locked_draft]
        assert report.failed == []
        assert report.ok
    assert [p["content"] for p in fake.posts] == ["<p>mastodon のお知らせ</p>"]  # the other account posted once
    assert events(world).count("posting.refused") == before  # held, not refused and audited every minute
    with pytest.raises(PublishRefused, match="locked"):
        world.outbox(urls).publish(locked_draft)  # posting it by hand is refused by the terminal gate

    with pytest.raises(PermissionDenied):
        desk.unlock_account(world.ids["line"], "パスワード変更済み")
    with pytest.raises(InvalidInput):
        IncidentService(world.store, world.sup).unlock_account(world.ids["line"], "")
    IncidentService(world.store, world.sup).unlock_account(world.ids["line"], "パスワード変更済み")
    with world.store.read() as session:
        account = session.get(OfficialAccount, world.ids["line"])
        assert account is not None
        assert account.locked_at is None
        assert account.rotation_required  # still 要パスワード変更: a new credential is needed first
    assert {"account.locked", "account.unlocked"} <= set(events(world))
    # Unlocked, but 要パスワード変更: the post still does not go out with the old credential.
    report = run_due(world.outbox(urls), datetime.now(UTC))
    assert report.locked == []
    assert [item.draft_id for item, _message in report.failed] == [locked_draft]
    assert fake.posts[-1]["content"] == "<p>mastodon のお知らせ</p>"


def test_pause_all_holds_every_scheduled_post_and_resuming_lists_them(
    sqlite_env: Environment, httpserver: HTTPServer
) -> None:
    world = PubWorld(sqlite_env)
    fake = FakeMastodon(httpserver)
    _due_now(world, "mastodon")
    late = world.approved(
        "mastodon",
        "昨日のお知らせ",
        scheduled_at=datetime.now(UTC) - timedelta(hours=5),
        submitted_at=datetime.now(UTC) - timedelta(days=1),
    )
    with pytest.raises(PermissionDenied):
        IncidentService(world.store, world.op).pause_all("災害")
    IncidentService(world.store, world.sup).pause_all("大規模地震の発生")
    state = pause_state(world.store)
    assert state.paused
    assert state.reason == "大規模地震の発生"
    assert state.by == world.sup.display_name

    report = run_due(world.outbox({"mastodon": fake.base_url}), datetime.now(UTC))
    assert report.sent == []
    assert report.missed == []
    assert len(report.held) == 2
    assert fake.posts == []

    held = posts_held_by_pause(world.store, datetime.now(UTC))
    assert [i.draft_id for i in held.missed] == [late]
    assert len(held.due) == 1
    IncidentService(world.store, world.sup).resume_all("余震が収まった")
    assert not pause_state(world.store).paused
    report = run_due(world.outbox({"mastodon": fake.base_url}), datetime.now(UTC))
    assert len(report.sent) == 1
    assert [i.draft_id for i in report.missed] == [late]
    assert {"organization.paused", "organization.resumed"} <= set(events(world))


def test_publish_due_says_posting_is_paused(
    sqlite_env: Environment, data_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from cli.main import main

    world = PubWorld(sqlite_env)
    _due_now(world, "mastodon")
    IncidentService(world.store, world.admin).pause_all("訓練")
    monkeypatch.setattr("core.organization.identity._os_login", lambda: "sato")
    assert main(["--data-dir", str(data_dir), "--lang", "en", "publish-due"]) == 0
    assert "paused" in capsys.readouterr().out


def test_publish_due_holds_a_locked_account_and_sends_the_others(
    sqlite_env: Environment,
    data_dir: Path,
    httpserver: HTTPServer,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    from cli.main import main
    from core.publishing import outbox as outbox_module

    world = PubWorld(sqlite_env)
    fake = FakeMastodon(httpserver)
    _due_now(world, "mastodon")
    _due_now(world, "bluesky")
    IncidentService(world.store, world.op).lock_account(world.ids["bluesky"], "乗っ取りの疑い")
    monkeypatch.setattr("core.organization.identity._os_login", lambda: world.op.login)
    real = outbox_module.Outbox.__init__

    def pointed(self: outbox_module.Outbox, *args: object, **kwargs: object) -> None:
        real(self, *args, **kwargs)  # type: ignore[arg-type]
        self.vault = world.vault
        self.base_url = {"mastodon": fake.base_url}

    monkeypatch.setattr(outbox_module.Outbox, "__init__", pointed)
    assert main(["--data-dir", str(data_dir), "--lang", "en", "publish-due"]) == 0
    out = capsys.readouterr().out
    assert "Sent: mastodon のお知らせ" in out
    assert "Held, the account is locked" in out
    assert "bluesky のお知らせ" in out
    assert len(fake.posts) == 1


def test_every_step_of_the_desk_is_an_entry_of_the_verified_chain(sqlite_env: Environment) -> None:
    import json

    from core.audit.events import CHANGE_KINDS, event_label

    world = PubWorld(sqlite_env)
    desk = IncidentService(world.store, world.op)
    incident = desk.report(IncidentKind.IMPERSONATION, "偽アカウント", account_ids=[world.ids["x"]])
    desk.add_suspect(incident, "x", "@clty_koho", url="https://x.com/clty_koho")
    desk.add_evidence(incident, url="https://x.com/clty_koho", text="プロフィール")
    for kind in StepKind:
        if kind is not StepKind.CLOSED:
            desk.add_step(incident, kind, counterpart="見本警察署", note="記録")
    desk.draft_warnings(incident, [world.ids["x"]])
    desk.lock_account(world.ids["x"], "念のため", incident_id=incident)
    sup = IncidentService(world.store, world.sup)
    sup.unlock_account(world.ids["x"], "確認済み")
    sup.pause_all("訓練")
    sup.resume_all("訓練終了")
    sup.set_state(incident, IncidentState.CLOSED, summary="削除された")
    with world.store.read() as session:
        entries = [
            (e.event, json.loads(e.payload)) for e in session.scalars(select(AuditEntry).order_by(AuditEntry.seq))
        ]
    recorded = [event for event, _payload in entries]
    expected = [k.audit_event for k in StepKind] + [
        "incident.reported",
        "incident.suspect_added",
        "incident.evidence_added",
        "incident.warning_drafted",
        "incident.state_changed",
        "account.locked",
        "account.unlocked",
        "organization.paused",
        "organization.resumed",
    ]
    for event in expected:
        assert event in recorded, event
        assert event in CHANGE_KINDS, event  # screens know what it changes
        assert event_label(event) != event, event  # and people read it in words
    steps = load_incident(world.store, incident).steps
    step_ids = {p["step_id"] for e, p in entries if e.startswith("incident.") and "step_id" in p}
    assert {s.id for s in steps} == step_ids  # each timeline entry has its own audit entry
    assert verify_chain(world.store).ok
