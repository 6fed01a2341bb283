"""The today board: what each role sees first, from plain entries and a fake clock."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

from core.lifecycle.states import DraftState, PublicationState
from core.organization.roles import Role
from core.planning.calendar import PostFact, build_calendar
from core.planning.today import Overdue, OverdueKind, SectionKind, Waiting, WaitingKind, build_board

TOKYO = ZoneInfo("Asia/Tokyo")
DAY = date(2030, 6, 10)
NOW = datetime(2030, 6, 10, 9, 0, tzinfo=TOKYO)


def at(hour: int, minute: int = 0, day: int = 10) -> datetime:
    return datetime(2030, 6, day, hour, minute, tzinfo=TOKYO)


def fact(draft_id: int, state: DraftState, when: datetime, newest: PublicationState | None = None) -> PostFact:
    return PostFact(
        draft_id, 1, f"post {draft_id}", 1, "@koho", "x", state, newest, when, missed=newest is PublicationState.FAILED
    )


TODAY = build_calendar(
    [
        fact(1, DraftState.PUBLISHED, at(8), PublicationState.PUBLISHED),  # gone out this morning
        fact(2, DraftState.APPROVED, at(11)),
        fact(3, DraftState.SUBMITTED, at(14)),  # not approved yet and due today
        fact(4, DraftState.APPROVED, at(7), PublicationState.FAILED),  # missed this morning
    ],
    DAY,
    DAY,
    NOW,
    TOKYO,
).entries
ATTENTION = [e for e in TODAY if e.state.needs_a_person]
WAITING = [
    Waiting(WaitingKind.DECISION, 3, "post 3", "@koho", at(17, day=9), at(14)),
    Waiting(WaitingKind.POST_REVIEW, 9, "避難所開設", "@koho", at(22, day=9)),
]
OVERDUE = [Overdue(OverdueKind.CONTINUATION, at(0, day=1), "@koho", account_id=1)]


def test_a_supervisor_sees_what_waits_for_a_decision_first() -> None:
    board = build_board(DAY, frozenset({Role.SUPERVISOR}), TODAY, WAITING, ATTENTION, OVERDUE, NOW, TOKYO)
    assert [s.kind for s in board.sections] == [
        SectionKind.WAITING,
        SectionKind.OVERDUE,
        SectionKind.FAILED,
        SectionKind.DUE,
    ]
    waiting = board.section(SectionKind.WAITING)
    assert waiting is not None
    # The emergency post already out without approval comes before the ordinary decision.
    assert [i.draft_id for i in waiting.items] == [9, 3]
    assert all(i.urgent for i in waiting.items)  # both are needed today
    assert [i.word for i in board.section(SectionKind.OVERDUE).items] == ["Continuation review overdue"]  # type: ignore[union-attr]
    assert [i.draft_id for i in board.section(SectionKind.FAILED).items] == [4]  # type: ignore[union-attr]
    due = board.section(SectionKind.DUE)
    assert due is not None
    assert [(i.draft_id, i.word) for i in due.items] == [(2, "Scheduled to go out"), (3, "Awaiting approval")]
    assert [i.urgent for i in due.items] == [False, True]
    assert board.anything


def test_an_operator_starts_with_what_goes_out_today_and_sees_no_overdue_reviews() -> None:
    returned = [Waiting(WaitingKind.RETURNED, 5, "夏祭り", "@koho", at(16, day=9), at(10, day=12))]
    board = build_board(DAY, frozenset({Role.OPERATOR}), TODAY, returned, ATTENTION, OVERDUE, NOW, TOKYO)
    assert [s.kind for s in board.sections] == [SectionKind.DUE, SectionKind.WAITING, SectionKind.FAILED]
    waiting = board.section(SectionKind.WAITING)
    assert waiting is not None
    assert [(i.word, i.urgent) for i in waiting.items] == [("Returned to you", False)]  # due in two days
    assert board.section(SectionKind.OVERDUE) is None


def test_an_administrator_chases_overdue_reviews_first_and_an_empty_board_says_so() -> None:
    board = build_board(DAY, frozenset({Role.ADMINISTRATOR}), [], [], [], OVERDUE, NOW, TOKYO)
    assert board.sections[0].kind is SectionKind.OVERDUE
    empty = build_board(DAY, frozenset({Role.OPERATOR}), [], [], [], [], NOW, TOKYO)
    assert not empty.anything
    assert empty.sections[0].empty_text == "Nothing else goes out today."
