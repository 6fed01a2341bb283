"""The composer while typing and pasting, and the draft list scrolled to its end: each against a bare Qt floor.

    uv run python tests/bench/bench_composer.py [--rounds 20] [--sizes 5000,50000,95000]
        [--drafts 100000] [--list-rounds 3] [--skip-typing] [--skip-list] [--no-gc-freeze] [--json PATH]

Prints figures; asserts nothing (machines differ).

Typing and pasting. For each draft size (the largest 95,000 characters: a draft
may not exceed 100,000, ``core.services.drafts.MAX_TEXT``, and a save beyond
it is refused) a composer window holds the draft
and a bare ``QPlainTextEdit`` the same text; each round presses one key (or
pastes a 352-character text with Ctrl+V, undone untimed after) at the top, middle or end of
the bare editor and of the composer, alternating (tests/bench/harness.py).
Measured per edit on the UI thread: the key event, a forced repaint of the
editor (painting is what the user waits for) and the event-loop turn right
after. Nothing waits for the check workers: keys come at typing pace (one
every 40 ms, a pause of 200 ms every fifth: the debounce fires, a check goes
to a worker, and its result lands while later keys come), so the workers'
contention for the interpreter lock and the results applied on the UI thread
are in the figures. Also reported: the longest event-loop turn in the pauses
between keys (a check result applied, an autosave) — a frame the user sees.
Goal: one frame (16 ms) beyond the bare editor. The start-up heap is frozen as
the application freezes it (``gui.application.freeze_start_heap``), and the
garbage collector's full passes during the typing are reported;
``--no-gc-freeze`` shows what they cost without the freeze.

The list. ``--drafts`` drafts are inserted; the draft list is opened and
scrolled to the end (every page fetched as the view asks, as a user holding
End does), against a floor: the same rows read by one ``SELECT`` and shown in a
bare ``QTableView`` over a minimal model. Memory: the RSS grown from just
before the list is created to after it was scrolled to the end (the list
alone, not the process), both for the screen and for the floor.
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_LOGGING_RULES", "qt.qpa.*=false")  # offscreen has no window manager to hint
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tests.bench.harness import CollectorPauses, Report, alternate, arguments, gc_freeze_argument, rss_kib

PARAGRAPH = (
    "【お知らせ】市民まつりを11月3日に中央公園で開催します。詳しくは https://www.city.mihon.lg.jp/matsuri "
    "をご覧ください。外部サイト https://www.example.com/info もあります。問い合わせは 048-424-9090 まで。"
    "講師の鈴木一郎先生と、表彰を受けた田中花子さんのお話もあります。\n"
)
KEY_INTERVAL_S = 0.040
PAUSE_S = 0.200


def draft_text(length: int) -> str:
    return (PARAGRAPH * (length // len(PARAGRAPH) + 1))[:length]


def trim_memory() -> None:
    """Collect and hand freed heap back to the OS, so an RSS difference is what is still held."""
    gc.collect()
    try:
        import ctypes

        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):
        pass


def bench_typing(report: Report, sizes: list[int], rounds: int, freeze: bool = True) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QTextCursor
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication, QPlainTextEdit

    from core.demo.data import fill_demo
    from core.runtime.bootstrap import open_environment
    from core.services.composer_view import read_composer
    from core.services.drafts import DraftFilter, DraftService, load_draft_detail, query_drafts
    from core.services.staff import actor_for_staff, find_by_login
    from gui.application import application, freeze_start_heap
    from gui.composer.window import ComposerWindow
    from gui.session import AppSession
    from gui.tasks import wait_for_tasks

    env = open_environment(tempfile.mkdtemp(prefix="bench-composer-"))
    fill_demo(env)
    app = application()
    sato = find_by_login(env.store, "demo.sato")
    assert sato is not None
    actor = actor_for_staff(env.store, sato.id, env.terminal.uid)
    draft = next(r for r in query_drafts(env.store, DraftFilter()) if r.title == "図書館休館")
    if freeze:
        freeze_start_heap()  # as the application does once its screens are attached
    collector = CollectorPauses()
    clipboard = QGuiApplication.clipboard()
    turns: list[float] = []  # event-loop turns between keys (both editors' pending work)
    every_turn: list[float] = []
    collections: list[float] = []  # the garbage collector's full passes while the keys came

    def spin(seconds: float) -> None:
        """Run the event loop for ``seconds`` as an idle application would, timing each turn."""
        deadline = time.perf_counter() + seconds
        while time.perf_counter() < deadline:
            start = time.perf_counter()
            app.processEvents()
            turns.append(time.perf_counter() - start)
            time.sleep(0.002)

    def place(editor: QPlainTextEdit, where: str) -> None:
        cursor = editor.textCursor()
        length = editor.document().characterCount() - 1
        cursor.setPosition({"top": 0, "middle": length // 2, "end": length}[where])
        editor.setTextCursor(cursor)

    def edit(editor: QPlainTextEdit, where: str, paste: bool) -> float:
        place(editor, where)
        start = time.perf_counter()
        if paste:
            QTest.keyClick(editor, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
        else:
            QTest.keyClick(editor, Qt.Key.Key_A)
        editor.viewport().repaint()  # painting, synchronously: what the user waits for
        QApplication.processEvents()  # the turn right after the key (queued signals of the edit)
        seconds = time.perf_counter() - start
        if paste:  # untimed: the draft keeps its length, below the 100,000-character cap
            QTest.keyClick(editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
        return seconds

    for size in sizes:
        text = draft_text(size)
        detail = load_draft_detail(env.store, draft.id)
        DraftService(env.store, actor).save(draft.id, detail.row_version, text=text)
        window = ComposerWindow(AppSession(env, actor), read_composer(env.store, draft.id))
        window.resize(1200, 800)
        window.show()
        bare = QPlainTextEdit()
        bare.resize(900, 700)
        bare.setPlainText(text)
        bare.show()
        for _ in range(100):  # the first check of the opened draft: not part of typing
            wait_for_tasks()
            app.processEvents()
            if not window.checker.pending:
                break
        findings = len(window.gate.records) if window.gate else 0
        print(f"-- {size:,} characters, {findings} findings when opened", flush=True)
        for paste in (False, True):
            clipboard.setText(PARAGRAPH * 2 if paste else "")
            for where in ("top", "middle", "end"):
                count = {"n": 0}
                turns.clear()

                def paced(
                    editor: QPlainTextEdit, w: str = where, p: bool = paste, count: dict[str, int] = count
                ) -> float:
                    seconds = edit(editor, w, p)
                    count["n"] += 1
                    spin(PAUSE_S if count["n"] % 10 == 0 else KEY_INTERVAL_S)  # every 5th pair: a pause
                    return seconds

                composer_editor = window.editor
                cases: dict[str, Callable[[], float]] = {
                    "bare": lambda b=bare: paced(b),
                    "composer": lambda e=composer_editor: paced(e),
                }
                samples = alternate(cases, rounds=rounds, warmup=1)
                action = "paste 352 chars" if paste else "type a key"
                report.add(
                    f"{action} at the {where}, {size // 1000}k draft",
                    samples["composer"],
                    floor=samples["bare"],
                    floor_case="a bare QPlainTextEdit",
                    goal="≤ floor + 16 ms",
                    readme=size in (min(sizes), max(sizes)),
                )
                report.add(
                    f"… worst event-loop turn between edits ({action}, {where}, {size // 1000}k)",
                    turns or [0.0],
                    goal="< 16 ms",
                    note="check results applied, autosave",
                    readme=False,
                )
                every_turn.extend(turns)
                collections.extend(collector.passes[2])
                collector.clear()
                bare.moveCursor(QTextCursor.MoveOperation.End)
        bare.close()
        wait_for_tasks()
        window.flush()
        window.close()
        wait_for_tasks()
        app.processEvents()
    report.add(
        "worst event-loop turn between edits, every size and place",
        every_turn or [0.0],
        goal="< 16 ms",
        note="a check result applied, an autosave: a frame the user sees",
    )
    report.add(
        "full garbage collections while typing, every size and place",
        collections or [0.0],
        goal="< 16 ms",
        note=f"{len(collections)} passes, start-up heap {'frozen' if freeze else 'not frozen (--no-gc-freeze)'}",
        readme=False,
    )
    collector.close()
    env.close()


def insert_drafts(env: Any, count: int) -> None:
    from sqlalchemy import insert

    from core.services.staff import find_by_login
    from core.storage.models import Draft, utcnow

    sato = find_by_login(env.store, "demo.sato")
    assert sato is not None
    with env.store.read() as db:
        account_id = db.query(Draft.account_id).first()[0]
    now = utcnow()
    start = time.perf_counter()
    for first in range(0, count, 20_000):
        rows = [
            {
                "account_id": account_id,
                "author_id": sato.id,
                "last_editor_id": sato.id,
                "state": "published" if i % 3 else "draft",
                "title": f"過去の投稿 {i}",
                "text": f"過去のお知らせ {i}。市民まつりのご案内です。",
                "media": [],
                "acknowledgements": {},
                "confirmations": {},
                "emergency": False,
                "created_at": now,
                "updated_at": now,
                "row_version": 1,
            }
            for i in range(first, min(first + 20_000, count))
        ]
        with env.store.write() as db:
            db.execute(insert(Draft), rows)  # executemany: no services, no audit (bench data only)
    print(f"inserted {count:,} drafts in {time.perf_counter() - start:.1f} s", flush=True)


def bench_list(report: Report, count: int, rounds: int) -> None:
    import sqlite3

    from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
    from PySide6.QtWidgets import QTableView

    from core.demo.data import fill_demo
    from core.runtime.bootstrap import open_environment
    from core.runtime.paths import DATABASE_FILE
    from core.services.staff import actor_for_staff, find_by_login
    from gui.application import application
    from gui.screens.drafts import DraftsScreen
    from gui.session import AppSession
    from tests.support.gui import settle

    data = tempfile.mkdtemp(prefix="bench-list-")
    env = open_environment(data)
    fill_demo(env)
    insert_drafts(env, count)
    app = application()
    sato = find_by_login(env.store, "demo.sato")
    assert sato is not None
    session = AppSession(env, actor_for_staff(env.store, sato.id, env.terminal.uid))
    database = Path(data) / DATABASE_FILE
    assert database.exists(), database

    Index = QModelIndex | QPersistentModelIndex

    class Rows(QAbstractTableModel):
        def __init__(self, rows: list[tuple[Any, ...]]) -> None:
            super().__init__()
            self.rows = rows

        def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
            return 0 if parent.isValid() else len(self.rows)

        def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
            return 4

        def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
            if role == Qt.ItemDataRole.DisplayRole:
                return str(self.rows[index.row()][index.column()])
            return None

    def to_end(table: QTableView, done: Callable[[], bool], wait: Callable[[], object] = app.processEvents) -> int:
        """Scroll to the bottom until nothing more comes (a user holding End); the scrolls it took."""
        scrolls = 0
        while True:
            table.scrollToBottom()
            wait()
            scrolls += 1
            if done() or scrolls > 100_000:
                return scrolls

    memory: dict[str, list[float]] = {"screen": [], "floor": []}
    scrolled: dict[str, int] = {}

    def screen_case() -> dict[str, float]:
        trim_memory()
        before = rss_kib()
        start = time.perf_counter()
        screen = DraftsScreen(session)
        screen.resize(1200, 700)
        screen.show()
        settle()  # the list's pages are read off the UI thread: open means the first page on screen
        opened = time.perf_counter() - start
        model = screen.model
        scrolled["screen"] = to_end(screen.table, lambda: not model.canFetchMore(QModelIndex()), settle)
        ended = time.perf_counter() - start
        scrolled["rows"] = model.rowCount()
        memory["screen"].append((rss_kib() - before) / 1024)
        screen.close()
        screen.detach()
        screen.deleteLater()
        app.processEvents()
        return {"open": opened, "end": ended}

    def floor_case() -> dict[str, float]:
        trim_memory()
        before = rss_kib()
        start = time.perf_counter()
        with sqlite3.connect(database) as db:
            rows = db.execute(
                "SELECT id, title, state, updated_at FROM draft ORDER BY updated_at DESC, id DESC"
            ).fetchall()
        table = QTableView()
        table.setModel(Rows(rows))
        table.resize(1200, 700)
        table.show()
        app.processEvents()
        opened = time.perf_counter() - start
        scrolled["floor"] = to_end(table, lambda: True)
        ended = time.perf_counter() - start
        memory["floor"].append((rss_kib() - before) / 1024)
        table.close()
        table.deleteLater()
        app.processEvents()
        return {"open": opened, "end": ended}

    samples = alternate({"floor": floor_case, "screen": screen_case}, rounds=rounds, warmup=1)
    floor_name = "one SELECT into a bare QTableView"
    report.add(
        f"draft list open, {count:,} drafts",
        samples["screen:open"],
        floor=samples["floor:open"],
        floor_case=floor_name,
        goal="≤ 300 ms",
    )
    report.add(
        "… scrolled to the end (every page fetched)",
        samples["screen:end"],
        floor=samples["floor:end"],
        floor_case=floor_name,
        note=f"{scrolled.get('rows', 0):,} rows, {scrolled.get('screen', 0)} scrolls",
    )
    # Memory rounds after the first reuse what the first freed; the warm-up's samples are left out like its times.
    report.add(
        "RSS grown by the list (open + scrolled to the end)",
        memory["screen"][1:] or memory["screen"],
        floor=memory["floor"][1:] or memory["floor"],
        floor_case="the bare table holding every row",
        unit="MB",
        goal="process ≤ 200 MB, flat",
    )
    print(f"process RSS now: {rss_kib() / 1024:.0f} MB", flush=True)
    env.close()


def answer_every_message() -> None:
    """No modal box may stop an offscreen run: print what would have been asked and answer yes."""
    from gui import messages

    def door(_parent: object, message: messages.Message) -> bool:
        print(f"   [message] {message.title}: {message.text}", flush=True)
        return True

    messages.door = door


def main() -> None:
    answer_every_message()
    parser = arguments(argparse.ArgumentParser(description=__doc__.splitlines()[0]), rounds=20)
    parser.add_argument("--sizes", default="5000,50000,95000")  # 95k: typing room below the 100k cap
    parser.add_argument("--drafts", type=int, default=100_000)
    parser.add_argument("--list-rounds", type=int, default=2)
    parser.add_argument("--skip-typing", action="store_true")
    parser.add_argument("--skip-list", action="store_true")
    gc_freeze_argument(parser)
    args = parser.parse_args()
    report = Report("bench_composer.py")
    if not args.skip_typing:
        bench_typing(report, [int(s) for s in args.sizes.split(",")], args.rounds, freeze=not args.no_gc_freeze)
    if not args.skip_list:
        bench_list(report, args.drafts, args.list_rounds)
    report.finish(args)


if __name__ == "__main__":
    main()
