"""The benchmarks' one way to measure: a case and its floor, alternating, several rounds, median and worst.

A benchmark that runs all floor samples first and all measured ones after
lets load drift (other processes, CPU frequency, the file cache) bias the
ratio; one that reports a mean hides the stall a user remembers. So every
figure here comes from :func:`alternate`: round after round each case runs
once, in turn (the first case of a round rotates, so neither side always
runs right after the other's warm-up), and the report gives the median,
the worst and the ratio of the medians.

    rounds = alternate({"bare": bare_case, "app": app_case}, rounds=9)
    report = Report("bench_startup.py")
    report.add("start-up to a usable first screen", rounds["app"], floor=rounds["bare"], goal="≤ 3×")
    report.finish(args)          # prints; with --json PATH also writes the figures for tools/bench_table.py

A case is a callable. It returns ``None`` (the harness times the call), a
number of seconds it measured itself (e.g. only the key event, not the set-up
around it), or a mapping of several marks to seconds (a process printing
``shown`` and ``usable``). :func:`process_marks` starts a process and reads
the ``<mark> <epoch seconds>`` lines it prints, for start-up figures.

Dependency-free on purpose: pyperf would give process isolation and
calibration, but not floors paired in the same run, and the figures must
come from the code as the user runs it (one process, workers running).
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

Sample = float | Mapping[str, float] | None
Case = Callable[[], Sample]


def alternate(cases: Mapping[str, Case], rounds: int, warmup: int = 1) -> dict[str, list[float]]:
    """Run every case once per round, in turn; return each case's (and each mark's) samples in seconds.

    A case returning marks ``{"shown": s, "usable": t}`` yields samples named
    ``"case:shown"`` and ``"case:usable"``. ``warmup`` rounds run first and are
    dropped (compiled patterns, the OS file cache, Qt's first font lookup).
    """
    names = list(cases)
    samples: dict[str, list[float]] = {}
    for number in range(warmup + rounds):
        first = number % len(names)
        for name in names[first:] + names[:first]:
            start = time.perf_counter()
            result = cases[name]()
            elapsed = time.perf_counter() - start
            if number < warmup:
                continue
            if result is None:
                samples.setdefault(name, []).append(elapsed)
            elif isinstance(result, Mapping):
                for mark, seconds in result.items():
                    samples.setdefault(f"{name}:{mark}", []).append(seconds)
            else:
                samples.setdefault(name, []).append(float(result))
    return samples


def timed(call: Callable[[], object]) -> float:
    """Seconds one call takes (for a case that times only part of its work)."""
    start = time.perf_counter()
    call()
    return time.perf_counter() - start


def process_marks(
    cmd: Sequence[str], *, env: Mapping[str, str] | None = None, cwd: Path | None = None, timeout: float = 120
) -> dict[str, float]:
    """Start ``cmd``; seconds from the launch to each ``<mark> <epoch seconds>`` line it prints.

    The process clock and the printed stamps are both wall-clock epoch time,
    so the interpreter's own start (imports included) is in the figure.
    """
    start = time.time()
    result = subprocess.run(
        list(cmd),
        check=False,  # a failure is raised below, with the end of the process's stderr
        cwd=cwd,
        env=dict(env) if env is not None else None,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    if result.returncode != 0:
        raise RuntimeError(f"{cmd[0]} … exited {result.returncode}: {result.stderr[-2000:]}")
    marks: dict[str, float] = {}
    for line in result.stdout.splitlines():
        mark, _, stamp = line.strip().partition(" ")
        try:
            marks[mark] = float(stamp) - start
        except ValueError:
            continue
    return marks


class CollectorPauses:
    """The garbage collector's passes while installed, by generation, in seconds (a full one is generation 2).

    Whichever thread triggers a pass holds the interpreter lock through it,
    so a pass on a check worker stalls the UI thread as much as one of its own.
    """

    def __init__(self) -> None:
        self.passes: dict[int, list[float]] = {0: [], 1: [], 2: []}
        self._started = 0.0
        gc.callbacks.append(self._callback)

    def _callback(self, phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            self._started = time.perf_counter()
        else:
            self.passes[info["generation"]].append(time.perf_counter() - self._started)

    def clear(self) -> None:
        for passes in self.passes.values():
            passes.clear()

    def close(self) -> None:
        gc.callbacks.remove(self._callback)


def gc_freeze_argument(parser: argparse.ArgumentParser) -> argparse.ArgumentParser:
    """``--no-gc-freeze``: leave the start-up heap in every collection, to show what the freeze saves."""
    parser.add_argument(
        "--no-gc-freeze",
        action="store_true",
        help="do not freeze the start-up heap (gui.application.freeze_start_heap) as the application does",
    )
    return parser


def rss_kib() -> int:
    """This process's resident set size now (Linux ``/proc``; elsewhere the peak, which only grows)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except OSError:
        pass
    import resource

    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak // 1024 if sys.platform == "darwin" else peak


@dataclass(frozen=True)
class Stats:
    median: float
    worst: float
    best: float
    n: int

    @classmethod
    def of(cls, values: Sequence[float], scale: float) -> Stats:
        scaled = [v * scale for v in values]
        return cls(statistics.median(scaled), max(scaled), min(scaled), len(scaled))


@dataclass(frozen=True)
class Figure:
    """One line of a benchmark's output and one row of the README's speed table."""

    bench: str
    case: str
    unit: str
    measured: Stats
    floor_case: str = ""
    floor: Stats | None = None
    goal: str = ""
    note: str = ""
    #: Shown in the README's speed table (tools/bench_table.py); other figures are printed only.
    readme: bool = True

    @property
    def ratio(self) -> float | None:
        if self.floor is None or self.floor.median <= 0:
            return None
        return self.measured.median / self.floor.median

    def line(self) -> str:
        text = (
            f"{self.case:<52} median {_num(self.measured.median):>8} {self.unit}, worst {_num(self.measured.worst):>8}"
        )
        if self.floor is not None:
            text += (
                f" | floor ({self.floor_case}) median {_num(self.floor.median):>8}, worst {_num(self.floor.worst):>8}"
            )
            if self.ratio is not None:
                text += f" = {self.ratio:.2f}×"
        text += f"  (n={self.measured.n})"
        if self.goal:
            text += f"  goal {self.goal}"
        if self.note:
            text += f"  [{self.note}]"
        return text

    def summary(self) -> str:
        """The README's wording: median (worst) vs the floor's median = ratio."""
        text = f"median {_num(self.measured.median)} {self.unit} (worst {_num(self.measured.worst)})"
        if self.floor is not None:
            text += f" vs {_num(self.floor.median)} {self.unit} for {self.floor_case}"
            if self.ratio is not None:
                text += f" = {self.ratio:.2f}×"
        if self.note:
            text += f"; {self.note}"
        return text


def _num(value: float) -> str:
    if value >= 100:
        return f"{value:,.0f}"
    if value >= 10:
        return f"{value:.1f}"
    return f"{value:.2f}"


UNITS = {"ms": 1000.0, "s": 1.0, "µs": 1e6, "MB": 1.0, "µs/char": 1.0}


@dataclass
class Report:
    """The figures one benchmark run printed, in order."""

    bench: str
    figures: list[Figure] = field(default_factory=list)

    def add(
        self,
        case: str,
        samples: Sequence[float],
        *,
        floor: Sequence[float] | None = None,
        floor_case: str = "",
        unit: str = "ms",
        goal: str = "",
        note: str = "",
        readme: bool = True,
    ) -> Figure:
        """Print and keep a figure; ``samples`` in seconds for time units, as they are otherwise."""
        scale = UNITS.get(unit, 1.0)
        figure = Figure(
            self.bench,
            case,
            unit,
            Stats.of(samples, scale),
            floor_case,
            Stats.of(floor, scale) if floor else None,
            goal,
            note,
            readme,
        )
        self.figures.append(figure)
        print(figure.line(), flush=True)
        return figure

    def finish(self, args: argparse.Namespace) -> None:
        path = getattr(args, "json", None)
        if path:
            payload = {"bench": self.bench, "machine": machine(), "figures": [asdict(f) for f in self.figures]}
            Path(path).write_text(json.dumps(payload, ensure_ascii=False, indent=1), encoding="utf-8")


def machine() -> dict[str, object]:
    """What the figures depend on: cores and the load while they were taken."""
    try:
        load: tuple[float, ...] = os.getloadavg()
    except OSError:
        load = ()
    return {"cpus": os.cpu_count(), "load": [round(x, 2) for x in load], "python": sys.version.split()[0]}


def arguments(parser: argparse.ArgumentParser, rounds: int) -> argparse.ArgumentParser:
    """The options every benchmark takes: rounds, and where to write its figures as JSON."""
    parser.add_argument("--rounds", type=int, default=rounds, help=f"alternating rounds (default {rounds})")
    parser.add_argument("--json", metavar="PATH", help="also write the figures as JSON (tools/bench_table.py)")
    return parser


def load_figures(path: Path) -> tuple[str, list[Figure], dict[str, object]]:
    """A benchmark's JSON back as figures, with the machine they were measured on (for the README table)."""
    payload = json.loads(path.read_text(encoding="utf-8"))
    figures = []
    for raw in payload["figures"]:
        measured = Stats(**raw.pop("measured"))
        floor_raw = raw.pop("floor")
        figures.append(Figure(measured=measured, floor=Stats(**floor_raw) if floor_raw else None, **raw))
    return payload["bench"], figures, dict(payload.get("machine") or {})
