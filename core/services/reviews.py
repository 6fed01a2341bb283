"""Supervisors' decisions on submitted versions (wako:5-オ: 所属長の了承).

Every decision is signed with the reviewer's registered Ed25519 key over the
version's content hash (:mod:`core.signoff.message`). Who may decide is
:mod:`core.signoff.authority`; separation of duties is enforced there, here
and by the database (``review`` CHECK constraint). One decision per version
(unique index): of two supervisors deciding at the same moment exactly one
wins and the other is told so.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from core.errors import Conflict, InvalidInput, KohoGateError
from core.i18n import tr
from core.lifecycle.states import DraftState, ReviewDecision, ShownState
from core.lifecycle.transitions import move
from core.services.base import Service
from core.services.signing_keys import active_key
from core.signoff.authority import authority_for, require_authority
from core.signoff.keys import Signer, fingerprint, verify_signature
from core.signoff.message import decision_message
from core.storage.engine import Store
from core.storage.models import (
    Draft,
    DraftGroup,
    DraftGroupMember,
    DraftVersion,
    OfficialAccount,
    Publication,
    Review,
    Staff,
)

_NEXT_STATE = {
    ReviewDecision.APPROVED: DraftState.APPROVED,
    ReviewDecision.RETURNED: DraftState.RETURNED,
    ReviewDecision.REJECTED: DraftState.REJECTED,
}


class ReviewService(Service):
    def decide(self, version_id: int, decision: ReviewDecision, comment: str = "", *, signer: Signer) -> int:
        """Record a signed decision on the newest version of a submitted draft.

        Also serves the after-the-fact review (事後承認) of an emergency post
        published before approval: the draft stays published and the review
        is marked ``after_publication``.
        """
        comment = (comment or "").strip()
        if decision is not ReviewDecision.APPROVED and not comment:
            raise InvalidInput(tr("A comment is required to return or reject a draft."))
        with self.store.write() as session:
            reviewer = self.authorize(session)
            return self.decide_in(session, reviewer, version_id, decision, comment, signer=signer)

    def decide_in(
        self,
        session: Session,
        reviewer: Staff,
        version_id: int,
        decision: ReviewDecision,
        comment: str,
        *,
        signer: Signer,
    ) -> int:
        """:meth:`decide` inside the caller's transaction (a group's approvals are one transaction, each signed)."""
        key_fingerprint = fingerprint(signer.public_key)
        version: DraftVersion = self.get_or_404(session, DraftVersion, version_id, tr("Version"))
        draft: Draft = self.get_locked(session, Draft, version.draft_id, tr("Draft"))
        now = self.store.now()
        authority = require_authority(session, reviewer, version, now)
        latest = session.scalar(select(func.max(DraftVersion.number)).where(DraftVersion.draft_id == draft.id))
        post_review = awaiting_post_review(session, version.id)
        if version.number != latest or not (draft.state == DraftState.SUBMITTED.value or post_review):
            raise Conflict(tr("This version is no longer awaiting a decision."))
        key = active_key(session, reviewer.id, key_fingerprint)
        if key is None:
            raise KohoGateError(
                tr(
                    "Your signing key on this computer is not registered, or it was revoked. "
                    "Ask an administrator to register it (fingerprint {fingerprint})."
                ).format(fingerprint=key_fingerprint[:16])
            )
        message = decision_message(
            draft_id=draft.id,
            version_id=version.id,
            content_hash=version.content_hash,
            decision=decision.value,
            reviewer_id=reviewer.id,
            reviewer_login=reviewer.os_login,
            key_fingerprint=key.fingerprint,
            decided_at=now,
            comment=comment,
        )
        signature = signer.sign(message)
        if not verify_signature(key.public_key, message, signature):
            raise KohoGateError(tr("The signature could not be verified with your registered key."))
        review = Review(
            version_id=version.id,
            author_id=version.author_id,
            last_editor_id=version.last_editor_id,
            reviewer_id=reviewer.id,
            decision=decision.value,
            comment=comment,
            content_hash=version.content_hash,
            signature=signature,
            signing_key_id=key.id,
            deputy_for_id=authority.deputy_for_id,
            after_publication=post_review,
            created_at=now,
        )
        session.add(review)
        try:
            session.flush()
        except IntegrityError as exc:
            raise Conflict(tr("Another supervisor has already decided on this version.")) from exc
        if not post_review:
            move(draft, _NEXT_STATE[decision])
        self.record(
            session,
            f"review.{decision.value}",
            {
                "draft_id": draft.id,
                "version_id": version.id,
                "review_id": review.id,
                "content_hash": version.content_hash,
                "comment": comment,
                "key_fingerprint": key.fingerprint,
                "signature": signature,
                "deputy_for_id": authority.deputy_for_id,
                "emergency": authority.emergency,
                "after_publication": post_review,
            },
        )
        return review.id


def awaiting_post_review(session: Any, version_id: int) -> bool:
    """Whether ``version_id`` went out before approval (緊急) and so still takes its after-the-fact review."""
    published = session.scalar(
        select(Publication.id).where(Publication.version_id == version_id, Publication.post_review_due_at.is_not(None))
    )
    return published is not None


# --- the approval queue -------------------------------------------------------


@dataclass(frozen=True)
class PendingItem:
    draft_id: int
    version_id: int
    number: int
    account: str
    platform: str
    author: str
    submitted_at: datetime
    scheduled_at: datetime | None
    excerpt: str
    emergency: bool
    confirm_findings: int = 0
    after_publication: bool = False
    post_review_due_at: datetime | None = None
    can_decide: bool = field(default=True)
    group_id: int | None = None  # 一括作成: drafts of one message for several accounts
    group_title: str = ""

    def overdue(self, now: datetime) -> bool:
        return self.post_review_due_at is not None and self.post_review_due_at < now


def pending_reviews(store: Store, *, reviewer_id: int | None = None, now: datetime | None = None) -> list[PendingItem]:
    """Versions awaiting a decision, oldest first.

    With ``reviewer_id`` only those that person may decide on (their
    department's accounts, emergencies, deputised departments) — never their
    own drafts. Emergency posts already published and awaiting their
    after-the-fact review are included.
    """
    every, theirs = pending_reviews_of(store, reviewer_id, now)
    return every if reviewer_id is None else theirs


def pending_reviews_of(
    store: Store, reviewer_id: int | None, now: datetime | None = None
) -> tuple[list[PendingItem], list[PendingItem]]:
    """Every version awaiting a decision, and those ``reviewer_id`` may decide on, from one query.

    For a reader that needs both (the today board: what waits for me, and every overdue
    after-the-fact review); without ``reviewer_id`` the second list is empty.
    """
    now = now or store.now()
    latest = (
        select(DraftVersion.draft_id, func.max(DraftVersion.number).label("n"))
        .group_by(DraftVersion.draft_id)
        .subquery()
    )
    reviewed = select(Review.version_id)
    # One query for the queue (it runs on every change, to keep the badge current).
    post_review = (
        select(Publication.version_id, func.min(Publication.post_review_due_at).label("due"))
        .where(Publication.post_review_due_at.is_not(None))
        .group_by(Publication.version_id)
        .subquery()
    )
    query = (
        select(
            DraftVersion,
            Draft.state,
            OfficialAccount.handle,
            OfficialAccount.platform,
            Staff.display_name,
            post_review.c.due,
            DraftGroup.id,
            DraftGroup.title,
        )
        .join(latest, (latest.c.draft_id == DraftVersion.draft_id) & (latest.c.n == DraftVersion.number))
        .outerjoin(post_review, post_review.c.version_id == DraftVersion.id)
        .join(Draft, Draft.id == DraftVersion.draft_id)
        .join(OfficialAccount, OfficialAccount.id == DraftVersion.account_id)
        .join(Staff, Staff.id == DraftVersion.author_id)
        .outerjoin(DraftGroupMember, DraftGroupMember.draft_id == DraftVersion.draft_id)
        .outerjoin(DraftGroup, DraftGroup.id == DraftGroupMember.group_id)
        .where(DraftVersion.id.not_in(reviewed))
        .where(Draft.state.in_([DraftState.SUBMITTED.value, DraftState.PUBLISHED.value]))
        .order_by(DraftVersion.created_at, DraftVersion.id)
    )
    every: list[PendingItem] = []
    theirs: list[PendingItem] = []
    with store.read() as session:
        reviewer = session.get(Staff, reviewer_id) if reviewer_id is not None else None
        for version, state, handle, platform, author, due, group_id, group_title in session.execute(query):
            if state == DraftState.PUBLISHED.value and due is None:
                continue
            item = PendingItem(
                draft_id=version.draft_id,
                version_id=version.id,
                number=version.number,
                account=handle,
                platform=platform,
                author=author,
                submitted_at=version.created_at,
                scheduled_at=version.scheduled_at,
                excerpt=" ".join(version.text[:120].split()),
                emergency=version.emergency,
                confirm_findings=sum(1 for f in version.findings if f.get("severity") == "confirm"),
                after_publication=due is not None,
                post_review_due_at=due,
                group_id=group_id,
                group_title=group_title or "",
            )
            every.append(item)
            if reviewer is not None and authority_for(session, reviewer, version, now) is not None:
                theirs.append(item)
    return every, theirs


def overdue_post_reviews(store: Store, now: datetime | None = None) -> list[PendingItem]:
    """Emergency posts whose after-the-fact review is late (shown to administrators in red)."""
    now = now or store.now()
    return [item for item in pending_reviews(store, now=now) if item.overdue(now)]


@dataclass(frozen=True)
class DecisionRow:
    review_id: int
    version_id: int
    draft_id: int
    account: str
    decision: ReviewDecision
    reviewer: str
    decided_at: datetime
    comment: str
    #: Where the draft is now (予約済み, 送信失敗, 要確認, 投稿済み …): what became of the decision.
    now: ShownState | None = None


def recent_decisions(store: Store, *, limit: int = 100) -> list[DecisionRow]:
    """The newest decisions first (for the approval record and a look back), with each draft's state now."""
    from core.services.drafts import shown_state_sql

    shown = shown_state_sql(store.now())
    query = (
        select(Review, DraftVersion.draft_id, OfficialAccount.handle, Staff.display_name, shown)
        .join(DraftVersion, DraftVersion.id == Review.version_id)
        .join(Draft, Draft.id == DraftVersion.draft_id)
        .join(OfficialAccount, OfficialAccount.id == DraftVersion.account_id)
        .join(Staff, Staff.id == Review.reviewer_id)
        .order_by(Review.created_at.desc(), Review.id.desc())
        .limit(limit)
    )
    with store.read() as session:
        return [
            DecisionRow(
                r.id,
                r.version_id,
                draft_id,
                handle,
                ReviewDecision(r.decision),
                name,
                r.created_at,
                r.comment,
                ShownState(state),
            )
            for r, draft_id, handle, name, state in session.execute(query)
        ]
