"""The guideline's rules for an account's life, as data (``resources/rules/account_lifecycle.toml``).

Opening (consult the sections first: wako 運用開始の留意点, joso:3(2)),
continuation review (joso:7(1) ア–エ), withdrawal with notice (joso:7(2)),
password rotation (joso:6(1), wako:5-カ), private devices and the categories
of information they may carry (wako:5-conduct, joso:6(2)), and the profile
items (joso:3(4) ア–カ). The organization's own choices are stored with its
profile; these are the defaults and the fixed lists.
"""

from __future__ import annotations

import enum
import tomllib
from dataclasses import dataclass
from functools import cache
from typing import Any

from core.i18n import current_language, tr
from core.runtime.resources import resource_path


@dataclass(frozen=True)
class Labelled:
    """An entry with a key, a clause and its words in Japanese and English."""

    key: str
    letter: str
    clause: str
    ja: str
    en: str
    required: bool = True

    @property
    def label(self) -> str:
        return self.ja if current_language() == "ja" else self.en


class RotationOverdue(enum.StrEnum):
    """What an overdue periodic password change does (organization setting)."""

    BLOCK = "block"
    REMIND = "remind"

    @property
    def label(self) -> str:
        return {
            RotationOverdue.BLOCK: tr("Stop posting until it is changed"),
            RotationOverdue.REMIND: tr("Only remind"),
        }[self]


@dataclass(frozen=True)
class LifecycleRules:
    opening_clauses: tuple[str, ...]
    default_sections: tuple[str, ...]
    alternative_sections: tuple[str, ...]
    review_interval_days: int
    criteria: tuple[Labelled, ...]
    notice_days: int
    min_notice_days: int
    max_notice_days: int
    rotation_overdue: RotationOverdue
    max_exception_days: int
    categories: tuple[Labelled, ...]
    profile_items: tuple[Labelled, ...]

    def category(self, key: str) -> Labelled | None:
        return next((c for c in self.categories if c.key == key), None)

    def category_label(self, key: str) -> str:
        found = self.category(key)
        return found.label if found is not None else key


def _entries(raw: list[dict[str, Any]]) -> tuple[Labelled, ...]:
    return tuple(
        Labelled(
            key=str(e["key"]),
            letter=str(e.get("letter", "")),
            clause=str(e.get("clause", "")),
            ja=str(e["ja"]),
            en=str(e["en"]),
            required=bool(e.get("required", True)),
        )
        for e in raw
    )


@cache
def lifecycle_rules() -> LifecycleRules:
    data = tomllib.loads(resource_path("rules", "account_lifecycle.toml").read_text(encoding="utf-8"))
    opening, continuation, withdrawal = data["opening"], data["continuation"], data["withdrawal"]
    return LifecycleRules(
        opening_clauses=tuple(opening["clauses"]),
        default_sections=tuple(opening["default_sections"]),
        alternative_sections=tuple(opening.get("alternative_sections", ())),
        review_interval_days=int(continuation["review_interval_days"]),
        criteria=_entries(continuation["criteria"]),
        notice_days=int(withdrawal["notice_days"]),
        min_notice_days=int(withdrawal["min_notice_days"]),
        max_notice_days=int(withdrawal["max_notice_days"]),
        rotation_overdue=RotationOverdue(data["rotation"]["overdue"]),
        max_exception_days=int(data["devices"]["max_exception_days"]),
        categories=_entries(data["devices"]["categories"]),
        profile_items=_entries(data["profile"]["items"]),
    )


DEFAULT_CATEGORY = "general"


def category_keys() -> tuple[str, ...]:
    return tuple(c.key for c in lifecycle_rules().categories)
