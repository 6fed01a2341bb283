"""Benchmark: ``audit verify`` on a long chain against its floor (not a test; run it directly).

    uv run python tests/bench/bench_audit_verify.py [--entries 100000 1000000] [--rounds 3] [--postgres URL]

Fills a fresh SQLite database (and, with ``--postgres`` or
``KOHOGATE_TEST_DATABASE_URL``, a fresh PostgreSQL schema) with a valid
chain of N entries shaped like real ones (Japanese payloads, logins,
terminal ids), then times, alternating and several rounds:

- the floor: SHA-256 of every entry's canonical bytes, already in memory —
  the hashing no verifier can skip (one hash per entry, as the chain is made);
- ``verify_chain`` on the database, the code ``app.py audit verify`` runs.

It prints the medians (wall and CPU seconds), the ratio verify / floor
(median of the rounds' ratios, and each), how far the resident memory rose
during a walk — for each size given, so that 100,000 and
1,000,000 entries side by side show whether memory is flat — and, on
PostgreSQL, the CPU the server's backends spent reading (the wall ratio
includes it; on a loaded machine it is the figure that moves most).
"""

from __future__ import annotations

import argparse
import hashlib
import os
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


_INSERT = "INSERT INTO audit_entry (seq, canon, hash) VALUES (?, ?, ?)"


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
                batch.append((row[0], row[8].decode("utf-8"), row[7]))
                last = (row[0], row[7])
                if len(batch) == 50_000:
                    cursor.executemany(_INSERT, batch)
                    batch.clear()
            cursor.executemany(_INSERT, batch)
            cursor.execute("UPDATE audit_head SET seq = ?, hash = ? WHERE id = 1", last)
            cursor.execute("COMMIT")
        finally:
            raw.close()
        return canon
    raw = store.engine.raw_connection()
    try:
        cursor = raw.cursor()
        with cursor.copy("COPY audit_entry (seq, canon, hash) FROM STDIN") as copy:
            for row in entries(n):
                canon.append(row[8])
                copy.write_row((row[0], row[8].decode("utf-8"), row[7]))
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


def backend_cpu(store: Store) -> float:
    """CPU seconds the PostgreSQL backends serving this database have used (same machine: /proc)."""
    if store.dialect != "postgresql":
        return 0.0
    with store.engine.connect() as conn:
        pids = conn.execute(text("SELECT pid FROM pg_stat_activity WHERE datname = current_database()")).scalars()
        total = 0.0
        for pid in pids:
            try:
                fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            total += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
        return total


def rss_mib() -> float:
    """Resident memory now (Linux), sampled during a walk through its progress callback."""
    return int(Path("/proc/self/statm").read_text().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


class RssSampler:
    """The most the resident memory rose above where it was when the walk began."""

    def __init__(self) -> None:
        self.start = rss_mib()
        self.rise = 0.0

    def __call__(self, done: int, total: int) -> None:
        self.rise = max(self.rise, rss_mib() - self.start)


def measure(label: str, store: Store, n: int, rounds: int) -> None:
    started = time.perf_counter()
    canon = fill(store, n)
    print(f"{label}: {n:,} entries written in {time.perf_counter() - started:.1f} s", flush=True)
    result = verify_chain(store)  # warm: the file in the page cache, the plan cached, as after any first run
    assert result.ok, result
    assert result.checked == n, result
    floors, walks, rises = [], [], []
    server_cpu: list[float] | None = [] if store.dialect == "postgresql" else None
    for _ in range(rounds):
        floors.append(timed(floor(canon)))
        backends = backend_cpu(store)
        sampler = RssSampler()
        walks.append(timed(lambda: verify_chain(store, sampler)))  # noqa: B023 (called at once)
        rises.append(sampler.rise)
        if server_cpu is not None:
            server_cpu.append(backend_cpu(store) - backends)
    f_wall, f_cpu = statistics.median(w for w, _ in floors), statistics.median(c for _, c in floors)
    v_wall, v_cpu = statistics.median(w for w, _ in walks), statistics.median(c for _, c in walks)
    ratios = [w / f for (w, _), (f, _) in zip(walks, floors, strict=True)]
    print(f"  floor  SHA-256 of each entry's bytes   wall {f_wall:7.2f} s   cpu {f_cpu:7.2f} s")
    print(f"  verify audit verify (verify_chain)    wall {v_wall:7.2f} s   cpu {v_cpu:7.2f} s (this process)")
    print(
        f"  ratio  wall {statistics.median(ratios):5.2f}x (rounds {' '.join(f'{r:.2f}' for r in ratios)})"
        f"   cpu {v_cpu / f_cpu:5.2f}x   resident memory rose at most {max(rises):.1f} MiB during a walk",
        flush=True,
    )
    if server_cpu is not None:
        print(f"  server backends' CPU per walk (median) {statistics.median(server_cpu):.2f} s", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, nargs="+", default=[100_000, 1_000_000])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--postgres", default=os.environ.get("KOHOGATE_TEST_DATABASE_URL"))
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="kohogate-bench-") as folder:
        for n in args.entries:
            store = Store(f"sqlite:///{Path(folder, f'bench{n}.db').as_posix()}")
            upgrade(store.engine)
            try:
                measure("SQLite", store, n, args.rounds)
            finally:
                store.dispose()
    if not args.postgres:
        print("PostgreSQL: skipped (give --postgres URL or set KOHOGATE_TEST_DATABASE_URL)")
        return
    for n in args.entries:
        measure_postgres(args.postgres, n, args.rounds)


def measure_postgres(url: str, n: int, rounds: int) -> None:
    schema = f"bench_{uuid.uuid4().hex[:10]}"
    admin = create_engine(url.replace("postgresql://", "postgresql+psycopg://", 1), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    try:
        separator = "&" if "?" in url else "?"
        store = Store(f"{url}{separator}options=-csearch_path%3D{schema}")
        upgrade(store.engine)
        try:
            measure("PostgreSQL", store, n, rounds)
        finally:
            store.dispose()
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
        admin.dispose()


if __name__ == "__main__":
    main()
