"""What every service shares: the store, the acting person and role checks."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from core.audit import chain
from core.errors import InvalidInput, NotFound, PermissionDenied
from core.i18n import tr
from core.organization.identity import Actor
from core.organization.roles import Role, roles_label
from core.storage.engine import Store
from core.storage.guard import MAX_INTEGER
from core.storage.locks import get_for_update
from core.storage.models import Organization, Staff


@dataclass
class Service:
    store: Store
    actor: Actor

    def authorize(self, session: Session, *roles: Role) -> Staff:
        """The acting staff row, re-read in this transaction, holding one of ``roles``.

        Roles are checked against the database, not the snapshot taken at
        log-in, so a role removed a minute ago is already gone.
        """
        staff = session.get(Staff, self.actor.staff_id)
        if staff is None or not staff.active:
            raise PermissionDenied(tr("Your staff record is inactive or missing. Ask an administrator."))
        held = {Role(r.role) for r in staff.role_rows}
        if roles and not held.intersection(roles):
            raise PermissionDenied(
                tr("This needs the role {needed}; you have {held}.").format(
                    needed=roles_label(set(roles), alternatives=True), held=roles_label(held)
                )
            )
        return staff

    def record(self, session: Session, event: str, payload: Mapping[str, Any]) -> None:
        chain.append(session, self.actor.recorder, event, payload)

    @staticmethod
    def get_locked(session: Session, model: type[Any], ident: int, what: str, *, bare: bool = False) -> Any:
        """Like :meth:`get_or_404`, holding a row lock to the end of the transaction.

        For read-then-write changes (state, row version): a second workstation
        doing the same waits and then sees the first one's result.
        """
        row = get_for_update(session, model, _row_id(ident, what), bare=bare)
        if row is None:
            raise NotFound(tr("{what} {id} does not exist.").format(what=what, id=ident))
        return row

    @staticmethod
    def get_or_404(session: Session, model: type[Any], ident: int, what: str) -> Any:
        row = session.get(model, _row_id(ident, what))
        if row is None:
            raise NotFound(tr("{what} {id} does not exist.").format(what=what, id=ident))
        return row


def _row_id(ident: Any, what: str) -> int:
    """``ident`` as a row id: ``"7"``, ``True`` or ``2**63`` would otherwise reach the driver."""
    if isinstance(ident, bool) or not isinstance(ident, int):
        raise InvalidInput(tr("{what}: the id must be a whole number.").format(what=what))
    if not 0 < ident <= MAX_INTEGER:
        raise NotFound(tr("{what} {id} does not exist.").format(what=what, id=ident))
    return ident


def organization_row(session: Session) -> Organization:
    """The organization (row 1), or ``NotFound`` telling the user to run the set-up."""
    org = session.get(Organization, 1)
    if org is None:
        raise NotFound(tr("This database has not been set up yet. Start the app to run the set-up."))
    return org
