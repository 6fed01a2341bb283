"""``app.py notify test --to ADDRESS`` (exit 0 sent, 1 refused by the server, 2 settings missing), ``notify send``."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

import app
from core.credentials.vault import open_vault
from core.notify.kinds import MailMode
from core.runtime.bootstrap import Environment
from core.services.notifications import NotificationService
from tests.support.smtp_server import PASSWORD, SmtpServer, mail_settings
from tests.support.world import World

TO = "it-kakari@city.mihon.lg.jp"


def run(data_dir: Path, *args: str) -> int:
    return app.main(["--data-dir", str(data_dir), "--lang", "en", "notify", *args])


def test_notify_test_exit_codes(
    sqlite_env: Environment, data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    world = World(sqlite_env)
    server = SmtpServer(tmp_path / "certs")
    service = NotificationService(world.store, world.admin)

    assert run(data_dir, "test", "--to", TO) == 2  # nothing set up
    assert "No mail server is set up" in capsys.readouterr().err
    service.save_settings(mail_settings(server))
    assert run(data_dir, "test", "--to", TO) == 2  # set up, but no password on this terminal
    assert "not stored on this terminal" in capsys.readouterr().err
    service.store_password(open_vault(), PASSWORD)
    assert run(data_dir, "test", "--to", TO) == 1  # the server is not running: connection refused
    assert "could not be reached" in capsys.readouterr().err

    server.start()
    try:
        assert run(data_dir, "test", "--to", TO) == 0
        assert f"Test mail sent to {TO}" in capsys.readouterr().out
        assert server.mailbox.envelopes[-1][1] == [TO]

        server.mailbox.refuse.add(TO)
        assert run(data_dir, "test", "--to", TO) == 1
        assert "refused the address" in capsys.readouterr().err
        server.mailbox.refuse.clear()

        service.store_password(open_vault(), "not-the-password")
        assert run(data_dir, "test", "--to", TO) == 1
        printed = capsys.readouterr()
        assert "user name or password" in printed.err
        assert "not-the-password" not in printed.out + printed.err

        service.store_password(open_vault(), PASSWORD)
        service.save_settings(mail_settings(server, ca_file=""))
        assert run(data_dir, "test", "--to", TO) == 1  # the city's CA is not trusted without the CA file
        assert "TLS" in capsys.readouterr().err
    finally:
        server.stop()
    assert run(data_dir, "test", "--to", "not an address") == 2


def test_notify_send_for_the_task_scheduler(
    sqlite_env: Environment, data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    world = World(sqlite_env)
    assert run(data_dir, "send") == 2
    server = SmtpServer(tmp_path / "certs")
    service = NotificationService(world.store, world.admin)
    service.save_settings(mail_settings(server))
    service.store_password(open_vault(), PASSWORD)
    service.set_staff_mail(world.sup.staff_id, "takahashi@city.mihon.lg.jp", MailMode.IMMEDIATE)
    world.submitted(world.op1)
    capsys.readouterr()
    assert run(data_dir, "send") == 1  # the server is down: kept for later
    assert "could not be reached" in capsys.readouterr().err
    server.start()
    try:
        # The first retry is due a minute later; pretend that minute has passed.
        from unittest import mock

        from core.storage.engine import Store

        later = world.store.now() + timedelta(minutes=2)
        with mock.patch.object(Store, "now", return_value=later):
            assert run(data_dir, "send") == 0
    finally:
        server.stop()
    assert "Notifications sent: 1" in capsys.readouterr().out
    assert len(server.mailbox.messages) == 1
