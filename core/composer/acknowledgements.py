"""Acknowledgements of ``confirm`` findings and ticks of the guideline confirmations.

Stored shapes (contracts): acknowledgements ``{key: {"reason", "staff_id", "at"}}``,
confirmations ``{confirmation_id: {"staff_id", "at"}}``. The GUI sends only
what the person decided (key → reason, ticked ids); the service stamps who
and when here, keeping the original stamp when nothing changed so that
re-saving a draft does not rewrite history.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import datetime
from typing import Any

from core.audit.canonical import utc_iso
from core.errors import InvalidInput
from core.i18n import tr

MAX_REASON = 200


def clean_reason(reason: str) -> str:
    """One line, not empty, at most :data:`MAX_REASON` characters."""
    line = " ".join((reason or "").split())
    if not line:
        raise InvalidInput(tr("An acknowledgement needs a reason."))
    if len(line) > MAX_REASON:
        raise InvalidInput(tr("Keep the reason to one line of at most {limit} characters.").format(limit=MAX_REASON))
    return line


def stamp_acknowledgements(
    reasons: Mapping[str, str], previous: Mapping[str, Any], staff_id: int, now: datetime
) -> dict[str, dict[str, Any]]:
    """``{key: reason}`` → the stored dict; unchanged reasons keep their stamp."""
    stamped: dict[str, dict[str, Any]] = {}
    for key, reason in reasons.items():
        if not isinstance(key, str) or not key:
            raise InvalidInput(tr("An acknowledgement refers to no finding."))
        line = clean_reason(reason)
        old = previous.get(key)
        if isinstance(old, Mapping) and old.get("reason") == line:
            stamped[key] = dict(old)
        else:
            stamped[key] = {"reason": line, "staff_id": staff_id, "at": utc_iso(now)}
    return stamped


def stamp_confirmations(
    ticked: Iterable[str], previous: Mapping[str, Any], staff_id: int, now: datetime
) -> dict[str, dict[str, Any]]:
    """Ticked confirmation ids → the stored dict; ticks already present keep their stamp."""
    stamped: dict[str, dict[str, Any]] = {}
    for ident in ticked:
        old = previous.get(ident)
        stamped[ident] = dict(old) if isinstance(old, Mapping) else {"staff_id": staff_id, "at": utc_iso(now)}
    return stamped


def reasons_of(acknowledgements: Mapping[str, Any]) -> dict[str, str]:
    """The stored dict back to ``{key: reason}`` (what the GUI edits)."""
    return {
        key: str(value.get("reason", ""))
        for key, value in acknowledgements.items()
        if isinstance(value, Mapping) and value.get("reason")
    }
