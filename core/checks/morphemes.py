"""Morphological analysis (SudachiPy, sudachidict-core), shared by the rules that need it.

The analysis is the slowest part of a check (about 1 ms per 1,000 characters
on the CI machine, plus loading the dictionary once), so the rules that read
morphemes (person names, word rules on morphemes) form the *analysis tier*:
:func:`core.checks.engine.check_person_names` runs them on a worker thread
while the keystroke tier stays within its few milliseconds.

Text is analysed in chunks cut after a sentence end, a line break or a space
(SudachiPy's time per character grows with the length of one call, and it
rejects very long inputs), and each chunk's morphemes are cached: while the
operator types, only the chunk being edited is analysed again.

The dictionary is loaded lazily, once, under a lock; each thread gets its own
tokenizer because a SudachiPy tokenizer keeps per-call state.
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import regex

_CHUNK = 512
_CUTS = "\n。！？!?．. \u3000、，,"

_load_lock = threading.Lock()
_dictionary: Any = None
_local = threading.local()


@dataclass(frozen=True)
class Morpheme:
    """One morpheme at ``[start, end)`` of the analysed text.

    ``normalized`` is Sudachi's normalized form, the same for spelling
    variants (見積り → 見積もり, おうえん → 応援, 下さい → 下さる); ``pos`` its
    part of speech (``("名詞", "固有名詞", "人名", "姓", "*", "*")``)."""

    start: int
    end: int
    surface: str
    normalized: str
    pos: tuple[str, ...]

    @property
    def is_person_name(self) -> bool:
        return self.pos[1] == "固有名詞" and self.pos[2] == "人名"

    @property
    def is_place_name(self) -> bool:
        return self.pos[1] == "固有名詞" and self.pos[2] == "地名"


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


def chunks(text: str) -> Iterator[tuple[int, str]]:
    start = 0
    while start < len(text):
        end = min(len(text), start + _CHUNK)
        if end < len(text):
            cut = max(text.rfind(ch, start + _CHUNK // 2, end) for ch in _CUTS)
            if cut > start:
                end = cut + 1
        yield start, text[start:end]
        start = end


@functools.lru_cache(maxsize=512)
def _analyse_chunk_cached(chunk: str) -> tuple[tuple[int, int, str, str, tuple[str, ...]], ...]:
    return tuple(
        (m.begin(), m.end(), m.surface(), m.normalized_form(), tuple(m.part_of_speech()))
        for m in _tokenizer().tokenize(chunk)
    )


_SURROGATE = regex.compile(r"[\ud800-\udfff]")


def analyse(text: str) -> tuple[Morpheme, ...]:
    """The morphemes of ``text`` (normalised text, as the rules see it), in order."""
    result: list[Morpheme] = []
    # SudachiPy takes UTF-8: a lone surrogate (pasted from a broken file) is replaced
    # one for one, so the offsets still point into ``text``.
    text = _SURROGATE.sub("\ufffd", text)
    for offset, chunk in chunks(text):
        for start, end, surface, normalized, pos in _analyse_chunk_cached(chunk):
            result.append(Morpheme(offset + start, offset + end, surface, normalized, pos))
    return tuple(result)


def normalized_forms(phrase: str) -> tuple[str, ...]:
    """A phrase as the sequence of its morphemes' normalized forms (for word rules)."""
    return tuple(m.normalized for m in analyse(phrase) if m.normalized.strip())
