"""CSV export of the audit record for public-records requests."""

from __future__ import annotations

import csv
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import func, select

from core.runtime.atomic_file import atomic_write
from core.storage.engine import Store
from core.storage.models import AuditEntry

COLUMNS = ("seq", "recorded_at", "actor", "terminal", "event", "payload", "prev_hash", "hash")
# A cell Excel would read as a formula (=, +, -, @, or a leading tab/CR) is written with a leading
# apostrophe. Only text columns can start so (hashes are hex, payloads JSON); the chain is verified
# from the database, never from this file.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: object) -> object:
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def export_csv(store: Store, out: Path, progress: Callable[[int, int], None] | None = None) -> int:
    """Write every entry to ``out`` and return how many.

    UTF-8 with a BOM so that Excel shows Japanese correctly; written to a
    temporary file and renamed so a failure never leaves half a file behind.
    """
    count = 0
    with atomic_write(out, encoding="utf-8-sig", newline="") as handle, store.read() as session:
        total = session.scalar(select(func.count()).select_from(AuditEntry)) or 0
        writer = csv.writer(handle)
        writer.writerow(COLUMNS)
        rows = session.execute(select(AuditEntry).order_by(AuditEntry.seq).execution_options(yield_per=2000))
        for entry in rows.scalars():
            writer.writerow([_cell(getattr(entry, column)) for column in COLUMNS])
            count += 1
            if progress is not None and count % 2000 == 0:
                progress(count, total)
    if progress is not None:
        progress(count, count)
    return count
