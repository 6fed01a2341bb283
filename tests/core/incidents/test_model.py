"""Incident kinds, their clauses and steps come from resources/rules/incidents.toml."""

from __future__ import annotations

from core.audit.events import event_label
from core.i18n import set_language
from core.incidents.model import IncidentKind, IncidentState, StepKind, kind_facts
from core.lifecycle.transitions import INCIDENTS


def test_every_kind_cites_a_clause_and_ends_closed() -> None:
    facts = kind_facts()
    assert set(facts) == set(IncidentKind)
    for kind, fact in facts.items():
        assert fact.clauses, kind
        assert all(c.startswith(("wako:", "joso:")) for c in fact.clauses)
        assert fact.steps[-1] is StepKind.CLOSED
    assert "joso:6(4)" in IncidentKind.HIJACK.facts.clauses
    assert StepKind.POLICE_CONSULTED in IncidentKind.THREAT.facts.steps


def test_labels_follow_the_language() -> None:
    set_language("ja")
    assert IncidentKind.FLAMING.label == "炎上"
    set_language("en")
    assert IncidentKind.IMPERSONATION.label == "Impersonation"


def test_a_closed_incident_stays_closed() -> None:
    assert INCIDENTS.final(IncidentState.CLOSED)
    assert INCIDENTS.allows(IncidentState.CONTAINED, IncidentState.OPEN)


def test_every_step_has_an_audit_label() -> None:
    assert [s.audit_event for s in StepKind if event_label(s.audit_event) == s.audit_event] == []
