"""The suite's CPU time with the session templates and without them: the same tests, both ways.

    uv run python tests/bench/bench_suite.py [PYTEST ARGS …] [--rounds 1]

Runs ``pytest`` once with ``KOHOGATE_TEST_TEMPLATES=off`` (every test migrates
its own database, builds its world and demo in place and calls the CLI in a
process of its own, as the suite did before templates: tests/support/templates.py)
and once as ``uv run pytest`` does, alternately when ``--rounds`` > 1, and prints
the CPU both used (user + system of the waited-for processes, from the OS; not on
Windows), the wall time and the ratio. Issue 10's goal: the suite at least 2×
faster in CPU time. With no PYTEST ARGS it runs the whole suite, as the README's
command does (PostgreSQL tests included when ``KOHOGATE_TEST_DATABASE_URL`` is set).
Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


@dataclass(frozen=True)
class Run:
    mode: str
    cpu: float
    wall: float
    code: int
    summary: str


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run_suite(mode: str, pytest_args: list[str]) -> Run:
    env = dict(os.environ, KOHOGATE_TEST_TEMPLATES=mode)
    command = [sys.executable, "-m", "pytest", "-q", "-rfE", "-p", "no:cacheprovider", *pytest_args]
    cpu_before, wall_before = _children_cpu(), time.perf_counter()
    done = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, check=False)
    wall = time.perf_counter() - wall_before
    cpu = _children_cpu() - cpu_before
    lines = [line for line in done.stdout.splitlines() if line.strip()]
    for line in lines:
        if line.startswith(("FAILED ", "ERROR ")):  # a figure from a run that failed is not the suite's
            print(f"  {mode}: {line}")
    return Run(mode, cpu, wall, done.returncode, lines[-1] if lines else done.stderr.strip()[-200:])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=1, help="runs of each mode, alternated (default 1)")
    options, pytest_args = parser.parse_known_args(argv)
    runs: list[Run] = []
    for round_ in range(options.rounds):
        # Alternated so that load drift on a shared machine hits both modes alike.
        order = ("off", "on") if round_ % 2 == 0 else ("on", "off")
        for mode in order:
            run = run_suite(mode, pytest_args)
            runs.append(run)
            print(f"templates {mode:>3}: {run.cpu:8.1f} CPU-s  {run.wall:8.1f} s wall  exit {run.code}  {run.summary}")
            sys.stdout.flush()
    off = statistics.median(r.cpu for r in runs if r.mode == "off")
    on = statistics.median(r.cpu for r in runs if r.mode == "on")
    off_wall = statistics.median(r.wall for r in runs if r.mode == "off")
    on_wall = statistics.median(r.wall for r in runs if r.mode == "on")
    print(f"CPU: without templates {off:.1f} s, with {on:.1f} s: {off / on:.2f}× less (goal ≥ 2×)")
    print(f"wall: without templates {off_wall:.1f} s, with {on_wall:.1f} s: {off_wall / on_wall:.2f}×")
    return 0 if all(r.code == 0 for r in runs) else 1


if __name__ == "__main__":
    raise SystemExit(main())
