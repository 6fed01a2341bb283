"""``pii.person_name``: personal names found by SudachiPy (sudachidict-core).

Morphological analysis is the slowest check (tens of milliseconds for a long
draft, plus loading the dictionary once), so it is separate from
:func:`core.checks.engine.run_checks`: the GUI calls
:func:`check_person_names` on a worker thread after typing pauses and merges
the findings; the CLI runs everything.

The dictionary is loaded lazily, once, under a lock; each thread gets its own
tokenizer because a SudachiPy tokenizer keeps per-call state.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from core.checks.context import CheckContext, Hit
from core.checks.normalize import normalize

# SudachiPy rejects very long inputs, and its time per character grows with
# the length of one call (measured on this machine: 2.7 µs/char in 250-char
# calls, 12.5 µs/char in 4,000-char calls of number-heavy text). Short chunks
# keep the whole analysis linear; they are cut after a line break, a
# sentence end or a space so that a name is not split between two chunks.
_CHUNK = 512
_CUTS = "\n。！？!?．. \u3000、，,"

_load_lock = threading.Lock()
_dictionary: Any = None
_local = threading.local()


@dataclass(frozen=True)
class NameSpan:
    """A name at ``[start, end)`` of the ORIGINAL text."""

    start: int
    end: int
    surface: str


def _tokenizer() -> Any:
    global _dictionary
    tokenizer = getattr(_local, "tokenizer", None)
    if tokenizer is not None:
        return tokenizer
    with _load_lock:
        if _dictionary is None:
            from sudachipy import Dictionary

            _dictionary = Dictionary(dict="core")
    from sudachipy import SplitMode

    tokenizer = _dictionary.tokenizer(mode=SplitMode.C)
    _local.tokenizer = tokenizer
    return tokenizer


def warm_up() -> None:
    """Load the dictionary now (e.g. on a worker thread at start-up)."""
    _tokenizer()


def _chunks(text: str) -> Iterator[tuple[int, str]]:
    start = 0
    while start < len(text):
        end = min(len(text), start + _CHUNK)
        if end < len(text):
            cut = max(text.rfind(ch, start + _CHUNK // 2, end) for ch in _CUTS)
            if cut > start:
                end = cut + 1
        yield start, text[start:end]
        start = end


def _name_spans_normalized(text: str) -> list[tuple[int, int]]:
    """Spans of names in ``text``; a family name followed by a given name is one span."""
    spans: list[tuple[int, int]] = []
    tokenizer = _tokenizer()
    for offset, chunk in _chunks(text):
        for morpheme in tokenizer.tokenize(chunk):
            pos = morpheme.part_of_speech()
            if pos[1] != "固有名詞" or pos[2] != "人名":
                continue
            start, end = offset + morpheme.begin(), offset + morpheme.end()
            if spans and spans[-1][1] == start:
                spans[-1] = (spans[-1][0], end)
            else:
                spans.append((start, end))
    # A lone one-character "name" is mostly noise (光, 誠 as ordinary words).
    return [(s, e) for s, e in spans if e - s >= 2]


def find_person_names(text: str) -> list[NameSpan]:
    """Names in ``text`` with spans in the original text (thread-safe)."""
    normalized = normalize(text)
    names = []
    for start, end in _name_spans_normalized(normalized.text):
        o_start, o_end = normalized.span_to_original(start, end)
        names.append(NameSpan(o_start, o_end, text[o_start:o_end]))
    return names


def check_person_name_hits(ctx: CheckContext) -> Iterator[Hit]:
    for start, end in _name_spans_normalized(ctx.text):
        yield Hit("pii.person_name", start, end, params={"word": ctx.text[start:end]})
