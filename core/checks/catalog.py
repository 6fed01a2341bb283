"""The rule catalogue: every automatic rule, its default severity and its clauses.

Built-in rules are data (``resources/rules/rules.toml``) so that the clause a
rule enforces is visible and editable without reading code. Organizations can
also add their own word-list categories; those get a rule of their own
(``content.lexicon.<category>``) citing the guidelines' catch-all clauses.
"""

from __future__ import annotations

import functools
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from core.checks.model import Severity
from core.runtime.resources import resource_path

LEXICON_PREFIX = "content.lexicon."
# "その他市/組合が不適切と判断した情報": the clauses for organization-defined lists.
CUSTOM_LEXICON_CLAUSES = ("wako:5-prohibited-9", "joso:5(14)")


@dataclass(frozen=True)
class RuleDefinition:
    """One rule as shipped. ``lexicon`` names the word list of a word-list rule."""

    id: str
    default_severity: Severity
    clauses: tuple[str, ...]
    title_ja: str
    title_en: str
    description_ja: str
    description_en: str
    message_ja: str
    message_en: str
    example: str
    lexicon: str | None = None


def _definition(raw: Mapping[str, Any]) -> RuleDefinition:
    try:
        return RuleDefinition(
            id=str(raw["id"]),
            default_severity=Severity(raw["severity"]),
            clauses=tuple(str(c) for c in raw["clauses"]),
            title_ja=str(raw["title_ja"]),
            title_en=str(raw["title_en"]),
            description_ja=str(raw["description_ja"]),
            description_en=str(raw["description_en"]),
            message_ja=str(raw["message_ja"]),
            message_en=str(raw["message_en"]),
            example=str(raw.get("example", "")),
            lexicon=str(raw["lexicon"]) if "lexicon" in raw else None,
        )
    except (KeyError, ValueError, TypeError) as exc:
        raise ValueError(f"invalid rule {raw.get('id', '?')!r} in rules.toml: {exc}") from exc


@functools.cache
def builtin_rules() -> tuple[RuleDefinition, ...]:
    """The shipped rules in file order (cached; the file is read once)."""
    with resource_path("rules", "rules.toml").open("rb") as handle:
        data = tomllib.load(handle)
    rules = tuple(_definition(raw) for raw in data.get("rule", []))
    ids = [r.id for r in rules]
    if len(ids) != len(set(ids)):
        raise ValueError("duplicate rule id in rules.toml")
    return rules


@functools.cache
def builtin_rule_map() -> dict[str, RuleDefinition]:
    return {rule.id: rule for rule in builtin_rules()}


def custom_lexicon_rule(category: str) -> RuleDefinition:
    """The rule for an organization-defined word-list category."""
    return RuleDefinition(
        id=LEXICON_PREFIX + category,
        default_severity=Severity.CONFIRM,
        clauses=CUSTOM_LEXICON_CLAUSES,
        title_ja=f"語句リスト「{category}」",
        title_en=f"Word list {category!r}",
        description_ja=f"組織が追加した語句リスト「{category}」に含まれる語句。",
        description_en=f"Words in the organization's own list {category!r}.",
        message_ja="組織が確認を求めている語句（{word}）が含まれています。",
        message_en="This contains a word your organization asks to review ({word}).",
        example="",
        lexicon=category,
    )


def rule_definition(rule_id: str) -> RuleDefinition | None:
    """The definition of ``rule_id``, including organization-defined word lists."""
    rule = builtin_rule_map().get(rule_id)
    if rule is None and rule_id.startswith(LEXICON_PREFIX) and len(rule_id) > len(LEXICON_PREFIX):
        return custom_lexicon_rule(rule_id[len(LEXICON_PREFIX) :])
    return rule
