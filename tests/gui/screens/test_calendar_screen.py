"""予定 over the demo data: views switch, keys move the day and the period, posts move by keyboard and by drop,
an approved post asks for a new approval first, a sent one is refused with the reason."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from core.lifecycle.states import DraftState
from core.planning.calendar import CalendarEntry, CalendarView, EntryState
from core.planning.today import SectionKind
from core.runtime.bootstrap import Environment
from core.services.drafts import load_draft_detail
from core.services.staff import actor_for
from gui.messages import Kind
from gui.screens.calendar import MIME, CalendarScreen, MoveTimeDialog
from gui.session import AppSession
from tests.support.gui import MessageRecorder, wait_for_operations


def make_screen(qtbot: QtBot, env: Environment, login: str) -> CalendarScreen:
    actor = actor_for(env.store, login, env.terminal.uid)
    assert actor is not None
    screen = CalendarScreen(AppSession(env, actor))
    qtbot.addWidget(screen)
    screen.resize(1180, 660)
    screen.show()
    qtbot.waitExposed(screen)
    wait_for_operations(qtbot, lambda: not screen.loading and screen.calendar is not None)
    return screen


def settle(qtbot: QtBot, screen: CalendarScreen) -> None:
    wait_for_operations(qtbot, lambda: not screen.loading)


def entry_in(screen: CalendarScreen, state: EntryState) -> CalendarEntry:
    assert screen.calendar is not None
    return next(e for e in screen.calendar.entries if e.state is state)


def select(qtbot: QtBot, screen: CalendarScreen, entry: CalendarEntry) -> None:
    screen.go(entry.at.astimezone().date())
    settle(qtbot, screen)
    row = next(r for r in range(screen.entries.rowCount()) if screen.entries.row(r).draft_id == entry.draft_id)
    screen.day_list.selectRow(row)


def drop(screen: CalendarScreen, entry: CalendarEntry, days: int) -> None:
    """What a drag from the day's list onto another day of the grid delivers."""
    data = screen.entries.mimeData([screen.entries.index(screen.entries.rows().index(entry), 0)])
    assert data.hasFormat(MIME)
    target = screen.days.index_of(entry.at.astimezone().date() + timedelta(days=days))
    assert target.isValid()
    screen.days.dropMimeData(data, Qt.DropAction.MoveAction, -1, -1, target)


def test_views_switch_and_keys_move_the_day_and_the_period(qtbot: QtBot, demo_env: Environment) -> None:
    screen = make_screen(qtbot, demo_env, "demo.sato")
    assert screen.view is CalendarView.WEEK
    assert screen.days.rowCount() * screen.days.columnCount() == 7
    assert screen.board is not None
    assert screen.board.sections[0].kind is SectionKind.DUE  # an operator's day starts with what goes out
    screen.view_buttons[CalendarView.MONTH].click()
    settle(qtbot, screen)
    assert screen.days.rowCount() >= 4
    assert screen.days.columnCount() == 7
    screen.view_buttons[CalendarView.DAY].click()
    settle(qtbot, screen)
    assert screen.grid.isHidden()
    today = screen.selected_day
    screen.day_list.setFocus()
    qtbot.keyClick(screen.day_list, Qt.Key.Key_Right)
    settle(qtbot, screen)
    assert screen.selected_day == today + timedelta(days=1)
    assert "posts: 4" in screen.day_title.text()  # the demo's four posts of tomorrow
    screen.view_buttons[CalendarView.WEEK].click()
    settle(qtbot, screen)
    assert screen.grid.isVisible()
    screen.grid.setFocus()
    qtbot.keyClick(screen.grid, Qt.Key.Key_Left)
    settle(qtbot, screen)
    assert screen.selected_day == today
    qtbot.keyClick(screen.grid, Qt.Key.Key_PageDown)
    settle(qtbot, screen)
    assert screen.selected_day == today + timedelta(weeks=1)
    assert screen.calendar is not None
    assert screen.calendar.first <= screen.selected_day <= screen.calendar.last
    screen.today_button.click()
    settle(qtbot, screen)
    assert screen.selected_day == today


def test_a_draft_moves_by_keyboard(
    qtbot: QtBot, demo_env: Environment, monkeypatch: pytest.MonkeyPatch, messages: MessageRecorder
) -> None:
    screen = make_screen(qtbot, demo_env, "demo.sato")
    screen.go(screen.selected_day + timedelta(days=1))
    settle(qtbot, screen)
    draft = entry_in(screen, EntryState.DRAFT)
    select(qtbot, screen, draft)
    assert "Only the planned time" in screen.why_label.text()
    later = draft.at + timedelta(days=1, hours=1)

    def choose(dialog: MoveTimeDialog) -> int:
        local = later.astimezone()
        dialog.when.setDateTime(dialog.when.dateTime().fromSecsSinceEpoch(int(local.timestamp())))
        return QDialog.DialogCode.Accepted.value

    monkeypatch.setattr(MoveTimeDialog, "exec", choose)
    qtbot.keyClick(screen, Qt.Key.Key_M, Qt.KeyboardModifier.AltModifier)
    wait_for_operations(qtbot, lambda: load_draft_detail(demo_env.store, draft.draft_id).scheduled_at == later)
    settle(qtbot, screen)
    assert messages.of(Kind.ASK) == []  # a draft being written moves without a question
    assert load_draft_detail(demo_env.store, draft.draft_id).state is draft.draft_state  # still being written
    assert screen.selected_day == later.astimezone().date()  # the calendar follows the post
    assert screen.calendar is not None
    assert screen.calendar.entry(draft.draft_id).at == later  # type: ignore[union-attr]


def test_dropping_an_approved_post_asks_for_a_new_approval_and_says_so(
    qtbot: QtBot, demo_env: Environment, messages: MessageRecorder
) -> None:
    screen = make_screen(qtbot, demo_env, "demo.sato")
    screen.go(screen.selected_day + timedelta(days=1))
    settle(qtbot, screen)
    approved = entry_in(screen, EntryState.SCHEDULED)
    select(qtbot, screen, approved)
    assert "approved again" in screen.why_label.text()
    messages.answer(False)
    drop(screen, approved, 1)
    settle(qtbot, screen)
    (question,) = messages.of(Kind.ASK)
    assert "part of what was approved" in question.text
    assert "approved again" in question.text
    detail = load_draft_detail(demo_env.store, approved.draft_id)
    assert (detail.state, detail.scheduled_at) == (DraftState.APPROVED, approved.at)  # "no" changed nothing
    messages.answer(True)
    drop(screen, approved, 1)
    wait_for_operations(
        qtbot, lambda: load_draft_detail(demo_env.store, approved.draft_id).state is DraftState.SUBMITTED
    )
    settle(qtbot, screen)
    assert load_draft_detail(demo_env.store, approved.draft_id).scheduled_at == approved.at + timedelta(days=1)
    moved = screen.calendar.entry(approved.draft_id) if screen.calendar else None
    assert moved is not None
    assert moved.state is EntryState.AWAITING


def test_a_sent_post_is_refused_with_the_reason_and_a_supervisor_cannot_move(
    qtbot: QtBot, demo_env: Environment, monkeypatch: pytest.MonkeyPatch, messages: MessageRecorder
) -> None:
    monkeypatch.setattr(MoveTimeDialog, "exec", lambda _self: pytest.fail("no time is asked for a refused move"))
    screen = make_screen(qtbot, demo_env, "demo.sato")
    sent = entry_in(screen, EntryState.SENT)
    select(qtbot, screen, sent)
    screen.move_button.click()
    (warning,) = messages.of(Kind.WARNING)
    assert "already gone out" in warning.text
    supervisor = make_screen(qtbot, demo_env, "demo.takahashi")
    assert supervisor.board is not None
    assert supervisor.board.sections[0].kind is SectionKind.WAITING  # a supervisor's day starts with decisions
    supervisor.go(supervisor.selected_day + timedelta(days=1))
    settle(qtbot, supervisor)
    draft = entry_in(supervisor, EntryState.DRAFT)
    select(qtbot, supervisor, draft)
    supervisor.move_button.click()
    assert "Only an operator" in messages.of(Kind.WARNING)[-1].text
