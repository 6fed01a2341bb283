"""Walking the chain: is every entry where and what it was written as?

The walk is streamed in batches (:mod:`core.storage.audit_walk`): the
database renders each entry's canonical bytes, and a batch passes when its
sequence numbers are consecutive, every link is the previous entry's hash
and the SHA-256 of every entry's bytes is its stored hash — checked with
C-level loops, no Python object per entry beyond its hash. A batch that
does not pass is judged again entry by entry with the Python canonical form
(:func:`core.audit.chain.entry_hash`), which names the first bad entry and
why; memory stays flat in the length of the chain.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass

from core.audit.chain import GENESIS_HASH, entry_hash
from core.i18n import tr
from core.storage.audit_walk import ChainBatch, ChainReader, ChainRow, chain_reader
from core.storage.engine import Store

BATCH = 5000

_sha256 = hashlib.sha256
_hexdigest = type(hashlib.sha256()).hexdigest


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


@dataclass
class _Walk:
    """Where the walk stands: the next sequence number expected and the hash it must link to."""

    expected_seq: int
    prev_hash: str
    checked: int = 0


def verify_chain(
    store: Store,
    progress: Callable[[int, int], None] | None = None,
    *,
    after: tuple[int, str] | None = None,
) -> VerifyResult:
    """Check sequence, links and hashes; stop at the first bad entry.

    ``after`` is a trusted ``(seq, hash)`` (a verified checkpoint): only the
    entries after it are walked, the first of them linking to that hash.
    """
    start_seq, start_hash = after if after is not None else (0, GENESIS_HASH)
    with chain_reader(store) as reader:
        total = reader.count_after(start_seq)
        head = reader.head()
        walk = _Walk(start_seq + 1, start_hash)
        # Hashing batch k on a worker while the database renders batch k + 1: SQLite and psycopg
        # release the GIL while they work, so the two overlap on a second core.
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="audit-verify") as hasher:
            pending: tuple[ChainBatch, Future[bool]] | None = None
            for batch in reader.batches(start_seq, BATCH):
                hashed = hasher.submit(_hashes_match, batch)
                if pending is not None and (failure := _settle(reader, walk, *pending)) is not None:
                    return failure
                if pending is not None and progress is not None:
                    progress(walk.checked, total)
                pending = (batch, hashed)
            if pending is not None and (failure := _settle(reader, walk, *pending)) is not None:
                return failure
    last_seq = walk.expected_seq - 1
    if head is not None and (head[0] != last_seq or head[1] != walk.prev_hash):
        return VerifyResult(
            False,
            walk.checked,
            head[0],
            last_seq + 1 if head[0] > last_seq else head[0],
            tr("the newest entries are missing"),
        )
    if progress is not None:
        progress(walk.checked, total)
    return VerifyResult(True, walk.checked, last_seq)


def _settle(reader: ChainReader, walk: _Walk, batch: ChainBatch, hashed: Future[bool]) -> VerifyResult | None:
    """Move ``walk`` past ``batch``: at once if it passes, else entry by entry; the first bad entry if any."""
    if hashed.result() and _links_hold(batch, walk):
        walk.expected_seq, walk.prev_hash = batch.last_seq + 1, batch.hashes[-64:]
        walk.checked += batch.count
        return None
    return _judge(reader.rows(walk.expected_seq - 1, BATCH), walk)


def _links_hold(batch: ChainBatch, walk: _Walk) -> bool:
    if batch.first_seq != walk.expected_seq or batch.last_seq - batch.first_seq + 1 != batch.count:
        return False
    return batch.prev_hashes == walk.prev_hash + batch.hashes[:-64]


def _hashes_match(batch: ChainBatch) -> bool:
    lines = batch.lines.split(b"\n")
    return len(lines) == batch.count and "".join(map(_hexdigest, map(_sha256, lines))) == batch.hashes


def _judge(rows: Iterable[ChainRow], walk: _Walk) -> VerifyResult | None:
    """The exact check, entry by entry; moves ``walk`` past the rows when none is bad."""
    for seq, recorded_at, actor, terminal, event, payload, prev_hash, digest in rows:
        if seq != walk.expected_seq:
            return VerifyResult(False, walk.checked, seq, walk.expected_seq, tr("entry missing or reordered"))
        if prev_hash != walk.prev_hash:
            return VerifyResult(False, walk.checked, seq, seq, tr("link to the previous entry does not match"))
        if entry_hash(seq, recorded_at, actor, terminal, event, payload, prev_hash) != digest:
            return VerifyResult(False, walk.checked, seq, seq, tr("content was changed after it was recorded"))
        walk.prev_hash = digest
        walk.expected_seq += 1
        walk.checked += 1
    return None


def verify_entry(reader: ChainReader, seq: int) -> ChainRow | None:
    """The entry at ``seq`` if its content still gives its stored hash (a checkpoint's own proof)."""
    row = reader.entry(seq)
    if row is None or entry_hash(*row[:7]) != row[7]:
        return None
    return row
