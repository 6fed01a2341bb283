"""First-run wizard, the not-registered screen, the crash dialog and the draft list model."""

from __future__ import annotations

import argparse
import gc
import logging
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox, QWizard
from pytestqt.qtbot import QtBot

from core.runtime.bootstrap import Environment
from core.runtime.logging_setup import register_secret
from core.services.setup import is_initialized
from core.services.staff import find_by_login
from gui import application, crash
from gui.main_window import MainWindow
from gui.messages import Kind
from gui.screens.drafts import DraftListModel
from gui.session import AppSession
from gui.unknown_user import UnknownUserPage
from tests.support.gui import MessageRecorder, settle, wait_for_operations


def _args(data_dir: Path) -> argparse.Namespace:
    return argparse.Namespace(data_dir=str(data_dir), database_url=None, lang="en", command=None)


def test_first_run_wizard_makes_the_user_administrator(
    qtbot: QtBot, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from gui.setup_wizard import SetupWizard

    def fill_and_accept(self: SetupWizard) -> int:
        self.org_name.setText("見本市")
        self.domains.setPlainText("city.mihon.lg.jp\n")
        self.addresses.setPlainText("〒351-0192 見本市広沢1-5\n")
        self.admin_name.setText("管理 一郎")
        self.department.setText("情報推進課")
        self.accept()
        assert self.saving  # the set-up runs off the UI thread, as a real exec() would wait for it
        wait_for_operations(qtbot, lambda: not self.saving)
        return self.result()

    monkeypatch.setattr(SetupWizard, "exec", fill_and_accept)
    startup = application.start(_args(data_dir))
    qtbot.addWidget(startup.window)
    assert startup.window.isVisible()  # the shell is up before the database is open
    qtbot.waitUntil(lambda: startup.done, timeout=20_000)
    assert startup.env is not None
    assert isinstance(startup.window, MainWindow)
    assert is_initialized(startup.env.store)
    assert "管理 一郎" in startup.window.user_label.text()
    assert len(startup.window.built) == 1  # the start screen; the others when opened
    from core.services.organization import load_profile

    # The own address given at set-up is exempt from the postal-address check from the first draft.
    assert load_profile(startup.env.store).postal_addresses == ("〒351-0192 見本市広沢1-5",)
    startup.env.close()


def test_cancelled_wizard_exits_without_creating_anything(
    qtbot: QtBot, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from gui.setup_wizard import SetupWizard

    monkeypatch.setattr(SetupWizard, "exec", lambda self: int(QWizard.DialogCode.Rejected))
    startup = application.start(_args(data_dir))
    qtbot.addWidget(startup.window)
    qtbot.waitUntil(lambda: startup.done, timeout=20_000)
    assert startup.exit_code == 0
    assert startup.env is not None
    assert not is_initialized(startup.env.store)
    startup.env.close()


def test_unknown_user_sees_whom_to_ask(
    qtbot: QtBot, demo_env: Environment, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("gui.application.current_login", lambda: "stranger")
    startup = application.start(_args(data_dir))
    qtbot.addWidget(startup.window)
    qtbot.waitUntil(lambda: startup.done, timeout=20_000)
    page = startup.window.stack.currentWidget()
    assert isinstance(page, UnknownUserPage)
    assert not startup.window.nav.isEnabled()
    assert startup.env is not None
    # The administrator registers the login; Retry then opens the screens.
    from core.organization.identity import current_login
    from core.organization.roles import Role
    from core.services.staff import StaffService, actor_for

    admin = actor_for(demo_env.store, current_login(), demo_env.terminal.uid)
    assert admin is not None
    StaffService(demo_env.store, admin).create("新人 職員", "stranger", None, [Role.OPERATOR])
    page.retry_button.click()
    assert len(startup.window.built) == 1  # the start screen; the others when opened
    assert startup.window.nav.isEnabled()
    startup.env.close()


def test_the_start_is_usable_when_the_first_screen_is_read_and_its_reads_are_back(
    qtbot: QtBot, demo_env: Environment, data_dir: Path
) -> None:
    """What ``KOHOGATE_BENCH_STARTUP`` waits for (tests/bench/bench_startup.py): not the loading page."""
    startup = application.start(_args(data_dir))
    qtbot.addWidget(startup.window)
    assert startup.window.isVisible()
    assert not application.usable(startup.window)  # the "opening the database…" page
    qtbot.waitUntil(lambda: startup.done, timeout=20_000)
    wait_for_operations(qtbot, lambda: application.usable(startup.window))
    first = startup.window.stack.currentWidget()
    assert first in startup.window.built.values()  # the start screen, built first
    assert first.isVisible()
    assert startup.env is not None
    startup.env.close()


def test_the_start_up_heap_is_frozen_once_the_screens_are_attached(
    qtbot: QtBot, demo_env: Environment, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(application, "_start_heap_frozen", False)
    attached_when_frozen: list[bool] = []
    monkeypatch.setattr(gc, "freeze", lambda: attached_when_frozen.append(startup.window.session is not None))
    startup = application.start(_args(data_dir))
    qtbot.addWidget(startup.window)
    qtbot.waitUntil(lambda: startup.done, timeout=20_000)
    wait_for_operations(qtbot)
    assert attached_when_frozen == [True]
    assert not application.freeze_start_heap()  # once per process: a second start-up path freezes nothing more
    assert attached_when_frozen == [True]
    assert startup.env is not None
    startup.env.close()


def test_freezing_the_start_up_heap_leaves_it_out_of_collections(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(application, "_start_heap_frozen", False)
    try:
        assert application.freeze_start_heap()
        frozen = gc.get_freeze_count()
        assert frozen > 0
        later = [[n] for n in range(10_000)]  # built after the freeze: a second freeze would take them too
        assert not application.freeze_start_heap()
        # Frozen objects that die leave the count (other threads free some meanwhile); none may join it.
        assert gc.get_freeze_count() <= frozen
        assert later
    finally:
        gc.unfreeze()  # the other tests' objects must stay collectable


def test_the_not_registered_page_is_not_usable_as_a_first_screen(
    qtbot: QtBot, demo_env: Environment, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("gui.application.current_login", lambda: "stranger")
    startup = application.start(_args(data_dir))
    qtbot.addWidget(startup.window)
    qtbot.waitUntil(lambda: startup.done, timeout=20_000)
    wait_for_operations(qtbot)
    assert isinstance(startup.window.stack.currentWidget(), UnknownUserPage)
    assert not application.usable(startup.window)
    assert startup.env is not None
    startup.env.close()


def test_network_database_is_refused_with_advice(
    qtbot: QtBot, data_dir: Path, monkeypatch: pytest.MonkeyPatch, messages: MessageRecorder
) -> None:
    args = _args(data_dir)
    args.database_url = "sqlite:////fileserver/kouhou/kohogate.db"
    monkeypatch.setattr("core.runtime.netpath.is_unc_path", lambda path: True)
    startup = application.start(args)
    qtbot.addWidget(startup.window)
    qtbot.waitUntil(lambda: startup.done, timeout=20_000)
    assert startup.exit_code == 1
    assert "PostgreSQL" in messages.shown[0].text + messages.shown[0].informative


def test_a_database_file_that_is_not_one_is_named_at_start(
    qtbot: QtBot, data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, messages: MessageRecorder
) -> None:
    notes = tmp_path / "notes.db"
    notes.write_text("これはデータベースではありません\n" * 50, encoding="utf-8")
    args = _args(data_dir)
    args.database_url = f"sqlite:///{notes}"
    startup = application.start(args)
    qtbot.addWidget(startup.window)
    qtbot.waitUntil(lambda: startup.done, timeout=20_000)
    assert startup.exit_code == 1
    assert (
        str(notes) in messages.shown[0].text + messages.shown[0].informative
    )  # the file is named, not "check the network"


def test_crash_dialog_logs_and_hides_secrets(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    register_secret("CANARY-crash-secret-991")
    monkeypatch.setattr(crash, "report_exception", crash.report_exception.__wrapped__)  # the real dialog
    details: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda self: details.append(self.detailedText()) or 0)
    try:
        raise RuntimeError("boom with CANARY-crash-secret-991")
    except RuntimeError as exc:
        with caplog.at_level(logging.ERROR):
            crash.excepthook(type(exc), exc, exc.__traceback__)
    assert details
    assert "RuntimeError" in details[0]
    assert "CANARY-crash-secret-991" not in details[0]
    assert any("unexpected error" in r.message for r in caplog.records)


def test_environment_errors_get_a_plain_message(messages: MessageRecorder) -> None:
    import errno

    crash.report_exception(OSError(errno.ENOSPC, "No space left on device"))
    assert [m.kind for m in messages.shown] == [Kind.ERROR]
    assert "disk is full" in messages.shown[0].text
    assert messages.shown[0].detail == ""  # a known failure is no bug report


def test_draft_list_model_passes_the_model_tester(qtmodeltester: object, demo_env: Environment) -> None:
    from core.organization.identity import current_login
    from core.services.staff import actor_for_staff

    me = find_by_login(demo_env.store, current_login())
    assert me is not None
    model = DraftListModel(AppSession(demo_env, actor_for_staff(demo_env.store, me.id, "t")))
    model.page_size = 3
    model.reload()
    settle()
    assert model.rowCount() == 3
    assert model.canFetchMore()
    while model.canFetchMore():
        model.fetchMore()
        settle()
    assert model.rowCount() == 9  # with the withdrawal notice of the Mastodon account
    model.sort(0)
    settle()
    assert [row.id for row in (model.row(i) for i in range(3)) if row is not None] == [1, 2, 3]
    # Last: the tester stays connected and re-runs on every change; its own
    # slot order cannot cope with a fetchMore() fired from inside modelReset.
    qtmodeltester.check(model)  # type: ignore[attr-defined]


def test_a_data_folder_on_a_share_is_refused_before_anything_is_written_there(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, messages: MessageRecorder
) -> None:
    share = tmp_path / "share"
    share.mkdir()
    monkeypatch.setattr("core.runtime.netpath.read_mounts", lambda: [("/", "ext4"), (str(share), "vboxsf")])
    startup = application.start(_args(share / "kohogate"))
    qtbot.addWidget(startup.window)
    qtbot.waitUntil(lambda: startup.done, timeout=20_000)
    assert startup.exit_code == 1
    assert "vboxsf" in " ".join(m.text + m.informative for m in messages.shown)
    assert list(share.iterdir()) == []


def test_a_start_reads_each_thing_once_and_nothing_on_the_ui_thread(
    qtbot: QtBot, demo_env: Environment, data_dir: Path
) -> None:
    """The statements from start to a usable 予定 screen (issue 21; figures: tests/bench/bench_startup.py).

    As the benchmark starts: the OS login a supervisor and operator. The organization's row used to be
    read four times, the staff five, the day's posts twice, the pending reviews three times, and the
    window's first reads ran on the UI thread.
    """
    import threading

    from sqlalchemy import event
    from sqlalchemy.engine import Engine

    from core.organization.identity import current_login
    from core.organization.roles import Role
    from core.services.organization import list_departments
    from core.services.staff import StaffService, actor_for

    me = actor_for(demo_env.store, current_login(), demo_env.terminal.uid)
    assert me is not None
    staff = StaffService(demo_env.store, me)
    staff.set_department(me.staff_id, next(d.id for d in list_departments(demo_env.store) if d.name == "秘書広報課"))
    staff.set_roles(me.staff_id, [Role.SUPERVISOR, Role.OPERATOR])
    seen: list[tuple[bool, str]] = []

    def note(_conn: object, _cursor: object, statement: str, *_args: object) -> None:
        seen.append((threading.current_thread() is threading.main_thread(), " ".join(statement.split())))

    event.listen(Engine, "before_cursor_execute", note)
    try:
        startup = application.start(_args(data_dir))
        qtbot.addWidget(startup.window)
        qtbot.waitUntil(lambda: startup.done, timeout=20_000)
        wait_for_operations(qtbot, lambda: application.usable(startup.window))
    finally:
        event.remove(Engine, "before_cursor_execute", note)
    assert type(startup.window.stack.currentWidget()).__name__ == "CalendarScreen"
    selects = [s for _ui, s in seen if s.startswith("SELECT")]
    print(f"{len(seen)} statements, {len(selects)} SELECT")  # shown with -s when a bound is moved

    def reading(table: str) -> int:
        return sum(1 for s in selects if f"FROM {table} " in s + " ")

    assert [s for ui, s in seen if ui] == []  # every read of the start off the UI thread
    assert reading("organization") == 2  # the start's snapshot; the status bar's 全停止
    # The start's snapshot (with the switcher's people), the board's roles as now, the reviewer of the
    # board's and of the badge's pending reviews.
    assert reading("staff") == 4
    assert sum(1 for s in selects if s.startswith("SELECT draft.id, draft.row_version")) == 2  # grid, attention
    assert sum(1 for s in selects if "FROM draft_version JOIN (SELECT draft_version.draft_id" in s) == 2  # badge, board
    assert len(seen) <= 45
    assert startup.env is not None
    startup.env.close()


def test_the_collector_waits_until_the_start_is_over(qtbot: QtBot, demo_env: Environment, data_dir: Path) -> None:
    """A start's objects live on (freeze_start_heap): collecting on the way cost 8 % of it, for 600 objects."""
    passes: list[bool] = []

    def note(phase: str, _info: dict[str, int]) -> None:
        if phase == "start":
            passes.append(startup_done())

    holder: list[application.Startup] = []

    def startup_done() -> bool:
        return bool(holder and holder[0].done)

    gc.callbacks.append(note)
    try:
        startup = application.start(_args(data_dir))
        holder.append(startup)
        assert not gc.isenabled()
        qtbot.addWidget(startup.window)
        qtbot.waitUntil(lambda: startup.done, timeout=20_000)
        assert gc.isenabled()
        wait_for_operations(qtbot, lambda: application.usable(startup.window))
    finally:
        gc.callbacks.remove(note)
        gc.enable()
    assert False not in passes  # none before the start was over
    assert startup.env is not None
    startup.env.close()


def test_the_collector_runs_while_the_set_up_wizard_is_open_and_after_a_failed_start(
    qtbot: QtBot, data_dir: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, messages: MessageRecorder
) -> None:
    from gui.setup_wizard import SetupWizard

    during: list[bool] = []
    monkeypatch.setattr(SetupWizard, "exec", lambda self: during.append(gc.isenabled()) or 0)
    try:
        startup = application.start(_args(data_dir))
        qtbot.addWidget(startup.window)
        qtbot.waitUntil(lambda: startup.done, timeout=20_000)
        assert during == [True]
        assert gc.isenabled()
        assert startup.env is not None
        startup.env.close()
        not_a_database = tmp_path / "notes.db"
        not_a_database.write_text("これはデータベースではありません\n" * 50, encoding="utf-8")
        args = _args(data_dir)
        args.database_url = f"sqlite:///{not_a_database}"
        broken = application.start(args)
        qtbot.addWidget(broken.window)
        qtbot.waitUntil(lambda: broken.done, timeout=20_000)
        assert broken.exit_code == 1
        assert messages.shown  # the failure was told
        assert gc.isenabled()
    finally:
        gc.enable()
