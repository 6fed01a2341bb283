"""Walking the chain: is every entry where and what it was written as?

The walk is streamed in ranges of sequence numbers
(:mod:`core.storage.audit_walk`): the database hands over each entry's
stored canonical bytes (the fields people read are generated from them,
migration 0023), and a range passes when its sequence numbers are
consecutive, the SHA-256 of every entry's bytes is its stored hash and every
entry's bytes end with the previous entry's hash — checked with C-level
loops, no Python object per entry beyond its bytes and its hash. Reader
threads, each on its own connection to the same snapshot, read the next
ranges while this thread hashes (the drivers release the GIL while the
database works; the hashing is the floor). A range that does not pass is
judged again entry by entry (:func:`_judge`), which names the first bad
entry; memory stays flat in the length of the chain.

The table's definition is read first: when its fields are no longer
generated from the bytes as the migration defined them (a table rebuilt by
hand), nothing is taken on trust and every entry is judged, its columns
against its bytes.
"""

from __future__ import annotations

import hashlib
import json
import queue
import threading
from collections.abc import Callable, Generator, Iterable
from contextlib import closing
from dataclasses import dataclass
from operator import itemgetter

from core.audit.canonical import canonical_json
from core.audit.chain import GENESIS_HASH, entry_hash
from core.i18n import tr
from core.storage.audit_walk import ChainBatch, ChainReader, ChainRow, TableLayout, chain_snapshot
from core.storage.engine import Store

BATCH = 5000
READERS = 2  # connections reading ranges while this thread hashes: two cores keep both busy
_AHEAD = 2  # ranges each reader may have ready: memory stays a few batches

_sha256 = hashlib.sha256
_hexdigest = type(hashlib.sha256()).hexdigest
# Canonical bytes end with `,"<previous hash>"]`: the link is the 64 bytes before the last two.
_link = itemgetter(slice(-66, -2))


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
        layout = judge.layout()
        total = max(last_present - start_seq, 0)
        walk = _Walk(start_seq + 1, start_hash)
        report = None if progress is None else lambda: progress(min(walk.checked, total), total)
        if layout.intact:
            failure = _walk_batches(judge, walk, _prefetched(readers[1:] or readers, start_seq, last_present), report)
        else:  # nothing read in bulk could be trusted: every entry judged, its columns against its bytes
            failure = _walk_exactly(judge, walk, layout, last_present, report)
        if failure is not None:
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
        progress(walk.checked, walk.checked)
    return VerifyResult(True, walk.checked, last_seq, head_hash=walk.prev_hash)


def _walk_batches(
    judge: ChainReader, walk: _Walk, prefetched: Generator[ChainBatch | None], report: Callable[[], None] | None
) -> VerifyResult | None:
    # Closed before the connections are: the reader threads stop and are joined first.
    with closing(prefetched) as batches:
        for batch in batches:
            if batch is not None and (failure := _settle(judge, walk, batch)) is not None:
                return failure
            if report is not None:
                report()
    return None


def _walk_exactly(
    judge: ChainReader, walk: _Walk, layout: TableLayout, last: int, report: Callable[[], None] | None
) -> VerifyResult | None:
    while walk.expected_seq <= last and (rows := judge.rows(walk.expected_seq - 1, BATCH, layout)):
        if (failure := _judge(rows, walk)) is not None:
            return failure
        if report is not None:
            report()
    return None


def _prefetched(readers: list[ChainReader], start: int, last: int) -> Generator[ChainBatch | None]:
    """The ranges ``(start, start + BATCH]``, … up to ``last``, in order; reader i reads every i-th.

    With a single reader (the snapshot could not be shared) it is also the judge's connection, so
    the ranges are read here, in turn, rather than on a thread.
    """
    ranges = range(start, last, BATCH)
    if len(readers) == 1:
        for lo in ranges:
            yield readers[0].batch(lo, min(lo + BATCH, last))
        return
    stop = threading.Event()
    renderers = [_Renderer(reader, ranges[i :: len(readers)], last, stop) for i, reader in enumerate(readers)]
    try:
        for k in range(len(ranges)):
            yield renderers[k % len(renderers)].next()
    finally:
        stop.set()
        for renderer in renderers:
            renderer.thread.join()


class _Renderer:
    """One reader's thread: its ranges read in order, at most :data:`_AHEAD` waiting."""

    def __init__(self, reader: ChainReader, ranges: range, last: int, stop: threading.Event) -> None:
        self._reader, self._ranges, self._last, self._stop = reader, ranges, last, stop
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
            batch: ChainBatch | None = None
            error: BaseException | None = None
            try:
                batch = self._reader.batch(lo, min(lo + BATCH, self._last))
            except BaseException as exc:  # raised again on the walking thread
                error = exc
            if not self._hand_over((batch, error)) or error is not None:
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
    """Consecutive, every stored hash the SHA-256 of its bytes, every entry's bytes ending with the hash before.

    Taking the link from its place at the end of the bytes is exact for bytes that give their hash: those
    are bytes the chain made, whose last element is the link.
    """
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
    return b",".join(map(_link, lines)) == links.encode("ascii")


def _fields(canon: str | None) -> tuple[int, tuple[str, ...]] | None:
    """The sequence number and the fields the bytes hold, if they are a chain entry's canonical array."""
    if canon is None:
        return None
    try:
        value = json.loads(canon)
    except ValueError:
        return None
    if (
        not isinstance(value, list)
        or len(value) != 7
        or type(value[0]) is not int
        or not all(isinstance(v, str) for v in value[1:])
        or canonical_json(value) != canon
    ):
        return None
    return value[0], tuple(value[1:])


def _judge(rows: Iterable[ChainRow], walk: _Walk) -> VerifyResult | None:
    """The exact check, entry by entry; moves ``walk`` past the rows when none is bad.

    An entry is what it was written as when its bytes are a canonical entry of its sequence number, give
    its hash and link to the entry before; where the table's own columns are read (a layout that is not
    the migration's), each must also be what the bytes say, or, with no bytes at all, hash as the entry.
    """
    for row in rows:
        seq = row.seq
        if seq != walk.expected_seq:
            return VerifyResult(False, walk.checked, seq, walk.expected_seq, tr("entry missing or reordered"))
        parsed = _fields(row.canon)
        if row.canon is None and row.fields is not None:
            prev_hash = row.fields[-1]
            intact = entry_hash(seq, *row.fields) == row.hash
        else:
            prev_hash = parsed[1][-1] if parsed is not None else walk.prev_hash
            intact = (
                parsed is not None
                and parsed[0] == seq
                and _hexdigest(_sha256(str(row.canon).encode("utf-8"))) == row.hash
                and (row.fields is None or row.fields == parsed[1])
            )
        if prev_hash != walk.prev_hash:
            return VerifyResult(False, walk.checked, seq, seq, tr("link to the previous entry does not match"))
        if not intact:
            return VerifyResult(False, walk.checked, seq, seq, tr("content was changed after it was recorded"))
        walk.prev_hash = row.hash
        walk.expected_seq += 1
        walk.checked += 1
    return None


def verify_entry(reader: ChainReader, seq: int) -> ChainRow | None:
    """The entry at ``seq`` if it is still what it was written as (a checkpoint's own proof)."""
    layout = reader.layout()
    row = reader.entry(seq, layout)
    if row is None:
        return None
    parsed = _fields(row.canon)
    prev_hash = row.fields[-1] if row.fields is not None else parsed[1][-1] if parsed is not None else ""
    walk = _Walk(seq, prev_hash)
    return row if _judge([row], walk) is None else None
