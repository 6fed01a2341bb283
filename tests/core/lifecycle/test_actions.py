"""Which actions a person is offered on a draft: per role and state, then read from a real database."""

from __future__ import annotations

from dataclasses import replace

import pytest

from core.lifecycle.actions import (
    ActionKind,
    DraftSituation,
    ReviewSituation,
    SubmissionCheck,
    available_actions,
    sees_pending_reviews,
    shows_publishing,
)
from core.lifecycle.states import DeletionState, DraftState, PublicationState, ReviewDecision
from core.organization.identity import Actor
from core.organization.roles import Role
from core.publishing.records import PublicationService
from core.runtime.bootstrap import Environment
from core.services.drafts import DraftService
from core.services.reviews import ReviewService
from core.services.situations import load_situation
from core.signoff.keys import DemoSigner
from tests.support.publishing import PubWorld

K = ActionKind
OP = frozenset({Role.OPERATOR})
SUP = frozenset({Role.SUPERVISOR})
ADMIN = frozenset({Role.ADMINISTRATOR})
BOTH = OP | SUP


def _actor(roles: frozenset[Role]) -> Actor:
    return Actor(staff_id=7, login="someone", display_name="誰か", roles=roles, terminal="t-1")


def _situation(state: DraftState, **fields: object) -> DraftSituation:
    return replace(DraftSituation(state=state, api=True, deletable=True), **fields)  # type: ignore[arg-type]


PUBLISHED = {"publication": PublicationState.PUBLISHED}
WAITING = {"publication": PublicationState.NEEDS_RECONCILIATION, "open_attempt": True}
READY = {"submission": SubmissionCheck()}

# (case, situation, roles, offered actions as (kind, enabled)) — in the order the screens show them.
CASES: list[tuple[str, DraftSituation, frozenset[Role], list[tuple[ActionKind, bool]]]] = [
    ("draft, nobody editing", _situation(DraftState.DRAFT), OP, [(K.EDIT, True)]),
    ("draft, checks pass", _situation(DraftState.DRAFT, **READY), OP, [(K.EDIT, True), (K.SUBMIT, True)]),
    (
        "draft, a finding to fix",
        _situation(DraftState.DRAFT, submission=SubmissionCheck(("Must be fixed: …",))),
        OP,
        [(K.EDIT, True), (K.SUBMIT, False)],
    ),
    ("returned, checks pass", _situation(DraftState.RETURNED, **READY), OP, [(K.EDIT, True), (K.SUBMIT, True)]),
    ("draft, supervisor", _situation(DraftState.DRAFT, **READY), SUP, []),
    ("draft, administrator", _situation(DraftState.DRAFT, **READY), ADMIN, []),
    ("submitted", _situation(DraftState.SUBMITTED, **READY), OP, [(K.WITHDRAW, True)]),
    ("submitted, supervisor", _situation(DraftState.SUBMITTED), SUP, []),
    (
        "submitted, emergency before approval",
        _situation(DraftState.SUBMITTED, early_manual=True),
        OP,
        [(K.WITHDRAW, True), (K.POST_BY_HAND_BEFORE_APPROVAL, True)],
    ),
    (
        "approved",
        _situation(DraftState.APPROVED),
        OP,
        [(K.TAKE_BACK, True), (K.PUBLISH_NOW, True), (K.POST_BY_HAND, True)],
    ),
    (
        "approved, manual-only platform",
        _situation(DraftState.APPROVED, api=False),
        OP,
        [(K.TAKE_BACK, True), (K.POST_BY_HAND, True)],
    ),
    (
        "approved, attempt sending now",
        _situation(DraftState.APPROVED, publication=PublicationState.PENDING, open_attempt=True),
        OP,
        [(K.TAKE_BACK, False), (K.PUBLISH_NOW, True), (K.POST_BY_HAND, True)],
    ),
    (
        "approved, 要確認",
        _situation(DraftState.APPROVED, **WAITING),
        OP,
        [
            (K.TAKE_BACK, False),
            (K.PUBLISH_NOW, False),
            (K.POST_BY_HAND, False),
            (K.LOOK_FOR_POST, True),
            (K.RECORD_OUTCOME, True),
        ],
    ),
    (
        "approved, 要確認, supervisor",
        _situation(DraftState.APPROVED, **WAITING),
        SUP,
        [(K.LOOK_FOR_POST, True), (K.RECORD_OUTCOME, True)],
    ),
    (
        "approved, failed before",
        _situation(DraftState.APPROVED, publication=PublicationState.FAILED),
        OP,
        [(K.TAKE_BACK, True), (K.PUBLISH_NOW, True), (K.POST_BY_HAND, True)],
    ),
    ("approved, supervisor", _situation(DraftState.APPROVED), SUP, []),
    ("rejected", _situation(DraftState.REJECTED), OP, [(K.COPY_TO_NEW_DRAFT, True)]),
    ("rejected, supervisor", _situation(DraftState.REJECTED), SUP, []),
    (
        "published",
        _situation(DraftState.PUBLISHED, **PUBLISHED),
        OP,
        [(K.START_CORRECTION, True), (K.REQUEST_DELETION, True)],
    ),
    ("published, supervisor", _situation(DraftState.PUBLISHED, **PUBLISHED), SUP, [(K.REQUEST_DELETION, True)]),
    ("published, administrator", _situation(DraftState.PUBLISHED, **PUBLISHED), ADMIN, []),
    (
        "published on LINE",
        _situation(DraftState.PUBLISHED, deletable=False, **PUBLISHED),
        OP,
        [(K.START_CORRECTION, True), (K.REQUEST_DELETION, False)],
    ),
    (
        "published, deletion requested",
        _situation(DraftState.PUBLISHED, deletion=DeletionState.REQUESTED, **PUBLISHED),
        BOTH,
        [(K.START_CORRECTION, True)],
    ),
    (
        "published, deletion approved",
        _situation(DraftState.PUBLISHED, deletion=DeletionState.APPROVED, **PUBLISHED),
        OP,
        [(K.START_CORRECTION, True), (K.CARRY_OUT_DELETION, True), (K.RECORD_DELETED_BY_HAND, True)],
    ),
    (
        "published by hand only, deletion approved",
        _situation(DraftState.PUBLISHED, api=False, deletion=DeletionState.APPROVED, **PUBLISHED),
        SUP,
        [(K.RECORD_DELETED_BY_HAND, True)],
    ),
    (
        "published, then deleted",
        _situation(DraftState.PUBLISHED, publication=PublicationState.DELETED),
        BOTH,
        [(K.START_CORRECTION, True)],
    ),
    (
        "under review",
        _situation(DraftState.SUBMITTED, review=ReviewSituation(awaiting_decision=True)),
        SUP,
        [(K.APPROVE, True), (K.RETURN, True), (K.REJECT, True), (K.SAVE_APPROVAL_RECORD, False)],
    ),
    (
        "reviewed: approved",
        _situation(DraftState.APPROVED, review=ReviewSituation(False, ReviewDecision.APPROVED)),
        SUP,
        [(K.APPROVE, False), (K.RETURN, False), (K.REJECT, False), (K.SAVE_APPROVAL_RECORD, True)],
    ),
    (
        "reviewed: returned",
        _situation(DraftState.RETURNED, review=ReviewSituation(False, ReviewDecision.RETURNED)),
        SUP,
        [(K.APPROVE, False), (K.RETURN, False), (K.REJECT, False), (K.SAVE_APPROVAL_RECORD, False)],
    ),
]


@pytest.mark.parametrize(("situation", "roles", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_offered_actions_per_role_and_state(
    situation: DraftSituation, roles: frozenset[Role], expected: list[tuple[ActionKind, bool]]
) -> None:
    offered = available_actions(situation, _actor(roles))
    assert [(a.kind, a.enabled) for a in offered] == expected
    for action in offered:
        # A disabled action says why; an enabled one has nothing to explain.
        assert bool(action.reason) is not action.enabled


def test_the_reason_a_draft_cannot_be_submitted_is_the_first_blocker() -> None:
    situation = _situation(DraftState.DRAFT, submission=SubmissionCheck(("空の下書きです", "確認が必要です")))
    submit = available_actions(situation, _actor(OP))[1]
    assert (submit.kind, submit.reason) == (K.SUBMIT, "空の下書きです")


def test_disabled_reasons_are_translated() -> None:
    from core import i18n

    previous = i18n.current_language()
    i18n.set_language("ja")
    try:
        waiting = available_actions(_situation(DraftState.APPROVED, **WAITING), _actor(OP))
        assert "要確認" in waiting[1].reason
        assert waiting[1].reason.startswith("前回の送信")
    finally:
        i18n.set_language(previous)


def test_the_publishing_side_shows_for_approved_published_and_early_emergency_drafts() -> None:
    shown = {state for state in DraftState if shows_publishing(_situation(state))}
    assert shown == {DraftState.APPROVED, DraftState.PUBLISHED}
    assert shows_publishing(_situation(DraftState.SUBMITTED, early_manual=True))


def test_the_badge_counts_for_supervisors_and_deputies_and_asks_the_deputy_table_only_when_needed() -> None:
    asked: list[bool] = []

    def deputy() -> bool:
        asked.append(True)
        return True

    assert sees_pending_reviews(_actor(SUP), deputy=deputy)
    assert asked == []
    assert sees_pending_reviews(_actor(OP), deputy=deputy)
    assert not sees_pending_reviews(_actor(OP), deputy=lambda: False)


# ---- read from the database -------------------------------------------------------------------


@pytest.fixture
def world(env: Environment) -> PubWorld:
    return PubWorld(env)


def test_the_situation_follows_a_draft_through_its_life(world: PubWorld) -> None:
    drafts = DraftService(world.store, world.op)
    draft_id = drafts.create(world.ids["mastodon"], "市民まつりは11月3日です。")
    assert load_situation(world.store, draft_id).state is DraftState.DRAFT
    from core.demo.support import make_ready

    version_id = drafts.submit(draft_id, make_ready(drafts, draft_id))
    under_review = load_situation(world.store, draft_id, version_id=version_id)
    assert under_review.review == ReviewSituation(awaiting_decision=True)
    assert under_review.api
    assert under_review.deletable
    signer = DemoSigner(world.sup.login)
    ReviewService(world.store, world.sup).decide(version_id, ReviewDecision.APPROVED, signer=signer)
    approved = load_situation(world.store, draft_id, version_id=version_id)
    assert approved.review == ReviewSituation(False, ReviewDecision.APPROVED)
    assert (approved.state, approved.publication, approved.open_attempt) == (DraftState.APPROVED, None, False)

    publications = PublicationService(world.store, world.op)
    publication_id = publications.record_manual(version_id, "https://city.example/@koho/1", vault=world.vault)
    published = load_situation(world.store, draft_id)
    assert (published.state, published.publication, published.deletion) == (
        DraftState.PUBLISHED,
        PublicationState.PUBLISHED,
        None,
    )
    request_id = publications.request_deletion(publication_id, "誤った日付")
    assert load_situation(world.store, draft_id).deletion is DeletionState.REQUESTED
    PublicationService(world.store, world.sup).decide_deletion(request_id, approve=False, comment="訂正で足りる")
    assert load_situation(world.store, draft_id).deletion is None  # a rejected request is closed
    offered = [a.kind for a in available_actions(load_situation(world.store, draft_id), world.op)]
    assert offered == [K.START_CORRECTION, K.REQUEST_DELETION]


def test_a_line_account_is_not_deletable_and_a_manual_one_has_no_api(world: PubWorld) -> None:
    line = load_situation(world.store, world.approved("line"))
    manual = load_situation(world.store, world.approved("instagram"))
    assert (line.api, line.deletable) == (True, False)
    assert (manual.api, manual.deletable) == (False, True)


def test_an_emergency_post_out_before_approval_awaits_its_review_after_the_fact(world: PubWorld) -> None:
    from core.demo.support import make_ready
    from core.services.emergency import EmergencyPolicy, EmergencyService

    drafts = DraftService(world.store, world.op)
    draft_id = drafts.create(world.ids["instagram"], "【避難指示】見本川の水位が上がっています。")
    EmergencyService(world.store, world.op).mark(draft_id, "避難情報")
    version_id = drafts.submit(draft_id, make_ready(drafts, draft_id))
    assert not load_situation(world.store, draft_id).early_manual  # the organization has not allowed it
    EmergencyService(world.store, world.admin).set_policy(EmergencyPolicy(True, 6))
    early = load_situation(world.store, draft_id)
    assert early.early_manual
    assert [a.kind for a in available_actions(early, world.op)] == [K.WITHDRAW, K.POST_BY_HAND_BEFORE_APPROVAL]

    PublicationService(world.store, world.op).record_manual(
        version_id, "https://www.instagram.com/p/x1", vault=world.vault
    )
    after = load_situation(world.store, draft_id, version_id=version_id)
    assert after.state is DraftState.PUBLISHED
    assert after.review == ReviewSituation(awaiting_decision=True)
    decisions = [(a.kind, a.enabled) for a in available_actions(after, world.sup)][:3]
    assert decisions == [(K.APPROVE, True), (K.RETURN, True), (K.REJECT, True)]
