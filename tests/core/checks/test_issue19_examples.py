"""Every example of issue 19, as found with the full check (analysis tier included)."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from core.checks import CheckConfig, DraftInput, Platform, Severity, check_person_names, run_checks
from core.checks.config import normalize_word
from core.checks.engine import with_person_names
from core.checks.normalize import INVISIBLE_CHARACTERS, invisible_character_spans
from core.checks.rules.pii import card_issuer_ok, gtin_valid, is_valid_mynumber, isbn10_valid, luhn_valid
from core.checks.word_rules import parse_word_rule
from core.organization.profile import OrganizationProfile

BARE = OrganizationProfile("和光市", own_domains=("city.wako.lg.jp",), public_phones=("048-424-9090",))
WAKO = OrganizationProfile(
    "和光市",
    own_domains=("city.wako.lg.jp",),
    public_phones=("048-424-9090",),
    partner_contacts=("朝霞警察署 048-465-0110", "東京電力パワーグリッド 0120-995-007"),
    own_channels=("https://www.youtube.com/@wakocity", "https://www.instagram.com/wako_city/"),
    place_names=("新倉", "白子"),
    officials=("市長 柴﨑光子",),
)


def findings(text, profile=WAKO, config=None):
    result = run_checks(DraftInput(text, Platform.FACEBOOK), profile, config, include_person_names=True)
    return [(f.rule_id, text[f.start : f.end] if f.start is not None else None) for f in result.findings]


def rules(text, profile=WAKO, config=None):
    return {rule for rule, _ in findings(text, profile, config)}


# -- false blocks and alarms --------------------------------------------------------


def test_a_jan_barcode_is_not_a_card():
    assert luhn_valid("4901234567894")
    assert gtin_valid("4901234567894")
    assert "pii.card_number" not in rules("4901234567894", BARE)
    assert "pii.card_number" not in rules("商品のJANコード 4901234567894", BARE)
    result = run_checks(DraftInput("4901234567894"), BARE)
    assert not result.blocking


def test_new_kura_is_a_place_and_the_mayor_is_an_official():
    assert "pii.person_name" not in rules("新倉の公園で清掃活動を行いました")
    assert "pii.person_name" not in rules("本日、柴﨑光子市長が出席しました")
    # Without the profile Sudachi takes 新倉 for a family name; the profile's place list decides.
    assert "pii.person_name" in rules("新倉の公園で清掃活動を行いました", BARE)


def test_spelling_variants_of_an_official_name_match():
    assert "pii.person_name" not in rules("柴崎光子市長があいさつ")  # 崎 for 﨑


def test_a_police_stations_published_number_is_not_personal():
    assert "pii.phone" in rules("朝霞警察署（048-465-0110）へ", BARE)
    assert "pii.phone" not in rules("朝霞警察署（048-465-0110）へ")
    assert "pii.phone" not in rules("停電は0120-995-007へ")


def test_the_citys_own_youtube_channel_is_not_a_third_party_link():
    assert "link.third_party" in rules("動画 https://www.youtube.com/@wakocity", BARE)
    assert "link.third_party" not in rules("動画 https://www.youtube.com/@wakocity")
    assert "link.third_party" not in rules("https://www.youtube.com/@wakocity/videos をご覧ください")
    assert "link.third_party" not in rules("https://instagram.com/wako_city で公開中")
    # Someone else's channel on the same platform is still third-party.
    assert "link.third_party" in rules("https://www.youtube.com/@wakocity-fan をご覧ください")


# -- misses ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "rule", "clause"),
    [
        ("違法コピーはこちらで配布", "content.lexicon.illegal", "wako:5-prohibited-1"),
        ("私個人としては、この計画に反対です", "content.lexicon.personal_opinion", "wako:5-prohibited-3"),
        ("無断で使いました", "content.lexicon.rights", "wako:5-prohibited-5"),
        ("入札予定価格は3,000万円です", "content.lexicon.confidential", "wako:5-prohibited-8"),
        ("これが市の公式見解です（個人的意見）", "content.lexicon.personal_opinion", "joso:4(4)"),
    ],
)
def test_paraphrases_of_prohibited_content(text, rule, clause):
    from core.checks.catalog import rule_definition

    assert rule in rules(text)
    definition = rule_definition(rule)
    assert definition is not None
    assert clause in definition.clauses


@pytest.mark.parametrize(
    "text",
    [
        "申請ツールは https://example.com/tool.exe から",
        "アプリ https://files.example.net/app.apk をインストール",
        "スクリーンセーバー https://example.org/s.scr",
        "様式を開いたらマクロを有効にしてください",
    ],
)
def test_harmful_programs_joso_5_11(text):
    result = run_checks(DraftInput(text, Platform.FACEBOOK), WAKO)
    hits = [f for f in result.findings if f.rule_id == "content.harmful_program"]
    assert hits
    assert hits[0].severity is Severity.BLOCK
    assert hits[0].clauses == ("joso:5(11)",)


def test_a_document_link_is_not_a_program():
    assert "content.harmful_program" not in rules("様式 https://www.city.wako.lg.jp/files/form.xlsx と node.js の記事")


def test_a_pasted_quote_is_a_quote():
    assert ("content.quote", "RT @someone") in findings("RT @someone: 駅前で事故")
    assert "content.quote" in rules("QT @wako_fan すてきな写真")


def test_private_message_paraphrases():
    assert "content.dm_request" in rules("詳しくは個別にメッセージを送ってください")
    assert "content.dm_request" in rules("DMください")
    assert "content.dm_request" not in rules("DMでのお問い合わせにはお答えしておりません")
    assert "content.dm_request" not in rules("選手への応援メッセージをお寄せください")


def test_a_hangul_filler_inside_a_host_is_an_invisible_character():
    text = "詳細は https://city\u3164.wako.lg.jp/ へ"
    assert ("text.invisible_characters", "\u3164") in findings(text)
    # …and the link is read without it: the city's own domain.
    assert "link.third_party" not in rules(text)


@pytest.mark.parametrize("char", ["\u3164", "\uffa0", "\u115f", "\u1160", "\u034f", "\u2064", "\U000e0041", "\u180e"])
def test_default_ignorable_characters_are_reported(char):
    assert invisible_character_spans(f"a{char}b") == [(1, 2)]


def test_the_invisible_set_is_unicodes_default_ignorables():
    import regex

    ignorable = regex.compile(r"\p{Default_Ignorable_Code_Point}")
    variation = {chr(c) for c in (*range(0xFE00, 0xFE10), *range(0xE0100, 0xE01F0))}
    expected = {chr(c) for c in range(0x110000) if ignorable.match(chr(c))} - variation
    assert expected | {"\u2800"} == INVISIBLE_CHARACTERS


def test_emoji_sequences_are_not_invisible_characters():
    flag = "\U0001f3f4\U000e0067\U000e0062\U000e0065\U000e006e\U000e0067\U000e007f"
    assert invisible_character_spans(f"{flag} 👨‍👩‍👧 葛\U000e0100城") == []


def test_a_lookalike_host_is_blocked():
    result = run_checks(DraftInput("https://www.сity.wako.lg.jp/ へ"), WAKO)
    assert any(f.rule_id == "link.confusable_host" and f.severity is Severity.BLOCK for f in result.findings)
    assert "link.confusable_host" not in rules("Ωの形の池と α版のアプリ、www.city.wako.lg.jp")


# -- numbers ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("digits", "ok"),
    [
        ("4111111111111111", True),
        ("5500000000000004", True),
        ("378282246310005", True),
        ("3530111333300000", True),
        ("6011111111111117", True),
        ("2221000000000009", True),
        ("9111111111111111", False),  # no issuer starts with 9
        ("4111111111111", True),  # 13-digit Visa
        ("37828224631000", False),  # Amex is 15 digits
    ],
)
def test_issuer_prefix_and_length(digits, ok):
    assert card_issuer_ok(digits) is ok


def test_a_card_needs_card_like_context_or_grouping():
    assert "pii.card_number" in rules("カード番号 4111111111111111")
    assert "pii.card_number" in rules("4111 1111 1111 1111")
    assert "pii.card_number" not in rules("注文番号 4111111111111111")


@pytest.mark.parametrize("code", ["4901234567894", "9784101010014", "49281590", "4930798683078"])
def test_check_digit_codes_are_never_blocked(code):
    assert gtin_valid(code)
    result = run_checks(DraftInput(f"コード {code}"), WAKO)
    assert not result.blocking


def test_isbn10_check_character():
    assert isbn10_valid("4834000826")
    assert isbn10_valid("080442957X")
    assert not isbn10_valid("4834000827")


def test_my_number_keeps_its_check_digit():
    assert is_valid_mynumber("123456789018")
    assert "pii.mynumber" in rules("番号 1234 5678 9018")
    assert "pii.mynumber" not in rules("番号 1234 5678 9012")


# -- names ----------------------------------------------------------------------------------


def test_public_facilities_are_not_names():
    assert "pii.person_name" not in rules("白子コミュニティセンターと新倉小学校で開催")
    assert "pii.person_name" not in rules("大和公園で開催します")


def test_a_childs_name_with_age_and_address_stays_high():
    text = "田中太郎くん（5歳、本町3丁目5番12号）"
    result = run_checks(DraftInput(text), WAKO, include_person_names=True)
    details = [f for f in result.findings if f.rule_id == "pii.person_details"]
    assert details
    assert details[0].severity is Severity.BLOCK
    assert result.blocking
    assert "pii.person_name" in rules("受賞者の鈴木一郎さん")


# -- word rules on morphemes -------------------------------------------------------------------


def test_word_rules_match_spelling_variants_and_conjugations():
    assert "content.lexicon.political" in rules("〇〇候補に投票して下さいね")
    assert "content.lexicon.political" in rules("〇〇党を支持しております")
    assert "content.lexicon.personal_opinion" in rules("わたくし個人は、この案に賛成です")


def test_negative_context_keeps_notices_out():
    election = "選挙管理委員会より：7月20日は投票日です。〇〇候補の政見は選挙公報で。投票所へお越しください。"
    assert "content.lexicon.political" not in rules(election)
    shrine = "初詣の参拝客で混雑します。参拝の方は交通規制にご注意下さい。"
    assert "content.lexicon.religious" not in rules(shrine)
    assert "content.lexicon.religious" in rules("ぜひ参拝してください")


def test_an_administrators_word_rule_in_the_simple_format():
    config = CheckConfig().with_words("local_terms", added=["~駅前…再開発…反対 !説明会"])
    assert "content.lexicon.local_terms" in rules("駅前の再開発には反対です", config=config)
    assert "content.lexicon.local_terms" in rules("駅前で進む再開発には、私は反対しています", config=config)
    assert "content.lexicon.local_terms" not in rules("駅前の再開発に反対の声。説明会を開きます", config=config)


def test_plain_phrases_keep_working_at_keystroke_speed():
    result = run_checks(DraftInput("今なら半額のお店"), WAKO)  # no analysis tier
    assert any(f.rule_id == "content.lexicon.commercial" for f in result.findings)


def test_word_rule_parsing():
    rule = parse_word_rule("x", normalize_word("~私個人…反対 !賛成多数"))
    assert rule is not None
    assert rule.segments == (("私", "個人"), ("反対",))
    assert rule.negative_texts == ("賛成多数",)
    assert parse_word_rule("x", "~ ") is None


def test_the_analysis_tier_merges_without_duplicates():
    text = "〇〇党を支持しましょう。受賞者の鈴木一郎さん"
    fast = run_checks(DraftInput(text), WAKO)
    merged = with_person_names(fast, check_person_names(DraftInput(text), WAKO))
    full = run_checks(DraftInput(text), WAKO, include_person_names=True)
    assert merged.findings == full.findings
    assert [f.rule_id for f in merged.findings].count("content.lexicon.political") == 1


# -- robustness ------------------------------------------------------------------------------------


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet=st.characters(), max_size=200))
def test_no_rule_raises_on_arbitrary_unicode(text):
    result = run_checks(DraftInput(text, Platform.X), WAKO, include_person_names=True)
    for finding in result.findings:
        if finding.start is not None:
            assert 0 <= finding.start <= finding.end <= len(text)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.text(alphabet=st.sampled_from("~!…. 私個人反対党支持\u3164\u200ba"), max_size=20),
    st.text(alphabet=st.characters(), max_size=80),
)
def test_no_administrator_entry_makes_a_rule_raise(entry, text):
    config = CheckConfig().with_words("local_terms", added=[entry, "~" + entry])
    result = run_checks(DraftInput(text + "私個人として党を支持し反対"), WAKO, config, include_person_names=True)
    assert all(f.rule_id for f in result.findings)
