"""The open app empties the outbox in the background, through a real SMTP server, off the UI thread."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from core.credentials.vault import open_vault
from core.notify.kinds import MailMode, NotificationKind
from core.services.notifications import NotificationService
from core.services.staff import find_by_login
from core.storage.models import Notification
from gui.main_window import MainWindow
from tests.support.gui import wait_for_operations
from tests.support.smtp_server import PASSWORD, SmtpServer, mail_settings


def test_the_background_sender_sends_and_reports_a_refusal_once(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    store, admin = window.session.store, window.session.actor
    server = SmtpServer(tmp_path / "certs")
    service = NotificationService(store, admin)
    service.save_settings(mail_settings(server))
    service.store_password(open_vault(), PASSWORD)
    service.set_staff_mail(admin.staff_id, "kanri@city.mihon.lg.jp", MailMode.IMMEDIATE)
    me = find_by_login(store, admin.login)
    assert me is not None
    with store.write() as session:
        session.add(
            Notification(
                kind=NotificationKind.INCIDENT_REPORTED.value,
                staff_id=me.id,
                facts={"incident_id": 3, "accounts": ["@koho (X)"]},
                created_at=store.now(),
                next_attempt_at=store.now(),
            )
        )
    shown: list[str] = []
    window.mailer.summary.connect(shown.append)
    window.mailer.run_now()  # the server is down
    wait_for_operations(qtbot, lambda: not window.mailer.running)
    assert any("could not be reached" in text for text in shown)
    window.mailer.run_now()  # within the back-off: nothing tried, nothing said again
    wait_for_operations(qtbot, lambda: not window.mailer.running)
    assert sum("could not be reached" in text for text in shown) == 1

    server.start()
    try:
        with store.write() as session:
            for row in session.query(Notification):
                row.next_attempt_at = store.now()
        window.mailer.run_now()
        # The incident, and whatever the demo has overdue (its continuation reviews) for the same person.
        wait_for_operations(qtbot, lambda: not window.mailer.running and bool(server.mailbox.messages))
    finally:
        server.stop()
    assert any("インシデント 3" in message.get_content() for message in server.mailbox.messages)
    assert any("sent:" in text for text in shown)
