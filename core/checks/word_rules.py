"""Word rules: list entries matched on morphemes instead of substrings.

An entry ``~私個人…反対 !賛成多数`` (format: ``resources/rules/README.md``)
becomes a sequence of segments, each a run of Sudachi normalized forms
(``私 個人``, ``反対``), with gaps of at most :data:`GAP` morphemes between
segments inside one sentence, and negative context (``賛成多数``): the entry
does not fire in a post where the negative context occurs (as morphemes or as
written).

Matching is linear in the number of morphemes: entries are indexed by their
first normalized form, and each candidate is tried over a bounded window.
Entries are compiled with the analyser, so lazily, on the first analysis-tier
check that needs them.
"""

from __future__ import annotations

import threading
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from core.checks.lexicon import WORD_RULE_MARK, is_word_rule
from core.checks.morphemes import Morpheme, normalized_forms

GAP = 10
_GAP_MARKS = ("...", "…", "・・・")
_SENTENCE_ENDS = frozenset("。！？!?\n")

Forms = tuple[str, ...]


@dataclass(frozen=True)
class WordRule:
    category: str
    entry: str  # as listed, for the message
    segments: tuple[Forms, ...]
    negatives: tuple[Forms, ...]
    negative_texts: tuple[str, ...]


@dataclass(frozen=True)
class WordRuleMatch:
    start: int
    end: int
    category: str
    word: str


def _forms(text: str) -> Forms:
    return tuple(f.casefold() for f in normalized_forms(text))


def parse_word_rule(category: str, entry: str) -> WordRule | None:
    """``~pattern !neg !neg`` → a :class:`WordRule`; ``None`` when nothing is left to match."""
    body = entry[len(WORD_RULE_MARK) :] if entry.startswith(WORD_RULE_MARK) else entry
    pattern, *negatives = (part.strip() for part in body.split(" !"))
    for mark in _GAP_MARKS[1:]:
        pattern = pattern.replace(mark, _GAP_MARKS[0])
    segments = tuple(f for f in (_forms(part) for part in pattern.split(_GAP_MARKS[0])) if f)
    if not segments:
        return None
    negative_texts = tuple(n.casefold() for n in negatives if n)
    negative_forms = tuple(_forms(n) for n in negative_texts)
    return WordRule(category, pattern, segments, negative_forms, negative_texts)


class WordRuleMatcher:
    """All word rules of the effective lists; compiled on first use (thread-safe)."""

    def __init__(self, lexicons: Mapping[str, tuple[str, ...]]) -> None:
        self._entries = [(c, w) for c, words in lexicons.items() for w in words if is_word_rule(w)]
        self._index: dict[str, list[WordRule]] | None = None
        self._lock = threading.Lock()

    def __bool__(self) -> bool:
        return bool(self._entries)

    def _compiled(self) -> dict[str, list[WordRule]]:
        with self._lock:
            if self._index is None:
                index: dict[str, list[WordRule]] = {}
                for category, entry in self._entries:
                    rule = parse_word_rule(category, entry)
                    if rule is not None:
                        index.setdefault(rule.segments[0][0], []).append(rule)
                self._index = index
            return self._index

    def find(self, text: str, morphemes: Sequence[Morpheme]) -> list[WordRuleMatch]:
        if not self._entries:
            return []
        index = self._compiled()
        forms = [m.normalized.casefold() for m in morphemes]
        negatives = _Negatives(text.casefold(), forms)
        found: list[WordRuleMatch] = []
        for i, form in enumerate(forms):
            for rule in index.get(form, ()):
                end = _match(rule.segments, forms, morphemes, i)
                if end is not None and not negatives.any(rule):
                    found.append(WordRuleMatch(morphemes[i].start, morphemes[end - 1].end, rule.category, rule.entry))
        return found


def _run_at(segment: Forms, forms: Sequence[str], i: int) -> bool:
    return tuple(forms[i : i + len(segment)]) == segment


def _segment_at(segment: Forms, forms: Sequence[str], morphemes: Sequence[Morpheme], i: int) -> bool:
    """Whether ``segment`` matches the morphemes from ``i``. A noun compound counts
    as its head noun (販売中 for 販売, 配布物 for 配布): Sudachi's long units would
    otherwise hide the word."""
    if i + len(segment) > len(forms):
        return False
    for k, wanted in enumerate(segment):
        form = forms[i + k]
        if form == wanted:
            continue
        if len(wanted) < 2 or not form.startswith(wanted) or morphemes[i + k].pos[0] != "名詞":
            return False
    return True


def _match(segments: tuple[Forms, ...], forms: Sequence[str], morphemes: Sequence[Morpheme], i: int) -> int | None:
    """The end (exclusive morpheme index) of ``segments`` matched from ``i``, or ``None``.

    The first word must match exactly (the index found it); later segments are
    looked for within :data:`GAP` morphemes, never across a sentence end."""
    first = segments[0]
    if len(first) > 1 and not _segment_at(first[1:], forms, morphemes, i + 1):
        return None
    end = i + len(first)
    for segment in segments[1:]:
        head = segment[0]
        found = None
        for j in range(end, min(len(forms), end + GAP + 1)):
            # A cheap test of the first word before the segment's own.
            if forms[j].startswith(head) and _segment_at(segment, forms, morphemes, j):
                found = j
                break
            if morphemes[j].surface in _SENTENCE_ENDS:
                break
        if found is None:
            return None
        end = found + len(segment)
    return end


class _Negatives:
    """Whether a rule's negative context occurs in the post (cached per context).

    The positions of each normalized form are indexed once, so checking a
    negative costs its occurrences, not a scan of the post."""

    def __init__(self, text: str, forms: Sequence[str]) -> None:
        self._text = text
        self._forms = forms
        self._positions: dict[str, list[int]] | None = None
        self._seen: dict[Forms, bool] = {}
        self._text_seen: dict[str, bool] = {}

    def _occurs(self, negative: Forms) -> bool:
        if negative not in self._seen:
            if self._positions is None:
                self._positions = {}
                for i, form in enumerate(self._forms):
                    self._positions.setdefault(form, []).append(i)
            starts = self._positions.get(negative[0], []) if negative else []
            self._seen[negative] = any(_run_at(negative, self._forms, i) for i in starts)
        return self._seen[negative]

    def _written(self, negative: str) -> bool:
        # Once per text, not once per match: a substring search of the whole post each time was quadratic.
        if negative not in self._text_seen:
            self._text_seen[negative] = negative in self._text
        return self._text_seen[negative]

    def any(self, rule: WordRule) -> bool:
        return any(self._written(t) for t in rule.negative_texts) or any(self._occurs(n) for n in rule.negatives)
