"""The calendar (予定): every timed post of every account on the days it goes out, and which may move.

Pure: the service (:mod:`core.services.planning`) reads one :class:`PostFact` per draft with a time
and the database clock; this module decides the day each lands on, the state people see (from
:func:`core.lifecycle.states.shown_state`, with a missed window told apart from a failed send) and
what moving it to another time means.

An approval is bound to the scheduled time (:func:`core.signoff.content_hash.content_hash` hashes
it): an approved post cannot simply be dragged. Moving it sets the approval aside and sends a new
version with the new time to the supervisor (:attr:`MoveKind.REAPPROVAL`) — the person is asked
first and told so. A draft still being written moves freely; one awaiting approval is re-submitted
with the new time (the version under review would otherwise no longer be what goes out).
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, tzinfo

from core.i18n import tr
from core.lifecycle.states import DraftState, PublicationState, ShownState, shown_state


class CalendarView(enum.StrEnum):
    DAY = "day"
    WEEK = "week"
    MONTH = "month"

    @property
    def label(self) -> str:
        return {CalendarView.DAY: tr("Day"), CalendarView.WEEK: tr("Week"), CalendarView.MONTH: tr("Month")}[self]


def period(view: CalendarView, anchor: date) -> tuple[date, date]:
    """The first and last day (inclusive) the view shows around ``anchor``; weeks start on Monday."""
    if view is CalendarView.DAY:
        return anchor, anchor
    if view is CalendarView.WEEK:
        first = anchor - timedelta(days=anchor.weekday())
        return first, first + timedelta(days=6)
    first = anchor.replace(day=1)
    following = (first + timedelta(days=32)).replace(day=1)
    return first, following - timedelta(days=1)


def grid(view: CalendarView, anchor: date) -> tuple[date, date]:
    """The days a view draws: a month is shown as whole weeks (Monday to Sunday) around it."""
    first, last = period(view, anchor)
    if view is not CalendarView.MONTH:
        return first, last
    return first - timedelta(days=first.weekday()), last + timedelta(days=6 - last.weekday())


def step(view: CalendarView, anchor: date, count: int) -> date:
    """``anchor`` moved by ``count`` periods (PageUp/PageDown); a month keeps its day where it can."""
    if view is CalendarView.DAY:
        return anchor + timedelta(days=count)
    if view is CalendarView.WEEK:
        return anchor + timedelta(weeks=count)
    month = anchor.month - 1 + count
    year, month = anchor.year + month // 12, month % 12 + 1
    last = period(CalendarView.MONTH, date(year, month, 1))[1].day
    return date(year, month, min(anchor.day, last))


class EntryState(enum.StrEnum):
    """What the calendar shows for a post: one word (and, on screen, one icon) each, never colour alone."""

    DRAFT = "draft"  # still being written (or returned): its time is only a plan
    AWAITING = "awaiting"  # 承認待ち
    SCHEDULED = "scheduled"  # 予約済み
    DUE = "due"  # approved, its time has come, not sent yet (the scheduler or a person is about to)
    SENDING = "sending"
    NEEDS_CHECKING = "needs_checking"  # 要確認
    FAILED = "failed"
    MISSED = "missed"  # not sent within its window (publication.missed_window)
    SENT = "sent"

    @property
    def label(self) -> str:
        return {
            EntryState.DRAFT: tr("Draft"),
            EntryState.AWAITING: tr("Awaiting approval"),
            EntryState.SCHEDULED: tr("Scheduled to go out"),
            EntryState.DUE: tr("Due now"),
            EntryState.SENDING: tr("Sending"),
            EntryState.NEEDS_CHECKING: tr("Needs checking"),
            EntryState.FAILED: tr("Send failed"),
            EntryState.MISSED: tr("Missed its time"),
            EntryState.SENT: tr("Sent"),
        }[self]

    @property
    def needs_a_person(self) -> bool:
        return self in (EntryState.NEEDS_CHECKING, EntryState.FAILED, EntryState.MISSED)


@dataclass(frozen=True)
class PostFact:
    """What the service reads per draft that has a time (scheduled, or when it went out)."""

    draft_id: int
    row_version: int
    title: str
    account_id: int
    account: str
    platform: str
    state: DraftState
    newest: PublicationState | None
    scheduled_at: datetime | None
    #: When the newest publication went out (a post without a time is on the calendar from then).
    published_at: datetime | None = None
    #: The newest publication is a missed window (recorded FAILED without an attempt).
    missed: bool = False
    author_id: int = 0
    emergency: bool = False


class MoveKind(enum.StrEnum):
    FREE = "free"  # a draft being written: only its planned time changes
    RESUBMIT = "resubmit"  # awaiting approval: a new version with the new time replaces the one under review
    REAPPROVAL = "reapproval"  # approved: the approval is set aside, a new version awaits a new approval
    REFUSED = "refused"


@dataclass(frozen=True)
class MoveRule:
    kind: MoveKind
    #: Translated: what moving will do (asked before a re-approval), or why it cannot move.
    explanation: str = ""

    @property
    def allowed(self) -> bool:
        return self.kind is not MoveKind.REFUSED

    @property
    def asks_first(self) -> bool:
        """A move that sets an approval aside is confirmed by the person before it is made."""
        return self.kind is MoveKind.REAPPROVAL


_REFUSED = {
    EntryState.SENT: lambda: tr("This post has already gone out; its time cannot change (start a correction instead)."),
    EntryState.SENDING: lambda: tr("This post is being sent right now; its time cannot change."),
    EntryState.NEEDS_CHECKING: lambda: tr(
        "Whether this post went out is not known yet (needs checking): settle that before choosing a new time."
    ),
}


def move_rule(entry: CalendarEntry, *, can_edit: bool, zone: tzinfo | None = None) -> MoveRule:
    """What moving ``entry`` to another time does, or why it may not (``can_edit``: the person is an operator)."""
    refused = _REFUSED.get(entry.state)
    if refused is not None:
        return MoveRule(MoveKind.REFUSED, refused())
    if entry.draft_state in (DraftState.REJECTED, DraftState.DISCARDED, DraftState.PUBLISHED):
        return MoveRule(
            MoveKind.REFUSED, tr("This draft is {state}; its time cannot change.").format(state=entry.draft_state.label)
        )
    if not can_edit:
        return MoveRule(MoveKind.REFUSED, tr("Only an operator can move a post to another time."))
    if entry.draft_state is DraftState.APPROVED:
        return MoveRule(
            MoveKind.REAPPROVAL,
            tr(
                "This post was approved for {time}: the time is part of what was approved. Moving it sets the "
                "approval aside and sends it to the supervisor again with the new time; it does not go out "
                "until it is approved again."
            ).format(time=local_label(entry.at, zone)),
        )
    if entry.draft_state is DraftState.SUBMITTED:
        return MoveRule(
            MoveKind.RESUBMIT,
            tr("This post awaits approval: a new version with the new time goes to the supervisor in its place."),
        )
    return MoveRule(MoveKind.FREE, tr("Only the planned time of this draft changes."))


def target_problem(new_time: datetime, now: datetime, zone: tzinfo | None = None) -> str | None:
    """Why ``new_time`` cannot be chosen (a time already past), or ``None``."""
    if new_time <= now:
        return tr("{time} has already passed: choose a later time.").format(time=local_label(new_time, zone))
    return None


def local_label(moment: datetime, zone: tzinfo | None = None) -> str:
    return moment.astimezone(zone).strftime("%Y-%m-%d %H:%M")


@dataclass(frozen=True)
class CalendarEntry:
    draft_id: int
    row_version: int
    title: str
    account_id: int
    account: str
    platform: str
    #: When it goes out (or went out): the scheduled time, or the publication's time when it had none.
    at: datetime
    state: EntryState
    shown: ShownState
    draft_state: DraftState
    author_id: int = 0
    emergency: bool = False

    @property
    def id(self) -> int:
        """The draft's id: what a list keeps selected across re-reads."""
        return self.draft_id


@dataclass(frozen=True)
class CalendarDay:
    day: date
    entries: tuple[CalendarEntry, ...]

    def count(self, state: EntryState) -> int:
        return sum(1 for e in self.entries if e.state is state)


@dataclass(frozen=True)
class Calendar:
    first: date
    last: date
    #: The database clock when it was read: moves and "today" are judged against it.
    now: datetime
    days: tuple[CalendarDay, ...]
    #: The zone the days are in (``None``: this computer's).
    zone: tzinfo | None = None

    def day(self, which: date) -> CalendarDay:
        for candidate in self.days:
            if candidate.day == which:
                return candidate
        return CalendarDay(which, ())

    def entry(self, draft_id: int) -> CalendarEntry | None:
        return next((e for d in self.days for e in d.entries if e.draft_id == draft_id), None)

    @property
    def entries(self) -> tuple[CalendarEntry, ...]:
        return tuple(e for d in self.days for e in d.entries)


def entry_state(fact: PostFact, now: datetime) -> tuple[EntryState, ShownState] | None:
    """The calendar's state for ``fact``; ``None`` for what the calendar leaves out (rejected, discarded, deleted)."""
    shown = shown_state(fact.state, fact.newest, fact.scheduled_at, now)
    state = {
        ShownState.DRAFT: EntryState.DRAFT,
        ShownState.RETURNED: EntryState.DRAFT,
        ShownState.SUBMITTED: EntryState.AWAITING,
        ShownState.SCHEDULED: EntryState.SCHEDULED,
        ShownState.APPROVED: EntryState.DUE,
        ShownState.SENDING: EntryState.SENDING,
        ShownState.NEEDS_CHECKING: EntryState.NEEDS_CHECKING,
        ShownState.FAILED: EntryState.MISSED if fact.missed else EntryState.FAILED,
        ShownState.PUBLISHED: EntryState.SENT,
    }.get(shown)
    return (state, shown) if state is not None else None


def local_bounds(first: date, last: date, zone: tzinfo | None = None) -> tuple[datetime, datetime]:
    """The instants from the start of ``first`` to the end of ``last`` in ``zone`` (local when ``None``)."""
    start = datetime.combine(first, time.min)
    end = datetime.combine(last + timedelta(days=1), time.min)
    if zone is None:
        return start.astimezone(), end.astimezone()  # a naive datetime's astimezone() reads it as local
    return start.replace(tzinfo=zone), end.replace(tzinfo=zone)


def build_calendar(
    facts: Iterable[PostFact], first: date, last: date, now: datetime, zone: tzinfo | None = None
) -> Calendar:
    """The days ``first``–``last`` (in ``zone``; local when ``None``) with their entries, earliest first."""
    by_day: dict[date, list[CalendarEntry]] = {}
    for fact in facts:
        judged = entry_state(fact, now)
        at = fact.published_at if fact.state is DraftState.PUBLISHED and fact.published_at else fact.scheduled_at
        at = at or fact.published_at
        if judged is None or at is None:
            continue
        day = at.astimezone(zone).date()
        if not first <= day <= last:
            continue
        state, shown = judged
        by_day.setdefault(day, []).append(
            CalendarEntry(
                draft_id=fact.draft_id,
                row_version=fact.row_version,
                title=fact.title,
                account_id=fact.account_id,
                account=fact.account,
                platform=fact.platform,
                at=at,
                state=state,
                shown=shown,
                draft_state=fact.state,
                author_id=fact.author_id,
                emergency=fact.emergency,
            )
        )
    days = []
    current = first
    while current <= last:
        entries = sorted(by_day.get(current, ()), key=lambda e: (e.at, e.draft_id))
        days.append(CalendarDay(current, tuple(entries)))
        current += timedelta(days=1)
    return Calendar(first, last, now, tuple(days), zone)


def moved_time(at: datetime, *, days: int = 0, minutes: int = 0, zone: tzinfo | None = None) -> datetime:
    """``at`` moved by whole local days (the wall-clock time kept across a DST change) and minutes."""
    local = at.astimezone(zone)
    wall = datetime.combine(local.date() + timedelta(days=days), local.time().replace(tzinfo=None))
    placed = wall.replace(tzinfo=zone) if zone is not None else wall.astimezone()
    return placed + timedelta(minutes=minutes)


def on_day(at: datetime, day: date, zone: tzinfo | None = None) -> datetime:
    """``at``'s wall-clock time on ``day`` (a drop on another day of the month keeps the time of day)."""
    local = at.astimezone(zone)
    return moved_time(at, days=(day - local.date()).days, zone=zone)
