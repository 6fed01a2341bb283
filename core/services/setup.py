"""First run: create the organization and make the current user its first administrator."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from core.audit import chain
from core.credentials.ed25519 import fingerprint
from core.credentials.vault import Vault
from core.errors import Conflict, InvalidInput
from core.i18n import tr
from core.organization.identity import normalize_login
from core.organization.roles import Role
from core.services.validation import clean_list, clean_text
from core.storage.engine import Store
from core.storage.models import Department, Organization, SigningKey, Staff, StaffRole
from core.terminals.trust import Endorser, endorse, pin, signing_key_statement


@dataclass(frozen=True)
class OrganizationSetup:
    name: str
    admin_display_name: str
    admin_department: str
    own_domains: tuple[str, ...] = ()
    public_phones: tuple[str, ...] = ()
    public_emails: tuple[str, ...] = ()
    postal_addresses: tuple[str, ...] = ()
    departments: tuple[str, ...] = field(default=())
    is_demo: bool = False


def is_initialized(store: Store) -> bool:
    with store.read() as session:
        return session.get(Organization, 1) is not None


def initialize(
    store: Store,
    setup: OrganizationSetup,
    *,
    login: str,
    terminal: str,
    signer: Endorser | None = None,
    vault: Vault | None = None,
) -> int:
    """Create the organization and the first administrator; return the admin's staff id.

    Refused once an organization exists: from then on only administrators
    create staff, through :mod:`core.services.staff`.

    ``signer`` is the first administrator's personal key: it is registered
    endorsed by itself (the root of the organization's chain of trust) and,
    with ``vault``, pinned on this terminal (:mod:`core.terminals.trust`).
    """
    name = clean_text(setup.name, tr("Organization name"), max_length=200)
    admin_name = clean_text(setup.admin_display_name, tr("Your name"), max_length=200)
    admin_dept = clean_text(setup.admin_department, tr("Your department"), max_length=200)
    login = normalize_login(login)
    if not login:
        raise InvalidInput(tr("The OS login name is empty."))
    departments = list(dict.fromkeys([admin_dept, *clean_list(setup.departments)]))
    with store.write() as session:
        if session.get(Organization, 1) is not None or (session.scalar(select(func.count()).select_from(Staff)) or 0):
            raise Conflict(tr("This database is already set up."))
        org = Organization(
            id=1,
            name=name,
            own_domains=clean_list(setup.own_domains, lower=True),
            public_phones=clean_list(setup.public_phones),
            public_emails=clean_list(setup.public_emails, lower=True),
            postal_addresses=clean_list(setup.postal_addresses),
            check_config={},
            is_demo=setup.is_demo,
        )
        session.add(org)
        dept_rows = {d: Department(name=d) for d in departments}
        session.add_all(dept_rows.values())
        session.flush()
        admin = Staff(display_name=admin_name, os_login=login, department_id=dept_rows[admin_dept].id)
        admin.role_rows = [StaffRole(role=Role.ADMINISTRATOR.value)]
        session.add(admin)
        session.flush()
        recorder = chain.Recorder(actor=login, terminal=terminal)
        chain.append(
            session,
            recorder,
            "organization.created",
            {
                "name": org.name,
                "own_domains": org.own_domains,
                "public_phones": org.public_phones,
                "public_emails": org.public_emails,
                "postal_addresses": org.postal_addresses,
                "departments": departments,
                "demo": setup.is_demo,
            },
        )
        chain.append(
            session,
            recorder,
            "staff.created",
            {
                "staff_id": admin.id,
                "login": login,
                "display_name": admin_name,
                "department": admin_dept,
                "roles": [Role.ADMINISTRATOR.value],
                "first_administrator": True,
            },
        )
        if signer is not None:
            _register_root_key(session, recorder, admin.id, signer)
    if signer is not None and vault is not None:
        pin(vault, terminal, [signer.public_key])
    return admin.id


def _register_root_key(session: Session, recorder: chain.Recorder, admin_id: int, signer: Endorser) -> None:
    public = signer.public_key.strip()
    endorsement, endorser_key = endorse(signer, signing_key_statement(admin_id, public))
    key = SigningKey(
        staff_id=admin_id,
        public_key=public,
        fingerprint=fingerprint(public),
        registered_by_id=admin_id,
        endorsement=endorsement,
        endorser_key=endorser_key,
    )
    session.add(key)
    session.flush()
    chain.append(
        session,
        recorder,
        "signing_key.registered",
        {
            "key_id": key.id,
            "staff_id": admin_id,
            "fingerprint": key.fingerprint,
            "public_key": public,
            "endorser_fingerprint": fingerprint(endorser_key),
            "first_administrator": True,
        },
    )
