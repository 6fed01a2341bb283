"""Trust anchored outside the database: what raw SQL writes is not trusted by a terminal with pinned keys."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select, text

from core.credentials.ed25519 import fingerprint
from core.credentials.vault import open_vault
from core.demo.support import make_ready
from core.errors import PermissionDenied
from core.lifecycle.states import ReviewDecision
from core.organization.roles import Role
from core.publishing.preflight import PublishRefused, check_chain, check_publish
from core.runtime.bootstrap import Environment
from core.services.accounts import CredentialService
from core.services.audit_log import query_audit
from core.services.drafts import DraftService
from core.services.reviews import ReviewService
from core.services.signing_keys import SigningKeyService
from core.services.staff import StaffService, actor_for_staff
from core.services.terminals import TerminalService, register_local
from core.signoff.keys import DemoSigner
from core.storage.models import utcnow
from core.terminals.identity import LocalTerminal
from core.terminals.trust import (
    TrustProblem,
    pin,
    pinned_keys,
    signing_key_statement,
    terminal_statement,
    verify_chain,
)
from tests.support.world import World

MALLORY = DemoSigner("mallory")  # someone with write access to the database, and a key of their own


def _approved(world: World, signer: DemoSigner | None = None, login: str = "takahashi") -> int:
    drafts = DraftService(world.store, world.op1)
    draft_id = drafts.create(world.account, "市民まつりは11月3日です。")
    version_id = drafts.submit(draft_id, make_ready(drafts, draft_id))
    reviewer = world.sup if login == "takahashi" else world.both
    ReviewService(world.store, reviewer).decide(version_id, ReviewDecision.APPROVED, signer=signer or DemoSigner(login))
    return draft_id


def _refusal(world: World, draft_id: int, uid: str | None = None) -> str:
    actor = world.op1 if uid is None else actor_for_staff(world.store, world.op1.staff_id, uid)
    with pytest.raises(PublishRefused) as refused:
        check_chain(world.store, open_vault(), actor, draft_id=draft_id)
    return refused.value.condition


def test_the_normal_flow_is_trusted_from_the_key_pinned_at_set_up(world: World) -> None:
    assert pinned_keys(open_vault(), world.env.terminal.uid) == {world.admin_signer.public_key}
    draft_id = _approved(world)
    check_chain(world.store, open_vault(), world.op1, draft_id=draft_id)
    # The pins live in this terminal's keyring, not in the database.
    with world.store.read() as session:
        dump = "\n".join(str(r) for r in session.execute(text("SELECT * FROM signing_key")).all())
    assert "trust-anchors" not in dump


def test_a_signing_key_inserted_by_raw_sql_is_not_trusted(world: World) -> None:
    # Replace 伊藤's key by raw SQL with one the attacker holds; the service now accepts its decisions.
    with world.store.engine.begin() as conn:
        conn.execute(
            text("UPDATE signing_key SET revoked_at = :t WHERE staff_id = :s"),
            {"t": utcnow(), "s": world.both.staff_id},
        )
        conn.execute(
            text(
                "INSERT INTO signing_key (staff_id, public_key, fingerprint, registered_by_id, registered_at) "
                "VALUES (:s, :k, :f, 1, :t)"
            ),
            {"s": world.both.staff_id, "k": MALLORY.public_key, "f": fingerprint(MALLORY.public_key), "t": utcnow()},
        )
    draft_id = _approved(world, MALLORY, login="ito")
    assert _refusal(world, draft_id) == TrustProblem.KEY_UNENDORSED.value
    CredentialService(world.store, world.admin).store_credential(
        open_vault(), world.env.terminal.uid, world.account, "tok-trust-0123456789"
    )
    with pytest.raises(PublishRefused, match="administrator key pinned"):
        check_publish(world.store, open_vault(), world.op1, draft_id)
    refusals = [json.loads(r.payload) for r in query_audit(world.store, event_prefix="publishing.refused")]
    assert refusals[0]["reason"] == "trust_key_unendorsed"


def test_a_key_endorsed_by_an_unpinned_administrator_is_not_trusted(world: World) -> None:
    """The attacker also inserts an administrator key and endorses with it: it does not chain to the pins."""
    with world.store.engine.begin() as conn:
        conn.execute(text("DELETE FROM signing_key WHERE staff_id = :s"), {"s": world.sup.staff_id})
        statement = signing_key_statement(world.admin.staff_id, MALLORY.public_key)
        conn.execute(
            text(
                "INSERT INTO signing_key (staff_id, public_key, fingerprint, registered_by_id, registered_at, "
                "endorsement, endorser_key) VALUES (:s, :k, :f, :s, :t, :e, :k)"
            ),
            {
                "s": world.admin.staff_id,
                "k": MALLORY.public_key,
                "f": fingerprint(MALLORY.public_key),
                "t": utcnow(),
                "e": MALLORY.sign(statement),
            },
        )
        sup_key = DemoSigner("takahashi").public_key
        conn.execute(
            text(
                "INSERT INTO signing_key (staff_id, public_key, fingerprint, registered_by_id, registered_at, "
                "endorsement, endorser_key) VALUES (:s, :k, :f, :a, :t, :e, :m)"
            ),
            {
                "s": world.sup.staff_id,
                "k": sup_key,
                "f": fingerprint(sup_key),
                "a": world.admin.staff_id,
                "t": utcnow(),
                "e": MALLORY.sign(signing_key_statement(world.sup.staff_id, sup_key)),
                "m": MALLORY.public_key,
            },
        )
    draft_id = _approved(world)
    assert _refusal(world, draft_id) == TrustProblem.KEY_UNENDORSED.value


def test_a_terminal_approval_written_by_raw_sql_is_not_trusted(world: World) -> None:
    """Another terminal, approved by an INSERT, whose keyring pins the administrator's key."""
    draft_id = _approved(world)
    vault = open_vault()
    pin(vault, "rogue-terminal", [world.admin_signer.public_key])
    with world.store.engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO terminal (uid, hostname, os_user, status, registered_at, last_seen_at, scope_all, kind) "
                "VALUES ('rogue-terminal', 'rogue', 'mallory', 'approved', :t, :t, true, 'regular')"
            ),
            {"t": utcnow()},
        )
    assert _refusal(world, draft_id, "rogue-terminal") == TrustProblem.TERMINAL_UNENDORSED.value
    # Forging the endorsement with the attacker's own key does not help either.
    statement = terminal_statement(
        uid="rogue-terminal", scope_all=True, account_ids=[], expires_at=None, kind="regular"
    )
    with world.store.engine.begin() as conn:
        conn.execute(
            text("UPDATE terminal SET endorsement = :e, endorser_key = :k WHERE uid = 'rogue-terminal'"),
            {"e": MALLORY.sign(statement), "k": MALLORY.public_key},
        )
    assert _refusal(world, draft_id, "rogue-terminal") == TrustProblem.TERMINAL_UNENDORSED.value


def test_an_approval_widened_by_raw_sql_no_longer_verifies(world: World) -> None:
    draft_id = _approved(world)
    TerminalService(world.store, world.admin).approve(
        _terminal_id(world),
        scope_all=False,
        account_ids=[world.account],
        endorser=world.admin_signer,
    )
    check_chain(world.store, open_vault(), world.op1, draft_id=draft_id)
    with world.store.engine.begin() as conn:
        conn.execute(text("UPDATE terminal SET scope_all = true WHERE uid = :u"), {"u": world.env.terminal.uid})
    assert _refusal(world, draft_id) == TrustProblem.TERMINAL_UNENDORSED.value


def _terminal_id(world: World) -> int:
    with world.store.read() as session:
        return int(session.scalar(text("SELECT id FROM terminal WHERE uid = :u"), {"u": world.env.terminal.uid}))


def _other_terminal(world: World, uid: str) -> int:
    return register_local(world.store, LocalTerminal(uid, "desk-2", "sato", f"machine-{uid}", "Linux")).id


def test_a_new_terminal_pins_the_key_that_endorsed_its_approval_on_first_sight(world: World) -> None:
    draft_id = _approved(world)
    terminal_id = _other_terminal(world, "desk-2")
    assert _refusal(world, draft_id, "desk-2") == TrustProblem.NO_ANCHORS.value  # pending: nothing to pin yet
    TerminalService(world.store, world.admin).approve(terminal_id, scope_all=True, endorser=world.admin_signer)
    actor = actor_for_staff(world.store, world.op1.staff_id, "desk-2")
    check_chain(world.store, open_vault(), actor, draft_id=draft_id)
    assert pinned_keys(open_vault(), "desk-2") == {world.admin_signer.public_key}
    pinned = [json.loads(r.payload) for r in query_audit(world.store, event_prefix="terminal.anchors_pinned")]
    assert pinned == [
        {"terminal_uid": "desk-2", "fingerprints": [fingerprint(world.admin_signer.public_key)], "first_use": True}
    ]
    # Once pinned, a later approval by a key that is not pinned (nor chained) is not trusted.
    with world.store.engine.begin() as conn:
        conn.execute(
            text("UPDATE terminal SET endorsement = :e, endorser_key = :k WHERE uid = 'desk-2'"),
            {
                "e": MALLORY.sign(
                    terminal_statement(uid="desk-2", scope_all=True, account_ids=[], expires_at=None, kind="regular")
                ),
                "k": MALLORY.public_key,
            },
        )
    assert _refusal(world, draft_id, "desk-2") == TrustProblem.TERMINAL_UNENDORSED.value


def test_an_unendorsed_approval_is_never_pinned(world: World) -> None:
    draft_id = _approved(world)
    terminal_id = _other_terminal(world, "desk-3")
    TerminalService(world.store, world.admin).approve(terminal_id, scope_all=True)
    assert _refusal(world, draft_id, "desk-3") == TrustProblem.NO_ANCHORS.value
    assert pinned_keys(open_vault(), "desk-3") == frozenset()


def test_a_second_administrator_chains_to_the_pinned_one_and_revocation_breaks_it(world: World) -> None:
    second_id = StaffService(world.store, world.admin).create("山田 二郎", "yamada", None, [Role.ADMINISTRATOR])
    second = actor_for_staff(world.store, second_id, world.env.terminal.uid)
    second_signer = DemoSigner("yamada")
    SigningKeyService(world.store, world.admin).register(
        second_id, second_signer.public_key, endorser=world.admin_signer
    )
    # The second administrator re-approves this terminal and registers a supervisor key: both trusted.
    TerminalService(world.store, second).approve(_terminal_id(world), scope_all=True, endorser=second_signer)
    draft_id = _approved(world)
    check_chain(world.store, open_vault(), world.op1, draft_id=draft_id)
    with world.store.read() as session:
        key_id = int(
            session.scalar(text("SELECT id FROM signing_key WHERE public_key = :k"), {"k": second_signer.public_key})
        )
    SigningKeyService(world.store, world.admin).revoke(key_id)
    assert _refusal(world, draft_id) == TrustProblem.TERMINAL_UNENDORSED.value


def test_an_endorser_must_be_the_administrators_own_registered_key(world: World) -> None:
    from core.errors import KohoGateError

    with pytest.raises(KohoGateError):
        TerminalService(world.store, world.admin).approve(_terminal_id(world), scope_all=True, endorser=MALLORY)
    with world.store.read() as session:
        rows = verify_chain(session, frozenset({world.admin_signer.public_key}), world.env.terminal.uid, None)
    assert rows.ok  # the refused approval changed nothing


def test_the_demo_terminal_trusts_the_demo_approvals(demo_env: Environment) -> None:
    """The demo fill endorses through the same services; its terminal pins the demo administrator's key."""
    from core.lifecycle.states import DraftState
    from core.storage.models import Draft, Staff

    store = demo_env.store
    with store.read() as session:
        draft_id = session.scalars(select(Draft.id).where(Draft.state == DraftState.APPROVED.value)).first()
        sato = session.scalar(select(Staff.id).where(Staff.os_login == "demo.sato"))
    assert draft_id is not None
    assert sato is not None
    actor = actor_for_staff(store, sato, demo_env.terminal.uid)
    check_chain(store, open_vault(), actor, draft_id=draft_id)
    assert len(pinned_keys(open_vault(), demo_env.terminal.uid)) == 1


def test_a_key_registered_before_endorsements_counts_once_an_administrator_endorses_it(world: World) -> None:
    """The upgrade path: existing registrations carry no endorsement until an administrator signs them."""
    with world.store.engine.begin() as conn:
        conn.execute(
            text("UPDATE signing_key SET endorsement = NULL, endorser_key = NULL WHERE staff_id = :s"),
            {"s": world.sup.staff_id},
        )
    draft_id = _approved(world)
    assert _refusal(world, draft_id) == TrustProblem.KEY_UNENDORSED.value
    with world.store.read() as session:
        key_id = int(session.scalar(text("SELECT id FROM signing_key WHERE staff_id = :s"), {"s": world.sup.staff_id}))
    with pytest.raises(PermissionDenied):
        SigningKeyService(world.store, world.sup).endorse(key_id, DemoSigner("takahashi"))
    SigningKeyService(world.store, world.admin).endorse(key_id, world.admin_signer)
    check_chain(world.store, open_vault(), world.op1, draft_id=draft_id)
