"""Incidents after posting (wako:5-impersonation, joso:6(4)–(6)): kinds, states, steps.

The kinds and the steps each guideline asks for are data
(``resources/rules/incidents.toml``), so an administrator can read why a step
is asked for. Everything here is plain data: the service
(:mod:`core.services.incidents`) stores it and records every step in the
audit chain.
"""

from __future__ import annotations

import enum
import tomllib
from dataclasses import dataclass
from datetime import datetime
from functools import cache

from core.i18n import current_language, tr
from core.lifecycle.states import IncidentState
from core.runtime.resources import resource_path

__all__ = ["IncidentState"]  # re-exported: an incident's state is part of its picture


class IncidentKind(enum.StrEnum):
    IMPERSONATION = "impersonation"
    HIJACK = "hijack"
    THREAT = "threat"
    FLAMING = "flaming"
    MISINFORMATION = "misinformation"

    @property
    def facts(self) -> KindFacts:
        return kind_facts()[self]

    @property
    def label(self) -> str:
        return self.facts.label


class Severity(enum.StrEnum):
    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"

    @property
    def label(self) -> str:
        return {Severity.LOW: tr("Low"), Severity.MEDIUM: tr("Medium"), Severity.HIGH: tr("High")}[self]


class StepKind(enum.StrEnum):
    REPORTED_TO_SECTION = "reported_to_section"
    PLATFORM_REPORTED = "platform_reported"
    POLICE_CONSULTED = "police_consulted"
    NOTICE_PUBLISHED = "notice_published"
    CREDENTIAL_CHANGED = "credential_changed"
    POSTS_COMPARED = "posts_compared"
    RESPONSE_POSTED = "response_posted"
    NOTE = "note"
    CLOSED = "closed"

    @property
    def label(self) -> str:
        return {
            StepKind.REPORTED_TO_SECTION: tr("Reported to the PR / administration section"),
            StepKind.PLATFORM_REPORTED: tr("Reported to the platform (deletion request)"),
            StepKind.POLICE_CONSULTED: tr("Consulted the police"),
            StepKind.NOTICE_PUBLISHED: tr("Notice published on the website"),
            StepKind.CREDENTIAL_CHANGED: tr("Password changed and sessions revoked"),
            StepKind.POSTS_COMPARED: tr("Account's posts compared with KohoGate's record"),
            StepKind.RESPONSE_POSTED: tr("Correction or response posted"),
            StepKind.NOTE: tr("Note"),
            StepKind.CLOSED: tr("Closed with a summary"),
        }[self]

    @property
    def audit_event(self) -> str:
        return f"incident.{self.value}"


@dataclass(frozen=True)
class KindFacts:
    kind: IncidentKind
    label_ja: str
    label_en: str
    clauses: tuple[str, ...]
    steps: tuple[StepKind, ...]

    @property
    def label(self) -> str:
        return self.label_ja if current_language() == "ja" else self.label_en


@cache
def kind_facts() -> dict[IncidentKind, KindFacts]:
    """The kinds as ``resources/rules/incidents.toml`` defines them (every enum member must be there)."""
    data = tomllib.loads(resource_path("rules", "incidents.toml").read_text(encoding="utf-8"))
    facts = {}
    for entry in data["kind"]:
        kind = IncidentKind(entry["id"])
        facts[kind] = KindFacts(
            kind,
            str(entry["label_ja"]),
            str(entry["label_en"]),
            tuple(str(c) for c in entry["clauses"]),
            tuple(StepKind(s) for s in entry["steps"]),
        )
    missing = set(IncidentKind) - facts.keys()
    if missing:
        raise ValueError(f"incidents.toml lacks the kinds {sorted(missing)}")
    return facts


@dataclass(frozen=True)
class Step:
    """One entry of an incident's timeline (append-only)."""

    id: int
    kind: StepKind
    at: datetime
    recorded_by: str
    counterpart: str  # to whom / which station / which platform
    reference: str  # ticket number, reference number, notice URL
    note: str


@dataclass(frozen=True)
class Evidence:
    id: int
    sha256: str
    label: str
    url: str
    filename: str
    mime: str
    size: int
    recorded_at: datetime
    recorded_by: str


@dataclass(frozen=True)
class Suspect:
    """An account that poses as one of ours (wako:5-impersonation): named in the platform report and the notice."""

    id: int
    platform: str
    handle: str
    display_name: str
    url: str
    recorded_at: datetime
    recorded_by: str


@dataclass(frozen=True)
class OfficialRef:
    """One of the registry's accounts as an incident names it (the real one residents should trust)."""

    id: int
    platform: str
    handle: str
    display_name: str
    url: str
    verified: bool
    department: str = ""


@dataclass(frozen=True)
class IncidentSummary:
    id: int
    kind: IncidentKind
    title: str
    severity: Severity
    state: IncidentState
    discovered_at: datetime
    accounts: tuple[str, ...]


@dataclass(frozen=True)
class IncidentDetail:
    summary: IncidentSummary
    description: str
    discovered_by: str
    account_ids: tuple[int, ...]
    steps: tuple[Step, ...]
    evidence: tuple[Evidence, ...]
    row_version: int
    suspects: tuple[Suspect, ...] = ()
    officials: tuple[OfficialRef, ...] = ()  # the accounts concerned, as the registry knows them
    warning_drafts: tuple[int, ...] = ()  # drafts prepared from this incident (they go through sign-off)

    @property
    def next_steps(self) -> tuple[StepKind, ...]:
        """The guideline's steps for this kind not yet in the timeline, in the guideline's order."""
        done = {s.kind for s in self.steps}
        return tuple(s for s in self.summary.kind.facts.steps if s not in done)
