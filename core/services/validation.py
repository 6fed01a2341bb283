"""Input cleaning shared by the services (bad input → a clear, translated message).

Every text a service stores goes through :func:`storable`: NUL and lone
surrogates can be neither stored (PostgreSQL refuses NUL; a surrogate has no
UTF-8 form) nor posted, so they are refused here with the field's name
rather than by the driver. ``core/storage/guard.py`` is the backstop for any
value that reaches the database some other way.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from datetime import datetime
from typing import Any

from core.errors import InvalidInput
from core.i18n import tr
from core.storage.guard import MAX_INTEGER, UNSTORABLE


def storable(value: str, field: str) -> str:
    """``value`` unless it holds NUL or a lone surrogate."""
    if not isinstance(value, str):
        raise InvalidInput(tr("{field} must be text.").format(field=field))
    found = UNSTORABLE.search(value)
    if found is not None:
        raise InvalidInput(
            tr("{field} contains the character U+{code} at position {position}, which cannot be saved.").format(
                field=field, code=f"{ord(found.group()):04X}", position=found.start() + 1
            )
        )
    return value


def clean_text(value: str, field: str, *, max_length: int, required: bool = True) -> str:
    text = unicodedata.normalize("NFC", storable(value or "", field)).strip()
    if required and not text:
        raise InvalidInput(tr("{field} is required.").format(field=field))
    if len(text) > max_length:
        raise InvalidInput(
            tr("{field} is too long ({length} characters; at most {limit}).").format(
                field=field, length=len(text), limit=max_length
            )
        )
    return text


def clean_list(values: Iterable[str], *, lower: bool = False, field: str = "") -> list[str]:
    """Stripped, NFC, de-duplicated, empty entries dropped, order kept."""
    cleaned: list[str] = []
    for value in values:
        text = unicodedata.normalize("NFC", storable(value or "", field or tr("An entry"))).strip()
        if lower:
            text = text.lower()
        if text and text not in cleaned:
            cleaned.append(text)
    return cleaned


def whole_number(value: Any, field: str, *, minimum: int = 0, maximum: int = MAX_INTEGER) -> int:
    """An integer in ``[minimum, maximum]``; ``"many"``, ``True``, ``2.5`` or ``2**63`` are refused."""
    if isinstance(value, bool) or not isinstance(value, int):
        if isinstance(value, str) and value.strip().isascii() and value.strip().isdigit() and len(value) < 20:
            value = int(value.strip())
        else:
            raise InvalidInput(tr("{field} must be a whole number.").format(field=field))
    if not minimum <= value <= maximum:
        raise InvalidInput(
            tr("{field} must be between {minimum} and {maximum}.").format(field=field, minimum=minimum, maximum=maximum)
        )
    return int(value)


def record_id(value: Any, field: str) -> int:
    """A row id: a positive integer the databases can store (below 2**63)."""
    return whole_number(value, field, minimum=1)


def aware_datetime(value: datetime | None, field: str) -> datetime | None:
    """``value`` when it carries its time zone; a naive time is ambiguous (local? UTC?) and refused."""
    if value is None:
        return None
    if not isinstance(value, datetime):
        raise InvalidInput(tr("{field} must be a date and time.").format(field=field))
    if value.tzinfo is None or value.utcoffset() is None:
        raise InvalidInput(tr("{field} has no time zone.").format(field=field))
    return value
