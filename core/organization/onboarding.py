"""The guided start (はじめに): what stands between a new organization and its first post.

A pure function over a snapshot of the organization (:class:`OrganizationState`,
read by :func:`core.services.onboarding.organization_state`): each
:class:`Step` says whether it is done and, when not, what is missing, one
translated line each, and where in the app it is done (:class:`Place`). The
screen only renders the list, so the order and the words are decided here.

The steps follow what posting needs (wako:5, joso:3(3), joso:6): people with
the operator and supervisor roles — two different people, since nobody
approves their own draft —, an account with a complete operating policy and
named staff, filed (届出), this terminal approved, the account's credential
in this terminal's keyring, and a registered signing key for every
supervisor.
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from dataclasses import dataclass

from core.accounts.duties import Duty
from core.i18n import tr
from core.organization.roles import Role


class StepKind(enum.StrEnum):
    ROLES = "roles"
    ACCOUNT = "account"
    STAFF = "staff"
    FILING = "filing"
    TERMINAL = "terminal"
    CREDENTIAL = "credential"
    SIGNING_KEY = "signing_key"

    @property
    def heading(self) -> str:
        return {
            StepKind.ROLES: tr("Give people their roles"),
            StepKind.ACCOUNT: tr("Add the first official account"),
            StepKind.STAFF: tr("Name the account's staff"),
            StepKind.FILING: tr("File the operating policy (届出) and start operation"),
            StepKind.TERMINAL: tr("Approve this terminal"),
            StepKind.CREDENTIAL: tr("Store the account's credential on this terminal"),
            StepKind.SIGNING_KEY: tr("Register the supervisors' signing keys"),
        }[self]

    @property
    def explanation(self) -> str:
        return {
            StepKind.ROLES: tr(
                "An operator (担当者) writes drafts, a supervisor (所属長) approves them, an administrator sets "
                "KohoGate up. One person may hold several roles, but nobody approves their own draft: the "
                "operator and the supervisor of a post must be two people."
            ),
            StepKind.ACCOUNT: tr(
                "Each official account needs an operating policy covering joso:3(3) ア–セ. The sample "
                "policy is filled in for you; read and adapt every item."
            ),
            StepKind.STAFF: tr(
                "The policy names who runs the account (joso:3(3)-キ, wako:5): an operations manager, a "
                "person responsible and at least one operator."
            ),
            StepKind.FILING: tr(
                "Before opening, the sections the organization lists are consulted (wako 運用開始の留意点, "
                "joso:3(2)); then an administrator files the complete policy (届出) before drafts may be "
                "written, and the account posts once it is set 運用中 (in operation)."
            ),
            StepKind.TERMINAL: tr(
                "Only an approved terminal posts (wako:5 端末, joso:6(2)). An administrator approves it "
                "under Terminals."
            ),
            StepKind.CREDENTIAL: tr(
                "The platform's access token is kept in this computer's OS keyring, never in the database."
            ),
            StepKind.SIGNING_KEY: tr(
                "A supervisor signs each approval with a personal key. They create it on their own "
                "computer (Settings → Approval); an administrator compares the fingerprint and registers it."
            ),
        }[self]


class Place(enum.StrEnum):
    """Where in the app a step is done (the screen maps it to a page)."""

    STAFF = "staff"
    ACCOUNTS = "accounts"
    TERMINALS = "terminals"
    SIGNING_KEYS = "signing_keys"


@dataclass(frozen=True)
class PersonFacts:
    staff_id: int
    name: str
    roles: frozenset[Role]
    has_signing_key: bool = False


@dataclass(frozen=True)
class AccountOnboarding:
    id: int
    label: str
    #: What the policy text and the account's own fields still lack (one line each, with the clause).
    policy_missing: tuple[str, ...] = ()
    duties_missing: tuple[Duty, ...] = ()
    filed: bool = False
    #: Sections not yet consulted before opening (wako 運用開始の留意点, joso:3(2)); filing waits for them.
    consultations_missing: tuple[str, ...] = ()
    #: 運用中: posting needs it (drafts may be written while it is being prepared).
    active: bool = False
    #: Posted through an API (else by hand: no credential is needed).
    api: bool = True
    credential_here: bool = False


@dataclass(frozen=True)
class TerminalOnboarding:
    registered: bool = False
    approved: bool = False
    expired: bool = False
    scope_all: bool = False
    account_ids: tuple[int, ...] = ()


@dataclass(frozen=True)
class OrganizationState:
    """Active staff, the accounts not deleted, this terminal, and keys announced but not registered."""

    people: tuple[PersonFacts, ...] = ()
    accounts: tuple[AccountOnboarding, ...] = ()
    terminal: TerminalOnboarding = TerminalOnboarding()
    announced_keys: int = 0


@dataclass(frozen=True)
class Step:
    kind: StepKind
    done: bool
    missing: tuple[str, ...]
    place: Place
    #: The step is done by adding a new account (there is none yet), not on an existing one.
    new_account: bool = False

    @property
    def title(self) -> str:
        return self.kind.heading


def _holders(state: OrganizationState, role: Role) -> list[PersonFacts]:
    return [p for p in state.people if role in p.roles]


def _roles(state: OrganizationState) -> tuple[str, ...]:
    operators, supervisors = _holders(state, Role.OPERATOR), _holders(state, Role.SUPERVISOR)
    missing = []
    if not operators:
        missing.append(tr("Nobody has the operator role (担当者) yet: an operator writes the drafts."))
    if not supervisors:
        missing.append(tr("Nobody has the supervisor role (所属長) yet: a supervisor approves the drafts."))
    if operators and supervisors and not any(o.staff_id != s.staff_id for o in operators for s in supervisors):
        missing.append(
            tr(
                "{name} is the only operator and the only supervisor: nobody approves their own draft, so give "
                "one of the two roles to another person as well."
            ).format(name=operators[0].name)
        )
    return tuple(missing)


def _first_account(state: OrganizationState) -> AccountOnboarding | None:
    """The account the steps talk about: the first one ready, else the one closest to ready."""
    if not state.accounts:
        return None
    return min(
        state.accounts,
        key=lambda a: (not a.filed, len(a.policy_missing) + len(a.duties_missing), not a.credential_here, a.id),
    )


def _account(account: AccountOnboarding | None) -> tuple[str, ...]:
    if account is None:
        return (tr("No official account yet: add one (the sample policy is filled in, every item editable)."),)
    return tuple(f"{account.label}: {line}" for line in account.policy_missing)


def _staff(account: AccountOnboarding | None) -> tuple[str, ...]:
    if account is None:
        return (tr("Add an account first."),)
    return tuple(
        tr("{account}: nobody is named as {duty}.").format(account=account.label, duty=duty.label)
        for duty in account.duties_missing
    )


def _filing(account: AccountOnboarding | None) -> tuple[str, ...]:
    if account is None:
        return (tr("Add an account first."),)
    if account.filed and account.active:
        return ()
    if account.filed:
        return (
            tr("{account}: filed, but not in operation yet (Accounts → Set status → In operation).").format(
                account=account.label
            ),
        )
    if account.policy_missing or account.duties_missing:
        return (tr("{account}: complete the policy and the staff first.").format(account=account.label),)
    if account.consultations_missing:
        # The sections named by the organization are consulted before opening; filing is refused until then.
        return tuple(
            tr("{account}: {missing} (Accounts → Consult…)").format(account=account.label, missing=line)
            for line in account.consultations_missing
        )
    return (tr("{account}: the policy is complete but not filed yet.").format(account=account.label),)


def _terminal(state: OrganizationState, account: AccountOnboarding | None) -> tuple[str, ...]:
    terminal = state.terminal
    if not terminal.registered:
        return (tr("This terminal is not registered yet; restart KohoGate on it."),)
    if not terminal.approved:
        return (tr("This terminal is waiting for an administrator's approval (Terminals → Approve…)."),)
    if terminal.expired:
        return (tr("This terminal's approval has expired: approve it again."),)
    if account is not None and not terminal.scope_all and account.id not in terminal.account_ids:
        return (tr("This terminal is approved, but not for {account}.").format(account=account.label),)
    return ()


def _credential(account: AccountOnboarding | None) -> tuple[str, ...]:
    if account is None:
        return (tr("Add an account first."),)
    if not account.api or account.credential_here:
        return ()
    return (
        tr("{account}: no credential on this terminal (Accounts → Credential on this terminal…).").format(
            account=account.label
        ),
    )


def _signing_keys(state: OrganizationState) -> tuple[str, ...]:
    supervisors = _holders(state, Role.SUPERVISOR)
    if not supervisors:
        return (tr("Give someone the supervisor role first."),)
    missing = [
        tr("{name} (supervisor) has no registered signing key.").format(name=p.name)
        for p in supervisors
        if not p.has_signing_key
    ]
    if missing and state.announced_keys:
        missing.append(
            tr("{count} key(s) created on a computer wait to be registered (Settings → Approval).").format(
                count=state.announced_keys
            )
        )
    return tuple(missing)


_STEPS: tuple[tuple[StepKind, Place, Callable[[OrganizationState, AccountOnboarding | None], tuple[str, ...]]], ...] = (
    (StepKind.ROLES, Place.STAFF, lambda s, _a: _roles(s)),
    (StepKind.ACCOUNT, Place.ACCOUNTS, lambda _s, a: _account(a)),
    (StepKind.STAFF, Place.ACCOUNTS, lambda _s, a: _staff(a)),
    (StepKind.FILING, Place.ACCOUNTS, lambda _s, a: _filing(a)),
    (StepKind.TERMINAL, Place.TERMINALS, _terminal),
    (StepKind.CREDENTIAL, Place.ACCOUNTS, lambda _s, a: _credential(a)),
    (StepKind.SIGNING_KEY, Place.SIGNING_KEYS, lambda s, _a: _signing_keys(s)),
)


def onboarding_steps(state: OrganizationState) -> tuple[Step, ...]:
    """The guided start's steps for ``state``, in the order they are best done."""
    account = _first_account(state)
    steps = []
    for kind, place, missing in _STEPS:
        lines = missing(state, account)
        steps.append(Step(kind, not lines, lines, place, new_account=kind is StepKind.ACCOUNT and account is None))
    return tuple(steps)


def ready_to_post(steps: tuple[Step, ...]) -> bool:
    return all(step.done for step in steps)
