"""Benchmark: ``publish-due`` with many due posts against a loopback server (not a test; run it directly).

    uv run python tests/bench/bench_publish_due.py [--posts 1000] [--rounds 3]

Makes N approved, signed posts to a LINE account (text only), all due now,
in a fresh SQLite data folder with an approved terminal and its credential,
and a loopback HTTP/1.1 server that answers the broadcast call at once.
Then, alternating and several rounds (each round makes its N posts anew):

- the floor: a bare ``httpx.Client`` sending the same N requests to the same
  server over one kept-alive connection;
- ``run_due`` (what ``app.py publish-due`` runs): gate, approval, signed
  request, attempt recorded, post, result recorded — for every post.

Prints posts/s of each, the overhead per post outside the network:
(run_due − floor) / N, in ms, wall and CPU (goal: ≤ 5 ms), and the SQL
statements per post (every cursor execution, BEGIN and COMMIT-less writes
included, counted with a SQLAlchemy ``before_cursor_execute`` listener).
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

import httpx
import keyring.core
from sqlalchemy import event

from core.credentials import vault
from core.publishing.scheduler import DueReport, run_due
from core.runtime.bootstrap import open_environment
from tests.support.keyring_memory import MemoryKeyring
from tests.support.publishing import PubWorld


class _Broadcast(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive: a client that reuses its connection can
    disable_nagle_algorithm = True  # headers and body go out at once: no 40 ms delayed-ACK stall per call
    connections: set[tuple[str, int]] = set()  # noqa: RUF012 -- shared by design: counts distinct client sockets

    def do_POST(self) -> None:
        self.connections.add(self.client_address)
        self.rfile.read(int(self.headers.get("Content-Length", 0)))
        body = b"{}"
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("x-line-request-id", self.headers.get("X-Line-Retry-Key", "r"))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *_args: object) -> None:
        pass


@contextmanager
def loopback() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Broadcast)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def make_due(world: PubWorld, n: int, round_no: int) -> datetime:
    """N approved LINE posts scheduled a minute ago (submitted an hour before, by the database clock)."""
    due = datetime.now(UTC).replace(microsecond=0) - timedelta(minutes=1)
    for i in range(n):
        text = f"市民まつりのお知らせ 第{round_no}回 {i}番"
        world.approved("line", text, scheduled_at=due, submitted_at=due - timedelta(hours=1))
    return due


def floor(base_url: str, n: int) -> Callable[[], None]:
    def run() -> None:
        with httpx.Client(base_url=base_url, headers={"Authorization": "Bearer t", "User-Agent": "KohoGate"}) as client:
            for i in range(n):
                body = {"messages": [{"type": "text", "text": f"市民まつりのお知らせ {i}番"}]}
                response = client.post("/v2/bot/message/broadcast", json=body, headers={"X-Line-Retry-Key": str(i)})
                response.raise_for_status()
                json.loads(response.content)

    return run


def timed(fn: Callable[[], object]) -> tuple[float, float]:
    wall, cpu = time.perf_counter(), time.process_time()
    fn()
    return time.perf_counter() - wall, time.process_time() - cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    n = args.posts
    vault.allow_test_backend(MemoryKeyring)
    keyring.core.set_keyring(MemoryKeyring())
    with tempfile.TemporaryDirectory(prefix="kohogate-bench-") as folder, loopback() as base_url:
        env = open_environment(str(Path(folder) / "data"))
        world = PubWorld(env)
        floors, runs = [], []
        statements: list[float] = []
        for round_no in range(args.rounds):
            started = time.perf_counter()
            make_due(world, n, round_no)
            print(f"round {round_no + 1}: {n} due posts made in {time.perf_counter() - started:.0f} s", flush=True)
            floors.append(timed(floor(base_url, n)))
            outbox = world.outbox({"line": base_url})
            _Broadcast.connections.clear()
            reports: list[DueReport] = []
            counted = [0]

            def count(*_args: object) -> None:
                counted[0] += 1  # noqa: B023 -- listener removed before the next round

            event.listen(env.store.engine, "before_cursor_execute", count)
            runs.append(timed(lambda: reports.append(run_due(outbox, datetime.now(UTC)))))  # noqa: B023 -- called at once
            event.remove(env.store.engine, "before_cursor_execute", count)
            statements.append(counted[0] / n)
            report = reports[0]
            assert len(report.sent) == n, (len(report.sent), report.failed[:3])
            print(f"  run_due used {len(_Broadcast.connections)} connection(s) for {n} posts", flush=True)
        env.close()
    f_wall, f_cpu = statistics.median(w for w, _ in floors), statistics.median(c for _, c in floors)
    r_wall, r_cpu = statistics.median(w for w, _ in runs), statistics.median(c for _, c in runs)
    print(f"floor   bare httpx.Client, one connection   {n / f_wall:7.0f} posts/s   {1000 * f_wall / n:6.2f} ms/post")
    print(f"publish run_due (publish-due)              {n / r_wall:7.0f} posts/s   {1000 * r_wall / n:6.2f} ms/post")
    print(
        f"overhead per post outside the network: wall {1000 * (r_wall - f_wall) / n:6.2f} ms"
        f"   cpu {1000 * (r_cpu - f_cpu) / n:6.2f} ms (medians of {args.rounds} rounds; goal ≤ 5 ms)"
    )
    print(f"SQL statements per post: {statistics.median(statements):.1f}")


if __name__ == "__main__":
    main()
