"""The supervisor's side in the GUI: queue, review, return → resubmit → approve, PDF, change watcher."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from core.demo.support import make_ready
from core.lifecycle.states import DraftState, ReviewDecision
from core.runtime.bootstrap import Environment
from core.services.accounts import list_accounts
from core.services.drafts import DraftService, load_draft_detail
from core.services.review_view import read_review
from core.services.staff import actor_for
from core.signoff.approval import verify_approval
from gui.change_watcher import ChangeWatcher
from gui.changes import Changes, change_hub
from gui.messages import Kind
from gui.review.review_dialog import ReviewDialog
from gui.screens.approvals import ApprovalsScreen
from gui.session import AppSession
from tests.support.gui import MessageRecorder, composer_window, settle, wait_for_operations
from tests.support.timeline import SOON


def _session(env: Environment, login: str) -> AppSession:
    actor = actor_for(env.store, login, env.terminal.uid)
    assert actor is not None
    return AppSession(env, actor)


def test_return_resubmit_approve_loop_with_two_users(
    qtbot: QtBot, demo_env: Environment, tmp_path: Path, messages: MessageRecorder
) -> None:
    operator = _session(demo_env, "demo.sato")
    supervisor = _session(demo_env, "demo.takahashi")
    account = next(a for a in list_accounts(demo_env.store) if a.handle == "@josokoiki.koho")
    drafts = operator.service(DraftService)
    draft_id = drafts.create(account.id, "図書館は12月1日から休館します。")
    drafts.submit(draft_id, make_ready(drafts, draft_id))

    screen = ApprovalsScreen(supervisor)
    qtbot.addWidget(screen)
    screen.refresh()
    settle()
    rows = [screen.model.row(i) for i in range(screen.model.rowCount())]
    mine = next(r for r in rows if r.draft_id == draft_id)
    assert mine.author == "佐藤 花子"

    dialog = ReviewDialog(supervisor, read_review(supervisor.store, mine.version_id), screen)
    qtbot.addWidget(dialog)
    assert "図書館" in dialog.preview.body.text()
    assert not dialog.decide(ReviewDecision.RETURNED)  # a comment is required
    dialog.comment.setPlainText("休館の理由と期間を書いてください。")
    announced: list[Changes] = []
    change_hub().changed.connect(announced.append)
    assert dialog.decide(ReviewDecision.RETURNED)
    assert dialog.deciding  # signed and recorded off the UI thread
    wait_for_operations(qtbot, lambda: dialog.decided is ReviewDecision.RETURNED)
    assert not dialog.approve_button.isEnabled()
    change_hub().changed.disconnect(announced.append)
    assert announced == [Changes(drafts=frozenset({draft_id}), queue=True)]

    detail = load_draft_detail(demo_env.store, draft_id)
    assert detail.state is DraftState.RETURNED
    assert detail.returned_comment is not None
    assert "休館の理由" in detail.returned_comment.comment
    row_version = drafts.save(
        draft_id,
        detail.row_version,
        text="図書館は改修工事のため12月1日から15日まで休館します。",
        scheduled_at=SOON,
    )
    assert row_version
    version_2 = drafts.submit(draft_id, make_ready(drafts, draft_id))

    screen.refresh()
    settle()
    second = ReviewDialog(supervisor, read_review(supervisor.store, version_2), screen)
    qtbot.addWidget(second)
    assert second.tabs.currentWidget() is second.diff
    diff = second.diff.toPlainText()
    assert "改修工事のため" in diff
    assert "休館の理由" in diff
    assert SOON.astimezone().strftime("%Y-%m-%d %H:%M") in diff  # the new time is shown with the text
    messages.answer(True)  # 承認 asks first, naming the account and the time
    assert second.decide(ReviewDecision.APPROVED)
    wait_for_operations(qtbot, lambda: second.decided is ReviewDecision.APPROVED)
    (question,) = messages.shown
    assert "@josokoiki.koho" in question.text
    assert SOON.astimezone().strftime("%Y-%m-%d %H:%M") in question.informative
    with demo_env.store.read() as session:
        assert verify_approval(session, draft_id).ok

    out = tmp_path / "kessai.pdf"
    second.save_record(out)
    wait_for_operations(qtbot, out.exists)
    from pypdf import PdfReader

    # As extracted, without normalising: the city's full-text search sees exactly this.
    text = "".join("".join(page.extract_text() for page in PdfReader(str(out)).pages).split())
    assert "改修工事" in text
    assert "高橋美咲" in text
    with demo_env.store.read() as session:
        from core.storage.models import DraftVersion

        version = session.get(DraftVersion, version_2)
        assert version is not None
        assert version.content_hash in text


def test_operators_cannot_decide_and_see_no_queue(qtbot: QtBot, demo_env: Environment) -> None:
    screen = ApprovalsScreen(_session(demo_env, "demo.sato"))
    qtbot.addWidget(screen)
    screen.refresh()
    settle()
    assert screen.model.rowCount() == 0


def test_change_watcher_sees_changes_from_another_connection(qtbot: QtBot, demo_env: Environment) -> None:
    from core.storage.engine import Store

    watcher = ChangeWatcher(demo_env.store)
    other = Store(demo_env.database_url)
    try:
        operator = _session(demo_env, "demo.sato")
        account = next(a for a in list_accounts(demo_env.store) if a.handle == "@josokoiki.koho")
        with qtbot.waitSignal(watcher.changed, timeout=5000) as blocker:
            draft_id = DraftService(other, operator.actor).create(account.id, "別の端末から")
            watcher.poll()
        # The same description an Operation creating that draft would give: this draft, nothing else.
        assert blocker.args == [Changes(drafts=frozenset({draft_id}))]
    finally:
        watcher.stop()
        other.dispose()


def test_change_watcher_leaves_out_this_windows_own_autosaves(qtbot: QtBot, demo_env: Environment) -> None:
    operator = _session(demo_env, "demo.sato")
    colleague = _session(demo_env, "demo.suzuki")
    account = next(a for a in list_accounts(demo_env.store) if a.handle == "@josokoiki.koho")
    drafts = operator.service(DraftService)
    draft_id = drafts.create(account.id, "自動保存")
    watcher = ChangeWatcher(demo_env.store, lambda: operator.actor.recorder)
    seen: list[Changes] = []
    watcher.changed.connect(seen.append)
    row_version = load_draft_detail(demo_env.store, draft_id).row_version
    row_version = drafts.save(draft_id, row_version, text="自動保存、二回目")
    watcher.poll()  # off the UI thread
    wait_for_operations(qtbot, lambda: not watcher.looking)
    assert watcher.last_seq > 0
    assert seen == []  # typing in this window's composer: no screen re-reads for it
    # The same autosave by someone else (another window's person) is news here.
    other = colleague.service(DraftService)
    other_draft = other.create(account.id, "別の人の下書き")
    other.save(other_draft, load_draft_detail(demo_env.store, other_draft).row_version, text="別の人の保存")
    watcher.poll()
    wait_for_operations(qtbot, lambda: not watcher.looking)
    assert seen == [Changes(drafts=frozenset({other_draft}))]
    watcher.stop()


def test_approval_tab_keys_deputies_and_emergency_rules(qtbot: QtBot, demo_env: Environment) -> None:
    from core.organization.identity import current_login
    from core.services.deputies import list_deputies
    from core.services.emergency import load_policy
    from core.services.signing_keys import list_keys
    from gui.screens.settings.approval_tab import ApprovalTab

    # The supervisor 伊藤 creates a key on "their" terminal (the in-memory test keyring).
    ito = ApprovalTab(_session(demo_env, "demo.ito"))
    qtbot.addWidget(ito)
    ito.load()
    settle()
    assert not ito.register_button.isEnabled()
    ito.create_key()
    wait_for_operations(qtbot, lambda: ito.running == 0)
    assert "waiting" in ito.my_key.text()

    admin = ApprovalTab(_session(demo_env, current_login()))
    qtbot.addWidget(admin)
    admin.load()
    settle()
    assert admin.announcements.rowCount() == 1
    admin.announcement_table.selectRow(0)
    admin.register_staff.setCurrentIndex(
        next(i for i in range(admin.register_staff.count()) if "demo.ito" in admin.register_staff.itemText(i))
    )
    admin.register_selected()
    wait_for_operations(qtbot, lambda: admin.running == 0)
    assert admin.announcements.rowCount() == 0
    assert len([k for k in list_keys(demo_env.store) if "伊藤" in k.staff_name]) == 2  # demo key + the new one

    admin.dep_supervisor.setCurrentIndex(
        next(i for i in range(admin.dep_supervisor.count()) if "takahashi" in admin.dep_supervisor.itemText(i))
    )
    admin.dep_deputy.setCurrentIndex(
        next(i for i in range(admin.dep_deputy.count()) if "demo.ito" in admin.dep_deputy.itemText(i))
    )
    admin.dep_reason.setText("出張")
    admin.name_deputy()
    wait_for_operations(qtbot, lambda: admin.running == 0)
    assert [d.reason for d in list_deputies(demo_env.store)] == ["出張"]

    admin.before_approval.setChecked(True)
    admin.post_hours.setValue(12)
    admin.save_policy()
    wait_for_operations(qtbot, lambda: admin.running == 0)
    assert admin.status.text() == "Emergency rules saved."
    assert load_policy(demo_env.store).post_review_hours == 12


def test_operator_marks_emergency_in_the_composer_and_any_supervisor_sees_it(
    qtbot: QtBot, demo_env: Environment, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QInputDialog

    from core.services.reviews import pending_reviews
    from core.services.staff import find_by_login
    from gui.tasks import wait_for_tasks

    operator = _session(demo_env, "demo.sato")
    account = next(a for a in list_accounts(demo_env.store) if a.handle == "@josokoiki.koho")
    drafts = operator.service(DraftService)
    draft_id = drafts.create(account.id, "【避難指示】見本川の水位が上昇しています。")
    window = composer_window(operator, draft_id)
    qtbot.addWidget(window)
    monkeypatch.setattr(QInputDialog, "getText", lambda *args, **kwargs: ("", False))
    window.emergency_box.click()
    assert not window.emergency_box.isChecked()  # cancelled: nothing marked
    monkeypatch.setattr(QInputDialog, "getText", lambda *args, **kwargs: ("避難情報", True))
    window.emergency_box.click()
    assert not window.emergency_box.isEnabled()  # marked off the UI thread
    wait_for_operations(qtbot, window.emergency_box.isEnabled)
    assert window.emergency_reason.text() == "避難情報"
    detail = load_draft_detail(demo_env.store, draft_id)
    assert detail.emergency
    assert detail.emergency_reason == "避難情報"
    window.flush()
    wait_for_tasks()
    version_id = drafts.submit(draft_id, make_ready(drafts, draft_id))
    ito = find_by_login(demo_env.store, "demo.ito")  # supervisor of 危機管理課, not of this account's department
    assert ito is not None
    assert version_id in [p.version_id for p in pending_reviews(demo_env.store, reviewer_id=ito.id)]


def test_a_rejected_draft_shows_why_and_is_not_ready_to_submit(qtbot: QtBot, demo_env: Environment) -> None:
    """GUI review: read-only drafts said "Ready to submit." and hid the rejection reason."""
    from core.services.drafts import DraftFilter, query_drafts

    operator = _session(demo_env, "demo.sato")
    rejected = next(d for d in query_drafts(demo_env.store, DraftFilter(state=DraftState.REJECTED)))
    window = composer_window(operator, rejected.id)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.gate is not None, timeout=10_000)
    assert window.returned.isVisibleTo(window)
    assert "Rejected by" in window.returned.text()
    assert "joso:5(7)" in window.returned.text()
    assert "cannot be submitted again" in window.gate_label.text()
    assert "Ready to submit" not in window.gate_label.text()
    assert not window.submit_button.isEnabled()


def test_the_review_speaks_in_words_and_keeps_an_unsent_comment(
    qtbot: QtBot, demo_env: Environment, messages: MessageRecorder
) -> None:
    operator = _session(demo_env, "demo.sato")
    supervisor = _session(demo_env, "demo.takahashi")
    account = next(a for a in list_accounts(demo_env.store) if a.handle == "@josokoiki.koho")
    drafts = operator.service(DraftService)
    draft_id = drafts.create(account.id, "問い合わせは 090-1234-5678 まで。")
    version_id = drafts.submit(draft_id, make_ready(drafts, draft_id))
    dialog = ReviewDialog(supervisor, read_review(supervisor.store, version_id))
    qtbot.addWidget(dialog)
    phone = next(f for f in dialog.data.findings if f.rule == "pii.phone")
    row = dialog.data.findings.index(phone)
    shown = [dialog.findings.index(row, column).data() for column in range(dialog.findings.columnCount())]
    assert "pii.phone" not in shown  # a name for people, the id in the tooltip
    assert phone.title in shown
    assert phone.severity_label in shown
    assert phone.message in shown

    messages.answer(False, True)
    dialog.show()
    dialog.comment.setPlainText("電話番号は個人のものではありませんか")
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.isVisible()  # first answer: cancel
    assert dialog.comment.toPlainText()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()  # second answer: discard
    assert [m.kind for m in messages.shown] == [Kind.DISCARD, Kind.DISCARD]


def test_one_double_click_opens_one_review_and_tabbing_in_selects_a_row(
    qtbot: QtBot, demo_env: Environment, monkeypatch: pytest.MonkeyPatch
) -> None:
    screen = ApprovalsScreen(_session(demo_env, "demo.takahashi"))
    qtbot.addWidget(screen)
    screen.show()
    screen.refresh()
    settle()
    assert screen.model.rowCount() > 0
    opened: list[int] = []
    monkeypatch.setattr(screen, "open_review", opened.append)
    screen.table.clearSelection()
    # From elsewhere into the table (the rows, read off the UI thread, may have come in while it had the focus).
    screen.decision_table.setFocus()
    qtbot.waitUntil(screen.decision_table.hasFocus)
    screen.table.setFocus()
    qtbot.waitUntil(screen.table.hasFocus)
    assert screen.table.selectionModel().hasSelection()  # Enter and the open button work at once
    qtbot.keyClick(screen.table, Qt.Key.Key_Return)
    assert len(opened) == 1
    # A real double-click emits both doubleClicked and activated (QAbstractItemView): one review only.
    index = screen.model.index(0, 1)
    screen.table.doubleClicked.emit(index)
    screen.table.activated.emit(index)
    assert len(opened) == 2


def test_the_queue_opens_a_review_on_what_was_read_off_the_ui_thread(
    qtbot: QtBot, demo_env: Environment, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Opening a review reads it on a worker; the dialog is built on the answer and reads nothing itself."""
    import threading

    import gui.review.review_dialog as review_dialog

    operator = _session(demo_env, "demo.sato")
    supervisor = _session(demo_env, "demo.takahashi")
    account = next(a for a in list_accounts(demo_env.store) if a.handle == "@josokoiki.koho")
    drafts = operator.service(DraftService)
    draft_id = drafts.create(account.id, "図書館は12月1日から休館します。", title="休館")
    version_id = drafts.submit(draft_id, make_ready(drafts, draft_id))
    screen = ApprovalsScreen(supervisor)
    qtbot.addWidget(screen)
    read_on: list[bool] = []

    def read(store: object, asked: int, **options: int | None) -> object:
        read_on.append(threading.current_thread() is threading.main_thread())
        return read_review(supervisor.store, asked, **options)

    shown: list[ReviewDialog] = []
    monkeypatch.setattr(review_dialog, "read_review", read)
    monkeypatch.setattr(ReviewDialog, "exec", lambda self: shown.append(self) or 0)
    screen.open_review(version_id)
    assert not shown  # nothing is built before the read has come back
    wait_for_operations(qtbot, lambda: bool(shown))
    assert read_on == [False]
    (dialog,) = shown
    qtbot.addWidget(dialog)
    assert dialog.data.version_id == version_id
    assert "図書館" in dialog.preview.body.text()
    assert dialog.approve_button.isEnabled()  # the situation read with it decides the buttons


def test_the_author_sees_why_they_cannot_decide(qtbot: QtBot, demo_env: Environment) -> None:
    operator = _session(demo_env, "demo.sato")
    account = next(a for a in list_accounts(demo_env.store) if a.handle == "@josokoiki.koho")
    drafts = operator.service(DraftService)
    draft_id = drafts.create(account.id, "図書館は休館します。")
    version_id = drafts.submit(draft_id, make_ready(drafts, draft_id))
    dialog = ReviewDialog(operator, read_review(operator.store, version_id, reader_id=operator.actor.staff_id))
    qtbot.addWidget(dialog)
    for button in (dialog.approve_button, dialog.return_button, dialog.reject_button):
        assert not button.isEnabled()
        assert "you wrote" in button.toolTip()
    assert dialog.comment.isReadOnly()
