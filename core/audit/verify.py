"""Walking the chain: is every entry where and what it was written as?"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from sqlalchemy import func, select

from core.audit.chain import GENESIS_HASH, entry_hash
from core.i18n import tr
from core.storage.engine import Store
from core.storage.models import AuditEntry, AuditHead

BATCH = 2000


@dataclass(frozen=True)
class VerifyResult:
    ok: bool
    checked: int
    head_seq: int
    first_bad_seq: int | None = None
    reason: str = ""

    def summary(self) -> str:
        if self.ok:
            return tr("Audit record intact: {count} entries, head {seq}.").format(count=self.checked, seq=self.head_seq)
        return tr("Audit record broken at sequence number {seq}: {reason}").format(
            seq=self.first_bad_seq, reason=self.reason
        )


def verify_chain(store: Store, progress: Callable[[int, int], None] | None = None) -> VerifyResult:
    """Check sequence, links and hashes; stop at the first bad entry."""
    with store.read() as session:
        total = session.scalar(select(func.count()).select_from(AuditEntry)) or 0
        head = session.get(AuditHead, 1)
        stream = session.execute(select(AuditEntry).order_by(AuditEntry.seq).execution_options(yield_per=BATCH))
        try:
            return _walk(stream.scalars(), head, total, progress)
        finally:
            stream.close()  # a server-side cursor on PostgreSQL when we stop early


def _walk(
    entries: Iterable[AuditEntry], head: AuditHead | None, total: int, progress: Callable[[int, int], None] | None
) -> VerifyResult:
    expected_seq = 1
    prev_hash = GENESIS_HASH
    checked = 0
    for entry in entries:
        if entry.seq != expected_seq:
            return VerifyResult(False, checked, entry.seq, expected_seq, tr("entry missing or reordered"))
        if entry.prev_hash != prev_hash:
            return VerifyResult(False, checked, entry.seq, entry.seq, tr("link to the previous entry does not match"))
        digest = entry_hash(
            entry.seq, entry.recorded_at, entry.actor, entry.terminal, entry.event, entry.payload, entry.prev_hash
        )
        if digest != entry.hash:
            return VerifyResult(False, checked, entry.seq, entry.seq, tr("content was changed after it was recorded"))
        prev_hash = entry.hash
        expected_seq += 1
        checked += 1
        if progress is not None and checked % BATCH == 0:
            progress(checked, total)
    if head is not None and (head.seq != checked or head.hash != prev_hash):
        return VerifyResult(
            False,
            checked,
            head.seq,
            checked + 1 if head.seq > checked else head.seq,
            tr("the newest entries are missing"),
        )
    if progress is not None:
        progress(checked, total)
    return VerifyResult(True, checked, checked)
