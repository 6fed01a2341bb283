from __future__ import annotations

import pytest

from core.errors import InvalidInput
from core.organization.profile import OrganizationProfile
from core.templates.placeholders import Placeholder, clean_value, fill, missing, parse, placeholders_of, samples

TEXT = "【臨時休館】{place}は{date}に休館します。詳しくは{url} お問い合わせ: {department}"


def test_placeholders_are_listed_once_in_order() -> None:
    assert placeholders_of("{date}{place}", "{date}{url}") == (Placeholder.DATE, Placeholder.PLACE, Placeholder.URL)


def test_an_unknown_placeholder_or_a_lone_brace_is_refused() -> None:
    with pytest.raises(InvalidInput, match="Unknown placeholder"):
        parse("{name}さんへ")
    with pytest.raises(InvalidInput, match="lone brace"):
        parse("会場 {place")
    assert "".join(s.text for s in parse("{{括弧}} {date}")) == "{括弧} {date}"


def test_filled_text_has_every_value() -> None:
    values = {
        Placeholder.PLACE: "市民体育館",
        Placeholder.DATE: "12月1日",
        Placeholder.URL: "https://www.city.mihon.lg.jp/oshirase",
        Placeholder.DEPARTMENT: "秘書広報課",
    }
    assert fill(TEXT, values) == (
        "【臨時休館】市民体育館は12月1日に休館します。"
        "詳しくはhttps://www.city.mihon.lg.jp/oshirase お問い合わせ: 秘書広報課"
    )


def test_a_placeholder_left_unfilled_is_refused() -> None:
    values = {Placeholder.PLACE: "市民体育館", Placeholder.DATE: "  ", Placeholder.URL: "https://a.lg.jp/"}
    assert missing(TEXT, values) == (Placeholder.DATE, Placeholder.DEPARTMENT)
    with pytest.raises(InvalidInput, match="Fill in every placeholder first: Date, Department"):
        fill(TEXT, values)


def test_values_are_one_line_without_braces_and_urls_are_https() -> None:
    with pytest.raises(InvalidInput, match="one line"):
        clean_value(Placeholder.PLACE, "体育館\n2階")
    with pytest.raises(InvalidInput, match="braces"):
        clean_value(Placeholder.SUBJECT, "{date}")
    with pytest.raises(InvalidInput, match="https://"):
        clean_value(Placeholder.URL, "http://www.city.mihon.lg.jp/")
    assert clean_value(Placeholder.PLACE, "  市民体育館 ") == "市民体育館"


def test_samples_come_from_the_organizations_own_profile() -> None:
    profile = OrganizationProfile(
        name="見本市", own_domains=(" ", "City.Mihon.LG.JP"), departments=("秘書広報課",), place_names=("広沢",)
    )
    values = samples(profile)
    assert values[Placeholder.URL] == "https://city.mihon.lg.jp/"
    assert values[Placeholder.DEPARTMENT] == "秘書広報課"
    assert values[Placeholder.PLACE] == "広沢"
    assert set(values) == set(Placeholder)
