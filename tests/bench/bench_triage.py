"""Benchmark of the inbound triage (not a test; run it directly).

    uv run python tests/bench/bench_triage.py

Triages 10,000 replies — a realistic mix: questions and thanks, a few with
links, phone numbers, spam, prize scams and threats — through the checklist
engine plus the inbound rules, in one process, and prints items per second
and the level counts.
"""

from __future__ import annotations

import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from core.inbound.triage import inbound_rules, triage
from core.organization.profile import OrganizationProfile

PROFILE = OrganizationProfile(
    "和光市",
    own_domains=("city.wako.lg.jp",),
    public_phones=("048-424-9090",),
    public_emails=("info@city.wako.lg.jp",),
    postal_addresses=("〒351-0192 埼玉県和光市広沢1-5",),
)

REPLIES = [
    "ごみの収集日は祝日も変わりませんか？",
    "市民まつり楽しかったです！ありがとうございました。",
    "駐輪場の場所を教えてください。https://www.city.wako.lg.jp/ には載っていませんでした",
    "昨日の大雨で道路が冠水しています。広沢の交差点付近です。",
    "担当の方の携帯 090-1234-5678 に電話しても出ません",
    "在宅で月収50万！詳細はプロフへ",
    "おめでとうございます！当選しました。受け取りはDMで",
    "こんな対応なら市役所に火をつけるぞ",
    "詳しくは bit.ly/3xYzAbc をご覧ください",
    "保育園の申し込み期限はいつまでですか。子どもが2人います。よろしくお願いいたします。" * 3,
]
COUNT = 10_000


def main() -> None:
    inbound_rules()  # read and compiled once, as in the app
    triage(REPLIES[0], PROFILE)  # warm the engine's prepared settings
    items = [f"{REPLIES[n % len(REPLIES)]} #{n}" for n in range(COUNT)]
    levels: Counter[str] = Counter()
    start = time.perf_counter()
    for text in items:
        levels[triage(text, PROFILE).level.value] += 1
    seconds = time.perf_counter() - start
    print(f"triage of {COUNT:,} replies: {seconds:.2f} s, {COUNT / seconds:,.0f} items/s")
    print("levels:", dict(sorted(levels.items())))


if __name__ == "__main__":
    main()
