"""Names of audit events for people (the codes stay in the record and the CSV export)."""

from __future__ import annotations

from collections.abc import Callable

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
    "draft.duplicated": lambda: tr("New draft copied from another"),
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
}


def event_label(code: str) -> str:
    """The event in words; an unknown code (from a newer version) is shown as it is."""
    label = _LABELS.get(code)
    return label() if label is not None else code
