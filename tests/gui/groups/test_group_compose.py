"""一括作成 in the GUI: compose once, three variants with their platforms' counts, settle each, submit together."""

from __future__ import annotations

from dataclasses import replace

from pytestqt.qtbot import QtBot

from core.lifecycle.states import DraftState
from core.runtime.bootstrap import Environment
from core.services.accounts import list_accounts
from core.services.groups import group_info
from core.services.staff import actor_for
from core.services.templates import drafting_inputs
from gui.groups.compose_dialog import GroupComposeDialog
from gui.session import AppSession
from tests.support.gui import wait_for_operations
from tests.support.keyboard import clashes

HANDLES = ("@josokoiki.koho", "@mihon-city", "mihon.city")
TEXT = (
    "【お知らせ】市民まつりを11月3日に中央公園で開催します。"
    "詳しくは https://www.city.mihon.lg.jp/matsuri をご覧ください。"
)


def _dialog(qtbot: QtBot, demo_env: Environment) -> GroupComposeDialog:
    actor = actor_for(demo_env.store, "demo.sato", demo_env.terminal.uid)
    assert actor is not None
    accounts = tuple(a for a in list_accounts(demo_env.store) if a.handle in HANDLES)
    dialog = GroupComposeDialog(
        AppSession(demo_env, actor), replace(drafting_inputs(demo_env.store), accounts=accounts)
    )
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def _pick_all(dialog: GroupComposeDialog) -> None:
    from PySide6.QtCore import Qt

    for row in range(dialog.account_list.count()):
        dialog.account_list.item(row).setCheckState(Qt.CheckState.Checked)


def test_one_message_becomes_three_variants_submitted_together(qtbot: QtBot, demo_env: Environment) -> None:
    dialog = _dialog(qtbot, demo_env)
    assert not dialog.make_button.isEnabled()
    dialog.title.setText("市民まつり")
    dialog.text.setPlainText(TEXT + "あ" * 120)  # too long for X, fine for LINE and Facebook
    _pick_all(dialog)
    assert dialog.make_button.isEnabled()
    assert clashes(dialog) == {}
    hint = dialog.minimumSizeHint()  # usable at 1366×768 less a task bar and a title bar
    assert hint.width() <= 1366
    assert hint.height() <= 698
    dialog.grab().save("/tmp/kohogate_group_compose.png")
    dialog.make_button.click()
    wait_for_operations(qtbot, lambda: len(dialog.variants) == 3)
    x, line, _facebook = dialog.variants
    assert x.target.platform.value == "x"
    assert "too many" in x.count.text()
    assert "too many" not in line.count.text()
    assert "/ 5000" in line.count.text()
    assert not x.ready
    assert not dialog.submit_button.isEnabled()
    x.editor.setPlainText(TEXT)  # the X variant shortened on its own
    x.evaluate()
    for tab in dialog.variants:
        for box in tab.ticks.values():
            box.setChecked(True)
        for edit in tab.reasons.values():
            edit.setText("公式ページへのリンクです")
    assert all(tab.ready for tab in dialog.variants), [tab.gate.reasons() for tab in dialog.variants if tab.gate]
    assert dialog.submit_button.isEnabled()
    dialog.tabs.setCurrentIndex(0)
    qtbot.wait(50)  # rebuilt rows are shown by a queued call
    assert clashes(dialog) == {}
    dialog.grab().save("/tmp/kohogate_group_variants.png")
    dialog.submit_button.click()
    wait_for_operations(qtbot, lambda: dialog.submitted)
    assert dialog.group is not None
    info = group_info(demo_env.store, dialog.group.group_id)
    assert info is not None
    assert [m.state for m in info.members] == [DraftState.SUBMITTED] * 3


def test_a_refused_group_says_which_account_and_stays_open(qtbot: QtBot, demo_env: Environment) -> None:
    dialog = _dialog(qtbot, demo_env)
    dialog.title.setText("市民まつり")
    dialog.text.setPlainText(TEXT)
    _pick_all(dialog)
    dialog.make_button.click()
    wait_for_operations(qtbot, lambda: len(dialog.variants) == 3)
    assert not dialog.submit_button.isEnabled()  # confirmations not ticked yet
    assert "Still to settle" in dialog.status.text()


def test_one_time_for_every_draft_of_the_group(qtbot: QtBot, demo_env: Environment) -> None:
    from datetime import timedelta

    from PySide6.QtCore import QDateTime

    from core.services.drafts import load_draft_detail

    dialog = _dialog(qtbot, demo_env)
    dialog.title.setText("市民まつり")
    dialog.text.setPlainText(TEXT)
    _pick_all(dialog)
    dialog.scheduled.setChecked(True)
    dialog.when.setDateTime(QDateTime.currentDateTime().addDays(2))
    wanted = dialog.scheduled_at()
    assert wanted is not None
    dialog.make_button.click()
    wait_for_operations(qtbot, lambda: len(dialog.variants) == 3)
    times = {load_draft_detail(demo_env.store, tab.draft_id).scheduled_at for tab in dialog.variants}
    assert len(times) == 1
    (when,) = times
    assert when is not None
    assert abs(when - wanted) < timedelta(minutes=1)
