"""Counting a draft's length the way each platform counts it.

X uses twitter-text's weighted length (configuration v3, shipped in
``resources/rules/twitter-text/`` with its Apache-2.0 licence): the text is
NFC-normalised, every URL counts 23, every emoji sequence counts 2, code
points in the configured ranges (Latin, general punctuation …) count 1 and
all others (kana, kanji, full-width forms) count 2. The implementation passes
every weighted-length case of twitter-text's conformance suite
(``tests/core/checks/test_length.py``).

The counters avoid Python-level loops over characters: a keystroke must not
cost more than a few milliseconds even for long drafts.
"""

from __future__ import annotations

import functools
import itertools
import json
import re
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass

import regex

from core.checks.urls import Link, find_links
from core.platforms.facts import Counting, Platform
from core.runtime.resources import resource_path

MASTODON_URL_LENGTH = 23


@functools.lru_cache(maxsize=4)
def counted_links(text: str, *, twitter_compat: bool) -> tuple[Link, ...]:
    """The links a count skips (X's, or Mastodon's written with a scheme), found once per text.

    A check counts the draft and, when it is too long, walks it again to the overflow point: the same
    links both times (a third of the check of a long X draft was finding them twice).
    """
    if twitter_compat:
        return tuple(find_links(text, twitter_compat=True))
    return tuple(find_links(text, include_schemeless=False))


@dataclass(frozen=True)
class TwitterConfig:
    max_weighted_length: int
    scale: int
    default_weight: int
    transformed_url_length: int
    emoji_parsing: bool
    light_pattern: re.Pattern[str]  # the runs of characters outside the light ranges
    light_weight: int


@functools.cache
def twitter_config() -> TwitterConfig:
    """twitter-text configuration v3 from ``resources/rules/twitter-text/config-v3.json``."""
    data = json.loads(resource_path("rules", "twitter-text", "config-v3.json").read_text("utf-8"))
    ranges = data["ranges"]
    weights = {int(r["weight"]) for r in ranges}
    if len(weights) != 1:  # v3 has one weight for all ranges; keep the fast path honest
        raise ValueError("twitter-text ranges with different weights are not supported")
    char_class = "".join(f"\\U{int(r['start']):08x}-\\U{int(r['end']):08x}" for r in ranges)
    return TwitterConfig(
        max_weighted_length=int(data["maxWeightedTweetLength"]),
        scale=int(data["scale"]),
        default_weight=int(data["defaultWeight"]),
        transformed_url_length=int(data["transformedURLLength"]),
        emoji_parsing=bool(data["emojiParsingEnabled"]),
        # The standard library's engine: three times faster than ``regex`` on a class of ranges.
        light_pattern=re.compile(f"[^{char_class}]+"),
        light_weight=weights.pop(),
    )


# An emoji as twitter-text counts it: flags, keycaps, tag sequences (🏴󠁧󠁢󠁥󠁮󠁧󠁿),
# modifier and ZWJ sequences, and pictographs shown as emoji.
_EMOJI_ELEMENT = (
    r"(?:\p{Emoji_Modifier_Base}\p{Emoji_Modifier}"
    r"|\p{Emoji_Presentation}\ufe0f?"
    r"|\p{Extended_Pictographic}\ufe0f)"
)
EMOJI_SEQUENCE = regex.compile(
    r"\p{Regional_Indicator}\p{Regional_Indicator}"
    r"|[#*0-9]\ufe0f?\u20e3"
    rf"|{_EMOJI_ELEMENT}[\U000e0020-\U000e007e]*\U000e007f?"
    rf"(?:\u200d(?:{_EMOJI_ELEMENT}|\p{{Extended_Pictographic}}))*",
    regex.VERSION1,
)
_GRAPHEME = regex.compile(r"\X")
_NON_BMP = regex.compile(r"[\U00010000-\U0010ffff]")


def _weighted_units(text: str, config: TwitterConfig) -> int:
    """Weighted length (in ``scale`` units) of ``text`` ignoring URLs and emoji."""
    heavy = sum(len(m) for m in config.light_pattern.findall(text))
    light = len(text) - heavy
    return light * config.light_weight + heavy * config.default_weight


def twitter_weighted_length(text: str) -> int:
    """X's weighted length of ``text`` (280 is the limit)."""
    config = twitter_config()
    text = unicodedata.normalize("NFC", text)
    units = 0
    pos = 0
    for link in counted_links(text, twitter_compat=True):
        units += _weighted_units_with_emoji(text[pos : link.start], config)
        units += config.transformed_url_length * config.scale
        pos = link.end
    units += _weighted_units_with_emoji(text[pos:], config)
    return units // config.scale


def _weighted_units_with_emoji(text: str, config: TwitterConfig) -> int:
    if not text:
        return 0
    if not config.emoji_parsing or text.isascii():
        return _weighted_units(text, config)
    units = 0
    pos = 0
    for match in EMOJI_SEQUENCE.finditer(text):
        units += _weighted_units(text[pos : match.start()], config) + config.default_weight
        pos = match.end()
    return units + _weighted_units(text[pos:], config)


# Characters that are a grapheme cluster on their own whichever characters stand beside them, unless a
# character outside this class joins them (a combining mark, a variation selector, ZWJ, CR before LF):
# Grapheme_Cluster_Break Other, Control or LF, none Extended_Pictographic (tests/core/checks/test_length.py
# re-verifies every one). Printable ASCII, tab and LF, kana, kanji and the common CJK punctuation.
SINGLE_CLUSTER_RANGES = (
    "\t\n\x20-\x7e"
    "\u3001-\u3002\u3005-\u3007\u3008-\u3011\u3014-\u301b\u301c"
    "\u3041-\u3096\u30a1-\u30fa\u30fc-\u30fe"
    "\u3400-\u4dbf\u4e00-\u9fff"
)
_JOINED_RUN = re.compile(f"[^{SINGLE_CLUSTER_RANGES}]+")


def grapheme_count(text: str) -> int:
    """Extended grapheme clusters (what Bluesky calls characters).

    The Unicode segmentation (``\\X``) runs only around the characters that may join a neighbour, each
    stretch with one character either side (what a mark attaches to, what a prepended sign joins); every
    other character is one cluster. A Japanese draft is counted at the speed of a scan, not of ``\\X``.
    """
    if text.isascii() and "\r" not in text:
        return len(text)
    count = len(text)
    window_start = window_end = 0  # the stretch being gathered; counted one per character until segmented
    for match in _JOINED_RUN.finditer(text):
        start, end = max(match.start() - 1, 0), min(match.end() + 1, len(text))
        if start < window_end:  # joins the stretch before: one window
            window_end = end
            continue
        count += len(_GRAPHEME.findall(text, window_start, window_end)) - (window_end - window_start)
        window_start, window_end = start, end
    return count + len(_GRAPHEME.findall(text, window_start, window_end)) - (window_end - window_start)


def utf16_length(text: str) -> int:
    """Length in UTF-16 code units (JavaScript's ``string.length``)."""
    return len(text) + len(_NON_BMP.findall(text))


def mastodon_length(text: str) -> int:
    """Code points, with every ``http(s)://`` URL counted as 23."""
    total = len(text)
    for link in counted_links(text, twitter_compat=False):
        total += MASTODON_URL_LENGTH - (link.end - link.start)
    return total


def count(text: str, counting: Counting) -> int:
    """Length of ``text`` in the given unit, counted as it is stored and sent: NFC.

    The composer counts what is typed, the review what was saved (NFC, core/services/drafts.py); a
    decomposed が (か + ゛, as pasted from some Macs) counted 2 in one and 1 in the other (64/500 vs 63/500).
    """
    text = unicodedata.normalize("NFC", text)
    if counting is Counting.TWITTER_WEIGHTED:
        return twitter_weighted_length(text)
    if counting is Counting.GRAPHEMES:
        return grapheme_count(text)
    if counting is Counting.CODE_POINTS_URL_23:
        return mastodon_length(text)
    if counting is Counting.UTF16_UNITS:
        return utf16_length(text)
    if counting is Counting.UTF8_BYTES:
        return len(text.encode("utf-8", "surrogatepass"))
    return len(text)


def text_length(text: str, platform: Platform) -> int:
    """The composer's counter for ``platform``."""
    return count(text, platform.limits.counting)


def overflow_start(text: str, platform: Platform) -> int:
    """The first code point of ``text`` that no longer fits ``platform``'s limit.

    One walk over the text in the platform's unit, linear in its length (the
    bisection over prefixes it replaces counted the whole prefix at every step,
    O(n log n) and 21 full counts of a 1 M-character draft). A link and an
    emoji sequence count as a whole: the highlight starts at a link that no
    longer fits rather than inside it. Only X's counting of text that is not
    in NFC (rare: IMEs type NFC) keeps a bisection, bounded by galloping to
    the overflow point so its cost grows with that point, not the text.
    """
    limit = platform.text_limit
    counting = platform.limits.counting
    if counting is Counting.CODE_POINTS:
        return min(limit, len(text))
    if counting is Counting.GRAPHEMES:
        return _graphemes_fit(text, limit)
    if counting is Counting.UTF16_UNITS:
        return _chunks_fit(text, 0, limit, utf16_length)[0]
    if counting is Counting.UTF8_BYTES:
        return _chunks_fit(text, 0, limit, lambda part: len(part.encode("utf-8", "surrogatepass")))[0]
    if counting is Counting.CODE_POINTS_URL_23:
        return _mastodon_fit(text, limit)
    if counting is Counting.TWITTER_WEIGHTED and unicodedata.is_normalized("NFC", text):
        return _twitter_fit(text, limit)
    return _bisect_fit(text, platform)


_CHUNK = 4096


def _chunks_fit(
    text: str,
    used: int,
    budget: int,
    cost: Callable[[str], int],
    start: int = 0,
    end: int | None = None,
    least: int = 1,
) -> tuple[int, int]:
    """The end of the longest prefix of ``text[start:end]`` whose ``cost`` keeps ``used`` within ``budget``,
    and ``used`` with that prefix counted (``cost`` additive over characters, each at least ``least``).

    No piece longer than the budget left could fit, so none is counted; the piece that crosses the
    budget is halved until single characters decide: the walk costs about the distance to the overflow
    point, however long the text after it.
    """
    end = len(text) if end is None else end
    pos = start
    size = min(_CHUNK, max(1, (budget - used) // least + 1))
    while pos < end:
        piece_end = min(pos + size, end)
        piece_cost = cost(text[pos:piece_end])
        if used + piece_cost <= budget:
            used += piece_cost
            pos = piece_end
        elif size == 1:
            return pos, used
        else:
            size //= 2
    return end, used


def _graphemes_fit(text: str, limit: int) -> int:
    if text.isascii() and "\r\n" not in text:
        return min(limit, len(text))
    for number, match in enumerate(_GRAPHEME.finditer(text), start=1):
        if number == limit:
            return int(match.end())
    return len(text)


def _mastodon_fit(text: str, limit: int) -> int:
    used = 0
    pos = 0
    for link in counted_links(text, twitter_compat=False):
        gap_end, used = _chunks_fit(text, used, limit, len, pos, link.start)
        if gap_end < link.start:
            return gap_end
        if used + MASTODON_URL_LENGTH > limit:
            return link.start
        used += MASTODON_URL_LENGTH
        pos = link.end
    return _chunks_fit(text, used, limit, len, pos)[0]


def _twitter_fit(text: str, limit: int) -> int:
    config = twitter_config()
    # ``units // scale <= limit`` for every prefix that fits.
    budget = (limit + 1) * config.scale - 1
    used = 0
    pos = 0

    least = min(config.light_weight, config.default_weight)

    def light(part: str) -> int:
        return _weighted_units(part, config)

    def gap(start: int, end: int) -> int | None:
        """Count ``text[start:end]`` into ``used``; the overflow index if it does not fit.

        Walked up to the overflow point only: the emoji sequences are found as the walk meets them.
        """
        nonlocal used
        emoji: Iterator[regex.Match[str]] = iter(())
        if config.emoji_parsing and not text[start:end].isascii():
            emoji = EMOJI_SEQUENCE.finditer(text, start, end)
        index = start
        for match in itertools.chain(emoji, (None,)):
            stop = match.start() if match is not None else end
            cut, used = _chunks_fit(text, used, budget, light, index, stop, least)
            if cut < stop:
                return cut
            if match is None:
                return None
            if used + config.default_weight > budget:
                return int(match.start())
            used += config.default_weight
            index = match.end()
        return None

    for link in counted_links(text, twitter_compat=True):
        cut = gap(pos, link.start)
        if cut is not None:
            return cut
        if used + config.transformed_url_length * config.scale > budget:
            return link.start
        used += config.transformed_url_length * config.scale
        pos = link.end
    cut = gap(pos, len(text))
    return len(text) if cut is None else cut


def _bisect_fit(text: str, platform: Platform) -> int:
    limit = platform.text_limit

    def fits(size: int) -> bool:
        return text_length(text[:size], platform) <= limit

    low, high = 0, min(len(text), max(limit, 1))
    while high < len(text) and fits(high):
        low, high = high, min(len(text), high * 2)
    if fits(high):
        return high
    high -= 1
    while low < high:
        mid = (low + high + 1) // 2
        if fits(mid):
            low = mid
        else:
            high = mid - 1
    return low
