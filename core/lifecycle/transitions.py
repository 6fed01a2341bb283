"""Which state moves are allowed, as data, and the one function that makes a move.

Every service that changes the state of a draft, a publication, a deletion
request, an incident or an official account calls :func:`move`; the services keep their own, more specific
refusals (they know *why* a move makes no sense to the person), and the table
is the last word: a move it does not list is a bug or a race, refused with a
:class:`~core.errors.Conflict` before anything is written.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Generic, Protocol, TypeVar

from core.errors import Conflict
from core.i18n import tr
from core.lifecycle.states import (
    AccountStatus,
    DeletionState,
    DraftState,
    IncidentState,
    NotificationState,
    PublicationState,
)

S = TypeVar("S", DraftState, PublicationState, DeletionState, IncidentState, AccountStatus, NotificationState)
T = TypeVar("T", bound=enum.StrEnum)


@dataclass(frozen=True)
class Machine(Generic[T]):
    """The states one kind of record can be in and the moves between them."""

    states: type[T]
    #: States a new record may start in.
    initial: frozenset[T]
    #: From each state, the states it may move to (a state missing here is final).
    moves: Mapping[T, frozenset[T]]
    #: Whether the record carries ``row_version`` (optimistic locking), bumped on every move.
    versioned: bool
    #: The column holding the state (accounts and terminals call it ``status``).
    column: str = "state"

    def allows(self, source: T, target: T) -> bool:
        return target in self.moves.get(source, frozenset())

    def final(self, state: T) -> bool:
        return not self.moves.get(state)


D, P, X = DraftState, PublicationState, DeletionState

DRAFTS: Machine[DraftState] = Machine(
    states=DraftState,
    initial=frozenset({D.DRAFT}),
    moves={
        # 破棄 only before the first submission (the service checks there is no version).
        D.DRAFT: frozenset({D.SUBMITTED, D.DISCARDED}),
        D.RETURNED: frozenset({D.SUBMITTED}),
        # Decisions; taken back for editing (reopen); 緊急 posted by hand before approval (joso:6 / wako:4).
        D.SUBMITTED: frozenset({D.APPROVED, D.RETURNED, D.REJECTED, D.DRAFT, D.PUBLISHED}),
        # Published (API, by hand, or a 要確認 settled as posted); approval set aside to edit again.
        D.APPROVED: frozenset({D.PUBLISHED, D.DRAFT}),
        # A rejected draft stays rejected (copy it to a new draft); a published one is corrected by a new draft.
        D.REJECTED: frozenset(),
        D.PUBLISHED: frozenset(),
        D.DISCARDED: frozenset(),
    },
    versioned=True,
)

PUBLICATIONS: Machine[PublicationState] = Machine(
    states=PublicationState,
    # An outbox row before its call; a manual post recorded at once; a scheduled post that missed its window.
    initial=frozenset({P.PENDING, P.PUBLISHED, P.FAILED}),
    moves={
        # PENDING → PENDING: a new claim or attempt on the same row (same idempotency key).
        P.PENDING: frozenset({P.PENDING, P.PUBLISHED, P.FAILED, P.NEEDS_RECONCILIATION}),
        # A retry reuses the failed row; a manual post closes it.
        P.FAILED: frozenset({P.PENDING, P.PUBLISHED}),
        # Settled by a person or by finding the post: it went out, or it did not.
        P.NEEDS_RECONCILIATION: frozenset({P.PUBLISHED, P.FAILED}),
        P.PUBLISHED: frozenset({P.DELETED}),
        P.DELETED: frozenset(),
    },
    versioned=False,
)

DELETIONS: Machine[DeletionState] = Machine(
    states=DeletionState,
    initial=frozenset({X.REQUESTED}),
    moves={
        X.REQUESTED: frozenset({X.APPROVED, X.REJECTED}),
        X.APPROVED: frozenset({X.DONE}),
        X.REJECTED: frozenset(),
        X.DONE: frozenset(),
    },
    versioned=False,
)

N = IncidentState
INCIDENTS: Machine[IncidentState] = Machine(
    states=IncidentState,
    initial=frozenset({N.OPEN}),
    moves={
        # 対応中 → 収束 → 終結; a contained incident may flare up again; a closed one stays closed
        # (a new incident is opened and can name the old one in its summary).
        N.OPEN: frozenset({N.CONTAINED, N.CLOSED}),
        N.CONTAINED: frozenset({N.OPEN, N.CLOSED}),
        N.CLOSED: frozenset(),
    },
    versioned=True,
)

A = AccountStatus
ACCOUNTS: Machine[AccountStatus] = Machine(
    states=AccountStatus,
    initial=frozenset({A.PREPARING}),
    moves={
        # Opened, or filed and held back; an account never opened may be dropped (nothing public to announce).
        A.PREPARING: frozenset({A.ACTIVE, A.PAUSED, A.DELETED}),
        # 撤退 with notice (joso:7(2)), or stopped at once with a reason published on the website.
        A.ACTIVE: frozenset({A.PAUSED, A.WITHDRAWAL_NOTICE, A.STOPPED}),
        A.PAUSED: frozenset({A.ACTIVE, A.WITHDRAWAL_NOTICE, A.STOPPED}),
        # The withdrawal is called off, stopped early for cause, or the deletion is recorded after the date.
        A.WITHDRAWAL_NOTICE: frozenset({A.ACTIVE, A.STOPPED, A.DELETED}),
        A.STOPPED: frozenset({A.DELETED}),
        # A deleted account stays in the public page's history; a new account is registered anew.
        A.DELETED: frozenset(),
    },
    versioned=False,
    column="status",
)

M = NotificationState
NOTIFICATIONS: Machine[NotificationState] = Machine(
    states=NotificationState,
    initial=frozenset({M.PENDING}),
    moves={
        # Claimed by a sender.
        M.PENDING: frozenset({M.SENDING}),
        # Delivered; refused for good; kept for a retry; or a stale claim taken back by another sender.
        M.SENDING: frozenset({M.SENT, M.FAILED, M.PENDING, M.SENDING}),
        # A corrected address gets another chance (a bulk update in NotificationService).
        M.FAILED: frozenset({M.PENDING}),
        M.SENT: frozenset(),
    },
    versioned=False,
)

AnyMachine = (
    Machine[DraftState]
    | Machine[PublicationState]
    | Machine[DeletionState]
    | Machine[IncidentState]
    | Machine[AccountStatus]
    | Machine[NotificationState]
)
MACHINES: Mapping[type[enum.StrEnum], AnyMachine] = {
    DraftState: DRAFTS,
    PublicationState: PUBLICATIONS,
    DeletionState: DELETIONS,
    IncidentState: INCIDENTS,
    AccountStatus: ACCOUNTS,
    NotificationState: NOTIFICATIONS,
}


class Stateful(Protocol):
    """A stored record with a string state column (a draft, a publication, a deletion request)."""

    state: str


class WithStatus(Protocol):
    """A stored record whose state column is called ``status`` (an official account)."""

    status: str


class Versioned(Stateful, Protocol):
    row_version: int


def machine_for(states: type[S]) -> Machine[S]:
    return MACHINES[states]  # type: ignore[return-value]


def check_move(source: S, target: S) -> None:
    """Refuse a move the table does not list (a :class:`Conflict` with both states named)."""
    if not machine_for(type(target)).allows(source, target):
        raise Conflict(
            tr("This cannot change from {source} to {target}. Reload and try again.").format(
                source=source.label, target=target.label
            )
        )


def check_initial(target: S) -> None:
    """Refuse creating a record in a state no record starts in."""
    if target not in machine_for(type(target)).initial:
        raise Conflict(tr("A new record cannot start as {state}.").format(state=target.label))


def move(row: Stateful | WithStatus, target: S) -> S:
    """Move ``row`` to ``target`` if the table allows it; return the state it left.

    Sets the state column and, for a versioned record (a draft), bumps
    ``row_version`` so that a client holding the old version is told someone
    else changed it.
    """
    machine = machine_for(type(target))
    source = type(target)(getattr(row, machine.column))
    check_move(source, target)
    setattr(row, machine.column, target.value)
    if machine.versioned:
        versioned: Versioned = row  # type: ignore[assignment]
        versioned.row_version += 1
    return source
