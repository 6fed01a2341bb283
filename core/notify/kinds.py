"""What people are told, and of which audit events: the mapping is data, read by the outbox hook.

An audit event in :data:`EVENT_KINDS` produces notifications in the same
transaction as its entry (``core.audit.chain.append`` calls the outbox), so a
decision cannot be committed without the mail that tells of it being queued.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, timezone

from core.i18n import tr
from core.lifecycle.states import NotificationState
from core.organization.roles import Role

__all__ = ["NotificationState"]  # its home is core.lifecycle.states; the mail code reads it from here too


class MailMode(enum.StrEnum):
    """How one person wants to be told: each event at once, one digest a day, or not by mail."""

    IMMEDIATE = "immediate"
    DIGEST = "digest"
    OFF = "off"

    @property
    def label(self) -> str:
        return {
            MailMode.IMMEDIATE: tr("Each event at once"),
            MailMode.DIGEST: tr("One digest a day"),
            MailMode.OFF: tr("No e-mail"),
        }[self]


class NotificationKind(enum.StrEnum):
    SUBMISSION_WAITING = "submission_waiting"
    DRAFT_RETURNED = "draft_returned"
    DRAFT_APPROVED = "draft_approved"
    DRAFT_REJECTED = "draft_rejected"
    PUBLICATION_FAILED = "publication_failed"
    NEEDS_CHECK = "needs_check"
    INCIDENT_REPORTED = "incident_reported"
    REVIEW_OVERDUE = "review_overdue"


class Audience(enum.Enum):
    """Who is told: the supervisors who may decide, the draft's author, or the administrators."""

    SUPERVISORS = "supervisors"
    AUTHOR = "author"
    ADMINISTRATORS = "administrators"


@dataclass(frozen=True)
class Rule:
    kind: NotificationKind
    audience: Audience
    # A failure found by a background run acting for this person (the scheduler runs as whoever is
    # logged in) still reaches them: they may not be at the desk. Deliberate acts are not echoed back.
    tell_actor: bool = False


AUDIENCE_ROLE: dict[Audience, Role] = {
    Audience.SUPERVISORS: Role.SUPERVISOR,
    Audience.ADMINISTRATORS: Role.ADMINISTRATOR,
}

#: Audit event name → what is told to whom. Events not listed send no mail.
EVENT_KINDS: dict[str, Rule] = {
    "draft.submitted": Rule(NotificationKind.SUBMISSION_WAITING, Audience.SUPERVISORS),
    "review.returned": Rule(NotificationKind.DRAFT_RETURNED, Audience.AUTHOR),
    "review.approved": Rule(NotificationKind.DRAFT_APPROVED, Audience.AUTHOR),
    "review.rejected": Rule(NotificationKind.DRAFT_REJECTED, Audience.AUTHOR),
    "publication.failed": Rule(NotificationKind.PUBLICATION_FAILED, Audience.AUTHOR, tell_actor=True),
    "publication.needs_check": Rule(NotificationKind.NEEDS_CHECK, Audience.ADMINISTRATORS, tell_actor=True),
    "incident.reported": Rule(NotificationKind.INCIDENT_REPORTED, Audience.ADMINISTRATORS),
}

#: Found by the sender rather than recorded as an event (a review falls due by the clock).
OVERDUE_REVIEW = Rule(NotificationKind.REVIEW_OVERDUE, Audience.ADMINISTRATORS)


class ErrorKind(enum.StrEnum):
    """Why a mail did not go out, in words IT can act on; never the server's own text."""

    CONNECTION = "connection"
    TLS = "tls"
    AUTH = "auth"
    RECIPIENT = "recipient"
    SENDER = "sender"
    SERVER = "server"
    NO_PASSWORD = "no_password"
    NO_SETTINGS = "no_settings"
    NO_ADDRESS = "no_address"

    @property
    def label(self) -> str:
        return {
            ErrorKind.CONNECTION: tr("the mail server could not be reached"),
            ErrorKind.TLS: tr("the TLS connection failed (certificate or protocol)"),
            ErrorKind.AUTH: tr("the mail server refused the user name or password"),
            ErrorKind.RECIPIENT: tr("the mail server refused the address"),
            ErrorKind.SENDER: tr("the mail server refused the sender address"),
            ErrorKind.SERVER: tr("the mail server answered with an error"),
            ErrorKind.NO_PASSWORD: tr("the mail password is not stored on this terminal"),
            ErrorKind.NO_SETTINGS: tr("the mail server is not set up"),
            ErrorKind.NO_ADDRESS: tr("the person has no e-mail address"),
        }[self]

    @property
    def permanent(self) -> bool:
        """A refused address stays refused; everything else may work on a later run."""
        return self is ErrorKind.RECIPIENT


CLAIM_TIMEOUT = timedelta(minutes=10)
FIRST_RETRY = timedelta(minutes=1)
MAX_RETRY = timedelta(hours=1)


def retry_delay(attempts: int) -> timedelta:
    """1, 2, 4 … minutes after the ``attempts``-th failure, at most an hour (a server down overnight: hourly)."""
    steps = min(max(attempts - 1, 0), 10)
    delay: timedelta = FIRST_RETRY * int(2**steps)
    return min(delay, MAX_RETRY)


# Japan keeps no daylight saving time, so a fixed offset is the city's clock on every terminal.
CITY_TIME = timezone(timedelta(hours=9), "JST")


def next_digest_at(after: datetime, hour: int) -> datetime:
    """The first ``hour``:00 city time strictly after ``after`` (when a digest row falls due)."""
    local = after.astimezone(CITY_TIME)
    due = local.replace(hour=hour, minute=0, second=0, microsecond=0)
    if due <= local:
        due += timedelta(days=1)
    return due.astimezone(UTC)
