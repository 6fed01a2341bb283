"""Actions offered only when they can succeed: 今すぐ投稿 and 破棄, and 新しい下書き's reason."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from core.lifecycle.actions import ActionKind, DraftSituation, available_actions, find, new_draft_action
from core.lifecycle.states import DraftState
from core.organization.identity import Actor
from core.organization.roles import Role

OPERATOR = Actor(1, "sato", "佐藤 花子", frozenset({Role.OPERATOR}), "t")
ADMIN = Actor(2, "kanri", "管理 一郎", frozenset({Role.ADMINISTRATOR}), "t")
APPROVED = DraftSituation(state=DraftState.APPROVED, api=True, deletable=True)


def _publish_now(situation: DraftSituation) -> tuple[bool, str]:
    action = find(available_actions(situation, OPERATOR), ActionKind.PUBLISH_NOW)
    assert action is not None
    return action.enabled, action.reason


def test_publish_now_waits_for_a_time_ahead_and_needs_a_credential_here() -> None:
    assert _publish_now(APPROVED) == (True, "")
    tomorrow = datetime.now(UTC) + timedelta(days=1)
    enabled, reason = _publish_now(DraftSituation(**{**APPROVED.__dict__, "scheduled_later": tomorrow}))
    assert not enabled
    assert tomorrow.astimezone().strftime("%Y-%m-%d %H:%M") in reason
    enabled, reason = _publish_now(DraftSituation(**{**APPROVED.__dict__, "credential_here": False}))
    assert not enabled
    assert "credential" in reason
    # Posting by hand stays possible without a credential.
    by_hand = find(
        available_actions(DraftSituation(**{**APPROVED.__dict__, "credential_here": False}), OPERATOR),
        ActionKind.POST_BY_HAND,
    )
    assert by_hand is not None
    assert by_hand.enabled


def test_discard_only_before_the_first_submission() -> None:
    fresh = DraftSituation(state=DraftState.DRAFT, api=True, deletable=True, ever_submitted=False)
    assert find(available_actions(fresh, OPERATOR), ActionKind.DISCARD) is not None
    again = DraftSituation(state=DraftState.DRAFT, api=True, deletable=True, ever_submitted=True)
    assert find(available_actions(again, OPERATOR), ActionKind.DISCARD) is None
    assert find(available_actions(fresh, ADMIN), ActionKind.DISCARD) is None


def test_new_draft_says_why_not() -> None:
    assert new_draft_action(OPERATOR, 1).enabled
    admin = new_draft_action(ADMIN, 1)
    assert not admin.enabled
    assert "Settings → Staff" in admin.reason
    no_account = new_draft_action(OPERATOR, 0)
    assert not no_account.enabled
    assert "filed" in no_account.reason


def test_filing_says_why_not() -> None:
    from core.lifecycle.actions import file_policy_action

    assert file_policy_action(ADMIN, missing=0, filed=False).enabled
    assert "3 item(s)" in file_policy_action(ADMIN, missing=3, filed=False).reason
    assert "filed" in file_policy_action(ADMIN, missing=0, filed=True).reason
    assert "administrator" in file_policy_action(OPERATOR, missing=0, filed=False).reason
