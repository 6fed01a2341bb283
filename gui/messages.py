"""The one door for messages and questions (as qutebrowser's ``message`` module).

Feature code never builds a ``QMessageBox``: it calls :func:`show_error`,
:func:`warning`, :func:`info`, :func:`ask`, :func:`confirm_discard` or
:func:`confirm_irreversible`. Each builds a :class:`Message`, redacts it
once (the log's redaction: registered secrets, passwords in database URLs)
and hands it to :data:`door`, which shows it and returns the person's
answer. Tests replace :data:`door` (``tests/gui/conftest.py``), not Qt classes.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from enum import Enum

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from core.errors import explain
from core.runtime.logging_setup import redact
from gui.i18n import translator

tr = translator("Messages")


class Kind(Enum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"
    ASK = "ask"  # a yes/no question; ``accept`` names the yes
    DISCARD = "discard"  # throw away unsaved work?
    IRREVERSIBLE = "irreversible"  # an action that cannot be undone


@dataclass(frozen=True)
class Message:
    kind: Kind
    title: str
    text: str
    informative: str = ""
    detail: str = ""
    accept: str = ""  # the label of the button that answers yes (questions only)
    name: str = ""  # object name of the dialog, for accessibility tools and tests


Door = Callable[[QWidget | None, Message], bool]

_ICONS = {
    Kind.ERROR: QMessageBox.Icon.Warning,
    Kind.WARNING: QMessageBox.Icon.Warning,
    Kind.INFO: QMessageBox.Icon.Information,
    Kind.ASK: QMessageBox.Icon.Question,
    Kind.DISCARD: QMessageBox.Icon.Warning,
    Kind.IRREVERSIBLE: QMessageBox.Icon.Warning,
}


def qt_door(parent: QWidget | None, message: Message) -> bool:
    """Show ``message`` modally; ``True`` for OK on a notice or the accepting button of a question."""
    box = QMessageBox(parent)
    if message.name:
        box.setObjectName(message.name)
    box.setIcon(_ICONS[message.kind])
    box.setWindowTitle(message.title or tr("KohoGate"))
    # A message may quote a platform, a person or a path, and QMessageBox follows links in rich text:
    # always plain text, never HTML.
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(message.text)
    if message.informative:
        box.setInformativeText(message.informative)
    if message.detail:
        box.setDetailedText(message.detail)
    if message.kind in (Kind.ERROR, Kind.WARNING, Kind.INFO):
        box.exec()
        return True
    role = QMessageBox.ButtonRole.AcceptRole if message.kind is Kind.ASK else QMessageBox.ButtonRole.DestructiveRole
    yes = box.addButton(message.accept or tr("&Yes"), role)
    box.addButton(QMessageBox.StandardButton.Cancel)
    # The safe answer is the default: Enter never throws work away or does the irreversible thing.
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    box.exec()
    return box.clickedButton() is yes


door: Door = qt_door


def present(parent: QWidget | None, message: Message) -> bool:
    """Redact once, then show through the door. Every function below ends here."""
    clean = replace(
        message,
        title=redact(message.title),
        text=redact(message.text),
        informative=redact(message.informative),
        detail=redact(message.detail),
    )
    return door(parent, clean)


def show_error(parent: QWidget | None, exc: BaseException) -> None:
    """A known failure in plain words; anything else is a bug and goes to the crash dialog."""
    known = explain(exc)
    if known is None:
        from gui.crash import report_exception

        report_exception(exc)
        return
    present(parent, Message(Kind.ERROR, tr("KohoGate"), known.message, informative=known.hint or ""))


def error(parent: QWidget | None, title: str, text: str, *, informative: str = "") -> None:
    present(parent, Message(Kind.ERROR, title, text, informative=informative))


def warning(parent: QWidget | None, title: str, text: str, *, informative: str = "") -> None:
    present(parent, Message(Kind.WARNING, title, text, informative=informative))


def info(parent: QWidget | None, title: str, text: str, *, informative: str = "", detail: str = "") -> None:
    present(parent, Message(Kind.INFO, title, text, informative=informative, detail=detail))


def ask(parent: QWidget | None, title: str, text: str, *, accept: str = "", informative: str = "") -> bool:
    """A yes/cancel question; ``accept`` labels the yes (e.g. "Save"), Cancel is the default."""
    return present(parent, Message(Kind.ASK, title, text, informative=informative, accept=accept))


def confirm_discard(
    parent: QWidget | None, title: str, text: str, *, accept: str = "", informative: str = "", name: str = ""
) -> bool:
    """Throw unsaved work away? ``accept`` labels the discarding button."""
    return present(
        parent,
        Message(Kind.DISCARD, title, text, informative=informative, accept=accept or tr("&Discard"), name=name),
    )


def confirm_irreversible(parent: QWidget | None, title: str, text: str, *, accept: str, informative: str = "") -> bool:
    """Do something that cannot be undone? ``accept`` names the action on its button."""
    return present(parent, Message(Kind.IRREVERSIBLE, title, text, informative=informative, accept=accept))
