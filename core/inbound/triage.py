"""Triage of an incoming reply: the posting checklist plus the inbound rules → 要対応 / 要確認 / 情報.

The rules are data (``resources/rules/inbound.toml``), each citing its
clause (joso:6(5) threats and fraud, joso:5(n) prohibited kinds, joso:6(6)
abuse). Every reply also goes through the same checklist engine as a draft
(:func:`core.checks.engine.run_checks`): a reply that exposes a My Number, a
phone number or an address, or links through a shortener, is found by the
same code that stops a post from doing so; ``[[engine]]`` entries say how
each finding counts for a reply.

Patterns match the reply's text after NFKC (the engine's normalisation),
katakana folded to hiragana and ASCII lower-cased, so ｺﾛｽ, コロス and ころす
are one word to the rules. Pure functions, no I/O: the service runs them
when storing an item, the benchmark on 10,000 of them.
"""

from __future__ import annotations

import enum
import functools
import tomllib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

import regex

from core.checks.config import CheckConfig
from core.checks.engine import run_checks
from core.checks.model import DraftInput, Finding
from core.checks.normalize import normalize
from core.checks.urls import Link, domain_set, find_links, host_matches
from core.i18n import current_language, tr
from core.organization.profile import OrganizationProfile
from core.platforms.facts import Platform
from core.runtime.resources import resource_path

# Labels that say nothing about whose domain it is (city.example.lg.jp → "example").
_GENERIC_LABELS = frozenset({"www", "city", "town", "vill", "pref", "lg", "go", "jp", "ne", "or", "co", "com", "net"})
_KATAKANA = {code: code - 0x60 for code in range(0x30A1, 0x30F7)}
LINKS_FOR_SPAM = 3


class Level(enum.StrEnum):
    ACTION = "action"  # 要対応
    CHECK = "check"  # 要確認
    INFO = "info"  # 情報

    @property
    def rank(self) -> int:
        return {Level.ACTION: 2, Level.CHECK: 1, Level.INFO: 0}[self]

    @property
    def label(self) -> str:
        return {Level.ACTION: tr("Action needed"), Level.CHECK: tr("To check"), Level.INFO: tr("Information")}[self]


class Category(enum.StrEnum):
    THREAT = "threat"
    ABUSE = "abuse"
    FRAUD = "fraud"
    PERSONAL_DATA = "personal_data"
    PROHIBITED = "prohibited"
    SPAM = "spam"
    LINK = "link"


@dataclass(frozen=True)
class InboundRule:
    id: str
    category: Category
    level: Level
    clauses: tuple[str, ...]
    title_ja: str
    title_en: str
    message_ja: str
    message_en: str
    pattern: regex.Pattern[str] | None
    example: str = ""

    @property
    def title(self) -> str:
        return self.title_ja if current_language() == "ja" else self.title_en


@dataclass(frozen=True)
class EngineMapping:
    rule: str  # a rule id, or a prefix ending in "."
    category: Category
    level: Level
    clauses: tuple[str, ...]

    def covers(self, rule_id: str) -> bool:
        return rule_id.startswith(self.rule) if self.rule.endswith(".") else rule_id == self.rule


@dataclass(frozen=True)
class Match:
    """One reason an item is where it is in the queue (stored with the item as JSON)."""

    rule_id: str
    category: Category
    level: Level
    clauses: tuple[str, ...]
    message_ja: str
    message_en: str

    @property
    def message(self) -> str:
        return self.message_ja if current_language() == "ja" else self.message_en

    @property
    def clause(self) -> str:
        return ", ".join(self.clauses)

    def to_json(self) -> dict[str, Any]:
        return {
            "rule_id": self.rule_id,
            "category": self.category.value,
            "level": self.level.value,
            "clauses": list(self.clauses),
            "message_ja": self.message_ja,
            "message_en": self.message_en,
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Match:
        return cls(
            str(data["rule_id"]),
            Category(data["category"]),
            Level(data["level"]),
            tuple(str(c) for c in data.get("clauses", ())),
            str(data.get("message_ja", "")),
            str(data.get("message_en", "")),
        )


@dataclass(frozen=True)
class Triage:
    level: Level
    matches: tuple[Match, ...]

    @property
    def threat(self) -> bool:
        return any(m.category is Category.THREAT for m in self.matches)


@dataclass(frozen=True)
class InboundRules:
    rules: tuple[InboundRule, ...]
    engine: tuple[EngineMapping, ...]

    def rule(self, rule_id: str) -> InboundRule | None:
        return next((r for r in self.rules if r.id == rule_id), None)


def _rule(raw: Mapping[str, Any]) -> InboundRule:
    patterns = [str(p) for p in raw.get("patterns", [])]
    compiled = regex.compile("|".join(f"(?:{p})" for p in patterns), regex.VERSION1) if patterns else None
    return InboundRule(
        id=str(raw["id"]),
        category=Category(raw["category"]),
        level=Level(raw["level"]),
        clauses=tuple(str(c) for c in raw["clauses"]),
        title_ja=str(raw["title_ja"]),
        title_en=str(raw["title_en"]),
        message_ja=str(raw["message_ja"]),
        message_en=str(raw["message_en"]),
        pattern=compiled,
        example=str(raw.get("example", "")),
    )


@functools.cache
def inbound_rules() -> InboundRules:
    """``resources/rules/inbound.toml``, read and compiled once."""
    data = tomllib.loads(resource_path("rules", "inbound.toml").read_text(encoding="utf-8"))
    rules = tuple(_rule(raw) for raw in data.get("rule", []))
    if len({r.id for r in rules}) != len(rules):
        raise ValueError("duplicate rule id in inbound.toml")
    engine = tuple(
        EngineMapping(str(e["rule"]), Category(e["category"]), Level(e["level"]), tuple(str(c) for c in e["clauses"]))
        for e in data.get("engine", [])
    )
    return InboundRules(rules, engine)


def fold(text: str) -> str:
    """What the inbound patterns read: NFKC without invisible characters, katakana as hiragana, lower case."""
    return normalize(text).text.translate(_KATAKANA).lower()


@functools.lru_cache(maxsize=8)
def _own(domains: tuple[str, ...]) -> tuple[frozenset[str], frozenset[str]]:
    """The organization's domains (ASCII) and their distinguishing labels (``city.example.lg.jp`` → ``example``)."""
    own = domain_set(domains)
    names = {label for domain in own for label in domain.split(".") if len(label) >= 4}
    return own, frozenset(names - _GENERIC_LABELS)


def _lookalike(link: Link, own: frozenset[str], names: frozenset[str]) -> bool:
    if host_matches(link.host, own):
        return False
    if link.has_userinfo:
        return True  # https://city.example.lg.jp@evil.example/ goes to evil.example
    if any(name in link.host for name in names):
        return True
    # A municipal-looking name under another domain: city.example.lg.jp.verify.example
    return ".lg.jp." in link.host


def _code_matches(normalized: str, rules: InboundRules, profile: OrganizationProfile) -> Iterator[Match]:
    links = find_links(normalized, userinfo=True)
    own, names = _own(tuple(profile.own_domains))
    rule = rules.rule("inbound.fraud.lookalike_link")
    for link in links:
        if rule is not None and _lookalike(link, own, names):
            yield _match(rule, link.host)
            break
    spam = rules.rule("inbound.spam.links")
    if spam is not None and len(links) >= LINKS_FOR_SPAM:
        yield _match(spam, str(len(links)))


def _match(rule: InboundRule, word: str) -> Match:
    return Match(
        rule.id,
        rule.category,
        rule.level,
        rule.clauses,
        rule.message_ja.replace("{word}", word),
        rule.message_en.replace("{word}", word),
    )


def _engine_match(finding: Finding, mappings: tuple[EngineMapping, ...]) -> Match | None:
    mapping = next((m for m in mappings if m.covers(finding.rule_id)), None)
    if mapping is None:
        return None  # length, media and the other post-only rules say nothing about a reply
    return Match(
        finding.rule_id,
        mapping.category,
        mapping.level,
        tuple(dict.fromkeys((*mapping.clauses, *finding.clauses))),
        finding.message_ja,
        finding.message_en,
    )


def triage(
    text: str,
    profile: OrganizationProfile,
    config: CheckConfig | None = None,
    *,
    platform: Platform = Platform.X,
    rules: InboundRules | None = None,
) -> Triage:
    """The level and the reasons for one reply's place in the queue."""
    rules = rules or inbound_rules()
    normalized = normalize(text)
    folded = normalized.text.translate(_KATAKANA).lower()
    same_length = len(folded) == len(normalized.text)
    matches: list[Match] = []
    for rule in rules.rules:
        if rule.pattern is None:
            continue
        found = rule.pattern.search(folded)
        if found is not None:
            # The words as the resident wrote them, where the folding kept the positions.
            start, end = normalized.span_to_original(*found.span()) if same_length else (0, 0)
            matches.append(_match(rule, text[start:end] if end > start else found.group()))
    matches.extend(_code_matches(normalized.text, rules, profile))
    seen: set[str] = set()
    for finding in run_checks(DraftInput(text, platform), profile, config or CheckConfig()).findings:
        match = _engine_match(finding, rules.engine)
        if match is not None and match.rule_id not in seen:
            seen.add(match.rule_id)
            matches.append(match)
    matches.sort(key=lambda m: -m.level.rank)
    level = matches[0].level if matches else Level.INFO
    return Triage(level, tuple(matches))


def rule_title(rule_id: str) -> str:
    """A matched rule's title in the current language (inbound rules, then the posting checklist's)."""
    from core.checks.catalog import rule_definition

    rule = inbound_rules().rule(rule_id)
    if rule is not None:
        return rule.title
    definition = rule_definition(rule_id)
    if definition is None:
        return rule_id
    return definition.title_ja if current_language() == "ja" else definition.title_en
