"""Uncaught exceptions: logged, shown with copyable details, never a silent crash.

Known environment failures (disk full, database unreachable, keyring locked)
and other :class:`core.errors.KohoGateError` get a plain message; anything
else is a bug and gets the details dialog. Details pass through the same
redaction as the log, so a registered secret never reaches the screen.
"""

from __future__ import annotations

import logging
import sys
import traceback
from types import TracebackType

from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from core import __version__
from core.errors import explain
from core.runtime.logging_setup import log_file, redact
from gui.i18n import translator

log = logging.getLogger("kohogate.crash")
tr = translator("CrashDialog")

_dialog_open = False


def show_error(parent: QWidget | None, exc: BaseException) -> None:
    """A plain message for a known error: the message door's (kept here for the crash hook's callers)."""
    from gui import messages

    messages.show_error(parent, exc)


def details_text(exc: BaseException) -> str:
    lines = traceback.format_exception(type(exc), exc, exc.__traceback__)
    return redact(f"KohoGate {__version__} / Python {sys.version.split()[0]}\n\n" + "".join(lines))


def report_exception(exc: BaseException, *, unsaved: bool = False) -> None:
    global _dialog_open
    known = explain(exc)
    if known is not None:
        log.warning("%s", known)
        show_error(QApplication.activeWindow(), known)
        return
    log.error("unexpected error", exc_info=(type(exc), exc, exc.__traceback__))
    if _dialog_open or QApplication.instance() is None:
        return
    _dialog_open = True
    try:
        box = QMessageBox(QApplication.activeWindow())
        box.setObjectName("crashDialog")
        box.setIcon(QMessageBox.Icon.Critical)
        box.setWindowTitle(tr("KohoGate: unexpected error"))
        box.setText(
            tr("Something went wrong inside KohoGate. The last change is not saved yet; it is still on screen.")
            if unsaved
            else tr("Something went wrong inside KohoGate. Your saved work is safe.")
        )
        path = log_file()
        box.setInformativeText(
            tr("Please send the details below to the administrator. They are also in the log file:") + f"\n{path}"
            if path
            else tr("Please send the details below to the administrator. They are also in the log file.")
        )
        box.setDetailedText(details_text(exc))
        box.setTextInteractionFlags(box.textInteractionFlags())
        box.exec()
    finally:
        _dialog_open = False


def excepthook(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
    if issubclass(exc_type, KeyboardInterrupt):
        QApplication.quit()
        return
    exc.__traceback__ = tb
    report_exception(exc)


def install() -> None:
    sys.excepthook = excepthook
