"""Signed checkpoints reveal a rewritten or truncated chain that `audit verify` alone cannot."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import select, text

import app
from core.audit import chain
from core.audit.checkpoint import create_checkpoint, load_checkpoint, verify_against_checkpoint
from core.audit.verify import verify_chain
from core.credentials.vault import open_vault
from core.errors import Conflict, InvalidInput, PermissionDenied
from core.organization.identity import current_login
from core.organization.roles import Role
from core.runtime.bootstrap import Environment
from core.services.setup import OrganizationSetup, initialize
from core.services.signing_keys import SigningKeyService, unregistered_announcements
from core.services.staff import StaffService, actor_for_staff
from core.signoff.keys import DemoSigner, KeyringSigner, fingerprint
from core.storage.models import AuditEntry, AuditHead
from core.terminals.trust import pin, pinned_keys
from tests.support.world import drop_audit_triggers, edit_audit_entry

REC = chain.Recorder(actor="sato", terminal="t-1")


@pytest.fixture
def admin(env: Environment) -> object:
    admin_id = initialize(
        env.store, OrganizationSetup("市", "管理", "情報課"), login=current_login(), terminal=env.terminal.uid
    )
    actor = actor_for_staff(env.store, admin_id, env.terminal.uid)
    SigningKeyService(env.store, actor).register(admin_id, DemoSigner(actor.login).public_key)
    pin(open_vault(), env.terminal.uid, [DemoSigner(actor.login).public_key])  # as set-up does with the first key
    for i in range(5):
        with env.store.write() as session:
            chain.append(session, REC, "test.event", {"i": i})
    return actor


def _pins(env: Environment) -> frozenset[str]:
    return pinned_keys(open_vault(), env.terminal.uid)


def _rewrite_chain_from(env: Environment, first_seq: int) -> None:
    """What an attacker with write access does: recompute every hash so `verify` passes again."""
    drop_audit_triggers(env)
    with env.store.write() as session:
        entries = list(session.scalars(select(AuditEntry).order_by(AuditEntry.seq)))
        prev = chain.GENESIS_HASH
        for entry in entries:
            if entry.seq >= first_seq:
                fields = (entry.recorded_at, entry.actor, entry.terminal, entry.event, entry.payload, prev)
                entry.canon = chain.canonical_json([entry.seq, *fields])
                entry.hash = chain.entry_hash(entry.seq, *fields)
            prev = entry.hash
        head = session.get(AuditHead, 1)
        assert head is not None
        head.seq, head.hash = entries[-1].seq, prev


def test_checkpoint_round_trip(env: Environment, admin: object, tmp_path: Path) -> None:
    out = tmp_path / "cp.json"
    data = create_checkpoint(env.store, admin, DemoSigner(admin.login), out)  # type: ignore[attr-defined]
    assert load_checkpoint(out)["seq"] == data["seq"]
    result = verify_against_checkpoint(env.store, load_checkpoint(out), pins=_pins(env))
    assert result.ok, result.message


def test_a_checkpoint_stays_valid_after_its_signer_moves_to_another_post(
    env: Environment, admin: object, tmp_path: Path
) -> None:
    """April's staff moves must not make last year's checkpoints useless (review finding)."""
    from core.organization.roles import Role

    out = tmp_path / "cp.json"
    create_checkpoint(env.store, admin, DemoSigner(admin.login), out)  # type: ignore[attr-defined]
    staff = StaffService(env.store, admin)  # type: ignore[arg-type]
    successor = staff.create("後任 管理", "kanri2", None, [Role.ADMINISTRATOR])
    StaffService(env.store, actor_for_staff(env.store, successor, env.terminal.uid)).set_roles(
        admin.staff_id,  # type: ignore[attr-defined]
        [Role.OPERATOR],
    )
    result = verify_against_checkpoint(env.store, load_checkpoint(out), pins=_pins(env))
    assert result.ok, result.message


def test_a_non_administrators_key_cannot_vouch_for_a_checkpoint(
    env: Environment, admin: object, tmp_path: Path
) -> None:
    from core.organization.roles import Role

    operator = StaffService(env.store, admin).create("担当 一郎", "tanto", None, [Role.OPERATOR])  # type: ignore[arg-type]
    signer = DemoSigner("tanto")
    SigningKeyService(env.store, admin).register(operator, signer.public_key)  # type: ignore[arg-type]
    forged = create_checkpoint(env.store, admin, DemoSigner(admin.login), tmp_path / "cp.json")  # type: ignore[attr-defined]
    forged = {k: v for k, v in forged.items() if k != "signature"}
    forged.update(public_key=signer.public_key, fingerprint=fingerprint(signer.public_key))
    from core.audit.checkpoint import _signed_part

    forged["signature"] = signer.sign(_signed_part(forged))
    result = verify_against_checkpoint(env.store, forged, pins=_pins(env))
    assert not result.ok
    assert "administrator" in result.message


def test_rewritten_chain_passes_verify_but_not_the_checkpoint(env: Environment, admin: object, tmp_path: Path) -> None:
    out = tmp_path / "cp.json"
    create_checkpoint(env.store, admin, DemoSigner(admin.login), out)  # type: ignore[attr-defined]
    drop_audit_triggers(env)
    edit_audit_entry(env, 4, "payload", '{"i":99}')
    _rewrite_chain_from(env, 4)
    assert verify_chain(env.store).ok  # the chain alone cannot tell
    result = verify_against_checkpoint(env.store, load_checkpoint(out), pins=_pins(env))
    assert not result.ok
    assert "rewritten" in result.message


def test_truncated_chain_is_caught(env: Environment, admin: object, tmp_path: Path) -> None:
    out = tmp_path / "cp.json"
    data = create_checkpoint(env.store, admin, DemoSigner(admin.login), out)  # type: ignore[attr-defined]
    drop_audit_triggers(env)
    with env.store.write() as session:
        session.execute(text("DELETE FROM audit_entry WHERE seq >= :s"), {"s": data["seq"] - 1})
        last = session.scalars(select(AuditEntry).order_by(AuditEntry.seq.desc())).first()
        head = session.get(AuditHead, 1)
        assert head is not None
        assert last is not None
        head.seq, head.hash = last.seq, last.hash
    assert verify_chain(env.store).ok
    result = verify_against_checkpoint(env.store, load_checkpoint(out), pins=_pins(env))
    assert not result.ok
    assert "truncated" in result.message


def test_an_altered_checkpoint_file_is_rejected(env: Environment, admin: object, tmp_path: Path) -> None:
    out = tmp_path / "cp.json"
    create_checkpoint(env.store, admin, DemoSigner(admin.login), out)  # type: ignore[attr-defined]
    data = json.loads(out.read_text(encoding="utf-8"))
    data["seq"] -= 1
    out.write_text(json.dumps(data), encoding="utf-8")
    assert "altered" in verify_against_checkpoint(env.store, load_checkpoint(out), pins=_pins(env)).message
    (tmp_path / "junk.json").write_text("{}", encoding="utf-8")
    with pytest.raises(InvalidInput):
        load_checkpoint(tmp_path / "junk.json")


def test_only_administrators_sign_checkpoints(env: Environment, admin: object, tmp_path: Path) -> None:
    staff = StaffService(env.store, admin)  # type: ignore[arg-type]
    sup = actor_for_staff(env.store, staff.create("高橋", "takahashi", None, [Role.SUPERVISOR]), env.terminal.uid)
    with pytest.raises(PermissionDenied):
        create_checkpoint(env.store, sup, DemoSigner(sup.login), tmp_path / "cp.json")


def test_cli_checkpoint_with_a_key_in_the_keyring(
    env: Environment, admin: object, data_dir: Path, db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fp = SigningKeyService(env.store, admin).create_and_announce(open_vault())  # type: ignore[arg-type]
    announced = next(a for a in unregistered_announcements(env.store) if a.fingerprint == fp)
    SigningKeyService(env.store, admin).register(admin.staff_id, announced.public_key)  # type: ignore[arg-type,attr-defined]
    pin(open_vault(), env.terminal.uid, [announced.public_key])
    assert KeyringSigner(open_vault(), admin.login).public_key == announced.public_key  # type: ignore[attr-defined]
    out = tmp_path / "checkpoint.json"
    base = ["--data-dir", str(data_dir), "--database-url", db_url, "--lang", "en", "audit"]
    assert app.main([*base, "checkpoint", "--out", str(out)]) == 0
    assert app.main([*base, "verify", "--checkpoint", str(out)]) == 0
    assert "consistent with the checkpoint" in capsys.readouterr().out
    drop_audit_triggers(env)
    edit_audit_entry(env, 2, "actor", "mallory")
    _rewrite_chain_from(env, 2)
    assert app.main([*base, "verify"]) == 0
    assert app.main([*base, "verify", "--checkpoint", str(out)]) == 1


def _second_administrator(env: Environment, admin: object, *, endorsed: bool) -> tuple[object, DemoSigner]:
    staff = StaffService(env.store, admin)  # type: ignore[arg-type]
    second_id = staff.create("後任 管理", "kanri2", None, [Role.ADMINISTRATOR])
    second = actor_for_staff(env.store, second_id, env.terminal.uid)
    signer = DemoSigner("kanri2")
    endorser = DemoSigner(admin.login) if endorsed else None  # type: ignore[attr-defined]
    SigningKeyService(env.store, admin).register(second.staff_id, signer.public_key, endorser=endorser)  # type: ignore[arg-type]
    return second, signer


def test_a_key_only_the_database_knows_cannot_vouch_for_a_checkpoint(
    env: Environment, admin: object, tmp_path: Path
) -> None:
    """Whoever can write the database can register a key; only the pins on this terminal decide."""
    second, signer = _second_administrator(env, admin, endorsed=False)
    create_checkpoint(env.store, second, signer, tmp_path / "cp.json")  # type: ignore[arg-type]
    result = verify_against_checkpoint(env.store, load_checkpoint(tmp_path / "cp.json"), pins=_pins(env))
    assert not result.ok
    assert "not trusted" in result.message
    no_pins = verify_against_checkpoint(env.store, load_checkpoint(tmp_path / "cp.json"), pins=frozenset())
    assert not no_pins.ok
    assert "no pinned administrator key" in no_pins.message


def test_a_key_a_pinned_administrator_endorsed_vouches_for_a_checkpoint(
    env: Environment, admin: object, tmp_path: Path
) -> None:
    second, signer = _second_administrator(env, admin, endorsed=True)
    create_checkpoint(env.store, second, signer, tmp_path / "cp.json")  # type: ignore[arg-type]
    result = verify_against_checkpoint(env.store, load_checkpoint(tmp_path / "cp.json"), pins=_pins(env))
    assert result.ok, result.message


def test_a_broken_signature_is_rejected(env: Environment, admin: object, tmp_path: Path) -> None:
    out = tmp_path / "cp.json"
    data = create_checkpoint(env.store, admin, DemoSigner(admin.login), out)  # type: ignore[attr-defined]
    signature = str(data["signature"])
    broken = {**data, "signature": ("A" if signature[0] != "A" else "B") + signature[1:]}
    result = verify_against_checkpoint(env.store, broken, pins=_pins(env))
    assert not result.ok
    assert "signature is not valid" in result.message


def test_an_edited_checkpointed_entry_is_named(env: Environment, admin: object, tmp_path: Path) -> None:
    """The stored hash still matches the signed one, but the entry's content no longer gives it."""
    out = tmp_path / "cp.json"
    data = create_checkpoint(env.store, admin, DemoSigner(admin.login), out)  # type: ignore[attr-defined]
    drop_audit_triggers(env)
    edit_audit_entry(env, data["seq"], "payload", '{"i":99}')
    result = verify_against_checkpoint(env.store, load_checkpoint(out), pins=_pins(env))
    assert not result.ok
    assert result.chain is not None
    assert result.chain.first_bad_seq == data["seq"]


def test_only_what_came_after_the_checkpoint_is_walked(env: Environment, admin: object, tmp_path: Path) -> None:
    out = tmp_path / "cp.json"
    data = create_checkpoint(env.store, admin, DemoSigner(admin.login), out)  # type: ignore[attr-defined]
    for i in range(3):
        with env.store.write() as session:
            chain.append(session, REC, "test.event", {"after": i})
    result = verify_against_checkpoint(env.store, load_checkpoint(out), pins=_pins(env))
    assert result.ok, result.message
    assert result.chain is not None
    assert (result.chain.checked, result.chain.head_seq) == (4, data["seq"] + 4)  # audit.checkpoint + 3


def test_a_broken_chain_is_not_signed(env: Environment, admin: object, tmp_path: Path) -> None:
    """The signed head vouches for everything before it, so the chain is walked before signing."""
    drop_audit_triggers(env)
    edit_audit_entry(env, 3, "payload", '{"i":99}')
    with pytest.raises(Conflict, match="sequence number 3"):
        create_checkpoint(env.store, admin, DemoSigner(admin.login), tmp_path / "cp.json")  # type: ignore[attr-defined]
    assert not (tmp_path / "cp.json").exists()
