"""What a person may do with a draft right now: the one place that decides it.

:func:`available_actions` takes a :class:`DraftSituation` (what is known
about the draft, its newest publication and deletion request, the version
under review and the composer's live checks) and the :class:`Actor`, and
returns the actions to offer. An action missing from the result is not
offered at all (wrong state or wrong role); an offered but disabled one
carries the translated reason, for a tooltip or a status line. The screens
only render this list; the services check the same rules again when the
action is taken (two terminals, stale screens).
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime

from core.i18n import tr
from core.lifecycle.states import DeletionState, DraftState, PublicationState, ReviewDecision
from core.organization.identity import Actor
from core.organization.roles import Role


class ActionKind(enum.StrEnum):
    EDIT = "edit"
    SUBMIT = "submit"
    #: Withdraw a submission to edit it again.
    WITHDRAW = "withdraw"
    #: Set an approval aside to edit again (needs a new approval).
    TAKE_BACK = "take_back"
    COPY_TO_NEW_DRAFT = "copy_to_new_draft"
    APPROVE = "approve"
    RETURN = "return"
    REJECT = "reject"
    SAVE_APPROVAL_RECORD = "save_approval_record"
    PUBLISH_NOW = "publish_now"
    POST_BY_HAND = "post_by_hand"
    #: 緊急 with the organization's consent: by hand now, the supervisor reviews afterwards (事後承認).
    POST_BY_HAND_BEFORE_APPROVAL = "post_by_hand_before_approval"
    LOOK_FOR_POST = "look_for_post"
    RECORD_OUTCOME = "record_outcome"
    START_CORRECTION = "start_correction"
    REQUEST_DELETION = "request_deletion"
    CARRY_OUT_DELETION = "carry_out_deletion"
    RECORD_DELETED_BY_HAND = "record_deleted_by_hand"
    #: Start a new draft (the drafts list; not about one draft).
    NEW_DRAFT = "new_draft"
    #: 破棄: throw away a draft that was never submitted (kept in the record with its text).
    DISCARD = "discard"
    #: 届出: file an account's complete operating policy (the accounts screen).
    FILE_POLICY = "file_policy"


@dataclass(frozen=True)
class Action:
    kind: ActionKind
    enabled: bool = True
    #: Why it is disabled (translated); empty when enabled.
    reason: str = ""


@dataclass(frozen=True)
class ReviewSituation:
    """The version a supervisor has open."""

    #: Newest version of a submitted draft (or an emergency post awaiting 事後承認), not decided yet.
    awaiting_decision: bool
    decision: ReviewDecision | None = None
    #: Why the person reading it may not decide on it (their own draft, not the account's supervisor), if so.
    not_theirs: str | None = None


@dataclass(frozen=True)
class SubmissionCheck:
    """What the composer knows right now about submitting: why not, one translated line each."""

    blockers: tuple[str, ...] = ()


@dataclass(frozen=True)
class DraftSituation:
    """Everything the decision needs about one draft (built by :func:`core.services.situations.load_situation`)."""

    state: DraftState
    #: The account's platform is posted to through its API (else only by hand).
    api: bool
    #: A post on this platform can be deleted there (LINE broadcasts cannot).
    deletable: bool
    #: Why not, and what to do instead, when ``deletable`` is false (from the platform's facts).
    not_deletable_reason: str = ""
    #: 緊急 and the organization allows posting by hand before approval, now.
    early_manual: bool = False
    #: The newest publication row of the draft, if any.
    publication: PublicationState | None = None
    #: The open (requested or approved) deletion request of that publication, if any.
    deletion: DeletionState | None = None
    #: Some sending attempt of the draft is pending or 要確認: it must be settled first.
    open_attempt: bool = False
    review: ReviewSituation | None = None
    #: The composer's live checks; ``None`` when nobody is editing (then submitting is not offered).
    submission: SubmissionCheck | None = None
    #: Some version of the draft was submitted once (then it is kept, never discarded).
    ever_submitted: bool = True
    #: The approved time, when it is still ahead (by the database clock): it goes out then, not now.
    scheduled_later: datetime | None = None
    #: This terminal holds a credential for the account (``None``: not asked, e.g. no terminal given).
    credential_here: bool | None = None


_OPERATOR = (Role.OPERATOR,)
_BOOKKEEPING = (Role.OPERATOR, Role.SUPERVISOR)


def _may(actor: Actor, roles: Iterable[Role]) -> bool:
    return any(actor.has(role) for role in roles)


def _action(kind: ActionKind, *reasons: str | None) -> Action:
    """``kind``, disabled with the first reason that applies, if any."""
    reason = next((r for r in reasons if r), None)
    return Action(kind) if reason is None else Action(kind, enabled=False, reason=reason)


def _needs_checking() -> str:
    return tr("An earlier attempt may have gone out: check the account and record what happened first (要確認).")


def _scheduled_reason(later: datetime | None) -> str | None:
    if later is None:
        return None
    return tr(
        "Approved for {time}: it goes out then by itself. To post now, take it back, clear the time and have it "
        "approved again."
    ).format(time=later.astimezone().strftime("%Y-%m-%d %H:%M"))


def _credential_reason(held: bool | None) -> str | None:
    if held is not False:
        return None
    return tr(
        "This terminal holds no credential for the account: store it first (Accounts → Credential on this "
        "terminal…), or post by hand."
    )


def _editing(s: DraftSituation, actor: Actor) -> list[Action]:
    if not _may(actor, _OPERATOR):
        return []
    if s.state.editable:
        found = [Action(ActionKind.EDIT)]
        if s.submission is not None:
            found.append(_action(ActionKind.SUBMIT, *s.submission.blockers))
        if s.state is DraftState.DRAFT and not s.ever_submitted:
            found.append(Action(ActionKind.DISCARD))
        return found
    if s.state in (DraftState.SUBMITTED, DraftState.APPROVED):
        kind = ActionKind.WITHDRAW if s.state is DraftState.SUBMITTED else ActionKind.TAKE_BACK
        open_attempt = (
            tr("A sending attempt for this draft is still open; settle it before taking the draft back.")
            if s.open_attempt
            else None
        )
        return [_action(kind, open_attempt)]
    if s.state is DraftState.REJECTED:
        return [Action(ActionKind.COPY_TO_NEW_DRAFT)]
    return []


def _reviewing(s: DraftSituation) -> list[Action]:
    if s.review is None:
        return []
    decided = None if s.review.awaiting_decision else tr("This version is no longer awaiting a decision.")
    found = [
        _action(kind, decided, s.review.not_theirs)
        for kind in (ActionKind.APPROVE, ActionKind.RETURN, ActionKind.REJECT)
    ]
    not_approved = (
        None if s.review.decision is ReviewDecision.APPROVED else tr("Only an approved version has an approval record.")
    )
    found.append(_action(ActionKind.SAVE_APPROVAL_RECORD, not_approved))
    return found


def _publishing(s: DraftSituation, actor: Actor) -> list[Action]:
    found: list[Action] = []
    waiting = s.publication is PublicationState.NEEDS_RECONCILIATION
    if _may(actor, _OPERATOR):
        if s.state is DraftState.APPROVED and s.api:
            found.append(
                _action(
                    ActionKind.PUBLISH_NOW,
                    _needs_checking() if waiting else None,
                    _scheduled_reason(s.scheduled_later),
                    _credential_reason(s.credential_here),
                )
            )
        if s.state is DraftState.APPROVED:
            found.append(_action(ActionKind.POST_BY_HAND, _needs_checking() if waiting else None))
        elif s.state is DraftState.SUBMITTED and s.early_manual:
            found.append(_action(ActionKind.POST_BY_HAND_BEFORE_APPROVAL, _needs_checking() if waiting else None))
    if waiting and _may(actor, _BOOKKEEPING):
        found += [Action(ActionKind.LOOK_FOR_POST), Action(ActionKind.RECORD_OUTCOME)]
    if s.publication in (PublicationState.PUBLISHED, PublicationState.DELETED) and _may(actor, _OPERATOR):
        found.append(Action(ActionKind.START_CORRECTION))
    if s.publication is PublicationState.PUBLISHED and _may(actor, _BOOKKEEPING):
        found += _deleting(s)
    return found


def _deleting(s: DraftSituation) -> list[Action]:
    if s.deletion is None:
        reason = None if s.deletable else (s.not_deletable_reason or tr("Posts on this platform cannot be deleted."))
        return [_action(ActionKind.REQUEST_DELETION, reason)]
    if s.deletion is not DeletionState.APPROVED:
        return []
    found = []
    if s.api and s.deletable:
        found.append(Action(ActionKind.CARRY_OUT_DELETION))
    found.append(Action(ActionKind.RECORD_DELETED_BY_HAND))
    return found


def available_actions(detail: DraftSituation, actor: Actor) -> tuple[Action, ...]:
    """The actions to offer ``actor`` on the draft described by ``detail``, in the order screens show them."""
    return (*_editing(detail, actor), *_reviewing(detail), *_publishing(detail, actor))


def new_draft_action(actor: Actor, usable_accounts: int) -> Action:
    """新しい下書き: offered to everyone, enabled for an operator once an account is ready for drafts."""
    if not actor.has(Role.OPERATOR):
        if actor.has(Role.ADMINISTRATOR):
            return Action(
                ActionKind.NEW_DRAFT,
                enabled=False,
                reason=tr(
                    "Only an operator (担当者) writes drafts. As administrator, give yourself or someone else "
                    "the operator role under Settings → Staff (Help → Getting started)."
                ),
            )
        return Action(
            ActionKind.NEW_DRAFT,
            enabled=False,
            reason=tr("Only an operator (担当者) writes drafts; ask an administrator for the role."),
        )
    if usable_accounts == 0:
        return Action(
            ActionKind.NEW_DRAFT,
            enabled=False,
            reason=tr(
                "No account is ready for drafts yet: its operating policy must be complete and filed "
                "(Help → Getting started)."
            ),
        )
    return Action(ActionKind.NEW_DRAFT)


def file_policy_action(actor: Actor, *, missing: int, filed: bool) -> Action:
    """届出 for the selected account: enabled for an administrator once the policy is complete and not filed."""
    if not actor.has(Role.ADMINISTRATOR):
        return Action(ActionKind.FILE_POLICY, False, tr("Only an administrator files an operating policy."))
    if filed:
        return Action(ActionKind.FILE_POLICY, False, tr("The policy is filed; a change to it withdraws the filing."))
    if missing:
        return Action(
            ActionKind.FILE_POLICY,
            False,
            tr("{n} item(s) of the policy are still missing: open the account to see which.").format(n=missing),
        )
    return Action(ActionKind.FILE_POLICY)


def find(actions: Iterable[Action], kind: ActionKind) -> Action | None:
    """The action of ``kind`` among ``actions``, or ``None`` when it is not offered."""
    return next((a for a in actions if a.kind is kind), None)


def shows_publishing(detail: DraftSituation) -> bool:
    """Whether the draft has a publishing side to show: approved, published, or 緊急 and postable before approval."""
    return detail.state in (DraftState.APPROVED, DraftState.PUBLISHED) or (
        detail.state is DraftState.SUBMITTED and detail.early_manual
    )


def sees_pending_reviews(actor: Actor, *, deputy: Callable[[], bool]) -> bool:
    """Whether the approvals badge counts decisions for this person: supervisors and named deputies (代理).

    ``deputy`` is asked only for someone who is not a supervisor (it reads the deputy table).
    """
    return actor.has(Role.SUPERVISOR) or deputy()
