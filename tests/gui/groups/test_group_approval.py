"""The approval queue shows a group as one: approve the group (asked first, naming the accounts) or return one."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from core.demo.support import make_ready
from core.lifecycle.states import DraftState, ReviewDecision
from core.runtime.bootstrap import Environment
from core.services.accounts import list_accounts
from core.services.drafts import DraftService
from core.services.groups import GroupService, group_info
from core.services.review_view import read_review
from core.services.reviews import ReviewService
from core.services.staff import actor_for
from core.signoff.keys import DemoSigner
from gui.messages import Kind
from gui.screens.approvals import ApprovalsScreen
from gui.session import AppSession
from tests.support.gui import MessageRecorder, settle, wait_for_operations
from tests.support.keyboard import clashes

HANDLES = ("@josokoiki.koho", "@mihon-city", "mihon.city")


def _session(env: Environment, login: str) -> AppSession:
    actor = actor_for(env.store, login, env.terminal.uid)
    assert actor is not None
    return AppSession(env, actor)


def _submitted_group(env: Environment) -> tuple[int, tuple[int, ...]]:
    operator = _session(env, "demo.sato")
    accounts = [a.id for a in list_accounts(env.store) if a.handle in HANDLES]
    created = operator.service(GroupService).create(accounts, "防災訓練を12月6日に行います。", title="防災訓練")
    drafts = operator.service(DraftService)
    rows = {d: make_ready(drafts, d) for d in created.draft_ids}
    operator.service(GroupService).submit(created.group_id, rows)
    return created.group_id, created.draft_ids


def _select(screen: ApprovalsScreen, draft_id: int) -> None:
    row = next(i for i in range(screen.model.rowCount()) if screen.model.row(i).draft_id == draft_id)
    screen.table.selectRow(row)


def test_the_supervisor_approves_the_group_after_a_question_naming_the_accounts(
    qtbot: QtBot, demo_env: Environment, messages: MessageRecorder
) -> None:
    group_id, draft_ids = _submitted_group(demo_env)
    screen = ApprovalsScreen(_session(demo_env, "demo.takahashi"))
    qtbot.addWidget(screen)
    screen.resize(1300, 700)
    screen.show()
    screen.refresh()
    settle()
    _select(screen, draft_ids[0])
    assert screen.group_button.isEnabled()
    row = screen.table.currentIndex().row()
    assert screen.model.data(screen.model.index(row, 7)) == f"Group {group_id}: 防災訓練"
    assert clashes(screen) == {}
    screen.grab().save("/tmp/kohogate_approvals_group.png")

    messages.answer(False)  # declined: nothing is decided
    screen.approve_group()
    wait_for_operations(qtbot)
    assert [m.state for m in group_info(demo_env.store, group_id).members] == [DraftState.SUBMITTED] * 3  # type: ignore[union-attr]
    question = messages.of(Kind.IRREVERSIBLE)[0]
    for handle in HANDLES:
        assert handle in question.informative

    messages.answer(True)
    screen.approve_group()
    wait_for_operations(qtbot, lambda: not screen.approving_group)
    info = group_info(demo_env.store, group_id)
    assert info is not None
    assert [m.state for m in info.members] == [DraftState.APPROVED] * 3
    screen.refresh()
    settle()
    assert all(screen.model.row(i).draft_id not in draft_ids for i in range(screen.model.rowCount()))


def test_one_returned_alone_leaves_the_rest_of_the_group_waiting(
    qtbot: QtBot, demo_env: Environment, messages: MessageRecorder
) -> None:
    group_id, draft_ids = _submitted_group(demo_env)
    supervisor = _session(demo_env, "demo.takahashi")
    screen = ApprovalsScreen(supervisor)
    qtbot.addWidget(screen)
    screen.refresh()
    settle()
    item = next(
        screen.model.row(i) for i in range(screen.model.rowCount()) if screen.model.row(i).draft_id == draft_ids[1]
    )
    ReviewService(demo_env.store, supervisor.actor).decide(
        item.version_id, ReviewDecision.RETURNED, "LINE 向けに短く。", signer=DemoSigner("demo.takahashi")
    )
    screen.refresh()
    settle()
    waiting = [screen.model.row(i) for i in range(screen.model.rowCount()) if screen.model.row(i).group_id == group_id]
    assert [w.draft_id for w in waiting] == [draft_ids[0], draft_ids[2]]
    _select(screen, draft_ids[0])
    messages.answer(True)
    screen.approve_group()
    wait_for_operations(qtbot, lambda: not screen.approving_group)
    assert "2 drafts" in messages.of(Kind.IRREVERSIBLE)[0].text
    states = [m.state for m in group_info(demo_env.store, group_id).members]  # type: ignore[union-attr]
    assert states == [DraftState.APPROVED, DraftState.RETURNED, DraftState.APPROVED]


def test_the_review_names_the_rest_of_the_group(qtbot: QtBot, demo_env: Environment) -> None:
    from gui.review.review_dialog import ReviewDialog

    _group_id, draft_ids = _submitted_group(demo_env)
    supervisor = _session(demo_env, "demo.takahashi")
    screen = ApprovalsScreen(supervisor)
    qtbot.addWidget(screen)
    screen.refresh()
    settle()
    item = next(
        screen.model.row(i) for i in range(screen.model.rowCount()) if screen.model.row(i).draft_id == draft_ids[0]
    )
    dialog = ReviewDialog(supervisor, read_review(supervisor.store, item.version_id))
    qtbot.addWidget(dialog)
    dialog.show()
    text = dialog.origin.text()
    assert "防災訓練" in text
    assert "@mihon-city (LINE" in text
    assert "mihon.city (Facebook" in text
    assert "@josokoiki.koho" not in text  # this draft itself
    dialog.grab().save("/tmp/kohogate_review_group.png")
