"""Per-organization settings of the checks (what 設定 → チェック項目 edits).

A :class:`CheckConfig` is stored by the database layer as the JSON-able dict
of :meth:`CheckConfig.to_json`; :meth:`CheckConfig.from_json` reads it back
and rejects anything malformed with a ``ValueError`` saying what is wrong, so
a bad stored value is reported instead of silently ignored. The ``with_*``
methods return changed copies for the settings screen.

JSON shape (version 1)::

    {"version": 1,
     "severity": {"link.third_party": "warn"},
     "disabled": ["content.lexicon.commercial"],
     "lexicon": {"add": {"political": ["…"], "local_terms": ["…"]},
                 "remove": {"rumour": ["…"]}},
     "shorteners": {"add": ["go.example.jp"], "remove": []}}
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from core.checks.model import Severity

CONFIG_VERSION = 1
_CATEGORY = re.compile(r"^[a-z][a-z0-9_]{0,39}$")


def normalize_word(word: str) -> str:
    """Words are stored and matched in NFKC, case-folded, without outer spaces."""
    return unicodedata.normalize("NFKC", word).strip().casefold()


def _freeze(mapping: Mapping[str, Iterable[str]]) -> dict[str, tuple[str, ...]]:
    frozen: dict[str, tuple[str, ...]] = {}
    for key in sorted(mapping):
        words = sorted({normalize_word(w) for w in mapping[key] if normalize_word(w)})
        if words:
            frozen[key] = tuple(words)
    return frozen


@dataclass(frozen=True)
class CheckConfig:
    """An organization's changes to the built-in rules (empty = defaults)."""

    severity_overrides: Mapping[str, Severity] = field(default_factory=dict)
    disabled_rules: frozenset[str] = frozenset()
    lexicon_added: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    lexicon_removed: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    shorteners_added: tuple[str, ...] = ()
    shorteners_removed: tuple[str, ...] = ()

    def __hash__(self) -> int:
        return hash(json.dumps(self.to_json(), sort_keys=True, ensure_ascii=False))

    def severity_for(self, rule_id: str, default: Severity) -> Severity:
        return self.severity_overrides.get(rule_id, default)

    def is_enabled(self, rule_id: str) -> bool:
        return rule_id not in self.disabled_rules

    # -- changed copies for the settings screen ---------------------------------

    def with_severity(self, rule_id: str, severity: Severity | None) -> CheckConfig:
        """Override a rule's severity; ``None`` returns to the built-in default."""
        overrides = dict(self.severity_overrides)
        if severity is None:
            overrides.pop(rule_id, None)
        else:
            overrides[rule_id] = severity
        return replace(self, severity_overrides=overrides)

    def with_enabled(self, rule_id: str, enabled: bool) -> CheckConfig:
        disabled = set(self.disabled_rules)
        if enabled:
            disabled.discard(rule_id)
        else:
            disabled.add(rule_id)
        return replace(self, disabled_rules=frozenset(disabled))

    def with_words(self, category: str, added: Iterable[str] = (), removed: Iterable[str] = ()) -> CheckConfig:
        """Replace the organization's added/removed words of ``category``."""
        _check_category(category)
        add = dict(self.lexicon_added)
        rem = dict(self.lexicon_removed)
        add[category] = tuple(added)
        rem[category] = tuple(removed)
        return replace(self, lexicon_added=_freeze(add), lexicon_removed=_freeze(rem))

    def with_shorteners(self, added: Iterable[str] = (), removed: Iterable[str] = ()) -> CheckConfig:
        return replace(
            self,
            shorteners_added=_domains(added, "shorteners.add"),
            shorteners_removed=_domains(removed, "shorteners.remove"),
        )

    # -- persistence ---------------------------------------------------------------

    def to_json(self) -> dict[str, Any]:
        """A JSON-able dict with sorted keys and lists (stable for the audit record)."""
        return {
            "version": CONFIG_VERSION,
            "severity": {k: self.severity_overrides[k].value for k in sorted(self.severity_overrides)},
            "disabled": sorted(self.disabled_rules),
            "lexicon": {
                "add": {k: list(v) for k, v in sorted(self.lexicon_added.items())},
                "remove": {k: list(v) for k, v in sorted(self.lexicon_removed.items())},
            },
            "shorteners": {"add": list(self.shorteners_added), "remove": list(self.shorteners_removed)},
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any] | None) -> CheckConfig:
        """Read :meth:`to_json` output; ``{}``/``None`` give the defaults."""
        if not data:
            return cls()
        if not isinstance(data, Mapping):
            raise ValueError("check configuration must be a JSON object")
        version = data.get("version", CONFIG_VERSION)
        if version != CONFIG_VERSION:
            raise ValueError(f"unsupported check configuration version {version!r}")
        severity_raw = _mapping(data.get("severity", {}), "severity")
        overrides: dict[str, Severity] = {}
        for rule_id, value in severity_raw.items():
            try:
                overrides[str(rule_id)] = Severity(value)
            except ValueError:
                raise ValueError(f"severity of {rule_id!r} must be block, confirm or warn, not {value!r}") from None
        disabled = frozenset(_strings(data.get("disabled", []), "disabled"))
        lexicon = _mapping(data.get("lexicon", {}), "lexicon")
        added = _word_lists(lexicon.get("add", {}), "lexicon.add")
        removed = _word_lists(lexicon.get("remove", {}), "lexicon.remove")
        shorteners = _mapping(data.get("shorteners", {}), "shorteners")
        return cls(
            severity_overrides=overrides,
            disabled_rules=disabled,
            lexicon_added=_freeze(added),
            lexicon_removed=_freeze(removed),
            shorteners_added=_domains(_strings(shorteners.get("add", []), "shorteners.add"), "shorteners.add"),
            shorteners_removed=_domains(
                _strings(shorteners.get("remove", []), "shorteners.remove"), "shorteners.remove"
            ),
        )


def _check_category(category: str) -> None:
    if not _CATEGORY.match(category):
        raise ValueError(f"word-list category {category!r} must be lower-case letters, digits and _")


def _mapping(value: Any, where: str) -> Mapping[str, Any]:
    if not isinstance(value, Mapping):
        raise ValueError(f"{where} must be an object")
    return value


def _strings(value: Any, where: str) -> list[str]:
    if not isinstance(value, list | tuple) or not all(isinstance(v, str) for v in value):
        raise ValueError(f"{where} must be a list of strings")
    return list(value)


def _word_lists(value: Any, where: str) -> dict[str, list[str]]:
    lists: dict[str, list[str]] = {}
    for category, words in _mapping(value, where).items():
        _check_category(str(category))
        lists[str(category)] = _strings(words, f"{where}.{category}")
    return lists


def _domains(values: Iterable[str], where: str) -> tuple[str, ...]:
    from core.checks.urls import ascii_host, clean_domain

    result = set()
    for value in values:
        host = ascii_host(clean_domain(value))
        if host is None:
            raise ValueError(f"{where}: {value!r} is not a domain name")
        result.add(host)
    return tuple(sorted(result))
