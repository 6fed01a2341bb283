"""Start-up of the frozen bundle vs ``uv run app.py``: process start → window shown → screens ready.

    uv run python tools/build.py                       # once: dist/kohogate/
    uv run python tests/bench/bench_frozen_startup.py [--runs 9] [--bundle dist/kohogate]

Both start the GUI on the same demo data folder and quit when the screens are
ready (``KOHOGATE_BENCH_STARTUP``). Runs alternate (frozen, source, frozen, …)
so that a busy machine slows both alike; one warm-up each fills the OS file
cache. ``uv run app.py`` is timed as a user starts it, uv's own start included.
Prints the median and the worst run; asserts nothing.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
EXE_SUFFIX = ".exe" if sys.platform == "win32" else ""


def timed(cmd: list[str], env: dict[str, str]) -> dict[str, float]:
    """Seconds from launching ``cmd`` to each ``<event> <epoch seconds>`` line it prints."""
    start = time.time()
    result = subprocess.run(cmd, cwd=ROOT, env=env, check=True, capture_output=True, text=True)
    marks = {}
    for line in result.stdout.splitlines():
        event, _, stamp = line.partition(" ")
        if event in {"shown", "ready"}:
            marks[event] = float(stamp) - start
    return marks


def report(name: str, runs: list[float]) -> str:
    return f"{name:28}: median {statistics.median(runs) * 1000:7.0f} ms   worst {max(runs) * 1000:7.0f} ms"


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--bundle", type=Path, default=ROOT / "dist" / "kohogate")
    args = parser.parse_args()
    # kohogate-cli without a command is the GUI, with a stdout for the marks on every platform.
    frozen = args.bundle / f"kohogate-cli{EXE_SUFFIX}"
    if not frozen.exists():
        print(f"no bundle at {args.bundle}: run `uv run python tools/build.py` first", file=sys.stderr)
        return 2
    uv = shutil.which("uv")
    if uv is None:
        print("uv is not on PATH", file=sys.stderr)
        return 2
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    env["KOHOGATE_MACHINE_CONFIG"] = str(Path(tempfile.gettempdir()) / "kohogate-bench-no-machine-config.toml")
    with tempfile.TemporaryDirectory() as data:
        subprocess.run([str(frozen), "--data-dir", data, "demo"], env=env, check=True, stdout=subprocess.DEVNULL)
        bench_env = dict(env, KOHOGATE_BENCH_STARTUP="1")
        commands = {
            "frozen": [str(frozen), "--data-dir", data],
            "uv run app.py": [uv, "run", "app.py", "--data-dir", data],
        }
        for command in commands.values():
            timed(command, bench_env)  # warm-up
        results: dict[str, list[dict[str, float]]] = {name: [] for name in commands}
        for _ in range(args.runs):
            for name, command in commands.items():
                results[name].append(timed(command, bench_env))
    for name, runs in results.items():
        print(report(f"{name}: window shown", [r["shown"] for r in runs]))
        print(report(f"{name}: screens ready", [r["ready"] for r in runs]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
