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
import json
import unicodedata
from dataclasses import dataclass

import regex

from core.checks.urls import find_links
from core.platforms.facts import Counting, Platform
from core.runtime.resources import resource_path

MASTODON_URL_LENGTH = 23


@dataclass(frozen=True)
class TwitterConfig:
    max_weighted_length: int
    scale: int
    default_weight: int
    transformed_url_length: int
    emoji_parsing: bool
    light_pattern: regex.Pattern[str]
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
        light_pattern=regex.compile(f"[^{char_class}]+"),
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
    for link in find_links(text, twitter_compat=True):
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


def grapheme_count(text: str) -> int:
    """Extended grapheme clusters (what Bluesky calls characters)."""
    if text.isascii() and "\r\n" not in text:
        return len(text)
    return len(_GRAPHEME.findall(text))


def utf16_length(text: str) -> int:
    """Length in UTF-16 code units (JavaScript's ``string.length``)."""
    return len(text) + len(_NON_BMP.findall(text))


def mastodon_length(text: str) -> int:
    """Code points, with every ``http(s)://`` URL counted as 23."""
    total = len(text)
    for link in find_links(text, include_schemeless=False):
        total += MASTODON_URL_LENGTH - (link.end - link.start)
    return total


def count(text: str, counting: Counting) -> int:
    """Length of ``text`` in the given unit."""
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

    Found by bisection over prefixes (only needed when the draft is too long,
    so it may be slower than counting); a prefix ending inside a URL may count
    oddly, which only moves the highlight by a few characters.
    """
    limit = platform.text_limit
    low, high = 0, len(text)
    while low < high:
        mid = (low + high + 1) // 2
        if text_length(text[:mid], platform) <= limit:
            low = mid
        else:
            high = mid - 1
    return low
