"""The organization's account rules: the ID naming rule (joso:3(3)-ウ) and the password interval (joso:6(1)).

Run on both databases (the ``world`` fixture); the rules are set through the
service, never with raw SQL, and then act on the account and rotation paths.
"""

from __future__ import annotations

import json
import unicodedata
from datetime import timedelta

import pytest

from core.accounts.duties import Duty
from core.accounts.policy import check_handle
from core.accounts.rotation import rotation_reminders
from core.accounts.samples import sample_policy
from core.audit.verify import verify_chain
from core.demo.support import consult_all
from core.errors import InvalidInput, PermissionDenied
from core.services.accounts import AccountService, account_detail, naming_problem
from core.services.audit_log import AuditRow, query_audit
from core.services.drafts import DraftService
from core.services.organization import (
    MAX_ACCOUNT_ID_PATTERN_LENGTH,
    AccountRules,
    OrganizationService,
    ProfileUpdate,
    accounts_outside_rule,
    load_account_rules,
    load_profile,
    try_account_id,
)
from tests.support.world import World

RULE = r"@josokoiki\.[a-z]+"


def _last_entry(world: World) -> AuditRow:
    return query_audit(world.store, limit=1)[0]


def test_administrator_sets_and_clears_the_rules_with_an_audit_entry(world: World) -> None:
    service = OrganizationService(world.store, world.admin)
    assert load_account_rules(world.store) == AccountRules(None, 180)
    assert service.set_account_rules(f"  {RULE} ", 90) == []
    assert load_account_rules(world.store) == AccountRules(RULE, 90)
    entry = _last_entry(world)
    assert entry.event == "organization.updated"
    assert json.loads(entry.payload) == {
        "changes": {
            "account_id_pattern": {"from": None, "to": RULE},
            "rotation_interval_days": {"from": 180, "to": 90},
        },
        "accounts_outside_rule": [],
    }
    # Saving the same values again is no change and leaves no entry.
    service.set_account_rules(RULE, 90)
    assert _last_entry(world).seq == entry.seq
    # An empty rule removes it; the interval alone changing records only the interval.
    service.set_account_rules("", 90)
    assert load_account_rules(world.store).account_id_pattern is None
    cleared = _last_entry(world)
    assert json.loads(cleared.payload)["changes"] == {"account_id_pattern": {"from": RULE, "to": None}}
    service.set_account_rules(None, 365)
    assert json.loads(_last_entry(world).payload) == {"changes": {"rotation_interval_days": {"from": 90, "to": 365}}}
    assert verify_chain(world.store).ok


def test_the_profile_save_carries_the_rules_in_the_same_entry(world: World) -> None:
    service = OrganizationService(world.store, world.admin)
    profile = load_profile(world.store)
    update = ProfileUpdate(
        profile.name,
        profile.own_domains,
        profile.public_phones,
        profile.public_emails,
        profile.postal_addresses,
        account_id_pattern=RULE,
        rotation_interval_days=120,
    )
    before = _last_entry(world).seq
    service.update_profile(update)
    assert load_account_rules(world.store) == AccountRules(RULE, 120)
    entries = [e for e in query_audit(world.store, limit=5) if e.seq > before]
    assert [e.event for e in entries] == ["organization.updated"]
    assert set(json.loads(entries[0].payload)["changes"]) == {"account_id_pattern", "rotation_interval_days"}
    # A caller that knows nothing of the rules (None) leaves them alone.
    service.update_profile(ProfileUpdate("見本市役所", [], [], [], []))
    assert load_account_rules(world.store) == AccountRules(RULE, 120)
    assert set(json.loads(_last_entry(world).payload)["changes"]) == {"name", "own_domains"}


@pytest.mark.parametrize("who", ["op1", "sup", "both"])
def test_only_administrators_change_the_rules(world: World, who: str) -> None:
    actor = getattr(world, who)
    before = _last_entry(world).seq
    with pytest.raises(PermissionDenied):
        OrganizationService(world.store, actor).set_account_rules(RULE, 90)
    profile = load_profile(world.store)
    with pytest.raises(PermissionDenied):
        OrganizationService(world.store, actor).update_profile(
            ProfileUpdate(profile.name, profile.own_domains, [], [], [], account_id_pattern=RULE)
        )
    assert load_account_rules(world.store) == AccountRules(None, 180)
    assert _last_entry(world).seq == before


@pytest.mark.parametrize(
    ("pattern", "message"),
    [
        ("([", "not a valid regular expression"),
        (r"@josokoiki\.[a-z", "not a valid regular expression"),
        ("(?P<x>a)(?P<x>b)", "not a valid regular expression"),
        ("a" * (MAX_ACCOUNT_ID_PATTERN_LENGTH + 1), "too long"),
    ],
)
def test_an_unusable_rule_is_refused(world: World, pattern: str, message: str) -> None:
    before = _last_entry(world).seq
    with pytest.raises(InvalidInput, match=message) as caught:
        OrganizationService(world.store, world.admin).set_account_rules(pattern, 90)
    if "valid" in message:
        assert caught.value.hint is not None
        assert "Technical detail" in caught.value.hint
    with pytest.raises(InvalidInput, match=message):
        accounts_outside_rule(world.store, pattern)
    assert load_account_rules(world.store) == AccountRules(None, 180)
    assert _last_entry(world).seq == before


@pytest.mark.parametrize("days", [0, 6, 731, -180, True])
def test_an_interval_out_of_range_is_refused_with_the_reason(world: World, days: int) -> None:
    with pytest.raises(InvalidInput, match="between 7 and 730 days") as caught:
        OrganizationService(world.store, world.admin).set_account_rules(RULE, days)
    assert "joso:6(1)" in caught.value.message
    assert load_account_rules(world.store) == AccountRules(None, 180)


@pytest.mark.parametrize("days", [7, 730])
def test_the_interval_bounds_are_accepted(world: World, days: int) -> None:
    OrganizationService(world.store, world.admin).set_account_rules(None, days)
    assert load_account_rules(world.store).rotation_interval_days == days


def test_accounts_are_checked_against_the_new_rule(world: World) -> None:
    OrganizationService(world.store, world.admin).set_account_rules(RULE, 180)
    accounts = AccountService(world.store, world.admin)
    # world.account (@josokoiki.koho) follows the rule and stays usable.
    DraftService(world.store, world.op1).create(world.account, "お知らせ")
    bad = accounts.create("x", "@mihon_koho", "見本市", None, url="https://x.com/mihon_koho")
    assert naming_problem(world.store, "@mihon_koho") is not None
    assert any("naming rule" in str(m) for m in account_detail(world.store, bad).missing)
    accounts.set_policy(bad, sample_policy("見本市", "秘書広報課", "048-000-0000"))
    named = [
        (world.admin.staff_id, Duty.MANAGER),
        (world.sup.staff_id, Duty.RESPONSIBLE),
        (world.op1.staff_id, Duty.OPERATOR),
    ]
    accounts.set_staff(bad, named)
    with pytest.raises(InvalidInput, match="naming rule"):
        accounts.file(bad)
    # Correcting the ID through the account service satisfies the rule; the policy can be filed.
    accounts.update(
        bad,
        platform="x",
        handle="@josokoiki.kanko",
        display_name="見本市",
        department_id=None,
        url="https://x.com/josokoiki.kanko",
        verified=False,
    )
    assert naming_problem(world.store, "@josokoiki.kanko") is None
    assert account_detail(world.store, bad).missing == ()
    consult_all(world.store, world.admin, bad)  # wako 運用開始の留意点, joso:3(2)
    accounts.file(bad)


def test_a_new_rule_reports_and_records_the_accounts_it_takes_out_of_use(world: World) -> None:
    narrower = r"@josokoiki\.kanko"
    assert accounts_outside_rule(world.store, narrower) == ["@josokoiki.koho"]
    assert OrganizationService(world.store, world.admin).set_account_rules(narrower, 180) == ["@josokoiki.koho"]
    assert json.loads(_last_entry(world).payload)["accounts_outside_rule"] == [world.account]
    with pytest.raises(InvalidInput, match="naming rule"):
        DraftService(world.store, world.op1).create(world.account, "お知らせ")


def test_rotation_due_dates_follow_the_new_interval(world: World) -> None:
    filed_at = account_detail(world.store, world.account).info.filed_at
    assert filed_at is not None
    later = filed_at + timedelta(days=80)
    # With the default 180 days nothing is due 80 days after filing.
    assert rotation_reminders(world.store, now=later) == []
    OrganizationService(world.store, world.admin).set_account_rules(None, 90)
    [reminder] = rotation_reminders(world.store, now=later)
    assert reminder.account_id == world.account
    assert reminder.due_at == filed_at + timedelta(days=90)
    assert "90" in reminder.reason
    assert not reminder.overdue
    assert rotation_reminders(world.store, now=filed_at + timedelta(days=91))[0].overdue


@pytest.mark.parametrize(
    "sample",
    ["@josokoiki.koho", " @josokoiki.koho ", "@josokoiki.", "@koho", "@josokoiki.koho/x", "@JOSOKOIKI.koho", ""],
)
def test_the_example_helper_agrees_with_the_account_check(sample: str) -> None:
    verdict = try_account_id(RULE, sample)
    if not sample:
        assert verdict.matches is None
        return
    handle = unicodedata.normalize("NFC", sample).strip()
    expected = check_handle(RULE, handle)
    assert verdict.matches is (expected is None)
    if expected is not None:
        assert verdict.message == expected


def test_the_example_helper_explains_when_there_is_nothing_to_decide() -> None:
    assert try_account_id("", "@x").matches is None
    assert "No rule" in try_account_id("  ", "@x").message
    broken = try_account_id("([", "@x")
    assert broken.matches is None
    assert "not a valid regular expression" in broken.message
    assert try_account_id(RULE, "   ").matches is None
    # A composed and a decomposed ID get the same verdict, as the account service cleans both to NFC.
    assert try_account_id("@広報", "@広報").matches is True
    assert try_account_id("@ガ", unicodedata.normalize("NFD", "@ガ")).matches is True
