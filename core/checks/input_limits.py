"""What the checks accept as input, and the characters no draft may hold.

``app.py check`` reads files that anyone may hand it, so its input is bounded
before any rule runs: at most :data:`MAX_CHECK_CHARACTERS` characters of text
(far above every platform's limit, Facebook's 63,206 being the longest, and
low enough that a check finishes in a few seconds on a 2-core office PC) and
at most :data:`MAX_DRAFT_FILE_BYTES` bytes of file (JSON may spell one
character as a twelve-byte surrogate-pair escape).

NUL and lone surrogates are refused everywhere: PostgreSQL cannot store NUL
in text, a lone surrogate cannot be encoded as UTF-8 at all, and no platform
would accept either, so a draft holding them could never be saved or posted.
"""

from __future__ import annotations

import re

from core.errors import InvalidInput
from core.i18n import tr

MAX_CHECK_CHARACTERS = 1_000_000
MAX_DRAFT_FILE_BYTES = 16 * 1024 * 1024
# Python's own limit on converting digits to int (sys.get_int_max_str_digits()).
MAX_INTEGER_DIGITS = 4300

_UNSTORABLE = re.compile("[\x00\ud800-\udfff]")


def first_unstorable(text: str) -> int | None:
    """The index of the first NUL or lone surrogate in ``text``, else ``None``."""
    found = _UNSTORABLE.search(text)
    return found.start() if found else None


def describe_character(char: str) -> str:
    """``U+0000`` style name of a character, safe to print (never the character itself)."""
    return f"U+{ord(char):04X}"


class TextTooLong(InvalidInput):
    """A text above :data:`MAX_CHECK_CHARACTERS`: refused before any rule runs."""


def check_input_size(text: str) -> None:
    """Refuse a text the checks would take too long on (every caller: the CLI, the composer, the gate).

    Every rule is linear in the text, so the cap bounds the time of a check:
    a few seconds at the cap on a 2-core office PC.
    """
    if len(text) > MAX_CHECK_CHARACTERS:
        raise TextTooLong(
            tr("The text has {count} characters; the checks accept at most {limit}. Shorten it first.").format(
                count=f"{len(text):,}", limit=f"{MAX_CHECK_CHARACTERS:,}"
            )
        )
