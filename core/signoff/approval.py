"""Is this draft's approval still valid for exactly what would be posted?

Publishing calls :func:`verify_approval` before anything is sent. It
recomputes the content hash from the draft as it is now — text, account,
scheduled time, and the SHA-256 of every media file *read back from the
stored bytes* — and compares it with the hash the supervisor signed, then
checks the signature against the supervisor's registered, unrevoked key.
One changed character, a full-width/half-width swap, a replaced image or a
moved time all make the approval stale.
"""

from __future__ import annotations

import enum
import hashlib
from dataclasses import dataclass, replace
from typing import TypedDict

from sqlalchemy import bindparam, func, select
from sqlalchemy.orm import Session, lazyload

from core.composer.media_items import StoredMedia, media_of
from core.i18n import tr
from core.lifecycle.states import DraftState, ReviewDecision
from core.signoff.content_hash import content_hash
from core.signoff.contributors import contributors
from core.signoff.keys import verify_signature
from core.signoff.message import decision_message
from core.storage.locks import get_bare
from core.storage.models import Draft, DraftVersion, MediaBlob, Review, SigningKey, Staff
from core.storage.row_cache import RowCache, cached


class ApprovalProblem(enum.StrEnum):
    NONE = "ok"
    NO_APPROVAL = "no_approval"
    STALE = "stale"
    TAMPERED = "tampered"
    MEDIA_MISSING = "media_missing"
    UNSIGNED = "unsigned"
    KEY_UNKNOWN = "key_unknown"
    KEY_REVOKED = "key_revoked"
    BAD_SIGNATURE = "bad_signature"
    WITHDRAWN = "withdrawn"
    SELF_APPROVAL = "self_approval"
    APPROVER_INACTIVE = "approver_inactive"


@dataclass(frozen=True)
class ApprovalCheck:
    problem: ApprovalProblem
    message: str
    version_id: int | None = None
    review_id: int | None = None
    signing_key_id: int | None = None  # set when the approval verified

    @property
    def ok(self) -> bool:
        return self.problem is ApprovalProblem.NONE


def _media_with_stored_hashes(
    session: Session, media: tuple[StoredMedia, ...], blobs: dict[str, bytes] | None = None
) -> list[StoredMedia] | None:
    """Media items with their SHA-256 recomputed from the stored bytes (None if a file is gone).

    ``blobs``, when given, receives the bytes just hashed under their digest, so that a
    caller about to upload them (the outbox) needs neither to read nor to hash them again.
    """

    def rehashed(digest: str) -> str | None:
        blob = session.get(MediaBlob, digest)
        if blob is None:
            return None
        data = bytes(blob.data)
        actual = hashlib.sha256(data).hexdigest()
        if blobs is not None:
            blobs[actual] = data
        return actual

    items: list[StoredMedia] = []
    for item in media:
        sha256 = rehashed(item.sha256)
        captions = rehashed(item.captions_sha256) if item.captions_sha256 else None
        if sha256 is None or (item.captions_sha256 and captions is None):
            return None
        items.append(replace(item, sha256=sha256, captions_sha256=captions))
    return items


def current_content_hash(session: Session, draft: Draft, blobs: dict[str, bytes] | None = None) -> str | None:
    media = _media_with_stored_hashes(session, media_of(draft.media), blobs)
    if media is None:
        return None
    return content_hash(text=draft.text, account_id=draft.account_id, scheduled_at=draft.scheduled_at, media=media)


def _version_hash(version: DraftVersion) -> str:
    return content_hash(
        text=version.text,
        account_id=version.account_id,
        scheduled_at=version.scheduled_at,
        media=media_of(version.media),
    )


def _version_makers(version: DraftVersion) -> set[int]:
    return {version.author_id, version.last_editor_id, version.submitted_by_id}


# Built once (every publish asks): building the statement cost more than running it.
_NEWEST_REVIEWED = (
    select(DraftVersion, Review)
    .outerjoin(Review, Review.version_id == DraftVersion.id)
    .where(DraftVersion.draft_id == bindparam("draft_id"))
    .order_by(DraftVersion.number.desc())
    .limit(1)
    .options(lazyload(Review.reviewer))
)


def verify_approval(
    session: Session, draft_id: int, *, blobs: dict[str, bytes] | None = None, rows: RowCache | None = None
) -> ApprovalCheck:
    """The approval check; ``blobs`` collects the media bytes read and hashed on the way.

    ``rows``: the approver and the signing key as a run of ``publish-due`` already
    read them (see :mod:`core.storage.row_cache`); the draft, its version, the
    review and the contributors are always read here.
    """
    draft = get_bare(session, Draft, draft_id)
    if draft is None:
        return ApprovalCheck(ApprovalProblem.NO_APPROVAL, tr("The draft does not exist."))
    # The newest version and its review in one query; the reviewer is read once below, not joined here as well.
    found = session.execute(_NEWEST_REVIEWED, {"draft_id": draft.id}).first()
    version, review = (found[0], found[1]) if found is not None else (None, None)
    if version is None or review is None or review.decision != ReviewDecision.APPROVED.value:
        return ApprovalCheck(ApprovalProblem.NO_APPROVAL, tr("The newest version of this draft is not approved."))
    ids = _Ids(version_id=version.id, review_id=review.id)
    problem = _content_problem(session, draft, version, review, ids, blobs)
    if problem is None:
        reviewer_id = review.reviewer_id
        reviewer = cached(rows, session, Staff, reviewer_id, lambda: get_bare(session, Staff, reviewer_id))
        problem = _approver_problem(session, draft, version, review, reviewer, ids)
        if problem is None:
            problem = _signature_problem(session, draft, version, review, reviewer, ids, rows)
    return problem or ApprovalCheck(
        ApprovalProblem.NONE,
        tr("Approved and signed for exactly this content."),
        **ids,
        signing_key_id=review.signing_key_id,
    )


class _Ids(TypedDict):
    version_id: int
    review_id: int


def _content_problem(
    session: Session,
    draft: Draft,
    version: DraftVersion,
    review: Review,
    ids: _Ids,
    blobs: dict[str, bytes] | None,
) -> ApprovalCheck | None:
    """Is the approved content still exactly what would be posted?"""
    if DraftState(draft.state).editable:
        # Taken back for editing (DraftService.reopen): even unchanged, it waits for a new approval.
        return ApprovalCheck(
            ApprovalProblem.WITHDRAWN, tr("The draft was taken back for editing; submit it for approval again."), **ids
        )
    if _version_hash(version) != version.content_hash or review.content_hash != version.content_hash:
        return ApprovalCheck(
            ApprovalProblem.TAMPERED, tr("The approved version was altered in the database after approval."), **ids
        )
    current = current_content_hash(session, draft, blobs)
    if current is None:
        return ApprovalCheck(ApprovalProblem.MEDIA_MISSING, tr("An approved image or video file is missing."), **ids)
    if current != review.content_hash:
        return ApprovalCheck(
            ApprovalProblem.STALE,
            tr("The content changed after approval (text, time, images or their descriptions): approve it again."),
            **ids,
        )
    return None


def _approver_problem(
    session: Session, draft: Draft, version: DraftVersion, review: Review, reviewer: Staff | None, ids: _Ids
) -> ApprovalCheck | None:
    """May this approver's decision count: not a maker of the draft, still active?"""
    if review.reviewer_id in contributors(session, draft.id) | _version_makers(version):
        # Separation of duties once more at publish time: the row may have come from outside the service.
        return ApprovalCheck(
            ApprovalProblem.SELF_APPROVAL,
            tr("The approver contributed to this draft; someone who did not make it must approve it."),
            **ids,
        )
    if reviewer is not None and not reviewer.active:
        # A deactivated person's approval stops counting before publication (README: deactivation).
        return ApprovalCheck(
            ApprovalProblem.APPROVER_INACTIVE,
            tr("The approver {name} has been deactivated; the draft needs a new approval.").format(
                name=reviewer.display_name
            ),
            **ids,
        )
    return None


def _signature_problem(
    session: Session,
    draft: Draft,
    version: DraftVersion,
    review: Review,
    reviewer: Staff | None,
    ids: _Ids,
    rows: RowCache | None = None,
) -> ApprovalCheck | None:
    """Is the decision signed with the approver's registered, unrevoked key?"""
    key_id = review.signing_key_id
    if not review.signature or key_id is None:
        return ApprovalCheck(ApprovalProblem.UNSIGNED, tr("The approval is not signed."), **ids)
    key = cached(rows, session, SigningKey, key_id, lambda: session.get(SigningKey, key_id))
    if key is None or reviewer is None or key.staff_id != review.reviewer_id:
        return ApprovalCheck(
            ApprovalProblem.KEY_UNKNOWN, tr("The approval was signed with a key not registered to the approver."), **ids
        )
    if key.revoked_at is not None:
        return ApprovalCheck(ApprovalProblem.KEY_REVOKED, tr("The approver's signing key has been revoked."), **ids)
    message = decision_message(
        draft_id=draft.id,
        version_id=version.id,
        content_hash=review.content_hash,
        decision=review.decision,
        reviewer_id=reviewer.id,
        reviewer_login=reviewer.os_login,
        key_fingerprint=key.fingerprint,
        decided_at=review.created_at,
        comment=review.comment,
    )
    if not verify_signature(key.public_key, message, review.signature):
        return ApprovalCheck(ApprovalProblem.BAD_SIGNATURE, tr("The approval's signature does not match."), **ids)
    return None


def unpublished_approvals_by(session: Session, staff_id: int) -> list[int]:
    """Drafts approved by ``staff_id`` and not yet published: their approvals stop counting on deactivation."""
    latest = (
        select(DraftVersion.draft_id, func.max(DraftVersion.number).label("number"))
        .group_by(DraftVersion.draft_id)
        .subquery()
    )
    rows = session.scalars(
        select(Draft.id)
        .join(DraftVersion, DraftVersion.draft_id == Draft.id)
        .join(latest, (latest.c.draft_id == DraftVersion.draft_id) & (latest.c.number == DraftVersion.number))
        .join(Review, Review.version_id == DraftVersion.id)
        .where(
            Draft.state == DraftState.APPROVED.value,
            Review.reviewer_id == staff_id,
            Review.decision == ReviewDecision.APPROVED.value,
        )
        .order_by(Draft.id)
    )
    return list(rows)
