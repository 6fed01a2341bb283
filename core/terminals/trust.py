"""Trust anchored outside the database: administrator keys pinned in each terminal's keyring.

Anyone who can write the database could otherwise insert a signing key, a
review signed with it and a terminal approval of their own. So every
registration of a signing key and every approval of a terminal carries an
*endorsement*: an Ed25519 signature by an administrator's personal key over
a canonical statement of what was registered or approved. A terminal trusts
an endorsement only if its key is pinned in that terminal's own OS keyring,
or is itself the endorsed key of an administrator whose registration chains
back to a pinned key (so a new administrator needs no visit to every
terminal).

Pinning: the first administrator's terminal pins its own key at set-up
(:func:`core.services.setup.initialize`). Any other terminal pins the key
that endorsed its approval the first time it finds itself approved
(:func:`adopt_anchors`, written to the audit record as
``terminal.anchors_pinned``); from then on the pins come from the keyring
alone and no database write changes them. That first sight is trust on first
use: a database writer who forges an approval *before* a new terminal's
first post can get their key pinned there (the entry shows which key was
pinned; compare its fingerprint with the administrator's).
"""

from __future__ import annotations

import enum
import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from sqlalchemy import select
from sqlalchemy.orm import Session

from core.audit import chain
from core.audit.canonical import canonical_json, utc_iso
from core.audit.recorder import Recorder
from core.credentials import ed25519
from core.credentials.vault import Vault
from core.errors import KohoGateError
from core.i18n import tr
from core.lifecycle.states import TerminalStatus
from core.organization.roles import Role
from core.storage.engine import Store
from core.storage.models import SigningKey, Staff, StaffRole, Terminal


def anchors_name(terminal_uid: str) -> str:
    """Keyring entry holding the administrator public keys pinned on one terminal."""
    return f"trust-anchors@{terminal_uid}"


def pinned_keys(vault: Vault, terminal_uid: str) -> frozenset[str]:
    stored = vault.get(anchors_name(terminal_uid))
    if not stored:
        return frozenset()
    try:
        keys = json.loads(stored)
    except ValueError:
        return frozenset()
    return frozenset(k for k in keys if isinstance(k, str)) if isinstance(keys, list) else frozenset()


def pin(vault: Vault, terminal_uid: str, keys: Iterable[str]) -> frozenset[str]:
    """Add ``keys`` (base64 Ed25519 public keys) to this terminal's pins; the pins after."""
    merged = pinned_keys(vault, terminal_uid) | {k.strip() for k in keys}
    for key in merged:
        ed25519.decode_public_key(key)  # a malformed key never becomes an anchor
    vault.store(anchors_name(terminal_uid), json.dumps(sorted(merged)))
    return merged


class Endorser(Protocol):
    """An administrator's personal key (:class:`core.signoff.keys.Signer` fits)."""

    @property
    def public_key(self) -> str: ...
    def sign(self, message: bytes) -> str: ...


def signing_key_statement(staff_id: int, public_key: str) -> bytes:
    """What an administrator signs when registering ``public_key`` for ``staff_id``."""
    body = {"statement": "kohogate.signing_key.registered", "staff_id": staff_id, "public_key": public_key.strip()}
    return canonical_json(body).encode("utf-8")


def terminal_statement(
    *, uid: str, scope_all: bool, account_ids: Iterable[int], expires_at: datetime | None, kind: str
) -> bytes:
    """What an administrator signs when approving a terminal: who, for which accounts, until when."""
    body = {
        "statement": "kohogate.terminal.approved",
        "uid": uid,
        "scope_all": bool(scope_all),
        "account_ids": sorted(int(i) for i in account_ids),
        "expires_at": utc_iso(expires_at) if expires_at is not None else None,
        "kind": kind,
    }
    return canonical_json(body).encode("utf-8")


def terminal_row_statement(row: Terminal) -> bytes:
    return terminal_statement(
        uid=row.uid,
        scope_all=bool(row.scope_all),
        account_ids=row.scope_account_ids or [],
        expires_at=row.expires_at,
        kind=row.kind or "regular",
    )


def _administrator_keys(session: Session) -> dict[str, SigningKey]:
    """Unrevoked keys of active administrators, by public key."""
    rows = session.scalars(
        select(SigningKey)
        .join(Staff, Staff.id == SigningKey.staff_id)
        .join(StaffRole, StaffRole.staff_id == Staff.id)
        .where(SigningKey.revoked_at.is_(None), Staff.active, StaffRole.role == Role.ADMINISTRATOR.value)
    )
    return {row.public_key: row for row in rows}


def _endorsed(statement: bytes, endorser_key: str | None, endorsement: str | None, trusted: frozenset[str]) -> bool:
    return (
        bool(endorser_key and endorsement)
        and endorser_key in trusted
        and ed25519.verify(str(endorser_key), statement, str(endorsement))
    )


def trusted_keys(session: Session, pins: frozenset[str]) -> frozenset[str]:
    """The pinned keys plus every administrator key endorsed, link by link, by one already trusted.

    A pinned key whose registration was revoked stops counting; an
    administrator key that is not pinned counts only through the chain.
    """
    admins = _administrator_keys(session)
    revoked = set(session.scalars(select(SigningKey.public_key).where(SigningKey.revoked_at.is_not(None))))
    trusted = {key for key in pins if key not in revoked}
    changed = True
    while changed:
        changed = False
        for public, row in admins.items():
            if public in trusted:
                continue
            statement = signing_key_statement(row.staff_id, row.public_key)
            if _endorsed(statement, row.endorser_key, row.endorsement, frozenset(trusted)):
                trusted.add(public)
                changed = True
    return frozenset(trusted)


def vouched_for(session: Session, pins: frozenset[str], public_key: str) -> bool:
    """May ``public_key`` vouch for a record signed in the past (an audit checkpoint)?

    It must be pinned here or registered with the endorsement of a key that
    chains to the pins, whatever its holder's role today (a signer who has
    since moved posts still signed then); and never revoked: what a revoked
    key signed cannot be told from what someone forged with it afterwards.
    """
    public = public_key.strip()
    if public in set(session.scalars(select(SigningKey.public_key).where(SigningKey.revoked_at.is_not(None)))):
        return False
    trusted = trusted_keys(session, pins)
    if public in trusted:
        return True
    rows = session.scalars(select(SigningKey).where(SigningKey.public_key == public))
    return any(
        _endorsed(signing_key_statement(r.staff_id, r.public_key), r.endorser_key, r.endorsement, trusted) for r in rows
    )


class TrustProblem(enum.StrEnum):
    NONE = "ok"
    NO_ANCHORS = "trust_no_anchors"
    TERMINAL_UNENDORSED = "trust_terminal_unendorsed"
    KEY_UNENDORSED = "trust_key_unendorsed"


@dataclass(frozen=True)
class TrustCheck:
    problem: TrustProblem
    message: str = ""

    @property
    def ok(self) -> bool:
        return self.problem is TrustProblem.NONE


def _message(problem: TrustProblem) -> str:
    return {
        TrustProblem.NONE: "",
        TrustProblem.NO_ANCHORS: tr(
            "This terminal holds no pinned administrator key, so it cannot tell a genuine approval from one "
            "written into the database. Ask an administrator to approve this terminal with their signing key."
        ),
        TrustProblem.TERMINAL_UNENDORSED: tr(
            "This terminal's approval is not signed by an administrator key pinned on this terminal "
            "(it may have been written into the database directly). Ask an administrator to approve it again."
        ),
        TrustProblem.KEY_UNENDORSED: tr(
            "The approver's signing key was not registered with the signature of an administrator key pinned "
            "on this terminal (it may have been written into the database directly). Ask an administrator to "
            "register the key again."
        ),
    }[problem]


def verify_chain(session: Session, pins: frozenset[str], terminal_uid: str, signing_key_id: int | None) -> TrustCheck:
    """Does this terminal's approval, and the approver's key (if any), chain to the pinned keys?"""
    if not pins:
        return TrustCheck(TrustProblem.NO_ANCHORS, _message(TrustProblem.NO_ANCHORS))
    trusted = trusted_keys(session, pins)
    terminal = session.scalar(select(Terminal).where(Terminal.uid == terminal_uid))
    if terminal is None or not _endorsed(
        terminal_row_statement(terminal), terminal.endorser_key, terminal.endorsement, trusted
    ):
        return TrustCheck(TrustProblem.TERMINAL_UNENDORSED, _message(TrustProblem.TERMINAL_UNENDORSED))
    if signing_key_id is not None:
        key = session.get(SigningKey, signing_key_id)
        if key is None or not _endorsed(
            signing_key_statement(key.staff_id, key.public_key), key.endorser_key, key.endorsement, trusted
        ):
            return TrustCheck(TrustProblem.KEY_UNENDORSED, _message(TrustProblem.KEY_UNENDORSED))
    return TrustCheck(TrustProblem.NONE)


def anchor_candidate(session: Session, terminal_uid: str) -> str | None:
    """The key that endorsed this terminal's approval, if it may be pinned on first sight.

    It must be an unrevoked key of an active administrator and its
    signature over the approval as it stands must verify.
    """
    terminal = session.scalar(select(Terminal).where(Terminal.uid == terminal_uid))
    if terminal is None or terminal.status != TerminalStatus.APPROVED.value or not terminal.endorser_key:
        return None
    endorser = str(terminal.endorser_key)
    if endorser not in _administrator_keys(session):
        return None
    if not _endorsed(terminal_row_statement(terminal), endorser, terminal.endorsement, frozenset({endorser})):
        return None
    return endorser


def endorse(signer: Endorser, statement: bytes) -> tuple[str, str]:
    """``(endorsement, endorser_key)`` for a statement, checked before it is stored."""
    signature = signer.sign(statement)
    if not ed25519.verify(signer.public_key, statement, signature):
        raise KohoGateError(tr("The signature could not be verified with your registered key."))
    return signature, signer.public_key


def endorser_key_row(session: Session, staff_id: int, signer: Endorser) -> SigningKey:
    """The acting administrator's registered, unrevoked key that ``signer`` holds; or refuse."""
    public = signer.public_key
    row = session.scalar(
        select(SigningKey).where(
            SigningKey.staff_id == staff_id,
            SigningKey.public_key == public,
            SigningKey.revoked_at.is_(None),
        )
    )
    if row is None:
        raise KohoGateError(
            tr(
                "Your signing key on this computer is not registered, or it was revoked. "
                "Ask an administrator to register it (fingerprint {fingerprint})."
            ).format(fingerprint=ed25519.fingerprint(public)[:16])
        )
    return row


def adopt_anchors(store: Store, vault: Vault, terminal_uid: str, recorder: Recorder) -> frozenset[str]:
    """This terminal's pins; on first sight of an endorsed approval, pin its endorser first (audited)."""
    pins = pinned_keys(vault, terminal_uid)
    if pins:
        return pins
    with store.read() as session:
        candidate = anchor_candidate(session, terminal_uid)
    if candidate is None:
        return pins
    pins = pin(vault, terminal_uid, [candidate])
    with store.write() as session:
        chain.append(
            session,
            recorder,
            "terminal.anchors_pinned",
            {
                "terminal_uid": terminal_uid,
                "fingerprints": sorted(ed25519.fingerprint(k) for k in pins),
                "first_use": True,
            },
        )
    return pins


def check_trust(
    store: Store, vault: Vault, terminal_uid: str, signing_key_id: int | None, recorder: Recorder
) -> TrustCheck:
    """:func:`verify_chain` with this terminal's pins (adopted on first sight)."""
    pins = adopt_anchors(store, vault, terminal_uid, recorder)
    with store.read() as session:
        return verify_chain(session, pins, terminal_uid, signing_key_id)
