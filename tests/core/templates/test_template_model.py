from __future__ import annotations

import pytest

from core.accounts.kinds import AccountKind
from core.checks.config import CheckConfig
from core.checks.model import Severity
from core.errors import InvalidInput
from core.organization.profile import OrganizationProfile
from core.platforms.facts import Platform
from core.templates.model import (
    TemplateCategory,
    TemplateContent,
    check_template,
    fill_and_check,
    refuse_if_blocking,
    validated,
)
from core.templates.placeholders import Placeholder, samples
from core.templates.starter import starter_templates

PROFILE = OrganizationProfile(name="見本市", own_domains=("city.mihon.lg.jp",), departments=("秘書広報課",))
CLOSURE = TemplateContent(
    name="臨時休館",
    title="{place} 臨時休館",
    text="【臨時休館】{place}は{date}に休館します。詳しくは {url} をご覧ください。",
    category=TemplateCategory.CLOSURE,
)


def test_placeholders_do_not_raise_findings_of_their_own() -> None:
    assert check_template(CLOSURE, PROFILE, CheckConfig()).findings == ()


def test_a_blocking_rule_refuses_the_template() -> None:
    short = TemplateContent("短縮", "{date}", "{date} 詳しくは https://bit.ly/3xYz をご覧ください")
    check = check_template(short, PROFILE, CheckConfig())
    assert not check.ok
    assert [f.finding.rule_id for f in check.blocking] == ["link.shortener"]
    with pytest.raises(InvalidInput, match="wako:5-ア"):
        refuse_if_blocking(check)


def test_a_finding_that_does_not_block_is_kept_as_a_flag() -> None:
    phone = TemplateContent("電話", "{date}", "{date} お問い合わせは 090-1234-5678 まで")
    check = check_template(phone, PROFILE, CheckConfig())
    assert check.ok
    assert check.flags == ("pii.phone",)


def test_length_is_judged_for_each_listed_platform_only() -> None:
    long = TemplateContent("長文", "{date}", "{date}" + "あ" * 200)
    assert check_template(long, PROFILE, CheckConfig()).ok  # for every platform: the draft judges the length
    on_x = check_template(TemplateContent("長文", "{date}", long.text, platforms=(Platform.X,)), PROFILE, CheckConfig())
    assert [(f.platform, f.finding.rule_id) for f in on_x.blocking] == [(Platform.X, "length.over_limit")]


def test_a_filled_template_that_breaks_a_rule_is_reported() -> None:
    values = samples(PROFILE) | {Placeholder.URL: "https://bit.ly/abc"}
    filled = fill_and_check(CLOSURE, values, Platform.X, PROFILE, CheckConfig())
    assert filled.complete
    assert "https://bit.ly/abc" in filled.text
    assert [f.finding.rule_id for f in filled.blocking] == ["link.shortener"]


def test_a_half_filled_template_is_shown_but_not_checked() -> None:
    filled = fill_and_check(CLOSURE, {Placeholder.PLACE: "市民体育館"}, Platform.X, PROFILE, CheckConfig())
    assert filled.missing == (Placeholder.DATE, Placeholder.URL)
    assert filled.title == "市民体育館 臨時休館"
    assert "{date}" in filled.text
    assert filled.findings == ()


def test_scope_by_platform_and_kind() -> None:
    scoped = TemplateContent("x", "t", "t", platforms=(Platform.X, Platform.LINE), account_kinds=(AccountKind.FIELD,))
    assert scoped.applies_to(Platform.LINE, AccountKind.FIELD)
    assert not scoped.applies_to(Platform.FACEBOOK, AccountKind.FIELD)
    assert not scoped.applies_to(Platform.X, AccountKind.OFFICIAL)
    assert CLOSURE.applies_to(Platform.FACEBOOK, AccountKind.OFFICIAL)


def test_validation_trims_and_refuses_empty_fields() -> None:
    with pytest.raises(InvalidInput, match="name"):
        validated(TemplateContent(" ", "t", "t"))
    with pytest.raises(InvalidInput, match="Unknown placeholder"):
        validated(TemplateContent("n", "{who}", "t"))
    assert validated(TemplateContent(" n ", " t ", " x ", clauses=("joso:4(5)", " ", "joso:4(5)"))).clauses == (
        "joso:4(5)",
    )


def test_the_starter_set_covers_the_four_kinds_and_cites_clauses() -> None:
    starters = starter_templates()
    assert {s.content.category for s in starters} >= {
        TemplateCategory.DISASTER,
        TemplateCategory.CLOSURE,
        TemplateCategory.EVENT,
        TemplateCategory.RECRUITMENT,
    }
    assert all(s.content.clauses for s in starters)
    # Disaster information points to the official source (wako:5-prohibited-6, joso:4(5)).
    for starter in starters:
        if starter.content.category is TemplateCategory.DISASTER:
            assert Placeholder.URL in starter.content.placeholders
            assert "wako:5-prohibited-6" in starter.content.clauses


@pytest.mark.parametrize("starter", starter_templates(), ids=lambda s: s.key)
@pytest.mark.parametrize("platform", [Platform.X, Platform.LINE, Platform.FACEBOOK, Platform.BLUESKY])
def test_every_starter_template_passes_the_checks_once_filled(starter, platform) -> None:  # type: ignore[no-untyped-def]
    values = {
        Placeholder.DATE: "12月1日(火)",
        Placeholder.TIME: "午前10時",
        Placeholder.PLACE: "市民体育館",
        Placeholder.URL: "https://www.city.mihon.lg.jp/bousai/",
        Placeholder.DEPARTMENT: "秘書広報課",
        Placeholder.SUBJECT: "大雨警報",
    }
    filled = fill_and_check(starter.content, values, platform, PROFILE, CheckConfig())
    assert filled.complete
    problems = [f.finding for f in filled.findings if f.finding.severity is not Severity.WARN]
    assert problems == [], [p.message_en for p in problems]
