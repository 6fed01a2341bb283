"""設定 → 職員: editing roles and department, refusing a person without a role, deactivating."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel
from pytestqt.qtbot import QtBot

from core.organization.roles import Role
from core.services.audit_log import AuditFilter, query_audit
from core.services.organization import department_choices
from core.services.staff import StaffInfo, find_by_login
from gui.main_window import MainWindow
from gui.messages import Kind
from gui.screens.settings.screen import SettingsScreen, StaffDialog
from tests.support.gui import MessageRecorder, screen_of, settle, wait_for_operations


def _staff_tab(window: MainWindow) -> SettingsScreen:
    window.show_screen(5)
    screen = screen_of(window, 5)
    assert isinstance(screen, SettingsScreen)
    screen.tabs.setCurrentIndex(3)
    return screen


def _select(screen: SettingsScreen, login: str) -> StaffInfo:
    for row in range(screen.staff_model.rowCount()):
        if screen.staff_model.row(row).login == login:
            screen.staff_table.selectRow(row)
            return screen.staff_model.row(row)
    raise AssertionError(login)


def _person(window: MainWindow, login: str) -> StaffInfo:
    info = find_by_login(window.session.store, login)
    assert info is not None
    return info


def _ok(dialog: StaffDialog, qtbot: QtBot) -> None:
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert dialog.saving  # the save runs off the UI thread
    wait_for_operations(qtbot, lambda: not dialog.saving)


def test_actions_need_a_selected_person(window: MainWindow) -> None:
    screen = _staff_tab(window)
    screen.staff_table.clearSelection()
    assert screen.add_staff_button.isEnabled()
    assert not screen.edit_staff_button.isEnabled()
    assert not screen.deactivate_button.isEnabled()
    _select(screen, "demo.sato")
    assert screen.edit_staff_button.isEnabled()
    assert screen.deactivate_button.isEnabled()
    assert screen.deactivate_button.text() == "&Deactivate"
    sato = _person(window, "demo.sato")
    window.session.switch_to(sato.id)  # an operator reads the list only
    _select(screen, "demo.suzuki")
    assert not screen.edit_staff_button.isEnabled()
    assert not screen.deactivate_button.isEnabled()


def test_edit_saves_roles_and_department(window: MainWindow, qtbot: QtBot) -> None:
    screen = _staff_tab(window)
    suzuki = _select(screen, "demo.suzuki")
    dialog = StaffDialog(window.session, suzuki, department_choices(window.session.store), screen)
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Edit staff"
    assert dialog.department.currentText() == "秘書広報課"
    assert [r for r, box in dialog.roles.items() if box.isChecked()] == [Role.OPERATOR]
    assert dialog.login.isReadOnly()  # the login identifies the person
    assert not dialog.name.isReadOnly()  # a misspelt name can be corrected (recorded)
    dialog.roles[Role.SUPERVISOR].setChecked(True)
    dialog.department.setCurrentIndex(dialog.department.findText("危機管理課"))
    _ok(dialog, qtbot)
    assert dialog.result() == QDialog.DialogCode.Accepted
    saved = _person(window, "demo.suzuki")
    assert saved.roles == {Role.OPERATOR, Role.SUPERVISOR}
    assert saved.department == "危機管理課"
    store = window.session.store
    assert query_audit(store, flt=AuditFilter(event="staff.roles_changed"), limit=1)[0].summary == (
        "Roles of 鈴木 一郎: Operator → Operator, Supervisor"
    )
    assert query_audit(store, flt=AuditFilter(event="staff.department_changed"), limit=1)[0].summary == (
        "Moved 鈴木 一郎 from 秘書広報課 to 危機管理課"
    )
    # The list shows the change once the dialog has closed.
    screen.refresh()
    settle()
    row = next(r for r in screen.staff_model.rows() if r.login == "demo.suzuki")
    assert row.department == "危機管理課"


def test_a_person_without_a_role_is_refused_and_the_dialog_stays(window: MainWindow, qtbot: QtBot) -> None:
    screen = _staff_tab(window)
    dialog = StaffDialog(window.session, None, department_choices(window.session.store), screen)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.name.setText("新人 職員")
    dialog.login.setText("demo.shinjin")
    _ok(dialog, qtbot)
    assert dialog.isVisible()
    assert dialog.result() != QDialog.DialogCode.Accepted
    problem = dialog.findChild(QLabel, "staffProblem")
    assert problem is not None
    assert problem.isVisible()
    assert "at least one role" in problem.text()
    assert (dialog.name.text(), dialog.login.text()) == ("新人 職員", "demo.shinjin")  # nothing typed is lost
    assert dialog.focusWidget() is dialog.roles[Role.OPERATOR]
    assert find_by_login(window.session.store, "demo.shinjin") is None
    dialog.roles[Role.OPERATOR].setChecked(True)
    assert not problem.isVisible()  # the old refusal goes once something is changed
    _ok(dialog, qtbot)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert _person(window, "demo.shinjin").roles == {Role.OPERATOR}


def test_editing_away_every_role_is_refused(window: MainWindow, qtbot: QtBot) -> None:
    screen = _staff_tab(window)
    dialog = StaffDialog(window.session, _select(screen, "demo.ito"), department_choices(window.session.store), screen)
    qtbot.addWidget(dialog)
    dialog.show()
    for box in dialog.roles.values():
        box.setChecked(False)
    dialog.department.setCurrentIndex(dialog.department.findText("秘書広報課"))
    _ok(dialog, qtbot)
    assert dialog.isVisible()
    ito = _person(window, "demo.ito")
    assert ito.roles == {Role.OPERATOR, Role.SUPERVISOR}
    assert ito.department == "危機管理課"  # nothing was saved


def test_enter_on_a_person_opens_the_editor(window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    screen = _staff_tab(window)
    opened: list[StaffInfo | None] = []

    def fake_exec(dialog: StaffDialog) -> int:
        opened.append(dialog.staff)
        return QDialog.DialogCode.Rejected

    monkeypatch.setattr(StaffDialog, "exec", fake_exec)
    window.activateWindow()
    screen.staff_table.selectRow(2)
    screen.staff_table.clearSelection()  # the current row stays, nothing is selected
    screen.add_staff_button.setFocus()
    screen.staff_table.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(screen.staff_table.hasFocus)
    assert screen.selected_staff() == screen.staff_model.row(2)  # Tab into the list selects the current row
    assert screen.edit_staff_button.isEnabled()
    qtbot.keyClick(screen.staff_table, Qt.Key.Key_Down)
    qtbot.keyClick(screen.staff_table, Qt.Key.Key_Return)
    wait_for_operations(qtbot, lambda: bool(opened))  # opened once its departments are read
    assert [s.login for s in opened if s is not None] == [screen.staff_model.row(3).login]


def test_deactivating_asks_first_then_offers_reactivation(
    window: MainWindow, qtbot: QtBot, messages: MessageRecorder
) -> None:
    screen = _staff_tab(window)
    _select(screen, "demo.tanaka")
    messages.answer(False, True)
    screen.deactivate_button.click()
    wait_for_operations(qtbot)
    assert _person(window, "demo.tanaka").active
    screen.deactivate_button.click()
    wait_for_operations(qtbot, lambda: screen.deactivate_button.text() == "&Reactivate")
    assert [m.kind for m in messages.shown] == [Kind.ASK, Kind.ASK]
    assert not _person(window, "demo.tanaka").active
    assert screen.selected_staff() is not None
    assert screen.deactivate_button.text() == "&Reactivate"
    screen.deactivate_button.click()  # reactivating needs no question
    wait_for_operations(qtbot, lambda: _person(window, "demo.tanaka").active)
    assert len(messages.shown) == 2
