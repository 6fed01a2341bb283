"""Benchmark: ``notify send`` — the outbox emptied through a real SMTP server on loopback (not a test; run it).

    uv run python tests/bench/bench_notify.py [--mails 200]

Queues N notifications (N submissions, one supervisor with an address) on a
fresh SQLite database and times, against an aiosmtpd server with STARTTLS
and AUTH:

- the floor: the same number of ready-made messages sent with bare smtplib
  over one STARTTLS connection (what no sender can avoid);
- ``deliver_pending``: claim, compose, send over one connection, record the
  attempts.

It prints mails per second for both and the time KohoGate adds per mail.
"""

from __future__ import annotations

import argparse
import smtplib
import sys
import tempfile
import time
from email.message import EmailMessage
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

import keyring.core

from core.credentials import vault
from core.notify.kinds import MailMode
from core.notify.smtp import tls_context
from core.runtime.bootstrap import open_environment
from core.services.notifications import NotificationService, deliver_pending
from tests.support.keyring_memory import MemoryKeyring
from tests.support.smtp_server import PASSWORD, USER, SmtpServer, mail_settings
from tests.support.world import World


def floor(server: SmtpServer, n: int) -> float:
    settings = mail_settings(server)
    messages = []
    for i in range(n):
        message = EmailMessage()
        message["Subject"], message["From"], message["To"] = f"承認待ち {i}", settings.sender, "sup@city.mihon.lg.jp"
        message.set_content("承認待ちの下書きがあります。" * 5, charset="utf-8")
        messages.append(message)
    start = time.perf_counter()
    with smtplib.SMTP(settings.host, settings.port) as client:
        client.starttls(context=tls_context(settings))
        client.login(USER, PASSWORD)
        for message in messages:
            client.send_message(message)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--mails", type=int, default=200)
    args = parser.parse_args()
    vault.allow_test_backend(MemoryKeyring)
    keyring.core.set_keyring(MemoryKeyring())
    root = Path(tempfile.mkdtemp(prefix="bench-notify-"))
    server = SmtpServer(root / "certs").start()
    env = open_environment(str(root / "data"))
    try:
        world = World(env)
        service = NotificationService(world.store, world.admin)
        service.save_settings(mail_settings(server))
        service.store_password(vault.open_vault(), PASSWORD)
        service.set_staff_mail(world.sup.staff_id, "sup@city.mihon.lg.jp", MailMode.IMMEDIATE)
        for i in range(args.mails):
            world.submitted(world.op1, f"お知らせ {i}")
        bare = floor(server, args.mails)
        start = time.perf_counter()
        report = deliver_pending(world.store, vault.open_vault(), env.terminal.uid)
        ours = time.perf_counter() - start
        assert report.sent == args.mails, report
        print(f"mails: {args.mails}")
        print(f"bare smtplib (floor): {args.mails / bare:7.1f} mails/s")
        print(f"deliver_pending:      {args.mails / ours:7.1f} mails/s")
        print(f"added per mail:       {(ours - bare) / args.mails * 1000:7.2f} ms")
    finally:
        env.close()
        server.stop()


if __name__ == "__main__":
    main()
