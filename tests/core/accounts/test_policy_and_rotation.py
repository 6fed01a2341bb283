"""Operating policy completeness, filing, the naming rule, staff duties and password rotation."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select, update

from core.accounts.continuation import DeletionMethod
from core.accounts.duties import Duty
from core.accounts.policy import POLICY_ITEMS, AccountFacts, check_handle, missing_items
from core.accounts.rotation import rotation_reminders
from core.accounts.samples import sample_policy
from core.accounts.usable import ensure_account_usable
from core.audit.verify import verify_chain
from core.demo.support import consult_all
from core.errors import InvalidInput, PermissionDenied
from core.lifecycle.states import AccountStatus
from core.runtime.bootstrap import Environment
from core.services.account_lifecycle import AccountLifecycleService
from core.services.accounts import AccountService, CredentialService, account_detail, list_accounts
from core.services.staff import StaffService
from core.storage.models import AuditEntry, OfficialAccount, Organization
from tests.support.accounts import Org

STRONG = "correct horse battery staple 42!"


@pytest.fixture
def org(env: Environment) -> Org:
    return Org(env)


def _usable_error(org: Org, account_id: int) -> str | None:
    with org.store.read() as session:
        account = session.get(OfficialAccount, account_id)
        assert account is not None
        try:
            ensure_account_usable(session, account)
        except InvalidInput as exc:
            return exc.message
    return None


def test_policy_items_cover_joso_3_3_a_to_se() -> None:
    assert "".join(i.letter for i in POLICY_ITEMS) == "アイウエオカキクケコサシスセ"
    assert all(i.clause == f"joso:3(3)-{i.letter}" for i in POLICY_ITEMS)
    assert len({i.label for i in POLICY_ITEMS}) == 14


def test_account_is_not_usable_until_policy_is_complete_and_filed(org: Org) -> None:
    accounts = org.accounts
    new = accounts.create("x", "@josokoiki.kosodate", "子育て", None)
    message = _usable_error(org, new)
    assert message is not None
    for text in ("Purpose of posting", "joso:3(3)-ア", "URL", "Operations manager", "filed"):
        assert text in message
    policy = sample_policy("子育て", "子育て支援課", "048")
    del policy["shi"]
    accounts.set_policy(new, policy)
    accounts.update(
        new,
        platform="x",
        handle="@josokoiki.kosodate",
        display_name="子育て",
        department_id=None,
        url="https://x.com/josokoiki.kosodate",
        verified=True,
    )
    accounts.set_staff(new, org.full_staff())
    message = _usable_error(org, new)
    assert message is not None
    assert "Disclaimer" in message
    assert "Purpose" not in message
    with pytest.raises(InvalidInput, match="Disclaimer"):
        accounts.file(new)
    with pytest.raises(InvalidInput, match="cannot go into operation"):
        accounts.set_status(new, AccountStatus.ACTIVE)
    accounts.set_policy(new, sample_policy("子育て", "子育て支援課", "048"))
    assert "filed" in (_usable_error(org, new) or "")
    with pytest.raises(InvalidInput, match="consultation"):
        accounts.file(new)
    consult_all(org.store, org.admin, new)  # wako 運用開始の留意点, joso:3(2)
    accounts.file(new)
    assert _usable_error(org, new) is None
    assert next(a for a in list_accounts(org.store) if a.id == new).usable
    # Changing the policy withdraws the filing: it must be filed again.
    accounts.set_policy(new, {**sample_policy("子育て", "子育て支援課", "048"), "ku": "毎日"})
    assert "filed" in (_usable_error(org, new) or "")
    accounts.file(new)
    # Never opened: its deletion is recorded without a notice period (nothing public to announce).
    AccountLifecycleService(org.store, org.admin).record_deletion(new, DeletionMethod.MANUAL)
    assert "deleted" in (_usable_error(org, new) or "")
    assert verify_chain(org.store).ok


def test_naming_rule(org: Org) -> None:
    assert check_handle(r"@josokoiki\.[a-z]+", "@josokoiki.koho") is None
    assert "naming rule" in (check_handle(r"@josokoiki\.[a-z]+", "@koho") or "")
    assert "not a valid" in (check_handle("([", "@x") or "")
    with org.store.write() as session:
        session.execute(update(Organization).values(account_id_pattern=r"@josokoiki\.[a-z]+"))
    bad = org.accounts.create("x", "@mihon_koho", "見本市", None, url="https://x.com/mihon_koho")
    org.accounts.set_policy(bad, sample_policy("見本市", "課", "1"))
    org.accounts.set_staff(bad, org.full_staff())
    with pytest.raises(InvalidInput, match="naming rule"):
        org.accounts.file(bad)


def test_missing_items_is_pure_data() -> None:
    facts = AccountFacts("x", "@a", "A", "https://a", sample_policy("A", "B", "C"), set(Duty))
    assert missing_items(facts) == []
    lacking = missing_items(AccountFacts("x", "@a", "A", None, {}, {Duty.OPERATOR}))
    assert {m.key for m in lacking} == {i.key for i in POLICY_ITEMS if i.key not in {"i", "u"}}


def test_only_administrators_edit(org: Org) -> None:
    with pytest.raises(PermissionDenied):
        AccountService(org.store, org.op).set_policy(org.account, {})
    with pytest.raises(PermissionDenied):
        AccountService(org.store, org.op).file(org.account)
    with pytest.raises(PermissionDenied):
        CredentialService(org.store, org.op).store_credential(org.vault, org.uid, org.account, "tok-1234567")


def test_removing_a_person_flags_rotation_until_changed_and_stored(org: Org) -> None:
    accounts = org.accounts
    staff = [s for s in org.full_staff() if s[0] != org.op2.staff_id]
    assert accounts.set_staff(org.account, staff) == [org.op2.staff_id]
    detail = account_detail(org.store, org.account)
    assert detail.info.rotation_required
    assert "鈴木" in (detail.info.rotation_reason or "")
    # Changing someone's duty is not a removal.
    swapped = [
        (org.op.staff_id, Duty.RESPONSIBLE) if s == (org.sup.staff_id, Duty.RESPONSIBLE) else s
        for s in org.full_staff()
    ]
    assert accounts.set_staff(org.other, [*swapped, (org.sup.staff_id, Duty.OPERATOR)]) == []
    assert not account_detail(org.store, org.other).info.rotation_required
    # A credential alone does not clear it; a weak password is refused; then change + credential does.
    CredentialService(org.store, org.admin).store_credential(org.vault, org.uid, org.account, "tok-old-123456")
    assert account_detail(org.store, org.account).info.rotation_required
    with pytest.raises(InvalidInput, match="too easy"):
        accounts.confirm_password_change(org.account, "password1")
    assert accounts.confirm_password_change(org.account, STRONG) >= 3
    assert account_detail(org.store, org.account).info.rotation_required
    CredentialService(org.store, org.admin).store_credential(org.vault, org.uid, org.account, "tok-new-123456")
    assert not account_detail(org.store, org.account).info.rotation_required
    with org.store.read() as session:
        events = list(session.scalars(select(AuditEntry.event).order_by(AuditEntry.seq)))
        payloads = " ".join(session.scalars(select(AuditEntry.payload)))
    assert "account.rotation_required" in events
    assert "account.rotation_completed" in events
    assert STRONG not in payloads


def test_deactivating_staff_flags_their_accounts(org: Org) -> None:
    StaffService(org.store, org.admin).set_active(org.op2.staff_id, False)
    assert account_detail(org.store, org.account).info.rotation_required
    assert account_detail(org.store, org.other).info.rotation_required
    with pytest.raises(InvalidInput, match="inactive"):
        org.accounts.set_staff(org.account, org.full_staff())


def test_periodic_rotation_reminders(org: Org) -> None:
    assert rotation_reminders(org.store) == []
    soon = datetime.now(UTC) + timedelta(days=175)
    due = rotation_reminders(org.store, now=soon)
    assert {r.account_id for r in due} == {org.account, org.other}
    assert not any(r.overdue for r in due)
    assert all(r.overdue for r in rotation_reminders(org.store, now=soon + timedelta(days=10)))
    with org.store.write() as session:
        session.execute(update(Organization).values(rotation_interval_days=0))
    assert rotation_reminders(org.store, now=soon) == []
    org.accounts.set_staff(org.account, org.full_staff()[:3])
    assert [r.due_at for r in rotation_reminders(org.store)] == [None]


def test_disclosure_titles_never_name_people(org: Org) -> None:
    titles = account_detail(org.store, org.account).titles()
    assert set(titles) == set(Duty)
    assert not any(name in "".join(titles.values()) for name in ("佐藤", "鈴木", "高橋", "管理"))
