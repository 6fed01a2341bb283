"""Notifications by e-mail: the settings, each person's address and mode, delivery of the outbox, the test mail.

The outbox is filled by the audit hook (``core/notify/outbox.py``); this
module empties it. :func:`deliver_pending` claims due rows in one short write
transaction, sends without holding any transaction open, and records each
attempt (outcome and error kind, never the server's text) in another: a
mail server that is down leaves the rows pending with their next try set by
:func:`core.notify.kinds.retry_delay`. Several senders (the GUI on several
terminals, the scheduled CLI) may run at once: a claimed row is skipped by
the others until its claim is older than ``CLAIM_TIMEOUT``. A sender that
dies between sending and recording can so send one mail twice; it never
drops one.

Bookkeeping of delivery writes no audit entry (the attempt table is the
record, and an entry per retry would drown the chain); changes of settings,
addresses and the password do.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from email.message import EmailMessage

from sqlalchemy import func, or_, select, update

from core.credentials.vault import Vault
from core.errors import InvalidInput, KohoGateError
from core.i18n import tr
from core.lifecycle.transitions import move
from core.notify import smtp
from core.notify.compose import DEFAULT_LANGUAGE, Item, compose, email_message, trial_text
from core.notify.kinds import (
    CLAIM_TIMEOUT,
    ErrorKind,
    MailMode,
    NotificationKind,
    NotificationState,
    retry_delay,
)
from core.notify.outbox import enqueue_overdue_reviews
from core.notify.settings import MailSettings, Security, password_name, valid_address
from core.organization.roles import Role
from core.services.base import Service, organization_row
from core.storage.engine import Store
from core.storage.models import MailSettings as MailSettingsRow
from core.storage.models import Notification, NotificationAttempt, Organization, Staff

#: One call that sends messages over one connection; the SMTP transport unless a caller passes another.
Transport = Callable[[MailSettings, str | None, Sequence[EmailMessage]], list[ErrorKind | None]]

BATCH = 200


class MailSettingsMissing(KohoGateError):
    """No mail server is set up, or this terminal lacks its password: nothing can be sent from here."""


@dataclass(frozen=True)
class StaffMail:
    staff_id: int
    display_name: str
    email: str
    mode: MailMode


@dataclass(frozen=True)
class OutboxSummary:
    pending: int
    failed: int
    sent: int
    last_error_kind: ErrorKind | None


@dataclass
class DeliveryReport:
    sent: int = 0
    failed: int = 0  # attempts that did not succeed (retried later unless the address was refused)
    error_kinds: list[ErrorKind] = field(default_factory=list)
    settings_missing: bool = False


def load_settings(store: Store) -> MailSettings | None:
    with store.read() as session:
        row = session.get(MailSettingsRow, 1)
        if row is None:
            return None
        return MailSettings(
            host=row.host,
            port=row.port,
            security=Security(row.security),
            sender=row.sender,
            username=row.username,
            ca_file=row.ca_file,
            digest_hour=row.digest_hour,
        )


def staff_mail(store: Store) -> list[StaffMail]:
    with store.read() as session:
        rows = session.scalars(select(Staff).where(Staff.active.is_(True)).order_by(Staff.id)).unique()
        return [StaffMail(s.id, s.display_name, s.email or "", MailMode(s.mail_mode)) for s in rows]


def outbox_summary(store: Store) -> OutboxSummary:
    with store.read() as session:
        counts = dict(
            session.execute(select(Notification.state, func.count()).group_by(Notification.state)).tuples().all()
        )
        last = session.scalar(
            select(NotificationAttempt.error_kind)
            .where(NotificationAttempt.outcome == "failed")
            .order_by(NotificationAttempt.id.desc())
            .limit(1)
        )
    pending = counts.get(NotificationState.PENDING.value, 0) + counts.get(NotificationState.SENDING.value, 0)
    return OutboxSummary(
        pending=pending,
        failed=counts.get(NotificationState.FAILED.value, 0),
        sent=counts.get(NotificationState.SENT.value, 0),
        last_error_kind=ErrorKind(last) if last else None,
    )


def _password(settings: MailSettings, vault: Vault) -> str | None:
    if not settings.username:
        return None
    password = vault.get(password_name(settings))
    if password is None:
        raise MailSettingsMissing(
            tr("The mail password is not stored on this terminal."),
            hint=tr("An administrator stores it in 設定 → メール on the terminal that sends mail."),
        )
    return password


def _organization_name(store: Store) -> str:
    with store.read() as session:
        org = session.get(Organization, 1)
        return org.name if org is not None else ""


def send_test(store: Store, vault: Vault, to: str, *, transport: Transport = smtp.send) -> None:
    """A test mail to ``to`` with the organization's settings; raises MailSettingsMissing or smtp.MailFailure."""
    if not valid_address(to):
        raise InvalidInput(tr("{address} is not one e-mail address.").format(address=to))
    settings = load_settings(store)
    if settings is None:
        raise MailSettingsMissing(
            tr("No mail server is set up."), hint=tr("An administrator sets it up in 設定 → メール.")
        )
    password = _password(settings, vault)
    text = trial_text(_organization_name(store))
    message = email_message(text, sender=settings.sender, to=to, sent_at=store.now())
    outcome = transport(settings, password, [message])[0]
    if outcome is not None:
        raise smtp.MailFailure(outcome)


def deliver_pending(
    store: Store, vault: Vault, terminal: str, *, transport: Transport = smtp.send, now: datetime | None = None
) -> DeliveryReport:
    """Send what is due: immediate rows one mail each, digest rows one mail per person."""
    report = DeliveryReport()
    settings = load_settings(store)
    if settings is None:
        report.settings_missing = True
        return report
    moment = now or store.now()
    with store.write() as session:
        enqueue_overdue_reviews(session, moment)
    claimed = _claim(store, terminal, moment)
    if not claimed:
        return report
    try:
        password = _password(settings, vault)
    except MailSettingsMissing:
        _record(store, terminal, moment, {n.id: ErrorKind.NO_PASSWORD for n in claimed}, report)
        report.settings_missing = True
        return report
    organization = _organization_name(store)
    groups: dict[tuple[int, bool], list[_Claimed]] = defaultdict(list)
    for item in claimed:
        groups[(item.staff_id, item.digest)].append(item)
    messages: list[EmailMessage] = []
    members: list[list[_Claimed]] = []
    outcomes: dict[int, ErrorKind | None] = {}
    for (_staff, digest), items in groups.items():
        if not items[0].email:
            outcomes.update({i.id: ErrorKind.NO_ADDRESS for i in items})
            continue
        batches = [items] if digest else [[i] for i in items]
        for batch in batches:
            text = compose([Item(i.kind, i.facts, i.created_at) for i in batch], organization, DEFAULT_LANGUAGE)
            messages.append(email_message(text, sender=settings.sender, to=batch[0].email, sent_at=moment))
            members.append(batch)
    if messages:
        try:
            results = transport(settings, password, messages)
        except smtp.MailFailure as failure:
            results = [failure.kind] * len(messages)
        for batch, result in zip(members, results, strict=True):
            outcomes.update({i.id: result for i in batch})
    _record(store, terminal, moment, outcomes, report)
    return report


@dataclass(frozen=True)
class _Claimed:
    id: int
    staff_id: int
    email: str
    kind: NotificationKind
    facts: dict[str, object]
    created_at: datetime
    digest: bool


def _claim(store: Store, terminal: str, now: datetime) -> list[_Claimed]:
    with store.write() as session:
        stale = now - CLAIM_TIMEOUT
        due = or_(
            (Notification.state == NotificationState.PENDING.value) & (Notification.next_attempt_at <= now),
            (Notification.state == NotificationState.SENDING.value) & (Notification.claimed_at < stale),
        )
        rows = session.execute(
            select(Notification, Staff.email)
            .join(Staff, Staff.id == Notification.staff_id)
            .where(due)
            .order_by(Notification.id)
            .limit(BATCH)
            # PostgreSQL: rows another sender holds are skipped, not waited for (SQLite's writers queue anyway).
            .with_for_update(of=Notification, skip_locked=True)
        ).all()
        claimed = []
        for row, email in rows:
            move(row, NotificationState.SENDING)
            row.claimed_at = now
            claimed.append(
                _Claimed(
                    row.id,
                    row.staff_id,
                    email or "",
                    NotificationKind(row.kind),
                    dict(row.facts),
                    row.created_at,
                    row.digest,
                )
            )
        return claimed


def _record(
    store: Store, terminal: str, now: datetime, outcomes: dict[int, ErrorKind | None], report: DeliveryReport
) -> None:
    with store.write() as session:
        for ident, kind in outcomes.items():
            row = session.get(Notification, ident)
            if row is None:
                continue
            row.attempts += 1
            row.claimed_at = None
            session.add(
                NotificationAttempt(
                    notification_id=ident,
                    attempted_at=now,
                    terminal=terminal,
                    outcome="sent" if kind is None else "failed",
                    error_kind=None if kind is None else kind.value,
                )
            )
            if kind is None:
                move(row, NotificationState.SENT)
                row.sent_at = now
                row.last_error_kind = None
                report.sent += 1
                continue
            report.failed += 1
            if kind not in report.error_kinds:
                report.error_kinds.append(kind)
            row.last_error_kind = kind.value
            if kind.permanent:
                move(row, NotificationState.FAILED)
            else:
                move(row, NotificationState.PENDING)
                row.next_attempt_at = now + retry_delay(row.attempts)


class NotificationService(Service):
    def save_settings(self, settings: MailSettings) -> None:
        """Administrators set the organization's mail server (no password here: see :meth:`store_password`)."""
        settings = settings.checked()
        with self.store.write() as session:
            self.authorize(session, Role.ADMINISTRATOR)
            organization_row(session)
            row = session.get(MailSettingsRow, 1)
            if row is None:
                row = MailSettingsRow(id=1)
                session.add(row)
            row.host = settings.host
            row.port = settings.port
            row.security = settings.security.value
            row.sender = settings.sender
            row.username = settings.username
            row.ca_file = settings.ca_file
            row.digest_hour = settings.digest_hour
            row.updated_at = self.store.now()
            self.record(
                session,
                "mail.settings_changed",
                {
                    "host": settings.host,
                    "port": settings.port,
                    "security": settings.security.value,
                    "sender": settings.sender,
                    "username": settings.username,
                    "ca_file": bool(settings.ca_file),
                    "digest_hour": settings.digest_hour,
                },
            )

    def store_password(self, vault: Vault, password: str) -> None:
        """The mail password goes to this terminal's OS keyring; the record says only that it was stored."""
        with self.store.write() as session:
            self.authorize(session, Role.ADMINISTRATOR)
            settings = load_settings(self.store)
            if settings is None or not settings.username:
                raise InvalidInput(tr("Save the mail server with a user name first."))
            vault.store(password_name(settings), password)
            self.record(
                session,
                "mail.password_stored",
                {"host": settings.host, "username": settings.username, "terminal": self.actor.terminal},
            )

    def set_staff_mail(self, staff_id: int, email: str, mode: MailMode) -> None:
        """A person's address and how they are told; administrators for anyone, everyone for themselves."""
        email = email.strip()
        if email and not valid_address(email):
            raise InvalidInput(tr("{address} is not one e-mail address.").format(address=email))
        with self.store.write() as session:
            if staff_id == self.actor.staff_id:
                self.authorize(session)
            else:
                self.authorize(session, Role.ADMINISTRATOR)
            staff = self.get_locked(session, Staff, staff_id, tr("Staff"))
            changed = (staff.email or "") != email or staff.mail_mode != mode.value
            if not changed:
                return
            if (staff.email or "") != email:
                # A corrected address gets another chance for what its refusal stopped.
                session.execute(
                    update(Notification)
                    .where(Notification.staff_id == staff_id, Notification.state == NotificationState.FAILED.value)
                    .values(state=NotificationState.PENDING.value, next_attempt_at=self.store.now())
                )
            staff.email = email or None
            staff.mail_mode = mode.value
            self.record(
                session, "staff.mail_changed", {"staff_id": staff_id, "has_email": bool(email), "mode": mode.value}
            )
