"""Deputies (代理): an administrator names who decides for an absent supervisor, for a period."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import aliased

from core.errors import InvalidInput
from core.i18n import tr
from core.organization.roles import Role
from core.services.base import Service
from core.services.validation import aware_datetime, storable
from core.storage.engine import Store
from core.storage.models import Deputy, Staff, utcnow


@dataclass(frozen=True)
class DeputyInfo:
    id: int
    supervisor: str
    deputy: str
    starts_at: datetime
    ends_at: datetime
    reason: str
    revoked: bool

    def active(self, now: datetime) -> bool:
        return not self.revoked and self.starts_at <= now < self.ends_at


def is_active_deputy(store: Store, staff_id: int, now: datetime | None = None) -> bool:
    now = now or utcnow()
    with store.read() as session:
        return (
            session.scalar(
                select(Deputy.id).where(
                    Deputy.deputy_id == staff_id,
                    Deputy.revoked_at.is_(None),
                    Deputy.starts_at <= now,
                    Deputy.ends_at > now,
                )
            )
            is not None
        )


def list_deputies(store: Store) -> list[DeputyInfo]:
    sup, dep = aliased(Staff), aliased(Staff)
    with store.read() as session:
        rows = session.execute(
            select(Deputy, sup.display_name, dep.display_name)
            .join(sup, sup.id == Deputy.supervisor_id)
            .join(dep, dep.id == Deputy.deputy_id)
            .order_by(Deputy.starts_at.desc())
        )
        return [DeputyInfo(d.id, s, p, d.starts_at, d.ends_at, d.reason, d.revoked_at is not None) for d, s, p in rows]


class DeputyService(Service):
    def name(self, supervisor_id: int, deputy_id: int, starts_at: datetime, ends_at: datetime, reason: str) -> int:
        # A naive time would raise TypeError against the aware ones stored (and is ambiguous).
        starts_at = aware_datetime(starts_at, tr("Start")) or starts_at
        ends_at = aware_datetime(ends_at, tr("End")) or ends_at
        if ends_at <= starts_at:
            raise InvalidInput(tr("The period must end after it starts."))
        if supervisor_id == deputy_id:
            raise InvalidInput(tr("A supervisor cannot be their own deputy."))
        reason = storable(reason, tr("Reason")).strip()
        if not reason:
            raise InvalidInput(tr("{field} is required.").format(field=tr("Reason")))
        with self.store.write() as session:
            self.authorize(session, Role.ADMINISTRATOR)
            supervisor: Staff = self.get_or_404(session, Staff, supervisor_id, tr("Staff"))
            deputy: Staff = self.get_or_404(session, Staff, deputy_id, tr("Staff"))
            if Role.SUPERVISOR.value not in {r.role for r in supervisor.role_rows}:
                raise InvalidInput(tr("{name} is not a supervisor.").format(name=supervisor.display_name))
            if not deputy.active:
                raise InvalidInput(tr("{name} is not an active member of staff.").format(name=deputy.display_name))
            row = Deputy(
                supervisor_id=supervisor.id,
                deputy_id=deputy.id,
                starts_at=starts_at,
                ends_at=ends_at,
                reason=reason,
                created_by_id=self.actor.staff_id,
            )
            session.add(row)
            session.flush()
            self.record(
                session,
                "deputy.named",
                {
                    "deputy_record": row.id,
                    "supervisor_id": supervisor.id,
                    "deputy_id": deputy.id,
                    "starts_at": starts_at,
                    "ends_at": ends_at,
                    "reason": reason,
                },
            )
            return row.id

    def revoke(self, deputy_record_id: int) -> None:
        with self.store.write() as session:
            self.authorize(session, Role.ADMINISTRATOR)
            row: Deputy = self.get_or_404(session, Deputy, deputy_record_id, tr("Deputy"))
            if row.revoked_at is None:
                row.revoked_at = utcnow()
                self.record(session, "deputy.revoked", {"deputy_record": row.id})
