import json

import pytest

from core.checks import CheckConfig, DraftInput, Severity, list_rules, run_checks
from core.checks.catalog import builtin_rules
from core.organization.profile import OrganizationProfile

ISSUE_RULE_IDS = {
    "link.shortener",
    "link.third_party",
    "pii.mynumber",
    "pii.phone",
    "pii.email",
    "pii.card_number",
    "pii.postal_address",
    "pii.person_name",
    "length.over_limit",
    "media.alt_missing",
    "media.alt_poor",
    "media.caption_missing",
    "media.exif_location",
    "text.invisible_characters",
    "content.dm_request",
    "content.lexicon.defamation",
    "content.lexicon.discrimination",
    "content.lexicon.political",
    "content.lexicon.religious",
    "content.lexicon.commercial",
    "content.lexicon.obscene",
    "content.lexicon.rumour",
    "content.lexicon.confidential",
}
ISSUE_DEFAULTS = {
    "link.shortener": Severity.BLOCK,
    "link.third_party": Severity.CONFIRM,
    "pii.mynumber": Severity.BLOCK,
    "pii.phone": Severity.CONFIRM,
    "pii.email": Severity.CONFIRM,
    "pii.card_number": Severity.BLOCK,
    "pii.postal_address": Severity.CONFIRM,
    "pii.person_name": Severity.CONFIRM,
    "length.over_limit": Severity.BLOCK,
    "media.alt_missing": Severity.BLOCK,
    "media.alt_poor": Severity.WARN,
    "media.caption_missing": Severity.BLOCK,
    "media.exif_location": Severity.WARN,
    "text.invisible_characters": Severity.WARN,
    "content.dm_request": Severity.WARN,
}


def test_rule_ids_and_defaults_are_exactly_the_issue_contract():
    rules = {r.id: r for r in builtin_rules()}
    # media.faces (issue 4), and the platform limits of issue 11 read from core/platforms/facts.py.
    platform_limits = {
        "media.limit",
        "media.single_video",
        "media.file_type",
        "media.file_size",
        "media.video_length",
        "media.alt_too_long",
    }
    # Issue 19: the clauses that had no check, and three more word lists.
    issue19 = {
        "content.harmful_program",
        "content.quote",
        "link.confusable_host",
        "pii.person_details",
        "content.lexicon.illegal",
        "content.lexicon.personal_opinion",
        "content.lexicon.rights",
    }
    assert set(rules) == ISSUE_RULE_IDS | {"media.faces"} | platform_limits | issue19
    assert all(rules[r].default_severity is Severity.BLOCK for r in platform_limits)
    assert all("joso:4(2)" in rules[r].clauses for r in platform_limits)
    for rule_id, severity in ISSUE_DEFAULTS.items():
        assert rules[rule_id].default_severity is severity, rule_id
    assert rules["link.shortener"].clauses == ("wako:5-ア",)
    assert rules["link.third_party"].clauses == ("wako:5-イ", "joso:6(3)")
    assert rules["media.alt_missing"].clauses == ("joso:4(6)",)
    assert rules["content.dm_request"].clauses == ("wako:5-エ",)


def test_every_rule_cites_a_clause_and_has_texts():
    for rule in list_rules():
        assert rule.clauses
        assert all(c.startswith(("wako:", "joso:")) for c in rule.clauses)
        assert rule.description_ja
        assert rule.description_en
        assert rule.example or rule.custom
        # A short name for the settings table, shorter than the description it stands for.
        assert 0 < len(rule.title_ja) <= 20
        assert 0 < len(rule.title_en) <= 40
    titles = [rule.title_ja for rule in list_rules()]
    assert len(titles) == len(set(titles)), "two rules share a title"


def test_round_trip_through_json():
    config = (
        CheckConfig()
        .with_severity("link.third_party", Severity.WARN)
        .with_enabled("content.lexicon.commercial", False)
        .with_words("political", added=["ＡＢＣ党"], removed=["後援会"])
        .with_shorteners(added=["https://Go.Example.jp/x"])
    )
    data = json.loads(json.dumps(config.to_json()))
    again = CheckConfig.from_json(data)
    assert again == config
    assert hash(again) == hash(config)
    assert data["lexicon"]["add"]["political"] == ["abc党"]
    assert data["shorteners"]["add"] == ["go.example.jp"]


def test_empty_json_is_defaults():
    assert CheckConfig.from_json({}) == CheckConfig()
    assert CheckConfig.from_json(None) == CheckConfig()


@pytest.mark.parametrize(
    "data",
    [
        {"severity": {"link.shortener": "fatal"}},
        {"severity": []},
        {"disabled": "link.shortener"},
        {"lexicon": {"add": {"Bad Category": ["x"]}}},
        {"lexicon": {"add": {"political": "x"}}},
        {"shorteners": {"add": ["not a domain!"]}},
        {"version": 99},
    ],
)
def test_malformed_json_is_rejected(data):
    with pytest.raises(ValueError, match=r"\w"):
        CheckConfig.from_json(data)


def test_severity_override_and_disable_apply_to_findings():
    profile = OrganizationProfile("市")
    text = "https://example.com DMでどうぞ"
    config = CheckConfig().with_severity("link.third_party", Severity.BLOCK).with_enabled("content.dm_request", False)
    result = run_checks(DraftInput(text), profile, config)
    assert [(f.rule_id, f.severity) for f in result.findings] == [("link.third_party", Severity.BLOCK)]
    assert result.blocking
    reset = config.with_severity("link.third_party", None)
    assert not run_checks(DraftInput(text), profile, reset).blocking


def test_list_rules_reflects_config_and_custom_lists():
    config = CheckConfig().with_severity("pii.phone", Severity.WARN).with_words("local", added=["語"])
    rules = {r.id: r for r in list_rules(config)}
    assert rules["pii.phone"].severity is Severity.WARN
    assert rules["pii.phone"].default_severity is Severity.CONFIRM
    assert rules["content.lexicon.local"].custom
    assert rules["content.lexicon.local"].lexicon == "local"
    assert rules["content.lexicon.local"].clauses == ("wako:5-prohibited-9", "joso:5(14)")
