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
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

import regex

# Unicode's default-ignorable code points (DerivedCoreProperties.txt,
# Default_Ignorable_Code_Point) render as nothing: zero-width and
# bidirectional controls, the Hangul fillers (U+115F, U+1160, U+3164, U+FFA0),
# tag characters. They can hide what a link really is (``bit\u200b.ly``,
# ``city\u3164.example``) or reorder what the reader sees. The braille blank
# U+2800 is not default-ignorable but shows as a blank all the same.
# ``tests/core/checks/test_normalize.py`` compares the ranges with the
# ``regex`` module's \p{Default_Ignorable_Code_Point}.
_INVISIBLE_RANGES = (
    (0x00AD, 0x00AD),
    (0x034F, 0x034F),
    (0x061C, 0x061C),
    (0x115F, 0x1160),
    (0x17B4, 0x17B5),
    (0x180B, 0x180F),
    (0x200B, 0x200F),
    (0x202A, 0x202E),
    (0x2060, 0x206F),
    (0x2800, 0x2800),
    (0x3164, 0x3164),
    (0xFEFF, 0xFEFF),
    (0xFFA0, 0xFFA0),
    (0xFFF0, 0xFFF8),
    (0x1BCA0, 0x1BCA3),
    (0x1D173, 0x1D17A),
    (0xE0000, 0xE00FF),
    (0xE01F0, 0xE0FFF),
)
INVISIBLE_CHARACTERS = frozenset(chr(c) for low, high in _INVISIBLE_RANGES for c in range(low, high + 1))
# Removed from the normalised copy too, but not reported: variation selectors
# are legitimate in emoji and in kanji variants (IVS, U+E0100..U+E01EF).
_IGNORED_RANGES = ((0xFE00, 0xFE0F), (0xE0100, 0xE01EF))
_IGNORED_CHARACTERS = frozenset(chr(c) for low, high in _IGNORED_RANGES for c in range(low, high + 1))
_DROPPED = INVISIBLE_CHARACTERS | _IGNORED_CHARACTERS


def _char_class(ranges: tuple[tuple[int, int], ...]) -> str:
    return "".join(f"\\U{low:08x}-\\U{high:08x}" for low, high in ranges)


_INVISIBLE_CLASS = _char_class(_INVISIBLE_RANGES)
_DROPPED_CLASS = _INVISIBLE_CLASS + _char_class(_IGNORED_RANGES)

# Characters verified NFKC-stable and never composing with a neighbour
# (``tests/core/checks/test_normalize.py`` re-verifies every one).
_SAFE_RANGES = (
    "\t\n\r\x20-\x7e"
    "\u3001-\u3002\u3005-\u3007\u3008-\u3011\u3014-\u301b\u301c"
    "\u3041-\u3096\u30a1-\u30fa\u30fc-\u30fe"
    "\u3400-\u4dbf\u4e00-\u9fff"
)
# The standard library's engine: three times faster than ``regex`` on this one class, scanned over the
# whole text on every check (tests/bench/bench_checks.py).
_UNSAFE_RUN = re.compile(f"[^{_SAFE_RANGES}]+")


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
    r"[\p{M}\u1100-\u11ff\u3130-\u318f\uffa0-\uffdc\uff9e\uff9f" + _DROPPED_CLASS + "]"
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


def _fold(match: re.Match[str]) -> str:
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

    A zero-width joiner inside an emoji sequence (👨‍👩‍👧) and the tag characters
    of a subdivision flag (🏴 + tags + cancel tag) are how those emoji are
    written, not hidden characters, so they are left out.
    """
    spans: list[tuple[int, int]] = []
    for match in _INVISIBLE_RUN.finditer(text):
        start, end = match.span()
        if text[start:end] == "\u200d" and _is_emoji_joiner(text, start):
            continue
        if _is_flag_tags(text, start, end):
            continue
        spans.append((start, end))
    return spans


# The standard library's engine scans a class of plain ranges faster than ``regex``.
_INVISIBLE_RUN = re.compile("[" + _INVISIBLE_CLASS + "]+")
_PICTOGRAPHIC = regex.compile(r"[\p{Extended_Pictographic}\p{Emoji_Modifier}\ufe0f]")


def _is_emoji_joiner(text: str, index: int) -> bool:
    before = text[index - 1] if index > 0 else ""
    after = text[index + 1] if index + 1 < len(text) else ""
    return bool(before and after and _PICTOGRAPHIC.match(before) and _PICTOGRAPHIC.match(after))


def _is_flag_tags(text: str, start: int, end: int) -> bool:
    run = text[start:end]
    return (
        start > 0
        and text[start - 1] == "\U0001f3f4"
        and run.endswith("\U000e007f")
        and all("\U000e0020" <= ch <= "\U000e007f" for ch in run)
    )
