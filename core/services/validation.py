"""Input cleaning shared by the services (bad input → a clear, translated message)."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable

from core.errors import InvalidInput
from core.i18n import tr


def clean_text(value: str, field: str, *, max_length: int, required: bool = True) -> str:
    text = unicodedata.normalize("NFC", value or "").strip()
    if required and not text:
        raise InvalidInput(tr("{field} is required.").format(field=field))
    if len(text) > max_length:
        raise InvalidInput(
            tr("{field} is too long ({length} characters; at most {limit}).").format(
                field=field, length=len(text), limit=max_length
            )
        )
    return text


def clean_list(values: Iterable[str], *, lower: bool = False) -> list[str]:
    """Stripped, NFC, de-duplicated, empty entries dropped, order kept."""
    cleaned: list[str] = []
    for value in values:
        text = unicodedata.normalize("NFC", value or "").strip()
        if lower:
            text = text.lower()
        if text and text not in cleaned:
            cleaned.append(text)
    return cleaned
