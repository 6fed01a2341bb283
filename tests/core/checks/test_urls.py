import pytest

from core.checks import CheckConfig, DraftInput, Platform, run_checks
from core.checks.urls import find_links, host_matches
from core.organization.profile import OrganizationProfile

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


# -- userinfo (``user@`` before the host) ------------------------------------------


def link_and_email_findings(text, profile=PROFILE):
    result = run_checks(DraftInput(text, Platform.MISSKEY), profile)
    return [f for f in result.findings if f.rule_id.startswith(("link.", "pii.email"))]


@pytest.mark.parametrize(
    ("text", "span", "rule", "host"),
    [
        ("https://city.sample.lg.jp@bit.ly/x", "https://city.sample.lg.jp@bit.ly/x", "link.shortener", "bit.ly"),
        ("https://user@bit.ly/abc", "https://user@bit.ly/abc", "link.shortener", "bit.ly"),
        ("https://a:b@t.co/x", "https://a:b@t.co/x", "link.shortener", "t.co"),
        (
            "詳細はhttps://city.sample.lg.jp@evil.example/xをご覧ください",
            "https://city.sample.lg.jp@evil.example/x",
            "link.third_party",
            "evil.example",
        ),
        (
            "ＨＴＴＰＳ：／／ｕｓｅｒ＠ｂｉｔ．ｌｙ／ａｂｃ",
            "ＨＴＴＰＳ：／／ｕｓｅｒ＠ｂｉｔ．ｌｙ／ａｂｃ",
            "link.shortener",
            "bit.ly",
        ),
        ("https://市役所@bit.ly/x", "https://市役所@bit.ly/x", "link.shortener", "bit.ly"),
        # any host behind a userinfo is where the link goes, dotted name or not
        (
            "https://city.sample.lg.jp@localhost/x",
            "https://city.sample.lg.jp@localhost/x",
            "link.third_party",
            "localhost",
        ),
        (
            "https://city.sample.lg.jp@3232235521/",
            "https://city.sample.lg.jp@3232235521/",
            "link.third_party",
            "3232235521",
        ),
        # without a scheme, an address followed by a path is a link with userinfo
        ("詳しくはuser@bit.ly/abcへ", "user@bit.ly/abc", "link.shortener", "bit.ly"),
        ("a:b@t.co/x", "a:b@t.co/x", "link.shortener", "t.co"),
        ("city.sample.lg.jp@evil.com/x", "city.sample.lg.jp@evil.com/x", "link.third_party", "evil.com"),
    ],
)
def test_userinfo_does_not_hide_the_real_host(text, span, rule, host):
    findings = link_and_email_findings(text)
    assert [(f.rule_id, text[f.start : f.end]) for f in findings] == [(rule, span)]  # not also pii.email
    assert f"({host})" in findings[0].message_en
    assert f"（{host}）" in findings[0].message_ja


def test_userinfo_naming_the_own_domain_is_not_own():
    text = "https://www.city.sample.lg.jp@city.sample.lg.jp.evil.example/"
    assert rules(text) == [("link.third_party", text)]


def test_own_host_after_userinfo_is_own():
    assert link_and_email_findings("https://bit.ly@www.city.sample.lg.jp/x") == []


@pytest.mark.parametrize(
    ("text", "emails"),
    [
        ("連絡は user@bit.ly まで", ["user@bit.ly"]),
        ("連絡先 a@example.com/b@example.com", ["a@example.com", "b@example.com"]),
        ("taro@example.com/", ["taro@example.com"]),
        ("taro.yamada.jp@gmail.com", ["taro.yamada.jp@gmail.com"]),
        ("info.example.co.jp@gmail.com", ["info.example.co.jp@gmail.com"]),  # not a link to example.co
    ],
)
def test_bare_addresses_stay_addresses(text, emails):
    findings = link_and_email_findings(text)
    assert [(f.rule_id, text[f.start : f.end]) for f in findings] == [("pii.email", e) for e in emails]


def test_link_with_userinfo_asks_for_the_link_confirmations():
    from core.checks.confirmations import AppliesTo, confirmation_items, confirmations_for

    link_items = {item for item in confirmation_items() if item.applies_to is AppliesTo.LINKS}
    assert link_items
    assert link_items <= set(confirmations_for(DraftInput("https://user@bit.ly/x")))
    assert not link_items & set(confirmations_for(DraftInput("連絡は user@bit.ly まで")))


def test_userinfo_without_a_host_is_no_link_to_the_userinfo():
    # ``https://city.sample.lg.jp@`` goes nowhere; it is not a link to city.sample.lg.jp
    assert find_links("https://city.sample.lg.jp@ です", userinfo=True) == []
    assert [link.host for link in find_links("https://city.sample.lg.jp/ です", userinfo=True)] == ["city.sample.lg.jp"]


WIKI = "https://ja.wikipedia.org/wiki/和光市_(埼玉県)"
WIKI_ROOT = "https://ja.wikipedia.org/wiki/"
BOUSAI = "https://www.city.example.lg.jp/bousai/"


@pytest.mark.parametrize(
    ("text", "default", "unicode_paths"),
    [
        (WIKI, WIKI_ROOT, WIKI),
        (f"（{WIKI}）を参照", WIKI_ROOT, WIKI),
        ("https://ja.wikipedia.org/wiki/和光市をご覧", WIKI_ROOT, "https://ja.wikipedia.org/wiki/和光市"),
        (f"詳しくは{BOUSAI}をご覧ください。", BOUSAI, BOUSAI),
        ("https://www.city.example.lg.jp和光市", "https://www.city.example.lg.jp", "https://www.city.example.lg.jp"),
    ],
)
def test_unicode_paths_only_when_asked(text, default, unicode_paths):
    # Off by default: twitter-text (and so X's count) ends a link at a non-Latin letter;
    # Bluesky's facets ask for paths that run on, up to hiragana or CJK punctuation.
    assert [text[link.start : link.end] for link in find_links(text)] == [default]
    assert [text[link.start : link.end] for link in find_links(text, unicode_paths=True)] == [unicode_paths]
