r"""Benchmark: check time per character against input size (not a test; run it directly).

    uv run python tests/bench/bench_check_scaling.py [--quick] [--kinds realistic,wordlist]

For each input kind (a realistic Japanese draft, a word-list-heavy text made
of the shipped lists' own words, and texts built to hit the parts that used
to grow faster than linearly: many links, ``a.a.a.…`` runs, paths ending in
many brackets, combining marks, invisible characters, the rules of issue 19)
it prints, at 500, 5k, 50k and 500k characters, µs per character of

- the keystroke engine (``run_checks``, every rule but the analysis tier),
- the name analyser (``check_person_names``: SudachiPy, person names, word rules),

each next to its floor: one ``regex`` pass over the same text
(``\w+|\W``, every character visited once). Linear means the µs/char
columns stay flat: the last line of each kind gives the ratio of the 500k
figure to the 5k one (goal: near 1). Medians of several runs; the machine's
other load shows as noise, so run it twice.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import regex
from bench_checks import PROFILE, realistic_draft

from core.checks import DraftInput, Platform, check_person_names, run_checks
from core.checks.lexicon import builtin_lexicons

SIZES = (500, 5_000, 50_000, 500_000)


def _repeat(unit: str, size: int) -> str:
    return (unit * (size // len(unit) + 1))[:size]


def _word_list_heavy(n: int) -> str:
    """The shipped lists' own words (phrases and word rules' plain forms), joined into sentences."""
    words = [w.lstrip("~").replace("...", "").split(" !")[0] for ws in builtin_lexicons().values() for w in ws]
    unit = "。".join(w for w in words if w) + "。"
    return _repeat(unit, n)


KINDS = {
    "realistic": realistic_draft,
    "wordlist": _word_list_heavy,
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


def _median(fn: object, repeat: int) -> float:
    assert callable(fn)
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


_FLOOR = regex.compile(r"\w+|\W")


def floor(text: str) -> None:
    for _ in _FLOOR.finditer(text):
        pass


def main() -> None:
    quick = "--quick" in sys.argv
    chosen = next((a.split("=", 1)[1] for a in sys.argv if a.startswith("--kinds=")), "")
    kinds = {k: v for k, v in KINDS.items() if not chosen or k in chosen.split(",")}
    sizes = SIZES[:3] if quick else SIZES
    run_checks(DraftInput("準備"), PROFILE)
    check_person_names("準備", PROFILE)  # load word lists and the analyser
    print(
        f"{'kind':<10} {'chars':>8} {'engine s':>9} {'µs/char':>8} {'names s':>8} {'µs/char':>8} {'floor µs/char':>14}"
    )
    for kind, make in kinds.items():
        engine: dict[int, float] = {}
        names: dict[int, float] = {}
        for size in sizes:
            text = make(size)
            draft = DraftInput(text, Platform.X)
            repeat = 5 if size <= 5_000 else (3 if size <= 50_000 else 1)
            seconds = _median(lambda: run_checks(draft, PROFILE), repeat)  # noqa: B023 -- called at once
            name_seconds = _median(lambda: check_person_names(draft, PROFILE), repeat)  # noqa: B023 -- called at once
            base = _median(lambda: floor(text), repeat) / size * 1e6  # noqa: B023 -- called at once
            engine[size], names[size] = seconds / size * 1e6, name_seconds / size * 1e6
            print(
                f"{kind:<10} {size:>8,} {seconds:>9.3f} {engine[size]:>8.2f} {name_seconds:>8.3f} {names[size]:>8.2f}"
                f" {base:>14.3f}",
                flush=True,
            )
        last = sizes[-1]
        print(
            f"{kind:<10} ratio µs/char {last:,} : 5,000   engine {engine[last] / engine[5_000]:.2f}"
            f"   names {names[last] / names[5_000]:.2f}"
        )


if __name__ == "__main__":
    main()
