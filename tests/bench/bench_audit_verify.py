"""Benchmark: ``audit verify`` on a long chain against its floor (not a test; run it directly).

    uv run python tests/bench/bench_audit_verify.py [--entries 1000000] [--rounds 3] [--postgres URL]

Fills a fresh SQLite database (and, with ``--postgres`` or
``KOHOGATE_TEST_DATABASE_URL``, a fresh PostgreSQL schema) with a valid
chain of N entries shaped like real ones (Japanese payloads, logins,
terminal ids), then times, alternating and several rounds:

- the floor: SHA-256 of every entry's canonical bytes, already in memory —
  the hashing no verifier can skip (one hash per entry, as the chain is made);
- ``verify_chain`` on the database, the code ``app.py audit verify`` runs.

It prints the medians (wall and CPU seconds), the ratio verify / floor and
how much the process's peak memory grew during the walks.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import resource
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from sqlalchemy import create_engine, text

from core.audit.canonical import canonical_json
from core.audit.chain import GENESIS_HASH
from core.audit.verify import verify_chain
from core.storage.engine import Store
from core.storage.migrate import upgrade

EVENTS = ("draft.saved", "draft.submitted", "review.approved", "publication.published", "account.staff_changed")
ACTORS = ("demo.sato", "demo.suzuki", "demo.takahashi", "CITY\\tanaka")


def entries(n: int) -> Iterator[tuple[int, str, str, str, str, str, str, str, bytes]]:
    """A valid chain: every row with the canonical bytes it was hashed over."""
    prev = GENESIS_HASH
    terminal = uuid.UUID(int=7).hex
    for seq in range(1, n + 1):
        recorded_at = f"2026-{1 + seq % 12:02d}-{1 + seq % 28:02d}T09:{seq % 60:02d}:00.{seq % 1_000_000:06d}Z"
        title = f"市民まつりのお知らせ（第{seq}回）"
        payload = canonical_json({"draft_id": seq // 7, "title": title, "row_version": seq % 5, "note": "ok\n"})
        actor, event = ACTORS[seq % len(ACTORS)], EVENTS[seq % len(EVENTS)]
        data = canonical_json([seq, recorded_at, actor, terminal, event, payload, prev]).encode("utf-8")
        digest = hashlib.sha256(data).hexdigest()
        yield seq, recorded_at, actor, terminal, event, payload, prev, digest, data
        prev = digest


def fill(store: Store, n: int) -> list[bytes]:
    """Write N entries (and the head) straight into the table; return their canonical bytes."""
    canon: list[bytes] = []
    last = (0, GENESIS_HASH)
    if store.dialect == "sqlite":
        raw = store.engine.raw_connection()
        try:
            cursor = raw.cursor()
            cursor.execute("BEGIN")
            batch = []
            for row in entries(n):
                canon.append(row[8])
                batch.append(row[:8])
                last = (row[0], row[7])
                if len(batch) == 50_000:
                    cursor.executemany("INSERT INTO audit_entry VALUES (?, ?, ?, ?, ?, ?, ?, ?)", batch)
                    batch.clear()
            cursor.executemany("INSERT INTO audit_entry VALUES (?, ?, ?, ?, ?, ?, ?, ?)", batch)
            cursor.execute("UPDATE audit_head SET seq = ?, hash = ? WHERE id = 1", last)
            cursor.execute("COMMIT")
        finally:
            raw.close()
        return canon
    raw = store.engine.raw_connection()
    try:
        cursor = raw.cursor()
        columns = "seq, recorded_at, actor, terminal, event, payload, prev_hash, hash"
        with cursor.copy(f"COPY audit_entry ({columns}) FROM STDIN") as copy:
            for row in entries(n):
                canon.append(row[8])
                copy.write_row(row[:8])
                last = (row[0], row[7])
        cursor.execute("UPDATE audit_head SET seq = %s, hash = %s WHERE id = 1", last)
        raw.commit()
        cursor.execute("ANALYZE audit_entry")  # what autovacuum does after a bulk load; else the plan is a guess
        raw.commit()
    finally:
        raw.close()
    return canon


def floor(canon: list[bytes]) -> Callable[[], object]:
    sha256 = hashlib.sha256

    def run() -> None:
        for data in canon:
            sha256(data).hexdigest()

    return run


def timed(fn: Callable[[], object]) -> tuple[float, float]:
    wall, cpu = time.perf_counter(), time.process_time()
    fn()
    return time.perf_counter() - wall, time.process_time() - cpu


def peak_kib() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def measure(label: str, store: Store, n: int, rounds: int) -> None:
    started = time.perf_counter()
    canon = fill(store, n)
    print(f"{label}: {n:,} entries written in {time.perf_counter() - started:.1f} s", flush=True)
    result = verify_chain(store)  # warm: the file in the page cache, the plan cached, as after any first run
    assert result.ok, result
    assert result.checked == n, result
    before = peak_kib()
    floors, walks = [], []
    for _ in range(rounds):
        floors.append(timed(floor(canon)))
        walks.append(timed(lambda: verify_chain(store)))
    grown = peak_kib() - before
    f_wall, f_cpu = statistics.median(w for w, _ in floors), statistics.median(c for _, c in floors)
    v_wall, v_cpu = statistics.median(w for w, _ in walks), statistics.median(c for _, c in walks)
    worst = max(w / f for (w, _), (f, _) in zip(walks, floors, strict=True))
    print(f"  floor  SHA-256 of each entry's bytes   wall {f_wall:7.2f} s   cpu {f_cpu:7.2f} s")
    print(f"  verify audit verify (verify_chain)    wall {v_wall:7.2f} s   cpu {v_cpu:7.2f} s")
    print(
        f"  ratio  wall {v_wall / f_wall:5.2f}x (worst round {worst:5.2f}x)   cpu {v_cpu / f_cpu:5.2f}x"
        f"   peak memory grew {grown / 1024:.1f} MiB during the walks",
        flush=True,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=1_000_000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--postgres", default=os.environ.get("KOHOGATE_TEST_DATABASE_URL"))
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="kohogate-bench-") as folder:
        store = Store(f"sqlite:///{Path(folder, 'bench.db').as_posix()}")
        upgrade(store.engine)
        try:
            measure("SQLite", store, args.entries, args.rounds)
        finally:
            store.dispose()
    if not args.postgres:
        print("PostgreSQL: skipped (give --postgres URL or set KOHOGATE_TEST_DATABASE_URL)")
        return
    schema = f"bench_{uuid.uuid4().hex[:10]}"
    driver_url = args.postgres.replace("postgresql://", "postgresql+psycopg://", 1)
    admin = create_engine(driver_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    try:
        separator = "&" if "?" in args.postgres else "?"
        store = Store(f"{args.postgres}{separator}options=-csearch_path%3D{schema}")
        upgrade(store.engine)
        try:
            measure("PostgreSQL", store, args.entries, args.rounds)
        finally:
            store.dispose()
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
        admin.dispose()


if __name__ == "__main__":
    main()
