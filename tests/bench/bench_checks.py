"""Benchmark of the guideline checks (not a test; run it directly).

    uv run python tests/bench/bench_checks.py

Prints the median time of a full keystroke check (every rule except the
morphological analyser) of a 5,000-character Japanese draft (goal: under
5 ms), the analysis tier's time on the same text (names and word rules on
morphemes; cached per chunk, and with every chunk analysed again), and the throughput of
``app.py check``'s engine over 1,000 drafts in one process.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from core.checks import CheckConfig, DraftInput, MediaItem, Platform, check_person_names, run_checks
from core.checks.morphemes import _analyse_chunk_cached
from core.checks.rules.pii import _numbers_in
from core.organization.profile import OrganizationProfile

PROFILE = OrganizationProfile(
    "和光市",
    own_domains=("city.wako.lg.jp",),
    public_phones=("048-424-9090",),
    public_emails=("info@city.wako.lg.jp",),
    postal_addresses=("〒351-0192 埼玉県和光市広沢1-5",),
)

PARAGRAPHS = [
    "【お知らせ】令和８年度の市民まつりを１０月１８日（日）に市役所前広場で開催します。",
    "当日は模擬店やステージイベントのほか、子ども向けの体験コーナーもあります。",
    "雨天の場合は翌日に延期します。最新の情報は市ホームページ https://www.city.wako.lg.jp/event/ をご覧ください。",
    "お問い合わせ：市民活動推進課（電話０４８－４２４－９０９０）、info@city.wako.lg.jp まで。",
    "会場周辺は混雑が予想されますので、公共交通機関をご利用ください。駐車場はありません。",
    "ボランティアスタッフも募集しています。詳しくは広報わこう９月号をご覧ください。",
    "熱中症に注意し、こまめな水分補給を心掛けてください。体調が悪い場合は無理をせず休憩しましょう。",
    "協賛：和光市商工会　後援：埼玉県　#和光市 #市民まつり",
]


def realistic_draft(length: int = 5000, variant: int = 0) -> str:
    parts: list[str] = []
    total = 0
    i = variant
    while total < length:
        paragraph = PARAGRAPHS[i % len(PARAGRAPHS)]
        parts.append(paragraph)
        total += len(paragraph) + 1
        i += 1
    return "\n".join(parts)[:length]


def median_ms(func: object, repeat: int) -> float:
    assert callable(func)
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        func()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> None:
    text = realistic_draft()
    assert len(text) == 5000
    media = (MediaItem("a.jpg", alt="市民まつりの会場の様子"),)
    config = CheckConfig()
    draft = DraftInput(text, Platform.FACEBOOK, media)
    draft_x = DraftInput(text, Platform.X, media)

    run_checks(draft, PROFILE, config)  # warm-up: prepared settings, compiled patterns
    full = median_ms(lambda: run_checks(draft, PROFILE, config), 200)
    full_x = median_ms(lambda: run_checks(draft_x, PROFILE, config), 50)

    def cold() -> None:
        _numbers_in.cache_clear()  # the phone matcher's per-stretch cache
        run_checks(draft, PROFILE, config)

    full_cold = median_ms(cold, 50)

    start = time.perf_counter()
    check_person_names(draft, PROFILE, config)
    load = (time.perf_counter() - start) * 1000
    names = median_ms(lambda: check_person_names(draft, PROFILE, config), 20)

    def names_cold() -> None:
        _analyse_chunk_cached.cache_clear()  # every chunk analysed again, as for a pasted text
        check_person_names(draft, PROFILE, config)

    names_uncached = median_ms(names_cold, 10)
    edited = DraftInput(text[:2500] + "追記" + text[2500:], Platform.FACEBOOK, media)
    check_person_names(draft, PROFILE, config)

    def names_after_edit() -> None:
        check_person_names(edited, PROFILE, config)
        _analyse_chunk_cached.cache_clear()
        check_person_names(draft, PROFILE, config)  # refill the cache with the unedited text

    names_edit = median_ms(names_after_edit, 10) - names_uncached

    platforms = list(Platform)
    drafts = [
        DraftInput(realistic_draft(100 + (i * 37) % 1500, i), platforms[i % len(platforms)], media) for i in range(1000)
    ]
    start = time.perf_counter()
    blocking = 0
    for d in drafts:
        blocking += run_checks(d, PROFILE, config, include_person_names=True).blocking
    elapsed = time.perf_counter() - start
    chars = sum(len(d.text) for d in drafts)

    print(f"full check, 5,000-char draft (no analyser), Facebook: median {full:.2f} ms (goal < 5 ms)")
    print(f"  same, with the phone-number cache emptied before each run: median {full_cold:.2f} ms")
    print(f"full check, 5,000-char draft (no analyser), X (over limit, overflow located): median {full_x:.2f} ms")
    print(f"analysis tier (names, word rules), same text, chunks cached: median {names:.1f} ms")
    print(
        f"  every chunk analysed (a pasted text): median {names_uncached:.1f} ms "
        f"(first call incl. dictionary load {load:.0f} ms)"
    )
    print(f"  after typing two characters (one chunk analysed again): ≈ {max(names_edit, 0.0):.1f} ms")
    print(
        f"throughput, 1,000 drafts of 100-1,600 chars, all platforms ({chars:,} chars) incl. analyser: "
        f"{elapsed:.2f} s = {1000 / elapsed:.0f} drafts/s ({blocking} blocking)"
    )


if __name__ == "__main__":
    main()
