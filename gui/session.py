"""The GUI's handle on the open environment and the person using it.

One instance is shared by every screen. Its signal says who is acting; what
changed is announced on the change hub (:mod:`gui.changes`), so screens do
not need to know each other.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QObject, Signal

from core.organization.identity import Actor
from core.organization.roles import Role
from core.runtime.bootstrap import Environment
from core.services.base import Service
from core.services.staff import actor_for_staff
from core.services.terminals import TerminalInfo, terminal_by_uid

if TYPE_CHECKING:
    from core.storage.engine import Store

S = TypeVar("S", bound=Service)


class AppSession(QObject):
    """Signals: ``actor_changed(Actor)`` when the demo user switcher picks someone else."""

    actor_changed = Signal(object)

    def __init__(
        self, env: Environment, actor: Actor, parent: QObject | None = None, *, is_demo: bool | None = None
    ) -> None:
        super().__init__(parent)
        self.env = env
        self.actor = actor
        self._is_demo = is_demo  # known already when the start read it (core.services.startup)

    @property
    def store(self) -> Store:
        return self.env.store

    def service(self, cls: type[S]) -> S:
        return cls(self.store, self.actor)

    def has(self, role: Role) -> bool:
        return self.actor.has(role)

    @property
    def is_demo(self) -> bool:
        if self._is_demo is None:
            from core.services.organization import is_demo_organization

            self._is_demo = is_demo_organization(self.store)
        return self._is_demo

    def is_deputy(self) -> bool:
        """Named as a deputy (代理) for a supervisor right now."""
        from core.services.deputies import is_active_deputy

        return is_active_deputy(self.store, self.actor.staff_id)

    def terminal(self) -> TerminalInfo | None:
        return terminal_by_uid(self.store, self.env.terminal.uid)

    def set_actor(self, actor: Actor) -> None:
        """The same person with what the database now says (roles changed, name corrected)."""
        self.actor = actor
        self.actor_changed.emit(actor)

    def switch_to(self, staff_id: int) -> None:
        """Act as another staff member: only ever offered in a demo database."""
        if not self.is_demo:
            raise PermissionError("user switching exists only in demo data")
        self.actor = actor_for_staff(self.store, staff_id, self.env.terminal.uid)
        self.actor_changed.emit(self.actor)
        from gui.changes import Changes, announce

        announce(Changes.everything())  # what a person sees and may do depends on who they are
