"""Start-up benchmark: process start → main window shown (and → screens ready), vs a bare QMainWindow.

    uv run python tests/bench/bench_startup.py [--runs 7]

Both are measured as whole processes (interpreter start included) that quit
right after their first window was shown, so the ratio is what a user feels.
Goal: KohoGate at most 2.5× the bare window. Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

BARE = """
import sys, time
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv)
w = QMainWindow(); w.resize(1200, 760); w.show()
QTimer.singleShot(0, lambda: (print(f"shown {time.time():.6f}", flush=True), app.quit()))
app.exec()
"""


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


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    with tempfile.TemporaryDirectory() as data:
        subprocess.run(
            [sys.executable, "app.py", "--data-dir", data, "demo"],
            cwd=ROOT,
            env=env,
            check=True,
            stdout=subprocess.DEVNULL,
        )
        app_env = dict(env, KOHOGATE_BENCH_STARTUP="1")
        app = [sys.executable, "app.py", "--data-dir", data]
        # one warm-up each: the first run compiles the .qm files and fills the OS file cache
        timed([sys.executable, "-c", BARE], env)
        timed(app, app_env)
        bare = [timed([sys.executable, "-c", BARE], env)["shown"] for _ in range(args.runs)]
        runs = [timed(app, app_env) for _ in range(args.runs)]
        shown = [r["shown"] for r in runs]
        ready = [r["ready"] for r in runs]
    b = statistics.median(bare)
    for name, runs in (("bare QMainWindow", bare), ("KohoGate window shown", shown), ("KohoGate screens ready", ready)):
        m = statistics.median(runs)
        print(
            f"{name:24}: median {m * 1000:7.1f} ms  (min {min(runs) * 1000:.1f}, max {max(runs) * 1000:.1f})"
            f"  = {m / b:.2f}x bare"
        )
    print("goal: window shown <= 2.5x bare")
    return 0


if __name__ == "__main__":
    sys.exit(main())
