import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from core.checks import normalize as norm_module
from core.checks.normalize import invisible_character_spans, normalize


def test_fullwidth_is_folded_and_mapped_to_original_offsets():
    text = "詳細はｂｉｔ．ｌｙ／ａｂｃへ"
    n = normalize(text)
    assert n.text == "詳細はbit.ly/abcへ"
    start = n.text.index("bit")
    assert n.span_to_original(start, start + 10) == (3, 13)


def test_invisible_characters_are_removed_but_spans_cover_them():
    text = "bit\u200b.ly"
    n = normalize(text)
    assert n.text == "bit.ly"
    assert n.span_to_original(0, 6) == (0, 7)


def test_combining_voiced_mark_composes_with_safe_predecessor():
    n = normalize("か\u3099き")
    assert n.text == "がき"
    assert n.span_to_original(0, 1) == (0, 2)


def test_expansion_maps_every_output_char_to_the_source_char():
    n = normalize("㍻元年")
    assert n.text == "平成元年"
    assert n.span_to_original(0, 2) == (0, 1)
    assert n.span_to_original(2, 3) == (1, 2)


def test_empty_text():
    n = normalize("")
    assert n.text == ""
    assert n.span_to_original(0, 0) == (0, 0)


def test_safe_ranges_really_are_nfkc_stable():
    """The fast path copies these characters unchanged; prove that is right."""
    pattern = norm_module._UNSAFE_RUN
    stable = 0
    for cp in range(0x10000):
        ch = chr(cp)
        if 0xD800 <= cp <= 0xDFFF or pattern.match(ch):
            continue
        stable += 1
        assert unicodedata.normalize("NFKC", ch) == ch, hex(cp)
        assert unicodedata.combining(ch) == 0, hex(cp)
        assert ch not in norm_module._DROPPED
    assert stable > 20000


def test_zwj_inside_emoji_is_not_reported_but_elsewhere_is():
    assert invisible_character_spans("👨\u200d👩\u200d👧") == []
    assert invisible_character_spans("a\u200db") == [(1, 2)]
    assert invisible_character_spans("x\u202e\u2066y") == [(1, 3)]


@given(st.text())
def test_mapping_is_monotonic_and_inside_text(text):
    n = normalize(text)
    assert len(n.starts) == len(n.text) == len(n.ends)
    for i, (s, e) in enumerate(zip(n.starts, n.ends, strict=True)):
        assert 0 <= s < e <= len(text)
        if i:
            assert s >= n.starts[i - 1]


@pytest.mark.parametrize("text", ["ＡＢＣ１２３", "ｶﾀｶﾅ", "①②", "\u3000全角空白"])
def test_matches_plain_nfkc_when_no_invisible(text):
    assert normalize(text).text == unicodedata.normalize("NFKC", text)
