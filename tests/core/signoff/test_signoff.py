"""Sign-off: signed approvals bound to the content, authority, deputies, emergencies, concurrency."""

from __future__ import annotations

import threading
from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import text, update

from core.composer.media_store import prepare_image
from core.demo.support import make_ready, poster_png
from core.errors import Conflict, InvalidInput, KohoGateError, PermissionDenied
from core.lifecycle.states import AccountStatus, ReviewDecision
from core.organization.roles import Role
from core.publishing.records import PublicationService
from core.services.deputies import DeputyService
from core.services.drafts import DraftService
from core.services.emergency import EmergencyPolicy, EmergencyService
from core.services.organization import OrganizationService
from core.services.reviews import ReviewService, overdue_post_reviews, pending_reviews
from core.services.signing_keys import SigningKeyService, list_keys, unregistered_announcements
from core.services.staff import StaffService
from core.signoff.approval import ApprovalProblem, verify_approval
from core.signoff.keys import DemoSigner, KeyringSigner, fingerprint
from core.storage.models import Draft, MediaBlob, OfficialAccount, Organization
from tests.support.timeline import SOON
from tests.support.world import World


class MemorySecrets:
    def __init__(self) -> None:
        self.values: dict[str, str] = {}

    def store(self, name: str, secret: str) -> None:
        self.values[name] = secret

    def get(self, name: str) -> str | None:
        return self.values.get(name)


def _move_account(world: World, department_id: int) -> None:
    with world.store.write() as session:
        session.execute(
            update(OfficialAccount).where(OfficialAccount.id == world.account).values(department_id=department_id)
        )


def approve(world: World, version_id: int) -> int:
    return ReviewService(world.store, world.sup).decide(
        version_id, ReviewDecision.APPROVED, signer=DemoSigner(world.sup.login)
    )


def check(world: World, draft_id: int) -> ApprovalProblem:
    with world.store.read() as session:
        return verify_approval(session, draft_id).problem


def approved_draft(world: World, *, with_image: bool = False) -> tuple[int, int]:
    drafts = DraftService(world.store, world.op1)
    draft_id = drafts.create(world.account, "市民まつりは11月3日です。", scheduled_at=SOON)
    if with_image:
        prepared = prepare_image(poster_png(), "poster.png")
        drafts.store_media(prepared)
        item = replace(prepared.item(), alt="市民まつりのポスター")
        drafts.save(
            draft_id,
            1,
            text="市民まつりは11月3日です。",
            media=[item],
            scheduled_at=SOON,
        )
    version_id = drafts.submit(draft_id, make_ready(drafts, draft_id))
    approve(world, version_id)
    return draft_id, version_id


def test_a_signed_approval_verifies(world: World) -> None:
    draft_id, _ = approved_draft(world, with_image=True)
    assert check(world, draft_id) is ApprovalProblem.NONE


@pytest.mark.parametrize(
    ("column", "value"),
    [
        ("text", "市民まつりは11月4日です。"),  # one character
        ("text", "市民まつりは１１月3日です。"),  # full-width digits instead of half-width
        ("text", "市民まつりは11月3日です。 "),  # a trailing space
        ("scheduled_at", datetime(2026, 11, 1, 10, tzinfo=UTC)),
    ],
)
def test_any_edit_after_approval_makes_it_stale(world: World, column: str, value: object) -> None:
    draft_id, version_id = approved_draft(world)
    with world.store.write() as session:
        session.execute(update(Draft).where(Draft.id == draft_id).values({column: value}))
    assert check(world, draft_id) is ApprovalProblem.STALE
    with pytest.raises(Conflict, match="approve it again"):
        PublicationService(world.store, world.op1).record_manual(version_id, "https://x.com/p/1")


def test_a_replaced_image_makes_it_stale(world: World) -> None:
    draft_id, version_id = approved_draft(world, with_image=True)
    with world.store.write() as session:
        sha = session.get(Draft, draft_id).media[0]["sha256"]  # type: ignore[union-attr]
        session.execute(update(MediaBlob).where(MediaBlob.sha256 == sha).values(data=poster_png("別の画像")))
    assert check(world, draft_id) is ApprovalProblem.STALE
    with pytest.raises(Conflict):
        PublicationService(world.store, world.op1).record_manual(version_id, "https://x.com/p/1")


def test_a_rewritten_alt_text_makes_it_stale(world: World) -> None:
    draft_id, _ = approved_draft(world, with_image=True)
    with world.store.write() as session:
        draft = session.get(Draft, draft_id)
        assert draft is not None
        media = [dict(draft.media[0], alt="画像")]
        session.execute(update(Draft).where(Draft.id == draft_id).values(media=media))
    assert check(world, draft_id) is ApprovalProblem.STALE


def test_unchanged_content_publishes(world: World) -> None:
    draft_id, version_id = approved_draft(world)
    PublicationService(world.store, world.op1).record_manual(version_id, "https://x.com/p/1")
    assert check(world, draft_id) is ApprovalProblem.NONE


def test_an_unregistered_key_cannot_decide(world: World) -> None:
    version_id = world.submitted(world.op1)
    with pytest.raises(KohoGateError, match="not registered"):
        ReviewService(world.store, world.sup).decide(version_id, ReviewDecision.APPROVED, signer=DemoSigner("someone"))


def test_a_revoked_key_invalidates_approvals_and_cannot_decide(world: World) -> None:
    draft_id, _ = approved_draft(world)
    key = next(k for k in list_keys(world.store) if k.staff_id == world.sup.staff_id)
    SigningKeyService(world.store, world.admin).revoke(key.id)
    assert check(world, draft_id) is ApprovalProblem.KEY_REVOKED
    with pytest.raises(KohoGateError):
        approve(world, world.submitted(world.op1))


def test_a_forged_signature_is_caught(world: World) -> None:
    draft_id, _ = approved_draft(world)
    with world.store.engine.begin() as conn:
        if world.store.dialect == "sqlite":
            conn.exec_driver_sql("DROP TRIGGER review_no_update")
        else:
            conn.exec_driver_sql("DROP TRIGGER review_no_change ON review")
        conn.execute(text("UPDATE review SET comment = 'forged'"))
    assert check(world, draft_id) is ApprovalProblem.BAD_SIGNATURE


def test_keys_made_on_a_terminal_are_announced_then_registered(world: World) -> None:
    secrets = MemorySecrets()
    service = SigningKeyService(world.store, world.both)
    digest = service.create_and_announce(secrets)
    pending = unregistered_announcements(world.store)
    assert [a.fingerprint for a in pending] == [digest]
    assert "ito" in pending[0].login
    signer = KeyringSigner(secrets, world.both.login)
    assert fingerprint(signer.public_key) == digest
    SigningKeyService(world.store, world.admin).register(world.both.staff_id, pending[0].public_key)
    assert unregistered_announcements(world.store) == []
    version_id = world.submitted(world.op1)
    ReviewService(world.store, world.both).decide(version_id, ReviewDecision.APPROVED, signer=signer)
    with pytest.raises(PermissionDenied):
        SigningKeyService(world.store, world.sup).register(world.sup.staff_id, signer.public_key)


def test_anyone_who_ever_edited_the_draft_cannot_approve_it(world: World) -> None:
    """A supervisor who edited an early revision is barred even after others edit and submit it."""
    from core.signoff.contributors import contributors

    draft_id = DraftService(world.store, world.op1).create(world.account, "図書館は休館します。")
    both = DraftService(world.store, world.both)
    row = both.save(draft_id, 1, text="中央図書館は休館します。")
    op1 = DraftService(world.store, world.op1)
    op1.save(draft_id, row, text="中央図書館は12月1日に休館します。")
    version_id = op1.submit(draft_id, make_ready(op1, draft_id))
    with world.store.read() as session:
        assert contributors(session, draft_id) == {world.op1.staff_id, world.both.staff_id}
    assert version_id not in [p.version_id for p in pending_reviews(world.store, reviewer_id=world.both.staff_id)]
    with pytest.raises(PermissionDenied):
        ReviewService(world.store, world.both).decide(version_id, ReviewDecision.APPROVED, signer=DemoSigner("ito"))
    assert version_id in [p.version_id for p in pending_reviews(world.store, reviewer_id=world.sup.staff_id)]
    approve(world, version_id)


def test_contributor_rows_are_append_only(world: World) -> None:
    draft_id = DraftService(world.store, world.op1).create(world.account, "お知らせ")
    with pytest.raises(Exception, match="append-only"), world.store.write() as session:
        session.execute(text("DELETE FROM draft_contributor WHERE draft_id = :d"), {"d": draft_id})


def test_supervisors_of_other_departments_and_their_deputies(world: World) -> None:
    from core.services.organization import list_departments

    admin_service = OrganizationService(world.store, world.admin)
    koho = admin_service.add_department("広報課")
    bousai = admin_service.add_department("防災課")
    _move_account(world, koho)
    staff = StaffService(world.store, world.admin)
    staff.set_department(world.sup.staff_id, koho)
    staff.set_department(world.both.staff_id, bousai)
    assert {d.name for d in list_departments(world.store)} >= {"広報課", "防災課"}
    version_id = world.submitted(world.op1)
    assert [p.version_id for p in pending_reviews(world.store, reviewer_id=world.both.staff_id)] == []
    with pytest.raises(PermissionDenied):
        ReviewService(world.store, world.both).decide(version_id, ReviewDecision.APPROVED, signer=DemoSigner("ito"))
    now = datetime.now(UTC)
    DeputyService(world.store, world.admin).name(
        world.sup.staff_id, world.both.staff_id, now - timedelta(hours=1), now + timedelta(days=1), "出張"
    )
    assert [p.version_id for p in pending_reviews(world.store, reviewer_id=world.both.staff_id)] == [version_id]
    ReviewService(world.store, world.both).decide(version_id, ReviewDecision.APPROVED, signer=DemoSigner("ito"))


def test_emergency_versions_any_supervisor_and_publish_before_approval(world: World) -> None:
    koho = OrganizationService(world.store, world.admin).add_department("広報課")
    _move_account(world, koho)
    drafts = DraftService(world.store, world.op1)
    draft_id = drafts.create(world.account, "【避難指示】見本川の水位が上がっています。")
    EmergencyService(world.store, world.op1).mark(draft_id, "避難情報")
    version_id = drafts.submit(draft_id, make_ready(drafts, draft_id))
    # Not yet allowed: the organization has not enabled publishing before approval.
    with pytest.raises(Conflict):
        PublicationService(world.store, world.op1).record_manual(version_id, "https://x.com/p/9")
    EmergencyService(world.store, world.admin).set_policy(EmergencyPolicy(True, 6))
    PublicationService(world.store, world.op1).record_manual(version_id, "https://x.com/p/9")
    later = datetime.now(UTC) + timedelta(hours=7)
    assert [i.version_id for i in overdue_post_reviews(world.store, later)] == [version_id]
    # ito supervises no department of this account, but may review an emergency post.
    ReviewService(world.store, world.both).decide(version_id, ReviewDecision.APPROVED, signer=DemoSigner("ito"))
    assert overdue_post_reviews(world.store, later) == []


def test_two_supervisors_at_the_same_moment_one_wins(world: World) -> None:
    version_id = world.submitted(world.op1)
    barrier = threading.Barrier(2)
    outcomes: list[str] = []

    def decide(actor_name: str) -> None:
        actor = getattr(world, actor_name)
        barrier.wait()
        try:
            ReviewService(world.store, actor).decide(
                version_id, ReviewDecision.APPROVED, signer=DemoSigner(actor.login)
            )
            outcomes.append("approved")
        except Conflict as exc:
            outcomes.append(f"conflict: {exc}")

    threads = [threading.Thread(target=decide, args=(name,)) for name in ("sup", "both")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(o.split(":")[0] for o in outcomes) == ["approved", "conflict"]
    with world.store.read() as session:
        count = session.execute(text("SELECT count(*) FROM review WHERE version_id = :v"), {"v": version_id}).scalar()
    assert count == 1


def test_admin_only_policy_changes(world: World) -> None:
    with pytest.raises(PermissionDenied):
        EmergencyService(world.store, world.sup).set_policy(EmergencyPolicy(True, 6))
    with world.store.read() as session:
        assert session.get(Organization, 1).emergency_publish_before_approval is False  # type: ignore[union-attr]
    assert Role.ADMINISTRATOR in world.admin.roles


def test_the_submitter_cannot_approve_either(world: World) -> None:
    """Reviewer's finding: someone who submitted another person's draft approved it."""
    drafts = DraftService(world.store, world.op1)
    draft_id = drafts.create(world.account, "お知らせ")
    row_version = make_ready(drafts, draft_id)
    version_id = DraftService(world.store, world.both).submit(draft_id, row_version)
    with pytest.raises(PermissionDenied):
        ReviewService(world.store, world.both).decide(version_id, ReviewDecision.APPROVED, signer=DemoSigner("ito"))
    approve(world, version_id)  # someone who had no hand in it may


def test_drafts_need_a_usable_account(world: World) -> None:
    """Reviewer's finding: the service created drafts on accounts without a filed policy."""
    from core.errors import InvalidInput
    from core.services.accounts import AccountService

    bare = AccountService(world.store, world.admin).create("x", "@josokoiki.new", "新しいアカウント", None)
    with pytest.raises(InvalidInput):
        DraftService(world.store, world.op1).create(bare, "x")


def test_a_manual_post_needs_an_approved_terminal_and_an_active_account(world: World) -> None:
    """Reviewer's finding: record_manual skipped the terminal and account checks."""
    from core.services.accounts import AccountService
    from core.services.audit_log import query_audit
    from core.services.terminals import TerminalService, terminal_by_uid
    from core.terminals.authorization import PostingRefused

    _, version_id = approved_draft(world)
    AccountService(world.store, world.admin).set_status(world.account, AccountStatus.PAUSED)
    with pytest.raises(PostingRefused):
        PublicationService(world.store, world.op1).record_manual(version_id, "https://x.com/p/1")
    assert query_audit(world.store, limit=1)[0].event == "posting.refused"
    AccountService(world.store, world.admin).set_status(world.account, AccountStatus.ACTIVE)
    local = terminal_by_uid(world.store, world.env.terminal.uid)
    assert local is not None
    TerminalService(world.store, world.admin).revoke(local.id)
    with pytest.raises(PostingRefused):
        PublicationService(world.store, world.op1).record_manual(version_id, "https://x.com/p/1")


def test_an_approved_draft_can_be_taken_back_changed_and_approved_again(world: World) -> None:
    """A missed or wrong post is re-timed or fixed through a new approval, never by editing the old one."""
    from core.lifecycle.states import DraftState
    from core.services.drafts import load_draft_detail

    draft_id, version_id = approved_draft(world)
    drafts = DraftService(world.store, world.op1)
    detail = load_draft_detail(world.store, draft_id)
    with pytest.raises(InvalidInput):
        drafts.reopen(draft_id, detail.row_version, "  ")
    with pytest.raises(PermissionDenied):
        DraftService(world.store, world.sup).reopen(draft_id, detail.row_version, "日時の変更")
    row = drafts.reopen(draft_id, detail.row_version, "日時の変更")
    assert load_draft_detail(world.store, draft_id).state is DraftState.DRAFT
    # Unchanged content is still not publishable: the approval was set aside.
    assert check(world, draft_id) is ApprovalProblem.WITHDRAWN
    with pytest.raises(Conflict):
        PublicationService(world.store, world.op1).record_manual(version_id, "https://x.com/p/1")
    with pytest.raises(Conflict):
        drafts.reopen(draft_id, row, "二度目")
    row = drafts.save(draft_id, row, text="市民まつりは11月4日です。", scheduled_at=SOON + timedelta(days=1))
    second = drafts.submit(draft_id, make_ready(drafts, draft_id))
    assert second != version_id
    approve(world, second)
    assert check(world, draft_id) is ApprovalProblem.NONE


def test_a_submission_can_be_withdrawn_and_leaves_the_queue(world: World) -> None:
    from core.services.audit_log import query_audit
    from core.services.drafts import load_draft_detail

    version_id = world.submitted(world.op1)
    with world.store.read() as session:
        from core.storage.models import DraftVersion

        version = session.get(DraftVersion, version_id)
        assert version is not None
        draft_id = version.draft_id
    assert version_id in [p.version_id for p in pending_reviews(world.store, reviewer_id=world.sup.staff_id)]
    DraftService(world.store, world.op1).reopen(draft_id, load_draft_detail(world.store, draft_id).row_version, "誤字")
    assert version_id not in [p.version_id for p in pending_reviews(world.store, reviewer_id=world.sup.staff_id)]
    entry = query_audit(world.store, limit=1)[0]
    assert entry.event == "draft.reopened"
    assert "誤字" in entry.payload
