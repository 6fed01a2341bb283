"""The guideline checks on varied realistic drafts, per platform, with and without the name analyser, vs a floor.

    uv run python tests/bench/bench_checks.py [--rounds 15] [--length 5000] [--names 48] [--json PATH]

Every sample checks a text of its own: the labelled corpus's posts
(``tests/corpus/``, clean ones and violations) shuffled into a draft of
``--length`` characters with ``--names`` person names mixed in (sentences
such as 「表彰を受けた鈴木一郎さん…」), numbered so that no two samples share
their text. The checks' caches (NFKC runs, phone stretches, morpheme chunks)
are emptied before each measured call: the figure is a text checked for the
first time (a pasted draft, ``app.py check``). One more figure is the
composer's case: the analysis tier again after a two-character edit, its
chunk cache holding the text before the edit.

Floor, on the same text in the same round: what any scan of it costs in
Python — NFKC, a regular expression for URLs, numbers and 〜さん names, and a
line count. Rounds alternate the cases (tests/bench/harness.py). Goal: the
fast checks (no analyser) under 5 ms on a 5,000-character draft.
Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import random
import re
import statistics
import sys
import unicodedata
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from core.checks import DraftInput, MediaItem, Platform, check_person_names, run_checks
from core.checks.morphemes import _analyse_chunk_cached
from core.checks.normalize import _fold_run
from core.checks.rules.pii import _numbers_in
from tests.bench.harness import Report, alternate, arguments, timed
from tests.support.corpus import corpus_profile, load_posts

SURNAMES = ("鈴木", "田中", "高橋", "渡辺", "伊藤", "山本", "中村", "小林", "加藤", "吉田", "山田", "佐々木")
GIVEN = ("一郎", "花子", "健太", "美咲", "直子", "誠", "陽子", "翔太", "大輔", "恵子", "拓也", "由美")
NAME_SENTENCES = (
    "表彰を受けた{name}さんにお話を伺いました。",
    "窓口では{name}が対応します。",
    "講師の{name}先生による講演があります。",
    "{name}さん（市内在住）から写真をいただきました。",
)
FLOOR = re.compile(r"https?://\S+|[0-9０-９][0-9０-９\-－]{5,}[0-9０-９]|[一-龥]{2,4}(?:さん|先生|くん|ちゃん)")


def mixed_drafts(count: int, length: int, names: int, seed: int = 22) -> list[str]:
    """``count`` distinct drafts of ``length`` characters: shuffled corpus posts with ``names`` person names."""
    posts = [p.text for p in load_posts()]
    rng = random.Random(seed)
    drafts = []
    for number in range(count):
        people = [
            NAME_SENTENCES[i % len(NAME_SENTENCES)].format(
                name=SURNAMES[(i + number) % len(SURNAMES)] + GIVEN[(i * 5 + number) % len(GIVEN)]
            )
            for i in range(names)
        ]
        parts = [f"【お知らせ 第{number + 1}号】"]
        order = posts[:]
        rng.shuffle(order)
        spread = max(1, (length // 60) // max(names, 1))  # roughly one name every few posts
        size = len(parts[0])
        for i, post in enumerate(order * 4):
            if size >= length:
                break
            if people and i % spread == 0:
                parts.append(people.pop())
                size += len(parts[-1]) + 1
            parts.append(post)
            size += len(post) + 1
        parts.extend(people)  # a long corpus never drops names: they are what the analyser is measured on
        drafts.append("\n".join(parts))
    return drafts


def forget() -> None:
    """Empty the checks' per-text caches: the text is checked for the first time."""
    _fold_run.cache_clear()
    _numbers_in.cache_clear()
    _analyse_chunk_cached.cache_clear()


def floor_scan(text: str) -> object:
    folded = unicodedata.normalize("NFKC", text)
    return len(FLOOR.findall(folded)), folded.count("\n")


def main() -> None:
    parser = arguments(argparse.ArgumentParser(description=__doc__.splitlines()[0]), rounds=15)
    parser.add_argument("--length", type=int, default=5000)
    parser.add_argument("--names", type=int, default=48)
    args = parser.parse_args()
    profile, config = corpus_profile()
    media = (MediaItem("a.jpg", alt="市民まつりの会場の様子"),)
    texts = mixed_drafts(args.rounds + 1, args.length, args.names)  # +1: the warm-up round
    platforms = list(Platform)
    check_person_names(texts[0], profile, config)  # the dictionary's load is a start-up cost, not a check's

    def stepper(body: Callable[[str], float]) -> Callable[[], float]:
        state = {"round": 0}

        def case() -> float:
            text = texts[state["round"] % len(texts)]
            state["round"] += 1
            forget()
            return body(text)

        return case

    cases: dict[str, Callable[[], float]] = {"floor": stepper(lambda t: timed(lambda: floor_scan(t)))}
    for platform in platforms:

        def fast(text: str, p: Platform = platform) -> float:
            draft = DraftInput(text, p, media)
            return timed(lambda: run_checks(draft, profile, config))

        def full(text: str, p: Platform = platform) -> float:
            draft = DraftInput(text, p, media)
            return timed(lambda: run_checks(draft, profile, config, include_person_names=True))

        cases[f"fast {platform.value}"] = stepper(fast)
        cases[f"full {platform.value}"] = stepper(full)
    cases["analyser"] = stepper(lambda t: timed(lambda: check_person_names(t, profile, config)))

    def edited(text: str) -> float:
        check_person_names(text, profile, config)  # the chunks of the text before the edit are cached
        middle = len(text) // 2
        return timed(lambda: check_person_names(text[:middle] + "追記" + text[middle:], profile, config))

    cases["analyser after edit"] = stepper(edited)
    samples = alternate(cases, rounds=args.rounds, warmup=1)

    found = run_checks(DraftInput(texts[1], Platform.FACEBOOK, media), profile, config, include_person_names=True)
    names = sum(1 for f in found.findings if f.rule_id == "pii.person_name")
    report = Report("bench_checks.py")
    floor = samples["floor"]
    what = f"{args.length:,}-char mixed drafts, {args.names} names"
    print(f"{len(texts)} drafts of {args.length:,}+ characters from {len(load_posts())} corpus posts; ", end="")
    print(f"{names} name findings in one; caches emptied before each call")
    report.add(f"scan floor: NFKC + one regex, {what}", floor, note="the floor of the rows below")
    shown = (Platform.X, Platform.FACEBOOK)  # the README's rows: the strictest counting and the roomiest limit
    for kind, label, goal in (("fast", "without", "< 5 ms"), ("full", "with", "")):
        for platform in platforms:
            report.add(
                f"checks {label} analyser, {platform.facts.display_name}",
                samples[f"{kind} {platform.value}"],
                floor=floor,
                floor_case="the scan floor",
                goal=goal,
                readme=platform in shown,
            )
        slowest = max(platforms, key=lambda p, k=kind: statistics.median(samples[f"{k} {p.value}"]))
        report.add(
            f"checks {label} analyser, slowest platform ({slowest.facts.display_name})",
            samples[f"{kind} {slowest.value}"],
            floor=floor,
            floor_case="the scan floor",
            goal=goal,
            note=f"of {len(platforms)} platforms",
        )
    report.add("analysis tier alone (names, word rules)", samples["analyser"], floor=floor, floor_case="the scan floor")
    report.add(
        "analysis tier after a 2-char edit (chunk cache warm)",
        samples["analyser after edit"],
        floor=floor,
        floor_case="the scan floor",
        note="the composer's worker while typing",
    )
    report.finish(args)


if __name__ == "__main__":
    main()
