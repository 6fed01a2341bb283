"""Sending one message through the city's SMTP server, with TLS verified and failures classified.

Certificates are always verified (host name and chain): the system's CAs,
plus a city's internal CA when the settings name its file. Every failure is
raised as :class:`MailFailure` with an :class:`ErrorKind`; the server's reply
text is not kept (it can echo addresses and, with some servers, the AUTH
exchange).
"""

from __future__ import annotations

import smtplib
import ssl
from collections.abc import Sequence
from email.message import EmailMessage

from core.errors import KohoGateError
from core.notify.kinds import ErrorKind
from core.notify.settings import MailSettings, Security

TIMEOUT_SECONDS = 30


class MailFailure(KohoGateError):
    """A message did not go out; ``kind`` says why (for the attempt record and the exit code)."""

    def __init__(self, kind: ErrorKind, *, refused: Sequence[str] = ()) -> None:
        super().__init__(kind.label)
        self.kind = kind
        self.refused = tuple(refused)


def tls_context(settings: MailSettings) -> ssl.SSLContext:
    context = ssl.create_default_context()
    context.minimum_version = ssl.TLSVersion.TLSv1_2
    if settings.ca_file:
        try:
            context.load_verify_locations(cafile=settings.ca_file)
        except (OSError, ssl.SSLError):
            raise MailFailure(ErrorKind.TLS) from None
    return context


def send(settings: MailSettings, password: str | None, messages: Sequence[EmailMessage]) -> list[ErrorKind | None]:
    """Send ``messages`` over one connection; per message ``None`` (sent) or the kind of refusal.

    A failure of the connection itself (unreachable, TLS, log-in) raises
    :class:`MailFailure`: nothing was sent.
    """
    context = tls_context(settings)
    try:
        return _deliver(settings, password, messages, context)
    except MailFailure:
        raise
    except smtplib.SMTPAuthenticationError:
        raise MailFailure(ErrorKind.AUTH) from None
    except smtplib.SMTPNotSupportedError:
        raise MailFailure(ErrorKind.AUTH if settings.username else ErrorKind.SERVER) from None
    except (ssl.SSLError, ssl.CertificateError):
        raise MailFailure(ErrorKind.TLS) from None
    except (smtplib.SMTPConnectError, smtplib.SMTPServerDisconnected):
        raise MailFailure(ErrorKind.CONNECTION) from None
    except smtplib.SMTPException:  # before OSError, its base class
        raise MailFailure(ErrorKind.SERVER) from None
    except (TimeoutError, OSError):  # refused, unreachable, name not found
        raise MailFailure(ErrorKind.CONNECTION) from None


def _deliver(
    settings: MailSettings, password: str | None, messages: Sequence[EmailMessage], context: ssl.SSLContext
) -> list[ErrorKind | None]:
    client: smtplib.SMTP
    if settings.security is Security.TLS:
        client = smtplib.SMTP_SSL(settings.host, settings.port, timeout=TIMEOUT_SECONDS, context=context)
    else:
        client = smtplib.SMTP(settings.host, settings.port, timeout=TIMEOUT_SECONDS)
    with client:
        if settings.security is Security.STARTTLS:
            client.ehlo()
            if not client.has_extn("starttls"):
                # A server (or a box in between) that hides STARTTLS would get the password in clear.
                raise MailFailure(ErrorKind.TLS)
            client.starttls(context=context)
            client.ehlo()
        if settings.username:
            if password is None:
                raise MailFailure(ErrorKind.NO_PASSWORD)
            client.login(settings.username, password)
        return [_send_one(client, settings.sender, message) for message in messages]


def _send_one(client: smtplib.SMTP, sender: str, message: EmailMessage) -> ErrorKind | None:
    try:
        client.send_message(message, from_addr=sender)
    except smtplib.SMTPRecipientsRefused:
        return ErrorKind.RECIPIENT
    except smtplib.SMTPSenderRefused:
        return ErrorKind.SENDER
    except smtplib.SMTPDataError:
        return ErrorKind.SERVER
    return None
