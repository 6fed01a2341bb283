"""インシデント報告書: the report of an incident for 管理課 or the police (joso:6(4)(5)).

The incident and the accounts it concerns, the timeline (discovery, every
step with whom and which reference, every piece of evidence recorded, in the
order they happened, each with who recorded it), the evidence with its
SHA-256 checked again as the report is made, the steps the guideline still
asks for, and the audit entries that carry each step (sequence number and
hash, so anyone can find them in the tamper-evident record).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import or_, select

from core.audit.events import event_label
from core.errors import KohoGateError
from core.i18n import tr
from core.incidents.model import IncidentDetail
from core.platforms.facts import platform_label
from core.records.pdf import RecordPdf, local_time, usable_target
from core.storage.engine import Store
from core.storage.models import AuditEntry, OfficialAccount, Organization, Staff


@dataclass(frozen=True)
class TimelineRow:
    at: datetime
    what: str
    by: str
    counterpart: str
    reference: str
    note: str


@dataclass(frozen=True)
class EvidenceRow:
    number: int
    label: str
    where: str
    mime: str
    size: int
    sha256: str
    recorded_by: str
    recorded_at: datetime
    intact: bool


@dataclass(frozen=True)
class AuditRef:
    seq: int
    at: datetime
    who: str
    event: str
    hash: str


@dataclass(frozen=True)
class IncidentReport:
    detail: IncidentDetail
    organization: str
    accounts: tuple[str, ...]
    timeline: tuple[TimelineRow, ...]
    evidence: tuple[EvidenceRow, ...]
    audit: tuple[AuditRef, ...]
    printed_at: datetime


def _intact(store: Store, evidence_id: int) -> bool:
    from core.services.incidents import read_evidence

    try:
        read_evidence(store, evidence_id)
    except KohoGateError:
        return False
    return True


def _timeline(detail: IncidentDetail) -> list[TimelineRow]:
    rows = [
        TimelineRow(
            detail.summary.discovered_at,
            tr("Discovered and reported"),
            detail.discovered_by,
            "",
            "",
            detail.description,
        )
    ]
    rows += [TimelineRow(s.at, s.kind.label, s.recorded_by, s.counterpart, s.reference, s.note) for s in detail.steps]
    rows += [
        TimelineRow(
            e.recorded_at,
            tr("Evidence {n} recorded").format(n=index),
            e.recorded_by,
            "",
            e.url or e.filename,
            e.label,
        )
        for index, e in enumerate(detail.evidence, start=1)
    ]
    return sorted(rows, key=lambda row: row.at)


def _audit_refs(store: Store, incident_id: int) -> list[AuditRef]:
    # Canonical JSON has no spaces, so the incident's id appears as "incident_id":N followed by , or }.
    needle = f'"incident_id":{incident_id}'
    with store.read() as session:
        names: dict[str, str] = {
            login: name for login, name in session.execute(select(Staff.os_login, Staff.display_name))
        }
        entries = session.scalars(
            select(AuditEntry)
            .where(or_(AuditEntry.payload.contains(needle + ","), AuditEntry.payload.contains(needle + "}")))
            .order_by(AuditEntry.seq)
        )
        refs = []
        for entry in entries:
            try:
                if json.loads(entry.payload).get("incident_id") != incident_id:
                    continue
            except (ValueError, AttributeError):
                continue
            at = datetime.strptime(entry.recorded_at, "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=UTC)
            who = f"{names[entry.actor]} ({entry.actor})" if entry.actor in names else entry.actor
            refs.append(AuditRef(entry.seq, at, who, event_label(entry.event), entry.hash))
        return refs


def load_incident_report(store: Store, incident_id: int) -> IncidentReport:
    from core.services.incidents import load_incident

    detail = load_incident(store, incident_id)
    with store.read() as session:
        org = session.get(Organization, 1)
        accounts = tuple(
            f"{a.display_name} ({a.handle}, {platform_label(a.platform)})"
            for a in session.scalars(
                select(OfficialAccount).where(OfficialAccount.id.in_(detail.account_ids)).order_by(OfficialAccount.id)
            )
        )
    evidence = tuple(
        EvidenceRow(
            index,
            e.label,
            e.url or e.filename,
            e.mime,
            e.size,
            e.sha256,
            e.recorded_by,
            e.recorded_at,
            _intact(store, e.id),
        )
        for index, e in enumerate(detail.evidence, start=1)
    )
    return IncidentReport(
        detail=detail,
        organization=org.name if org else "",
        accounts=accounts,
        timeline=tuple(_timeline(detail)),
        evidence=evidence,
        audit=tuple(_audit_refs(store, incident_id)),
        printed_at=store.now(),
    )


def render_incident_report(report: IncidentReport) -> RecordPdf:
    detail, summary = report.detail, report.detail.summary
    title = tr("Incident report")
    number = tr("Incident {id}").format(id=summary.id)
    pdf = RecordPdf(title, footer=f"{number}  {summary.title}", subject=summary.title, author=report.organization)
    pdf.title(title, right=report.organization)
    pdf.fields(
        [
            (tr("Incident"), number),
            (tr("Subject (件名)"), summary.title),
            (tr("Kind"), f"{summary.kind.label} ({', '.join(summary.kind.facts.clauses)})"),
            (tr("Severity"), summary.severity.label),
            (tr("State"), summary.state.label),
            (tr("Discovered"), local_time(summary.discovered_at)),
            (tr("Discovered by"), detail.discovered_by),
            (tr("Accounts concerned"), "\n".join(report.accounts) or tr("none")),
            (tr("Description"), detail.description or tr("none")),
        ],
        label_width=36,
    )
    pdf.heading(tr("Timeline"))
    pdf.table(
        [tr("When"), tr("What"), tr("By"), tr("To whom / where"), tr("Reference"), tr("Notes")],
        [[local_time(r.at), r.what, r.by, r.counterpart, r.reference, r.note] for r in report.timeline],
        (35, 28, 22, 25, 28, pdf.width - 138),
    )
    pdf.heading(tr("Evidence"))
    if not report.evidence:
        pdf.paragraph(tr("None recorded."))
    for row in report.evidence:
        check = tr("unchanged (hash checked now)") if row.intact else tr("ALTERED: the content no longer matches")
        pdf.fields(
            [
                (tr("Evidence {n}").format(n=row.number), row.label or tr("(no label)")),
                (tr("URL or file"), row.where),
                (tr("Type and size"), f"{row.mime}, {row.size:,} B"),
                (tr("Recorded"), f"{local_time(row.recorded_at)} — {row.recorded_by}"),
                (tr("Check"), check),
            ]
        )
        pdf.mono(tr("SHA-256 of evidence {n}").format(n=row.number), row.sha256)
    pdf.heading(tr("Steps the guideline still asks for"))
    pdf.bullets([s.label for s in detail.next_steps], empty=tr("None: every step for this kind is recorded."))
    pdf.heading(tr("Entries in the audit record"))
    pdf.table(
        [tr("No."), tr("When"), tr("Who"), tr("Event"), tr("Hash (first 16)")],
        [[str(a.seq), local_time(a.at), a.who, a.event, a.hash[:16]] for a in report.audit],
        (14, 34, 40, pdf.width - 122, 34),
    )
    pdf.paragraph(tr("Printed {time} by KohoGate.").format(time=local_time(report.printed_at)), size=8.5)
    return pdf


def write_incident_report(store: Store, incident_id: int, out: Path) -> Path:
    """Write the report of ``incident_id`` to ``out`` (``NotFound`` for an unknown incident; nothing written)."""
    out = usable_target(out)
    report = load_incident_report(store, incident_id)
    return render_incident_report(report).save(out)
