"""The posting gate: each condition violated alone is refused with its own message and an audit entry."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from core.accounts.duties import Duty
from core.credentials.vault import credential_name, terminal_key_name
from core.lifecycle.states import AccountStatus, TerminalStatus
from core.runtime.bootstrap import Environment
from core.services.accounts import AccountService, CredentialService
from core.services.terminals import TerminalService
from core.storage.models import AuditEntry
from core.terminals.authorization import PostingRefused, Refusal, authorize_post, check_posting, verify_permit
from core.terminals.keys import KeyState, ensure_terminal_key
from tests.support.accounts import Org
from tests.support.keyring_memory import MemoryKeyring

REQUEST = {"version_id": 1, "content_hash": "ab" * 32, "idempotency_key": "k-1"}


@pytest.fixture
def org(env: Environment) -> Org:
    o = Org(env)
    o.ready_to_post()
    return o


def _refusals(org: Org) -> list[dict[str, object]]:
    import json

    with org.store.read() as session:
        return [
            json.loads(e.payload)
            for e in session.scalars(select(AuditEntry).where(AuditEntry.event == "posting.refused"))
        ]


def test_everything_in_place_is_allowed_and_signed(org: Org) -> None:
    assert check_posting(org.store, org.vault, org.uid, org.account, org.admin.recorder).allowed
    permit = authorize_post(org.store, org.vault, org.uid, org.account, REQUEST, org.op.recorder)
    assert verify_permit(org.store, permit)
    assert not verify_permit(org.store, replace(permit, request={**REQUEST, "version_id": 2}))
    assert not verify_permit(org.store, replace(permit, account_id=org.other))
    with org.store.read() as session:
        entry = session.scalars(select(AuditEntry).where(AuditEntry.event == "posting.authorized")).one()
    assert permit.signature in entry.payload
    assert _refusals(org) == []


def _unknown(org: Org, memory: MemoryKeyring) -> str:
    return "not-a-registered-terminal"


def _pending(org: Org, memory: MemoryKeyring) -> str:
    TerminalService(org.store, org.admin).set_status(org.terminal_id, TerminalStatus.PENDING)
    return org.uid


def _revoked(org: Org, memory: MemoryKeyring) -> str:
    TerminalService(org.store, org.admin).revoke(org.terminal_id, "異動")
    return org.uid


def _out_of_scope(org: Org, memory: MemoryKeyring) -> str:
    TerminalService(org.store, org.admin).approve(org.terminal_id, scope_all=False, account_ids=[org.other])
    return org.uid


def _not_active(org: Org, memory: MemoryKeyring) -> str:
    AccountService(org.store, org.admin).set_status(org.account, AccountStatus.PAUSED)
    return org.uid


def _rotation(org: Org, memory: MemoryKeyring) -> str:
    staff = [s for s in org.full_staff() if s != (org.op2.staff_id, Duty.OPERATOR)]
    AccountService(org.store, org.admin).set_staff(org.account, staff)
    return org.uid


def _credential_not_in_keyring(org: Org, memory: MemoryKeyring) -> str:
    del memory.items[("KohoGate", credential_name(org.uid, org.account))]
    return org.uid


def _credential_removed(org: Org, memory: MemoryKeyring) -> str:
    CredentialService(org.store, org.admin).remove_credential(org.vault, org.uid, org.account)
    return org.uid


def _credential_stale(org: Org, memory: MemoryKeyring) -> str:
    AccountService(org.store, org.admin).confirm_password_change(org.account, "correct horse battery staple 42!")
    return org.uid


CASES: list[tuple[str, Callable[[Org, MemoryKeyring], str], Refusal]] = [
    ("unknown", _unknown, Refusal.TERMINAL_UNKNOWN),
    ("pending", _pending, Refusal.TERMINAL_PENDING),
    ("revoked", _revoked, Refusal.TERMINAL_REVOKED),
    ("out_of_scope", _out_of_scope, Refusal.OUT_OF_SCOPE),
    ("not_active", _not_active, Refusal.ACCOUNT_NOT_ACTIVE),
    ("rotation", _rotation, Refusal.ROTATION_REQUIRED),
    ("not_in_keyring", _credential_not_in_keyring, Refusal.CREDENTIAL_MISSING),
    ("removed", _credential_removed, Refusal.CREDENTIAL_MISSING),
    ("stale", _credential_stale, Refusal.CREDENTIAL_STALE),
]


@pytest.mark.parametrize(("name", "break_it", "expected"), CASES, ids=[c[0] for c in CASES])
def test_each_condition_alone_is_refused_and_recorded(
    org: Org, memory_keyring: MemoryKeyring, name: str, break_it: Callable[[Org, MemoryKeyring], str], expected: Refusal
) -> None:
    uid = break_it(org, memory_keyring)
    result = check_posting(org.store, org.vault, uid, org.account, org.op.recorder)
    assert not result.allowed
    assert result.refusal is expected
    with pytest.raises(PostingRefused) as caught:
        authorize_post(org.store, org.vault, uid, org.account, REQUEST, org.op.recorder)
    assert caught.value.result.refusal is expected
    assert caught.value.message == result.message
    recorded = _refusals(org)
    assert [r["reason"] for r in recorded] == [expected.value, expected.value]
    assert all(r["account_id"] == org.account for r in recorded)


def test_expired_approval_is_refused(org: Org) -> None:
    later = datetime.now(UTC) + timedelta(days=2)
    TerminalService(org.store, org.admin).approve(
        org.terminal_id, scope_all=True, expires_at=datetime.now(UTC) + timedelta(days=1)
    )
    assert check_posting(org.store, org.vault, org.uid, org.account, org.op.recorder).allowed
    result = check_posting(org.store, org.vault, org.uid, org.account, org.op.recorder, now=later)
    assert result.refusal is Refusal.TERMINAL_EXPIRED
    assert "expired" in result.message
    assert [r["reason"] for r in _refusals(org)] == ["terminal_expired"]


def test_every_refusal_has_its_own_message(org: Org) -> None:
    from core.terminals.authorization import _message

    texts = {_message(r, handle="@h", status="s", date="d", state="x", allowed="a", category="c") for r in Refusal}
    assert len(texts) == len(Refusal)


def test_missing_terminal_key_is_refused_when_signing(org: Org, memory_keyring: MemoryKeyring) -> None:
    assert ensure_terminal_key(org.store, org.vault, org.uid, org.op.recorder) is KeyState.CREATED
    assert ensure_terminal_key(org.store, org.vault, org.uid, org.op.recorder) is KeyState.READY
    del memory_keyring.items[("KohoGate", terminal_key_name(org.uid))]  # keyring wiped / database copied
    assert ensure_terminal_key(org.store, org.vault, org.uid, org.op.recorder) is KeyState.LOST
    assert check_posting(org.store, org.vault, org.uid, org.account, org.op.recorder).allowed
    with pytest.raises(PostingRefused) as caught:
        authorize_post(org.store, org.vault, org.uid, org.account, REQUEST, org.op.recorder)
    assert caught.value.result.refusal is Refusal.KEY_MISSING
    assert [r["reason"] for r in _refusals(org)] == ["key_missing"]
    # An administrator resets the key: a new one is made, but the terminal needs approval again.
    TerminalService(org.store, org.admin).reset_key(org.terminal_id)
    with pytest.raises(PostingRefused) as caught:
        authorize_post(org.store, org.vault, org.uid, org.account, REQUEST, org.op.recorder)
    assert caught.value.result.refusal is Refusal.TERMINAL_PENDING


def test_a_foreign_key_in_the_keyring_does_not_match(org: Org, memory_keyring: MemoryKeyring) -> None:
    from core.terminals.keys import generate_keypair

    ensure_terminal_key(org.store, org.vault, org.uid, org.op.recorder)
    memory_keyring.items[("KohoGate", terminal_key_name(org.uid))] = generate_keypair()[0]
    assert ensure_terminal_key(org.store, org.vault, org.uid, org.op.recorder) is KeyState.MISMATCH
    with pytest.raises(PostingRefused) as caught:
        authorize_post(org.store, org.vault, org.uid, org.account, REQUEST, org.op.recorder)
    assert caught.value.result.refusal is Refusal.KEY_MISSING


def test_two_first_posts_at_once_leave_one_working_key(env) -> None:  # type: ignore[no-untyped-def]
    """Reviewer's race: both processes used to write their own private key; the terminal was bricked."""
    import threading

    import core.terminals.keys as keys
    from core.terminals.keys import KeyState, ensure_terminal_key
    from tests.support.publishing import PubWorld

    world = PubWorld(env)
    with world.store.write() as session:
        from sqlalchemy import update

        from core.storage.models import Terminal

        session.execute(update(Terminal).where(Terminal.uid == world.uid).values(public_key=None))
    world.vault.delete(keys.terminal_key_name(world.uid))
    barrier = threading.Barrier(2)
    original = keys.generate_keypair

    def slow_generate() -> tuple[str, str]:
        pair = original()
        barrier.wait(10)
        return pair

    results: list[KeyState] = []
    keys.generate_keypair = slow_generate  # type: ignore[assignment]
    try:
        threads = [
            threading.Thread(
                target=lambda: results.append(
                    ensure_terminal_key(world.store, world.vault, world.uid, world.op.recorder)
                )
            )
            for _ in range(2)
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(30)
    finally:
        keys.generate_keypair = original  # type: ignore[assignment]
    assert sorted(results) == sorted([KeyState.CREATED, KeyState.READY])
    assert ensure_terminal_key(world.store, world.vault, world.uid, world.op.recorder) is KeyState.READY


def test_a_terminal_identity_copied_to_another_machine_is_refused_and_recorded(org: Org) -> None:
    """Scenario 12: the data folder, terminal.json included, copied to an unregistered machine."""
    from core.services.terminals import register_local, terminal_by_uid

    assert check_posting(org.store, org.vault, org.uid, org.account, org.op.recorder).allowed
    here = org.env.terminal
    # The same machine starting again, even as another OS user, is no move.
    register_local(org.store, replace(here, os_user="another.clerk"))
    assert check_posting(org.store, org.vault, org.uid, org.account, org.op.recorder).allowed
    elsewhere = replace(here, hostname="attacker-laptop", machine_id="ff" * 16, os_user="mallory")
    register_local(org.store, elsewhere)
    info = terminal_by_uid(org.store, org.uid)
    assert info is not None
    assert info.status is TerminalStatus.PENDING
    result = check_posting(org.store, org.vault, org.uid, org.account, org.op.recorder)
    assert not result.allowed
    assert result.refusal is Refusal.TERMINAL_PENDING
    with org.store.read() as session:
        moved = session.scalars(select(AuditEntry).where(AuditEntry.event == "terminal.moved")).one()
    assert "attacker-laptop" in moved.payload


def test_expiry_is_judged_by_the_database_clock_not_this_machines(org: Org, monkeypatch: pytest.MonkeyPatch) -> None:
    """A workstation with its clock set back cannot keep an expired approval alive (shared PostgreSQL)."""
    from core.storage.engine import Store

    TerminalService(org.store, org.admin).approve(
        org.terminal_id, scope_all=True, expires_at=datetime.now(UTC) + timedelta(days=1)
    )
    assert check_posting(org.store, org.vault, org.uid, org.account, org.op.recorder).allowed
    server_time = datetime.now(UTC) + timedelta(days=2)
    monkeypatch.setattr(Store, "now", lambda self: server_time)
    result = check_posting(org.store, org.vault, org.uid, org.account, org.op.recorder)
    assert result.refusal is Refusal.TERMINAL_EXPIRED


def test_the_database_clock_is_the_servers_on_postgresql(env: Environment) -> None:
    now = env.store.now()
    assert now.tzinfo is not None
    assert abs((now - datetime.now(UTC)).total_seconds()) < 120


def test_a_copy_without_machine_id_and_the_same_host_name_is_refused(org: Org) -> None:
    """The host name is no evidence: a copy on a machine without /etc/machine-id, same name, may not post."""
    from core.services.terminals import register_local, terminal_by_uid

    here = org.env.terminal
    assert here.machine_id
    register_local(org.store, replace(here, machine_id=None))  # same uid, same host name, no machine id
    info = terminal_by_uid(org.store, org.uid)
    assert info is not None
    assert info.status is TerminalStatus.PENDING
    result = check_posting(org.store, org.vault, org.uid, org.account, org.op.recorder)
    assert result.refusal is Refusal.TERMINAL_PENDING
