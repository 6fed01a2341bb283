"""May an account be used for drafts? (joso:3(3): policy written and filed before use)."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from core.accounts.consultation import (
    Consultation,
    ConsultOutcome,
    consultation_problems,
    sections_to_consult,
)
from core.accounts.duties import Duty
from core.accounts.policy import AccountFacts, Missing, missing_items
from core.errors import InvalidInput
from core.i18n import tr
from core.lifecycle.states import AccountStatus
from core.storage.models import AccountConsultation, AccountStaff, OfficialAccount, Organization, Staff


def account_facts(session: Session, account: OfficialAccount) -> AccountFacts:
    duties = {
        Duty(d)
        for d in session.scalars(select(AccountStaff.duty).where(AccountStaff.account_id == account.id))
        if d in set(Duty)
    }
    org = session.get(Organization, 1)
    return AccountFacts(
        platform=account.platform,
        handle=account.handle,
        display_name=account.display_name,
        url=account.url,
        policy=dict(account.policy or {}),
        duties=duties,
        id_pattern=org.account_id_pattern if org else None,
    )


def policy_missing(session: Session, account: OfficialAccount) -> list[Missing]:
    """What the account's operating policy still lacks (empty: complete)."""
    return missing_items(account_facts(session, account))


def consultations(session: Session, account_id: int) -> list[Consultation]:
    rows = session.execute(
        select(AccountConsultation, Staff.display_name)
        .join(Staff, Staff.id == AccountConsultation.recorded_by_id)
        .where(AccountConsultation.account_id == account_id)
        .order_by(AccountConsultation.consulted_at, AccountConsultation.id)
    ).all()
    return [
        Consultation(c.id, c.section, c.consulted_at, c.counterpart, ConsultOutcome(c.outcome), c.note, name)
        for c, name in rows
    ]


def configured_sections(session: Session) -> tuple[str, ...]:
    org = session.get(Organization, 1)
    return sections_to_consult(org.consult_sections if org else None)


def consultation_missing(session: Session, account: OfficialAccount) -> list[str]:
    """Sections still to consult before the policy may be filed (wako 運用開始の留意点, joso:3(2))."""
    return consultation_problems(configured_sections(session), consultations(session, account.id))


def usability_problems(session: Session, account: OfficialAccount) -> list[str]:
    """Every reason drafts may not be written for ``account`` yet, as user-facing lines."""
    problems = [str(m) for m in policy_missing(session, account)]
    if account.filed_at is None:
        problems.append(tr("The operating policy has not been filed (届出) by an administrator (joso:3(3))."))
    if account.status == AccountStatus.DELETED.value:
        problems.append(tr("The account is deleted."))
    if account.status == AccountStatus.STOPPED.value:
        problems.append(tr("The account was stopped (joso:7(2)); nothing more is posted to it."))
    return problems


def ensure_account_usable(session: Session, account: OfficialAccount) -> None:
    """Raise :class:`InvalidInput` naming what is missing unless drafts may use ``account``.

    An account is usable once its operating policy covers every joso:3(3)
    item ア–セ (with named staff in every duty), an administrator has filed it,
    and it is not deleted. Posting has further conditions: see
    :mod:`core.terminals.authorization`.
    """
    problems = usability_problems(session, account)
    if problems:
        raise InvalidInput(
            tr("The account {handle} cannot be used for drafts yet:").format(handle=account.handle)
            + "\n"
            + "\n".join(f"• {p}" for p in problems)
        )
