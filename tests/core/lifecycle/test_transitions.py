"""The transition table: every pair of states is either an allowed move or a refused one."""

from __future__ import annotations

import ast
import enum
import itertools
from dataclasses import dataclass
from pathlib import Path

import pytest

from core.errors import Conflict
from core.lifecycle.states import (
    AccountStatus,
    DeletionState,
    DraftState,
    IncidentState,
    NotificationState,
    PublicationState,
)
from core.lifecycle.transitions import MACHINES, check_initial, move

D, P, X, N, A, M = DraftState, PublicationState, DeletionState, IncidentState, AccountStatus, NotificationState
AnyState = DraftState | PublicationState | DeletionState | IncidentState | NotificationState

# Written out pair by pair (not derived from the table) so that a change of the policy shows up here.
# Lists, not sets: states are strings, so PublicationState.PENDING == NotificationState.PENDING.
ALLOWED: list[tuple[enum.StrEnum, enum.StrEnum]] = [
    (D.DRAFT, D.SUBMITTED),
    (D.DRAFT, D.DISCARDED),  # 破棄, before the first submission
    (D.RETURNED, D.SUBMITTED),
    (D.SUBMITTED, D.APPROVED),
    (D.SUBMITTED, D.RETURNED),
    (D.SUBMITTED, D.REJECTED),
    (D.SUBMITTED, D.DRAFT),
    (D.SUBMITTED, D.PUBLISHED),
    (D.APPROVED, D.PUBLISHED),
    (D.APPROVED, D.DRAFT),
    (P.PENDING, P.PENDING),
    (P.PENDING, P.PUBLISHED),
    (P.PENDING, P.FAILED),
    (P.PENDING, P.NEEDS_RECONCILIATION),
    (P.FAILED, P.PENDING),
    (P.FAILED, P.PUBLISHED),
    (P.NEEDS_RECONCILIATION, P.PUBLISHED),
    (P.NEEDS_RECONCILIATION, P.FAILED),
    (P.PUBLISHED, P.DELETED),
    (X.REQUESTED, X.APPROVED),
    (X.REQUESTED, X.REJECTED),
    (X.APPROVED, X.DONE),
    (N.OPEN, N.CONTAINED),
    (N.OPEN, N.CLOSED),
    (N.CONTAINED, N.OPEN),
    (N.CONTAINED, N.CLOSED),
    # Official accounts (joso:7(2)): deleted only after a notice or an immediate stop, or never opened.
    (A.PREPARING, A.ACTIVE),
    (A.PREPARING, A.PAUSED),
    (A.PREPARING, A.DELETED),
    (A.ACTIVE, A.PAUSED),
    (A.ACTIVE, A.WITHDRAWAL_NOTICE),
    (A.ACTIVE, A.STOPPED),
    (A.PAUSED, A.ACTIVE),
    (A.PAUSED, A.WITHDRAWAL_NOTICE),
    (A.PAUSED, A.STOPPED),
    (A.WITHDRAWAL_NOTICE, A.ACTIVE),
    (A.WITHDRAWAL_NOTICE, A.STOPPED),
    (A.WITHDRAWAL_NOTICE, A.DELETED),
    (A.STOPPED, A.DELETED),
    # The mail outbox: claimed, then sent, refused for good, kept for a retry or re-claimed when stale;
    # a refused address, once corrected, gets another chance.
    (M.PENDING, M.SENDING),
    (M.SENDING, M.SENT),
    (M.SENDING, M.FAILED),
    (M.SENDING, M.PENDING),
    (M.SENDING, M.SENDING),
    (M.FAILED, M.PENDING),
]
INITIAL = [D.DRAFT, P.PENDING, P.PUBLISHED, P.FAILED, X.REQUESTED, N.OPEN, A.PREPARING, M.PENDING]


def _key(*states: enum.StrEnum) -> tuple[tuple[str, str], ...]:
    # States are strings: DraftState.PUBLISHED == PublicationState.PUBLISHED, so compare with the enum's name.
    return tuple((type(s).__name__, s.value) for s in states)


ALLOWED_KEYS = {_key(*pair) for pair in ALLOWED}
INITIAL_KEYS = {_key(s) for s in INITIAL}


@dataclass
class Row:
    state: str
    row_version: int = 7


def _pairs() -> list[tuple[AnyState, AnyState]]:
    machines: tuple[type[AnyState], ...] = (
        DraftState,
        PublicationState,
        DeletionState,
        IncidentState,
        NotificationState,
    )
    return [pair for states in machines for pair in itertools.product(states, states)]  # type: ignore[misc]


@pytest.mark.parametrize(("source", "target"), _pairs(), ids=str)
def test_every_pair_of_states_is_allowed_or_refused_as_listed(source: AnyState, target: AnyState) -> None:
    row = Row(source.value)
    if _key(source, target) in ALLOWED_KEYS:
        assert move(row, target) is source  # type: ignore[type-var]
        assert row.state == target.value
        assert row.row_version == (8 if isinstance(target, DraftState | IncidentState) else 7)  # the versioned ones
    else:
        with pytest.raises(Conflict) as refused:
            move(row, target)  # type: ignore[type-var]
        assert (row.state, row.row_version) == (source.value, 7)
        assert source.label in refused.value.message
        assert target.label in refused.value.message


@dataclass
class AccountRow:
    status: str


@pytest.mark.parametrize(("source", "target"), list(itertools.product(AccountStatus, AccountStatus)), ids=str)
def test_every_pair_of_account_states_is_allowed_or_refused_as_listed(
    source: AccountStatus, target: AccountStatus
) -> None:
    row = AccountRow(source.value)
    if _key(source, target) in ALLOWED_KEYS:
        assert move(row, target) is source
        assert row.status == target.value
    else:
        with pytest.raises(Conflict):
            move(row, target)
        assert row.status == source.value


@pytest.mark.parametrize("state", [s for states in MACHINES for s in states], ids=str)
def test_only_the_listed_states_start_a_record(state: enum.StrEnum) -> None:
    if _key(state) in INITIAL_KEYS:
        check_initial(state)  # type: ignore[type-var]
    else:
        with pytest.raises(Conflict):
            check_initial(state)  # type: ignore[type-var]


def test_rejected_and_published_drafts_and_done_deletions_are_final() -> None:
    finals = [s for s in DraftState if MACHINES[DraftState].final(s)]  # type: ignore[arg-type]
    assert finals == [D.REJECTED, D.PUBLISHED, D.DISCARDED]
    assert [s for s in DeletionState if MACHINES[DeletionState].final(s)] == [X.REJECTED, X.DONE]  # type: ignore[arg-type]


def test_a_state_read_from_the_database_that_is_unknown_is_a_bug_not_a_move() -> None:
    with pytest.raises(ValueError, match="archived"):
        move(Row("archived"), D.DRAFT)


ROOT = Path(__file__).resolve().parents[3]


def _state_assignments(path: Path) -> list[tuple[str, str]]:
    """(file, attribute) for every assignment to a ``.state`` or ``.row_version`` attribute in ``path``."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        targets: list[ast.expr] = []
        if isinstance(node, ast.Assign):
            targets = node.targets
        elif isinstance(node, ast.AugAssign):
            targets = [node.target]
        for target in targets:
            if isinstance(target, ast.Attribute) and target.attr in {"state", "row_version"}:
                found.append((path.name, target.attr))
    return found


def test_services_change_states_only_through_the_table() -> None:
    """Drafts, publications and deletion requests change state in one function; nobody sets the column."""
    paths = [*(ROOT / "core" / "services").rglob("*.py"), *(ROOT / "core" / "publishing").rglob("*.py")]
    offenders = [hit for path in sorted(paths) for hit in _state_assignments(path)]
    # 緊急 marking changes a field, not the state, and bumps the version for optimistic locking.
    assert offenders == [("emergency.py", "row_version"), ("emergency.py", "row_version")]


def test_the_scan_would_catch_a_direct_state_assignment(tmp_path: Path) -> None:
    bad = tmp_path / "bad.py"
    bad.write_text("def f(draft):\n    draft.state = 'published'\n    draft.row_version += 1\n", encoding="utf-8")
    assert _state_assignments(bad) == [("bad.py", "state"), ("bad.py", "row_version")]
