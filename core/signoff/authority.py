"""Who may decide on a submitted version.

- Never anyone who made the draft: its author, any editor of any revision,
  any submitter (:mod:`core.signoff.contributors`), administrators included
  (author and last editor also by a database CHECK constraint on ``review``).
- A supervisor of the account's owning department (any supervisor when the
  account has none).
- For an emergency (緊急) version: any supervisor of the organization
  (joso:6 / wako:4 緊急時).
- A deputy (代理) named by an administrator for a supervisor of that
  department, during the named period — the deputy needs no supervisor role
  of their own; the review records whom they stood in for.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from core.errors import PermissionDenied
from core.i18n import tr
from core.organization.roles import Role
from core.signoff.contributors import contributors
from core.storage.models import Deputy, DraftVersion, OfficialAccount, Staff


@dataclass(frozen=True)
class Authority:
    reviewer_id: int
    deputy_for_id: int | None = None
    emergency: bool = False


def _roles(staff: Staff) -> set[str]:
    return {r.role for r in staff.role_rows}


def _is_supervisor_of(staff: Staff, account: OfficialAccount) -> bool:
    if not staff.active or Role.SUPERVISOR.value not in _roles(staff):
        return False
    return account.department_id is None or staff.department_id == account.department_id


def authority_for(session: Session, reviewer: Staff, version: DraftVersion, now: datetime) -> Authority | None:
    """How ``reviewer`` may decide on ``version``, or ``None`` when they may not."""
    makers = _makers(session, version)
    if reviewer.id in makers or not reviewer.active:
        return None
    account = session.get(OfficialAccount, version.account_id)
    if account is None:
        return None
    if _is_supervisor_of(reviewer, account):
        return Authority(reviewer.id)
    if version.emergency and Role.SUPERVISOR.value in _roles(reviewer):
        return Authority(reviewer.id, emergency=True)
    deputies = session.scalars(
        select(Deputy).where(
            Deputy.deputy_id == reviewer.id,
            Deputy.revoked_at.is_(None),
            Deputy.starts_at <= now,
            Deputy.ends_at > now,
        )
    )
    for deputy in deputies:
        supervisor = session.get(Staff, deputy.supervisor_id)
        if supervisor is not None and supervisor.id not in makers and _is_supervisor_of(supervisor, account):
            return Authority(reviewer.id, deputy_for_id=supervisor.id)
    return None


def _makers(session: Session, version: DraftVersion) -> set[int]:
    return {version.author_id, version.last_editor_id, version.submitted_by_id} | contributors(
        session, version.draft_id
    )


def require_authority(session: Session, reviewer: Staff, version: DraftVersion, now: datetime) -> Authority:
    if reviewer.id in _makers(session, version):
        raise PermissionDenied(tr("You cannot decide on a draft you wrote, edited or submitted."))
    authority = authority_for(session, reviewer, version, now)
    if authority is None:
        raise PermissionDenied(
            tr("Only a supervisor of the account's department, or a deputy named for one, can decide on this draft.")
        )
    return authority
