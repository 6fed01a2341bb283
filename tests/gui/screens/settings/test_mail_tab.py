"""設定 → メール: server saved, password to the keyring, a test mail through a real SMTP server, per-person modes."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QComboBox
from pytestqt.qtbot import QtBot

from core.notify.kinds import MailMode
from core.notify.settings import Security
from core.services.notifications import load_settings, staff_mail
from gui.main_window import MainWindow
from gui.screens.settings.mail_tab import MailTab
from gui.screens.settings.screen import SettingsScreen
from tests.support.gui import screen_of, settle, wait_for_operations
from tests.support.keyring_memory import MemoryKeyring
from tests.support.smtp_server import PASSWORD, USER, SmtpServer


def _mail_tab(window: MainWindow) -> MailTab:
    window.show_screen(5)
    screen = screen_of(window, 5)
    assert isinstance(screen, SettingsScreen)
    screen.tabs.setCurrentWidget(screen.mail.parentWidget().parentWidget())
    return screen.mail


def test_set_up_and_send_a_test_mail(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, memory_keyring: MemoryKeyring
) -> None:
    server = SmtpServer(tmp_path / "certs").start()
    try:
        tab = _mail_tab(window)
        tab.host.setText("127.0.0.1")
        tab.security.setCurrentIndex(tab.security.findData(Security.STARTTLS.value))
        tab.port.setValue(server.port)
        tab.sender_edit.setText("kohogate@city.mihon.lg.jp")
        tab.username.setText(USER)
        tab.ca_file.setText(str(server.ca_file))
        tab.save_button.click()
        wait_for_operations(qtbot, lambda: tab.result.text() == "Mail server saved.")
        saved = load_settings(window.session.store)
        assert saved is not None
        assert (saved.port, saved.username) == (server.port, USER)

        tab.password.setText(PASSWORD)
        tab.password_button.click()
        assert tab.password.text() == ""  # not kept in the widget
        wait_for_operations(qtbot, lambda: "keyring" in tab.result.text())
        assert PASSWORD in memory_keyring.items.values()

        tab.test_to.setText("it@city.mihon.lg.jp")
        tab.test_button.click()
        wait_for_operations(qtbot, lambda: tab.result.text() == "Test mail sent to it@city.mihon.lg.jp.")
        assert server.mailbox.envelopes[-1][1] == ["it@city.mihon.lg.jp"]
        assert tab.test_button.isEnabled()

        server.mailbox.refuse.add("nobody@city.mihon.lg.jp")
        tab.test_to.setText("nobody@city.mihon.lg.jp")
        tab.test_button.click()
        wait_for_operations(qtbot, lambda: "refused the address" in tab.result.text())

        tab.resize(1100, 720)
        tab.grab().save("/tmp/notify/mail_tab.png")
    finally:
        server.stop()


def test_each_person_chooses_how_to_be_told(qtbot: QtBot, window: MainWindow) -> None:
    tab = _mail_tab(window)
    tab.load()
    settle()
    assert tab.people.rowCount() == len(staff_mail(window.session.store))  # an administrator sees everyone
    tab.people.item(0, 1).setText("kanri@city.mihon.lg.jp")
    mode = tab.people.cellWidget(0, 2)
    assert isinstance(mode, QComboBox)
    mode.setCurrentIndex(mode.findData(MailMode.DIGEST.value))
    tab.people_button.click()
    wait_for_operations(qtbot, lambda: "saved for 1 people" in tab.result.text())
    first = staff_mail(window.session.store)[0]
    assert (first.email, first.mode) == ("kanri@city.mihon.lg.jp", MailMode.DIGEST)
