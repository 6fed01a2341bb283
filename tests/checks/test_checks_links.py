import pytest

from core.checks import CheckConfig, DraftInput, Platform, run_checks
from core.checks.urls import find_links, host_matches
from core.organization import OrganizationProfile

PROFILE = OrganizationProfile("サンプル市", own_domains=("city.sample.lg.jp",))


def rules(text, profile=PROFILE, config=None):
    result = run_checks(DraftInput(text, Platform.MISSKEY), profile, config)
    return [(f.rule_id, text[f.start : f.end]) for f in result.findings if f.rule_id.startswith("link.")]


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("詳しくは https://bit.ly/3abc をご覧ください", "https://bit.ly/3abc"),
        ("詳しくはbit.ly/3abcをご覧ください", "bit.ly/3abc"),
        ("HTTPS://BIT.LY/ABC", "HTTPS://BIT.LY/ABC"),
        ("ｂｉｔ．ｌｙ／ａｂｃ", "ｂｉｔ．ｌｙ／ａｂｃ"),
        ("bit\u200b.ly/abc", "bit\u200b.ly/abc"),
        ("申込はforms.gle/xyz。", "forms.gle/xyz"),
        ("https://www.tinyurl.com/abc", "https://www.tinyurl.com/abc"),
        ("(t.co/abc)", "t.co/abc"),
    ],
)
def test_shortener_found_in_every_spelling(text, span):
    assert rules(text) == [("link.shortener", span)]


def test_shortener_not_also_reported_as_third_party():
    assert [r for r, _ in rules("bit.ly/x")] == ["link.shortener"]


def test_not_a_shortener_by_suffix_only():
    assert rules("https://notbit.ly/x") == [("link.third_party", "https://notbit.ly/x")]


def test_own_domain_and_subdomain_are_not_third_party():
    assert rules("https://www.city.sample.lg.jp/kurashi/ と city.sample.lg.jp") == []


@pytest.mark.parametrize(
    "text",
    ["https://city.sample.lg.jp.evil.example/", "https://evilcity.sample.lg.jp/", "https://sample.lg.jp/"],
)
def test_lookalike_hosts_are_third_party(text):
    assert rules(text) == [("link.third_party", text)]


def test_trailing_japanese_punctuation_and_text_end_the_link():
    text = "詳細はhttps://www.example.com/page。次に、www.example.org/aをご覧ください"
    assert rules(text) == [
        ("link.third_party", "https://www.example.com/page"),
        ("link.third_party", "www.example.org/a"),
    ]


def test_idn_host_is_detected_and_compared_in_punycode():
    profile = OrganizationProfile("和光市", own_domains=("和光市.jp",))
    assert rules("https://和光市.jp/a", profile) == []
    assert rules("https://例え.jp/", PROFILE) == [("link.third_party", "https://例え.jp/")]


def test_email_domain_is_not_a_link():
    assert rules("info@example.com") == []


def test_own_domain_written_as_url_in_profile():
    profile = OrganizationProfile("x", own_domains=("https://Ｗｗｗ.City.Sample.lg.jp/top",))
    assert rules("https://www.city.sample.lg.jp/x", profile) == []


def test_organization_added_shortener():
    config = CheckConfig().with_shorteners(added=["go.example.jp"])
    assert rules("go.example.jp/x", config=config) == [("link.shortener", "go.example.jp/x")]
    removed = CheckConfig().with_shorteners(removed=["bit.ly"])
    assert rules("bit.ly/x", config=removed) == [("link.third_party", "bit.ly/x")]


def test_no_link_in_plain_text_with_dots():
    assert find_links("e.g. Ver.1.2 IMG_1234.JPG 午後3.5時間 No.1") == []


def test_host_matches_exact_or_subdomain():
    own = frozenset({"city.sample.lg.jp"})
    assert host_matches("city.sample.lg.jp", own)
    assert host_matches("www.city.sample.lg.jp", own)
    assert not host_matches("city.sample.lg.jp.evil.example", own)
    assert not host_matches("xcity.sample.lg.jp", own)


def test_link_span_keeps_balanced_parentheses():
    text = "(https://ja.wikipedia.org/wiki/和光_(x))"
    links = find_links(text)
    assert text[links[0].start : links[0].end] == "https://ja.wikipedia.org/wiki/"
