"""Read what :func:`core.lifecycle.actions.available_actions` needs to know about one draft."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from core.errors import NotFound, PermissionDenied
from core.i18n import tr
from core.lifecycle.actions import DraftSituation, ReviewSituation, SubmissionCheck
from core.lifecycle.states import DeletionState, DraftState, PublicationState, ReviewDecision
from core.platforms.facts import facts_of
from core.services.emergency import before_approval_due
from core.services.reviews import awaiting_post_review
from core.signoff.authority import require_authority
from core.storage.engine import Store
from core.storage.models import (
    Credential,
    DeletionRequest,
    Draft,
    DraftVersion,
    OfficialAccount,
    Publication,
    Review,
    Staff,
    Terminal,
)

_OPEN_ATTEMPT = (PublicationState.PENDING.value, PublicationState.NEEDS_RECONCILIATION.value)
_OPEN_DELETION = (DeletionState.REQUESTED.value, DeletionState.APPROVED.value)


def load_situation(
    store: Store,
    draft_id: int,
    *,
    version_id: int | None = None,
    submission: SubmissionCheck | None = None,
    terminal_uid: str | None = None,
    reviewer_id: int | None = None,
) -> DraftSituation:
    """The draft's situation; with ``version_id`` also that version's review, with ``submission`` the live checks.

    With ``terminal_uid``, whether that terminal holds the account's credential (publishing now needs it);
    with ``reviewer_id``, whether that person may decide on the version (the rule the decision is held to).
    """
    now = store.now()
    with store.read() as session:
        draft = session.get(Draft, draft_id)
        if draft is None:
            raise NotFound(tr("{what} {id} does not exist.").format(what=tr("Draft"), id=draft_id))
        account = session.get(OfficialAccount, draft.account_id)
        assert account is not None
        of_draft = select(DraftVersion.id).where(DraftVersion.draft_id == draft_id)
        newest = session.scalar(
            select(Publication).where(Publication.version_id.in_(of_draft)).order_by(Publication.id.desc()).limit(1)
        )
        deletion = None
        if newest is not None:
            deletion = session.scalar(
                select(DeletionRequest.state)
                .where(DeletionRequest.publication_id == newest.id, DeletionRequest.state.in_(_OPEN_DELETION))
                .order_by(DeletionRequest.id.desc())
                .limit(1)
            )
        open_attempt = session.scalar(
            select(Publication.id).where(Publication.version_id.in_(of_draft), Publication.state.in_(_OPEN_ATTEMPT))
        )
        ever_submitted = session.scalar(select(DraftVersion.id).where(DraftVersion.draft_id == draft_id).limit(1))
        review = None
        if version_id is not None:
            review = _review(session, draft, version_id, reviewer_id, now)
        facts = facts_of(account.platform)
        deletable = facts is not None and facts.deletable
        held = None
        if terminal_uid is not None:
            held = (
                session.scalar(
                    select(Credential.id)
                    .join(Terminal, Terminal.id == Credential.terminal_id)
                    .where(
                        Terminal.uid == terminal_uid,
                        Credential.account_id == account.id,
                        Credential.removed_at.is_(None),
                    )
                )
                is not None
            )
        later = draft.scheduled_at if draft.scheduled_at is not None and draft.scheduled_at > now else None
        return DraftSituation(
            state=DraftState(draft.state),
            api=facts is not None and facts.api,
            deletable=deletable,
            not_deletable_reason="" if deletable or facts is None else facts.not_deletable_message,
            early_manual=before_approval_due(session, draft_id) is not None,
            publication=PublicationState(newest.state) if newest is not None else None,
            deletion=DeletionState(deletion) if deletion is not None else None,
            open_attempt=open_attempt is not None,
            review=review,
            submission=submission,
            ever_submitted=ever_submitted is not None,
            scheduled_later=later,
            credential_here=held,
        )


def _review(session: Session, draft: Draft, version_id: int, reviewer_id: int | None, now: datetime) -> ReviewSituation:
    version = session.get(DraftVersion, version_id)
    if version is None or version.draft_id != draft.id:
        raise NotFound(tr("{what} {id} does not exist.").format(what=tr("Version"), id=version_id))
    not_theirs = None
    reviewer = session.get(Staff, reviewer_id) if reviewer_id is not None else None
    if reviewer is not None:
        try:
            require_authority(session, reviewer, version, now)
        except PermissionDenied as refused:
            not_theirs = refused.message
    decision = session.scalar(select(Review.decision).where(Review.version_id == version_id))
    latest = session.scalar(select(func.max(DraftVersion.number)).where(DraftVersion.draft_id == draft.id))
    open_for_decision = draft.state == DraftState.SUBMITTED.value or awaiting_post_review(session, version_id)
    return ReviewSituation(
        awaiting_decision=decision is None and version.number == latest and open_for_decision,
        decision=ReviewDecision(decision) if decision is not None else None,
        not_theirs=not_theirs,
    )
