"""A real SMTP server on loopback (aiosmtpd) with a throw-away CA, STARTTLS or implicit TLS, and AUTH.

The certificates are made per test with ``cryptography``: a CA (the city's
internal CA in the tests) and a server certificate for 127.0.0.1 it signs.
KohoGate is told to trust the CA through the settings' CA file, as IT would.
"""

from __future__ import annotations

import datetime as dt
import ipaddress
import socket
import ssl
from dataclasses import dataclass, field
from email import message_from_bytes, policy
from email.message import EmailMessage
from pathlib import Path
from typing import Any

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from core.notify.settings import MailSettings, Security

USER = "kohogate@city.mihon.lg.jp"
PASSWORD = "Smtp-pass-9f3c1e"  # a test credential: only ever in the memory keyring


def make_certificates(folder: Path) -> tuple[Path, Path, Path]:
    """(CA certificate, server certificate, server key) as PEM files in ``folder``."""
    now = dt.datetime.now(dt.UTC)
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca_name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Mihon City Test CA")])
    ca = (
        x509.CertificateBuilder()
        .subject_name(ca_name)
        .issuer_name(ca_name)
        .public_key(ca_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5))
        .not_valid_after(now + dt.timedelta(days=1))
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(x509.KeyUsage(True, False, False, False, False, True, True, False, False), critical=True)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(ca_key.public_key()), critical=False)
        .sign(ca_key, hashes.SHA256())
    )
    key = ec.generate_private_key(ec.SECP256R1())
    cert = (
        x509.CertificateBuilder()
        .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")]))
        .issuer_name(ca_name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5))
        .not_valid_after(now + dt.timedelta(days=1))
        .add_extension(
            x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1")), x509.DNSName("localhost")]),
            critical=False,
        )
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(x509.ExtendedKeyUsage([x509.oid.ExtendedKeyUsageOID.SERVER_AUTH]), critical=False)
        .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()), critical=False)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
        .sign(ca_key, hashes.SHA256())
    )
    folder.mkdir(parents=True, exist_ok=True)
    ca_file, cert_file, key_file = folder / "ca.pem", folder / "server.pem", folder / "server.key"
    ca_file.write_bytes(ca.public_bytes(serialization.Encoding.PEM))
    cert_file.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_file.write_bytes(
        key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    )
    return ca_file, cert_file, key_file


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass
class Mailbox:
    """What the server received; ``refuse`` lists addresses it answers 550 for."""

    messages: list[EmailMessage] = field(default_factory=list)
    envelopes: list[tuple[str, list[str]]] = field(default_factory=list)
    refuse: set[str] = field(default_factory=set)
    logins: list[str] = field(default_factory=list)

    async def handle_RCPT(self, server: Any, session: Any, envelope: Any, address: str, rcpt_options: Any) -> str:
        if address in self.refuse:
            return "550 5.1.1 No such user here"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        parsed = message_from_bytes(envelope.content, policy=policy.default)
        assert isinstance(parsed, EmailMessage)
        self.messages.append(parsed)
        self.envelopes.append((envelope.mail_from, list(envelope.rcpt_tos)))
        return "250 Message accepted"

    def authenticate(self, server: Any, session: Any, envelope: Any, mechanism: str, auth_data: Any) -> AuthResult:
        if isinstance(auth_data, LoginPassword):
            login, password = auth_data.login.decode(), auth_data.password.decode()
            if login == USER and password == PASSWORD:
                self.logins.append(login)
                return AuthResult(success=True)
        return AuthResult(success=False, handled=False)


class SmtpServer:
    """An aiosmtpd server, listening from start() to stop(): ``implicit`` for TLS from the first byte, else STARTTLS."""

    def __init__(self, folder: Path, *, implicit: bool = False) -> None:
        self.ca_file, cert, key = make_certificates(folder)
        self.context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        self.context.load_cert_chain(cert, key)
        self.mailbox = Mailbox()
        self.port = free_port()
        self.implicit = implicit
        self.controller: Controller | None = None

    def _controller(self) -> Controller:
        common: dict[str, Any] = {
            "authenticator": self.mailbox.authenticate,
            "auth_required": True,
            "auth_require_tls": True,
        }
        if self.implicit:
            # aiosmtpd counts only STARTTLS as TLS for its AUTH rules (and warns about requiring AUTH
            # "without TLS"); here every byte is encrypted, so AUTH is offered, used (see ``logins``), not forced.
            common["auth_require_tls"] = False
            common["auth_required"] = False
            return Controller(self.mailbox, hostname="127.0.0.1", port=self.port, ssl_context=self.context, **common)
        return Controller(
            self.mailbox,
            hostname="127.0.0.1",
            port=self.port,
            tls_context=self.context,
            require_starttls=True,
            **common,
        )

    @property
    def running(self) -> bool:
        return self.controller is not None

    def start(self) -> SmtpServer:
        # Made here, not in __init__: a Controller owns an event loop that only stop() closes, and a
        # server a test never starts (connections refused) must not leave one behind.
        self.controller = self._controller()
        self.controller.start()
        return self

    def stop(self) -> None:
        if self.controller is not None:
            self.controller.stop()
            self.controller = None


def mail_settings(smtp: SmtpServer, **changes: object) -> MailSettings:
    values: dict[str, object] = {
        "host": "127.0.0.1",
        "port": smtp.port,
        "security": Security.TLS if smtp.implicit else Security.STARTTLS,
        "sender": "kohogate@city.mihon.lg.jp",
        "username": USER,
        "ca_file": str(smtp.ca_file),
    }
    values.update(changes)
    return MailSettings(**values)  # type: ignore[arg-type]
