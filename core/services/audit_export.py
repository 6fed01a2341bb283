"""The audit record as a CSV a records officer can read (public-records requests, 情報公開).

Headers in the user's language (Japanese, or English with ``--lang en``),
times on this computer's clock with the zone offset, people as 「name
(login)」, the event in words, one column for each field most entries carry
(draft, version, account, staff member, incident, reason, comment, URL) and
the rest of the payload in words — no JSON column; the exact recorded data
stays in the database, whose chain ``audit verify`` checks. The hash and the
previous hash of each entry are kept so a row can be matched to the chain.

UTF-8 with a BOM so that Excel shows Japanese; written to a temporary file
and renamed, so a failure never leaves half a file behind.
"""

from __future__ import annotations

import csv
from collections.abc import Callable
from pathlib import Path

from core.audit.events import event_label
from core.i18n import tr
from core.runtime.atomic_file import atomic_write
from core.services.audit_log import AuditRow, count_audit, query_audit
from core.storage.engine import Store

PAGE = 2000
# A cell Excel would read as a formula (=, +, -, @, or a leading tab/CR) is written with a leading
# apostrophe. The chain is verified from the database, never from this file.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# The fields most entries carry, one column each (their labels come from the record's key labels).
COMMON_FIELDS = ("draft_id", "number", "account_id", "staff_id", "incident_id", "reason", "comment", "url")


def _cell(value: object) -> object:
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def columns() -> list[str]:
    return [
        tr("No."),
        tr("Time"),
        tr("Person"),
        tr("Terminal"),
        tr("Event"),
        tr("In short"),
        tr("Draft"),
        tr("Version"),
        tr("Account"),
        tr("Staff member concerned"),
        tr("Incident"),
        tr("Reason"),
        tr("Comment"),
        tr("URL"),
        tr("Other recorded details"),
        tr("Hash"),
        tr("Previous hash"),
    ]


def row_cells(row: AuditRow) -> list[str]:
    common = [row.field(key) for key in COMMON_FIELDS]
    others = "; ".join(f"{label}: {value}" for key, label, value in row.fields if key not in COMMON_FIELDS)
    return [
        str(row.seq),
        row.local_time_with_offset,
        row.actor_label,
        row.terminal_host or row.terminal,
        event_label(row.event),
        row.summary,
        *common,
        others,
        row.hash,
        row.prev_hash,
    ]


def export_csv(store: Store, out: Path, progress: Callable[[int, int], None] | None = None) -> int:
    """Write every entry to ``out``, oldest first, and return how many."""
    total = count_audit(store)
    count = 0
    with atomic_write(out, encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(columns())
        while True:
            page = query_audit(store, offset=count, limit=PAGE, descending=False)
            for row in page:
                writer.writerow([_cell(cell) for cell in row_cells(row)])
            count += len(page)
            if progress is not None:
                progress(count, total)
            if len(page) < PAGE:
                break
    return count
