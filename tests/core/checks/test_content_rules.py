import pytest

from core.checks import CheckConfig, DraftInput, Platform, Severity, run_checks
from core.checks.lexicon import BUILTIN_CATEGORIES, builtin_lexicons
from core.organization.profile import OrganizationProfile

PROFILE = OrganizationProfile("市")


def found(text, prefix, config=None):
    result = run_checks(DraftInput(text, Platform.FACEBOOK), PROFILE, config)
    return [(f.rule_id, text[f.start : f.end]) for f in result.findings if f.rule_id.startswith(prefix)]


@pytest.mark.parametrize(
    ("text", "rule", "span"),
    [
        ("〇〇党を支持しましょう", "content.lexicon.political", "を支持しましょう"),
        ("A候補に投票してください", "content.lexicon.political", "に投票してください"),
        ("火事があったらしい、拡散希望", "content.lexicon.rumour", "があったらしい"),
        ("（庁内限り）予算案", "content.lexicon.confidential", "庁内限り"),
        ("今なら半額のお店", "content.lexicon.commercial", "今なら半額"),
        ("ＰＲ案件です", "content.lexicon.commercial", "ＰＲ案件"),
        ("あの業者は詐欺師だ", "content.lexicon.defamation", "詐欺師"),
        ("入信をお勧めします", "content.lexicon.religious", "入信"),
    ],
)
def test_lexicon_positive(text, rule, span):
    assert (rule, span) in found(text, "content.lexicon.")


@pytest.mark.parametrize(
    "text",
    [
        "10月27日は衆議院議員選挙の投票日です。期日前投票もご利用ください。",
        "乳がん検診のお知らせ",
        "春らしい陽気になりました。素晴らしいです。",
        "ちびっこ広場でお待ちしています。おしらせ。",
        "住所を #address 欄に記入",
        "神社の秋祭りが開催されます",
    ],
)
def test_lexicon_does_not_fire_on_routine_city_notices(text):
    assert found(text, "content.lexicon.") == []


def test_ascii_words_match_whole_words_only():
    assert found("#ad を付けます", "content.lexicon.") == [("content.lexicon.commercial", "#ad")]
    assert found("#adult", "content.lexicon.") == []


def test_organization_words_added_removed_and_custom_category():
    config = (
        CheckConfig()
        .with_words("rumour", added=["うわさの"], removed=["拡散希望"])
        .with_words("local_terms", added=["旧庁舎跡地売却"])
    )
    result = found("拡散希望。うわさの店。旧庁舎跡地売却の件", "content.lexicon.", config)
    assert ("content.lexicon.rumour", "うわさの") in result
    assert ("content.lexicon.rumour", "拡散希望") not in result
    assert ("content.lexicon.local_terms", "旧庁舎跡地売却") in result


def test_all_builtin_lists_are_non_empty_and_normalised():
    lexicons = builtin_lexicons()
    assert set(lexicons) == set(BUILTIN_CATEGORIES)
    for words in lexicons.values():
        assert len(words) >= 5
        assert all(w == w.strip() and w for w in words)


@pytest.mark.parametrize(
    "text",
    [
        "ご応募はDMでお送りください",
        "詳しくはＤＭにて",
        "ダイレクトメッセージで受け付けます",
        "DMください",
        "Please DM us",
    ],
)
def test_dm_request(text):
    assert [r for r, _ in found(text, "content.dm_request")] == ["content.dm_request"]


@pytest.mark.parametrize(
    "text",
    ["DMには対応しておりません", "DMでのお問い合わせにはお答えできません", "ADMIN", "DMV", "CDMで"],
)
def test_not_dm_request(text):
    assert found(text, "content.dm_request") == []


def test_dm_request_is_warn():
    result = run_checks(DraftInput("DMでどうぞ"), PROFILE)
    assert [f.severity for f in result.findings] == [Severity.WARN]


def test_invisible_characters_span_in_original_text():
    text = "abc\u200b\u200bdef\u202eghi"
    result = run_checks(DraftInput(text), PROFILE)
    spans = [(f.start, f.end) for f in result.findings if f.rule_id == "text.invisible_characters"]
    assert spans == [(3, 5), (8, 9)]


def test_emoji_joiner_is_not_invisible():
    result = run_checks(DraftInput("家族👨‍👩‍👧"), PROFILE)
    assert result.findings == ()
