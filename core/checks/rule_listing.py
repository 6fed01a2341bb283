"""What 設定 → チェック項目 shows: every rule with its effective settings.

The screen lists :func:`list_rules`, edits a :class:`CheckConfig` through its
``with_*`` methods and stores ``config.to_json()``; the word lists it edits
are :func:`core.checks.lexicon.effective_lexicons`.
"""

from __future__ import annotations

from dataclasses import dataclass

from core.checks.catalog import builtin_rules, custom_lexicon_rule
from core.checks.config import CheckConfig
from core.checks.lexicon import BUILTIN_CATEGORIES
from core.checks.model import Severity


@dataclass(frozen=True)
class RuleInfo:
    """A rule as the settings screen shows it."""

    id: str
    default_severity: Severity
    severity: Severity  # after the organization's override
    enabled: bool
    clauses: tuple[str, ...]
    title_ja: str
    title_en: str
    description_ja: str
    description_en: str
    example: str
    lexicon: str | None
    custom: bool  # an organization-defined word list

    def title(self, lang: str) -> str:
        return self.title_ja if lang == "ja" else self.title_en

    def description(self, lang: str) -> str:
        return self.description_ja if lang == "ja" else self.description_en


def list_rules(config: CheckConfig | None = None) -> list[RuleInfo]:
    """Every rule (built-in first, then the organization's own word lists)."""
    config = config or CheckConfig()
    rules = list(builtin_rules())
    rules += [
        custom_lexicon_rule(category) for category in sorted(config.lexicon_added) if category not in BUILTIN_CATEGORIES
    ]
    builtin_ids = {r.id for r in builtin_rules()}
    return [
        RuleInfo(
            id=rule.id,
            default_severity=rule.default_severity,
            severity=config.severity_for(rule.id, rule.default_severity),
            enabled=config.is_enabled(rule.id),
            clauses=rule.clauses,
            title_ja=rule.title_ja,
            title_en=rule.title_en,
            description_ja=rule.description_ja,
            description_en=rule.description_en,
            example=rule.example,
            lexicon=rule.lexicon,
            custom=rule.id not in builtin_ids,
        )
        for rule in rules
    ]
