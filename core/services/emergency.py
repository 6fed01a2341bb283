"""The emergency path (緊急, joso:6 / wako:4): disaster information cannot wait for one supervisor.

An operator marks a draft 緊急 with a reason before submitting it. Its
version may then be approved by any supervisor of the organization; and if
the organization enables it, it may be published before approval, with an
after-the-fact review (事後承認) due within a set number of hours.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from core.errors import Conflict, InvalidInput
from core.i18n import tr
from core.lifecycle.states import DraftState
from core.organization.roles import Role
from core.services.base import Service, organization_row
from core.storage.engine import Store
from core.storage.models import Draft, DraftVersion, Organization, utcnow

MAX_POST_REVIEW_HOURS = 24 * 14


@dataclass(frozen=True)
class EmergencyPolicy:
    publish_before_approval: bool
    post_review_hours: int


def load_policy(store: Store) -> EmergencyPolicy:
    with store.read() as session:
        org = organization_row(session)
        return EmergencyPolicy(org.emergency_publish_before_approval, org.post_review_hours)


def before_approval_due(session: Session, draft_id: int, now: datetime | None = None) -> datetime | None:
    """The after-the-fact review deadline if ``draft_id`` may be published *before* approval now; else ``None``.

    Only a submitted (so no longer editable) draft whose newest version is
    marked 緊急, and only when the organization allows it (joso:6 / wako:4).
    """
    org = session.get(Organization, 1)
    draft = session.get(Draft, draft_id)
    if org is None or draft is None or not org.emergency_publish_before_approval:
        return None
    if draft.state != DraftState.SUBMITTED.value:
        return None
    newest = session.scalar(
        select(DraftVersion).where(DraftVersion.draft_id == draft_id).order_by(DraftVersion.number.desc()).limit(1)
    )
    if newest is None or not newest.emergency:
        return None
    return (now or utcnow()) + timedelta(hours=org.post_review_hours)


def can_publish_before_approval(store: Store, draft_id: int) -> bool:
    """Whether the emergency rule lets ``draft_id`` be posted by hand now, before its approval."""
    with store.read() as session:
        return before_approval_due(session, draft_id) is not None


class EmergencyService(Service):
    def mark(self, draft_id: int, reason: str) -> int:
        """Mark the draft 緊急; return its new row version (the composer keeps editing it)."""
        reason = (reason or "").strip()
        if not reason:
            raise InvalidInput(tr("Say why this is an emergency (e.g. evacuation information)."))
        with self.store.write() as session:
            self.authorize(session, Role.OPERATOR)
            draft: Draft = self.get_locked(session, Draft, draft_id, tr("Draft"))
            if not DraftState(draft.state).editable:
                raise Conflict(tr("Mark a draft as an emergency before submitting it."))
            draft.emergency = True
            draft.emergency_reason = reason
            draft.row_version += 1
            self.record(session, "draft.emergency_marked", {"draft_id": draft.id, "reason": reason})
            return draft.row_version

    def clear(self, draft_id: int) -> int:
        with self.store.write() as session:
            self.authorize(session, Role.OPERATOR)
            draft: Draft = self.get_locked(session, Draft, draft_id, tr("Draft"))
            if not DraftState(draft.state).editable:
                raise Conflict(tr("Mark a draft as an emergency before submitting it."))
            if draft.emergency:
                draft.emergency = False
                draft.emergency_reason = None
                draft.row_version += 1
                self.record(session, "draft.emergency_cleared", {"draft_id": draft.id})
            return draft.row_version

    def set_policy(self, policy: EmergencyPolicy) -> None:
        if not 1 <= policy.post_review_hours <= MAX_POST_REVIEW_HOURS:
            raise InvalidInput(
                tr("The after-the-fact review must be due within 1 to {max} hours.").format(max=MAX_POST_REVIEW_HOURS)
            )
        with self.store.write() as session:
            self.authorize(session, Role.ADMINISTRATOR)
            org = session.get(Organization, 1)
            assert org is not None
            before = {"publish_before_approval": org.emergency_publish_before_approval, "hours": org.post_review_hours}
            org.emergency_publish_before_approval = policy.publish_before_approval
            org.post_review_hours = policy.post_review_hours
            after = {"publish_before_approval": policy.publish_before_approval, "hours": policy.post_review_hours}
            if before != after:
                self.record(session, "emergency.policy_changed", {"from": before, "to": after})
