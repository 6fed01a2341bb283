import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core.checks import DraftInput, Platform, run_checks
from core.checks.rules import pii
from core.checks.rules.pii import is_valid_mynumber, luhn_valid, mynumber_check_digit
from core.organization.profile import OrganizationProfile

PROFILE = OrganizationProfile(
    "和光市",
    own_domains=("city.wako.lg.jp",),
    public_phones=("048-424-9090",),
    public_emails=("info@city.wako.lg.jp",),
    postal_addresses=("〒351-0192 埼玉県和光市広沢1番5号",),
)


def found(text, rule):
    result = run_checks(DraftInput(text, Platform.FACEBOOK), PROFILE)
    return [text[f.start : f.end] for f in result.findings if f.rule_id == rule]


def valid_mynumber(prefix="12345678901"):
    return prefix + str(mynumber_check_digit(prefix))


# -- マイナンバー ------------------------------------------------------------------


def test_check_digit_formula():
    assert mynumber_check_digit("12345678901") == 8
    # r = 0 and r = 1 both give 0
    assert mynumber_check_digit("00000000000") == 0
    assert is_valid_mynumber("123456789018")
    assert not is_valid_mynumber("123456789017")


@pytest.mark.parametrize("sep", ["", " ", "-"])
def test_mynumber_found_with_separators(sep):
    n = valid_mynumber()
    text = f"番号は{n[:4]}{sep}{n[4:8]}{sep}{n[8:]}です"
    assert found(text, "pii.mynumber") == [f"{n[:4]}{sep}{n[4:8]}{sep}{n[8:]}"]


def test_mynumber_full_width_digits():
    n = valid_mynumber()
    full = n.translate(str.maketrans("0123456789", "０１２３４５６７８９"))
    assert found(f"番号{full}", "pii.mynumber") == [full]


def test_mynumber_wrong_check_digit_not_flagged():
    n = valid_mynumber()
    wrong = n[:11] + str((int(n[11]) + 1) % 10)
    assert found(wrong, "pii.mynumber") == []


def test_mynumber_not_inside_longer_number():
    n = valid_mynumber()
    assert found("9" + n, "pii.mynumber") == []
    assert found(n + "1", "pii.mynumber") == []
    assert found(f"1 {n[:4]} {n[4:8]} {n[8:]}", "pii.mynumber") == []


# -- cards ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "number", ["4111111111111111", "4111 1111 1111 1111", "5500-0000-0000-0004", "378282246310005"]
)
def test_card_numbers(number):
    assert found(f"カード {number} です", "pii.card_number") == [number]


def test_card_luhn_invalid_or_too_short():
    assert found("4111111111111112", "pii.card_number") == []
    assert found("411111111111", "pii.card_number") == []  # 12 digits
    assert found("0000 0000 0000 0000", "pii.card_number") == []
    assert luhn_valid("79927398713")


# -- phone -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "number",
    ["090-1234-5678", "09012345678", "０９０－１２３４－５６７８", "03-1234-5678", "(03)1234-5678", "+81 90 1234 5678"],
)
def test_phone_numbers(number):
    assert found(f"連絡先 {number} まで", "pii.phone") == [number]


def test_published_number_is_not_flagged_in_any_format():
    assert found("電話048-424-9090", "pii.phone") == []
    assert found("電話０４８（４２４）９０９０", "pii.phone") == []
    assert found("電話+81 48 424 9090", "pii.phone") == []


def test_short_numbers_are_not_phones():
    assert found("2024年10月16日 10時35分 定員100名", "pii.phone") == []


def phone_spans(text):
    result = run_checks(DraftInput(text, Platform.FACEBOOK), PROFILE)
    return [(f.start, f.end) for f in result.findings if f.rule_id == "pii.phone"]


@pytest.mark.parametrize(
    "number",
    [
        "03\u20101234\u20105678",  # hyphen
        "03\u20111234\u20115678",  # non-breaking hyphen
        "03\u20121234\u20125678",  # figure dash
        "03\u20131234\u20135678",  # en dash
        "03\u20141234\u20145678",  # em dash
        "03\u20151234\u20155678",  # horizontal bar
        "03\u22121234\u22125678",  # minus sign
        "03\uff0d1234\uff0d5678",  # full-width hyphen-minus
        "03ー1234ー5678",  # katakana prolonged sound mark, as IMEs type it
        "０３ー１２３４ー５６７８",
        "03ｰ1234ｰ5678",  # half-width ｰ
        "０３ｰ１２３４ｰ５６７８",
        "03.1234.5678",
        "０３．１２３４．５６７８",
        "090ー1234ー5678",
    ],
)
def test_phone_numbers_with_any_dash(number):
    # spans in code points of the original text, right after a katakana word
    text = f"センター{number}まで"
    assert phone_spans(text) == [(4, 4 + len(number))]
    assert phone_spans(f"電話 {number}") == [(3, 3 + len(number))]


@pytest.mark.parametrize(
    "text",
    [
        "電話048ー424ー9090",
        "電話０４８ー４２４ー９０９０",
        "電話048\u2010424\u20109090",
        "電話048\u2212424\u22129090",
        "電話０４８ｰ４２４ｰ９０９０",
        "電話048.424.9090",
        "電話048\u2015424\u20159090",
    ],
)
def test_published_number_is_not_flagged_with_any_dash(text):
    assert found(text, "pii.phone") == []


@pytest.mark.parametrize(
    "text",
    [
        "開催日 2026.11.21、2026.01.21 10.30開始",
        "Ver.0.12.345.6789 をリリース",
        "確率は0.123456789です",
        "円周率3.0312345678",
        "価格1,000円、10,000,000円",
        "コーヒーセンターのコーヒー0ー1ー2",
        "スーパーセンター、センター試験",
        "No.01.2345.6",
    ],
)
def test_widened_separators_do_not_make_phones_of_ordinary_text(text):
    assert found(text, "pii.phone") == []


# -- e-mail ------------------------------------------------------------------------------


def test_email_found_and_published_excluded():
    assert found("連絡は taro.yamada@example.com へ", "pii.email") == ["taro.yamada@example.com"]
    assert found("連絡は INFO@city.wako.lg.jp へ", "pii.email") == []
    assert found("連絡は ｔａｒｏ＠ｅｘａｍｐｌｅ．ｃｏｍ へ", "pii.email") == ["ｔａｒｏ＠ｅｘａｍｐｌｅ．ｃｏｍ"]


def test_not_email():
    assert found("@city_wako をフォロー", "pii.email") == []


# -- postal --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("〒123-4567 東京都", "〒123-4567"),
        ("〒1234567", "〒1234567"),
        ("〒１２３－４５６７", "〒１２３－４５６７"),
        ("郵便番号：123-4567", "郵便番号：123-4567"),
        ("123-4567 東京都千代田区", "123-4567"),
        ("本町3丁目5番12号", "3丁目5番12号"),
        ("本町三丁目5-12", "三丁目5-12"),
        ("中央1-2-3 に住む", "1-2-3"),
        ("山田町123番地", "123番地"),
    ],
)
def test_postal_addresses(text, span):
    assert found(text, "pii.postal_address") == [span]


@pytest.mark.parametrize(
    "text",
    [
        "〒351-0192 和光市広沢1番5号",  # the organization's own address
        "電話424-9090までお問い合わせ",  # local phone number, not a postal code
        "本町3丁目交差点で工事",  # an area, not an address
        "第1-2回の会議",  # two numbers only
        "電話048-424-9090",  # leading zero: a phone number
        "1番線から発車",
        "郵便番号：351-0192",  # the organization's own postal code
    ],
)
def test_not_postal_addresses(text):
    assert found(text, "pii.postal_address") == []


KASUMIGASEKI = OrganizationProfile("霞が関庁", postal_addresses=("東京都千代田区霞が関1丁目2番3号",))


def addresses(text, profile=KASUMIGASEKI):
    result = run_checks(DraftInput(text, Platform.FACEBOOK), profile)
    return [text[f.start : f.end] for f in result.findings if f.rule_id == "pii.postal_address"]


@pytest.mark.parametrize(
    ("text", "span"),
    [
        # the own block number in another place is someone's home
        ("大阪市北区中之島1丁目2番3号の山田さん宅", "1丁目2番3号"),
        ("中之島1-2-3の山田さん宅", "1-2-3"),
        ("大阪市北区霞が関1丁目2番3号", "1丁目2番3号"),  # a different 霞が関
        ("大阪府千代田区霞が関1-2-3", "1-2-3"),
        ("新霞が関1-2-3", "1-2-3"),
        ("が関1-2-3", "1-2-3"),
        ("住所は1丁目2番3号", "1丁目2番3号"),  # no place name at all
        ("千代田区霞が関1丁目2番", "1丁目2番"),  # not the whole number
        ("〒100-8926 東京都", "〒100-8926"),
    ],
)
def test_own_block_number_elsewhere_is_reported(text, span):
    assert addresses(text) == [span]


@pytest.mark.parametrize(
    "text",
    [
        "東京都千代田区霞が関1丁目2番3号",
        "東京都千代田区霞が関１丁目２番３号",
        "所在地：千代田区霞が関1-2-3にて",
        "霞が関1\u20102\u20103",
        "霞が関１－２－３",
        "霞が関1丁目2-3",
        "東京都 千代田区 霞が関 1丁目2番3号",
        "本日は霞が関一丁目2番3号で",
    ],
)
def test_own_address_in_any_spelling_is_exempt(text):
    assert addresses(text) == []


# The whole-text patterns open with a character and check what stands before it afterwards, which
# lets the engine leap to the characters that can start a match. Each must still match exactly what
# its plain spelling (look-behind first) matches.
_D = "[-\u2010\u2011\u2013\u2212]"
_PLAIN_SPELLINGS = {
    "phone": (
        pii._PHONE_CANDIDATE,
        rf"(?<![\d+])(?<!\d\.)(?:\+\s?81|\(0|0(?!\.))[\d ()\-{pii._PHONE_DASHES}]{{7,18}}\d(?!\d)",
        "0123456789+().-\u2010ー 8a",
    ),
    "email": (
        pii._EMAIL,
        r"(?<![A-Za-z0-9._%+\-])[A-Za-z0-9._%+\-]+@(?:[A-Za-z0-9](?:[A-Za-z0-9\-]{0,61}[A-Za-z0-9])?\.)+"
        r"[A-Za-z]{2,24}(?![A-Za-z0-9\-])",
        "ab.@-_%+c1x.jp ",
    ),
    "postal": (
        pii._POSTAL_PATTERNS[2][2],
        rf"(?<![\d\-\u2010\u2011\u2013\u2212])\d{{3}}{_D}\d{{4}}(?!\d)(?!{_D})"
        rf"(?=\s*{pii._KANA_KANJI}{{0,8}}?[都道府県市区町村])",
        "0123456789-\u2010\u2212市区県 あ漢",
    ),
    "hyphenated": (
        pii._HYPHENATED,
        rf"(?<![\d\-\u2010\u2011\u2013\u2212])[1-9]\d{{0,2}}{_D}\d{{1,4}}{_D}\d{{1,4}}{pii._NUMBER_END}",
        "0123456789-\u2010\u2212 市",
    ),
}


@pytest.mark.parametrize("name", sorted(_PLAIN_SPELLINGS))
@settings(max_examples=300, deadline=None)
@given(data=st.data())
def test_a_pattern_matches_what_its_plain_spelling_matches(name: str, data: st.DataObject) -> None:
    fast, plain, alphabet = _PLAIN_SPELLINGS[name]
    text = data.draw(st.text(alphabet=alphabet, max_size=40))
    assert [m.span() for m in fast.finditer(text)] == [m.span() for m in re.compile(plain).finditer(text)]
