"""Notifications by e-mail, end to end on SQLite and PostgreSQL, through a real SMTP server on loopback.

The server (aiosmtpd) requires STARTTLS before AUTH and AUTH before mail;
its certificate is signed by a CA made in the test and trusted through the
settings' CA file. The password is only ever in the (memory) keyring.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import select, text

from core.credentials.vault import open_vault
from core.demo.support import make_ready
from core.errors import PermissionDenied
from core.lifecycle.states import ReviewDecision
from core.notify.kinds import ErrorKind, MailMode, NotificationKind, NotificationState
from core.notify.settings import MailSettings, Security
from core.notify.smtp import MailFailure
from core.services.drafts import DraftService
from core.services.notifications import (
    MailSettingsMissing,
    NotificationService,
    deliver_pending,
    outbox_summary,
    send_test,
)
from core.services.reviews import ReviewService
from core.signoff.keys import DemoSigner
from core.storage.models import Notification, NotificationAttempt
from tests.support.keyring_memory import MemoryKeyring
from tests.support.smtp_server import PASSWORD, USER, SmtpServer, mail_settings
from tests.support.world import World

ADDRESSES = {
    "kanri": "kanri@city.mihon.lg.jp",
    "sato": "sato@city.mihon.lg.jp",
    "takahashi": "takahashi@city.mihon.lg.jp",
    "ito": "ito@city.mihon.lg.jp",
}


@pytest.fixture
def server(tmp_path: Path) -> Iterator[SmtpServer]:
    smtp = SmtpServer(tmp_path / "certs").start()
    yield smtp
    smtp.stop()


def set_up(world: World, smtp: SmtpServer, password: str = PASSWORD, **changes: object) -> None:
    service = NotificationService(world.store, world.admin)
    service.save_settings(mail_settings(smtp, **changes))
    service.store_password(open_vault(), password)
    for person in (world.admin, world.op1, world.sup, world.both):
        NotificationService(world.store, world.admin).set_staff_mail(
            person.staff_id, ADDRESSES[person.login], MailMode.IMMEDIATE
        )


def rows(world: World) -> list[Notification]:
    with world.store.read() as session:
        return list(session.scalars(select(Notification).order_by(Notification.id)))


def attempts(world: World) -> list[NotificationAttempt]:
    with world.store.read() as session:
        return list(session.scalars(select(NotificationAttempt).order_by(NotificationAttempt.id)))


def test_a_submission_is_mailed_to_the_supervisors_in_japanese_without_links_or_media(
    world: World, server: SmtpServer, memory_keyring: MemoryKeyring
) -> None:
    set_up(world, server)
    drafts = DraftService(world.store, world.op1)
    draft_id = drafts.create(world.account, "市民まつりは11月3日です。詳しくは https://www.city.mihon.lg.jp/matsuri")
    version = drafts.submit(draft_id, make_ready(drafts, draft_id))
    queued = rows(world)
    # The author is not told of their own submission; both people who may approve are.
    assert sorted(n.staff_id for n in queued) == sorted([world.sup.staff_id, world.both.staff_id])
    assert {n.kind for n in queued} == {NotificationKind.SUBMISSION_WAITING.value}

    report = deliver_pending(world.store, open_vault(), world.env.terminal.uid)
    assert (report.sent, report.failed) == (2, 0)
    assert server.mailbox.logins == [USER]  # AUTH happened (after STARTTLS: the server requires it)
    assert sorted(to for _from, (to,) in server.mailbox.envelopes) == [ADDRESSES["ito"], ADDRESSES["takahashi"]]
    message = server.mailbox.messages[0]
    assert not message.is_multipart()  # no attachment, no media: one text part
    assert message.get_content_type() == "text/plain"
    assert message.get_content_charset() == "utf-8"
    subject = str(message["Subject"])
    body = message.get_content()
    assert "承認待ち" in subject
    assert "見本市" in subject
    assert f"下書き {draft_id}" in body
    assert "KohoGate を開" in body
    for linkish in ("http", "://", "www."):
        assert linkish not in body
    assert "matsuri" not in body  # the link in the text is not carried over, even shortened
    assert PASSWORD not in body + subject
    assert all(n.state == NotificationState.SENT.value for n in rows(world))
    assert [a.outcome for a in attempts(world)] == ["sent", "sent"]

    ReviewService(world.store, world.sup).decide(
        version, ReviewDecision.RETURNED, "日付を確認してください", signer=DemoSigner(world.sup.login)
    )
    deliver_pending(world.store, open_vault(), world.env.terminal.uid)
    returned = server.mailbox.messages[-1]
    assert server.mailbox.envelopes[-1][1] == [ADDRESSES["sato"]]
    assert "差戻し" in str(returned["Subject"])
    assert "日付を確認してください" in returned.get_content()


def test_the_password_is_in_the_keyring_only(world: World, server: SmtpServer, memory_keyring: MemoryKeyring) -> None:
    set_up(world, server)
    assert PASSWORD in memory_keyring.items.values()
    with world.store.engine.connect() as connection:
        dumped = " ".join(
            str(row)
            for table in ("mail_settings", "audit_entry", "notification", "staff")
            for row in connection.execute(text(f"SELECT * FROM {table}"))
        )
    assert PASSWORD not in dumped
    assert USER in dumped  # the user name is a setting, not a secret


def test_a_stopped_server_loses_nothing_and_a_later_run_sends(world: World, tmp_path: Path) -> None:
    smtp = SmtpServer(tmp_path / "certs")  # not started: connections are refused
    set_up(world, smtp)
    world.submitted(world.op1)
    now = world.store.now()
    report = deliver_pending(world.store, open_vault(), world.env.terminal.uid, now=now)
    assert (report.sent, report.failed, report.error_kinds) == (0, 2, [ErrorKind.CONNECTION])
    pending = rows(world)
    assert all(n.state == NotificationState.PENDING.value and n.attempts == 1 for n in pending)
    assert all(n.last_error_kind == "connection" for n in pending)
    assert all(n.next_attempt_at > now for n in pending)  # backed off
    recorded = attempts(world)
    assert [(a.outcome, a.error_kind, a.terminal) for a in recorded] == [
        ("failed", "connection", world.env.terminal.uid)
    ] * 2
    # Within the back-off nothing is tried again.
    assert deliver_pending(world.store, open_vault(), world.env.terminal.uid, now=now).failed == 0
    assert outbox_summary(world.store).pending == 2

    smtp.start()
    try:
        later = now + timedelta(minutes=2)
        report = deliver_pending(world.store, open_vault(), world.env.terminal.uid, now=later)
    finally:
        smtp.stop()
    assert (report.sent, report.failed) == (2, 0)
    assert len(smtp.mailbox.messages) == 2
    assert all(n.state == NotificationState.SENT.value and n.attempts == 2 for n in rows(world))
    assert [a.outcome for a in attempts(world)] == ["failed", "failed", "sent", "sent"]
    summary = outbox_summary(world.store)
    assert (summary.pending, summary.sent) == (0, 2)


def test_a_refusing_server_is_recorded_by_kind(world: World, server: SmtpServer) -> None:
    set_up(world, server, password="wrong-password-1")
    world.submitted(world.op1)
    report = deliver_pending(world.store, open_vault(), world.env.terminal.uid)
    assert report.error_kinds == [ErrorKind.AUTH]
    assert all(n.state == NotificationState.PENDING.value for n in rows(world))
    assert server.mailbox.messages == []

    NotificationService(world.store, world.admin).store_password(open_vault(), PASSWORD)
    server.mailbox.refuse.add(ADDRESSES["takahashi"])
    report = deliver_pending(
        world.store, open_vault(), world.env.terminal.uid, now=world.store.now() + timedelta(hours=1)
    )
    assert (report.sent, report.failed) == (1, 1)
    by_staff = {n.staff_id: n for n in rows(world)}
    # A refused address is not retried (it cannot help) but stays in the outbox, recorded …
    assert by_staff[world.sup.staff_id].state == NotificationState.FAILED.value
    assert by_staff[world.sup.staff_id].last_error_kind == "recipient"
    # … and a corrected address gets it sent.
    server.mailbox.refuse.clear()
    NotificationService(world.store, world.sup).set_staff_mail(
        world.sup.staff_id, "takahashi.m@city.mihon.lg.jp", MailMode.IMMEDIATE
    )
    assert deliver_pending(world.store, open_vault(), world.env.terminal.uid).sent == 1
    assert server.mailbox.envelopes[-1][1] == ["takahashi.m@city.mihon.lg.jp"]


def test_digest_people_get_one_mail_a_day(world: World, server: SmtpServer) -> None:
    set_up(world, server, digest_hour=8)
    NotificationService(world.store, world.sup).set_staff_mail(
        world.sup.staff_id, ADDRESSES["takahashi"], MailMode.DIGEST
    )
    NotificationService(world.store, world.both).set_staff_mail(world.both.staff_id, "", MailMode.IMMEDIATE)
    world.submitted(world.op1, "一件目")
    world.submitted(world.op1, "二件目")
    queued = rows(world)
    assert len(queued) == 2
    assert all(n.digest for n in queued)
    due = queued[0].next_attempt_at
    assert due.astimezone(timedelta_jst()).hour == 8
    assert deliver_pending(world.store, open_vault(), world.env.terminal.uid).sent == 0
    report = deliver_pending(world.store, open_vault(), world.env.terminal.uid, now=due)
    assert report.sent == 2  # two notifications …
    assert len(server.mailbox.messages) == 1  # … in one mail
    digest = server.mailbox.messages[0]
    assert "まとめ" in str(digest["Subject"])
    body = digest.get_content()
    assert "一件目" in body
    assert "二件目" in body


def timedelta_jst() -> object:
    from core.notify.kinds import CITY_TIME

    return CITY_TIME


def test_administrators_hear_of_incidents_and_overdue_reviews_once(world: World, server: SmtpServer) -> None:
    from core.incidents.model import IncidentKind
    from core.services.incidents import IncidentService
    from core.storage.models import OfficialAccount

    set_up(world, server)
    IncidentService(world.store, world.op1).report(
        IncidentKind.IMPERSONATION, "偽アカウント", account_ids=[world.account]
    )
    with world.store.write() as session:
        account = session.get(OfficialAccount, world.account)
        assert account is not None
        account.review_due_at = world.store.now() - timedelta(days=3)
    deliver_pending(world.store, open_vault(), world.env.terminal.uid)
    deliver_pending(world.store, open_vault(), world.env.terminal.uid)
    kinds = sorted(n.kind for n in rows(world))
    assert kinds == [NotificationKind.INCIDENT_REPORTED.value, NotificationKind.REVIEW_OVERDUE.value]
    assert {to for _f, (to,) in server.mailbox.envelopes} == {ADDRESSES["kanri"]}
    texts = " ".join(str(m["Subject"]) + m.get_content() for m in server.mailbox.messages)
    assert "インシデント" in texts
    assert "継続" in texts
    assert "偽アカウント" not in texts  # an incident's title can hold what the city has not made public


def test_nothing_is_queued_when_the_event_is_rolled_back(world: World) -> None:
    from core.audit import chain

    NotificationService(world.store, world.admin).set_staff_mail(
        world.sup.staff_id, ADDRESSES["takahashi"], MailMode.IMMEDIATE
    )
    draft_id = DraftService(world.store, world.op1).create(world.account, "本文")
    seen: list[int | None] = []

    def submit_then_fail() -> None:
        with world.store.write() as session:
            chain.append(session, world.op1.recorder, "draft.submitted", {"draft_id": draft_id})
            seen.append(session.scalar(select(Notification.id)))  # queued in the same transaction …
            raise RuntimeError("the submission fails after its audit entry")

    with pytest.raises(RuntimeError):
        submit_then_fail()
    assert seen[0] is not None
    assert rows(world) == []  # … and gone with it


def test_a_failed_publication_tells_its_author(world: World) -> None:
    from core.publishing.records import PublicationService

    NotificationService(world.store, world.admin).set_staff_mail(
        world.op1.staff_id, ADDRESSES["sato"], MailMode.IMMEDIATE
    )
    version = world.submitted(world.op1)
    ReviewService(world.store, world.sup).decide(version, ReviewDecision.APPROVED, signer=DemoSigner(world.sup.login))
    with world.store.read() as session:
        draft_id = session.scalars(select(Notification.facts)).first()["draft_id"]  # type: ignore[index]
    records = PublicationService(world.store, world.op1)
    row = records.open_attempt(draft_id)
    records.mark_failed(row.publication_id, "HTTP 500 token=abc", "server", status=500)
    failed = [n for n in rows(world) if n.kind == NotificationKind.PUBLICATION_FAILED.value]
    assert [n.staff_id for n in failed] == [world.op1.staff_id]
    assert failed[0].facts["error_kind"] == "server"
    assert "token" not in str(failed[0].facts)  # the platform's text never reaches the outbox


def test_test_mail_and_its_refusals(world: World, server: SmtpServer, tmp_path: Path) -> None:
    with pytest.raises(MailSettingsMissing):
        send_test(world.store, open_vault(), "it@city.mihon.lg.jp")
    set_up(world, server)
    send_test(world.store, open_vault(), "it@city.mihon.lg.jp")
    assert "テスト" in str(server.mailbox.messages[-1]["Subject"])
    NotificationService(world.store, world.admin).save_settings(mail_settings(server, ca_file=""))
    with pytest.raises(MailFailure) as untrusted:  # the city's CA is not one the system trusts
        send_test(world.store, open_vault(), "it@city.mihon.lg.jp")
    assert untrusted.value.kind is ErrorKind.TLS
    implicit = SmtpServer(tmp_path / "implicit", implicit=True).start()
    try:
        NotificationService(world.store, world.admin).save_settings(mail_settings(implicit))
        NotificationService(world.store, world.admin).store_password(open_vault(), PASSWORD)
        send_test(world.store, open_vault(), "it@city.mihon.lg.jp")
    finally:
        implicit.stop()
    assert len(implicit.mailbox.messages) == 1
    assert implicit.mailbox.logins == [USER]


def test_who_may_change_what(world: World) -> None:
    with pytest.raises(PermissionDenied):
        NotificationService(world.store, world.sup).save_settings(
            MailSettings("mail.city.mihon.lg.jp", 587, Security.STARTTLS, "kohogate@city.mihon.lg.jp")
        )
    with pytest.raises(PermissionDenied):
        NotificationService(world.store, world.op1).set_staff_mail(
            world.sup.staff_id, "x@city.mihon.lg.jp", MailMode.OFF
        )
    NotificationService(world.store, world.op1).set_staff_mail(
        world.op1.staff_id, "sato@city.mihon.lg.jp", MailMode.OFF
    )


def test_a_claimed_row_is_left_to_its_sender_until_the_claim_is_stale(world: World, server: SmtpServer) -> None:
    from core.notify.kinds import CLAIM_TIMEOUT
    from core.services.notifications import _claim

    set_up(world, server)
    world.submitted(world.op1)
    now = world.store.now()
    assert len(_claim(world.store, "other-terminal", now)) == 2  # another sender took them and then died
    assert deliver_pending(world.store, open_vault(), world.env.terminal.uid, now=now).sent == 0
    assert server.mailbox.messages == []
    later = now + CLAIM_TIMEOUT + timedelta(seconds=1)
    assert deliver_pending(world.store, open_vault(), world.env.terminal.uid, now=later).sent == 2
