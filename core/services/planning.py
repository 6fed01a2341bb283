"""Planning use cases: the calendar and the today board (reads), and moving a post to another time.

Moving is the one change here. What it means is decided by :func:`core.planning.calendar.move_rule`
and checked again in the moving transaction against the locked draft: a draft being written only
gets a new planned time; one awaiting approval, or approved, is frozen again as a new version with
the new time (:meth:`core.services.drafts.DraftService.freeze_version`) because the content hash a
supervisor signs binds the time (:func:`core.signoff.content_hash.content_hash`). An approval is
never carried over to a new time: it is set aside, and the person must have been told so
(``accept_reapproval``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, tzinfo
from typing import TYPE_CHECKING

from sqlalchemy import and_, func, or_, select, update

from core.errors import Conflict, InvalidInput, PermissionDenied
from core.i18n import tr
from core.lifecycle.states import DraftState, PublicationState
from core.lifecycle.transitions import move
from core.organization.identity import Actor
from core.organization.roles import Role
from core.planning.calendar import (
    Calendar,
    CalendarEntry,
    MoveKind,
    PostFact,
    build_calendar,
    entry_state,
    local_bounds,
    move_rule,
    target_problem,
)
from core.planning.today import Overdue, OverdueKind, TodayBoard, Waiting, WaitingKind, build_board
from core.services.base import Service
from core.services.validation import aware_datetime
from core.services.versions import newest_version_id
from core.signoff.contributors import note_contributor
from core.storage.engine import Store
from core.storage.models import Draft, DraftVersion, OfficialAccount, Publication

if TYPE_CHECKING:
    from core.services.reviews import PendingItem


def _facts(store: Store, start: datetime | None, end: datetime | None, *, attention: bool = False) -> list[PostFact]:
    """One :class:`PostFact` per draft with a time in ``[start, end)`` (scheduled, or published then).

    With ``attention`` instead: the drafts whose newest attempt needs a person, whatever their time.
    One query: the newest publication per draft is joined once, not looked up per row.
    """
    newest = (
        select(DraftVersion.draft_id, func.max(Publication.id).label("pid"))
        .join(Publication, Publication.version_id == DraftVersion.id)
        .where(DraftVersion.id == newest_version_id(DraftVersion.draft_id))
        .group_by(DraftVersion.draft_id)
        .subquery()
    )
    query = (
        select(
            Draft.id,
            Draft.row_version,
            Draft.title,
            Draft.text,
            OfficialAccount.id,
            OfficialAccount.handle,
            OfficialAccount.platform,
            Draft.state,
            Publication.state,
            Draft.scheduled_at,
            Publication.published_at,
            Publication.attempts,
            Publication.window_ends_at,
            Draft.author_id,
            Draft.emergency,
        )
        .join(OfficialAccount, OfficialAccount.id == Draft.account_id)
        .outerjoin(newest, newest.c.draft_id == Draft.id)
        .outerjoin(Publication, Publication.id == newest.c.pid)
        .where(Draft.state.not_in([DraftState.DISCARDED.value, DraftState.REJECTED.value]))
    )
    if attention:
        query = query.where(
            Publication.state.in_([PublicationState.FAILED.value, PublicationState.NEEDS_RECONCILIATION.value]),
            Draft.state != DraftState.PUBLISHED.value,
        )
    else:
        assert start is not None
        assert end is not None
        scheduled = and_(Draft.scheduled_at >= start, Draft.scheduled_at < end)
        published = and_(Publication.published_at >= start, Publication.published_at < end)
        query = query.where(or_(scheduled, published))
    with store.read() as session:
        rows = session.execute(query.order_by(Draft.id)).all()
    return [
        PostFact(
            draft_id=r[0],
            row_version=r[1],
            title=r[2] or " ".join((r[3] or "")[:30].split()),
            account_id=r[4],
            account=r[5],
            platform=r[6],
            state=DraftState(r[7]),
            newest=PublicationState(r[8]) if r[8] else None,
            scheduled_at=r[9],
            published_at=r[10],
            missed=r[8] == PublicationState.FAILED.value and r[11] == 0 and r[12] is not None,
            author_id=r[13],
            emergency=bool(r[14]),
        )
        for r in rows
    ]


def read_calendar(store: Store, first: date, last: date, zone: tzinfo | None = None) -> Calendar:
    """Every timed post of every account from ``first`` to ``last`` (local days; ``zone`` for tests)."""
    start, end = local_bounds(first, last, zone)
    now = store.now()
    return build_calendar(_facts(store, start, end), first, last, now, zone)


def _waiting_for(store: Store, actor: Actor, now: datetime, pending: Sequence[PendingItem]) -> list[Waiting]:
    """``pending``: what ``actor`` may decide on (read by the caller with every pending review)."""
    waiting: list[Waiting] = []
    if actor.has(Role.SUPERVISOR):
        for item in pending:
            kind = WaitingKind.POST_REVIEW if item.after_publication else WaitingKind.DECISION
            waiting.append(
                Waiting(kind, item.draft_id, item.excerpt[:40], item.account, item.submitted_at, item.scheduled_at)
            )
    if actor.has(Role.OPERATOR):
        query = (
            select(Draft.id, Draft.title, Draft.text, OfficialAccount.handle, Draft.updated_at, Draft.scheduled_at)
            .join(OfficialAccount, OfficialAccount.id == Draft.account_id)
            .where(
                Draft.state == DraftState.RETURNED.value,
                or_(Draft.author_id == actor.staff_id, Draft.last_editor_id == actor.staff_id),
            )
            .order_by(Draft.updated_at)
        )
        with store.read() as session:
            for draft_id, title, text, handle, updated, scheduled in session.execute(query):
                waiting.append(Waiting(WaitingKind.RETURNED, draft_id, title or text[:30], handle, updated, scheduled))
    return waiting


def _overdue(store: Store, actor: Actor, now: datetime, every: Sequence[PendingItem]) -> list[Overdue]:
    """``every``: every pending review (its overdue after-the-fact ones are listed)."""
    if not (actor.has(Role.SUPERVISOR) or actor.has(Role.ADMINISTRATOR)):
        return []
    from core.services.account_lifecycle import overdue_reviews

    found = [
        Overdue(OverdueKind.CONTINUATION, due, handle, account_id=account_id)
        for account_id, handle, due in overdue_reviews(store)
    ]
    for item in every:
        if not item.overdue(now):
            continue
        assert item.post_review_due_at is not None
        found.append(
            Overdue(
                OverdueKind.AFTER_THE_FACT,
                item.post_review_due_at,
                item.account,
                draft_id=item.draft_id,
                title=item.excerpt[:40],
            )
        )
    return found


def read_today(store: Store, actor: Actor, zone: tzinfo | None = None) -> TodayBoard:
    """The today board for ``actor`` (roles as held now, re-read from the database)."""
    return read_schedule(store, actor, lambda today: (today, today), zone)[1]


def read_schedule(
    store: Store, actor: Actor, span: Callable[[date], tuple[date, date]], zone: tzinfo | None = None
) -> tuple[Calendar, TodayBoard]:
    """The calendar of the days ``span(today)`` and the today board for ``actor``, in one pass (予定).

    Today's posts come from the calendar when it shows today, and every pending review from one
    query (what waits for ``actor``, and the overdue after-the-fact reviews): the start screen's
    read asks for each once. One database clock for both.
    """
    from core.services.reviews import pending_reviews_of
    from core.services.staff import actor_for_staff

    current = actor_for_staff(store, actor.staff_id, actor.terminal)
    now = store.now()
    day = now.astimezone(zone).date()
    first, last = span(day)
    calendar = build_calendar(_facts(store, *local_bounds(first, last, zone)), first, last, now, zone)
    if first <= day <= last:
        today = calendar.day(day).entries
    else:
        today = build_calendar(_facts(store, *local_bounds(day, day, zone)), day, day, now, zone).entries
    attention: list[CalendarEntry] = []
    for fact in _facts(store, None, None, attention=True):
        judged = entry_state(fact, now)
        at = fact.scheduled_at or fact.published_at
        if judged is None:
            continue
        attention.append(
            CalendarEntry(
                fact.draft_id,
                fact.row_version,
                fact.title,
                fact.account_id,
                fact.account,
                fact.platform,
                at or now,
                judged[0],
                judged[1],
                fact.state,
                fact.author_id,
                fact.emergency,
            )
        )
    every: list[PendingItem] = []
    theirs: list[PendingItem] = []
    if current.has(Role.SUPERVISOR) or current.has(Role.ADMINISTRATOR):
        reviewer = current.staff_id if current.has(Role.SUPERVISOR) else None
        every, theirs = pending_reviews_of(store, reviewer, now)
    board = build_board(
        day,
        current.roles,
        today,
        _waiting_for(store, current, now, theirs),
        attention,
        _overdue(store, current, now, every),
        now,
        zone,
    )
    return calendar, board


@dataclass(frozen=True)
class MoveResult:
    draft_id: int
    kind: MoveKind
    row_version: int
    #: The new version sent for approval (re-submission, re-approval); ``None`` for a free move.
    version_id: int | None = None


class PlanningService(Service):
    def move(
        self, draft_id: int, row_version: int, new_time: datetime, *, accept_reapproval: bool = False
    ) -> MoveResult:
        """Move a post to ``new_time``: freely while being written, as a new version once submitted or approved.

        An approved post's approval is set aside only with ``accept_reapproval`` (the person was
        told); otherwise the move is refused and nothing changes. One transaction: the new time,
        the state moves, the new version and the audit entries (``draft.rescheduled`` and, for a
        new version, ``draft.submitted``).
        """
        when = aware_datetime(new_time, tr("Scheduled time"))
        assert when is not None
        with self.store.write() as session:
            staff = self.authorize(session)
            draft: Draft = self.get_locked(session, Draft, draft_id, tr("Draft"))
            if draft.row_version != row_version:
                raise Conflict(tr("Someone else changed this draft. Reload it and try again."))
            now = self.store.now()
            problem = target_problem(when, now)
            if problem:
                raise InvalidInput(problem)
            newest = session.scalar(
                select(Publication.state)
                .where(Publication.version_id == newest_version_id(draft.id))
                .order_by(Publication.id.desc())
                .limit(1)
            )
            fact = PostFact(
                draft.id,
                draft.row_version,
                draft.title,
                draft.account_id,
                "",
                "",
                DraftState(draft.state),
                PublicationState(newest) if newest else None,
                draft.scheduled_at,
            )
            judged = entry_state(fact, now)
            if judged is None or draft.scheduled_at is None:
                raise Conflict(
                    tr("This draft is {state}; its time cannot change.").format(state=DraftState(draft.state).label)
                )
            entry = CalendarEntry(
                draft.id,
                draft.row_version,
                draft.title,
                draft.account_id,
                "",
                "",
                draft.scheduled_at,
                judged[0],
                judged[1],
                DraftState(draft.state),
            )
            roles = {r.role for r in staff.role_rows}
            rule = move_rule(entry, can_edit=Role.OPERATOR.value in roles)
            if rule.kind is MoveKind.REFUSED:
                raise (PermissionDenied if Role.OPERATOR.value not in roles else Conflict)(rule.explanation)
            if rule.kind is MoveKind.REAPPROVAL and not accept_reapproval:
                raise Conflict(rule.explanation)
            before = draft.scheduled_at
            from_state = DraftState(draft.state)
            self.record(
                session,
                "draft.rescheduled",
                {
                    "draft_id": draft.id,
                    "from": before,
                    "to": when,
                    "from_state": from_state.value,
                    "outcome": rule.kind.value,
                    "staff_id": staff.id,
                },
            )
            note_contributor(session, draft.id, staff.id)  # the time is content: who changed it may not approve it
            if rule.kind is MoveKind.FREE:
                # Like a save: only the time changes, under the row version the person saw.
                session.execute(
                    update(Draft)
                    .where(Draft.id == draft.id, Draft.row_version == row_version)
                    .values(scheduled_at=when, last_editor_id=staff.id, updated_at=now, row_version=row_version + 1)
                )
                return MoveResult(draft.id, rule.kind, row_version + 1)
            move(draft, DraftState.DRAFT)  # the version under review, or the approval, no longer applies
            draft.scheduled_at = when
            draft.last_editor_id = staff.id
            session.flush()
            from core.services.drafts import DraftService

            version_id = DraftService(self.store, self.actor).freeze_version(session, staff, draft)
            session.flush()
            return MoveResult(draft.id, rule.kind, draft.row_version, version_id)
