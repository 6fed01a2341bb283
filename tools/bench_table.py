"""Rewrite the README's speed table from a fresh run of the benchmarks (or from their JSON).

    uv run python tools/bench_table.py                       # runs the benchmarks below, rewrites README.md
    uv run python tools/bench_table.py --benches bench_checks.py
    uv run python tools/bench_table.py --from a.json b.json  # figures already measured (``--json`` of a benchmark)
    uv run python tools/bench_table.py --check               # exit 1 when the README's rows of these differ

The table lies between the markers ``<!-- speed-table:start -->`` and
``<!-- speed-table:end -->``; each row names its source file in the last
column. Only the rows of the benchmarks run (or read) are replaced, where
their first old row stood; the rows of every other benchmark stay as they
are, so one benchmark can be re-measured alone. A benchmark takes part by
printing through ``tests/bench/harness.py`` (its ``--json`` option).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.bench.harness import Figure, load_figures  # noqa: E402

README = ROOT / "README.md"
START = "<!-- speed-table:start -->"
END = "<!-- speed-table:end -->"
HEADER = ["| benchmark | figure | goal | source |", "|---|---|---|---|"]
DEFAULT_BENCHES = ("bench_startup.py", "bench_checks.py", "bench_composer.py", "bench_composer_enter.py")


def run_benches(names: list[str], extra: list[str]) -> list[Path]:
    out = Path(tempfile.mkdtemp(prefix="bench-table-"))
    paths = []
    for name in names:
        path = out / f"{name}.json"
        print(f"running {name} …", file=sys.stderr, flush=True)
        subprocess.run(
            [sys.executable, str(ROOT / "tests" / "bench" / name), "--json", str(path), *extra], cwd=ROOT, check=True
        )
        paths.append(path)
    return paths


def cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def row(figure: Figure, machine: dict[str, object]) -> str:
    """One figure as a row; a benchmark's first row also says the load it was measured under."""
    text = figure.summary()
    load = machine.get("load")
    if isinstance(load, list) and load:
        text += f" (load {load[0]:.1f} on {machine.get('cpus')} cores)"
    return f"| {cell(figure.case)} | {cell(text)} | {cell(figure.goal)} | `{figure.bench}` |"


def rows_of(figures: list[Figure], machine: dict[str, object]) -> list[str]:
    shown = [f for f in figures if f.readme]
    return [row(f, machine if i == 0 else {}) for i, f in enumerate(shown)]


def source_of(line: str) -> str:
    """The source file named in a row's last cell."""
    cells = [c.strip() for c in line.strip().strip("|").split("|")]
    return cells[-1].strip("`") if cells else ""


def rewrite(readme: str, measured: dict[str, list[Figure]], machines: dict[str, dict[str, object]]) -> str:
    head, start, rest = readme.partition(START)
    body, end, tail = rest.partition(END)
    if not start or not end:
        raise SystemExit(f"README.md has no {START} … {END} markers")
    old = [line for line in body.strip().splitlines() if line.startswith("|")][len(HEADER) :]
    rows: list[str] = []
    placed: set[str] = set()
    for line in old:
        source = source_of(line)
        if source in measured:
            if source not in placed:
                rows += rows_of(measured[source], machines.get(source, {}))
                placed.add(source)
            continue
        rows.append(line)
    for source, figures in measured.items():
        if source not in placed:
            rows += rows_of(figures, machines.get(source, {}))
    return head + start + "\n" + "\n".join(HEADER + rows) + "\n" + end + tail


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--benches", help=f"comma-separated benchmark files (default {','.join(DEFAULT_BENCHES)})")
    parser.add_argument("--from", dest="sources", nargs="+", type=Path, help="JSON files written with --json")
    parser.add_argument("--check", action="store_true", help="compare with the README instead of rewriting it")
    parser.add_argument("extra", nargs=argparse.REMAINDER, help="after --: options passed to every benchmark")
    args = parser.parse_args(argv)
    extra = [a for a in args.extra if a != "--"]
    if args.sources:
        paths = list(args.sources)
    else:
        paths = run_benches(args.benches.split(",") if args.benches else list(DEFAULT_BENCHES), extra)
    measured: dict[str, list[Figure]] = {}
    machines: dict[str, dict[str, object]] = {}
    for path in paths:
        bench, figures, machine = load_figures(path)
        measured.setdefault(bench, []).extend(figures)
        machines[bench] = machine
    text = README.read_text(encoding="utf-8")
    new = rewrite(text, measured, machines)
    if args.check:
        if new != text:
            print("README.md's speed table differs from these figures", file=sys.stderr)
            return 1
        return 0
    README.write_text(new, encoding="utf-8")
    print(f"README.md: {sum(len(f) for f in measured.values())} figures of {', '.join(measured)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
