"""The outbox end to end: gate, row before the call, retries with one key, 要確認, exactly one post."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest
from pytest_httpserver import HTTPServer
from sqlalchemy import select, text

from core.errors import Conflict
from core.lifecycle.states import DraftState, PublicationState
from core.platforms.errors import PublishError
from core.publishing.outbox import NeedsChecking
from core.publishing.records import PublicationService
from core.runtime.bootstrap import Environment
from core.storage.models import AuditEntry, Draft, Publication
from tests.support.platform_fakes import FakeBluesky, FakeFacebook, FakeLine, FakeMastodon, FakeX, Fault
from tests.support.publishing import TOKENS, PubWorld


@pytest.fixture
def world(env: Environment) -> PubWorld:
    return PubWorld(env)


def events(world: PubWorld, prefix: str = "") -> list[tuple[str, dict[str, object]]]:
    with world.store.read() as session:
        return [
            (e.event, json.loads(e.payload))
            for e in session.scalars(select(AuditEntry).order_by(AuditEntry.seq))
            if e.event.startswith(prefix)
        ]


def publication(world: PubWorld, draft_id: int) -> Publication:
    with world.store.read() as session:
        return session.scalars(
            select(Publication).join(Draft, Draft.id == draft_id).where(Publication.account_id == Draft.account_id)
        ).one()


def draft_state(world: PubWorld, draft_id: int) -> str:
    with world.store.read() as session:
        draft = session.get(Draft, draft_id)
        assert draft is not None
        return draft.state


def test_mastodon_publish_writes_the_row_first_and_records_everything(world: PubWorld, httpserver: HTTPServer) -> None:
    fake = FakeMastodon(httpserver)
    draft_id = world.approved("mastodon", image=True)
    progress: list[tuple[int, int]] = []
    outcome = world.outbox({"mastodon": fake.base_url}).publish(draft_id, lambda d, t, _w: progress.append((d, t)))
    assert outcome.url == "https://city.example/@koho/100"
    assert progress[-1] == (1, 1)
    row = publication(world, draft_id)
    assert row.state == PublicationState.PUBLISHED.value
    assert row.platform_post_id == "100"
    assert row.attempts == 1
    assert fake.calls("POST", "/api/v1/statuses")[0].headers["Idempotency-Key"] == row.idempotency_key
    assert fake.media[0]["description"] == "市民まつりのポスター"
    assert draft_state(world, draft_id) == DraftState.PUBLISHED.value
    names = [e for e, _ in events(world) if e.startswith(("publication.", "posting."))]
    assert names == ["publication.queued", "posting.authorized", "publication.attempt", "publication.published"]
    # The signed request names the idempotency key.
    queued = dict(events(world, "publication.queued"))["publication.queued"]
    assert queued["idempotency_key"] == row.idempotency_key
    with pytest.raises(Conflict):
        world.outbox({"mastodon": fake.base_url}).publish(draft_id)
    assert len(fake.posts) == 1


# ---- scenario 11: the platform creates the post, then the connection drops ------------------------


def test_idempotent_platform_retries_with_the_same_key_and_posts_once(world: PubWorld, httpserver: HTTPServer) -> None:
    fake = FakeMastodon(httpserver)
    # Neither attempt reached the timeline: each look finds nothing, so the same key goes again.
    fake.fail("/api/v1/statuses", Fault(drop_before=True), Fault(status=503))
    draft_id = world.approved("mastodon")
    box = world.outbox({"mastodon": fake.base_url})
    outcome = box.publish(draft_id)
    calls = fake.calls("POST", "/api/v1/statuses")
    assert len(calls) == 3
    assert len({c.headers["Idempotency-Key"] for c in calls}) == 1
    assert len(fake.posts) == 1
    assert outcome.post_id == fake.posts[0]["id"]
    assert outcome.attempts == 3
    assert box.sleeps == [1.0, 2.0]  # type: ignore[attr-defined]


def test_line_retries_with_the_retry_key_and_delivers_once(world: PubWorld, httpserver: HTTPServer) -> None:
    fake = FakeLine(httpserver)
    fake.fail("/v2/bot/message/broadcast", Fault(drop_after=True))
    draft_id = world.approved("line", "防災無線の放送内容をお知らせします。")
    outcome = world.outbox({"line": fake.base_url}).publish(draft_id)
    assert len(fake.calls("POST", "/v2/bot/message/broadcast")) == 2
    assert len(fake.posts) == 1
    assert outcome.post_id == "req-1"


@pytest.mark.parametrize(
    ("platform", "fake_cls", "create_path", "base"),
    [
        ("x", FakeX, "/2/tweets", "x"),
        ("facebook", FakeFacebook, "/me/feed", "facebook"),
    ],
)
def test_non_idempotent_platform_reconciles_instead_of_retrying(
    world: PubWorld, httpserver: HTTPServer, platform: str, fake_cls: type, create_path: str, base: str
) -> None:
    fake = fake_cls(httpserver)
    fake.fail(create_path, Fault(drop_after=True))
    draft_id = world.approved(platform)
    outcome = world.outbox({base: fake.base_url}).publish(draft_id)
    assert outcome.reconciled
    assert len(fake.calls("POST", create_path)) == 1  # never a blind retry
    assert len(fake.posts) == 1
    row = publication(world, draft_id)
    assert row.state == PublicationState.PUBLISHED.value
    assert row.platform_post_id == outcome.post_id
    assert dict(events(world, "publication.published"))["publication.published"]["how"] == "reconciled"


def test_bluesky_settles_a_dropped_create_by_reading_its_rkey(world: PubWorld, httpserver: HTTPServer) -> None:
    fake = FakeBluesky(httpserver)
    fake.fail("/xrpc/com.atproto.repo.createRecord", Fault(drop_after=True))
    draft_id = world.approved("bluesky")
    outcome = world.outbox({"bluesky": fake.base_url}).publish(draft_id)
    assert len(fake.calls("POST", "/xrpc/com.atproto.repo.createRecord")) == 1
    assert len(fake.calls("GET", "/xrpc/com.atproto.repo.getRecord")) == 1
    assert len(fake.posts) == 1
    assert outcome.post_id == fake.posts[0]["uri"]
    assert publication(world, draft_id).state == PublicationState.PUBLISHED.value


def test_bluesky_retries_a_server_error_with_the_same_rkey_and_ends_published(
    world: PubWorld, httpserver: HTTPServer
) -> None:
    fake = FakeBluesky(httpserver)
    fake.fail("/xrpc/com.atproto.repo.createRecord", Fault(status=502))
    draft_id = world.approved("bluesky")
    outcome = world.outbox({"bluesky": fake.base_url}).publish(draft_id)
    creates = fake.calls("POST", "/xrpc/com.atproto.repo.createRecord")
    assert len(creates) == 2
    assert creates[0].json["rkey"] == creates[1].json["rkey"]
    assert len(fake.posts) == 1
    assert outcome.post_id == fake.posts[0]["uri"]
    assert publication(world, draft_id).state == PublicationState.PUBLISHED.value


def test_ambiguous_and_not_found_goes_to_needs_checking_until_a_person_decides(
    world: PubWorld, httpserver: HTTPServer
) -> None:
    fake = FakeX(httpserver)
    fake.fail("/2/tweets", Fault(drop_before=True))
    draft_id = world.approved("x")
    box = world.outbox({"x": fake.base_url})
    with pytest.raises(NeedsChecking) as caught:
        box.publish(draft_id)
    assert "will not send it again" in caught.value.message
    assert publication(world, draft_id).state == PublicationState.NEEDS_RECONCILIATION.value
    with pytest.raises(Conflict):
        box.publish(draft_id)  # no automatic second attempt
    assert len(fake.calls("POST", "/2/tweets")) == 1
    # Nor can the draft be taken back for editing while nobody knows whether it went out.
    from core.services.drafts import DraftService, load_draft_detail

    with pytest.raises(Conflict):
        DraftService(world.store, world.op).reopen(draft_id, load_draft_detail(world.store, draft_id).row_version, "x")
    assert box.reconcile(publication(world, draft_id).id) is None
    # A person looked: it was not posted. Now it may go again, with the same row and key.
    PublicationService(world.store, world.op).resolve(publication(world, draft_id).id, url=None)
    key = publication(world, draft_id).idempotency_key
    box.publish(draft_id)
    assert len(fake.posts) == 1
    assert publication(world, draft_id).idempotency_key == key
    assert "publication.resolved_not_posted" in [e for e, _ in events(world)]


def test_an_interrupted_attempt_is_checked_before_anything_is_resent(world: PubWorld, httpserver: HTTPServer) -> None:
    fake = FakeX(httpserver)
    draft_id = world.approved("x")
    box = world.outbox({"x": fake.base_url})
    # The app died ten minutes ago after counting an attempt: the row is pending with one attempt.
    earlier = datetime.now(UTC) - timedelta(minutes=10)
    row = box.records.open_attempt(draft_id, now=earlier)
    box.records.mark_attempt(row.publication_id, now=earlier)
    with pytest.raises(NeedsChecking):
        box.publish(draft_id)
    assert fake.calls("POST", "/2/tweets") == []


def test_a_run_in_progress_elsewhere_is_not_doubled(world: PubWorld, httpserver: HTTPServer) -> None:
    """The in-app scheduler and a cron publish-due (or two terminals) at the same moment: one post."""
    fake = FakeX(httpserver)
    draft_id = world.approved("x")
    box = world.outbox({"x": fake.base_url})
    other = box.records.open_attempt(draft_id)  # another run has claimed the row and is sending
    with pytest.raises(Conflict, match="being sent right now"):
        box.publish(draft_id)
    assert fake.calls("POST", "/2/tweets") == []
    box.records.release_claim(other)  # it stopped before sending: the next run goes ahead
    box.publish(draft_id)
    assert len(fake.calls("POST", "/2/tweets")) == 1


def test_rate_limit_waits_and_retries_with_the_same_key(world: PubWorld, httpserver: HTTPServer) -> None:
    fake = FakeMastodon(httpserver)
    fake.fail("/api/v1/statuses", Fault(status=429, headers={"X-RateLimit-Reset": "2026-11-01T09:05:00Z"}))
    draft_id = world.approved("mastodon")
    box = world.outbox({"mastodon": fake.base_url})
    box.publish(draft_id)
    assert len(fake.posts) == 1


def test_long_rate_limit_fails_with_a_plain_message_and_keeps_the_key(world: PubWorld, httpserver: HTTPServer) -> None:
    fake = FakeX(httpserver)
    reset = str(int(datetime.now(UTC).timestamp()) + 900)
    fake.fail("/2/tweets", Fault(status=429, headers={"x-rate-limit-reset": reset}))
    draft_id = world.approved("x")
    box = world.outbox({"x": fake.base_url})
    with pytest.raises(PublishError) as caught:
        box.publish(draft_id)
    assert "limits how often" in caught.value.message
    row = publication(world, draft_id)
    assert row.state == PublicationState.FAILED.value
    box.publish(draft_id)
    assert publication(world, draft_id).idempotency_key == row.idempotency_key
    assert len(fake.posts) == 1


def test_rejected_post_fails_without_retry(world: PubWorld, httpserver: HTTPServer) -> None:
    fake = FakeFacebook(httpserver)
    fake.fail("/me/feed", Fault(status=400))
    draft_id = world.approved("facebook")
    with pytest.raises(PublishError):
        world.outbox({"facebook": fake.base_url}).publish(draft_id)
    assert len(fake.calls("POST", "/me/feed")) == 1
    assert publication(world, draft_id).state == PublicationState.FAILED.value


def test_no_credential_reaches_the_database(world: PubWorld, httpserver: HTTPServer) -> None:
    fake = FakeX(httpserver)
    fake.fail("/2/tweets", Fault(status=401), Fault(status=503))
    first, second = world.approved("x"), world.approved("x", "別のお知らせです。")
    box = world.outbox({"x": fake.base_url})
    with pytest.raises(PublishError):
        box.publish(first)
    with pytest.raises(NeedsChecking):
        box.publish(second)
    with world.store.read() as session:
        dump = " ".join(
            str(row)
            for table in ("audit_entry", "publication", "credential", "draft")
            for row in session.execute(text(f"SELECT * FROM {table}"))
        )
    assert all(token not in dump for token in TOKENS.values())


def test_a_post_scheduled_later_is_not_sent_early(world: PubWorld, httpserver: HTTPServer) -> None:
    fake = FakeMastodon(httpserver)
    draft_id = world.approved("mastodon", scheduled_at=datetime.now(UTC) + timedelta(days=1))
    with pytest.raises(Conflict, match="scheduled"):
        world.outbox({"mastodon": fake.base_url}).publish(draft_id)
    assert fake.posts == []


def test_two_runs_at_the_same_moment_post_once(world: PubWorld) -> None:
    """Reviewer's race: both runs used to pass open_attempt before either counted an attempt."""
    import threading

    from core.platforms.base import PostResult
    from core.terminals.keys import ensure_terminal_key

    draft_id = world.approved("x")
    ensure_terminal_key(world.store, world.vault, world.uid, world.op.recorder)
    posted: list[str] = []
    second_done = threading.Event()

    class SlowPlatform:
        platform = "x"
        idempotent = False
        deletable = True

        def __init__(self, _connection: object) -> None:
            pass

        def post(self, request: object, progress: object = None) -> PostResult:
            second_done.wait(20)  # still sending while the other run tries
            posted.append("post")
            return PostResult("1", "https://x.com/p/1")

        def recent(self, limit: int = 20) -> list[object]:
            return []

        def delete(self, post_id: str) -> None:
            pass

    outcomes: list[str] = []

    def first() -> None:
        world.outbox({}, factory=SlowPlatform).publish(draft_id)
        outcomes.append("published")

    thread = threading.Thread(target=first)
    thread.start()
    try:
        for _ in range(200):  # wait until the first run has claimed the row
            with world.store.read() as session:
                from core.storage.models import Publication

                row = session.scalars(select(Publication)).first()
                if row is not None and row.last_attempt_at is not None:
                    break
            threading.Event().wait(0.05)
        with pytest.raises(Conflict):
            world.outbox({}, factory=SlowPlatform).publish(draft_id)
    finally:
        second_done.set()
        thread.join(30)
    assert outcomes == ["published"]
    assert posted == ["post"]


# ---- mastodon #21840: a server that never stored the Idempotency-Key ------------------------------


class Killed(BaseException):
    """The process dies: nothing after this line of the run happens (no except, no bookkeeping)."""


def _dies_after_posting(connection: object) -> object:
    """The real adapter, except that the run is killed once the platform has made the post."""
    from core.platforms.base import Connection
    from core.platforms.registry import make_publisher

    assert isinstance(connection, Connection)
    real = make_publisher(connection)

    class Dying:
        platform = real.platform
        idempotent = real.idempotent
        deletable = real.deletable
        recent = staticmethod(real.recent)
        delete = staticmethod(real.delete)

        def post(self, request: object, progress: object = None) -> object:
            real.post(request)  # type: ignore[arg-type]
            raise Killed

    return Dying()


def test_a_server_that_lost_the_key_and_answered_504_after_posting_gets_one_post(
    world: PubWorld, httpserver: HTTPServer
) -> None:
    """One publish-due run used to make 3 posts: blind retries with a key the server never kept."""
    fake = FakeMastodon(httpserver, keep_keys=False)
    fake.fail("/api/v1/statuses", Fault(status=504, status_after=True), Fault(status=504, status_after=True))
    draft_id = world.approved("mastodon")
    outcome = world.outbox({"mastodon": fake.base_url}).publish(draft_id)
    assert len(fake.posts) == 1
    assert len(fake.calls("POST", "/api/v1/statuses")) == 1
    assert outcome.reconciled
    assert outcome.post_id == fake.posts[0]["id"]
    row = publication(world, draft_id)
    assert row.state == PublicationState.PUBLISHED.value
    assert row.platform_post_id == fake.posts[0]["id"]


@pytest.fixture
def threaded_server() -> Iterator[HTTPServer]:
    """A loopback server that answers the look-up while another request still hangs."""
    server = HTTPServer(threaded=True)
    server.start()
    try:
        yield server
    finally:
        server.clear()
        server.stop()


def test_a_timeout_after_the_post_was_made_on_a_server_without_keys_gets_one_post(
    world: PubWorld, threaded_server: HTTPServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    import threading

    from core.platforms.mastodon import MastodonPublisher

    monkeypatch.setattr(MastodonPublisher, "request_timeout", 0.5)
    fake = FakeMastodon(threaded_server, keep_keys=False)
    answer = threading.Event()
    fake.fail("/api/v1/statuses", Fault(hang_after=answer))
    draft_id = world.approved("mastodon")
    try:
        outcome = world.outbox({"mastodon": fake.base_url}).publish(draft_id)
    finally:
        answer.set()
    assert len(fake.posts) == 1
    assert len(fake.calls("POST", "/api/v1/statuses")) == 1
    assert outcome.reconciled
    assert publication(world, draft_id).state == PublicationState.PUBLISHED.value


def test_a_run_killed_mid_call_and_retried_after_its_claim_expired_gets_one_post(
    world: PubWorld, httpserver: HTTPServer
) -> None:
    """The second run used to resend with the (fresh) key; a server that lost it posted twice."""
    from core.publishing.records import CLAIM_TTL

    fake = FakeMastodon(httpserver, keep_keys=False)
    draft_id = world.approved("mastodon")
    then = datetime.now(UTC) - CLAIM_TTL - timedelta(minutes=1)
    with pytest.raises(Killed):
        world.outbox({"mastodon": fake.base_url}, factory=_dies_after_posting, clock=lambda: then).publish(draft_id)
    assert len(fake.posts) == 1
    row = publication(world, draft_id)
    assert (row.state, row.attempts) == (PublicationState.PENDING.value, 1)
    outcome = world.outbox({"mastodon": fake.base_url}).publish(draft_id)
    assert len(fake.posts) == 1
    assert len(fake.calls("POST", "/api/v1/statuses")) == 1
    assert outcome.reconciled
    assert outcome.post_id == fake.posts[0]["id"]
    assert publication(world, draft_id).state == PublicationState.PUBLISHED.value


def test_a_run_killed_before_the_request_left_is_resent_once_with_the_same_key(
    world: PubWorld, httpserver: HTTPServer
) -> None:
    """Looked first and not found: on a platform that honours keys the same key goes again — one post."""
    from core.publishing.records import CLAIM_TTL

    fake = FakeMastodon(httpserver, keep_keys=False)
    draft_id = world.approved("mastodon")
    box = world.outbox({"mastodon": fake.base_url})
    then = datetime.now(UTC) - CLAIM_TTL - timedelta(minutes=1)
    row = box.records.open_attempt(draft_id, now=then)
    box.records.mark_attempt(row.publication_id, now=then)  # counted, then the process died
    outcome = box.publish(draft_id)
    assert not outcome.reconciled
    assert len(fake.posts) == 1
    (call,) = fake.calls("POST", "/api/v1/statuses")
    assert call.headers["Idempotency-Key"] == row.idempotency_key
    assert len(fake.calls("GET", "/api/v1/accounts/9/statuses")) == 1  # looked before resending


# ---- issue 10.4: the approval verified once, each media file read and hashed once ---------------


def test_one_publish_verifies_the_approval_once_and_reads_and_hashes_each_file_once(
    world: PubWorld, httpserver: HTTPServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    import hashlib

    from sqlalchemy import event

    import core.publishing.preflight
    import core.publishing.records
    import core.signoff.approval
    from core.storage.models import MediaBlob

    fake = FakeMastodon(httpserver)
    draft_id = world.approved("mastodon", image=True)
    with world.store.read() as session:
        draft = session.get(Draft, draft_id)
        assert draft is not None
        (item,) = draft.media
        blob = session.get(MediaBlob, item["sha256"])
        assert blob is not None
        image = bytes(blob.data)

    verifications: list[int] = []
    real_verify = core.signoff.approval.verify_approval

    def counting_verify(*args: object, **kwargs: object) -> object:
        verifications.append(1)
        return real_verify(*args, **kwargs)  # type: ignore[arg-type]

    for module in (core.signoff.approval, core.publishing.preflight, core.publishing.records):
        monkeypatch.setattr(module, "verify_approval", counting_verify)
    hashed: list[int] = []
    real_sha256 = hashlib.sha256

    def counting_sha256(data: bytes = b"", **kwargs: object) -> object:
        if bytes(data) == image:
            hashed.append(1)
        return real_sha256(data, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(hashlib, "sha256", counting_sha256)
    reads: list[str] = []

    def count_reads(_conn: object, _cursor: object, statement: str, *_rest: object) -> None:
        if "media_blob" in statement and statement.lstrip().upper().startswith("SELECT"):
            reads.append(statement)

    event.listen(world.store.engine, "before_cursor_execute", count_reads)
    try:
        world.outbox({"mastodon": fake.base_url}).publish(draft_id)
    finally:
        event.remove(world.store.engine, "before_cursor_execute", count_reads)
    assert len(fake.media) == 1
    assert fake.calls("POST", "/api/v2/media")[0].files["file"][1] == image
    print(f"per publish: {len(verifications)} approval check(s), {len(reads)} blob read(s), {len(hashed)} hash(es)")
    assert (len(verifications), len(reads), len(hashed)) == (1, 1, 1)
