"""The guided start's steps, decided over a snapshot of the organization (no database)."""

from __future__ import annotations

from core.accounts.duties import Duty
from core.organization.onboarding import (
    AccountOnboarding,
    OrganizationState,
    PersonFacts,
    Place,
    StepKind,
    TerminalOnboarding,
    onboarding_steps,
    ready_to_post,
)
from core.organization.roles import Role

ADMIN = PersonFacts(1, "管理 一郎", frozenset({Role.ADMINISTRATOR}))
READY_ACCOUNT = AccountOnboarding(1, "見本市広報 (X)", filed=True, active=True, credential_here=True)
APPROVED = TerminalOnboarding(registered=True, approved=True, scope_all=True)


def _steps(state: OrganizationState) -> dict[StepKind, tuple[bool, tuple[str, ...]]]:
    return {s.kind: (s.done, s.missing) for s in onboarding_steps(state)}


def test_a_fresh_organization_has_every_step_to_do_in_order() -> None:
    steps = onboarding_steps(OrganizationState(people=(ADMIN,), terminal=TerminalOnboarding(registered=True)))
    assert [s.kind for s in steps] == list(StepKind)
    assert not any(s.done for s in steps)
    assert all(s.missing for s in steps)
    account = next(s for s in steps if s.kind is StepKind.ACCOUNT)
    assert account.new_account
    assert account.place is Place.ACCOUNTS
    assert not ready_to_post(steps)


def test_one_person_cannot_be_the_only_operator_and_the_only_supervisor() -> None:
    both = PersonFacts(1, "管理 一郎", frozenset({Role.ADMINISTRATOR, Role.OPERATOR, Role.SUPERVISOR}))
    done, missing = _steps(OrganizationState(people=(both,)))[StepKind.ROLES]
    assert not done
    assert "管理 一郎" in missing[0]
    assert "own draft" in missing[0]
    other = PersonFacts(2, "高橋 美咲", frozenset({Role.SUPERVISOR}))
    assert _steps(OrganizationState(people=(both, other)))[StepKind.ROLES] == (True, ())


def test_account_staff_and_filing_are_told_apart() -> None:
    account = AccountOnboarding(
        1,
        "見本市広報 (X)",
        policy_missing=("ア 発信目的 (joso:3(3)-ア): not written yet",),
        duties_missing=(Duty.MANAGER,),
    )
    steps = _steps(OrganizationState(people=(ADMIN,), accounts=(account,)))
    assert steps[StepKind.ACCOUNT] == (False, ("見本市広報 (X): ア 発信目的 (joso:3(3)-ア): not written yet",))
    assert not steps[StepKind.STAFF][0]
    assert "Operations manager" in steps[StepKind.STAFF][1][0]
    assert "complete the policy" in steps[StepKind.FILING][1][0]
    filed = AccountOnboarding(1, "見本市広報 (X)", filed=True)
    assert "not in operation" in _steps(OrganizationState(accounts=(filed,)))[StepKind.FILING][1][0]


def test_terminal_scope_credential_and_keys() -> None:
    sup = PersonFacts(2, "高橋 美咲", frozenset({Role.SUPERVISOR}))
    op = PersonFacts(3, "佐藤 花子", frozenset({Role.OPERATOR}))
    narrow = TerminalOnboarding(registered=True, approved=True, account_ids=(9,))
    state = OrganizationState(
        people=(ADMIN, sup, op),
        accounts=(AccountOnboarding(1, "見本市広報 (X)", filed=True, active=True),),
        terminal=narrow,
        announced_keys=1,
    )
    steps = _steps(state)
    assert "not for 見本市広報 (X)" in steps[StepKind.TERMINAL][1][0]
    assert not steps[StepKind.CREDENTIAL][0]
    assert steps[StepKind.SIGNING_KEY][1] == (
        "高橋 美咲 (supervisor) has no registered signing key.",
        "1 key(s) created on a computer wait to be registered (Settings → Approval).",
    )
    # A platform posted by hand needs no credential.
    by_hand = AccountOnboarding(1, "見本市 (Instagram)", filed=True, active=True, api=False)
    assert _steps(OrganizationState(accounts=(by_hand,), terminal=APPROVED))[StepKind.CREDENTIAL] == (True, ())


def test_everything_in_place_is_ready_to_post() -> None:
    sup = PersonFacts(2, "高橋 美咲", frozenset({Role.SUPERVISOR}), has_signing_key=True)
    op = PersonFacts(3, "佐藤 花子", frozenset({Role.OPERATOR}))
    state = OrganizationState(people=(ADMIN, sup, op), accounts=(READY_ACCOUNT,), terminal=APPROVED)
    steps = onboarding_steps(state)
    assert ready_to_post(steps)
    assert all(not s.missing for s in steps)


def test_the_account_talked_about_is_the_one_closest_to_ready() -> None:
    draft = AccountOnboarding(1, "準備中 (X)", policy_missing=("x", "y"))
    state = OrganizationState(accounts=(draft, READY_ACCOUNT), terminal=APPROVED)
    assert _steps(state)[StepKind.FILING] == (True, ())


def test_filing_names_the_consultations_still_missing() -> None:
    # wako 運用開始の留意点, joso:3(2): filing is refused until each listed section was consulted.
    waiting = AccountOnboarding(1, "見本市広報 (X)", consultations_missing=("秘書広報課 未協議", "情報推進課 未協議"))
    done, lines = _steps(OrganizationState(accounts=(waiting,)))[StepKind.FILING]
    assert not done
    assert len(lines) == 2
    assert "秘書広報課 未協議" in lines[0]
    assert "情報推進課 未協議" in lines[1]
    consulted = AccountOnboarding(1, "見本市広報 (X)")
    assert "not filed yet" in _steps(OrganizationState(accounts=(consulted,)))[StepKind.FILING][1][0]
