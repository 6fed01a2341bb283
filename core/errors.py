"""Errors a user can act on, kept apart from bugs.

A :class:`KohoGateError` carries a message already fit for the person in
front of the screen (translated through ``tr``); anything else reaching the
top is a bug and gets the crash dialog with details. :func:`explain` turns
well-known environment failures (disk full, database unreachable, keyring
locked) into a :class:`KohoGateError` so that they get a plain message instead
of a traceback.
"""

from __future__ import annotations

import errno
import os
import re
from pathlib import Path
from typing import Any

from core.i18n import tr


class KohoGateError(Exception):
    """An expected failure with a message for the user (never contains secrets)."""

    def __init__(self, message: str, *, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return f"{self.message}\n{self.hint}" if self.hint else self.message


class EnvironmentProblem(KohoGateError):
    """The machine or network, not the program, is at fault (disk, database, keyring)."""


class DatabaseUnavailable(EnvironmentProblem):
    pass


class DiskFull(EnvironmentProblem):
    pass


class KeyringUnavailable(EnvironmentProblem):
    pass


class NetworkDatabasePath(KohoGateError):
    pass


class PermissionDenied(KohoGateError):
    """The current user's roles do not allow the action."""


class NotFound(KohoGateError):
    pass


class InvalidInput(KohoGateError):
    pass


class Conflict(KohoGateError):
    """Someone else changed the same thing first; reload and try again."""


def explain(exc: BaseException, *, database_url: str | None = None) -> KohoGateError | None:
    """A user-facing error for ``exc`` when it is a known environment failure.

    ``database_url``, when the caller knows it, lets database failures name
    the SQLite file or the PostgreSQL server (password masked) instead of a
    generic "cannot be reached".
    """
    if isinstance(exc, KohoGateError):
        return exc
    if isinstance(exc, OSError):
        known = _explain_os_error(exc)
        if known is not None:
            return known
    try:
        from sqlalchemy.exc import DatabaseError
    except ImportError:  # pragma: no cover - sqlalchemy is a hard dependency
        return None
    if isinstance(exc, DatabaseError):
        return _explain_database_error(exc, database_url)
    try:
        from keyring.errors import KeyringLocked, NoKeyringError
    except ImportError:  # pragma: no cover
        return None
    if isinstance(exc, KeyringLocked):
        return KeyringUnavailable(
            tr("The OS keyring is locked. Unlock it (log in again or open the keyring), then retry.")
        )
    if isinstance(exc, NoKeyringError):
        return KeyringUnavailable(tr("No OS keyring is available on this computer."))
    return None


def one_line(error: KohoGateError) -> str:
    """``error`` with its hint as one line, for the command line."""
    parts = (error.message, error.hint or "")
    return " ".join(" ".join(part.split()) for part in parts if part.strip())


# -- files and folders --


def _os_path(exc: OSError) -> str:
    """The path the failure is about: the target of a rename (never its temporary source), else the file."""
    for name in (exc.filename2, exc.filename):
        if name is None or name == "":
            continue
        return os.fsdecode(name) if isinstance(name, bytes) else str(name)
    return ""


def _first_non_folder(path: str) -> str | None:
    """The first existing part of ``path`` that is not a folder (a file where a folder should be)."""
    candidate = Path(path)
    for part in (*reversed(candidate.parents), candidate):
        try:
            if part.exists() and not part.is_dir():
                return str(part)
        except OSError:
            return None
    return None


def _explain_os_error(exc: OSError) -> KohoGateError | None:
    if exc.errno in {errno.ENOSPC, errno.EDQUOT}:
        return DiskFull(tr("The disk is full. Free some space, then try again; nothing was lost."))
    path = _os_path(exc)
    if exc.errno in {errno.EACCES, errno.EPERM, errno.EROFS}:
        return EnvironmentProblem(
            tr("KohoGate may not write to {path}. Check the folder's permissions.").format(path=path or "?")
        )
    if not path:
        return None  # not about a file (sockets, processes): nothing plain to say
    if isinstance(exc, IsADirectoryError):
        return EnvironmentProblem(tr("{path} is a folder, not a file.").format(path=path))
    if isinstance(exc, NotADirectoryError | FileExistsError):
        blocking = _first_non_folder(path)
        if blocking is not None:
            return EnvironmentProblem(tr("{path} is a file, not a folder.").format(path=blocking))
        if isinstance(exc, FileExistsError):
            return EnvironmentProblem(tr("{path} already exists.").format(path=path))
        return EnvironmentProblem(tr("{path} is a file, not a folder.").format(path=path))
    if isinstance(exc, FileNotFoundError):
        return EnvironmentProblem(tr("{path} does not exist. Check the path.").format(path=path))
    return EnvironmentProblem(
        tr("Cannot use {path}: {reason}").format(path=path, reason=exc.strerror or type(exc).__name__)
    )


# -- databases --

_PG_SERVER = re.compile(r'server at "(?P<host>[^"]+)"(?: \([^)]*\))?, port (?P<port>\d+)')
_PG_SOCKET = re.compile(r'server on socket "(?P<socket>[^"]+)"')
_PG_HOST = re.compile(r"""(?:resolve host|translate host name) ["'](?P<host>[^"']+)["']""")
_PG_DATABASE = re.compile(r'database "(?P<database>[^"]+)" does not exist')
_PG_USER = re.compile(r'(?:for user|role) "(?P<user>[^"]+)"')


def _parsed_url(database_url: str | None) -> Any:
    if not database_url:
        return None
    try:
        from sqlalchemy.engine import make_url

        return make_url(database_url)
    except Exception:  # an unusable URL is reported elsewhere; here it only names things
        return None


def _backend(orig: BaseException | None, url: Any) -> str | None:
    if url is not None:
        name = str(url.get_backend_name())
        return name if name in {"sqlite", "postgresql"} else None
    module = type(orig).__module__ if orig is not None else ""
    if module.startswith("sqlite3"):
        return "sqlite"
    if module.startswith(("psycopg", "psycopg2")):
        return "postgresql"
    return None


def _technical_detail(orig: BaseException | None, url: Any) -> str:
    """The driver's first line, unless it could contain a password (then only the error's class)."""
    kind = type(orig).__name__ if orig is not None else "OperationalError"
    line = next((line.strip() for line in str(orig or "").splitlines() if line.strip()), "")
    secrets = [s for s in ((url.password if url is not None else None), os.environ.get("PGPASSWORD")) if s]
    if not line or any(str(secret) in line for secret in secrets) or "password=" in line.lower():
        return kind
    from core.runtime.logging_setup import redact

    return redact(line)


def _with_detail(error: KohoGateError, orig: BaseException | None, url: Any) -> KohoGateError:
    error.hint = tr("Technical detail: {detail}").format(detail=_technical_detail(orig, url))
    return error


def _explain_database_error(exc: Any, database_url: str | None) -> KohoGateError | None:
    from sqlalchemy.exc import OperationalError

    orig: BaseException | None = exc.orig
    text = (str(orig) if orig is not None else str(exc)).lower()
    operational = isinstance(exc, OperationalError)
    if "disk is full" in text or "database or disk is full" in text:
        return DiskFull(tr("The disk is full. Free some space, then try again; nothing was lost."))
    url = _parsed_url(database_url)
    backend = _backend(orig, url)
    if backend == "sqlite":
        return _explain_sqlite(orig, text, url, operational=operational)
    if backend == "postgresql":
        return _explain_postgres(orig, text, url, operational=operational)
    if not operational:
        return None
    if "locked" in text or "busy" in text:
        return DatabaseUnavailable(tr("The database is busy in another window or workstation. Try again in a moment."))
    return _with_detail(
        DatabaseUnavailable(tr("The database cannot be reached. Check the network or ask the administrator.")),
        orig,
        url,
    )


def _sqlite_path(url: Any) -> Path | None:
    if url is None or not url.database or url.database == ":memory:":
        return None
    return Path(url.database)


def _may_not_open(path: Path) -> bool:
    """Can this user not read and write ``path`` (or create it, and SQLite's journal, in its folder)?"""
    folder = path.parent if str(path.parent) else Path(".")
    if path.exists() and not os.access(path, os.R_OK | os.W_OK):
        return True
    return folder.is_dir() and not os.access(folder, os.W_OK | os.X_OK)


def _explain_sqlite(orig: BaseException | None, text: str, url: Any, *, operational: bool) -> KohoGateError | None:
    path = _sqlite_path(url)
    if path is not None and path.is_dir():
        return DatabaseUnavailable(tr("The database path {path} is a folder, not a database file.").format(path=path))
    if "not a database" in text:
        if path is None:
            return DatabaseUnavailable(tr("The database file is not an SQLite database."))
        return DatabaseUnavailable(tr("{path} is not an SQLite database file.").format(path=path))
    if "malformed" in text:
        if path is None:
            return DatabaseUnavailable(tr("The database file is damaged. Restore it from a backup."))
        return DatabaseUnavailable(
            tr("The database file {path} is damaged. Restore it from a backup.").format(path=path)
        )
    if not operational:
        return None
    if "locked" in text or "busy" in text:
        return DatabaseUnavailable(tr("The database is busy in another window or workstation. Try again in a moment."))
    if path is not None and ("readonly" in text or "unable to open" in text) and _may_not_open(path):
        return DatabaseUnavailable(
            tr("KohoGate may not write to {path}. Check the folder's permissions.").format(path=path)
        )
    if "unable to open" in text or "readonly" in text:
        if path is None:
            return _with_detail(DatabaseUnavailable(tr("The database file cannot be opened.")), orig, url)
        return _with_detail(
            DatabaseUnavailable(tr("The database file {path} cannot be opened.").format(path=path)), orig, url
        )
    where = f"SQLite: {path}" if path is not None else "SQLite"
    return _with_detail(
        DatabaseUnavailable(
            tr("The database {database} reported an error. Ask the administrator.").format(database=where)
        ),
        orig,
        url,
    )


def _postgres_server(orig: BaseException | None, url: Any) -> str:
    """``user@host:port/database`` of the URL (never its password), else what the driver's text names."""
    message = str(orig or "")
    if url is not None:
        host = url.host or url.query.get("host") or "localhost"
        if isinstance(host, tuple):
            host = ",".join(host)
        server = f"{host}:{url.port or 5432}/{url.database or ''}"
        return f"{url.username}@{server}" if url.username else server
    found = _PG_SERVER.search(message)
    server = f"{found['host']}:{found['port']}" if found else ""
    if not server:
        found = _PG_SOCKET.search(message) or _PG_HOST.search(message)
        server = next(iter(found.groupdict().values())) if found else ""
    database = _PG_DATABASE.search(message)
    if database:
        server = f"{server}/{database['database']}" if server else database["database"]
    user = _PG_USER.search(message)
    if user and server:
        server = f"{user['user']}@{server}"
    return server or "PostgreSQL"


def _explain_postgres(orig: BaseException | None, text: str, url: Any, *, operational: bool) -> KohoGateError | None:
    if not operational:
        return None
    server = _postgres_server(orig, url)
    if (
        "password authentication failed" in text
        or "no password supplied" in text
        or ("role " in text and "does not exist" in text)
    ):
        return DatabaseUnavailable(
            tr(
                "Login to the database {server} was refused: check the user name and the password "
                "(pgpass.conf or PGPASSWORD)."
            ).format(server=server)
        )
    if _PG_DATABASE.search(text):
        return DatabaseUnavailable(
            tr("The database {server} does not exist on the server. Create it (createdb) or correct the URL.").format(
                server=server
            )
        )
    if "pg_hba.conf" in text:
        return DatabaseUnavailable(
            tr(
                "The database server {server} does not accept connections from this computer (pg_hba.conf). "
                "Ask the administrator."
            ).format(server=server)
        )
    if "connection refused" in text or ("on socket" in text and "no such file or directory" in text):
        return DatabaseUnavailable(
            tr(
                "The database server {server} cannot be reached: it refused the connection. Is PostgreSQL running?"
            ).format(server=server)
        )
    if any(
        marker in text
        for marker in ("resolve host", "translate host name", "name or service not known", "nodename nor servname")
    ):
        return DatabaseUnavailable(
            tr("The database server {server} cannot be reached: the host name is unknown. Check the URL.").format(
                server=server
            )
        )
    if "timeout expired" in text or "timed out" in text:
        return DatabaseUnavailable(
            tr("The database server {server} cannot be reached: no answer in time. Check the network.").format(
                server=server
            )
        )
    if "locked" in text or "busy" in text:
        return DatabaseUnavailable(tr("The database is busy in another window or workstation. Try again in a moment."))
    return _with_detail(
        DatabaseUnavailable(
            tr("The database server {server} cannot be reached. Check the network or ask the administrator.").format(
                server=server
            )
        ),
        orig,
        url,
    )
