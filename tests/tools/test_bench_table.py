"""The README's speed table: a benchmark's rows replaced where they stood, every other row kept."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.bench.harness import Figure, Stats, load_figures
from tools.bench_table import END, HEADER, START, main, rewrite

OLD = "\n".join(
    [
        "# KohoGate",
        "",
        START,
        *HEADER,
        "| start-up, old wording | 170 ms | ≤ 2.5× | `bench_startup.py` |",
        "| … continued | ≈ 1.1 s |  | `bench_startup.py` |",
        "| `audit verify` | 4.9 s = 4.3× | ≤ 2× | `bench_audit_verify.py` |",
        END,
        "",
        "## Development",
        "",
    ]
)


def _figure(case: str, median: float, floor: float | None = None, *, readme: bool = True) -> Figure:
    return Figure(
        "bench_startup.py",
        case,
        "ms",
        Stats(median, median * 2, median / 2, 7),
        "a bare window" if floor else "",
        Stats(floor, floor, floor, 7) if floor else None,
        "≤ 3×",
        readme=readme,
    )


def test_a_benchmark_s_rows_are_replaced_in_place_and_the_others_kept() -> None:
    new = rewrite(
        OLD,
        {"bench_startup.py": [_figure("usable", 900, 300), _figure("printed only", 1, readme=False)]},
        {"bench_startup.py": {"load": [1.5, 1.0, 1.0], "cpus": 2}},
    )
    table = new[new.index(START) : new.index(END)].splitlines()
    assert table[1:3] == HEADER
    assert table[3] == (
        "| usable | median 900 ms (worst 1,800) vs 300 ms for a bare window = 3.00× (load 1.5 on 2 cores) "
        "| ≤ 3× | `bench_startup.py` |"
    )
    assert table[4] == "| `audit verify` | 4.9 s = 4.3× | ≤ 2× | `bench_audit_verify.py` |"
    assert len(table) == 5  # the old start-up rows gone, the print-only figure left out
    assert new.endswith("## Development\n")


def test_a_new_benchmark_s_rows_come_last() -> None:
    figure = _figure("usable", 900)
    new = rewrite(OLD, {"bench_new.py": [Figure(**{**figure.__dict__, "bench": "bench_new.py"})]}, {})
    table = new[new.index(START) : new.index(END)].splitlines()
    assert table[-1].endswith("`bench_new.py` |")
    assert "old wording" in new


def test_the_json_a_benchmark_writes_rewrites_the_table(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    figure = _figure("usable", 900, 300)
    source = tmp_path / "startup.json"
    payload = {"bench": figure.bench, "machine": {"load": [2.0], "cpus": 2}, "figures": [_as_json(figure)]}
    source.write_text(json.dumps(payload), encoding="utf-8")
    assert load_figures(source) == ("bench_startup.py", [figure], {"load": [2.0], "cpus": 2})
    readme = tmp_path / "README.md"
    readme.write_text(OLD, encoding="utf-8")
    monkeypatch.setattr("tools.bench_table.README", readme)
    assert main(["--check", "--from", str(source)]) == 1
    assert main(["--from", str(source)]) == 0
    assert main(["--check", "--from", str(source)]) == 0
    assert "= 3.00× (load 2.0 on 2 cores)" in readme.read_text(encoding="utf-8")


def _as_json(figure: Figure) -> dict[str, object]:
    from dataclasses import asdict

    return asdict(figure)
