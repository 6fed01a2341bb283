"""Does a handle or display name pose as one of ours? (wako:5-impersonation, joso:6(4))

Impersonators copy an official account's name with characters that look the
same: ``cíty`` for ``city``, ``sampIe`` (capital i) for ``sample``, full-width
``ｃｉｔｙ``, Cyrillic ``с`` for Latin ``c``, ``rn`` for ``m``. Both sides are
reduced to a *skeleton* in the spirit of Unicode's UTS #39 — NFKC (full-width
and compatibility forms), case folding, accents removed, look-alike letters
mapped to one representative — and then compared by edit distance
(RapidFuzz's Levenshtein), so one added or dropped letter is still caught.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from rapidfuzz.distance import Levenshtein

# Look-alikes to one representative. Multi-letter sequences first (they are replaced before
# single letters). Kept small and explicit: each pair is one that impersonators use.
_SEQUENCES = (("rn", "m"), ("vv", "w"), ("cl", "d"))
_LETTERS = str.maketrans(
    {
        "1": "l",
        "i": "l",
        "|": "l",
        "!": "l",
        "0": "o",
        "5": "s",
        "$": "s",
        "@": "a",
        # Cyrillic and Greek letters that render like Latin ones (case-folded forms).
        "а": "a",
        "е": "e",
        "о": "o",
        "р": "p",
        "с": "c",
        "х": "x",
        "у": "y",
        "і": "l",
        "ј": "j",
        "ѕ": "s",
        "ԁ": "d",
        "ο": "o",
        "α": "a",
        "ι": "l",
        "κ": "k",
        "ν": "v",
        "τ": "t",
    }
)
# Separators people drop or swap when copying a handle.
_IGNORED = set("._-_ 　・")


def skeleton(value: str) -> str:
    """The form two look-alike names share: ``skeleton("＠Cíty_Wako") == skeleton("@city.wak0")``."""
    text = unicodedata.normalize("NFKC", value).casefold()
    text = "".join(ch for ch in unicodedata.normalize("NFD", text) if not unicodedata.combining(ch))
    text = text.lstrip("@")
    text = "".join(ch for ch in text if ch not in _IGNORED)
    for sequence, replacement in _SEQUENCES:
        text = text.replace(sequence, replacement)
    return text.translate(_LETTERS)


@dataclass(frozen=True)
class Match:
    official: str  # the official handle or name it resembles
    distance: int  # edits between the skeletons (0: looks identical)
    exact: bool  # the very same string (the official account itself, or a re-post of its name)


def resembles(candidate: str, official: str, *, max_distance: int | None = None) -> Match | None:
    """``Match`` when ``candidate`` looks like ``official``; ``None`` otherwise.

    The allowed distance grows with the name's length: one edit for short
    names, two from 8 characters of skeleton on (``city-wako`` vs ``citywak0``).
    """
    a, b = skeleton(candidate), skeleton(official)
    if not a or not b:
        return None
    limit = max_distance if max_distance is not None else (1 if len(b) < 8 else 2)
    distance = Levenshtein.distance(a, b, score_cutoff=limit)
    if distance > limit:
        return None
    return Match(official, distance, candidate == official)
