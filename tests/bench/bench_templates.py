"""Benchmark: templates and groups (not a test; run it directly).

    uv run python tests/bench/bench_templates.py [--rounds 20]

Prints medians for
- the check when a template is saved (every starter template, the analysis tier included, as the service runs it);
- the picker's check on a keystroke (one starter filled, keystroke tier, as the form runs it);
- creating, submitting and approving a group of three drafts on a fresh SQLite database (three signatures).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from core.checks.config import CheckConfig
from core.organization.profile import OrganizationProfile
from core.platforms.facts import Platform
from core.templates.model import check_template, fill_and_check
from core.templates.placeholders import samples
from core.templates.starter import starter_templates

PROFILE = OrganizationProfile(name="見本市", own_domains=("city.mihon.lg.jp",), departments=("秘書広報課",))


def _median_ms(call, rounds: int) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        call()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def _group_round() -> float:
    from core.demo.support import make_ready
    from core.runtime.bootstrap import open_environment
    from core.services.drafts import DraftService
    from core.services.groups import GroupService
    from core.signoff.keys import DemoSigner
    from tests.support.groups import three_accounts
    from tests.support.world import World

    with tempfile.TemporaryDirectory() as tmp:
        env = open_environment(tmp)
        world = World(env)
        accounts = three_accounts(world)
        start = time.perf_counter()
        created = GroupService(world.store, world.op1).create(accounts, "市民まつりは11月3日です。", title="市民まつり")
        drafts = DraftService(world.store, world.op1)
        rows = {d: make_ready(drafts, d) for d in created.draft_ids}
        GroupService(world.store, world.op1).submit(created.group_id, rows)
        GroupService(world.store, world.sup).approve(created.group_id, signer=DemoSigner(world.sup.login))
        elapsed = (time.perf_counter() - start) * 1000
        env.close()
        return elapsed


def _memory_keyring() -> None:
    """The tests' in-memory keyring: the benchmark's throw-away organization keeps its keys there."""
    import keyring.core

    from core.credentials import vault
    from tests.support.keyring_memory import MemoryKeyring

    vault.allow_test_backend(MemoryKeyring)
    keyring.core._keyring_backend = MemoryKeyring()  # type: ignore[attr-defined]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=20)
    args = parser.parse_args()
    config = CheckConfig()
    starters = starter_templates()
    check_template(starters[0].content, PROFILE, config)  # loads the dictionaries once
    save = _median_ms(lambda: [check_template(s.content, PROFILE, config) for s in starters], args.rounds)
    values = samples(PROFILE)
    keystroke = _median_ms(
        lambda: fill_and_check(starters[0].content, values, Platform.X, PROFILE, config, analysis=False), args.rounds
    )
    print(
        f"save check, all {len(starters)} starter templates (analysis tier; morphemes cached after the first round):"
        f" median {save:.1f} ms"
    )
    print(f"picker keystroke check (one template, keystroke tier): median {keystroke:.2f} ms")
    _memory_keyring()
    group = statistics.median(_group_round() for _ in range(3))
    print(f"group of three: create + make ready + submit + approve (3 signatures), SQLite: median {group:.0f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
