import json
from pathlib import Path

import pytest

from core.checks.length import (
    grapheme_count,
    mastodon_length,
    overflow_start,
    text_length,
    twitter_weighted_length,
    utf16_length,
)
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
