"""What the main window needs before its first screen, read once (issue 21: start-up).

The window used to ask for it piece by piece on the UI thread — is the database set up, who is
this login, the organization's name, is it demo data, the demo switcher's people, the audit head —
six transactions, three of them reading the organization's row. :func:`read_start` reads it in one,
on the thread that opened the database.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from core.organization.identity import Actor, normalize_login
from core.services.staff import StaffInfo, actor_of, staff_info
from core.storage.changes import head_seq_in
from core.storage.engine import Store
from core.storage.models import Organization, Staff


@dataclass(frozen=True)
class StartSnapshot:
    """The set-up state, the person and the organization as the window opens.

    ``actor`` is ``None`` for a login that is not registered (or inactive); ``people`` are the
    active staff the demo user switcher offers, in demo data only; ``head_seq`` is where the
    change feed starts listening.
    """

    initialized: bool
    organization: str = ""
    is_demo: bool = False
    actor: Actor | None = None
    people: tuple[StaffInfo, ...] = ()
    head_seq: int = 0


def read_start(store: Store, login: str, terminal: str) -> StartSnapshot:
    """One read transaction for everything :class:`StartSnapshot` holds."""
    with store.read() as session:
        org = session.get(Organization, 1)
        if org is None:
            return StartSnapshot(initialized=False)
        wanted = normalize_login(login)
        people: tuple[StaffInfo, ...] = ()
        if org.is_demo:
            # The switcher lists the active staff: the person is among them, or not registered.
            people = tuple(staff_info(s) for s in session.scalars(select(Staff).where(Staff.active).order_by(Staff.id)))
            me = next((p for p in people if p.login == wanted), None)
        else:
            row = session.scalar(select(Staff).where(Staff.os_login == wanted))
            me = staff_info(row) if row is not None else None
        actor = actor_of(me, terminal) if me is not None and me.active else None
        return StartSnapshot(
            initialized=True,
            organization=org.name,
            is_demo=bool(org.is_demo),
            actor=actor,
            people=people,
            head_seq=head_seq_in(session),
        )
