"""An account's life, clause by clause: consultation, review, withdrawal, staff changes, devices (issue 14)."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select, update

from core.accounts.consultation import ConsultOutcome
from core.accounts.continuation import ContinuationDecision, DeletionMethod
from core.accounts.duties import Duty
from core.accounts.lifecycle_rules import RotationOverdue
from core.accounts.samples import sample_policy
from core.audit.verify import verify_chain
from core.demo.support import consult_all, make_ready
from core.errors import Conflict, InvalidInput, PermissionDenied
from core.lifecycle.states import AccountStatus, DraftState, ReviewDecision
from core.publishing.preflight import PublishRefused, check_publish
from core.runtime.bootstrap import Environment
from core.services.account_lifecycle import AccountLifecycleService, list_reviews, overdue_reviews
from core.services.accounts import AccountService, account_detail, list_accounts
from core.services.drafts import DraftService, load_draft_detail
from core.services.organization import LifecycleSettings, OrganizationService, load_lifecycle_settings
from core.services.reviews import ReviewService
from core.services.staff import StaffService
from core.services.terminals import TerminalService
from core.signoff.keys import DemoSigner
from core.storage.models import AuditEntry, Department, OfficialAccount
from core.terminals.approval import TerminalKind
from tests.support.publishing import PubWorld


@pytest.fixture
def world(env: Environment) -> PubWorld:
    return PubWorld(env)


def _events(world: PubWorld, prefix: str) -> list[dict[str, object]]:
    with world.store.read() as session:
        return [
            {"event": e.event, **json.loads(e.payload)}
            for e in session.scalars(
                select(AuditEntry).where(AuditEntry.event.startswith(prefix)).order_by(AuditEntry.seq)
            )
        ]


def _new_account(world: PubWorld, handle: str = "@city_kanko") -> int:
    account = world.accounts.create("x", handle, "見本市観光", None, url=f"https://x.com/{handle[1:]}")
    world.accounts.set_policy(account, sample_policy("見本市観光", "秘書広報課", "048-000-0000"))
    world.accounts.set_staff(account, world.full_staff())
    return account


def _submit_and_approve(world: PubWorld, draft_id: int) -> None:
    drafts = DraftService(world.store, world.op)
    version = drafts.submit(draft_id, make_ready(drafts, draft_id))
    ReviewService(world.store, world.sup).decide(version, ReviewDecision.APPROVED, signer=DemoSigner(world.sup.login))


# ---- 1. consultation before opening (wako 運用開始の留意点, joso:3(2)) ---------------------------------


def test_filing_is_refused_until_every_section_was_consulted(world: PubWorld) -> None:
    account = _new_account(world)
    sections = load_lifecycle_settings(world.store).consult_sections
    assert sections == ("秘書広報課", "情報推進課")  # the guideline's default
    with pytest.raises(InvalidInput) as refused:
        world.accounts.file(account)
    assert all(s in refused.value.message for s in sections)
    lifecycle = AccountLifecycleService(world.store, world.admin)
    now = world.store.now()
    lifecycle.record_consultation(
        account, section="秘書広報課", consulted_at=now, counterpart="秘書広報課長", outcome=ConsultOutcome.AGREED
    )
    lifecycle.record_consultation(
        account,
        section="情報推進課",
        consulted_at=now,
        counterpart="情報推進課 情報システム担当",
        outcome=ConsultOutcome.NOT_AGREED,
        note="セキュリティ対策の説明が不足",
    )
    with pytest.raises(InvalidInput, match="情報推進課"):
        world.accounts.file(account)
    # An operator cannot record a consultation; a future date is refused.
    with pytest.raises(PermissionDenied):
        AccountLifecycleService(world.store, world.op).record_consultation(
            account, section="情報推進課", consulted_at=now, counterpart="x", outcome=ConsultOutcome.AGREED
        )
    with pytest.raises(InvalidInput, match="future"):
        lifecycle.record_consultation(
            account,
            section="情報推進課",
            consulted_at=now + timedelta(days=2),
            counterpart="課長",
            outcome=ConsultOutcome.AGREED,
        )
    lifecycle.record_consultation(
        account, section="情報推進課", consulted_at=now, counterpart="情報推進課長", outcome=ConsultOutcome.CONDITIONS
    )
    world.accounts.file(account)
    detail = account_detail(world.store, account)
    assert [c.outcome for c in detail.consultations] == [
        ConsultOutcome.AGREED,
        ConsultOutcome.NOT_AGREED,
        ConsultOutcome.CONDITIONS,
    ]
    assert [e["section"] for e in _events(world, "account.consulted")][-3:] == [
        "秘書広報課",
        "情報推進課",
        "情報推進課",
    ]
    # The organization's own list replaces the guideline's.
    OrganizationService(world.store, world.admin).set_lifecycle_settings(
        LifecycleSettings(("管理課",), False, 365, 30, RotationOverdue.BLOCK)
    )
    other = _new_account(world, "@city_other")
    with pytest.raises(InvalidInput, match="管理課"):
        world.accounts.file(other)
    assert verify_chain(world.store).ok


# ---- 2. account kind (joso:3(1)) ----------------------------------------------------------------


def test_account_kind_is_recorded_and_shown(world: PubWorld) -> None:
    from core.accounts.kinds import AccountKind

    account = world.accounts.create(
        "x", "@city_bousai", "防災", None, url="https://x.com/city_bousai", kind=AccountKind.FIELD
    )
    info = next(a for a in list_accounts(world.store) if a.id == account)
    assert info.kind is AccountKind.FIELD
    assert next(a for a in list_accounts(world.store) if a.id == world.ids["x"]).kind is AccountKind.OFFICIAL


# ---- 3. continuation review (joso:7(1)) ---------------------------------------------------------


def test_an_overdue_review_is_shown_and_the_review_records_the_facts(world: PubWorld) -> None:
    account = world.ids["x"]
    info = next(a for a in list_accounts(world.store) if a.id == account)
    assert info.review_due_at is not None  # set when it went into operation, a year on
    assert abs((info.review_due_at - info.opened_at - timedelta(days=365)).total_seconds()) < 5  # type: ignore[operator]
    assert not info.review_overdue(world.store.now())
    assert overdue_reviews(world.store) == []
    with world.store.write() as session:
        session.execute(
            update(OfficialAccount)
            .where(OfficialAccount.id == account)
            .values(review_due_at=datetime.now(UTC) - timedelta(days=3))
        )
    info = next(a for a in list_accounts(world.store) if a.id == account)
    assert info.review_overdue(world.store.now())
    assert [row[0] for row in overdue_reviews(world.store)] == [account]
    lifecycle = AccountLifecycleService(world.store, world.sup)  # the 運用責任者 reviews too
    with pytest.raises(InvalidInput, match="prompt withdrawal"):
        lifecycle.review(account, criteria={"e": "投稿が月1回未満"}, decision=ContinuationDecision.CONTINUE)
    with pytest.raises(PermissionDenied):
        AccountLifecycleService(world.store, world.op).review(
            account, criteria={}, decision=ContinuationDecision.CONTINUE
        )
    lifecycle.review(account, criteria={}, decision=ContinuationDecision.CONTINUE, note="目的に沿って運用中")
    reviews = list_reviews(world.store, account)
    assert reviews[0].decision is ContinuationDecision.CONTINUE
    assert reviews[0].facts.posts == 0
    assert reviews[0].facts.inbound is None
    assert overdue_reviews(world.store) == []
    assert _events(world, "account.reviewed")[-1]["decision"] == "continue"


# ---- 4. withdrawal with notice (joso:7(2)) ------------------------------------------------------


def test_withdrawal_needs_a_notice_period_unless_stopped_at_once_with_a_reason(world: PubWorld) -> None:
    account = world.ids["x"]
    lifecycle = AccountLifecycleService(world.store, world.admin)
    with pytest.raises(InvalidInput, match="notice period"):
        lifecycle.start_withdrawal(account, reason="目的達成", notice_days=0)
    with pytest.raises(InvalidInput, match="Withdraw"):
        world.accounts.set_status(account, AccountStatus.DELETED)
    with pytest.raises(InvalidInput, match="reason"):
        lifecycle.stop_now(account, "  ")
    assert next(a for a in list_accounts(world.store) if a.id == account).status is AccountStatus.ACTIVE
    lifecycle.stop_now(account, "乗っ取りのおそれ")
    info = next(a for a in list_accounts(world.store) if a.id == account)
    assert info.status is AccountStatus.STOPPED
    assert info.withdrawal_immediate
    assert info.withdrawal_reason == "乗っ取りのおそれ"
    lifecycle.record_deletion(account, DeletionMethod.URL_GONE)
    assert next(a for a in list_accounts(world.store) if a.id == account).status is AccountStatus.DELETED
    assert [e["event"] for e in _events(world, "account.")][-2:] == ["account.stopped", "account.deleted"]


def test_the_notice_post_is_gated_like_any_post_and_nothing_else_goes_out(world: PubWorld) -> None:
    account = world.ids["x"]
    other_draft = world.approved("x", "通常のお知らせです。")
    lifecycle = AccountLifecycleService(world.store, world.admin)
    notice = lifecycle.start_withdrawal(account, reason="当初の目的を達成", notice_days=30)
    info = next(a for a in list_accounts(world.store) if a.id == account)
    assert info.status is AccountStatus.WITHDRAWAL_NOTICE
    assert info.withdrawal_notice_draft_id == notice
    assert info.withdrawal_ends_at is not None
    assert (info.withdrawal_ends_at - world.store.now()).days in (29, 30)
    detail = load_draft_detail(world.store, notice)
    assert detail.state is DraftState.DRAFT
    assert "運用を終了" in detail.text
    # Not approved yet: refused by the approval gate, like any draft.
    with pytest.raises(PublishRefused):
        check_publish(world.store, world.vault, world.op, notice)
    # The composer's checks and sign-off apply: submitted with the gate, approved with a signature.
    _submit_and_approve(world, notice)
    assert check_publish(world.store, world.vault, world.op, notice) == account
    # Anything else for the account stops.
    with pytest.raises(PublishRefused, match="withdrawn"):
        check_publish(world.store, world.vault, world.op, other_draft)
    refused = [e for e in _events(world, "posting.refused") if e["account_id"] == account]
    assert refused[-1]["reason"] == "account_withdrawing"
    # The deletion is recorded after the notice period only.
    with pytest.raises(Conflict, match="notice period"):
        lifecycle.record_deletion(account, DeletionMethod.MANUAL)
    with world.store.write() as session:
        session.execute(
            update(OfficialAccount)
            .where(OfficialAccount.id == account)
            .values(withdrawal_ends_at=datetime.now(UTC) - timedelta(minutes=1))
        )
    lifecycle.record_deletion(account, DeletionMethod.MANUAL, "設定画面から削除")
    assert verify_chain(world.store).ok


# ---- 5. staff changes (wako:5-カ, joso:6(1)) ----------------------------------------------------


def test_a_department_change_flags_the_accounts_the_person_is_named_on(world: PubWorld) -> None:
    with world.store.write() as session:
        session.add_all([Department(name="秘書広報課"), Department(name="危機管理課")])
    with world.store.read() as session:
        ids = dict(session.execute(select(Department.name, Department.id)).tuples().all())
    staff = StaffService(world.store, world.admin)
    # A first department for someone who had none is data entry, not a move.
    staff.set_department(world.op2.staff_id, ids["秘書広報課"])
    assert not any(a.rotation_required for a in list_accounts(world.store))
    staff.set_department(world.op2.staff_id, ids["危機管理課"])
    flagged = {a.id for a in list_accounts(world.store) if a.rotation_required}
    assert set(world.ids.values()) <= flagged  # everything 鈴木 is named on
    reason = next(a for a in list_accounts(world.store) if a.id == world.ids["x"]).rotation_reason or ""
    assert "鈴木 一郎" in reason
    assert "危機管理課" in reason
    draft = world.approved("x")
    with pytest.raises(PublishRefused, match="password"):
        check_publish(world.store, world.vault, world.op, draft)


def test_deactivation_and_removal_from_staff_flag_too(world: PubWorld) -> None:
    AccountService(world.store, world.admin).set_staff(
        world.ids["x"], [s for s in world.full_staff() if s[0] != world.op2.staff_id]
    )
    assert next(a for a in list_accounts(world.store) if a.id == world.ids["x"]).rotation_required
    assert not next(a for a in list_accounts(world.store) if a.id == world.ids["line"]).rotation_required
    StaffService(world.store, world.admin).set_active(world.op.staff_id, False)
    assert all(a.rotation_required for a in list_accounts(world.store) if a.id in world.ids.values())


def test_an_overdue_periodic_change_blocks_posting_by_default(world: PubWorld) -> None:
    draft = world.approved("x")
    with world.store.write() as session:
        session.execute(
            update(OfficialAccount)
            .where(OfficialAccount.id == world.ids["x"])
            .values(password_changed_at=None, filed_at=datetime.now(UTC) - timedelta(days=200))
        )
    with pytest.raises(PublishRefused, match="periodic password change"):
        check_publish(world.store, world.vault, world.op, draft)
    assert _events(world, "posting.refused")[-1]["reason"] == "rotation_overdue"
    settings = load_lifecycle_settings(world.store)
    assert settings.rotation_overdue is RotationOverdue.BLOCK
    OrganizationService(world.store, world.admin).set_lifecycle_settings(
        LifecycleSettings(
            settings.consult_sections,
            settings.sections_are_default,
            settings.review_interval_days,
            settings.withdrawal_notice_days,
            RotationOverdue.REMIND,
        )
    )
    assert check_publish(world.store, world.vault, world.op, draft) == world.ids["x"]


# ---- 6. private devices (wako:5-conduct, joso:6(2)) ---------------------------------------------


def test_an_exception_device_posts_only_its_categories_after_the_responsible_agreed(world: PubWorld) -> None:
    account = world.ids["x"]
    terminals = TerminalService(world.store, world.admin)
    expiry = datetime.now(UTC) + timedelta(days=30)
    with pytest.raises(InvalidInput, match="expiry"):
        terminals.approve(
            world.terminal_id,
            scope_all=False,
            account_ids=[account],
            kind=TerminalKind.EXCEPTION,
            reason="災害時の庁外対応",
            categories=["emergency"],
            endorser=world.admin_signer,
        )
    with pytest.raises(InvalidInput, match="categories"):
        terminals.approve(
            world.terminal_id,
            scope_all=False,
            account_ids=[account],
            expires_at=expiry,
            kind=TerminalKind.EXCEPTION,
            reason="災害時の庁外対応",
            endorser=world.admin_signer,
        )
    terminals.approve(
        world.terminal_id,
        scope_all=False,
        account_ids=[account],
        expires_at=expiry,
        kind=TerminalKind.EXCEPTION,
        reason="災害時の庁外対応",
        categories=["emergency"],
        endorser=world.admin_signer,
    )
    drafts = DraftService(world.store, world.op)
    event = drafts.create(account, "週末のイベントのお知らせです。")
    drafts.save(event, 1, text="週末のイベントのお知らせです。", category="event")
    _submit_and_approve(world, event)
    # No agreement by the account's 運用責任者 yet: refused, whatever the category.
    with pytest.raises(PublishRefused, match="agreement"):
        check_publish(world.store, world.vault, world.op, event)
    # Only someone named as 運用責任者 / 運用管理者 agrees (an operator on the account cannot).
    with pytest.raises(PermissionDenied, match="person responsible"):
        TerminalService(world.store, world.op).consent(world.terminal_id, account)
    TerminalService(world.store, world.sup).consent(world.terminal_id, account)
    with pytest.raises(PublishRefused, match="category") as refused:
        check_publish(world.store, world.vault, world.op, event)
    assert "災害・緊急" in str(refused.value) or "Disaster" in str(refused.value)
    assert _events(world, "posting.refused")[-1]["reason"] == "category_out_of_scope"
    emergency = drafts.create(account, "【防災】避難所を開設しました。")
    drafts.save(emergency, 1, text="【防災】避難所を開設しました。", category="emergency")
    _submit_and_approve(world, emergency)
    assert check_publish(world.store, world.vault, world.op, emergency) == account
    # A new approval (another expiry) needs a new agreement.
    terminals.approve(
        world.terminal_id,
        scope_all=False,
        account_ids=[account],
        expires_at=expiry + timedelta(days=1),
        kind=TerminalKind.EXCEPTION,
        reason="災害時の庁外対応",
        categories=["emergency"],
        endorser=world.admin_signer,
    )
    with pytest.raises(PublishRefused, match="agreement"):
        check_publish(world.store, world.vault, world.op, emergency)
    assert _events(world, "terminal.exception_agreed")[0]["duty"] == Duty.RESPONSIBLE.value


def test_an_unknown_category_is_refused_when_saving(world: PubWorld) -> None:
    drafts = DraftService(world.store, world.op)
    draft = drafts.create(world.ids["x"], "本文")
    with pytest.raises(InvalidInput, match="category"):
        drafts.save(draft, 1, text="本文", category="gossip")


def test_consult_all_helper_records_every_section(world: PubWorld) -> None:
    account = _new_account(world, "@city_helper")
    consult_all(world.store, world.admin, account)
    world.accounts.file(account)
