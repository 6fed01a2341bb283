"""Reads the organization's state for the guided start (はじめに); the steps are decided in core.organization."""

from __future__ import annotations

from dataclasses import replace

from sqlalchemy import select

from core.accounts.duties import Duty
from core.accounts.policy import missing_items
from core.accounts.usable import account_facts, consultation_missing
from core.lifecycle.states import AccountStatus, TerminalStatus
from core.organization.onboarding import (
    AccountOnboarding,
    OrganizationState,
    PersonFacts,
    Step,
    TerminalOnboarding,
    onboarding_steps,
)
from core.organization.roles import Role
from core.platforms.facts import platform_label, supports_api
from core.services.signing_keys import unregistered_announcements
from core.storage.engine import Store
from core.storage.models import Credential, OfficialAccount, SigningKey, Staff, Terminal
from core.terminals.approval import is_expired, scope_ids


def organization_state(store: Store, terminal_uid: str) -> OrganizationState:
    """Everything the guided start looks at, read in one transaction (plus the key announcements)."""
    announced = len(unregistered_announcements(store))
    with store.read() as session:
        keyed = set(session.scalars(select(SigningKey.staff_id).where(SigningKey.revoked_at.is_(None))))
        people = tuple(
            PersonFacts(s.id, s.display_name, frozenset(Role(r.role) for r in s.role_rows), s.id in keyed)
            for s in session.scalars(select(Staff).where(Staff.active).order_by(Staff.id))
        )
        terminal = session.scalar(select(Terminal).where(Terminal.uid == terminal_uid))
        held: set[int] = set()
        terminal_state = TerminalOnboarding()
        if terminal is not None:
            held = set(
                session.scalars(
                    select(Credential.account_id).where(
                        Credential.terminal_id == terminal.id, Credential.removed_at.is_(None)
                    )
                )
            )
            terminal_state = TerminalOnboarding(
                registered=True,
                approved=terminal.status == TerminalStatus.APPROVED.value,
                expired=is_expired(terminal),
                scope_all=bool(terminal.scope_all),
                account_ids=tuple(sorted(scope_ids(terminal))),
            )
        accounts = []
        for account in session.scalars(
            select(OfficialAccount)
            .where(OfficialAccount.status != AccountStatus.DELETED.value)
            .order_by(OfficialAccount.id)
        ):
            facts = account_facts(session, account)
            # The duties are a step of their own: the policy's lines are judged as if all were named.
            text_missing = missing_items(replace(facts, duties=set(Duty)))
            accounts.append(
                AccountOnboarding(
                    id=account.id,
                    label=f"{account.display_name} ({platform_label(account.platform)})",
                    policy_missing=tuple(str(m) for m in text_missing),
                    duties_missing=tuple(d for d in Duty if d not in facts.duties),
                    filed=account.filed_at is not None,
                    consultations_missing=tuple(consultation_missing(session, account))
                    if account.filed_at is None
                    else (),
                    active=account.status == AccountStatus.ACTIVE.value,
                    api=supports_api(account.platform),
                    credential_here=account.id in held,
                )
            )
    return OrganizationState(people, tuple(accounts), terminal_state, announced)


def guided_start(store: Store, terminal_uid: str) -> tuple[Step, ...]:
    return onboarding_steps(organization_state(store, terminal_uid))
