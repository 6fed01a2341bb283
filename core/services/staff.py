"""Staff records, their roles, and resolving the OS login to one of them."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from core.errors import Conflict, InvalidInput, NotFound
from core.i18n import tr
from core.organization.identity import Actor, normalize_login
from core.organization.roles import Role
from core.services.base import Service
from core.services.validation import clean_text
from core.storage.engine import Store
from core.storage.models import Department, Staff, StaffRole


@dataclass(frozen=True)
class StaffInfo:
    id: int
    display_name: str
    login: str
    department: str
    roles: frozenset[Role]
    active: bool
    department_id: int | None = None


def staff_info(staff: Staff) -> StaffInfo:
    """A staff row as the layers above see it (its roles and department loaded with it)."""
    return StaffInfo(
        id=staff.id,
        display_name=staff.display_name,
        login=staff.os_login,
        department=staff.department.name if staff.department else "",
        roles=frozenset(Role(r.role) for r in staff.role_rows),
        active=staff.active,
        department_id=staff.department_id,
    )


def _role_set(roles: Iterable[Role]) -> list[Role]:
    return sorted({Role(r) for r in roles})


def _require_a_role(roles: list[Role]) -> None:
    """Every action in KohoGate needs a role, so a record without one is a mistake, not a way to block someone."""
    if not roles:
        raise InvalidInput(
            tr(
                "Choose at least one role: a person without a role can do nothing in KohoGate. "
                "To take away someone's access, deactivate them instead."
            )
        )


def list_staff(store: Store, *, include_inactive: bool = True) -> list[StaffInfo]:
    with store.read() as session:
        query = select(Staff).order_by(Staff.id)
        if not include_inactive:
            query = query.where(Staff.active)
        return [staff_info(s) for s in session.scalars(query)]


def find_by_login(store: Store, login: str) -> StaffInfo | None:
    with store.read() as session:
        staff = session.scalar(select(Staff).where(Staff.os_login == normalize_login(login)))
        return staff_info(staff) if staff is not None else None


def actor_of(info: StaffInfo, terminal: str) -> Actor:
    """The :class:`Actor` a member of staff acts as on ``terminal``."""
    return Actor(
        staff_id=info.id, login=info.login, display_name=info.display_name, roles=info.roles, terminal=terminal
    )


def actor_for(store: Store, login: str, terminal: str) -> Actor | None:
    """The :class:`Actor` for an OS login, or ``None`` when unknown or inactive."""
    info = find_by_login(store, login)
    if info is None or not info.active:
        return None
    return actor_of(info, terminal)


def actor_for_staff(store: Store, staff_id: int, terminal: str) -> Actor:
    with store.read() as session:
        staff = session.get(Staff, staff_id)
        if staff is None:
            raise NotFound(tr("{what} {id} does not exist.").format(what=tr("Staff"), id=staff_id))
        info = staff_info(staff)
    return actor_of(info, terminal)


class StaffService(Service):
    def create(self, display_name: str, login: str, department_id: int | None, roles: Iterable[Role]) -> int:
        name = clean_text(display_name, tr("Name"), max_length=200)
        os_login = normalize_login(login)
        if not os_login:
            raise InvalidInput(tr("{field} is required.").format(field=tr("OS login")))
        role_set = _role_set(roles)
        with self.store.write() as session:
            self.authorize(session, Role.ADMINISTRATOR)
            if session.scalar(select(Staff).where(Staff.os_login == os_login)) is not None:
                raise Conflict(tr("The login {login} is already registered.").format(login=os_login))
            _require_a_role(role_set)
            if department_id is not None:
                self.get_or_404(session, Department, department_id, tr("Department"))
            staff = Staff(display_name=name, os_login=os_login, department_id=department_id)
            staff.role_rows = [StaffRole(role=r.value) for r in role_set]
            session.add(staff)
            session.flush()
            self.record(
                session,
                "staff.created",
                {
                    "staff_id": staff.id,
                    "login": os_login,
                    "display_name": name,
                    "department_id": department_id,
                    "roles": [r.value for r in role_set],
                },
            )
            return staff.id

    def set_roles(self, staff_id: int, roles: Iterable[Role]) -> None:
        role_set = _role_set(roles)
        with self.store.write() as session:
            self.authorize(session, Role.ADMINISTRATOR)
            staff: Staff = self.get_or_404(session, Staff, staff_id, tr("Staff"))
            self._replace_roles(session, staff, role_set)

    def set_department(self, staff_id: int, department_id: int | None) -> None:
        """Move a member of staff to another department (異動); their approval rights follow it."""
        with self.store.write() as session:
            self.authorize(session, Role.ADMINISTRATOR)
            staff: Staff = self.get_or_404(session, Staff, staff_id, tr("Staff"))
            self._move(session, staff, department_id)

    def rename(self, staff_id: int, display_name: str) -> bool:
        """Correct a display name (a typo, a change of name); returns whether it changed.

        The correction is in the record (``staff.renamed``, both names); what was recorded
        before keeps the name it was made with (:mod:`core.signoff.names`).
        """
        name = clean_text(display_name, tr("Name"), max_length=200)
        with self.store.write() as session:
            self.authorize(session, Role.ADMINISTRATOR)
            staff: Staff = self.get_or_404(session, Staff, staff_id, tr("Staff"))
            return self._rename(session, staff, name)

    def _rename(self, session: Session, staff: Staff, name: str) -> bool:
        if staff.display_name == name:
            return False
        self.record(session, "staff.renamed", {"staff_id": staff.id, "from": staff.display_name, "to": name})
        staff.display_name = name
        return True

    def update(
        self,
        staff_id: int,
        *,
        roles: Iterable[Role],
        department_id: int | None,
        display_name: str | None = None,
    ) -> bool:
        """Change roles and department together (設定 → 職員 → 編集): both are saved, or neither.

        Each change is audited as by :meth:`set_roles` and :meth:`set_department`; what did not
        change is not recorded. Returns whether anything changed.
        """
        role_set = _role_set(roles)
        name = clean_text(display_name, tr("Name"), max_length=200) if display_name is not None else None
        with self.store.write() as session:
            self.authorize(session, Role.ADMINISTRATOR)
            staff: Staff = self.get_or_404(session, Staff, staff_id, tr("Staff"))
            changed = name is not None and self._rename(session, staff, name)
            if sorted(r.role for r in staff.role_rows) != [r.value for r in role_set]:
                self._replace_roles(session, staff, role_set)
                changed = True
            else:
                _require_a_role(role_set)
            return self._move(session, staff, department_id) or changed

    def _replace_roles(self, session: Session, staff: Staff, role_set: list[Role]) -> None:
        _require_a_role(role_set)
        before = sorted(r.role for r in staff.role_rows)
        if staff.id == self.actor.staff_id and Role.ADMINISTRATOR not in role_set:
            self._ensure_another_admin(session, staff.id)
        staff.role_rows = [StaffRole(role=r.value) for r in role_set]
        self.record(
            session,
            "staff.roles_changed",
            {"staff_id": staff.id, "from": before, "to": [r.value for r in role_set]},
        )

    def _move(self, session: Session, staff: Staff, department_id: int | None) -> bool:
        if department_id is not None:
            self.get_or_404(session, Department, department_id, tr("Department"))
        if staff.department_id == department_id:
            return False
        self.record(
            session,
            "staff.department_changed",
            {"staff_id": staff.id, "from": staff.department_id, "to": department_id},
        )
        before = staff.department
        after_row = session.get(Department, department_id) if department_id is not None else None
        staff.department_id = department_id
        if before is not None:
            # 異動 (wako:5-カ / joso:6(1)): the people running their accounts changed (same transaction).
            # A first department for someone who had none is data entry, not a move.
            from core.accounts.rotation import on_staff_moved

            on_staff_moved(session, self.actor.recorder, staff, before.name, after_row.name if after_row else "")
        return True

    def set_active(self, staff_id: int, active: bool) -> None:
        with self.store.write() as session:
            self.authorize(session, Role.ADMINISTRATOR)
            staff: Staff = self.get_or_404(session, Staff, staff_id, tr("Staff"))
            if not active and any(r.role == Role.ADMINISTRATOR for r in staff.role_rows):
                self._ensure_another_admin(session, staff.id)
            if staff.active != active:
                staff.active = active
                payload: dict[str, object] = {"staff_id": staff.id}
                if not active:
                    from core.signoff.approval import unpublished_approvals_by

                    # Named in the record so the supervisor sees why these drafts need a new approval.
                    payload["approvals_stopped"] = unpublished_approvals_by(session, staff.id)
                self.record(session, "staff.activated" if active else "staff.deactivated", payload)
                if not active:
                    # wako:5-カ / joso:6(1): their accounts need a password change (same transaction).
                    from core.accounts.rotation import on_staff_deactivated

                    on_staff_deactivated(session, self.actor.recorder, staff)

    @staticmethod
    def _ensure_another_admin(session: Session, staff_id: int) -> None:
        others = session.scalars(
            select(Staff.id)
            .join(StaffRole)
            .where(StaffRole.role == Role.ADMINISTRATOR.value, Staff.active, Staff.id != staff_id)
        ).first()
        if others is None:
            raise Conflict(tr("At least one active administrator must remain."))
