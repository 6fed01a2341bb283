"""Registering and revoking personal signing keys (administrators only).

A supervisor creates a key on their own terminal (:func:`announce`), which
records the public key and fingerprint in the audit record; an
administrator compares the fingerprint with the person and registers it. Only
registered, unrevoked keys make valid approvals.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from core.errors import Conflict, InvalidInput
from core.i18n import tr
from core.organization.roles import Role
from core.services.base import Service
from core.signoff.keys import SecretStore, create_personal_key, fingerprint
from core.storage.engine import Store
from core.storage.models import AuditEntry, SigningKey, Staff, utcnow
from core.terminals.trust import Endorser, endorse, endorser_key_row, signing_key_statement


@dataclass(frozen=True)
class KeyInfo:
    id: int
    staff_id: int
    staff_name: str
    fingerprint: str
    public_key: str
    registered_at: datetime
    revoked_at: datetime | None


@dataclass(frozen=True)
class Announcement:
    login: str
    public_key: str
    fingerprint: str
    recorded_at: str


def list_keys(store: Store) -> list[KeyInfo]:
    with store.read() as session:
        rows = session.execute(
            select(SigningKey, Staff.display_name).join(Staff, Staff.id == SigningKey.staff_id).order_by(SigningKey.id)
        )
        return [
            KeyInfo(k.id, k.staff_id, name, k.fingerprint, k.public_key, k.registered_at, k.revoked_at)
            for k, name in rows
        ]


def unregistered_announcements(store: Store) -> list[Announcement]:
    """Keys people created on their terminals that no administrator has registered yet."""
    with store.read() as session:
        known = set(session.scalars(select(SigningKey.fingerprint)))
        entries = session.scalars(
            select(AuditEntry).where(AuditEntry.event == "signing_key.created").order_by(AuditEntry.seq)
        )
        result: dict[str, Announcement] = {}
        for entry in entries:
            data = json.loads(entry.payload)
            if data.get("fingerprint") not in known:
                result[data["fingerprint"]] = Announcement(
                    entry.actor, data["public_key"], data["fingerprint"], entry.recorded_at
                )
        return list(result.values())


def active_key(session: Session, staff_id: int, key_fingerprint: str) -> SigningKey | None:
    return session.scalar(
        select(SigningKey).where(
            SigningKey.staff_id == staff_id,
            SigningKey.fingerprint == key_fingerprint,
            SigningKey.revoked_at.is_(None),
        )
    )


class SigningKeyService(Service):
    def create_and_announce(self, secrets: SecretStore) -> str:
        """Create this person's key on this terminal; return its fingerprint for the administrator."""
        pair = create_personal_key(secrets, self.actor.login)
        with self.store.write() as session:
            self.authorize(session)
            self.record(
                session,
                "signing_key.created",
                {"staff_id": self.actor.staff_id, "public_key": pair.public_key, "fingerprint": pair.fingerprint},
            )
        return pair.fingerprint

    def register(self, staff_id: int, public_key: str, *, endorser: Endorser | None = None) -> int:
        """Register ``public_key`` for ``staff_id``, endorsed with the administrator's own key.

        Without ``endorser`` the key is registered but no terminal with pinned
        administrator keys trusts approvals made with it
        (:mod:`core.terminals.trust`).
        """
        digest = fingerprint(public_key)  # also validates the key
        with self.store.write() as session:
            admin = self.authorize(session, Role.ADMINISTRATOR)
            # An administrator without a registered key may register their own, endorsed by itself: it
            # counts only where it is pinned (a terminal pins the key that endorsed its approval).
            self_endorsed = endorser is not None and staff_id == admin.id and endorser.public_key == public_key.strip()
            if endorser is not None and not self_endorsed:
                endorser_key_row(session, admin.id, endorser)
            staff: Staff = self.get_or_404(session, Staff, staff_id, tr("Staff"))
            if not staff.active:
                raise InvalidInput(tr("{name} is not an active member of staff.").format(name=staff.display_name))
            if session.scalar(select(SigningKey).where(SigningKey.fingerprint == digest)) is not None:
                raise Conflict(tr("This key is already registered."))
            key = SigningKey(
                staff_id=staff.id,
                public_key=public_key.strip(),
                fingerprint=digest,
                registered_by_id=self.actor.staff_id,
            )
            if endorser is not None:
                key.endorsement, key.endorser_key = endorse(endorser, signing_key_statement(staff.id, key.public_key))
            session.add(key)
            session.flush()
            self.record(
                session,
                "signing_key.registered",
                {
                    "key_id": key.id,
                    "staff_id": staff.id,
                    "fingerprint": digest,
                    "public_key": key.public_key,
                    "endorser_fingerprint": fingerprint(key.endorser_key) if key.endorser_key else None,
                },
            )
            return key.id

    def endorse(self, key_id: int, endorser: Endorser) -> None:
        """Sign an existing registration with the administrator's own key (keys registered before endorsements)."""
        with self.store.write() as session:
            admin = self.authorize(session, Role.ADMINISTRATOR)
            key: SigningKey = self.get_or_404(session, SigningKey, key_id, tr("Signing key"))
            if key.revoked_at is not None:
                raise Conflict(tr("This key has been revoked."))
            if not (key.staff_id == admin.id and endorser.public_key == key.public_key):
                endorser_key_row(session, admin.id, endorser)
            key.endorsement, key.endorser_key = endorse(endorser, signing_key_statement(key.staff_id, key.public_key))
            self.record(
                session,
                "signing_key.endorsed",
                {
                    "key_id": key.id,
                    "staff_id": key.staff_id,
                    "fingerprint": key.fingerprint,
                    "endorser_fingerprint": fingerprint(key.endorser_key),
                },
            )

    def revoke(self, key_id: int) -> None:
        with self.store.write() as session:
            self.authorize(session, Role.ADMINISTRATOR)
            key: SigningKey = self.get_or_404(session, SigningKey, key_id, tr("Signing key"))
            if key.revoked_at is not None:
                return
            key.revoked_at = utcnow()
            key.revoked_by_id = self.actor.staff_id
            self.record(
                session,
                "signing_key.revoked",
                {"key_id": key.id, "staff_id": key.staff_id, "fingerprint": key.fingerprint},
            )
