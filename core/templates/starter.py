"""The starter set of templates shipped as data (``resources/templates/starter_templates.toml``)."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache

from core.accounts.kinds import AccountKind
from core.platforms.facts import Platform
from core.runtime.resources import resource_path
from core.templates.model import TemplateCategory, TemplateContent, validated

STARTER_FILE = ("templates", "starter_templates.toml")
_CLAUSE = re.compile(r"^(wako|joso):[0-9]")


@dataclass(frozen=True)
class StarterTemplate:
    key: str  # stable id of the shipped text (the library records which one a template came from)
    content: TemplateContent


@cache
def starter_templates() -> tuple[StarterTemplate, ...]:
    """Every shipped template, validated (a malformed file is a build error, not the user's)."""
    data = tomllib.loads(resource_path(*STARTER_FILE).read_text(encoding="utf-8"))
    out: list[StarterTemplate] = []
    for entry in data["template"]:
        clauses = tuple(entry["clauses"])
        if not clauses or not all(_CLAUSE.match(c) for c in clauses):
            raise ValueError(f"starter template {entry['key']!r} must cite guideline clauses (wako:…, joso:…)")
        content = TemplateContent(
            name=entry["name"],
            title=entry["title"],
            text=entry["text"],
            category=TemplateCategory(entry["category"]),
            platforms=tuple(Platform.parse(p) for p in entry.get("platforms", [])),
            account_kinds=tuple(AccountKind(k) for k in entry.get("account_kinds", [])),
            clauses=clauses,
            note=entry.get("note", ""),
        )
        out.append(StarterTemplate(entry["key"], validated(content)))
    keys = [s.key for s in out]
    if len(keys) != len(set(keys)):
        raise ValueError("starter template keys must be unique")
    return tuple(out)
