"""Canonical serialisation: the exact bytes that are hashed and signed.

Sorted keys, no insignificant white space, NFC strings, UTC times with a
``Z``: the same record gives the same bytes on every machine and database.
"""

from __future__ import annotations

import hashlib
import json
import unicodedata
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from enum import Enum
from typing import Any


def utc_iso(moment: datetime) -> str:
    if moment.tzinfo is None:
        raise ValueError("naive datetime in a canonical record")
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def normalize(value: Any) -> Any:
    """JSON-ready copy of ``value`` with NFC strings and UTC ISO times."""
    if isinstance(value, Enum):
        return normalize(value.value)
    if isinstance(value, str):
        return unicodedata.normalize("NFC", value)
    if isinstance(value, datetime):
        return utc_iso(value)
    if isinstance(value, Mapping):
        return {normalize(str(k)): normalize(v) for k, v in value.items()}
    if isinstance(value, Sequence) and not isinstance(value, bytes | bytearray):
        return [normalize(v) for v in value]
    if value is None or isinstance(value, bool | int | float):
        return value
    raise TypeError(f"cannot serialise {type(value).__name__} canonically")


def canonical_json(value: Any) -> str:
    return json.dumps(normalize(value), ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def sha256_hex(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
