"""The incident screen over a real database: register, detail in plain words, lock, pause-all banner."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from core.incidents.model import IncidentKind, Severity, StepKind
from core.runtime.bootstrap import Environment
from core.services.incidents import IncidentService, account_locks, list_incidents, pause_state
from gui.screens import incidents as screen_module
from gui.screens.incidents import IncidentsScreen, detail_html
from gui.session import AppSession
from tests.support.gui import wait_for_operations
from tests.support.world import World


@pytest.fixture
def world(sqlite_env: Environment) -> World:
    return World(sqlite_env)


def make_screen(qtbot: QtBot, world: World, actor_name: str) -> IncidentsScreen:
    screen = IncidentsScreen(AppSession(world.env, getattr(world, actor_name)))
    qtbot.addWidget(screen)
    screen.show()
    qtbot.waitExposed(screen)
    return screen


def accept(monkeypatch: pytest.MonkeyPatch, cls: type[QDialog], fill: object) -> None:
    """Replace the dialog's exec: fill it in as a person would, then press OK."""

    def fake_exec(self: QDialog) -> int:
        fill(self)  # type: ignore[operator]
        return QDialog.DialogCode.Accepted.value

    monkeypatch.setattr(cls, "exec", fake_exec)


def test_reporting_an_incident_through_the_dialog(qtbot: QtBot, world: World, monkeypatch: pytest.MonkeyPatch) -> None:
    screen = make_screen(qtbot, world, "op1")

    def fill(dialog: screen_module.ReportDialog) -> None:
        dialog.kind.setCurrentIndex(dialog.kind.findData(IncidentKind.IMPERSONATION.value))
        dialog.title.setText("偽アカウント @josokoiki_koho")
        dialog.accounts.item(0).setCheckState(screen_module.Qt.CheckState.Checked)

    accept(monkeypatch, screen_module.ReportDialog, fill)
    screen.new_button.click()
    wait_for_operations(qtbot, lambda: screen.selected() is not None)
    (incident,) = list_incidents(world.store)
    assert incident.title == "偽アカウント @josokoiki_koho"
    assert incident.accounts == ("@josokoiki.koho",)
    assert screen.selected() is not None
    assert "joso:6(4)" in screen.view.toPlainText()
    # An operator may record steps and lock, not close or pause.
    assert screen.step_button.isEnabled()
    assert screen.lock_button.isEnabled()
    assert not screen.close_button.isEnabled()
    assert not screen.pause_button.isEnabled()


def test_details_show_untrusted_text_as_text(world: World) -> None:
    from core.services.incidents import load_incident

    desk = IncidentService(world.store, world.op1)
    incident_id = desk.report(IncidentKind.THREAT, "<b>脅迫</b>", severity=Severity.HIGH)
    desk.add_evidence(incident_id, url="https://x.com/a", label="<a href='file:///calc.exe'>x</a>", text="…")
    desk.add_step(incident_id, StepKind.NOTE, note="<script>alert(1)</script>")
    page = detail_html(load_incident(world.store, incident_id))
    assert "<script>" not in page
    assert "<a href" not in page
    assert "&lt;script&gt;" in page


def test_locking_from_the_screen_stops_its_accounts(
    qtbot: QtBot, world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    incident_id = IncidentService(world.store, world.op1).report(
        IncidentKind.HIJACK, "乗っ取り", account_ids=[world.account]
    )
    screen = make_screen(qtbot, world, "op1")
    screen.select(incident_id)
    accept(monkeypatch, screen_module.CommentDialog, lambda d: d.editor.setPlainText("身に覚えのない投稿"))
    screen.lock_button.click()
    wait_for_operations(qtbot)
    assert [lock.account_id for lock in account_locks(world.store)] == [world.account]


def test_pause_banner_and_resume_list(qtbot: QtBot, world: World, monkeypatch: pytest.MonkeyPatch) -> None:
    screen = make_screen(qtbot, world, "sup")
    assert screen.pause_button.isEnabled()
    prompts: list[str] = []

    def fill(dialog: screen_module.CommentDialog) -> None:
        prompts.append(dialog.label.text())
        dialog.editor.setPlainText("台風の接近")

    accept(monkeypatch, screen_module.CommentDialog, fill)
    screen.pause_button.click()
    wait_for_operations(qtbot)
    assert pause_state(world.store).paused
    screen.refresh()
    assert "台風の接近" in screen.pause_label.text()
    screen.pause_button.click()
    wait_for_operations(qtbot)
    assert not pause_state(world.store).paused
    assert "No post became due" in prompts[-1]
