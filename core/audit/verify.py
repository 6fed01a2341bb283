"""Walking the chain: is every entry where and what it was written as?

The walk is streamed in ranges of sequence numbers
(:mod:`core.storage.audit_walk`): the database renders each entry's
canonical bytes, and a range passes when its sequence numbers are
consecutive, every link is the previous entry's hash and the SHA-256 of
every entry's bytes is its stored hash — checked with C-level loops, no
Python object per entry beyond its bytes and its hash. Reader threads, each
on its own connection to the same snapshot, have the database render the
next ranges while this thread hashes (the drivers release the GIL while the
database works; the hashing is the floor). A range that does not pass is
judged again entry by entry with the Python canonical form
(:func:`core.audit.chain.entry_hash`), which alone decides what is broken and
names the first bad entry; memory stays flat in the length of the chain.
"""

from __future__ import annotations

import hashlib
import queue
import threading
from collections.abc import Callable, Generator, Iterable
from contextlib import closing
from dataclasses import dataclass

from core.audit.chain import GENESIS_HASH, entry_hash
from core.i18n import tr
from core.storage.audit_walk import ChainBatch, ChainReader, ChainRow, chain_snapshot
from core.storage.engine import Store

BATCH = 5000
READERS = 2  # connections rendering ranges while this thread hashes: two cores keep both busy
_AHEAD = 2  # ranges each reader may have ready: memory stays a few batches

_sha256 = hashlib.sha256
_hexdigest = type(hashlib.sha256()).hexdigest


@dataclass(frozen=True)
class VerifyResult:
    ok: bool
    checked: int
    head_seq: int
    first_bad_seq: int | None = None
    reason: str = ""
    head_hash: str = ""  # of the last entry walked, when intact (what a checkpoint signs)

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
    with chain_snapshot(store, 1 + READERS) as readers:
        judge = readers[0]
        head = judge.head()
        last_present = judge.last_seq()
        total = max(last_present - start_seq, 0)
        walk = _Walk(start_seq + 1, start_hash)
        # Closed before the connections are: the reader threads stop and are joined first.
        with closing(_prefetched(readers[1:] or readers, start_seq, last_present)) as batches:
            for batch in batches:
                if batch is not None and (failure := _settle(judge, walk, batch)) is not None:
                    return failure
                if progress is not None:
                    progress(min(walk.checked, total), total)
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
        progress(walk.checked, walk.checked)
    return VerifyResult(True, walk.checked, last_seq, head_hash=walk.prev_hash)


def _prefetched(readers: list[ChainReader], start: int, last: int) -> Generator[ChainBatch | None]:
    """The ranges ``(start, start + BATCH]``, … up to ``last``, in order; reader i renders every i-th.

    With a single reader (the snapshot could not be shared) it is also the judge's connection, so
    the ranges are read here, in turn, rather than on a thread.
    """
    ranges = range(start, last, BATCH)
    if len(readers) == 1:
        for lo in ranges:
            yield readers[0].batch(lo, lo + BATCH)
        return
    stop = threading.Event()
    renderers = [_Renderer(reader, ranges[i :: len(readers)], stop) for i, reader in enumerate(readers)]
    try:
        for k in range(len(ranges)):
            yield renderers[k % len(renderers)].next()
    finally:
        stop.set()
        for renderer in renderers:
            renderer.thread.join()


class _Renderer:
    """One reader's thread: its ranges rendered in order, at most :data:`_AHEAD` waiting."""

    def __init__(self, reader: ChainReader, ranges: range, stop: threading.Event) -> None:
        self._reader, self._ranges, self._stop = reader, ranges, stop
        self._ready: queue.Queue[tuple[ChainBatch | None, BaseException | None]] = queue.Queue(_AHEAD)
        self.thread = threading.Thread(target=self._run, name="audit-verify", daemon=True)
        self.thread.start()

    def next(self) -> ChainBatch | None:
        batch, error = self._ready.get()
        if error is not None:
            raise error
        return batch

    def _run(self) -> None:
        for lo in self._ranges:
            try:
                item: tuple[ChainBatch | None, BaseException | None] = (self._reader.batch(lo, lo + BATCH), None)
            except BaseException as exc:  # raised again on the walking thread
                item = (None, exc)
            if not self._hand_over(item) or item[1] is not None:
                return

    def _hand_over(self, item: tuple[ChainBatch | None, BaseException | None]) -> bool:
        while not self._stop.is_set():
            try:
                self._ready.put(item, timeout=0.1)
                return True
            except queue.Full:
                continue
        return False


def _settle(judge: ChainReader, walk: _Walk, batch: ChainBatch) -> VerifyResult | None:
    """Move ``walk`` past ``batch``: at once if it passes, else entry by entry; the first bad entry if any."""
    if _passes(batch, walk):
        walk.expected_seq, walk.prev_hash = batch.last_seq + 1, batch.hashes[-64:]
        walk.checked += batch.count
        return None
    return _judge(judge.rows(walk.expected_seq - 1, BATCH), walk)


def _passes(batch: ChainBatch, walk: _Walk) -> bool:
    """Consecutive, every stored hash the SHA-256 of its bytes, every link the hash before it."""
    if batch.first_seq != walk.expected_seq or batch.last_seq - batch.first_seq + 1 != batch.count:
        return False
    lines = batch.lines.split(b"\n")
    if len(lines) != batch.count:
        return False
    digests = ",".join(map(_hexdigest, map(_sha256, lines)))
    if digests != batch.hashes:
        return False
    # 65 characters per digest and its comma: the links are the hash before and all but the last digest.
    links = walk.prev_hash if batch.count == 1 else f"{walk.prev_hash},{digests[:-65]}"
    return batch.prev_hashes == links


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
