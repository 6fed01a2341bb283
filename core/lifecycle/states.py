"""Life-cycle states of the records (stored as their string values)."""

from __future__ import annotations

import enum

from core.i18n import tr


class DraftState(enum.StrEnum):
    DRAFT = "draft"
    SUBMITTED = "submitted"
    RETURNED = "returned"
    APPROVED = "approved"
    REJECTED = "rejected"
    PUBLISHED = "published"

    @property
    def label(self) -> str:
        return {
            DraftState.DRAFT: tr("Draft"),
            DraftState.SUBMITTED: tr("Awaiting approval"),
            DraftState.RETURNED: tr("Returned"),
            DraftState.APPROVED: tr("Approved"),
            DraftState.REJECTED: tr("Rejected"),
            DraftState.PUBLISHED: tr("Published"),
        }[self]

    @property
    def editable(self) -> bool:
        return self in {DraftState.DRAFT, DraftState.RETURNED}


class ReviewDecision(enum.StrEnum):
    APPROVED = "approved"
    RETURNED = "returned"
    REJECTED = "rejected"

    @property
    def label(self) -> str:
        return {
            ReviewDecision.APPROVED: tr("Approve"),
            ReviewDecision.RETURNED: tr("Return with comments"),
            ReviewDecision.REJECTED: tr("Reject"),
        }[self]


class AccountStatus(enum.StrEnum):
    PREPARING = "preparing"
    ACTIVE = "active"
    PAUSED = "paused"
    # 撤退 announced: only the notice post goes out until the date (joso:7(2)).
    WITHDRAWAL_NOTICE = "withdrawal_notice"
    # Stopped at once (joso:7(2) ただし書き): nothing goes out; the deletion is still to be recorded.
    STOPPED = "stopped"
    DELETED = "deleted"

    @property
    def label(self) -> str:
        return {
            AccountStatus.PREPARING: tr("Preparing"),
            AccountStatus.ACTIVE: tr("In operation"),
            AccountStatus.PAUSED: tr("Paused"),
            AccountStatus.WITHDRAWAL_NOTICE: tr("Withdrawal announced"),
            AccountStatus.STOPPED: tr("Stopped"),
            AccountStatus.DELETED: tr("Deleted"),
        }[self]


class TerminalStatus(enum.StrEnum):
    PENDING = "pending"
    APPROVED = "approved"
    REVOKED = "revoked"

    @property
    def label(self) -> str:
        return {
            TerminalStatus.PENDING: tr("Pending approval"),
            TerminalStatus.APPROVED: tr("Approved"),
            TerminalStatus.REVOKED: tr("Revoked"),
        }[self]


class PublicationState(enum.StrEnum):
    PENDING = "pending"
    PUBLISHED = "published"
    NEEDS_RECONCILIATION = "needs_reconciliation"
    FAILED = "failed"
    DELETED = "deleted"

    @property
    def label(self) -> str:
        return {
            PublicationState.PENDING: tr("Sending"),
            PublicationState.PUBLISHED: tr("Published"),
            PublicationState.NEEDS_RECONCILIATION: tr("Needs checking"),
            PublicationState.FAILED: tr("Failed"),
            PublicationState.DELETED: tr("Deleted"),
        }[self]


class DeletionState(enum.StrEnum):
    REQUESTED = "requested"
    APPROVED = "approved"
    REJECTED = "rejected"
    DONE = "done"

    @property
    def label(self) -> str:
        return {
            DeletionState.REQUESTED: tr("Deletion requested"),
            DeletionState.APPROVED: tr("Deletion approved"),
            DeletionState.REJECTED: tr("Deletion rejected"),
            DeletionState.DONE: tr("Deleted"),
        }[self]


class IncidentState(enum.StrEnum):
    OPEN = "open"  # 対応中
    CONTAINED = "contained"  # 収束
    CLOSED = "closed"  # 終結

    @property
    def label(self) -> str:
        return {
            IncidentState.OPEN: tr("Being handled"),
            IncidentState.CONTAINED: tr("Contained"),
            IncidentState.CLOSED: tr("Closed"),
        }[self]
