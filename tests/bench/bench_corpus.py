"""Precision and recall of the guideline checks on the labelled corpus (not a test; run it directly).

    uv run python tests/bench/bench_corpus.py [--misses]

Prints, per rule, how many of the corpus's labelled findings were found
(recall) and how many findings were right (precision), the recall per
guideline clause, and the share of clean posts that got a 要確認 (goal
≤ 5 %) or a 要修正 (goal: none). ``tests/core/checks/test_corpus_goals.py``
fails the build below the goals. The check is the full one, analysis tier
included, as ``app.py check`` and the submission gate run it.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from core.checks.catalog import rule_definition
from core.organization.profile import OrganizationProfile
from tests.support.corpus import corpus_profile, evaluate, load_posts


def _report(title: str, profile: OrganizationProfile | None = None) -> None:
    posts = load_posts()
    start = time.perf_counter()
    if profile is None:
        figures = evaluate(posts)
    else:
        _, config = corpus_profile()
        figures = evaluate(posts, profile, config)
    seconds = time.perf_counter() - start
    clean = figures.clean
    print(f"\n== {title}: {len(posts)} posts ({len(clean)} clean), {seconds * 1000 / len(posts):.1f} ms per post")
    print(f"clean posts blocked (要修正): {len(figures.clean_blocked)} of {len(clean)}")
    print(
        f"clean posts flagged (要確認 or 要修正): {len(figures.clean_flagged)} of {len(clean)}"
        f" = {figures.clean_flagged_share:.1%}"
    )
    print(f"\n{'rule':36} {'precision':>9} {'recall':>7}   tp  fp  fn")
    for rule in figures.rules():
        tp, fp, fn = figures.true_pos[rule], figures.false_pos[rule], figures.false_neg[rule]
        print(f"{rule:36} {figures.precision(rule):9.2f} {figures.recall(rule):7.2f} {tp:4} {fp:3} {fn:3}")
    print(f"\n{'clause':24} recall")
    for clause, (hit, total) in figures.clause_recall().items():
        print(f"{clause:24} {hit / total:6.2f}  ({hit}/{total})")
    if "--misses" in sys.argv:
        print("\n".join(figures.misses()))
        for outcome in figures.outcomes:
            extra = outcome.found - outcome.post.expect
            if extra:
                print(f"extra in {outcome.post.id}: {sorted(extra)}")


def main() -> None:
    profile, _ = corpus_profile()
    _report("with the corpus's organization profile")
    if "--all" in sys.argv:
        # What an organization that filled in only its name, domain and main number gets.
        bare = OrganizationProfile(
            profile.name, own_domains=profile.own_domains, public_phones=profile.public_phones[:1]
        )
        _report("with only the name, own domain and main number", bare)
    assert rule_definition("pii.card_number") is not None


if __name__ == "__main__":
    main()
