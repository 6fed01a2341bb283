"""Planning on both databases: the calendar read, moving posts (free, re-submitted, re-approved, refused), the board."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta
from unittest import mock
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select

from core.errors import Conflict, InvalidInput, PermissionDenied
from core.lifecycle.states import DraftState, ReviewDecision
from core.planning.calendar import EntryState, MoveKind
from core.planning.today import SectionKind, WaitingKind
from core.publishing.records import PublicationService
from core.runtime.bootstrap import Environment
from core.services.drafts import DraftService, load_draft_detail
from core.services.planning import PlanningService, read_calendar, read_today
from core.services.reviews import ReviewService, pending_reviews, pending_reviews_of
from core.signoff.content_hash import content_hash
from core.signoff.keys import DemoSigner
from core.storage.engine import Store
from core.storage.models import AuditEntry, DraftVersion
from tests.support.publishing import PubWorld

TOKYO = ZoneInfo("Asia/Tokyo")
BEFORE = datetime(2030, 6, 8, 9, 0, tzinfo=TOKYO)  # when the posts were prepared
NOW = datetime(2030, 6, 10, 9, 0, tzinfo=TOKYO)  # Monday 9:00, the fake database clock


def at(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2030, 6, day, hour, minute, tzinfo=TOKYO)


def clock(moment: datetime) -> mock._patch[mock.MagicMock]:
    return mock.patch.object(Store, "now", return_value=moment)


class Plan:
    """A week of posts on several accounts, one in each state the calendar shows."""

    def __init__(self, world: PubWorld) -> None:
        self.world = world
        with clock(BEFORE):
            drafts = DraftService(world.store, world.op)
            self.draft = drafts.create(world.ids["x"], "下書きのお知らせ", title="下書き", scheduled_at=at(10, 15))
            self.scheduled = world.approved("x", "市民まつりは11月3日です。", scheduled_at=at(10, 11))
            self.sent = world.approved("mastodon", "図書館は本日開館します。", scheduled_at=at(10, 8))
            self.missed = world.approved("bluesky", "健診の受付は9日です。", scheduled_at=at(9, 10))
            self.unsure = world.approved("facebook", "道路工事のお知らせです。", scheduled_at=at(11, 10))
            self.awaiting = world.submitted("line", "防災訓練は12日です。", scheduled_at=at(12, 9))
        posting = PublicationService(world.store, world.op)
        row = posting.open_attempt(self.sent, now=at(10, 8))
        posting.mark_attempt(row.publication_id, now=at(10, 8))
        posting.mark_published(row.publication_id, "1", "https://city.example/@koho/1", now=at(10, 8, 1))
        posting.report_missed(self.missed, at(9, 10), at(9, 11))
        row = posting.open_attempt(self.unsure, now=at(11, 10))
        posting.mark_attempt(row.publication_id, now=at(11, 10))
        posting.mark_needs_reconciliation(row.publication_id, "timed out")

    def row_version(self, draft_id: int) -> int:
        return load_draft_detail(self.world.store, draft_id).row_version


@pytest.fixture
def plan(env: Environment) -> Plan:
    return Plan(PubWorld(env))


def events(store: Store, prefix: str) -> list[tuple[str, dict[str, object]]]:
    with store.read() as session:
        return [
            (e.event, json.loads(e.payload))
            for e in session.scalars(select(AuditEntry).order_by(AuditEntry.seq))
            if e.event.startswith(prefix)
        ]


def test_the_week_across_accounts_with_a_fake_clock(plan: Plan) -> None:
    with clock(NOW):
        calendar = read_calendar(plan.world.store, date(2030, 6, 9), date(2030, 6, 15), TOKYO)

    def day(d: int) -> list[tuple[int, EntryState]]:
        return [(e.draft_id, e.state) for e in calendar.day(date(2030, 6, d)).entries]

    assert day(9) == [(plan.missed, EntryState.MISSED)]
    assert day(10) == [
        (plan.sent, EntryState.SENT),
        (plan.scheduled, EntryState.SCHEDULED),
        (plan.draft, EntryState.DRAFT),
    ]
    assert day(11) == [(plan.unsure, EntryState.NEEDS_CHECKING)]
    assert day(12) == [(plan.awaiting, EntryState.AWAITING)]
    assert {e.account for e in calendar.entries} == {
        "@city_koho",
        "@koho@city.example",
        "koho.city.example",
        "city.koho",
        "@cityline",
    }
    assert calendar.now == NOW


def test_an_unapproved_draft_moves_freely(plan: Plan) -> None:
    store = plan.world.store
    with clock(NOW):
        result = PlanningService(store, plan.world.op2).move(plan.draft, plan.row_version(plan.draft), at(11, 16))
    assert result.kind is MoveKind.FREE
    detail = load_draft_detail(store, plan.draft)
    assert detail.state is DraftState.DRAFT
    assert detail.scheduled_at == at(11, 16)
    assert detail.row_version == result.row_version
    [(_event, payload)] = events(store, "draft.rescheduled")
    assert payload["outcome"] == "free"
    assert payload["from_state"] == "draft"
    from core.services.audit_log import summarize

    words = summarize("draft.rescheduled", payload)
    assert words.startswith(f"Moved draft {plan.draft} from ")
    assert "(planned time changed)" in words


def test_an_approved_post_is_not_moved_without_saying_it_needs_a_new_approval(plan: Plan) -> None:
    store = plan.world.store
    before = load_draft_detail(store, plan.scheduled)
    with clock(NOW), pytest.raises(Conflict) as refused:
        PlanningService(store, plan.world.op).move(plan.scheduled, before.row_version, at(10, 14))
    assert "approved again" in refused.value.message
    after = load_draft_detail(store, plan.scheduled)
    assert (after.state, after.scheduled_at, after.row_version) == (DraftState.APPROVED, at(10, 11), before.row_version)
    assert events(store, "draft.rescheduled") == []


def test_moving_an_approved_post_sends_it_back_for_a_new_approval(plan: Plan) -> None:
    store, world = plan.world.store, plan.world
    with store.read() as session:
        approved_hash = session.scalars(
            select(DraftVersion.content_hash).where(DraftVersion.draft_id == plan.scheduled)
        ).one()
    with clock(NOW):
        result = PlanningService(store, world.op).move(
            plan.scheduled, plan.row_version(plan.scheduled), at(10, 14), accept_reapproval=True
        )
    assert result.kind is MoveKind.REAPPROVAL
    detail = load_draft_detail(store, plan.scheduled)
    assert detail.state is DraftState.SUBMITTED  # not approved any more: it cannot go out
    assert detail.scheduled_at == at(10, 14)
    with store.read() as session:
        version = session.get(DraftVersion, result.version_id)
        assert version is not None
        assert (version.number, version.scheduled_at) == (2, at(10, 14))
        # The new version binds the new time; the old approval's hash was over the old one.
        assert version.content_hash != approved_hash
        assert version.content_hash == content_hash(
            text=version.text, account_id=version.account_id, scheduled_at=at(10, 14), media=()
        )
    moved = events(store, "draft.")[-2:]
    assert [e for e, _p in moved] == ["draft.rescheduled", "draft.submitted"]
    assert moved[0][1]["outcome"] == "reapproval"
    assert moved[0][1]["from_state"] == "approved"
    assert moved[1][1]["version_id"] == result.version_id
    with clock(NOW):
        queue = pending_reviews(store, reviewer_id=world.sup.staff_id)
        assert [(i.draft_id, i.version_id) for i in queue if i.draft_id == plan.scheduled] == [
            (plan.scheduled, result.version_id)
        ]
        # Approved again, it is scheduled at the new time.
        ReviewService(store, world.sup).decide(
            result.version_id,  # type: ignore[arg-type]
            ReviewDecision.APPROVED,
            signer=DemoSigner(world.sup.login),
        )
        calendar = read_calendar(store, date(2030, 6, 10), date(2030, 6, 10), TOKYO)
    entry = calendar.entry(plan.scheduled)
    assert entry is not None
    assert (entry.at, entry.state) == (at(10, 14), EntryState.SCHEDULED)


def test_a_missed_post_gets_a_new_time_only_with_a_new_approval(plan: Plan) -> None:
    store = plan.world.store
    with clock(NOW):
        result = PlanningService(store, plan.world.op).move(
            plan.missed, plan.row_version(plan.missed), at(10, 17), accept_reapproval=True
        )
    assert result.kind is MoveKind.REAPPROVAL
    assert load_draft_detail(store, plan.missed).state is DraftState.SUBMITTED


def test_a_post_awaiting_approval_is_resubmitted_with_its_new_time(plan: Plan) -> None:
    store = plan.world.store
    with clock(NOW):
        result = PlanningService(store, plan.world.op).move(plan.awaiting, plan.row_version(plan.awaiting), at(13, 9))
    assert result.kind is MoveKind.RESUBMIT
    assert result.version_id is not None
    assert load_draft_detail(store, plan.awaiting).state is DraftState.SUBMITTED
    assert events(store, "draft.rescheduled")[-1][1]["outcome"] == "resubmit"


def test_refusals_change_nothing(plan: Plan) -> None:
    store, world = plan.world.store, plan.world
    service = PlanningService(store, world.op)
    with clock(NOW):
        with pytest.raises(Conflict, match="already gone out"):
            service.move(plan.sent, plan.row_version(plan.sent), at(12, 9), accept_reapproval=True)
        with pytest.raises(Conflict, match="needs checking"):
            service.move(plan.unsure, plan.row_version(plan.unsure), at(12, 9), accept_reapproval=True)
        with pytest.raises(InvalidInput, match="already passed"):
            service.move(plan.draft, plan.row_version(plan.draft), NOW - timedelta(minutes=1))
        with pytest.raises(PermissionDenied, match="operator"):
            PlanningService(store, world.sup).move(plan.draft, plan.row_version(plan.draft), at(12, 9))
        with pytest.raises(Conflict, match="Someone else"):
            service.move(plan.draft, plan.row_version(plan.draft) - 1, at(12, 9))
    assert events(store, "draft.rescheduled") == []


def test_the_today_board_for_an_operator_and_a_supervisor(plan: Plan) -> None:
    store, world = plan.world.store, plan.world
    with clock(BEFORE):
        returned = world.submitted("x", "返される下書きです。", scheduled_at=at(12, 10))
        with store.read() as session:
            version_id = session.scalars(select(DraftVersion.id).where(DraftVersion.draft_id == returned)).one()
        ReviewService(store, world.sup).decide(
            version_id, ReviewDecision.RETURNED, "日付を確認してください", signer=DemoSigner(world.sup.login)
        )
    with clock(NOW):
        operator = read_today(store, world.op, TOKYO)
        supervisor = read_today(store, world.sup, TOKYO)
    assert operator.day == date(2030, 6, 10)
    assert [s.kind for s in operator.sections] == [SectionKind.DUE, SectionKind.WAITING, SectionKind.FAILED]
    due = operator.section(SectionKind.DUE)
    assert due is not None
    assert [i.draft_id for i in due.items] == [plan.scheduled, plan.draft]  # the 8:00 post has gone out
    waiting = operator.section(SectionKind.WAITING)
    assert waiting is not None
    assert [(i.draft_id, i.word) for i in waiting.items] == [(returned, WaitingKind.RETURNED.label)]
    failed = operator.section(SectionKind.FAILED)
    assert failed is not None
    assert {(i.draft_id, i.word) for i in failed.items} == {
        (plan.missed, EntryState.MISSED.label),
        (plan.unsure, EntryState.NEEDS_CHECKING.label),
    }
    assert supervisor.sections[0].kind is SectionKind.WAITING
    decisions = supervisor.section(SectionKind.WAITING)
    assert decisions is not None
    assert [(i.draft_id, i.word) for i in decisions.items] == [(plan.awaiting, WaitingKind.DECISION.label)]
    assert supervisor.section(SectionKind.OVERDUE) is not None


def test_a_missed_post_retimed_and_approved_again_is_scheduled_and_goes_out(plan: Plan) -> None:
    """The old version's missed attempt says nothing about the new one: not in the list, not to the scheduler."""
    from core.publishing.scheduler import posts_held_by_pause, scheduled_posts
    from core.services.drafts import DraftFilter, query_drafts

    store, world = plan.world.store, plan.world
    with clock(NOW):
        result = PlanningService(store, world.op).move(
            plan.missed, plan.row_version(plan.missed), at(10, 17), accept_reapproval=True
        )
        assert result.version_id is not None
        ReviewService(store, world.sup).decide(
            result.version_id, ReviewDecision.APPROVED, signer=DemoSigner(world.sup.login)
        )
        calendar = read_calendar(store, date(2030, 6, 10), date(2030, 6, 10), TOKYO)
        (row,) = [r for r in query_drafts(store, DraftFilter()) if r.id == plan.missed]
    entry = calendar.entry(plan.missed)
    assert entry is not None
    assert (entry.state, entry.at) == (EntryState.SCHEDULED, at(10, 17))
    assert row.shown_state.value == "scheduled"
    assert plan.missed in [p.draft_id for p in scheduled_posts(store, manual_platforms=True)]
    # Due at its new time: the scheduler would send it (not held back as blocked).
    assert plan.missed in [p.draft_id for p in posts_held_by_pause(store, at(10, 17, 5)).due]
    posting = PublicationService(store, world.op)
    attempt = posting.open_attempt(plan.missed, now=at(10, 17, 1))
    assert attempt.version_id == result.version_id


def test_the_schedule_read_is_the_calendar_and_the_board_read_apart_with_each_query_once(plan: Plan) -> None:
    """The 予定 screen's one read (issue 21): today's posts from the grid, every pending review in one query."""
    from core.planning.calendar import CalendarView, grid
    from core.services import planning, reviews

    store, world = plan.world.store, plan.world
    with clock(NOW):
        board_apart = {who.login: read_today(store, who, TOKYO) for who in (world.op, world.sup)}
        first, last = grid(CalendarView.MONTH, date(2030, 6, 10))
        calendar_apart = read_calendar(store, first, last, TOKYO)
        spans: list[date] = []
        with (
            mock.patch.object(planning, "_facts", wraps=planning._facts) as facts,
            mock.patch.object(reviews, "pending_reviews_of", wraps=reviews.pending_reviews_of) as pending,
        ):
            for who in (world.op, world.sup):
                calendar, board = planning.read_schedule(
                    store, who, lambda today: (spans.append(today), grid(CalendarView.MONTH, today))[1], TOKYO
                )
                assert board == board_apart[who.login]
                assert calendar == calendar_apart
        # Per read: the grid's posts (today's among them) and those needing a person; no separate day.
        assert facts.call_count == 4
        assert pending.call_count == 1  # the supervisor's: what waits for them and the overdue, together
        assert spans == [date(2030, 6, 10)] * 2  # the span asked around today by the database clock
        # A span without today (another month shown) still has today's posts on the board.
        calendar, board = planning.read_schedule(
            store, world.op, lambda _today: grid(CalendarView.MONTH, date(2030, 9, 1)), TOKYO
        )
    assert board == board_apart[world.op.login]
    assert calendar.first == grid(CalendarView.MONTH, date(2030, 9, 1))[0]


def test_pending_reviews_of_gives_every_pending_review_and_the_reviewers_share(plan: Plan) -> None:
    store, world = plan.world.store, plan.world
    with clock(NOW):
        every, theirs = pending_reviews_of(store, world.sup.staff_id, NOW)
        assert every == pending_reviews(store, now=NOW)
        assert theirs == pending_reviews(store, reviewer_id=world.sup.staff_id, now=NOW)
        assert theirs
        assert every
        # An operator may decide nothing; without a reviewer there is no share.
        assert pending_reviews(store, reviewer_id=world.op.staff_id, now=NOW) == []
        assert pending_reviews_of(store, None, NOW)[1] == []
