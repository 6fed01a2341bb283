"""NFKC normalisation with invisible characters removed, mapped back to the original.

The rules look for ``ｂｉｔ．ｌｙ`` and ``bit.ly`` alike, and for ``０３－…`` like
``03-…``, so they work on a normalised copy of the draft. Findings must point
into the text the operator typed, so every code point of the normalised copy
remembers the ``[start, end)`` range of the original it came from.

Speed matters (this runs on every keystroke): runs of characters that NFKC
leaves alone and that cannot combine with a neighbour (ASCII, kana, common
kanji, Japanese punctuation) are copied in one slice; only the rest is
normalised piece by piece.
"""

from __future__ import annotations

import functools
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

import regex

# Zero-width and bidirectional control characters: invisible, and able to hide
# what a link really is (``bit\u200b.ly``) or reorder what the reader sees.
INVISIBLE_CHARACTERS = frozenset(
    "\u00ad\u061c\u180e\u200b\u200c\u200d\u200e\u200f"
    "\u202a\u202b\u202c\u202d\u202e\u2060\u2061\u2062\u2063\u2064"
    "\u2066\u2067\u2068\u2069\ufeff"
)
# Removed from the normalised copy too, but not reported: variation selectors
# are legitimate in emoji and kanji variants.
_IGNORED_CHARACTERS = frozenset(chr(c) for c in range(0xFE00, 0xFE10))
_DROPPED = INVISIBLE_CHARACTERS | _IGNORED_CHARACTERS

# Characters verified NFKC-stable and never composing with a neighbour
# (``tests/core/checks/test_normalize.py`` re-verifies every one).
_SAFE_RANGES = (
    "\t\n\r\x20-\x7e"
    "\u3001-\u3002\u3005-\u3007\u3008-\u3011\u3014-\u301b\u301c"
    "\u3041-\u3096\u30a1-\u30fa\u30fc-\u30fe"
    "\u3400-\u4dbf\u4e00-\u9fff"
)
_UNSAFE_RUN = regex.compile(f"[^{_SAFE_RANGES}]+")


@dataclass(frozen=True)
class NormalizedText:
    """``text`` (normalised) plus, per code point, the original range it came from."""

    original: str
    text: str
    starts: Sequence[int]
    ends: Sequence[int]

    def span_to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map ``[start, end)`` of the normalised text to the original text."""
        if not self.text:
            return (0, 0)
        start = max(0, min(start, len(self.text) - 1))
        end = max(start + 1, min(end, len(self.text)))
        return (self.starts[start], self.ends[end - 1])


def _segments(run: str) -> list[tuple[int, int]]:
    """Split ``run`` into pieces that NFKC can normalise independently: a starter
    followed by its combining marks (voiced-sound marks included)."""
    pieces: list[tuple[int, int]] = []
    start = 0
    for i in range(1, len(run)):
        if unicodedata.combining(run[i]) == 0:
            pieces.append((start, i))
            start = i
    if run:
        pieces.append((start, len(run)))
    return pieces


# Characters that may compose with a neighbour under NFKC (combining marks,
# Hangul jamo, half-width voiced-sound marks) or that are dropped. While a text
# has none of them, NFKC works character by character, so when it also keeps
# the length, every character maps to itself.
_COMPOSING_OR_DROPPED = regex.compile(
    r"[\p{M}\u1100-\u11ff\u3130-\u318f\uffa0-\uffdc\uff9e\uff9f" + "".join(sorted(_DROPPED)) + "]"
)


@functools.lru_cache(maxsize=4096)
def _fold_run(run: str) -> str | None:
    """NFKC of a run of non-safe characters, or ``None`` when the run needs the
    careful path (it may compose with a neighbour, holds dropped characters,
    or changes length)."""
    if _COMPOSING_OR_DROPPED.search(run):
        return None
    folded = unicodedata.normalize("NFKC", run)
    return folded if len(folded) == len(run) else None


class _NeedsPiecewise(Exception):
    pass


def _fold(match: regex.Match[str]) -> str:
    folded = _fold_run(match.group())
    if folded is None:
        raise _NeedsPiecewise
    return folded


def normalize(original: str) -> NormalizedText:
    """NFKC-normalise ``original`` and drop invisible characters, keeping the mapping.

    Fast path: when every non-safe run folds to the same length without
    composing, each character maps to itself and the mapping is two ranges.
    """
    try:
        folded = _UNSAFE_RUN.sub(_fold, original)
    except _NeedsPiecewise:
        return _normalize_piecewise(original)
    return NormalizedText(original, folded, range(len(original)), range(1, len(original) + 1))


def _normalize_piecewise(original: str) -> NormalizedText:
    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    pos = 0
    for match in _UNSAFE_RUN.finditer(original):
        run_start, run_end = match.span()
        # A leading combining mark composes with the safe character before it.
        if run_start > pos and unicodedata.combining(original[run_start]) != 0:
            run_start -= 1
        if run_start > pos:
            out.append(original[pos:run_start])
            starts.extend(range(pos, run_start))
            ends.extend(range(pos + 1, run_start + 1))
        run = original[run_start:run_end]
        for seg_start, seg_end in _segments(run):
            piece = run[seg_start:seg_end]
            if any(ch in _DROPPED for ch in piece):
                piece = "".join(ch for ch in piece if ch not in _DROPPED)
                if not piece:
                    continue
            normalized = unicodedata.normalize("NFKC", piece)
            out.append(normalized)
            starts.extend([run_start + seg_start] * len(normalized))
            ends.extend([run_start + seg_end] * len(normalized))
        pos = run_end
    if pos < len(original):
        out.append(original[pos:])
        starts.extend(range(pos, len(original)))
        ends.extend(range(pos + 1, len(original) + 1))
    return NormalizedText(original, "".join(out), starts, ends)


def invisible_character_spans(text: str) -> list[tuple[int, int]]:
    """Runs of invisible characters in ``text`` (original offsets).

    A zero-width joiner inside an emoji sequence (👨‍👩‍👧) is how those emoji are
    written, not a hidden character, so it is left out.
    """
    spans: list[tuple[int, int]] = []
    for match in _INVISIBLE_RUN.finditer(text):
        start, end = match.span()
        if text[start:end] == "\u200d" and _is_emoji_joiner(text, start):
            continue
        spans.append((start, end))
    return spans


_INVISIBLE_RUN = regex.compile("[" + "".join(sorted(INVISIBLE_CHARACTERS)) + "]+")
_PICTOGRAPHIC = regex.compile(r"[\p{Extended_Pictographic}\p{Emoji_Modifier}\ufe0f]")


def _is_emoji_joiner(text: str, index: int) -> bool:
    before = text[index - 1] if index > 0 else ""
    after = text[index + 1] if index + 1 < len(text) else ""
    return bool(before and after and _PICTOGRAPHIC.match(before) and _PICTOGRAPHIC.match(after))
