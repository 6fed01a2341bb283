"""Password rotation when staff change, and periodically (wako:5-カ, joso:6(1)).

When a person leaves an account's staff (異動) — removed from the account,
moved to another department, or deactivated — the account is flagged 要パスワード変更 and posting to it is
blocked (:mod:`core.terminals.authorization`) until the administrator has recorded that
the platform password was changed *and* a credential has been stored after
that change. Flagging clears ``password_changed_at`` so that "changed after
the flag" is simply "``password_changed_at`` is set"; the earlier date stays
in the audit record.

A periodic change that is overdue (joso:6(1) 定期的に変更) blocks posting too
when the organization says so (``organization.rotation_overdue`` = ``block``,
the default); otherwise it is only shown.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from core.audit import chain
from core.audit.recorder import Recorder
from core.i18n import tr
from core.lifecycle.states import AccountStatus
from core.storage.engine import Store
from core.storage.models import AccountStaff, Credential, OfficialAccount, Organization, Staff


def flag_rotation(session: Session, recorder: Recorder, account: OfficialAccount, reason: str) -> None:
    """Mark ``account`` 要パスワード変更 (same transaction as the change that caused it)."""
    already = account.rotation_required
    account.rotation_required = True
    account.rotation_reason = reason if not already else f"{account.rotation_reason}\n{reason}"
    account.password_changed_at = None
    chain.append(session, recorder, "account.rotation_required", {"account_id": account.id, "reason": reason})


def _flag_accounts_of(session: Session, recorder: Recorder, staff: Staff, reason: str) -> list[int]:
    rows = session.scalars(select(AccountStaff).where(AccountStaff.staff_id == staff.id)).all()
    flagged: list[int] = []
    for account_id in sorted({r.account_id for r in rows}):
        account = session.get(OfficialAccount, account_id)
        if account is None or account.status == AccountStatus.DELETED.value:
            continue
        flag_rotation(session, recorder, account, reason)
        flagged.append(account_id)
    return flagged


def on_staff_deactivated(session: Session, recorder: Recorder, staff: Staff) -> list[int]:
    """Flag every account ``staff`` is named on; called by ``StaffService.set_active``. Returns their ids."""
    return _flag_accounts_of(
        session, recorder, staff, tr("{name} was deactivated (異動).").format(name=staff.display_name)
    )


def on_staff_moved(session: Session, recorder: Recorder, staff: Staff, before: str, after: str) -> list[int]:
    """Flag every account ``staff`` is named on after a department change (人事異動, wako:5-カ)."""
    return _flag_accounts_of(
        session,
        recorder,
        staff,
        tr("{name} moved from {before} to {after} (異動).").format(
            name=staff.display_name, before=before or "—", after=after or "—"
        ),
    )


def periodic_due(interval_days: int, account: OfficialAccount) -> datetime | None:
    """When the periodic change of ``account``'s password falls due (``None``: no schedule)."""
    if interval_days <= 0:
        return None
    since = account.password_changed_at or account.filed_at
    return since + timedelta(days=interval_days) if since is not None else None


def overdue_block(session: Session, account: OfficialAccount, now: datetime) -> datetime | None:
    """The due date of an overdue periodic change when the organization blocks on it, else ``None``."""
    return overdue_under(session.get(Organization, 1), account, now)


def overdue_under(org: Organization | None, account: OfficialAccount, now: datetime) -> datetime | None:
    """:func:`overdue_block` with the organization's row as the caller read it."""
    if org is None or (org.rotation_overdue or "block") != "block":
        return None
    due = periodic_due(org.rotation_interval_days, account)
    return due if due is not None and due <= now else None


def maybe_complete_rotation(session: Session, recorder: Recorder, account: OfficialAccount) -> bool:
    """Clear the flag once the password change is recorded and a credential was stored after it."""
    if not account.rotation_required or account.password_changed_at is None:
        return False
    fresh = session.scalar(
        select(Credential.id).where(
            Credential.account_id == account.id,
            Credential.removed_at.is_(None),
            Credential.set_at >= account.password_changed_at,
        )
    )
    if fresh is None:
        return False
    account.rotation_required = False
    account.rotation_reason = None
    chain.append(session, recorder, "account.rotation_completed", {"account_id": account.id})
    return True


@dataclass(frozen=True)
class RotationReminder:
    account_id: int
    handle: str
    platform: str
    reason: str
    due_at: datetime | None  # None: required now (staff change)
    overdue: bool
    blocking: bool = False  # posting to the account is refused until the password is changed


def rotation_reminders(store: Store, *, now: datetime | None = None, warn_days: int = 14) -> list[RotationReminder]:
    """Accounts whose password must change now, or is due within ``warn_days`` (joso:6(1) 定期的に変更)."""
    moment = now or store.now()
    reminders: list[RotationReminder] = []
    with store.read() as session:
        org = session.get(Organization, 1)
        interval = org.rotation_interval_days if org else 0
        blocks = org is not None and (org.rotation_overdue or "block") == "block"
        accounts = session.scalars(
            select(OfficialAccount)
            .where(OfficialAccount.status != AccountStatus.DELETED.value)
            .order_by(OfficialAccount.id)
        )
        for account in accounts:
            if account.rotation_required:
                reminders.append(
                    RotationReminder(
                        account.id,
                        account.handle,
                        account.platform,
                        account.rotation_reason or tr("Staff changed."),
                        None,
                        True,
                        True,
                    )
                )
                continue
            due = periodic_due(interval, account)
            if due is None:
                continue
            if due - timedelta(days=warn_days) <= moment:
                reminders.append(
                    RotationReminder(
                        account.id,
                        account.handle,
                        account.platform,
                        tr("Periodic change every {days} days.").format(days=interval),
                        due,
                        due <= moment,
                        blocks and due <= moment,
                    )
                )
    return reminders
