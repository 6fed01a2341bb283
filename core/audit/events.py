"""Names of audit events for people (the codes stay in the record and the CSV export)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from enum import Enum

from core.i18n import tr

_LABELS: dict[str, Callable[[], str]] = {
    "organization.created": lambda: tr("Organization set up"),
    "organization.updated": lambda: tr("Organization profile changed"),
    "department.created": lambda: tr("Department added"),
    "staff.created": lambda: tr("Staff added"),
    "staff.roles_changed": lambda: tr("Roles changed"),
    "staff.activated": lambda: tr("Staff reactivated"),
    "staff.deactivated": lambda: tr("Staff deactivated"),
    "staff.department_changed": lambda: tr("Staff moved to another department"),
    "staff.renamed": lambda: tr("Staff name corrected"),
    "checks.configured": lambda: tr("Check settings changed"),
    "account.created": lambda: tr("Account added"),
    "account.updated": lambda: tr("Account changed"),
    "account.policy_updated": lambda: tr("Operating policy changed"),
    "account.policy_filed": lambda: tr("Operating policy filed"),
    "account.filing_withdrawn": lambda: tr("Filing withdrawn"),
    "account.staff_changed": lambda: tr("Account staff changed"),
    "account.status_changed": lambda: tr("Account status changed"),
    "account.rotation_required": lambda: tr("Password change required"),
    "account.password_changed": lambda: tr("Platform password changed"),
    "account.rotation_completed": lambda: tr("Password change completed"),
    "account.consulted": lambda: tr("Consultation before opening recorded"),
    "account.reviewed": lambda: tr("Continuation review recorded"),
    "account.withdrawal_started": lambda: tr("Withdrawal announced (notice period started)"),
    "account.withdrawal_cancelled": lambda: tr("Withdrawal called off"),
    "account.stopped": lambda: tr("Account stopped at once"),
    "account.deleted": lambda: tr("Account deletion recorded"),
    "terminal.exception_agreed": lambda: tr("Exception device agreed by the person responsible"),
    "account.locked": lambda: tr("Account locked (incident)"),
    "account.unlocked": lambda: tr("Account unlocked"),
    "organization.paused": lambda: tr("All scheduled posting paused"),
    "organization.resumed": lambda: tr("Scheduled posting resumed"),
    "incident.reported": lambda: tr("Incident reported"),
    "incident.evidence_added": lambda: tr("Incident evidence recorded"),
    "incident.state_changed": lambda: tr("Incident state changed"),
    "incident.reported_to_section": lambda: tr("Incident reported to the section"),
    "incident.platform_reported": lambda: tr("Incident reported to the platform"),
    "incident.police_consulted": lambda: tr("Police consulted about an incident"),
    "incident.notice_published": lambda: tr("Incident notice published"),
    "incident.credential_changed": lambda: tr("Password changed after an incident"),
    "incident.posts_compared": lambda: tr("Account's posts compared after an incident"),
    "incident.response_posted": lambda: tr("Response to an incident posted"),
    "incident.note": lambda: tr("Incident note"),
    "incident.closed": lambda: tr("Incident closed"),
    "incident.suspect_added": lambda: tr("Impersonating account recorded"),
    "incident.warning_drafted": lambda: tr("Warning post drafted from an incident"),
    "credential.stored": lambda: tr("Credential stored on a terminal"),
    "credential.removed": lambda: tr("Credential removed from a terminal"),
    "terminal.registered": lambda: tr("Terminal registered"),
    "terminal.approved": lambda: tr("Terminal approved"),
    "terminal.revoked": lambda: tr("Terminal approval revoked"),
    "terminal.status_changed": lambda: tr("Terminal status changed"),
    "terminal.key_registered": lambda: tr("Terminal key registered"),
    "terminal.key_reset": lambda: tr("Terminal key reset"),
    "terminal.anchors_pinned": lambda: tr("Administrator keys pinned on a terminal"),
    "draft.created": lambda: tr("Draft created"),
    "draft.saved": lambda: tr("Draft saved"),
    "draft.editing_ended": lambda: tr("Editing of a draft ended"),
    "draft.submitted": lambda: tr("Submitted for approval"),
    "draft.emergency_marked": lambda: tr("Marked as emergency"),
    "draft.emergency_cleared": lambda: tr("Emergency mark removed"),
    "draft.correction_created": lambda: tr("Correction started"),
    "media.stored": lambda: tr("Image or video stored"),
    "review.approved": lambda: tr("Approval (signed)"),
    "review.returned": lambda: tr("Returned with comments (signed)"),
    "review.rejected": lambda: tr("Rejection (signed)"),
    "signing_key.created": lambda: tr("Signing key created"),
    "signing_key.registered": lambda: tr("Signing key registered"),
    "signing_key.endorsed": lambda: tr("Signing key endorsed by an administrator"),
    "signing_key.revoked": lambda: tr("Signing key revoked"),
    "deputy.named": lambda: tr("Deputy named"),
    "deputy.revoked": lambda: tr("Deputy ended"),
    "emergency.policy_changed": lambda: tr("Emergency rules changed"),
    "posting.authorized": lambda: tr("Posting authorised on this terminal"),
    "posting.refused": lambda: tr("Posting refused"),
    "publishing.refused": lambda: tr("Publishing refused"),
    "publication.queued": lambda: tr("Post queued"),
    "publication.attempt": lambda: tr("Sending attempt"),
    "draft.reopened": lambda: tr("Draft taken back for editing"),
    "draft.rescheduled": lambda: tr("Post moved to another time"),
    "draft.duplicated": lambda: tr("New draft copied from another"),
    "draft.discarded": lambda: tr("Draft discarded (破棄)"),
    "terminal.moved": lambda: tr("Terminal identity seen on another machine"),
    "publication.claim_released": lambda: tr("Sending stopped before the call"),
    "publication.published": lambda: tr("Post published"),
    "publication.recorded": lambda: tr("Manual post recorded"),
    "publication.failed": lambda: tr("Sending failed"),
    "publication.needs_check": lambda: tr("Needs checking (要確認)"),
    "publication.resolved_posted": lambda: tr("Checked: it was posted"),
    "publication.resolved_not_posted": lambda: tr("Checked: it was not posted"),
    "publication.missed_window": lambda: tr("Scheduled time missed"),
    "publication.deletion_started": lambda: tr("Deletion started"),
    "publication.deleted": lambda: tr("Post deleted"),
    "deletion.requested": lambda: tr("Deletion requested"),
    "deletion.approved": lambda: tr("Deletion approved"),
    "deletion.rejected": lambda: tr("Deletion rejected"),
    "audit.checkpoint": lambda: tr("Audit checkpoint signed"),
    "inbound.read": lambda: tr("Replies read from a platform"),
    "inbound.evidence_kept": lambda: tr("Reply kept as evidence"),
    "inbound.hidden": lambda: tr("Reply hidden on the platform"),
    "inbound.deleted": lambda: tr("Reply deleted on the platform"),
    "inbound.blocked": lambda: tr("Author of a reply blocked"),
    "inbound.muted": lambda: tr("Author of a reply muted"),
    "inbound.reported": lambda: tr("Reply reported to the platform"),
    "inbound.handled": lambda: tr("Reply marked handled"),
    "inbound.escalated": lambda: tr("Reply escalated to an incident"),
    "inbound.reply_drafted": lambda: tr("Answer to a reply drafted"),
    "inbound.spike_detected": lambda: tr("炎上 suspected: replies far above normal"),
    "inbound.spike_ended": lambda: tr("炎上 episode calmed down"),
    "inbound.spike_escalated": lambda: tr("炎上 episode opened as an incident"),
    "inbound.purged": lambda: tr("Old replies deleted (retention)"),
    "inbound.settings_changed": lambda: tr("Reply settings changed"),
    "mail.settings_changed": lambda: tr("Mail server settings changed"),
    "mail.password_stored": lambda: tr("Mail password stored on a terminal"),
    "staff.mail_changed": lambda: tr("E-mail address or notification mode changed"),
    "template.created": lambda: tr("Template added to the library"),
    "template.updated": lambda: tr("Template changed"),
    "template.retired": lambda: tr("Template retired"),
    "group.created": lambda: tr("Drafts composed for several accounts"),
    "group.submitted": lambda: tr("Group of drafts submitted together"),
    "group.approved": lambda: tr("Group of drafts approved together (each signed)"),
}


def event_label(code: str) -> str:
    """The event in words; an unknown code (from a newer version) is shown as it is."""
    label = _LABELS.get(code)
    return label() if label is not None else code


class ChangeKind(Enum):
    """What part of the application's picture an audit event changes (what a screen may need to re-read)."""

    DRAFTS = "drafts"
    QUEUE = "queue"  # the approval queue: pending reviews, the badge, publishing and deletions awaiting someone
    ACCOUNTS = "accounts"
    SETTINGS = "settings"
    TERMINALS = "terminals"
    INCIDENTS = "incidents"  # the incident register, account locks and 全停止


_D, _Q, _A, _S, _T = ChangeKind.DRAFTS, ChangeKind.QUEUE, ChangeKind.ACCOUNTS, ChangeKind.SETTINGS, ChangeKind.TERMINALS
_I = ChangeKind.INCIDENTS

# Every entry also changes the audit record itself. An event missing here (from a newer version) changes everything.
CHANGE_KINDS: dict[str, frozenset[ChangeKind]] = {
    "organization.created": frozenset({_S}),
    "organization.updated": frozenset({_S, _A}),  # the account-ID rule decides which accounts drafts may use
    "department.created": frozenset({_S}),
    "staff.created": frozenset({_S}),
    "staff.roles_changed": frozenset({_S, _Q}),  # who may decide
    "staff.activated": frozenset({_S, _A, _Q}),
    "staff.deactivated": frozenset({_S, _A, _Q}),  # accounts they were named on need a new password
    "staff.department_changed": frozenset({_S, _A, _Q}),  # accounts they were named on need a new password
    "staff.renamed": frozenset({_S, _Q, _D}),  # names on drafts and in the queue
    "checks.configured": frozenset({_S}),
    "account.created": frozenset({_A}),
    "account.updated": frozenset({_A}),
    "account.policy_updated": frozenset({_A}),
    "account.policy_filed": frozenset({_A}),
    "account.filing_withdrawn": frozenset({_A}),
    "account.staff_changed": frozenset({_A}),
    "account.status_changed": frozenset({_A}),
    "account.rotation_required": frozenset({_A}),
    "account.password_changed": frozenset({_A}),
    "account.rotation_completed": frozenset({_A}),
    "account.consulted": frozenset({_A}),
    "account.reviewed": frozenset({_A}),
    "account.withdrawal_started": frozenset({_A, _D, _Q}),  # its queued posts stop; the notice draft appears
    "account.withdrawal_cancelled": frozenset({_A, _D, _Q}),
    "account.stopped": frozenset({_A, _D, _Q}),
    "account.deleted": frozenset({_A, _D, _Q}),
    "terminal.exception_agreed": frozenset({_T}),
    "credential.stored": frozenset({_A}),
    "credential.removed": frozenset({_A}),
    "terminal.registered": frozenset({_T}),
    "terminal.approved": frozenset({_T}),
    "terminal.revoked": frozenset({_T}),
    "terminal.status_changed": frozenset({_T}),
    "terminal.key_registered": frozenset({_T}),
    "terminal.key_reset": frozenset({_T}),
    "terminal.moved": frozenset({_T}),
    "draft.created": frozenset({_D}),
    "draft.saved": frozenset({_D}),
    "draft.editing_ended": frozenset({_D}),
    "draft.submitted": frozenset({_D, _Q}),
    "draft.emergency_marked": frozenset({_D, _Q}),
    "draft.emergency_cleared": frozenset({_D, _Q}),
    "draft.correction_created": frozenset({_D}),
    "draft.reopened": frozenset({_D, _Q}),
    "draft.rescheduled": frozenset({_D, _Q}),  # an approval set aside leaves the scheduled queue
    "draft.duplicated": frozenset({_D}),
    "draft.discarded": frozenset({_D}),
    "media.stored": frozenset(),  # a blob no draft uses until the draft is saved
    "review.approved": frozenset({_D, _Q}),
    "review.returned": frozenset({_D, _Q}),
    "review.rejected": frozenset({_D, _Q}),
    "signing_key.created": frozenset({_S}),
    "signing_key.registered": frozenset({_S}),
    "signing_key.revoked": frozenset({_S, _Q}),
    "signing_key.endorsed": frozenset({_S, _Q}),  # an endorsed key's approvals publish again
    "terminal.anchors_pinned": frozenset({_T}),
    "deputy.named": frozenset({_S, _Q}),
    "deputy.revoked": frozenset({_S, _Q}),
    "emergency.policy_changed": frozenset({_S}),
    "posting.authorized": frozenset({_T}),
    "posting.refused": frozenset({_D}),
    "publishing.refused": frozenset({_D}),
    "publication.queued": frozenset({_D, _Q}),
    "publication.attempt": frozenset({_D}),
    "publication.claim_released": frozenset({_D, _Q}),
    "publication.published": frozenset({_D, _Q}),
    "publication.recorded": frozenset({_D, _Q}),
    "publication.failed": frozenset({_D, _Q}),
    "publication.needs_check": frozenset({_D, _Q}),
    "publication.resolved_posted": frozenset({_D, _Q}),
    "publication.resolved_not_posted": frozenset({_D, _Q}),
    "publication.missed_window": frozenset({_D, _Q}),
    "publication.deletion_started": frozenset({_D, _Q}),
    "publication.deleted": frozenset({_D, _Q}),
    "deletion.requested": frozenset({_D, _Q}),
    "deletion.approved": frozenset({_D, _Q}),
    "deletion.rejected": frozenset({_D, _Q}),
    "audit.checkpoint": frozenset(),
    "account.locked": frozenset({_A, _I, _Q}),  # its posts stop
    "account.unlocked": frozenset({_A, _I, _Q}),
    "organization.paused": frozenset({_S, _I, _Q}),
    "organization.resumed": frozenset({_S, _I, _Q}),
    "incident.reported": frozenset({_I}),
    "incident.evidence_added": frozenset({_I}),
    "incident.state_changed": frozenset({_I}),
    "incident.reported_to_section": frozenset({_I}),
    "incident.platform_reported": frozenset({_I}),
    "incident.police_consulted": frozenset({_I}),
    "incident.notice_published": frozenset({_I}),
    "incident.credential_changed": frozenset({_I}),
    "incident.posts_compared": frozenset({_I}),
    "incident.response_posted": frozenset({_I}),
    "incident.note": frozenset({_I}),
    "incident.closed": frozenset({_I}),
    "mail.settings_changed": frozenset({_S}),
    "mail.password_stored": frozenset({_S}),
    "staff.mail_changed": frozenset({_S}),
    # The moderation queue re-reads with the incident desk (a reply may become an incident).
    "inbound.read": frozenset({_I}),
    "inbound.evidence_kept": frozenset({_I}),
    "inbound.hidden": frozenset({_I}),
    "inbound.deleted": frozenset({_I}),
    "inbound.blocked": frozenset({_I}),
    "inbound.muted": frozenset({_I}),
    "inbound.reported": frozenset({_I}),
    "inbound.handled": frozenset({_I}),
    "inbound.escalated": frozenset({_I}),
    "inbound.reply_drafted": frozenset({_I, _D}),
    "inbound.spike_detected": frozenset({_I}),
    "inbound.spike_ended": frozenset({_I}),
    "inbound.spike_escalated": frozenset({_I}),
    "inbound.purged": frozenset({_I}),
    "inbound.settings_changed": frozenset({_S, _I}),
    "incident.suspect_added": frozenset({_I}),
    "incident.warning_drafted": frozenset({_I, _D}),
    "template.created": frozenset({_S}),
    "template.updated": frozenset({_S}),
    "template.retired": frozenset({_S}),
    "group.created": frozenset({_D}),
    "group.submitted": frozenset({_D, _Q}),
    "group.approved": frozenset({_D, _Q}),
}
_EVERY_KIND = frozenset(ChangeKind)


@dataclass(frozen=True)
class Changes:
    """What a finished change touched, so each screen re-reads only what concerns it.

    ``drafts`` names the drafts whose content or state changed; ``all_drafts``
    says some did without naming them (a manual refresh, an entry without a
    draft id).
    """

    drafts: frozenset[int] = frozenset()
    all_drafts: bool = False
    queue: bool = False
    accounts: bool = False
    settings: bool = False
    terminals: bool = False
    audit: bool = True  # every change writes an audit entry
    incidents: bool = False

    @classmethod
    def everything(cls) -> Changes:
        return cls(frozenset(), True, True, True, True, True, True, True)

    @property
    def any_draft(self) -> bool:
        return self.all_drafts or bool(self.drafts)

    @property
    def empty(self) -> bool:
        return not (
            self.any_draft
            or self.queue
            or self.accounts
            or self.settings
            or self.terminals
            or self.audit
            or self.incidents
        )

    def __or__(self, other: Changes) -> Changes:
        return Changes(
            self.drafts | other.drafts,
            self.all_drafts or other.all_drafts,
            self.queue or other.queue,
            self.accounts or other.accounts,
            self.settings or other.settings,
            self.terminals or other.terminals,
            self.audit or other.audit,
            self.incidents or other.incidents,
        )


def change_for_event(event: str, draft_id: int | None = None) -> Changes:
    """The change one audit entry describes (``draft_id`` from its payload, when it names one)."""
    kinds = CHANGE_KINDS.get(event, _EVERY_KIND)
    draft = _D in kinds
    return Changes(
        drafts=frozenset({draft_id}) if draft and draft_id is not None else frozenset(),
        all_drafts=draft and draft_id is None,
        queue=_Q in kinds,
        accounts=_A in kinds,
        settings=_S in kinds,
        terminals=_T in kinds,
        audit=True,
        incidents=_I in kinds,
    )


def changes_for_events(entries: Iterable[tuple[str, int | None]]) -> Changes:
    """The union of :func:`change_for_event` over ``(event, draft_id)`` pairs; nothing at all for none."""
    total = Changes(audit=False)
    for event, draft_id in entries:
        total = total | change_for_event(event, draft_id)
    return total
