import json
from pathlib import Path

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from core.checks.length import (
    EMOJI_SEQUENCE,
    SINGLE_CLUSTER_RANGES,
    _bisect_fit,
    grapheme_count,
    mastodon_length,
    overflow_start,
    text_length,
    twitter_weighted_length,
    utf16_length,
)
from core.checks.urls import find_links
from core.platforms.facts import Platform

DATA = Path(__file__).parent / "data" / "twitter_text_weighted.json"
CASES = [
    pytest.param(case, id=f"{section}:{case['description'][:50]}")
    for section, cases in json.loads(DATA.read_text(encoding="utf-8"))["sections"].items()
    for case in cases
]


def test_all_conformance_sections_present():
    sections = json.loads(DATA.read_text(encoding="utf-8"))["sections"]
    assert len(sections["WeightedTweetsWithDiscountedEmojiCounterTest"]) == 22
    assert len(sections["UnicodeDirectionalMarkerCounterTest"]) == 2


@pytest.mark.parametrize("case", CASES)
def test_twitter_text_conformance(case):
    assert twitter_weighted_length(case["text"]) == case["expected"]["weightedLength"]


def test_shared_conformance_file_matches_copy_when_available():
    shared = Path(__file__).resolve().parents[3] / ".." / "shared" / "conformance" / "twitter-text" / "validate.yml"
    if not shared.exists():
        pytest.skip("../shared/conformance is not present in this checkout")
    content = shared.read_text(encoding="utf-8")
    for case in CASES:
        assert case.values[0]["description"] in content


def test_x_japanese_counts_two_per_character():
    assert text_length("あ" * 140, Platform.X) == 280
    assert text_length("あ" * 141, Platform.X) == 282


def test_x_url_counts_23_and_schemeless_too():
    assert twitter_weighted_length("詳細 https://www.city.example.lg.jp/a/very/long/path/index.html") == 4 + 1 + 23
    assert twitter_weighted_length("example.com/abc") == 23


def test_bluesky_counts_graphemes():
    assert grapheme_count("👨‍👩‍👧‍👦") == 1
    assert grapheme_count("が") == 1
    assert grapheme_count("か\u3099") == 1
    assert text_length("a" * 300, Platform.BLUESKY) == 300


# Characters that join a neighbour in every way Unicode knows (marks, voiced-sound marks, variation
# selectors, ZWJ sequences, skin tones, keycaps, flags, prepended signs, Hangul jamo, CR LF) beside
# characters of the single-cluster class.
_JOINERS = (
    "\u0301\u3099\u309a\ufe0f\ufe0e\u200d\u20e3\U0001f3fb\U000e0067\U000e007f\u0600\u0d4e\u094d"
    "\u1100\u1161\u11a8가👨👩🇯🇵\r〽〰é\u0e33\u0915"
)
_SINGLES = "aZ1 #*\n\t。、「」あいうアイウーヽヾ漢字々〜"


def _segmented(text: str) -> int:
    return len(regex.findall(r"\X", text))


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=_JOINERS + _SINGLES, max_size=40))
def test_grapheme_count_is_the_unicode_segmentation(text: str) -> None:
    """The fast path (segmentation only around joining characters) counts what \\X counts."""
    assert grapheme_count(text) == _segmented(text)


def test_the_single_cluster_class_joins_nothing() -> None:
    """Every character the count takes as a cluster on its own breaks on both sides (UAX #29)."""
    alone = regex.compile(r"[\p{Grapheme_Cluster_Break=Other}\p{Grapheme_Cluster_Break=Control}\n]")
    pictographic = regex.compile(r"\p{Extended_Pictographic}")
    ranges = regex.compile(f"[{SINGLE_CLUSTER_RANGES}]")
    members = [chr(c) for c in range(0x3000 + 0xA000) if ranges.fullmatch(chr(c))]
    assert len(members) > 20_000
    assert [c for c in members if not alone.fullmatch(c) or pictographic.fullmatch(c)] == []
    assert "\r" not in members  # CR joins a following LF


def test_mastodon_counts_only_scheme_urls_as_23():
    url = "https://example.com/" + "x" * 100
    assert mastodon_length(url) == 23
    assert mastodon_length("example.com/" + "x" * 10) == 22


def test_line_counts_utf16_units():
    assert utf16_length("😀") == 2
    assert text_length("あ😀", Platform.LINE) == 3


def test_youtube_counts_utf8_bytes():
    assert text_length("あ", Platform.YOUTUBE) == 3


@pytest.mark.parametrize(
    ("platform", "limit"),
    [
        (Platform.X, 280),
        (Platform.BLUESKY, 300),
        (Platform.MASTODON, 500),
        (Platform.THREADS, 500),
        (Platform.MISSKEY, 3000),
        (Platform.INSTAGRAM, 2200),
        (Platform.FACEBOOK, 63206),
        (Platform.LINE, 5000),
    ],
)
def test_platform_limits(platform, limit):
    assert platform.text_limit == limit


def test_overflow_start_is_first_char_that_does_not_fit():
    assert overflow_start("あ" * 150, Platform.X) == 140
    assert overflow_start("a" * 300, Platform.BLUESKY) == 300


_PLAIN = "aZ1 ,\nあいうアイウ漢字、。「」ー\u2014\u00e9"
_COUNTED_SHORT = [p for p in Platform if p.text_limit <= 500]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=_PLAIN, min_size=100, max_size=900), st.sampled_from(_COUNTED_SHORT))
def test_overflow_start_is_the_longest_prefix_that_fits(text: str, platform: Platform) -> None:
    """The one walk finds what counting every prefix finds (text without links or emoji)."""
    assert overflow_start(text, platform) == _bisect_fit(text, platform)


_UNITS = [
    "あ",
    "a",
    " ",
    "漢",
    "😀",
    "👨\u200d👩\u200d👧",
    "🇯🇵",
    "1\ufe0f\u20e3",
    " https://www.city.example.lg.jp/a ",
    "。",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_UNITS), min_size=60, max_size=400))
def test_x_overflow_stops_before_the_first_unit_that_does_not_fit(units: list[str]) -> None:
    """Links and emoji sequences count whole: the prefix before the overflow fits, with the unit there it does not."""
    text = "".join(units)
    cut = overflow_start(text, Platform.X)
    assert text_length(text[:cut], Platform.X) <= Platform.X.text_limit
    if cut < len(text):
        link = next((link for link in find_links(text, twitter_compat=True) if link.start == cut), None)
        emoji = EMOJI_SEQUENCE.match(text, cut)
        end = link.end if link else emoji.end() if emoji else cut + 1
        assert text_length(text[:end], Platform.X) > Platform.X.text_limit


def test_platform_parse():
    assert Platform.parse(" X ") is Platform.X
    with pytest.raises(ValueError, match="valid"):
        Platform.parse("myspace")


def test_one_counting_everywhere_a_decomposed_kana_counts_as_stored() -> None:
    """The composer counted the typed text, the review the saved (NFC) one: 64/500 against 63/500."""
    import unicodedata

    from core.checks.length import text_length
    from core.platforms.facts import Platform

    typed = unicodedata.normalize("NFD", "がんばろう") + "x" * 58
    stored = unicodedata.normalize("NFC", typed)
    for platform in Platform:
        assert text_length(typed, platform) == text_length(stored, platform), platform
