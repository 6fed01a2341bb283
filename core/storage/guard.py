"""The last line before the driver: values no database column can hold become
:class:`~core.errors.InvalidInput`, never a raw driver error.

The services clean what they are given (``core/services/validation.py``);
this guard catches what any path still lets through, on both dialects alike:
NUL (PostgreSQL refuses it in text, SQLite would silently keep it), lone
surrogates (not encodable as UTF-8 at all), integers outside the signed
64-bit range both databases store, and JSON nested too deeply to serialise.
The transaction is then rolled back by ``Store.write()`` and the caller's
working copy is untouched.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from typing import Any

from core.errors import InvalidInput
from core.i18n import tr

MIN_INTEGER = -(2**63)
MAX_INTEGER = 2**63 - 1
MAX_JSON_DEPTH = 64

UNSTORABLE = re.compile("[\x00\ud800-\udfff]")


def unstorable_text_error(value: str, index: int) -> InvalidInput:
    return InvalidInput(
        tr("The text contains the character U+{code} at position {position}, which cannot be saved.").format(
            code=f"{ord(value[index]):04X}", position=index + 1
        )
    )


def _check_scalar(value: Any) -> None:
    if isinstance(value, str):
        found = UNSTORABLE.search(value)
        if found is not None:
            raise unstorable_text_error(value, found.start())
    elif isinstance(value, int) and not isinstance(value, bool) and not MIN_INTEGER <= value <= MAX_INTEGER:
        raise InvalidInput(tr("A number is too large to be saved."))


def check_value(value: Any) -> None:
    """Raise :class:`InvalidInput` when ``value`` (scalars, lists, mappings) cannot be stored."""
    stack: list[tuple[Any, int]] = [(value, 0)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, Mapping):
            children: Any = [*item.keys(), *item.values()]
        elif isinstance(item, list | tuple):
            children = item
        else:
            _check_scalar(item)
            continue
        if depth >= MAX_JSON_DEPTH:
            raise InvalidInput(tr("The data is nested too deeply to be saved."))
        stack.extend((child, depth + 1) for child in children)


def check_parameters(parameters: Any) -> None:
    """The bound parameters of one statement (a mapping, a sequence, or many of them)."""
    if isinstance(parameters, Mapping):
        for value in parameters.values():
            check_value(value)
    elif isinstance(parameters, list | tuple):
        for value in parameters:
            check_value(value)


def json_serializer(value: Any) -> str:
    check_value(value)
    return json.dumps(value)
