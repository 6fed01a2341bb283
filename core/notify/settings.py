"""The organization's SMTP server as typed settings, checked before they are stored."""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass

from core.errors import InvalidInput
from core.i18n import tr


class Security(enum.StrEnum):
    """How the connection is protected; there is no plain-text choice (the password and the texts cross the LAN)."""

    STARTTLS = "starttls"  # submission port 587: plain greeting, then STARTTLS before anything else
    TLS = "tls"  # port 465: TLS from the first byte (implicit TLS, RFC 8314)

    @property
    def label(self) -> str:
        return {Security.STARTTLS: tr("STARTTLS (usually port 587)"), Security.TLS: tr("TLS (usually port 465)")}[self]

    @property
    def default_port(self) -> int:
        return 587 if self is Security.STARTTLS else 465


_ADDRESS = re.compile(r"[^@\s<>\"',;]+@[^@\s<>\"',;]+\.[^@\s<>\"',;.]+")
_HOST = re.compile(r"[A-Za-z0-9]([A-Za-z0-9.-]{0,253}[A-Za-z0-9])?|\[[0-9A-Fa-f:.]+\]")


def valid_address(text: str) -> bool:
    """A plain ``local@domain`` address: no display name, no list, nothing a header could be split on."""
    return bool(_ADDRESS.fullmatch(text)) and len(text) <= 320


@dataclass(frozen=True)
class MailSettings:
    host: str
    port: int
    security: Security
    sender: str
    username: str = ""  # empty: the server relays without log-in (a city's internal relay)
    ca_file: str = ""  # a CA certificate file trusted in addition to the system's
    digest_hour: int = 8

    def problems(self) -> list[str]:
        found = []
        if not _HOST.fullmatch(self.host):
            found.append(tr("The mail server's host name is not valid."))
        if not 0 < self.port < 65536:
            found.append(tr("The port must be between 1 and 65535."))
        if not valid_address(self.sender):
            found.append(tr("The sender must be one e-mail address (name@example.lg.jp)."))
        if any(c in self.username for c in "\r\n"):
            found.append(tr("The user name must be on one line."))
        if not 0 <= self.digest_hour <= 23:
            found.append(tr("The digest hour must be between 0 and 23."))
        return found

    def checked(self) -> MailSettings:
        problems = self.problems()
        if problems:
            raise InvalidInput(" ".join(problems))
        return self


def password_name(settings: MailSettings) -> str:
    """Keyring entry of the mail password on the sending terminal (keyed by server and user, not by row)."""
    return f"smtp:{settings.username}@{settings.host}:{settings.port}"
