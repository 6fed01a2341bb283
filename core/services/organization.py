"""The organization profile and its departments."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from core.db.engine import Store
from core.db.models import Department, Organization
from core.errors import Conflict, InvalidInput, NotFound
from core.i18n import tr
from core.organization import OrganizationProfile
from core.roles import Role
from core.services.base import Service
from core.services.validation import clean_list, clean_text


def load_organization(store: Store) -> Organization:
    with store.read() as session:
        org = session.get(Organization, 1)
        if org is None:
            raise NotFound(tr("This database has not been set up yet. Start the app to run the set-up."))
        return org


def load_profile(store: Store) -> OrganizationProfile:
    with store.read() as session:
        org = session.get(Organization, 1)
        if org is None:
            raise NotFound(tr("This database has not been set up yet. Start the app to run the set-up."))
        departments = session.scalars(select(Department.name).where(Department.active).order_by(Department.id))
        return OrganizationProfile(
            name=org.name,
            own_domains=tuple(org.own_domains),
            public_phones=tuple(org.public_phones),
            public_emails=tuple(org.public_emails),
            postal_addresses=tuple(org.postal_addresses),
            departments=tuple(departments),
        )


def load_check_config(store: Store) -> dict[str, Any]:
    with store.read() as session:
        org = session.get(Organization, 1)
        return dict(org.check_config) if org is not None else {}


def list_departments(store: Store, *, include_inactive: bool = False) -> list[Department]:
    with store.read() as session:
        query = select(Department).order_by(Department.id)
        if not include_inactive:
            query = query.where(Department.active)
        return list(session.scalars(query))


@dataclass(frozen=True)
class ProfileUpdate:
    name: str
    own_domains: Sequence[str]
    public_phones: Sequence[str]
    public_emails: Sequence[str]
    postal_addresses: Sequence[str]


class OrganizationService(Service):
    def update_profile(self, update: ProfileUpdate) -> None:
        with self.store.write() as session:
            self.authorize(session, Role.ADMINISTRATOR)
            org = session.get(Organization, 1)
            if org is None:
                raise NotFound(tr("This database has not been set up yet. Start the app to run the set-up."))
            before = {
                "name": org.name,
                "own_domains": org.own_domains,
                "public_phones": org.public_phones,
                "public_emails": org.public_emails,
                "postal_addresses": org.postal_addresses,
            }
            org.name = clean_text(update.name, tr("Organization name"), max_length=200)
            org.own_domains = clean_list(update.own_domains, lower=True)
            org.public_phones = clean_list(update.public_phones)
            org.public_emails = clean_list(update.public_emails, lower=True)
            org.postal_addresses = clean_list(update.postal_addresses)
            after = {
                "name": org.name,
                "own_domains": org.own_domains,
                "public_phones": org.public_phones,
                "public_emails": org.public_emails,
                "postal_addresses": org.postal_addresses,
            }
            changed = {k: {"from": before[k], "to": after[k]} for k in after if before[k] != after[k]}
            if changed:
                self.record(session, "organization.updated", {"changes": changed})

    def set_check_config(self, config: dict[str, Any]) -> None:
        """Store the organization's check settings (設定 → チェック項目); audited with before/after."""
        from core.checks.config import CheckConfig

        try:
            # Round-trip through CheckConfig: only a valid, normalised configuration is stored.
            config = CheckConfig.from_json(config).to_json()
        except ValueError as exc:
            raise InvalidInput(tr("The check settings are invalid: {error}").format(error=exc)) from None
        with self.store.write() as session:
            self.authorize(session, Role.ADMINISTRATOR)
            org = session.get(Organization, 1)
            if org is None:
                raise NotFound(tr("This database has not been set up yet. Start the app to run the set-up."))
            if org.check_config != config:
                self.record(session, "checks.configured", {"from": org.check_config, "to": config})
                org.check_config = config

    def add_department(self, name: str, code: str | None = None) -> int:
        with self.store.write() as session:
            self.authorize(session, Role.ADMINISTRATOR)
            clean = clean_text(name, tr("Department name"), max_length=200)
            if session.scalar(select(Department).where(Department.name == clean)) is not None:
                raise Conflict(tr("A department named {name} already exists.").format(name=clean))
            dept = Department(name=clean, code=(code or "").strip().lower() or None)
            session.add(dept)
            session.flush()
            self.record(session, "department.created", {"department_id": dept.id, "name": clean, "code": dept.code})
            return dept.id
