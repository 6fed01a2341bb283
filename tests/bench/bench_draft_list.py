"""Draft list benchmark: a million drafts opened, filtered, sorted and scrolled to the end, on SQLite and PostgreSQL.

    uv run python tests/bench/bench_draft_list.py [--drafts 1000000] [--db sqlite|postgresql|both]
        [--scroll-pages N]   # pages the model scrolls through (default: to the end of the list)

The drafts are written with SQLAlchemy core (tests/support/many_drafts.py),
not the services. Then, as the list does it (core/services/drafts.py):
opening (first page, count), each filter, each sort order in both
directions — the first pages and pages at the end of the list (keyset: the
same cost) — and the Qt model (gui/screens/drafts.py) scrolled to the end
with its RSS. PostgreSQL runs in a schema of its own on
KOHOGATE_TEST_DATABASE_URL, dropped afterwards. Goals (issue 21): open and
filter ≤ 300 ms, RSS with the list open ≤ 200 MB and flat while scrolling.
Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import keyring.core  # noqa: E402
from sqlalchemy import create_engine, text  # noqa: E402

from core.credentials import vault  # noqa: E402
from core.lifecycle.states import ShownState  # noqa: E402
from core.runtime.bootstrap import Environment, open_environment  # noqa: E402
from core.services.accounts import AccountService  # noqa: E402
from core.services.drafts import SORT_COLUMNS, DraftFilter, DraftSort, count_drafts, draft_page  # noqa: E402
from tests.support.keyring_memory import MemoryKeyring  # noqa: E402
from tests.support.many_drafts import fill_drafts  # noqa: E402
from tests.support.templates import psycopg_url, schema_url  # noqa: E402
from tests.support.world import World  # noqa: E402

PG_ENV = "KOHOGATE_TEST_DATABASE_URL"


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def ms(call: Callable[[], Any], runs: int = 3) -> float:
    """Median wall time of ``call`` in milliseconds."""
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        call()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


@contextmanager
def database(kind: str, folder: Path) -> Iterator[Environment]:
    if kind == "sqlite":
        env = open_environment(str(folder / "sqlite"))
        try:
            yield env
        finally:
            env.close()
        return
    base = os.environ.get(PG_ENV)
    if not base:
        raise SystemExit(f"{PG_ENV} is not set")
    schema = f"bench_{uuid.uuid4().hex[:10]}"
    admin = create_engine(psycopg_url(base), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    try:
        env = open_environment(str(folder / "pg"), schema_url(base, schema))
        try:
            yield env
        finally:
            env.close()
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


def build(env: Environment, count: int) -> World:
    world = World(env)
    accounts = AccountService(env.store, world.admin)
    extra = [
        accounts.create(platform, handle, name, None, url=url)
        for platform, handle, name, url in (
            ("instagram", "@mihon.ig", "見本市 IG", "https://www.instagram.com/mihon.ig"),
            ("facebook", "mihon.fb", "見本市 FB", "https://www.facebook.com/mihon.fb"),
            ("line", "@mihon-line", "見本市 LINE", None),
        )
    ]
    started = time.perf_counter()
    fill_drafts(
        env.store,
        count,
        [world.account, *extra],
        [world.op1.staff_id, world.op2.staff_id, world.both.staff_id, world.admin.staff_id],
    )
    with env.store.engine.begin() as conn:
        conn.execute(text("ANALYZE") if env.store.dialect == "sqlite" else text("ANALYZE draft"))
    print(f"  built {count:,} drafts in {time.perf_counter() - started:.1f} s")
    return world


def core_figures(world: World, pages: int) -> None:
    store = world.store
    everything = DraftFilter()
    print(
        f"  open: first page {ms(lambda: draft_page(store)):7.1f} ms   count {ms(lambda: count_drafts(store)):7.1f} ms"
    )
    filters = {
        "account": DraftFilter(account_id=world.account),
        "author": DraftFilter(author_id=world.op2.staff_id),
        "state 下書き": DraftFilter(shown=ShownState.DRAFT),
        "state 予約済み": DraftFilter(shown=ShownState.SCHEDULED),
        "account+author+state": DraftFilter(
            account_id=world.account, author_id=world.op1.staff_id, shown=ShownState.PUBLISHED
        ),
        "text, common (お知らせ 0042)": DraftFilter(text="お知らせ 0042"),
        "text, rare (第4242号)": DraftFilter(text="第4242号"),
        "text, nowhere": DraftFilter(text="どこにもない言葉"),
        # Fewer than 3 characters: no trigram, a scan (core/storage/search.py).
        "text, 2 characters (お知)": DraftFilter(text="お知"),
        "text, 2 characters nowhere (ab)": DraftFilter(text="ab"),
    }
    for name, flt in filters.items():
        first = ms(lambda flt=flt: draft_page(store, flt))
        total = ms(lambda flt=flt: count_drafts(store, flt), runs=1)
        print(f"  filter {name:32}: first page {first:7.1f} ms   count {total:7.1f} ms")
    print(f"  sort orders, {pages} pages of 200 each: ms per page at the start | at the end of the list")
    for column in SORT_COLUMNS:
        for descending in (False, True):
            sort = DraftSort(column, descending)
            start = walk(store, everything, sort, None, pages)
            # The cursor 1,000 rows before the end: the first page of the reversed order ends there.
            near_end = draft_page(store, everything, DraftSort(column, not descending), limit=pages * 200 + 1).next
            end = walk(store, everything, sort, near_end, pages)
            print(f"    {column:12} {'desc' if descending else 'asc ':4}: {start:6.1f} | {end:6.1f}")


def walk(store: Any, flt: DraftFilter, sort: DraftSort, after: Any, pages: int) -> float:
    started = time.perf_counter()
    done = 0
    for _ in range(pages):
        page = draft_page(store, flt, sort, after=after)
        done += 1
        if page.next is None:
            break
        after = page.next
    return (time.perf_counter() - started) * 1000 / done


def model_figures(world: World, scroll_pages: int | None) -> None:
    from PySide6.QtWidgets import QApplication

    from gui.screens.drafts import DraftListModel
    from gui.session import AppSession
    from gui.widgets.table_view import make_table
    from tests.support.gui import settle

    app = QApplication.instance() or QApplication([])
    before = rss_mb()
    session = AppSession(world.env, world.op1)
    model = DraftListModel(session)
    view = make_table(model, "bench")
    view.resize(1200, 700)
    view.show()
    started = time.perf_counter()
    model.reload()
    settle(timeout=600_000)
    app.processEvents()
    opened = (time.perf_counter() - started) * 1000
    print(
        f"  model: open (first page and count, off the UI thread) {opened:.1f} ms; RSS {rss_mb():.0f} MB "
        f"(before the list {before:.0f} MB)"
    )
    samples: list[tuple[int, float, float]] = []
    page = 0
    while model.canFetchMore() and (scroll_pages is None or page < scroll_pages):
        t = time.perf_counter()
        model.fetchMore()
        settle(timeout=600_000)
        view.scrollToBottom()
        app.processEvents()
        samples.append((model.rowCount(), (time.perf_counter() - t) * 1000, rss_mb()))
        page += 1
    if not samples:
        return
    head = [s[1] for s in samples[:50]]
    tail = [s[1] for s in samples[-50:]]
    print(
        f"  model: scrolled {len(samples)} pages to row {samples[-1][0]:,}: "
        f"{statistics.median(head):.1f} ms per page at the start, {statistics.median(tail):.1f} ms at the end; "
        f"pages held {model.held_pages()}"
    )
    marks = [samples[min(len(samples) - 1, i)] for i in (0, len(samples) // 4, len(samples) // 2, len(samples) - 1)]
    print("  model: RSS while scrolling: " + ", ".join(f"row {r:,}: {m:.0f} MB" for r, _t, m in marks))
    view.close()
    model.deleteLater()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--drafts", type=int, default=1_000_000)
    parser.add_argument("--db", choices=("sqlite", "postgresql", "both"), default="both")
    parser.add_argument("--pages", type=int, default=5, help="pages timed at each end of each order")
    parser.add_argument("--scroll-pages", type=int, default=None)
    args = parser.parse_args()
    vault.allow_test_backend(MemoryKeyring)
    keyring.core.set_keyring(MemoryKeyring())
    kinds = ("sqlite", "postgresql") if args.db == "both" else (args.db,)
    with tempfile.TemporaryDirectory(prefix="kohogate-bench-") as folder:
        for kind in kinds:
            print(f"{kind}:")
            with database(kind, Path(folder)) as env:
                world = build(env, args.drafts)
                core_figures(world, args.pages)
                model_figures(world, args.scroll_pages)
    print("goals: open and filter <= 300 ms; RSS with the list open <= 200 MB and flat while scrolling")
    return 0


if __name__ == "__main__":
    sys.exit(main())
