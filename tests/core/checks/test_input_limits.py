"""The checks' input cap, and positions that stay right at the end of a long text."""

import pytest

from core import i18n
from core.checks import DraftInput, Platform, check_person_names, run_checks
from core.checks.input_limits import MAX_CHECK_CHARACTERS, TextTooLong
from core.checks.normalize import normalize
from core.organization.profile import OrganizationProfile

PROFILE = OrganizationProfile("和光市", own_domains=("city.wako.lg.jp",), public_phones=("048-424-9090",))

# Each unit sends normalisation down its careful path: a voiced-sound mark that composes (か + ゛),
# a combining accent, a zero-width space that is dropped, full-width letters NFKC folds.
NOISY_UNIT = "か\u3099e\u0301あ\u200bＡＢ。"


def spans(text: str, rule: str) -> list[str]:
    result = run_checks(DraftInput(text, Platform.FACEBOOK), PROFILE)
    return [text[f.start : f.end] for f in result.findings if f.rule_id == rule]


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_a_text_above_the_cap_is_refused_with_the_limit_in_words(lang: str) -> None:
    i18n.set_language(lang)
    text = "あ" * (MAX_CHECK_CHARACTERS + 1)
    with pytest.raises(TextTooLong) as refused:
        run_checks(DraftInput(text), PROFILE)
    expected = {"en": "the checks accept at most 1,000,000", "ja": "1,000,000 文字まで"}[lang]
    assert expected in refused.value.message
    assert "1,000,001" in refused.value.message
    with pytest.raises(TextTooLong):
        check_person_names(text, PROFILE)


def test_a_text_at_the_cap_is_checked() -> None:
    text = ("市民まつりのお知らせです。" * (MAX_CHECK_CHARACTERS // 13 + 1))[:MAX_CHECK_CHARACTERS]
    assert run_checks(DraftInput(text), PROFILE).length.used >= MAX_CHECK_CHARACTERS


def test_span_mapping_is_exact_at_the_end_of_a_long_noisy_text() -> None:
    text = NOISY_UNIT * 40_000 + "x"
    normalized = normalize(text)
    last = len(normalized.text) - 1
    assert normalized.text[last] == "x"
    assert normalized.span_to_original(last, last + 1) == (len(text) - 1, len(text))


def test_findings_point_at_the_right_characters_at_the_end_of_a_long_text() -> None:
    phone, url = "090-1234-5678", "https://bit.ly/abc"
    text = NOISY_UNIT * 40_000 + f"連絡先 {phone} 詳細 {url}"
    assert spans(text, "pii.phone") == [phone]
    link = [
        f for f in run_checks(DraftInput(text, Platform.FACEBOOK), PROFILE).findings if f.rule_id == "link.shortener"
    ]
    assert link
    assert text[link[-1].start : link[-1].end].startswith("https://bit.ly")
