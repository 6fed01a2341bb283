"""Consultation before an account opens (wako 運用開始の留意点, joso:3(2)).

The organization names the sections to consult (by default the guideline's:
:mod:`core.accounts.lifecycle_rules`); filing the operating policy is refused
until each has a recorded consultation whose latest outcome is not a refusal.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime

from core.accounts.lifecycle_rules import lifecycle_rules
from core.i18n import tr


class ConsultOutcome(enum.StrEnum):
    AGREED = "agreed"  # 了承
    CONDITIONS = "conditions"  # 条件付き了承
    NOT_AGREED = "not_agreed"  # 了承せず

    @property
    def label(self) -> str:
        return {
            ConsultOutcome.AGREED: tr("Agreed"),
            ConsultOutcome.CONDITIONS: tr("Agreed with conditions"),
            ConsultOutcome.NOT_AGREED: tr("Not agreed"),
        }[self]

    @property
    def clears(self) -> bool:
        return self is not ConsultOutcome.NOT_AGREED


@dataclass(frozen=True)
class Consultation:
    id: int
    section: str
    consulted_at: datetime
    counterpart: str
    outcome: ConsultOutcome
    note: str
    recorded_by: str = ""


def sections_to_consult(configured: Sequence[str] | None) -> tuple[str, ...]:
    """The organization's list, or the guideline's when it has none."""
    if configured is None:
        return lifecycle_rules().default_sections
    return tuple(s for s in (str(x).strip() for x in configured) if s)


def latest_by_section(consultations: Iterable[Consultation]) -> dict[str, Consultation]:
    latest: dict[str, Consultation] = {}
    for c in sorted(consultations, key=lambda c: (c.consulted_at, c.id)):
        latest[c.section] = c
    return latest


def consultation_problems(sections: Sequence[str], consultations: Iterable[Consultation]) -> list[str]:
    """Why the account may not be filed yet for want of consultation (empty: every section agreed)."""
    latest = latest_by_section(consultations)
    clauses = "、".join(lifecycle_rules().opening_clauses)
    problems: list[str] = []
    for section in sections:
        found = latest.get(section)
        if found is None:
            problems.append(
                tr("No consultation with {section} is recorded ({clauses}).").format(section=section, clauses=clauses)
            )
        elif not found.outcome.clears:
            problems.append(
                tr("{section} did not agree on {date}; consult again ({clauses}).").format(
                    section=section, date=found.consulted_at.astimezone().strftime("%Y-%m-%d"), clauses=clauses
                )
            )
    return problems
