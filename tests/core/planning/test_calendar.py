"""The calendar model: days and states from plain facts and a fake clock; what moving a post means."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

from core.lifecycle.states import DraftState, PublicationState
from core.planning.calendar import (
    CalendarView,
    EntryState,
    MoveKind,
    PostFact,
    build_calendar,
    grid,
    move_rule,
    moved_time,
    on_day,
    period,
    step,
    target_problem,
)

TOKYO = ZoneInfo("Asia/Tokyo")
NOW = datetime(2030, 6, 10, 9, 0, tzinfo=TOKYO)  # a Monday, 9:00


def at(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2030, 6, day, hour, minute, tzinfo=TOKYO)


def fact(
    draft_id: int,
    state: DraftState,
    when: datetime | None,
    newest: PublicationState | None = None,
    *,
    published_at: datetime | None = None,
    missed: bool = False,
    account: int = 1,
) -> PostFact:
    return PostFact(
        draft_id=draft_id,
        row_version=3,
        title=f"post {draft_id}",
        account_id=account,
        account=f"@account{account}",
        platform="x",
        state=state,
        newest=newest,
        scheduled_at=when,
        published_at=published_at,
        missed=missed,
    )


FACTS = [
    fact(1, DraftState.PUBLISHED, at(10, 8), PublicationState.PUBLISHED, published_at=at(10, 8, 1)),
    fact(2, DraftState.APPROVED, at(10, 11)),
    fact(3, DraftState.APPROVED, at(9, 10), PublicationState.FAILED, missed=True, account=2),
    fact(4, DraftState.APPROVED, at(11, 10), PublicationState.NEEDS_RECONCILIATION),
    fact(5, DraftState.DRAFT, at(10, 15)),
    fact(6, DraftState.SUBMITTED, at(12, 9), account=2),
    fact(7, DraftState.APPROVED, at(10, 8, 30)),  # its time passed, the scheduler has not sent it yet
    fact(8, DraftState.APPROVED, at(11, 12), PublicationState.FAILED),  # a send that failed
    fact(9, DraftState.REJECTED, at(10, 12)),
    fact(10, DraftState.PUBLISHED, None, PublicationState.PUBLISHED, published_at=at(12, 16)),  # posted at once
    fact(11, DraftState.APPROVED, at(20, 9)),  # outside the week
]


def test_states_per_day_with_a_fake_clock() -> None:
    calendar = build_calendar(FACTS, date(2030, 6, 9), date(2030, 6, 15), NOW, TOKYO)
    assert [d.day.day for d in calendar.days] == [9, 10, 11, 12, 13, 14, 15]

    def states(day: int) -> list[tuple[int, EntryState]]:
        return [(e.draft_id, e.state) for e in calendar.day(date(2030, 6, day)).entries]

    assert states(9) == [(3, EntryState.MISSED)]
    assert states(10) == [(1, EntryState.SENT), (7, EntryState.DUE), (2, EntryState.SCHEDULED), (5, EntryState.DRAFT)]
    assert states(11) == [(4, EntryState.NEEDS_CHECKING), (8, EntryState.FAILED)]
    assert states(12) == [(6, EntryState.AWAITING), (10, EntryState.SENT)]
    assert states(13) == []
    assert calendar.entry(9) is None  # rejected: not on the calendar
    assert calendar.entry(11) is None  # another week
    # A sent post sits where it went out, not where it was planned.
    assert calendar.entry(1).at == at(10, 8, 1)  # type: ignore[union-attr]
    assert calendar.day(date(2030, 6, 10)).count(EntryState.SENT) == 1


def test_the_same_facts_an_hour_later_and_a_day_in_another_zone() -> None:
    later = build_calendar(FACTS, date(2030, 6, 10), date(2030, 6, 10), at(10, 11, 30), TOKYO)
    assert later.entry(2).state is EntryState.DUE  # type: ignore[union-attr]
    # 08:01 in Tokyo is still 9 June in UTC: days are the person's days, not the database's.
    utc = build_calendar(FACTS, date(2030, 6, 9), date(2030, 6, 9), NOW, ZoneInfo("UTC"))
    assert 1 in [e.draft_id for e in utc.days[0].entries]


def test_every_state_has_a_word() -> None:
    assert len({s.label for s in EntryState}) == len(EntryState)
    assert {s for s in EntryState if s.needs_a_person} == {
        EntryState.NEEDS_CHECKING,
        EntryState.FAILED,
        EntryState.MISSED,
    }


def test_what_moving_means_for_each_state() -> None:
    calendar = build_calendar(FACTS, date(2030, 6, 9), date(2030, 6, 15), NOW, TOKYO)

    def kind(draft_id: int, can_edit: bool = True) -> MoveKind:
        return move_rule(calendar.entry(draft_id), can_edit=can_edit, zone=TOKYO).kind  # type: ignore[arg-type]

    assert kind(5) is MoveKind.FREE  # a draft being written
    assert kind(6) is MoveKind.RESUBMIT  # awaiting approval: the version under review binds the time
    assert kind(2) is MoveKind.REAPPROVAL  # approved: the approval binds the time
    assert kind(3) is MoveKind.REAPPROVAL  # a missed post gets a new time only with a new approval
    assert kind(8) is MoveKind.REAPPROVAL
    assert kind(1) is MoveKind.REFUSED  # gone out
    assert kind(4) is MoveKind.REFUSED  # nobody knows yet whether it went out
    assert kind(5, can_edit=False) is MoveKind.REFUSED  # only operators move posts
    approved = move_rule(calendar.entry(2), can_edit=True, zone=TOKYO)  # type: ignore[arg-type]
    assert approved.asks_first
    assert "approved again" in approved.explanation
    assert "11:00" in approved.explanation
    refused = move_rule(calendar.entry(4), can_edit=True)  # type: ignore[arg-type]
    assert not refused.allowed
    assert "needs checking" in refused.explanation
    assert not move_rule(calendar.entry(5), can_edit=True).asks_first  # type: ignore[arg-type]


def test_a_time_already_past_cannot_be_chosen() -> None:
    assert target_problem(at(10, 8), NOW) is not None
    assert target_problem(at(10, 9, 1), NOW) is None


def test_periods_grids_and_steps() -> None:
    wed = date(2030, 6, 12)
    assert period(CalendarView.DAY, wed) == (wed, wed)
    assert period(CalendarView.WEEK, wed) == (date(2030, 6, 10), date(2030, 6, 16))
    assert period(CalendarView.MONTH, wed) == (date(2030, 6, 1), date(2030, 6, 30))
    assert grid(CalendarView.MONTH, wed) == (date(2030, 5, 27), date(2030, 6, 30))  # whole weeks
    assert grid(CalendarView.MONTH, date(2030, 7, 1)) == (date(2030, 7, 1), date(2030, 8, 4))
    assert step(CalendarView.DAY, wed, -1) == date(2030, 6, 11)
    assert step(CalendarView.WEEK, wed, 1) == date(2030, 6, 19)
    assert step(CalendarView.MONTH, date(2030, 1, 31), 1) == date(2030, 2, 28)
    assert step(CalendarView.MONTH, date(2030, 1, 15), -1) == date(2029, 12, 15)


def test_moving_by_days_keeps_the_time_of_day() -> None:
    assert moved_time(at(10, 11), days=1, zone=TOKYO) == at(11, 11)
    assert moved_time(at(10, 11), minutes=-30, zone=TOKYO) == at(10, 10, 30)
    assert on_day(at(10, 11), date(2030, 6, 14), TOKYO) == at(14, 11)
    # Across a daylight-saving change the wall clock is kept, not the number of hours.
    berlin = ZoneInfo("Europe/Berlin")
    before = datetime(2030, 3, 30, 9, 0, tzinfo=berlin)
    assert moved_time(before, days=1, zone=berlin).astimezone(berlin).hour == 9
