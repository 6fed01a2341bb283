"""The labelled corpus of municipal drafts (``tests/corpus/``) and its figures.

Each ``tests/corpus/<group>.toml`` holds ``[[post]]`` tables: ``text``, the
rule ids the post must get (``expect``; none for a clean post) and
optionally ``platform`` (default Facebook, so that length limits do not
interfere). ``profile.toml`` is the organization the posts are written for,
in the CLI's ``ORG.toml`` format. The figures are computed with the full
check, analysis tier included, as ``app.py check`` and the submission gate
run it; shared by ``tests/bench/bench_corpus.py`` (prints them) and
``tests/core/checks/test_corpus_goals.py`` (fails below the goals).
"""

from __future__ import annotations

import tomllib
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from cli.check_inputs import load_profile
from core.checks import CheckConfig, DraftInput, Platform, Severity, run_checks
from core.checks.catalog import rule_definition
from core.organization.profile import OrganizationProfile

CORPUS = Path(__file__).resolve().parents[1] / "corpus"

# The goals of issue 19.
MAX_CLEAN_FLAGGED = 0.05
MIN_RECALL = 0.90


@dataclass(frozen=True)
class Post:
    id: str
    text: str
    expect: frozenset[str]
    platform: Platform

    @property
    def clean(self) -> bool:
        return not self.expect


@dataclass(frozen=True)
class Outcome:
    post: Post
    found: frozenset[str]
    severities: frozenset[Severity]

    @property
    def blocked(self) -> bool:
        return Severity.BLOCK in self.severities

    @property
    def flagged(self) -> bool:
        """要確認 or worse: something the operator must answer for."""
        return bool(self.severities & {Severity.BLOCK, Severity.CONFIRM})


@dataclass
class Figures:
    outcomes: list[Outcome]
    true_pos: Counter[str] = field(default_factory=Counter)
    false_pos: Counter[str] = field(default_factory=Counter)
    false_neg: Counter[str] = field(default_factory=Counter)

    def __post_init__(self) -> None:
        for outcome in self.outcomes:
            for rule in outcome.post.expect & outcome.found:
                self.true_pos[rule] += 1
            for rule in outcome.found - outcome.post.expect:
                self.false_pos[rule] += 1
            for rule in outcome.post.expect - outcome.found:
                self.false_neg[rule] += 1

    @property
    def clean(self) -> list[Outcome]:
        return [o for o in self.outcomes if o.post.clean]

    @property
    def clean_blocked(self) -> list[Outcome]:
        return [o for o in self.clean if o.blocked]

    @property
    def clean_flagged(self) -> list[Outcome]:
        return [o for o in self.clean if o.flagged]

    @property
    def clean_flagged_share(self) -> float:
        return len(self.clean_flagged) / max(1, len(self.clean))

    def rules(self) -> list[str]:
        return sorted(set(self.true_pos) | set(self.false_pos) | set(self.false_neg))

    def precision(self, rule: str) -> float:
        found = self.true_pos[rule] + self.false_pos[rule]
        return self.true_pos[rule] / found if found else 1.0

    def recall(self, rule: str) -> float:
        expected = self.true_pos[rule] + self.false_neg[rule]
        return self.true_pos[rule] / expected if expected else 1.0

    def clause_recall(self) -> dict[str, tuple[int, int]]:
        """clause → (expected findings of rules citing it that were found, expected)."""
        result: dict[str, list[int]] = {}
        for outcome in self.outcomes:
            for rule in outcome.post.expect:
                definition = rule_definition(rule)
                for clause in definition.clauses if definition else ():
                    counts = result.setdefault(clause, [0, 0])
                    counts[1] += 1
                    counts[0] += rule in outcome.found
        return {clause: (hit, total) for clause, (hit, total) in sorted(result.items())}

    def misses(self) -> list[str]:
        """Lines naming each post a goal fails on (for the test's message)."""
        lines = [f"blocked clean post {o.post.id}: {sorted(o.found)}" for o in self.clean_blocked]
        lines += [f"flagged clean post {o.post.id}: {sorted(o.found)}" for o in self.clean_flagged]
        for outcome in self.outcomes:
            missing = outcome.post.expect - outcome.found
            if missing:
                lines.append(f"missed in {outcome.post.id}: {sorted(missing)} (found {sorted(outcome.found)})")
        return lines


def load_posts(folder: Path = CORPUS) -> list[Post]:
    posts = []
    for path in sorted(folder.glob("*.toml")):
        if path.name == "profile.toml":
            continue
        with path.open("rb") as handle:
            data = tomllib.load(handle)
        for index, raw in enumerate(data.get("post", []), start=1):
            posts.append(
                Post(
                    id=f"{path.stem}:{index}",
                    text=str(raw["text"]),
                    expect=frozenset(str(r) for r in raw.get("expect", [])),
                    platform=Platform.parse(str(raw.get("platform", "facebook"))),
                )
            )
    return posts


def corpus_profile(folder: Path = CORPUS) -> tuple[OrganizationProfile, CheckConfig]:
    return load_profile(folder / "profile.toml")


def evaluate(
    posts: list[Post] | None = None, profile: OrganizationProfile | None = None, config: CheckConfig | None = None
) -> Figures:
    if profile is None:
        profile, config = corpus_profile()
    outcomes = []
    for post in posts if posts is not None else load_posts():
        result = run_checks(DraftInput(post.text, post.platform), profile, config, include_person_names=True)
        found = frozenset(f.rule_id for f in result.findings)
        severities = frozenset(f.severity for f in result.findings)
        outcomes.append(Outcome(post, found, severities))
    return Figures(outcomes)
