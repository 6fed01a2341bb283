"""Benchmark: check time per character against input size (not a test; run it directly).

    uv run python tests/bench/bench_check_scaling.py [--quick]

For each input kind (a realistic Japanese draft, and texts built to hit the
parts that used to grow faster than linearly: many links, ``a.a.a.…`` runs,
paths ending in many brackets, combining marks, invisible characters, and
the rules of issue 19: look-alike letters, program names, quotes, word rules) it
prints the time of the whole ``app.py check`` engine (every rule, the
person-name analyser included) at 1k, 10k, 100k and 1M characters, as µs per
character, and the ratio of the 1M figure to the 10k one. Linear means the
µs/char column stays flat (ratio near 1); the floor shown beside it is one
pass of ``unicodedata.normalize("NFKC", text)`` over the same text.
"""

from __future__ import annotations

import statistics
import sys
import time
import unicodedata
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_checks import PROFILE, realistic_draft

from core.checks import DraftInput, Platform, run_checks

SIZES = (1_000, 10_000, 100_000, 1_000_000)


def _repeat(unit: str, size: int) -> str:
    return (unit * (size // len(unit) + 1))[:size]


KINDS = {
    "realistic": realistic_draft,
    "links": lambda n: _repeat("詳細は https://www.city.wako.lg.jp/a/b をご覧ください。", n),
    "a.a.a": lambda n: _repeat("a.", n),
    "brackets": lambda n: _repeat("https://a.jp/" + ")" * 40 + " ", n),
    "combining": lambda n: _repeat("か\u3099e\u0301", n),
    "invisible": lambda n: _repeat("あ\u200b", n),
    "numbers": lambda n: _repeat("０４８－４２４－９０９０ ", n),
    # Issue 19's rules: look-alike letters in a long Latin run, program names, quotes, word rules
    # whose first word recurs without the rest (the bounded gap), negative context.
    "lookalike": lambda n: _repeat("abcdefghij" * 20 + "а.", n),
    "programs": lambda n: _repeat("tool-setup_v2.exe マクロを有効 ", n),
    "quotes": lambda n: _repeat("RT @a: QT @b 引用: ", n),
    "wordrules": lambda n: _repeat("私個人としては候補の党を", n),
}


def timed(text: str, platform: Platform, repeat: int) -> float:
    draft = DraftInput(text, platform)
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run_checks(draft, PROFILE, include_person_names=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def floor(text: str, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        unicodedata.normalize("NFKC", text)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    quick = "--quick" in sys.argv
    sizes = SIZES[:3] if quick else SIZES
    run_checks(DraftInput("準備"), PROFILE, include_person_names=True)  # load word lists and the analyser
    print(f"{'kind':<10} {'chars':>9} {'seconds':>9} {'µs/char':>8} {'floor µs/char':>14}")
    for kind, make in KINDS.items():
        per_char: dict[int, float] = {}
        for size in sizes:
            text = make(size)
            repeat = 5 if size <= 10_000 else (3 if size <= 100_000 else 1)
            seconds = timed(text, Platform.X, repeat)
            per_char[size] = seconds / size * 1e6
            base = floor(text, repeat) / size * 1e6
            print(f"{kind:<10} {size:>9,} {seconds:>9.3f} {per_char[size]:>8.2f} {base:>14.3f}", flush=True)
        print(f"{kind:<10} ratio µs/char {sizes[-1]:,} : 10,000 = {per_char[sizes[-1]] / per_char[10_000]:.2f}")


if __name__ == "__main__":
    main()
