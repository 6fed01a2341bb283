"""Start-up to a usable first screen: process start → the draft list's first page on screen, vs a bare QMainWindow.

    uv run python tests/bench/bench_startup_usable.py [--runs 7]

Both are whole processes (interpreter start included), run alternately so
that the load of a shared machine falls on both alike. KohoGate runs over
demo data with ``KOHOGATE_BENCH_USABLE=1``: it prints ``shown`` when the
window is up and ``usable`` when the first screen shows what it read (the
other screens are built only when opened), then quits. Goal (issue 21):
usable ≤ 3× the bare window. Prints figures; asserts nothing.
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
    result = subprocess.run(cmd, cwd=ROOT, env=env, check=True, capture_output=True, text=True, timeout=120)
    marks = {}
    for line in result.stdout.splitlines():
        event, _, stamp = line.partition(" ")
        if event in {"shown", "usable"}:
            marks[event] = float(stamp) - start
    return marks


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    env.pop("KOHOGATE_BENCH_STARTUP", None)
    # Bytecode as an installed copy has it (the warm-up writes it, outside the tree): a shell with
    # PYTHONDONTWRITEBYTECODE=1 would otherwise compile every module of SQLAlchemy on every start.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    with tempfile.TemporaryDirectory() as data, tempfile.TemporaryDirectory() as pycache:
        env["PYTHONPYCACHEPREFIX"] = pycache
        subprocess.run(
            [sys.executable, "app.py", "--data-dir", data, "demo"],
            cwd=ROOT,
            env=env,
            check=True,
            stdout=subprocess.DEVNULL,
        )
        app_env = dict(env, KOHOGATE_BENCH_USABLE="1")
        app = [sys.executable, "app.py", "--data-dir", data]
        bare_cmd = [sys.executable, "-c", BARE]
        timed(bare_cmd, env)  # warm-up each: .qm files compiled, the OS file cache filled
        timed(app, app_env)
        bare, shown, usable = [], [], []
        for _ in range(args.runs):
            bare.append(timed(bare_cmd, env)["shown"])
            marks = timed(app, app_env)
            shown.append(marks["shown"])
            usable.append(marks["usable"])
    b = statistics.median(bare)
    for name, runs in (
        ("bare QMainWindow", bare),
        ("KohoGate window shown", shown),
        ("KohoGate first screen usable", usable),
    ):
        m = statistics.median(runs)
        print(
            f"{name:29}: median {m * 1000:7.1f} ms  (min {min(runs) * 1000:.1f}, max {max(runs) * 1000:.1f})"
            f"  = {m / b:.2f}x bare"
        )
    print("goal: first screen usable <= 3x bare")
    return 0


if __name__ == "__main__":
    sys.exit(main())
