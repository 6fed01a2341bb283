"""Publishing refused for each gate condition; scheduler with a fake clock; corrections; deletions; publish-due."""

from __future__ import annotations

import itertools
import json
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer
from sqlalchemy import select, update

from core.accounts.duties import Duty
from core.credentials.vault import credential_name
from core.errors import Conflict, InvalidInput, PermissionDenied
from core.lifecycle.states import AccountStatus, DeletionState, DraftState, PublicationState, TerminalStatus
from core.publishing.preflight import PublishRefused
from core.publishing.records import PublicationService, deletion_requests
from core.publishing.scheduler import run_due, scheduled_posts
from core.runtime.bootstrap import Environment
from core.services.accounts import AccountService, CredentialService
from core.services.drafts import DraftService
from core.services.terminals import TerminalService
from core.storage.models import AuditEntry, DeletionRequest, Draft, DraftVersion, MediaBlob, Publication
from tests.support.keyring_memory import MemoryKeyring
from tests.support.platform_fakes import FakeMastodon, FakeX
from tests.support.publishing import PubWorld
from tests.support.timeline import SOON


@pytest.fixture
def world(env: Environment) -> PubWorld:
    return PubWorld(env)


def refusals(world: PubWorld) -> list[tuple[str, str]]:
    with world.store.read() as session:
        return [
            (e.event, json.loads(e.payload)["reason"])
            for e in session.scalars(select(AuditEntry).order_by(AuditEntry.seq))
            if e.event in ("publishing.refused", "posting.refused")
        ]


# ---- the gate ----------------------------------------------------------------------------------


def _edit_after_approval(world: PubWorld, draft_id: int) -> None:
    with world.store.write() as session:
        session.execute(update(Draft).where(Draft.id == draft_id).values(text="市民まつりは11月3日です。 "))


def _replace_image(world: PubWorld, draft_id: int) -> None:
    with world.store.write() as session:
        draft = session.get(Draft, draft_id)
        assert draft is not None
        blob = session.get(MediaBlob, draft.media[0]["sha256"])
        assert blob is not None
        blob.data = blob.data + b"x"


def _move_time(world: PubWorld, draft_id: int) -> None:
    with world.store.write() as session:
        session.execute(update(Draft).where(Draft.id == draft_id).values(scheduled_at=datetime(2026, 1, 1, tzinfo=UTC)))


def _pending(world: PubWorld, draft_id: int) -> None:
    TerminalService(world.store, world.admin).set_status(world.terminal_id, TerminalStatus.PENDING)


def _revoked(world: PubWorld, draft_id: int) -> None:
    TerminalService(world.store, world.admin).revoke(world.terminal_id, "異動")


def _expired(world: PubWorld, draft_id: int) -> None:
    TerminalService(world.store, world.admin).approve(world.terminal_id, scope_all=True)
    with world.store.write() as session:
        from core.storage.models import Terminal

        session.execute(
            update(Terminal)
            .where(Terminal.id == world.terminal_id)
            .values(expires_at=datetime.now(UTC) - timedelta(days=1))
        )


def _out_of_scope(world: PubWorld, draft_id: int) -> None:
    TerminalService(world.store, world.admin).approve(world.terminal_id, scope_all=False, account_ids=[world.account])


def _paused(world: PubWorld, draft_id: int) -> None:
    AccountService(world.store, world.admin).set_status(world.ids["mastodon"], AccountStatus.PAUSED)


def _rotation(world: PubWorld, draft_id: int) -> None:
    staff = [s for s in world.full_staff() if s != (world.op2.staff_id, Duty.OPERATOR)]
    AccountService(world.store, world.admin).set_staff(world.ids["mastodon"], staff)


def _no_credential(world: PubWorld, draft_id: int) -> None:
    CredentialService(world.store, world.admin).remove_credential(world.vault, world.uid, world.ids["mastodon"])


def _keyring_copied_elsewhere(world: PubWorld, draft_id: int) -> None:
    # Scenario 12: the database was copied to a machine whose keyring lacks the credential.
    from core.credentials.vault import open_vault

    backend = open_vault().backend
    assert isinstance(backend, MemoryKeyring)
    del backend.items[("KohoGate", credential_name(world.uid, world.ids["mastodon"]))]


def _stale_credential(world: PubWorld, draft_id: int) -> None:
    AccountService(world.store, world.admin).confirm_password_change(world.ids["mastodon"], "correct horse battery 42!")


def _signing_key_revoked(world: PubWorld, draft_id: int) -> None:
    from core.services.signing_keys import SigningKeyService, list_keys

    (key,) = [k for k in list_keys(world.store) if k.staff_id == world.sup.staff_id and k.revoked_at is None]
    SigningKeyService(world.store, world.admin).revoke(key.id)


def _taken_back(world: PubWorld, draft_id: int) -> None:
    from core.services.drafts import load_draft_detail

    DraftService(world.store, world.op).reopen(draft_id, load_draft_detail(world.store, draft_id).row_version, "x")


def _terminal_key_replaced(world: PubWorld, draft_id: int) -> None:
    # Scenario: the terminal identity was copied to a machine whose keyring holds another key.
    from core.storage.models import Terminal
    from core.terminals.keys import generate_keypair

    with world.store.write() as session:
        session.execute(
            update(Terminal).where(Terminal.id == world.terminal_id).values(public_key=generate_keypair()[1])
        )


GATE: list[tuple[str, Callable[[PubWorld, int], None], str, str]] = [
    ("approver_key_revoked", _signing_key_revoked, "publishing.refused", "key_revoked"),
    ("approval_set_aside", _taken_back, "publishing.refused", "withdrawn"),
    ("edited_text", _edit_after_approval, "publishing.refused", "stale"),
    ("replaced_image", _replace_image, "publishing.refused", "stale"),
    ("moved_time", _move_time, "publishing.refused", "stale"),
    ("terminal_pending", _pending, "posting.refused", "terminal_pending"),
    ("terminal_revoked", _revoked, "posting.refused", "terminal_revoked"),
    ("terminal_expired", _expired, "posting.refused", "terminal_expired"),
    ("out_of_scope", _out_of_scope, "posting.refused", "out_of_scope"),
    ("account_paused", _paused, "posting.refused", "account_not_active"),
    ("rotation_required", _rotation, "posting.refused", "rotation_required"),
    ("credential_removed", _no_credential, "posting.refused", "credential_missing"),
    ("keyring_without_credential", _keyring_copied_elsewhere, "posting.refused", "credential_missing"),
    ("credential_stale", _stale_credential, "posting.refused", "credential_stale"),
]


@pytest.mark.parametrize(("name", "break_it", "event", "reason"), GATE, ids=[g[0] for g in GATE])
def test_publishing_is_refused_naming_the_condition(
    world: PubWorld,
    httpserver: HTTPServer,
    name: str,
    break_it: Callable[[PubWorld, int], None],
    event: str,
    reason: str,
) -> None:
    fake = FakeMastodon(httpserver)
    draft_id = world.approved("mastodon", image=True, scheduled_at=SOON)
    break_it(world, draft_id)
    with pytest.raises(PublishRefused) as caught:
        world.outbox({"mastodon": fake.base_url}).publish(draft_id, due_at=SOON)
    assert caught.value.condition == reason
    assert caught.value.message.startswith("Publishing refused: ")
    assert refusals(world) == [(event, reason)]
    assert fake.seen == []
    with world.store.read() as session:
        assert session.scalars(select(Publication)).all() == []


def test_a_terminal_whose_key_does_not_match_signs_nothing_and_sends_nothing(
    world: PubWorld, httpserver: HTTPServer
) -> None:
    """The permit is signed once the outbox row exists (its key is signed too), so the row stays, unsent."""
    fake = FakeMastodon(httpserver)
    draft_id = world.approved("mastodon")
    _terminal_key_replaced(world, draft_id)
    with pytest.raises(PermissionDenied):
        world.outbox({"mastodon": fake.base_url}).publish(draft_id)
    assert refusals(world)[-1] == ("posting.refused", "key_missing")
    assert fake.seen == []
    with world.store.read() as session:
        (row,) = session.scalars(select(Publication)).all()
        assert row.state != PublicationState.PUBLISHED.value
        assert row.attempts == 0
        events = [e.event for e in session.scalars(select(AuditEntry))]
    assert "posting.authorized" not in events


def test_no_approval_is_refused(world: PubWorld, httpserver: HTTPServer) -> None:
    drafts = DraftService(world.store, world.op)
    draft_id = drafts.create(world.ids["mastodon"], "承認前のお知らせ")
    with pytest.raises(PublishRefused) as caught:
        world.outbox({}).publish(draft_id)
    assert caught.value.condition == "no_approval"
    assert refusals(world) == [("publishing.refused", "no_approval")]


# ---- the scheduler -----------------------------------------------------------------------------


class FakeClock:
    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


def test_scheduler_sends_due_posts_and_reports_missed_ones(world: PubWorld, httpserver: HTTPServer) -> None:
    fake = FakeMastodon(httpserver)
    start = SOON
    clock = FakeClock(start)
    on_time = world.approved("mastodon", "9時のお知らせ", scheduled_at=start + timedelta(hours=1))
    missed = world.approved("mastodon", "6時のお知らせ", scheduled_at=start - timedelta(hours=2))
    later = world.approved("mastodon", "12時のお知らせ", scheduled_at=start + timedelta(hours=4))
    box = world.outbox({"mastodon": fake.base_url}, clock=clock)

    report = run_due(box, clock())
    assert [m.draft_id for m in report.missed] == [missed]
    assert report.sent == []
    assert not report.ok
    clock.now = start + timedelta(hours=1, minutes=5)
    report = run_due(box, clock())
    assert [s.draft_id for s, _ in report.sent] == [on_time]
    assert report.missed == []  # reported once, not again
    assert [p["content"] for p in fake.posts] == ["<p>9時のお知らせ</p>"]
    assert [s.draft_id for s in scheduled_posts(world.store)] == [missed, later]
    with world.store.read() as session:
        missed_row = session.scalars(
            select(Publication).join(DraftVersion).where(DraftVersion.draft_id == missed)
        ).one()
        assert missed_row.state == PublicationState.FAILED.value
        assert missed_row.window_ends_at is not None
        events = [e.event for e in session.scalars(select(AuditEntry))]
    assert events.count("publication.missed_window") == 1
    # A person can still publish the missed post by hand: the same row is closed.
    PublicationService(world.store, world.op).record_manual(missed_row.version_id, "https://city.example/@koho/5")
    with world.store.read() as session:
        row = session.get(Publication, missed_row.id)
        assert row is not None
        assert row.state == PublicationState.PUBLISHED.value


def test_the_background_run_leaves_other_terminals_posts_alone_without_filling_the_record(
    world: PubWorld, httpserver: HTTPServer
) -> None:
    """The app's scheduler runs every minute on every operator's machine: no refusal per post per minute."""
    fake = FakeMastodon(httpserver)
    start = SOON
    clock = FakeClock(start)
    draft_id = world.approved("mastodon", "8時のお知らせ", scheduled_at=start)
    TerminalService(world.store, world.admin).revoke(world.terminal_id, "異動")
    box = world.outbox({"mastodon": fake.base_url}, clock=clock)
    before = len(refusals(world))
    for minute in range(3):
        clock.now = start + timedelta(minutes=minute)
        report = run_due(box, clock(), only_postable=True)
        assert (report.sent, report.failed, report.missed) == ([], [], [])
    assert len(refusals(world)) == before
    assert fake.posts == []
    # The command line (run by hand or by Task Scheduler) still says why nothing went out.
    report = run_due(box, clock())
    assert [item.draft_id for item, _ in report.failed] == [draft_id]
    assert refusals(world)[-1] == ("posting.refused", "terminal_revoked")
    # Past the window it is reported as missed even from this terminal.
    clock.now = start + timedelta(hours=2)
    report = run_due(box, clock(), only_postable=True)
    assert [item.draft_id for item in report.missed] == [draft_id]


def test_scheduled_posts_on_platforms_without_an_api_are_listed_then_reported(world: PubWorld) -> None:
    start = SOON
    clock = FakeClock(start)
    draft_id = world.approved("instagram", "8時のお知らせ", scheduled_at=start + timedelta(minutes=30))
    box = world.outbox({}, clock=clock)
    assert run_due(box, clock()).by_hand == []  # not yet due
    clock.now = start + timedelta(minutes=31)
    report = run_due(box, clock(), only_postable=True)
    assert [item.draft_id for item in report.by_hand] == [draft_id]
    assert report.ok  # due by hand is not a failure
    clock.now = start + timedelta(hours=2)
    report = run_due(box, clock(), only_postable=True)
    assert [item.draft_id for item in report.missed] == [draft_id]
    assert report.by_hand == []
    assert run_due(box, clock()).missed == []  # reported once


def test_a_failure_a_retry_cannot_mend_is_not_retried_every_minute(world: PubWorld, httpserver: HTTPServer) -> None:
    from tests.support.platform_fakes import Fault

    fake = FakeMastodon(httpserver)
    start = SOON
    clock = FakeClock(start)
    draft_id = world.approved("mastodon", "8時のお知らせ", scheduled_at=start)
    fake.fail("/api/v1/statuses", Fault(status=401))
    box = world.outbox({"mastodon": fake.base_url}, clock=clock)
    report = run_due(box, clock(), only_postable=True)
    assert [item.draft_id for item, _ in report.failed] == [draft_id]
    calls = len(fake.calls("POST", "/api/v1/statuses"))
    for minute in (1, 2):
        clock.now = start + timedelta(minutes=minute)
        report = run_due(box, clock(), only_postable=True)
        assert report.failed == []
    assert len(fake.calls("POST", "/api/v1/statuses")) == calls
    with world.store.read() as session:
        row = session.scalars(select(Publication).join(DraftVersion).where(DraftVersion.draft_id == draft_id)).one()
        assert row.last_error_kind == "auth"
        assert row.attempts == 1
    # A person who fixed the credential publishes it from the draft; success clears the failure.
    outcome = box.publish(draft_id)
    assert outcome.url
    with world.store.read() as session:
        row = session.get(Publication, row.id)
        assert row is not None
        assert row.last_error_kind is None


# ---- corrections and deletions -------------------------------------------------------------------


def _published(world: PubWorld, fake: FakeX) -> tuple[int, int]:
    draft_id = world.approved("x", "市民まつりは11月4日です。")
    outcome = world.outbox({"x": fake.base_url}).publish(draft_id)
    return draft_id, outcome.publication_id


def test_correction_is_a_new_linked_draft_through_sign_off(world: PubWorld, httpserver: HTTPServer) -> None:
    fake = FakeX(httpserver)
    _, publication_id = _published(world, fake)
    drafts = DraftService(world.store, world.op)
    correction = drafts.create_correction(publication_id)
    with world.store.read() as session:
        draft = session.get(Draft, correction)
        assert draft is not None
        assert draft.corrects_publication_id == publication_id
        assert draft.state == DraftState.DRAFT.value
        assert draft.text == "市民まつりは11月4日です。"
        row_version = draft.row_version
    drafts.save(correction, row_version, text="【訂正】市民まつりは11月3日です。")
    with pytest.raises(PublishRefused):
        world.outbox({"x": fake.base_url}).publish(correction)
    from core.demo.support import make_ready
    from core.lifecycle.states import ReviewDecision
    from core.services.reviews import ReviewService
    from core.signoff.keys import DemoSigner

    version_id = drafts.submit(correction, make_ready(drafts, correction))
    ReviewService(world.store, world.sup).decide(
        version_id, ReviewDecision.APPROVED, signer=DemoSigner(world.sup.login)
    )
    world.outbox({"x": fake.base_url}).publish(correction)
    assert [p["text"] for p in fake.posts] == ["市民まつりは11月4日です。", "【訂正】市民まつりは11月3日です。"]


def test_deletion_request_approval_and_execution_through_the_adapter(world: PubWorld, httpserver: HTTPServer) -> None:
    fake = FakeX(httpserver)
    _, publication_id = _published(world, fake)
    fake.add_delete_route(fake.posts[0]["id"])
    records = PublicationService(world.store, world.op)
    with pytest.raises(InvalidInput):
        records.request_deletion(publication_id, "  ")
    request_id = records.request_deletion(publication_id, "日付の誤り")
    with pytest.raises(Conflict):
        records.request_deletion(publication_id, "二重")
    with pytest.raises(Conflict):
        world.outbox({"x": fake.base_url}).delete(request_id)  # not approved yet
    with pytest.raises(PermissionDenied):
        PublicationService(world.store, world.op2).decide_deletion(request_id, True)  # not a supervisor
    PublicationService(world.store, world.sup).decide_deletion(request_id, True, "削除を承認")
    world.outbox({"x": fake.base_url}).delete(request_id)
    assert fake.deleted == ["1000"]
    (row,) = deletion_requests(world.store)
    assert row.state is DeletionState.DONE
    assert row.text == "市民まつりは11月4日です。"
    with world.store.read() as session:
        pub = session.get(Publication, publication_id)
        assert pub is not None
        assert pub.state == PublicationState.DELETED.value
        request = session.get(DeletionRequest, request_id)
        assert request is not None
        assert not request.executed_manually
        entry = session.scalars(select(AuditEntry).where(AuditEntry.event == "publication.deleted")).one()
    payload = json.loads(entry.payload)
    assert payload["original_text"] == "市民まつりは11月4日です。"
    assert payload["reason"] == "日付の誤り"


def test_deletion_recorded_as_done_by_hand_and_no_self_decision(world: PubWorld, httpserver: HTTPServer) -> None:
    fake = FakeX(httpserver)
    _, publication_id = _published(world, fake)
    request_id = PublicationService(world.store, world.sup).request_deletion(publication_id, "誤投稿")
    with pytest.raises(PermissionDenied):
        PublicationService(world.store, world.sup).decide_deletion(request_id, True)
    from core.organization.roles import Role
    from core.services.staff import StaffService

    other = world.actor(StaffService(world.store, world.admin).create("田中 次郎", "tanaka", None, [Role.SUPERVISOR]))
    with pytest.raises(InvalidInput):
        PublicationService(world.store, other).decide_deletion(request_id, False)  # a rejection needs a comment
    PublicationService(world.store, other).decide_deletion(request_id, True)
    PublicationService(world.store, world.op).mark_deleted(request_id, manually=True)
    (row,) = deletion_requests(world.store)
    assert row.state is DeletionState.DONE
    assert fake.posts  # nothing was deleted through the API


def test_line_broadcasts_cannot_be_deleted(world: PubWorld) -> None:
    draft_id = world.approved("line", "本日の給水所のお知らせ")
    with world.store.read() as session:
        version_id = session.scalars(select(DraftVersion.id).where(DraftVersion.draft_id == draft_id)).one()
    publication_id = PublicationService(world.store, world.op).record_manual(version_id, "")
    with pytest.raises(Conflict, match="cannot be unsent"):
        PublicationService(world.store, world.op).request_deletion(publication_id, "誤配信")


# ---- app.py publish-due ------------------------------------------------------------------------


def _cli(data_dir: Path, *args: str) -> int:
    from cli.main import main

    return main(["--data-dir", str(data_dir), "--lang", "en", *args])


def test_publish_due_exit_codes(
    sqlite_env: Environment, data_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    world = PubWorld(sqlite_env)
    monkeypatch.setattr("core.organization.identity._os_login", lambda: "sato")
    assert _cli(data_dir, "publish-due") == 0
    assert "Nothing is due" in capsys.readouterr().out
    # A due post on a platform whose API cannot be reached: not sent, exit 1.
    two_days_ago = datetime.now(UTC) - timedelta(days=2)
    world.approved("mastodon", scheduled_at=datetime.now(UTC) - timedelta(minutes=5), submitted_at=two_days_ago)
    monkeypatch.setattr("core.platforms.mastodon.instance_url", lambda _c: "http://127.0.0.1:9")
    assert _cli(data_dir, "publish-due") == 1
    assert "Not sent" in capsys.readouterr().err
    # A post beyond its window: reported as missed, exit 1.
    world.approved("x", "昨日のお知らせ", scheduled_at=datetime.now(UTC) - timedelta(days=1), submitted_at=two_days_ago)
    assert _cli(data_dir, "publish-due", "--window", "30") == 1
    assert "Missed its window" in capsys.readouterr().err
    monkeypatch.setattr("core.organization.identity._os_login", lambda: "stranger")
    assert _cli(data_dir, "publish-due") == 1


def test_publish_due_sends_and_exits_zero(
    sqlite_env: Environment,
    data_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
    httpserver: HTTPServer,
    capsys: pytest.CaptureFixture[str],
) -> None:
    world = PubWorld(sqlite_env)
    fake = FakeMastodon(httpserver)
    monkeypatch.setattr("core.organization.identity._os_login", lambda: "sato")
    monkeypatch.setattr("core.platforms.mastodon.instance_url", lambda _c: fake.base_url)
    two_days_ago = datetime.now(UTC) - timedelta(days=2)
    world.approved("mastodon", scheduled_at=datetime.now(UTC) - timedelta(minutes=5), submitted_at=two_days_ago)
    assert _cli(data_dir, "publish-due") == 0
    assert "Sent:" in capsys.readouterr().out
    assert len(fake.posts) == 1


def _last_authorization(world: PubWorld) -> dict[str, object]:
    with world.store.read() as session:
        entry = session.scalars(
            select(AuditEntry).where(AuditEntry.event == "posting.authorized").order_by(AuditEntry.seq.desc())
        ).first()
    assert entry is not None
    return dict(json.loads(entry.payload))


def test_posting_by_hand_needs_no_credential_but_is_signed_by_the_terminal(world: PubWorld, tmp_path: Path) -> None:
    """Instagram has no API here: the operator posts in its app, so the keyring needs no token for it."""
    from core.audit.canonical import canonical_json, sha256_hex
    from core.publishing.manual import prepare_manual
    from core.storage.models import Terminal
    from core.terminals.authorization import PostingRefused

    account = world.ids["instagram"]
    CredentialService(world.store, world.admin).remove_credential(world.vault, world.uid, account)
    draft_id = world.approved("instagram", image=True)
    package = prepare_manual(world.store, world.op, draft_id, tmp_path)
    assert package.text == "市民まつりは11月3日です。"
    assert len(package.files) == 1
    url = "https://www.instagram.com/p/abc123/"
    PublicationService(world.store, world.op).record_manual(package.version_id, url, vault=world.vault)
    with world.store.read() as session:
        version = session.get(DraftVersion, package.version_id)
        assert version is not None
        request = {"action": "manual", "version_id": version.id, "content_hash": version.content_hash, "url": url}
    authorization = _last_authorization(world)
    assert authorization["request_sha256"] == sha256_hex(canonical_json(request))
    assert authorization["account_id"] == account

    # A copied terminal identity whose key no longer matches cannot record a manual post.
    other = world.approved("instagram", "図書館だより12月号を発行しました。")
    package = prepare_manual(world.store, world.op, other, None)
    with world.store.write() as session:
        session.execute(update(Terminal).where(Terminal.uid == world.uid).values(public_key="AAAA" * 11))
    with pytest.raises(PostingRefused):
        PublicationService(world.store, world.op).record_manual(package.version_id, url + "2", vault=world.vault)
    assert refusals(world)[-1][0] == "posting.refused"


def test_an_emergency_post_can_go_out_by_hand_before_approval_only_when_allowed(world: PubWorld) -> None:
    from core.demo.support import make_ready
    from core.publishing.manual import prepare_manual
    from core.services.emergency import EmergencyPolicy, EmergencyService

    drafts = DraftService(world.store, world.op)
    draft_id = drafts.create(world.ids["instagram"], "【避難指示】見本川の水位が上がっています。")
    EmergencyService(world.store, world.op).mark(draft_id, "避難情報")
    version_id = drafts.submit(draft_id, make_ready(drafts, draft_id))
    with pytest.raises(PublishRefused):
        prepare_manual(world.store, world.op, draft_id, None)
    EmergencyService(world.store, world.admin).set_policy(EmergencyPolicy(True, 6))
    package = prepare_manual(world.store, world.op, draft_id, None)
    assert package.version_id == version_id
    publication_id = PublicationService(world.store, world.op).record_manual(
        version_id, "https://www.instagram.com/p/sos/", vault=world.vault
    )
    with world.store.read() as session:
        publication = session.get(Publication, publication_id)
        assert publication is not None
        assert publication.post_review_due_at is not None
        draft = session.get(Draft, draft_id)
        assert draft is not None
        assert draft.state == DraftState.PUBLISHED.value


def test_posting_by_hand_names_files_from_their_bytes_not_from_the_item(world: PubWorld, tmp_path: Path) -> None:
    """A crafted "mime" in the draft's media must not write outside the folder (review finding)."""
    from core.composer.media_store import prepare_image
    from core.demo.support import make_ready, poster_png
    from core.lifecycle.states import ReviewDecision
    from core.publishing.manual import prepare_manual
    from core.services.reviews import ReviewService
    from core.signoff.keys import DemoSigner

    drafts = DraftService(world.store, world.op)
    draft_id = drafts.create(world.ids["instagram"], "写真展")
    prepared = prepare_image(poster_png(), "poster.png")
    drafts.store_media(prepared)
    item = replace(prepared.item(), alt="ポスター", mime="x/../../../../Startup/evil.cmd")
    drafts.save(draft_id, 1, text="写真展", media=[item])
    version_id = drafts.submit(draft_id, make_ready(drafts, draft_id))
    signer = DemoSigner(world.sup.login)
    ReviewService(world.store, world.sup).decide(version_id, ReviewDecision.APPROVED, signer=signer)
    folder = tmp_path / "package"
    package = prepare_manual(world.store, world.op, draft_id, folder)
    assert [p.name for p in package.files] == ["01.png"]
    assert all(p.resolve().parent == folder.resolve() for p in folder.rglob("*"))
    assert not (tmp_path / "Startup").exists()


def test_an_account_on_an_unknown_platform_is_refused(world: PubWorld) -> None:
    with pytest.raises(InvalidInput, match="not a platform"):
        AccountService(world.store, world.admin).create("../evil", "@x", "x", None)
    assert AccountService(world.store, world.admin).create(" Mastodon ", "@new@city.example", "新", None)


def test_one_post_failing_unexpectedly_does_not_stop_the_others(
    world: PubWorld, httpserver: HTTPServer, caplog: pytest.LogCaptureFixture
) -> None:
    fake = FakeMastodon(httpserver)
    start = SOON
    clock = FakeClock(start)
    broken = world.approved("x", "8時のお知らせ（X）", scheduled_at=start)
    fine = world.approved("mastodon", "8時のお知らせ", scheduled_at=start)

    def factory(connection: object) -> object:
        from core.platforms.registry import make_publisher

        if getattr(connection, "platform", "") == "x":
            raise KeyError("surprise")
        return make_publisher(connection)  # type: ignore[arg-type]

    box = world.outbox({"mastodon": fake.base_url}, clock=clock, factory=factory)
    report = run_due(box, clock())
    assert [item.draft_id for item, _ in report.sent] == [fine]
    assert [item.draft_id for item, _ in report.failed] == [broken]
    assert "KeyError" in report.failed[0][1]
    assert "surprise" in caplog.text  # the traceback is in the log for whoever investigates


def test_a_run_opens_one_client_per_account_and_closes_them_at_its_end(
    world: PubWorld, httpserver: HTTPServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue #21: one HTTP client (one TLS set-up, kept-alive connections) per account per run, not per post."""
    from core.platforms import registry

    made: list[object] = []
    closed: list[object] = []

    def counting(connection):  # type: ignore[no-untyped-def]
        publisher = registry.make_publisher(connection)
        made.append(publisher)
        close = publisher.close
        monkeypatch.setattr(publisher, "close", lambda: (closed.append(publisher), close())[1])
        return publisher

    fake = FakeMastodon(httpserver)
    line_urls = {"line": httpserver.url_for("/")}
    httpserver.expect_request("/v2/bot/message/broadcast", method="POST").respond_with_json({})
    start = SOON
    clock = FakeClock(start + timedelta(minutes=5))
    drafts = [world.approved("mastodon", f"{i}番目のお知らせ", scheduled_at=start) for i in range(3)]
    drafts.append(world.approved("line", "LINEのお知らせ", scheduled_at=start))
    box = world.outbox({"mastodon": fake.base_url, **line_urls}, clock=clock, factory=counting)
    report = run_due(box, clock())
    assert sorted(s.draft_id for s, _ in report.sent) == sorted(drafts)
    assert len(fake.posts) == 3
    assert [type(p).__name__ for p in made] == ["MastodonPublisher", "LinePublisher"]
    assert closed == made  # the run's end closes them; the next run opens new ones
    run_due(box, clock())
    assert len(made) == 2  # nothing was due: no client opened


def _run_with_a_change_after_the_first_post(
    world: PubWorld,
    httpserver: HTTPServer,
    monkeypatch: pytest.MonkeyPatch,
    change: Callable[[], None],
    *,
    after: int = 1,
    posts: int = 3,
) -> tuple[list[int], object]:
    """Three due Mastodon posts; ``change`` happens right after the first one went out (mid-run).

    ``after``, ``posts``: after which post the change happens, of how many.
    """
    from core.platforms import registry

    def changing(connection):  # type: ignore[no-untyped-def]
        publisher = registry.make_publisher(connection)
        post = publisher.post

        def post_then_change(*args, **kwargs):  # type: ignore[no-untyped-def]
            result = post(*args, **kwargs)
            if len(fake.posts) == after:
                change()
            return result

        monkeypatch.setattr(publisher, "post", post_then_change)
        return publisher

    fake = FakeMastodon(httpserver)
    start = SOON
    clock = FakeClock(start + timedelta(minutes=5))
    drafts = [world.approved("mastodon", f"{i}番目のお知らせ", scheduled_at=start) for i in range(posts)]
    box = world.outbox({"mastodon": fake.base_url}, clock=clock, factory=changing)
    return drafts, run_due(box, clock())


def test_a_pause_during_a_run_holds_the_posts_after_it(
    world: PubWorld, httpserver: HTTPServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue #21: the run reuses its decisions only while nothing but posting bookkeeping is recorded."""
    from core.services.incidents import IncidentService

    drafts, report = _run_with_a_change_after_the_first_post(
        world, httpserver, monkeypatch, lambda: IncidentService(world.store, world.sup).pause_all("乗っ取りの疑い")
    )
    assert [s.draft_id for s, _ in report.sent] == drafts[:1]  # type: ignore[attr-defined]
    assert [s.draft_id for s in report.held] == drafts[1:]  # type: ignore[attr-defined]
    assert report.failed == []  # type: ignore[attr-defined]


def test_a_lock_during_a_run_stops_the_accounts_later_posts(
    world: PubWorld, httpserver: HTTPServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    from core.services.incidents import IncidentService

    account = world.ids["mastodon"]
    drafts, report = _run_with_a_change_after_the_first_post(
        world,
        httpserver,
        monkeypatch,
        lambda: IncidentService(world.store, world.sup).lock_account(account, "乗っ取りの疑い"),
    )
    assert [s.draft_id for s, _ in report.sent] == drafts[:1]  # type: ignore[attr-defined]
    assert [s.draft_id for s, _ in report.failed] == drafts[1:]  # type: ignore[attr-defined]
    assert ("posting.refused", "account_locked") in refusals(world)


def _revoke_approver_key(world: PubWorld) -> None:
    from core.services.signing_keys import SigningKeyService
    from core.storage.models import SigningKey

    with world.store.read() as session:
        key_id = session.scalar(select(SigningKey.id).where(SigningKey.staff_id == world.sup.staff_id))
    assert key_id is not None
    SigningKeyService(world.store, world.admin).revoke(key_id)


def _no_longer_operator(world: PubWorld) -> None:
    from core.organization.roles import Role
    from core.services.staff import StaffService

    StaffService(world.store, world.admin).set_roles(world.op.staff_id, [Role.SUPERVISOR])


def _lock_mastodon(world: PubWorld) -> None:
    from core.services.incidents import IncidentService

    IncidentService(world.store, world.sup).lock_account(world.ids["mastodon"], "乗っ取りの疑い")


def _approver_deactivated(world: PubWorld) -> None:
    from core.services.staff import StaffService

    StaffService(world.store, world.admin).set_active(world.sup.staff_id, False)


def _credential_removed(world: PubWorld) -> None:
    from core.services.accounts import CredentialService

    CredentialService(world.store, world.admin).remove_credential(world.vault, world.uid, world.ids["mastodon"])


def _operator_moved_off_the_account(world: PubWorld) -> None:
    """異動: op2 leaves the account, which is flagged 要パスワード変更 (its row changes, nothing else)."""
    staff = [entry for entry in world.full_staff() if entry[0] != world.op2.staff_id]
    world.accounts.set_staff(world.ids["mastodon"], staff)


# After the second post: the third is gated and claimed in one transaction, which must see the change —
# also in the rows the run keeps from one post to the next (terminal, account, credential, approver, key).
MID_RUN: list[tuple[str, Callable[[PubWorld], None], tuple[str, str] | None]] = [
    (
        "terminal revoked",
        lambda w: TerminalService(w.store, w.admin).revoke(w.terminal_id, "紛失"),
        ("posting.refused", "terminal_revoked"),
    ),
    ("approver's key revoked", _revoke_approver_key, ("publishing.refused", "key_revoked")),
    ("operator role removed", _no_longer_operator, None),
    ("account locked", _lock_mastodon, ("posting.refused", "account_locked")),
    ("approver deactivated", _approver_deactivated, ("publishing.refused", "approver_inactive")),
    ("credential removed", _credential_removed, ("posting.refused", "credential_missing")),
    ("password change required", _operator_moved_off_the_account, ("posting.refused", "rotation_required")),
]


@pytest.mark.parametrize(("name", "change", "refusal"), MID_RUN, ids=[m[0] for m in MID_RUN])
def test_a_change_in_the_middle_of_a_run_stops_the_posts_after_it(
    world: PubWorld,
    httpserver: HTTPServer,
    monkeypatch: pytest.MonkeyPatch,
    name: str,
    change: Callable[[PubWorld], None],
    refusal: tuple[str, str] | None,
) -> None:
    """Issue #21: a post gated and claimed in the run's one transaction still sees what changed before it."""
    drafts, report = _run_with_a_change_after_the_first_post(
        world, httpserver, monkeypatch, lambda: change(world), after=2, posts=4
    )
    assert [s.draft_id for s, _ in report.sent] == drafts[:2]  # type: ignore[attr-defined]
    assert [s.draft_id for s, _ in report.failed] == drafts[2:]  # type: ignore[attr-defined]
    if refusal is not None:
        assert refusals(world).count(refusal) == 2
    with world.store.read() as session:
        states = session.scalars(select(Publication.state).order_by(Publication.id)).all()
    assert states.count(PublicationState.PUBLISHED.value) == 2
    assert PublicationState.PENDING.value not in states  # nothing was left claimed


def test_the_rows_a_run_keeps_are_read_afresh_after_a_change(
    world: PubWorld, httpserver: HTTPServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue #21: after a change, the run's kept rows (here the terminal's) are not the ones read before it.

    The third post is the first in the run's one transaction (the first two make the terminal key and
    learn the run's decisions): it keeps the rows. After it the terminal is approved again for general
    information only. The fourth post (general) goes out and the run knows its decisions again; the
    fifth (emergency information) takes the run's one transaction, which must read the terminal's new
    approval and refuse it.
    """
    from core.demo.support import make_ready
    from core.lifecycle.states import ReviewDecision
    from core.platforms import registry
    from core.services.reviews import ReviewService
    from core.signoff.keys import DemoSigner

    fake = FakeMastodon(httpserver)
    start = SOON
    clock = FakeClock(start + timedelta(minutes=5))
    drafts = [world.approved("mastodon", f"{i}番目のお知らせ", scheduled_at=start) for i in range(4)]
    service = DraftService(world.store, world.op)
    last = service.create(world.ids["mastodon"], "避難所の開設", scheduled_at=start)
    service.save(last, 1, text="避難所の開設", category="emergency", scheduled_at=start)
    version = service.submit(last, make_ready(service, last))
    ReviewService(world.store, world.sup).decide(version, ReviewDecision.APPROVED, signer=DemoSigner(world.sup.login))
    drafts.append(last)

    def changing(connection):  # type: ignore[no-untyped-def]
        publisher = registry.make_publisher(connection)
        post = publisher.post

        def post_then_change(*args, **kwargs):  # type: ignore[no-untyped-def]
            result = post(*args, **kwargs)
            if len(fake.posts) == 3:
                TerminalService(world.store, world.admin).approve(
                    world.terminal_id, scope_all=True, endorser=world.admin_signer, categories=["general"]
                )
            return result

        monkeypatch.setattr(publisher, "post", post_then_change)
        return publisher

    report = run_due(world.outbox({"mastodon": fake.base_url}, clock=clock, factory=changing), clock())
    assert [s.draft_id for s, _ in report.sent] == drafts[:4]
    assert [s.draft_id for s, _ in report.failed] == drafts[4:]
    assert refusals(world) == [("posting.refused", "category_out_of_scope")]


def test_a_pause_after_the_second_post_holds_the_rest(
    world: PubWorld, httpserver: HTTPServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The pause is seen by the run's own transaction (no look at the pause before it): nothing more goes out."""
    from core.services.incidents import IncidentService

    drafts, report = _run_with_a_change_after_the_first_post(
        world,
        httpserver,
        monkeypatch,
        lambda: IncidentService(world.store, world.sup).pause_all("乗っ取りの疑い"),
        after=2,
        posts=4,
    )
    assert [s.draft_id for s, _ in report.sent] == drafts[:2]  # type: ignore[attr-defined]
    assert [s.draft_id for s in report.held] == drafts[2:]  # type: ignore[attr-defined]
    assert report.failed == []  # type: ignore[attr-defined]
    with world.store.read() as session:
        assert len(session.scalars(select(Publication)).all()) == 2  # the held posts were not even queued


def test_an_approval_taken_back_in_the_middle_of_a_run_stops_only_that_post(
    world: PubWorld, httpserver: HTTPServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The approval is verified for every post, also when the run reuses its other decisions."""
    taken_back: list[int] = []

    def reopen_the_last() -> None:
        with world.store.read() as session:
            draft = session.scalars(select(Draft).order_by(Draft.id.desc()).limit(1)).one()
        DraftService(world.store, world.op).reopen(draft.id, draft.row_version, "日付を直す")
        taken_back.append(draft.id)

    drafts, report = _run_with_a_change_after_the_first_post(
        world, httpserver, monkeypatch, reopen_the_last, after=2, posts=4
    )
    assert taken_back == drafts[3:]
    assert [s.draft_id for s, _ in report.sent] == drafts[:3]  # type: ignore[attr-defined]
    assert [s.draft_id for s, _ in report.failed] == drafts[3:]  # type: ignore[attr-defined]
    assert refusals(world) == [("publishing.refused", "withdrawn")]


def test_a_run_takes_few_transactions_and_a_bounded_number_of_statements_per_post(
    world: PubWorld, httpserver: HTTPServer
) -> None:
    """Issue #21: once the run knows its decisions, a post costs one transaction and at most 12 statements on SQLite.

    (50 statements in four transactions at first, then 23 in two.) PostgreSQL: two transactions,
    at most 24. A count, not a timing: a query added to the hot path shows here.
    """
    from sqlalchemy import event

    fake = FakeMastodon(httpserver)
    start = SOON
    clock = FakeClock(start + timedelta(minutes=5))
    drafts = [world.approved("mastodon", f"{i}番目のお知らせ", scheduled_at=start) for i in range(6)]
    box = world.outbox({"mastodon": fake.base_url}, clock=clock)
    statements: list[str] = []
    marks: list[int] = []
    publish = box.publish

    def marking(*args, **kwargs):  # type: ignore[no-untyped-def]
        marks.append(len(statements))
        return publish(*args, **kwargs)

    box.publish = marking  # type: ignore[method-assign]
    event.listen(world.store.engine, "before_cursor_execute", lambda *args: statements.append(args[2]))
    report = run_due(box, clock())
    assert len(report.sent) == len(drafts)
    marks.append(len(statements))
    # From one post's start to the next one's, once the run's decisions are known (and not changed).
    posts = [statements[first:end] for first, end in itertools.pairwise(marks[3:])]
    if world.store.dialect == "sqlite":
        # One transaction per post: the post sent before it is recorded first thing in it, the last at the run's end.
        for post in posts[:-1]:
            assert len(post) <= 12, post
            assert sum(s.startswith("BEGIN") for s in post) == 1, post
        assert sum(s.startswith("BEGIN") for s in posts[-1]) == 2, posts[-1]
    else:
        # Two transactions (the result recorded at once); a NOTIFY per entry (four) and the database clock,
        # its BEGIN no statement of its own.
        for post in posts:
            assert len(post) <= 24, post


def _publication_states(world: PubWorld) -> dict[int, tuple[str, int]]:
    """Draft id → (its publication's state, attempts)."""
    with world.store.read() as session:
        rows = session.execute(
            select(DraftVersion.draft_id, Publication.state, Publication.attempts).join(
                Publication, Publication.version_id == DraftVersion.id
            )
        ).all()
    return {draft_id: (state, attempts) for draft_id, state, attempts in rows}


def test_a_sent_post_is_recorded_when_the_next_posts_transaction_fails(
    world: PubWorld, httpserver: HTTPServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On SQLite a sent post is recorded in the next post's transaction; that one failing loses nothing.

    The fourth post's gate fails unexpectedly: its transaction (with the third post's result in it)
    rolls back, the third post is recorded on its own, the fourth is reported failed, the fifth goes out.
    """
    from core.publishing import outbox as outbox_module

    fake = FakeMastodon(httpserver)
    start = SOON
    clock = FakeClock(start + timedelta(minutes=5))
    drafts = [world.approved("mastodon", f"{i}番目のお知らせ", scheduled_at=start) for i in range(5)]
    gate = outbox_module.gate_in

    def failing(session, actor, draft_id, **kwargs):  # type: ignore[no-untyped-def]
        if draft_id == drafts[3]:
            raise RuntimeError("disk on fire")
        return gate(session, actor, draft_id, **kwargs)

    monkeypatch.setattr(outbox_module, "gate_in", failing)
    report = run_due(world.outbox({"mastodon": fake.base_url}, clock=clock), clock())
    assert [s.draft_id for s, _ in report.sent] == drafts[:3] + drafts[4:]
    assert [s.draft_id for s, _ in report.failed] == drafts[3:4]
    states = _publication_states(world)
    assert all(states[d] == (PublicationState.PUBLISHED.value, 1) for d in drafts[:3] + drafts[4:])
    assert drafts[3] not in states  # its claim rolled back with the transaction
    assert len(fake.posts) == 4


def test_a_sent_post_whose_result_cannot_be_recorded_is_reported_failed(
    world: PubWorld, httpserver: HTTPServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The result recorded later than the call (with the next post) may fail: the report says so, for that post.

    Its row stays an attempt that may be out (pending, one attempt): the next run looks for it first.
    """
    fake = FakeMastodon(httpserver)
    start = SOON
    clock = FakeClock(start + timedelta(minutes=5))
    drafts = [world.approved("mastodon", f"{i}番目のお知らせ", scheduled_at=start) for i in range(4)]
    record = PublicationService.mark_sent_in

    def refusing(self, session, row, *args, **kwargs):  # type: ignore[no-untyped-def]
        if row.draft_id == drafts[2]:
            raise Conflict("記録できません")
        return record(self, session, row, *args, **kwargs)

    monkeypatch.setattr(PublicationService, "mark_sent_in", refusing)
    report = run_due(world.outbox({"mastodon": fake.base_url}, clock=clock), clock())
    assert [s.draft_id for s, _ in report.sent] == drafts[:2] + drafts[3:]
    assert report.failed == [
        (next(s for s in scheduled_posts(world.store) if s.draft_id == drafts[2]), "記録できません")
    ]
    states = _publication_states(world)
    assert states[drafts[2]] == (PublicationState.PENDING.value, 1)
    assert all(states[d] == (PublicationState.PUBLISHED.value, 1) for d in drafts[:2] + drafts[3:])
    assert len(fake.posts) == 4


def test_each_post_of_a_run_records_the_same_entries_in_the_same_order(world: PubWorld, httpserver: HTTPServer) -> None:
    """Fewer transactions per post, the same record: queued, authorised, attempt, published — per post."""
    fake = FakeMastodon(httpserver)
    start = SOON
    clock = FakeClock(start + timedelta(minutes=5))
    drafts = [world.approved("mastodon", f"{i}番目のお知らせ", scheduled_at=start) for i in range(2)]
    with world.store.read() as session:
        before = session.scalar(select(AuditEntry.seq).order_by(AuditEntry.seq.desc()).limit(1))
    box = world.outbox({"mastodon": fake.base_url}, clock=clock)
    report = run_due(box, clock())
    assert len(report.sent) == 2
    with world.store.read() as session:
        entries = [
            (e.event, json.loads(e.payload))
            for e in session.scalars(select(AuditEntry).where(AuditEntry.seq > before).order_by(AuditEntry.seq))
            if e.event.startswith(("publication.", "posting.", "publishing."))  # not the first key's registration
        ]
    events = ["publication.queued", "posting.authorized", "publication.attempt", "publication.published"]
    assert [event for event, _ in entries] == events * 2
    assert [p["draft_id"] for e, p in entries if e == "publication.published"] == drafts
    queued = [p for e, p in entries if e == "publication.queued"]
    assert set(queued[0]) == {
        "publication_id",
        "draft_id",
        "version_id",
        "account_id",
        "platform",
        "content_hash",
        "idempotency_key",
        "due_at",
    }
