"""Bulk output for filing: the 決裁記録 of every approved or published draft decided in a period.

One PDF per draft (its newest approved version), named by its 文書番号, and
``index.csv`` (UTF-8 with a BOM for Excel) listing them — what a records
officer files for a month or a 年度. A draft belongs to the period of the day
it was approved (決裁日), on this computer's calendar.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlalchemy import func, select

from core.errors import InvalidInput
from core.i18n import tr
from core.lifecycle.states import DraftState, ReviewDecision
from core.platforms.facts import platform_label
from core.records.approval import load_approval_record, render_approval_record
from core.records.pdf import local_date, local_time, usable_target
from core.runtime.atomic_file import atomic_write
from core.services.drafts import local_days
from core.storage.engine import Store
from core.storage.models import Draft, DraftVersion, Review

INDEX_FILE = "index.csv"
_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f]')  # not allowed in a Windows file name


@dataclass(frozen=True)
class ExportResult:
    folder: Path
    index: Path
    files: tuple[Path, ...]


def _columns() -> list[str]:
    return [
        tr("Document number (文書番号)"),
        tr("Fiscal year"),
        tr("Subject (件名)"),
        tr("Drafted on (起案日)"),
        tr("Drafted by (起案者)"),
        tr("Approved on"),
        tr("Decided by (決裁者)"),
        tr("Account"),
        tr("Platform"),
        tr("State"),
        tr("Published at"),
        tr("URL"),
        tr("Content hash (SHA-256)"),
        tr("File"),
    ]


def approved_versions(store: Store, first: date, last: date) -> list[int]:
    """The newest approved version of each approved or published draft approved between the two days."""
    start, end = local_days(first, last)
    with store.read() as session:
        query = (
            select(func.max(DraftVersion.id))
            .join(Review, Review.version_id == DraftVersion.id)
            .join(Draft, Draft.id == DraftVersion.draft_id)
            .where(
                Review.decision == ReviewDecision.APPROVED.value,
                Draft.state.in_([DraftState.APPROVED.value, DraftState.PUBLISHED.value]),
            )
            .group_by(DraftVersion.draft_id)
        )
        if start is not None:
            query = query.where(Review.created_at >= start)
        if end is not None:
            query = query.where(Review.created_at < end)
        return sorted(v for v in session.scalars(query) if v is not None)


def file_name(label: str, taken: set[str], fiscal_year: int | None) -> str:
    """``<文書番号>.pdf``, safe on Windows; the 年度 is added when two years share a number."""
    base = _UNSAFE.sub("_", label).strip(" .") or "record"
    name = f"{base}.pdf"
    if name in taken and fiscal_year is not None:
        name = f"{base}（{fiscal_year}）.pdf"
    counter = 2
    while name in taken:
        name = f"{base}-{counter}.pdf"
        counter += 1
    taken.add(name)
    return name


def export_records(
    store: Store,
    first: date,
    last: date,
    out_dir: Path,
    progress: Callable[[int, int], None] | None = None,
) -> ExportResult:
    """Write the PDFs and ``index.csv`` into ``out_dir`` (created if needed)."""
    if first > last:
        raise InvalidInput(tr("The period starts after it ends ({first} to {last}).").format(first=first, last=last))
    out_dir = usable_target(out_dir, folder=True)
    versions = approved_versions(store, first, last)
    taken: set[str] = {INDEX_FILE}
    files: list[Path] = []
    rows: list[list[str]] = []
    for done, version_id in enumerate(versions):
        if progress is not None:
            progress(done, len(versions))
        record = load_approval_record(store, version_id)
        name = file_name(record.document_number or f"draft-{record.review.draft_id}", taken, record.fiscal_year)
        files.append(render_approval_record(store, record).save(out_dir / name))
        approval = record.approval
        published = next((p for p in record.publications if p.published_at is not None), None)
        data = record.review
        rows.append(
            [
                record.document_number,
                str(record.fiscal_year or ""),
                data.title,
                local_date(record.drafted_at),
                record.drafter,
                local_time(approval.decided_at) if approval else "",
                approval.reviewer if approval else "",
                f"{data.account_name} ({data.account})",
                platform_label(data.platform),
                record.state.label,
                local_time(published.published_at) if published else "",
                published.url if published else "",
                data.content_hash,
                name,
            ]
        )
    index = out_dir / INDEX_FILE
    with atomic_write(index, encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(_columns())
        writer.writerows([[_cell(v) for v in row] for row in rows])
    if progress is not None:
        progress(len(versions), len(versions))
    return ExportResult(out_dir, index, tuple(files))


def _cell(value: str) -> str:
    # A cell Excel would read as a formula is written with a leading apostrophe (as the audit CSV does).
    return "'" + value if value.startswith(("=", "+", "-", "@", "\t", "\r")) else value
