"""Set-up, roles, drafts, reviews and separation of duties, on both databases."""

from __future__ import annotations

from dataclasses import replace

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError, IntegrityError

from core.audit.verify import verify_chain
from core.demo.support import make_ready
from core.errors import Conflict, InvalidInput, PermissionDenied
from core.lifecycle.states import DraftState, ReviewDecision
from core.organization.roles import Role
from core.services.drafts import DraftFilter, DraftService, count_drafts, query_drafts
from core.services.organization import OrganizationService, ProfileUpdate, load_profile
from core.services.reviews import ReviewService, pending_reviews
from core.services.setup import initialize, is_initialized
from core.services.staff import StaffService, actor_for
from core.signoff.keys import DemoSigner
from tests.support.world import SETUP, World


def test_setup_creates_organization_and_first_admin(world: World) -> None:
    assert is_initialized(world.store)
    profile = load_profile(world.store)
    assert profile.own_domains == ("city.mihon.lg.jp",)
    assert set(profile.departments) == {"情報推進課", "秘書広報課"}
    assert world.admin.login == "kanri"
    assert world.admin.roles == frozenset({Role.ADMINISTRATOR})
    with pytest.raises(Conflict):
        initialize(world.store, SETUP, login="other", terminal="t")


def test_unknown_and_inactive_logins_have_no_actor(world: World) -> None:
    assert actor_for(world.store, "nobody", "t") is None
    assert actor_for(world.store, r"CITY\Sato", "t") is not None
    StaffService(world.store, world.admin).set_active(world.op1.staff_id, False)
    assert actor_for(world.store, "sato", "t") is None


@pytest.mark.parametrize("who", ["op1", "sup"])
def test_only_administrators_manage_staff(world: World, who: str) -> None:
    with pytest.raises(PermissionDenied):
        StaffService(world.store, getattr(world, who)).create("x", "x", None, [Role.ADMINISTRATOR])


def test_roles_are_checked_against_the_database_not_the_snapshot(world: World) -> None:
    StaffService(world.store, world.admin).set_roles(world.op1.staff_id, [Role.SUPERVISOR])
    with pytest.raises(PermissionDenied):
        DraftService(world.store, world.op1).create(world.account, "x")  # world.op1 still says OPERATOR


def test_a_forged_actor_gains_nothing(world: World) -> None:
    forged = replace(world.op1, roles=frozenset(Role))
    with pytest.raises(PermissionDenied):
        OrganizationService(world.store, forged).update_profile(ProfileUpdate("x", [], [], [], []))


def test_the_last_administrator_cannot_be_removed(world: World) -> None:
    with pytest.raises(Conflict):
        StaffService(world.store, world.admin).set_roles(world.admin.staff_id, [Role.OPERATOR])
    with pytest.raises(Conflict):
        StaffService(world.store, world.admin).set_active(world.admin.staff_id, False)


def test_draft_life_cycle(world: World) -> None:
    drafts = DraftService(world.store, world.op1)
    draft_id = drafts.create(world.account, "市民まつりのお知らせ")
    version = drafts.save(draft_id, 1, text="市民まつりのお知らせ (11月3日)")
    with pytest.raises(Conflict):
        drafts.save(draft_id, 1, text="stale editor")
    version_id = drafts.submit(draft_id, make_ready(drafts, draft_id))
    with pytest.raises(Conflict):
        drafts.save(draft_id, version + 2, text="edit while awaiting approval")
    queue = pending_reviews(world.store)
    assert [item.version_id for item in queue] == [version_id]
    ReviewService(world.store, world.sup).decide(
        version_id, ReviewDecision.RETURNED, "日付を確認してください", signer=DemoSigner(world.sup.login)
    )
    row = query_drafts(world.store, DraftFilter(state=DraftState.RETURNED))[0]
    second = drafts.submit(draft_id, row.row_version)  # acknowledgements and ticks carry over
    assert second != version_id
    ReviewService(world.store, world.sup).decide(second, ReviewDecision.APPROVED, signer=DemoSigner(world.sup.login))
    assert count_drafts(world.store, DraftFilter(state=DraftState.APPROVED)) == 1
    assert verify_chain(world.store).ok


def test_return_and_reject_need_a_comment(world: World) -> None:
    version_id = world.submitted(world.op1)
    with pytest.raises(InvalidInput):
        ReviewService(world.store, world.sup).decide(
            version_id, ReviewDecision.REJECTED, "  ", signer=DemoSigner(world.sup.login)
        )


@pytest.mark.parametrize("who", ["author", "last_editor", "admin_author"])
def test_nobody_approves_their_own_draft(world: World, who: str) -> None:
    if who == "admin_author":
        StaffService(world.store, world.admin).set_roles(
            world.admin.staff_id, [Role.ADMINISTRATOR, Role.OPERATOR, Role.SUPERVISOR]
        )
        author = world.actor(world.admin.staff_id)
        version_id = world.submitted(author)
        reviewer = author
    elif who == "author":
        version_id = world.submitted(world.both)
        reviewer = world.both
    else:
        drafts = DraftService(world.store, world.op1)
        draft_id = drafts.create(world.account, "x")
        DraftService(world.store, world.both).save(draft_id, 1, text="edited by ito")
        version_id = drafts.submit(draft_id, make_ready(DraftService(world.store, world.both), draft_id))
        reviewer = world.both
    with pytest.raises(PermissionDenied):
        ReviewService(world.store, reviewer).decide(
            version_id, ReviewDecision.APPROVED, signer=DemoSigner(reviewer.login)
        )


def test_database_refuses_self_approval_even_without_the_service(world: World) -> None:
    version_id = world.submitted(world.both)
    me = world.both.staff_id
    with pytest.raises(IntegrityError), world.store.write() as session:
        session.execute(
            text(
                "INSERT INTO review (version_id, author_id, last_editor_id, reviewer_id, decision, comment, "
                "content_hash, created_at) VALUES (:v, :me, :me, :me, 'approved', '', 'x', CURRENT_TIMESTAMP)"
            ),
            {"v": version_id, "me": me},
        )
    # Lying about the author in the copied columns is caught by the composite foreign key.
    with pytest.raises(IntegrityError), world.store.write() as session:
        session.execute(
            text(
                "INSERT INTO review (version_id, author_id, last_editor_id, reviewer_id, decision, comment, "
                "content_hash, created_at) VALUES (:v, :other, :other, :me, 'approved', '', 'x', CURRENT_TIMESTAMP)"
            ),
            {"v": version_id, "me": me, "other": world.op1.staff_id},
        )


def test_versions_and_reviews_are_immutable(world: World) -> None:
    version_id = world.submitted(world.op1)
    ReviewService(world.store, world.sup).decide(
        version_id, ReviewDecision.APPROVED, signer=DemoSigner(world.sup.login)
    )
    for statement in (
        "UPDATE draft_version SET text = 'changed'",
        "DELETE FROM review",
        "UPDATE review SET decision = 'rejected'",
    ):
        with pytest.raises(DBAPIError, match="append-only"), world.store.engine.begin() as conn:
            conn.exec_driver_sql(statement)


def test_one_decision_per_version(world: World) -> None:
    version_id = world.submitted(world.op1)
    ReviewService(world.store, world.sup).decide(
        version_id, ReviewDecision.APPROVED, signer=DemoSigner(world.sup.login)
    )
    with pytest.raises(Conflict):
        ReviewService(world.store, world.both).decide(
            version_id, ReviewDecision.REJECTED, "no", signer=DemoSigner(world.both.login)
        )


def test_bad_input_is_explained(world: World) -> None:
    with pytest.raises(InvalidInput, match="required"):
        StaffService(world.store, world.admin).create("   ", "x", None, [])
    with pytest.raises(Conflict):
        StaffService(world.store, world.admin).create("x", "SATO", None, [])
    with pytest.raises(InvalidInput):
        DraftService(world.store, world.op1).submit(DraftService(world.store, world.op1).create(world.account), 1)


def test_profile_update_is_audited(world: World) -> None:
    before = verify_chain(world.store).checked
    OrganizationService(world.store, world.admin).update_profile(
        ProfileUpdate("見本市", ["city.mihon.lg.jp", "mihon-kanko.jp"], ["048-424-9090"], [], [])
    )
    assert load_profile(world.store).own_domains == ("city.mihon.lg.jp", "mihon-kanko.jp")
    assert verify_chain(world.store).checked == before + 1
