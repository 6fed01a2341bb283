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


def explain(exc: BaseException) -> KohoGateError | None:
    """A user-facing error for ``exc`` when it is a known environment failure."""
    if isinstance(exc, KohoGateError):
        return exc
    if isinstance(exc, OSError) and exc.errno in {errno.ENOSPC, errno.EDQUOT}:
        return DiskFull(
            tr("The disk is full. Free some space, then try again; nothing was lost."),
        )
    if isinstance(exc, OSError) and exc.errno in {errno.EACCES, errno.EPERM, errno.EROFS}:
        return EnvironmentProblem(
            tr("KohoGate may not write to {path}. Check the folder's permissions.").format(path=exc.filename or "?")
        )
    try:
        from sqlalchemy.exc import OperationalError
    except ImportError:  # pragma: no cover - sqlalchemy is a hard dependency
        return None
    if isinstance(exc, OperationalError):
        text = str(exc.orig).lower() if exc.orig is not None else ""
        if "disk is full" in text or "database or disk is full" in text:
            return DiskFull(tr("The disk is full. Free some space, then try again; nothing was lost."))
        if "locked" in text or "busy" in text:
            return DatabaseUnavailable(
                tr("The database is busy in another window or workstation. Try again in a moment.")
            )
        return DatabaseUnavailable(
            tr("The database cannot be reached. Check the network or ask the administrator."),
            hint=tr("Technical detail: {detail}").format(
                detail=type(exc.orig).__name__ if exc.orig else "OperationalError"
            ),
        )
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
