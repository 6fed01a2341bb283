"""Life-cycle states of the records (stored as their string values)."""

from __future__ import annotations

import enum
from datetime import datetime

from core.i18n import tr


class DraftState(enum.StrEnum):
    DRAFT = "draft"
    SUBMITTED = "submitted"
    RETURNED = "returned"
    APPROVED = "approved"
    REJECTED = "rejected"
    PUBLISHED = "published"
    #: 破棄: a draft never submitted, thrown away; kept in the record with its text.
    DISCARDED = "discarded"

    @property
    def label(self) -> str:
        return {
            DraftState.DISCARDED: tr("Discarded"),
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
        """The decision as a noun (承認 / 差戻し / 却下), never a button's label."""
        return {
            ReviewDecision.APPROVED: tr("Approval"),
            ReviewDecision.RETURNED: tr("Return"),
            ReviewDecision.REJECTED: tr("Rejection"),
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


class NotificationState(enum.StrEnum):
    """A mail in the notification outbox (``core/notify``)."""

    PENDING = "pending"
    SENDING = "sending"  # claimed by one sender; a claim older than CLAIM_TIMEOUT is taken back
    SENT = "sent"
    FAILED = "failed"  # the server refused the address: retrying cannot help

    @property
    def label(self) -> str:
        return {
            NotificationState.PENDING: tr("Mail waiting to be sent"),
            NotificationState.SENDING: tr("Mail being sent"),
            NotificationState.SENT: tr("Mail sent"),
            NotificationState.FAILED: tr("Mail refused by the server"),
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


class ShownState(enum.StrEnum):
    """What a list shows for a draft: its state, told apart by what happened to its newest sending attempt.

    The draft's own states keep their values (a list filters on either); an approved draft is
    予約済み while its time is ahead, 送信中 / 要確認 / 送信失敗 while its newest attempt is so.
    """

    DRAFT = "draft"
    SUBMITTED = "submitted"
    RETURNED = "returned"
    APPROVED = "approved"
    SCHEDULED = "scheduled"
    SENDING = "sending"
    NEEDS_CHECKING = "needs_checking"
    FAILED = "failed"
    PUBLISHED = "published"
    DELETED = "deleted"
    REJECTED = "rejected"
    DISCARDED = "discarded"

    @property
    def label(self) -> str:
        return {
            ShownState.DISCARDED: tr("Discarded"),
            ShownState.DRAFT: tr("Draft"),
            ShownState.SUBMITTED: tr("Awaiting approval"),
            ShownState.RETURNED: tr("Returned"),
            ShownState.APPROVED: tr("Approved"),
            ShownState.SCHEDULED: tr("Scheduled to go out"),
            ShownState.SENDING: tr("Sending"),
            ShownState.NEEDS_CHECKING: tr("Needs checking"),
            ShownState.FAILED: tr("Send failed"),
            ShownState.PUBLISHED: tr("Published"),
            ShownState.DELETED: tr("Deleted"),
            ShownState.REJECTED: tr("Rejected"),
        }[self]


#: An approved draft's newest attempt in one of these states is what the list shows.
ATTEMPT_SHOWN = {
    PublicationState.PENDING: ShownState.SENDING,
    PublicationState.NEEDS_RECONCILIATION: ShownState.NEEDS_CHECKING,
    PublicationState.FAILED: ShownState.FAILED,
}


def shown_state(
    draft: DraftState, newest: PublicationState | None, scheduled_at: datetime | None, now: datetime
) -> ShownState:
    """The one answer to "what state is this draft in?" for people (lists, filters, the queue).

    ``newest`` is the draft's newest publication row; ``now`` the database clock. The SQL of the
    list (:func:`core.services.drafts.shown_state_sql`) says the same; a test holds them together.
    """
    if draft is DraftState.APPROVED:
        if newest in ATTEMPT_SHOWN:
            return ATTEMPT_SHOWN[newest]
        if scheduled_at is not None and scheduled_at > now:
            return ShownState.SCHEDULED
        return ShownState.APPROVED
    if draft is DraftState.SUBMITTED and newest is PublicationState.PUBLISHED:
        return ShownState.PUBLISHED  # 緊急: posted by hand before approval, reviewed afterwards
    if draft is DraftState.PUBLISHED and newest is PublicationState.DELETED:
        return ShownState.DELETED
    return ShownState(draft.value)
