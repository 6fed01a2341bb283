"""The SMTP transport against real servers on loopback: no downgrade to plain text, failures as kinds."""

from __future__ import annotations

from pathlib import Path

import pytest
from aiosmtpd.controller import Controller

from core.notify.compose import MailText, email_message
from core.notify.kinds import ErrorKind
from core.notify.smtp import MailFailure, send
from tests.support.smtp_server import PASSWORD, Mailbox, SmtpServer, free_port, mail_settings


def _message() -> list:  # type: ignore[type-arg]
    from datetime import UTC, datetime

    text = MailText("件名", "本文")
    return [email_message(text, sender="k@city.mihon.lg.jp", to="s@city.mihon.lg.jp", sent_at=datetime.now(UTC))]


def test_a_server_without_starttls_never_gets_the_password(tmp_path: Path) -> None:
    # A plain server (or a box in between that strips STARTTLS from the greeting).
    mailbox = Mailbox()
    port = free_port()
    plain = Controller(mailbox, hostname="127.0.0.1", port=port)
    plain.start()
    try:
        template = SmtpServer(tmp_path / "certs")  # for its CA file and settings shape only
        settings = mail_settings(template)
        settings = type(settings)(**{**settings.__dict__, "port": port})
        with pytest.raises(MailFailure) as refused:
            send(settings, PASSWORD, _message())
    finally:
        plain.stop()
    assert refused.value.kind is ErrorKind.TLS
    assert mailbox.logins == []
    assert mailbox.messages == []


def test_a_missing_ca_file_is_a_tls_failure(tmp_path: Path) -> None:
    server = SmtpServer(tmp_path / "certs")
    settings = mail_settings(server, ca_file=str(tmp_path / "nowhere.pem"))
    with pytest.raises(MailFailure) as failed:
        send(settings, PASSWORD, _message())
    assert failed.value.kind is ErrorKind.TLS


def test_a_password_missing_from_the_keyring_is_said_so(tmp_path: Path) -> None:
    server = SmtpServer(tmp_path / "certs").start()
    try:
        with pytest.raises(MailFailure) as failed:
            send(mail_settings(server), None, _message())
    finally:
        server.stop()
    assert failed.value.kind is ErrorKind.NO_PASSWORD
