"""The text of a warning post prepared from an incident (wako:5-impersonation 注意喚起, joso:6(4)).

The texts are data (``resources/templates/warning_posts.toml``); this picks
the first variant that fits the platform's limit as the platform counts it
(:mod:`core.platforms.facts`, :func:`core.checks.length.count`). The draft it
becomes is checked and signed off like any other post.
"""

from __future__ import annotations

import tomllib
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from core.checks.length import count
from core.incidents.model import IncidentKind
from core.platforms.facts import Platform
from core.runtime.resources import resource_path


@dataclass(frozen=True)
class WarningTemplate:
    kind: IncidentKind
    title: str
    variants: tuple[str, ...]


@dataclass(frozen=True)
class WarningPost:
    title: str
    text: str


@cache
def warning_templates() -> dict[IncidentKind, WarningTemplate]:
    data = tomllib.loads(resource_path("templates", "warning_posts.toml").read_text(encoding="utf-8"))
    templates = {}
    for entry in data["post"]:
        kind = IncidentKind(entry["kind"])
        templates[kind] = WarningTemplate(kind, str(entry["title"]), tuple(str(v) for v in entry["variants"]))
    return templates


def fits(text: str, platform: Platform) -> bool:
    facts = platform.facts
    return count(text, facts.counting) <= facts.text_limit


def warning_post(
    kind: IncidentKind, platform: Platform, organization: str, accounts: Sequence[str], notice_url: str = ""
) -> WarningPost | None:
    """The first variant that fits ``platform``; ``None`` if the kind has no warning post."""
    template = warning_templates().get(kind)
    if template is None:
        return None
    candidates = []
    for variant in template.variants:
        if "{notice_url}" in variant and not notice_url:
            continue
        text = variant.format(org=organization, accounts="、".join(accounts), notice_url=notice_url)
        candidates.append(text)
        if fits(text, platform):
            return WarningPost(template.title, text)
    # Nothing fits (a very long name): the shortest one; the composer's length check shows what to cut.
    return WarningPost(template.title, min(candidates, key=len)) if candidates else None
