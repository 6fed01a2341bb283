"""The "today" board (今日): what a person arriving at work must see first, in the order their role needs it.

Pure: :func:`build_board` takes the day's calendar entries, what waits for this person, the
posts that need someone and the overdue reviews (read by :mod:`core.services.planning`) and
decides the sections and their order. A supervisor arriving at 9:00 is there to decide, so
what waits for their decision comes first, then anything overdue, failures, and the day's
posts; an operator's day starts with what goes out today.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, tzinfo

from core.i18n import tr
from core.organization.roles import Role
from core.planning.calendar import CalendarEntry, EntryState


class SectionKind(enum.StrEnum):
    DUE = "due"  # goes out today and has not gone out yet
    WAITING = "waiting"  # waits for this person: a decision, or a returned draft to rework
    FAILED = "failed"  # 要確認, send failed, missed: a person must look (any day)
    OVERDUE = "overdue"  # continuation reviews and after-the-fact (事後承認) reviews past their date

    @property
    def label(self) -> str:
        return {
            SectionKind.DUE: tr("Going out today"),
            SectionKind.WAITING: tr("Waiting for me"),
            SectionKind.FAILED: tr("Failed or needs checking"),
            SectionKind.OVERDUE: tr("Overdue reviews"),
        }[self]

    @property
    def empty_text(self) -> str:
        return {
            SectionKind.DUE: tr("Nothing else goes out today."),
            SectionKind.WAITING: tr("Nothing waits for you."),
            SectionKind.FAILED: tr("No failed posts."),
            SectionKind.OVERDUE: tr("No review is overdue."),
        }[self]


class WaitingKind(enum.StrEnum):
    DECISION = "decision"  # a submitted version this supervisor may decide
    POST_REVIEW = "post_review"  # an emergency post published by hand before approval (事後承認)
    RETURNED = "returned"  # this operator's draft came back with a comment

    @property
    def label(self) -> str:
        return {
            WaitingKind.DECISION: tr("Awaiting your decision"),
            WaitingKind.POST_REVIEW: tr("Awaiting your after-the-fact review"),
            WaitingKind.RETURNED: tr("Returned to you"),
        }[self]


@dataclass(frozen=True)
class Waiting:
    kind: WaitingKind
    draft_id: int
    title: str
    account: str
    since: datetime
    #: When it should go out (a decision after this is too late for the scheduled time).
    scheduled_at: datetime | None = None


class OverdueKind(enum.StrEnum):
    CONTINUATION = "continuation"  # 継続審査 of an account (joso:7)
    AFTER_THE_FACT = "after_the_fact"  # 事後承認 of an emergency post

    @property
    def label(self) -> str:
        return {
            OverdueKind.CONTINUATION: tr("Continuation review overdue"),
            OverdueKind.AFTER_THE_FACT: tr("After-the-fact review overdue"),
        }[self]


@dataclass(frozen=True)
class Overdue:
    kind: OverdueKind
    due: datetime
    account: str
    account_id: int | None = None
    draft_id: int | None = None
    title: str = ""


@dataclass(frozen=True)
class BoardItem:
    """One line of the board: what it is about, when, and its state in words."""

    word: str
    title: str
    account: str
    at: datetime | None
    draft_id: int | None = None
    account_id: int | None = None
    #: A person must act (shown first and marked on screen).
    urgent: bool = False


@dataclass(frozen=True)
class BoardSection:
    kind: SectionKind
    items: tuple[BoardItem, ...]

    @property
    def label(self) -> str:
        return self.kind.label

    @property
    def empty_text(self) -> str:
        return self.kind.empty_text


@dataclass(frozen=True)
class TodayBoard:
    day: date
    sections: tuple[BoardSection, ...]

    def section(self, kind: SectionKind) -> BoardSection | None:
        return next((s for s in self.sections if s.kind is kind), None)

    @property
    def anything(self) -> bool:
        return any(s.items for s in self.sections)


def _order(roles: frozenset[Role]) -> tuple[SectionKind, ...]:
    if Role.SUPERVISOR in roles:
        return (SectionKind.WAITING, SectionKind.OVERDUE, SectionKind.FAILED, SectionKind.DUE)
    if Role.ADMINISTRATOR in roles:  # an administrator: the overdue reviews are theirs to chase
        return (SectionKind.OVERDUE, SectionKind.FAILED, SectionKind.DUE, SectionKind.WAITING)
    return (SectionKind.DUE, SectionKind.WAITING, SectionKind.FAILED)


def _still_to_go(entry: CalendarEntry, now: datetime) -> bool:
    """Not gone out and not a failure: later today, or past its time but still not approved or not sent."""
    if entry.state is EntryState.SENT or entry.state.needs_a_person:
        return False
    return entry.at >= now or entry.state in (EntryState.DUE, EntryState.AWAITING, EntryState.DRAFT)


def build_board(
    day: date,
    roles: frozenset[Role],
    today: Iterable[CalendarEntry],
    waiting: Iterable[Waiting],
    attention: Iterable[CalendarEntry],
    overdue: Iterable[Overdue],
    now: datetime,
    zone: tzinfo | None = None,
) -> TodayBoard:
    """The board for a person holding ``roles`` on ``day``.

    ``today``: the day's calendar entries; ``attention``: entries that need a person, any day;
    ``overdue``: every overdue review (only supervisors and administrators see them).
    """
    sections: dict[SectionKind, tuple[BoardItem, ...]] = {}
    sections[SectionKind.DUE] = tuple(
        BoardItem(
            e.state.label,
            e.title,
            e.account,
            e.at,
            e.draft_id,
            e.account_id,
            # Still not approved on the day it should go out: someone must decide soon.
            urgent=e.state in (EntryState.AWAITING, EntryState.DRAFT, EntryState.DUE),
        )
        for e in sorted(today, key=lambda e: (e.at, e.draft_id))
        if _still_to_go(e, now)
    )
    sections[SectionKind.WAITING] = tuple(
        BoardItem(
            w.kind.label,
            w.title,
            w.account,
            w.scheduled_at or w.since,
            w.draft_id,
            urgent=w.kind is WaitingKind.POST_REVIEW
            or (w.scheduled_at is not None and w.scheduled_at.astimezone(zone).date() <= day),
        )
        for w in sorted(waiting, key=lambda w: (w.kind is not WaitingKind.POST_REVIEW, w.scheduled_at or w.since))
    )
    sections[SectionKind.FAILED] = tuple(
        BoardItem(e.state.label, e.title, e.account, e.at, e.draft_id, e.account_id, urgent=True)
        for e in sorted(attention, key=lambda e: (e.at, e.draft_id))
        if e.state.needs_a_person
    )
    sections[SectionKind.OVERDUE] = tuple(
        BoardItem(o.kind.label, o.title, o.account, o.due, o.draft_id, o.account_id, urgent=True)
        for o in sorted(overdue, key=lambda o: o.due)
    )
    return TodayBoard(day, tuple(BoardSection(kind, sections[kind]) for kind in _order(roles)))
