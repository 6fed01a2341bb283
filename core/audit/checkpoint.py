"""Signed checkpoints of the chain head, kept outside the database.

A hash chain shows edits and reorders, but someone who can write the
database can recompute the whole chain. A checkpoint — sequence number and
head hash, signed with an administrator's registered key and stored as a
file elsewhere (a shared drive, paper, e-mail to the records office) — is a
commitment they cannot recompute: ``audit verify --checkpoint FILE`` reveals
a rewritten or truncated chain (cf. Certificate Transparency's signed tree
heads, RFC 9162).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select

from core.audit import chain
from core.audit.canonical import canonical_json, utc_iso
from core.audit.verify import VerifyResult, verify_chain, verify_entry
from core.errors import Conflict, InvalidInput, KohoGateError, PermissionDenied
from core.i18n import tr
from core.organization.identity import Actor
from core.organization.roles import Role
from core.runtime.atomic_file import write_text_atomically
from core.signoff.keys import Signer, fingerprint, verify_signature
from core.storage.audit_walk import chain_reader
from core.storage.engine import Store
from core.storage.models import AuditEntry, AuditHead, SigningKey, Staff
from core.terminals.trust import vouched_for

FORMAT = "kohogate-audit-checkpoint"
VERSION = 1


def _signed_part(data: dict[str, Any]) -> bytes:
    return canonical_json({k: v for k, v in data.items() if k != "signature"}).encode("utf-8")


def create_checkpoint(
    store: Store, actor: Actor, signer: Signer, out: Path, progress: Callable[[int, int], None] | None = None
) -> dict[str, Any]:
    """Walk the chain, sign the head that was walked with ``signer`` (an administrator's key), write ``out``.

    The walk comes first so that the signed head vouches for a chain that was intact when it was
    signed: an incremental verification later trusts everything up to it. A chain found broken is
    not signed. Entries appended during the walk come after the signed head and are walked later.
    """
    verified = verify_chain(store, progress)
    if not verified.ok:
        raise Conflict(
            tr("The audit record is broken, so no checkpoint was signed. {summary}").format(summary=verified.summary())
        )
    key_fingerprint = fingerprint(signer.public_key)
    with store.write() as session:
        staff = session.get(Staff, actor.staff_id)
        if staff is None or not staff.active or Role.ADMINISTRATOR.value not in {r.role for r in staff.role_rows}:
            raise PermissionDenied(tr("Only an administrator can sign a checkpoint."))
        key = session.scalar(
            select(SigningKey).where(
                SigningKey.staff_id == staff.id,
                SigningKey.fingerprint == key_fingerprint,
                SigningKey.revoked_at.is_(None),
            )
        )
        if key is None:
            raise KohoGateError(tr("Your signing key on this computer is not registered, or it was revoked."))
        seq, digest = verified.head_seq, verified.head_hash
        walked = session.get(AuditEntry, seq) if seq else None
        if seq and (walked is None or walked.hash != digest):  # changed between the walk and now
            raise Conflict(tr("The audit record changed while it was checked. Try again."))
        data: dict[str, Any] = {
            "format": FORMAT,
            "version": VERSION,
            "seq": seq,
            "hash": digest,
            "created_at": utc_iso(datetime.now(UTC)),
            "signer": staff.os_login,
            "public_key": key.public_key,
            "fingerprint": key.fingerprint,
        }
        data["signature"] = signer.sign(_signed_part(data))
        # Recorded after the head it signs (right after, unless entries came during the walk), in a
        # transaction of its own: the file and this entry together show when the commitment was made.
        chain.append(session, actor.recorder, "audit.checkpoint", {k: data[k] for k in ("seq", "hash", "fingerprint")})
    write_text_atomically(out, json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    return data


def load_checkpoint(path: Path) -> dict[str, Any]:
    if path.is_dir():  # checked first: Windows reports reading a folder as "permission denied"
        raise InvalidInput(tr("{path} is a folder, not a checkpoint file.").format(path=path))
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InvalidInput(tr("The checkpoint file {path} does not exist.").format(path=path)) from None
    except PermissionError:
        raise InvalidInput(
            tr("KohoGate may not read the checkpoint file {path}. Check its permissions.").format(path=path)
        ) from None
    except OSError as exc:
        raise InvalidInput(
            tr("Cannot read the checkpoint file {path}: {error}").format(path=path, error=exc.strerror or exc)
        ) from None
    except ValueError:  # not JSON, or not UTF-8 text
        raise InvalidInput(tr("{path} is not a KohoGate audit checkpoint.").format(path=path)) from None
    if not isinstance(data, dict) or data.get("format") != FORMAT or data.get("version") != VERSION:
        raise InvalidInput(tr("{path} is not a KohoGate audit checkpoint.").format(path=path))
    return data


@dataclass(frozen=True)
class CheckpointResult:
    ok: bool
    message: str
    chain: VerifyResult | None = None


def verify_against_checkpoint(
    store: Store,
    data: dict[str, Any],
    progress: Callable[[int, int], None] | None = None,
    *,
    pins: frozenset[str],
) -> CheckpointResult:
    """Does the chain still contain the checkpointed head, and is everything after it intact?

    ``pins`` are the administrator keys pinned on this terminal (:mod:`core.terminals.trust`): the
    signature counts only from a key they vouch for, since anyone who can write the database can
    register a key of their own and sign a checkpoint of a rewritten chain with it.
    """
    required = ("seq", "hash", "public_key", "signature", "fingerprint")
    if any(key not in data for key in required):
        return CheckpointResult(False, tr("The checkpoint file is incomplete."))
    if fingerprint(str(data["public_key"])) != data["fingerprint"] or not verify_signature(
        str(data["public_key"]), _signed_part(data), str(data["signature"])
    ):
        return CheckpointResult(False, tr("The checkpoint's signature is not valid: the file was altered."))
    seq, digest = int(data["seq"]), str(data["hash"])
    with store.read() as session:
        key = session.scalar(select(SigningKey).where(SigningKey.fingerprint == data["fingerprint"]))
        entry = session.get(AuditEntry, seq) if seq else None
    if key is None:
        return CheckpointResult(False, tr("The key that signed the checkpoint is not registered in this database."))
    with store.read() as session:
        signer = session.get(Staff, key.staff_id)
        is_admin = signer is not None and Role.ADMINISTRATOR.value in {r.role for r in signer.role_rows}
        # Roles change (異動 every April): what counts is that the signer was an administrator
        # when signing, which the audit.checkpoint entry written after the head proves
        # (create_checkpoint refuses anyone else, and the chain is verified below).
        signed = {"seq": seq, "hash": digest, "fingerprint": data["fingerprint"]}
        later = session.scalars(
            select(AuditEntry.payload)
            .where(AuditEntry.seq > seq, AuditEntry.event == "audit.checkpoint")
            .order_by(AuditEntry.seq)
        )
        signed_by_admin_then = any(json.loads(payload) == signed for payload in later)
    if not (is_admin or signed_by_admin_then):
        return CheckpointResult(False, tr("The checkpoint was not signed by an administrator's key."))
    if not pins:
        return CheckpointResult(
            False,
            tr(
                "This computer holds no pinned administrator key, so it cannot tell a genuine checkpoint from one "
                "signed with a key written into the database. Verify on an administrator's terminal."
            ),
        )
    with store.read() as session:
        vouched = vouched_for(session, pins, str(data["public_key"]))
    if not vouched:
        return CheckpointResult(
            False,
            tr(
                "The key that signed the checkpoint is not trusted on this computer: it is not pinned here, "
                "not registered with the signature of a pinned administrator key, or it was revoked."
            ),
        )
    # Incremental: the signed head proves everything up to it (nobody can recompute a chain to a
    # signed hash), so only its own entry is re-hashed and only what came after it is walked.
    if seq and entry is None:
        return CheckpointResult(
            False,
            tr("The chain was truncated: entry {seq} of the checkpoint no longer exists (head is {head}).").format(
                seq=seq, head=_head_seq(store)
            ),
        )
    if seq and entry is not None and entry.hash != digest:
        return CheckpointResult(
            False,
            tr("The chain was rewritten: entry {seq} no longer has the hash the checkpoint signed.").format(seq=seq),
        )
    if seq and not _entry_intact(store, seq):
        return CheckpointResult(
            False,
            tr("Audit record broken at sequence number {seq}: {reason}").format(
                seq=seq, reason=tr("content was changed after it was recorded")
            ),
            VerifyResult(False, 0, seq, seq, tr("content was changed after it was recorded")),
        )
    result = verify_chain(store, progress, after=(seq, digest if seq else chain.GENESIS_HASH))
    if not result.ok:
        return CheckpointResult(False, result.summary(), result)
    return CheckpointResult(
        True,
        tr(
            "Audit record intact and consistent with the checkpoint of entry {seq}: "
            "{count} entries after it checked, head {head}."
        ).format(seq=seq, count=result.checked, head=result.head_seq),
        result,
    )


def _head_seq(store: Store) -> int:
    with store.read() as session:
        head = session.get(AuditHead, 1)
        return head.seq if head is not None else 0


def _entry_intact(store: Store, seq: int) -> bool:
    with chain_reader(store) as reader:
        return verify_entry(reader, seq) is not None
