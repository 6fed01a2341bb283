"""Word lists for the ``content.lexicon.<category>`` rules.

The shipped lists are ``resources/rules/lexicon/<category>.txt``: one entry
per line; a line starting with ``# `` is a comment, ``#PR`` is a hashtag.
Organizations add and remove entries through
:class:`core.checks.config.CheckConfig`, in the same format.

Two kinds of entry (``resources/rules/README.md`` explains them to
administrators):

- a plain phrase (``今なら半額``) is found as written, after NFKC and case
  folding, on every keystroke. All phrases are compiled into one regular
  expression so the text is scanned once, whatever the number of words;
- a word rule, starting with ``~`` (``~私個人…反対 !賛成多数``), is matched on
  morphemes (SudachiPy's normalized forms), so spelling variants,
  okurigana and conjugations match too (``~応援してください`` finds
  おうえんして下さい); ``…`` allows a gap of a few morphemes within a sentence,
  and each `` !word`` is negative context: the entry does not fire in a post
  that contains that word (an election notice is not campaigning). Word rules
  run in the analysis tier with the person-name check
  (:mod:`core.checks.morphemes`).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from core.checks.config import CheckConfig, normalize_word
from core.runtime.resources import resource_path

BUILTIN_CATEGORIES = (
    "illegal",
    "personal_opinion",
    "rights",
    "defamation",
    "discrimination",
    "political",
    "religious",
    "commercial",
    "obscene",
    "rumour",
    "confidential",
)


def _read_list(category: str) -> tuple[str, ...]:
    path = resource_path("rules", "lexicon", f"{category}.txt")
    words: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        stripped = line.strip()
        # "# " starts a comment; "#PR" (no space) is a hashtag to look for.
        if not stripped or stripped == "#" or stripped.startswith("# "):
            continue
        word = normalize_word(stripped)
        if word and word not in words:
            words.append(word)
    return tuple(words)


@functools.cache
def builtin_lexicons() -> dict[str, tuple[str, ...]]:
    """The shipped word lists by category (normalised)."""
    return {category: _read_list(category) for category in BUILTIN_CATEGORIES}


def effective_lexicons(config: CheckConfig) -> dict[str, tuple[str, ...]]:
    """Shipped lists with the organization's additions and removals applied
    (including categories the organization created)."""
    result: dict[str, tuple[str, ...]] = {}
    categories = list(BUILTIN_CATEGORIES) + sorted(set(config.lexicon_added) - set(BUILTIN_CATEGORIES))
    for category in categories:
        removed = set(config.lexicon_removed.get(category, ()))
        words = [w for w in builtin_lexicons().get(category, ()) if w not in removed]
        words += [w for w in config.lexicon_added.get(category, ()) if w not in removed and w not in words]
        result[category] = tuple(words)
    return result


@dataclass(frozen=True)
class LexiconMatch:
    start: int
    end: int
    category: str
    word: str


WORD_RULE_MARK = "~"


def is_word_rule(entry: str) -> bool:
    """Whether a list entry is a word rule on morphemes (``~…``) rather than a phrase."""
    return entry.startswith(WORD_RULE_MARK)


class LexiconMatcher:
    """Finds every listed phrase in normalised text, longest first at a position
    (word rules, ``~…``, are :class:`core.checks.word_rules.WordRuleMatcher`'s)."""

    def __init__(self, lexicons: Mapping[str, tuple[str, ...]]) -> None:
        self._category: dict[str, str] = {}
        # A phrase may carry negative context too (``無断転載 !ご遠慮``): not in a post containing it.
        self._negatives: dict[str, tuple[str, ...]] = {}
        for category, words in lexicons.items():
            for entry in words:
                if is_word_rule(entry):
                    continue
                word, *negatives = (part.strip() for part in entry.split(" !"))
                if word:
                    self._category.setdefault(word, category)
                    if negatives:
                        self._negatives[word] = tuple(n for n in negatives if n)
        # One trie-shaped pattern for all words: the standard library's engine
        # walks a literal trie several times faster than ``regex`` or a flat
        # alternation of hundreds of words. Whole-word boundaries for ASCII
        # words are checked after matching.
        # Words with ASCII letters need case-insensitive matching, which is
        # slow on a trie, so they get a small pattern of their own.
        cased = [w for w in self._category if any(c.isascii() and c.isalpha() for c in w)]
        uncased = [w for w in self._category if w not in set(cased)]
        self._patterns = [
            re.compile(_trie_pattern(words), flags)
            for words, flags in ((uncased, re.NOFLAG), (cased, re.IGNORECASE))
            if words
        ]

    def find(self, text: str) -> list[LexiconMatch]:
        matches = []
        folded = text.casefold() if self._negatives else text
        # Each negative context is looked for once per text, not once per match (that was quadratic).
        seen: dict[str, bool] = {}

        def _occurs(negative: str) -> bool:
            if negative not in seen:
                seen[negative] = negative in folded
            return seen[negative]

        found = (m for pattern in self._patterns for m in pattern.finditer(text))
        for match in found:
            word: str = match.group().casefold()
            category = self._category.get(word)
            if category is None:  # case folding changed the length; find it the slow way
                category = next((c for w, c in self._category.items() if w == normalize_word(word)), None)
            if category is None or not _bounded_ok(text, match.start(), match.end()):
                continue
            if any(_occurs(n) for n in self._negatives.get(word, ())):
                continue
            matches.append(LexiconMatch(match.start(), match.end(), category, match.group()))
        return sorted(matches, key=lambda m: m.start)


def _is_ascii_alnum(char: str) -> bool:
    return char.isascii() and char.isalnum()


def _bounded_ok(text: str, start: int, end: int) -> bool:
    """ASCII words match whole words only (``#ad`` must not match ``#address``)."""
    if _is_ascii_alnum(text[start]) and start > 0 and _is_ascii_alnum(text[start - 1]):
        return False
    return not (_is_ascii_alnum(text[end - 1]) and end < len(text) and _is_ascii_alnum(text[end]))


def _trie_pattern(words: list[str]) -> str:
    """One pattern matching any of ``words``, longest first, shaped as a trie."""
    trie: dict[str, Any] = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _node_pattern(trie)


def _node_pattern(node: dict[str, Any]) -> str:
    ends_here = "" in node
    branches = [re.escape(char) + _node_pattern(child) for char, child in sorted(node.items()) if char]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if ends_here:  # a shorter word ends here; prefer the longer one (greedy ?)
        return "(?:" + body + ")?"
    return body
