"""Enter, typing and paste at the top, middle and end of long drafts: the composer's UI thread against a bare editor.

    uv run python tests/bench/bench_composer_enter.py [--sizes 5000,50000,100000] [--rounds 7] [--json F]

Prints figures; asserts nothing (machines differ). The goal (issue 22): an
edit anywhere in a 100,000-character draft costs the UI thread at most one
frame (16 ms) more than the same edit in a bare ``QPlainTextEdit``.

Each round makes the edit once in a bare ``QPlainTextEdit`` holding the same
text and once in the composer, alternating, so drift of a shared machine hits
both alike. The composer's check workers keep running: nobody waits for
them between keys (the debounce timer fires and results arrive while the
next keys come, and the worker's fight for the interpreter lock is part of
what a user feels). Measured on the UI thread, in milliseconds:
- *bare* / *composer*: from the key (or paste) until the editor is painted
  again (a synchronous repaint of its viewport, for both; the event loop is
  not entered, so the other editor's pending work is not counted here);
- *excess*: composer minus bare, round by round (the goal is at most 16);
- *apply*: applying one check result in the turn it arrives (the findings
  list, counters, confirmations) plus painting the window, which no bare
  editor has to do;
- *underline*: the result's underlines, applied in the next turn (nothing
  when the findings only moved with the text);
- *turn*: every event-loop turn in the pauses between edits (results,
  underlines, autosave, garbage collections: what the next key waits for).
After each size: the garbage collector's full passes during its edits. The
start-up heap is frozen as the application freezes it
(``gui.application.freeze_start_heap``); ``--no-gc-freeze`` shows the cost
without it. The largest size's figures (and the worst turn) go to the
README's speed table through ``--json`` (``tools/bench_table.py``).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_LOGGING_RULES", "qt.qpa.*=false")  # offscreen has no window manager to hint
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tests.bench.harness import CollectorPauses, Report, arguments, gc_freeze_argument

PASTE = (
    "【追記】会場は中央公園です。雨天時は市民体育館に変更します。詳しくは https://www.city.mihon.lg.jp/matsuri へ。\n"
    * 3
)


def draft_text(length: int) -> str:
    paragraph = (
        "【お知らせ】市民まつりを11月3日に中央公園で開催します。詳しくは https://www.city.mihon.lg.jp/matsuri "
        "をご覧ください。外部サイト https://www.example.com/info もあります。問い合わせは 048-424-9090 まで。"
        "担当は山田太郎さんと佐藤花子さんです。\n"
    )
    return (paragraph * (length // len(paragraph) + 1))[:length]


def figures(values: list[float]) -> str:
    return f"{statistics.median(values):6.2f} / {max(values):6.2f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--sizes", default="5000,50000,100000")
    arguments(parser, 7)
    parser.add_argument("--edits", default="enter,type,paste")
    gc_freeze_argument(parser)
    args = parser.parse_args()
    report = Report("bench_composer_enter.py")
    sizes = [int(s) for s in args.sizes.split(",")]
    words = {"enter": "Enter", "type": "type a key", "paste": f"paste {len(PASTE)} chars"}

    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QPlainTextEdit

    from core.demo.data import fill_demo
    from core.runtime.bootstrap import open_environment
    from core.services.composer_view import read_composer
    from core.services.drafts import DraftFilter, DraftService, load_draft_detail, query_drafts
    from core.services.staff import actor_for_staff, find_by_login
    from gui import messages
    from gui.application import application, freeze_start_heap
    from gui.composer.window import ComposerWindow
    from gui.session import AppSession
    from gui.tasks import wait_for_tasks

    asked: list[str] = []

    def answer_yes(_parent: Any, message: messages.Message) -> bool:
        asked.append(message.text)  # a modal dialog would stop the run; say so at the end instead
        return True

    messages.door = answer_yes
    env = open_environment(tempfile.mkdtemp(prefix="bench-enter-"))
    fill_demo(env)
    app = application()
    sato = find_by_login(env.store, "demo.sato")
    assert sato is not None
    actor = actor_for_staff(env.store, sato.id, env.terminal.uid)
    draft = next(r for r in query_drafts(env.store, DraftFilter()) if r.title == "図書館休館")
    if not args.no_gc_freeze:
        freeze_start_heap()  # as the application does once its screens are attached
    collector = CollectorPauses()

    def settle(window: ComposerWindow) -> None:
        for _ in range(3000):
            wait_for_tasks()
            app.processEvents()
            if not window.checker.pending and not window.checker._gate_running:
                return
            time.sleep(0.01)

    def place(editor: QPlainTextEdit, where: str) -> None:
        cursor = editor.textCursor()
        length = editor.document().characterCount() - 1
        cursor.setPosition({"top": 0, "middle": length // 2, "end": length}[where])
        editor.setTextCursor(cursor)

    def edit(editor: QPlainTextEdit, kind: str) -> None:
        if kind == "enter":
            QTest.keyClick(editor, Qt.Key.Key_Return)
        elif kind == "type":
            QTest.keyClicks(editor, "x")
        else:
            editor.paste()

    def timed(editor: QPlainTextEdit, where: str, kind: str) -> float:
        place(editor, where)
        editor.ensureCursorVisible()
        editor.viewport().repaint()  # moving the cursor repaints: not part of the edit
        start = time.perf_counter()
        edit(editor, kind)
        editor.viewport().repaint()
        return (time.perf_counter() - start) * 1000

    QGuiApplication.clipboard().setText(PASTE)
    print(
        "UI thread per edit, milliseconds, median / worst over "
        f"{args.rounds} alternating rounds (check workers running, never awaited)"
    )
    print(
        f"{'size':>7} {'where':<6} {'edit':<6} {'bare':>15} {'composer':>15} {'excess':>15} {'apply':>15} "
        f"{'underline':>15} {'turn':>15} findings"
    )
    for size in sizes:
        text = draft_text(size)
        detail = load_draft_detail(env.store, draft.id)
        DraftService(env.store, actor).save(draft.id, detail.row_version, text=text)
        window = ComposerWindow(AppSession(env, actor), read_composer(env.store, draft.id))
        window.resize(1200, 800)
        window.show()
        settle(window)
        apply_times: list[float] = []
        underline_times: list[float] = []
        turn_times: list[float] = []
        set_findings: Callable[..., int] = window.editor.set_findings

        def timed_underlines(
            *args: Any, call: Callable[..., int] = set_findings, into: list[float] = underline_times
        ) -> int:
            start = time.perf_counter()
            changed = call(*args)
            into.append((time.perf_counter() - start) * 1000)
            return changed

        window.editor.set_findings = timed_underlines  # type: ignore[method-assign]
        show_gate: Callable[[Any], None] = window._show_gate

        def timed_show(
            gate: Any,
            show: Callable[[Any], None] = show_gate,
            into: list[float] = apply_times,
            shown: ComposerWindow = window,
        ) -> None:
            start = time.perf_counter()
            show(gate)
            shown.repaint()
            into.append((time.perf_counter() - start) * 1000)

        window.checker.checked.disconnect()
        window.checker.checked.connect(timed_show)
        bare = QPlainTextEdit()
        bare.resize(800, 800)
        bare.setPlainText(text)
        bare.show()
        collector.clear()
        every_turn: list[float] = []
        for where in ("top", "middle", "end"):
            for kind in args.edits.split(","):
                bare_times: list[float] = []
                composer_times: list[float] = []
                apply_times.clear()
                underline_times.clear()
                turn_times.clear()
                for _ in range(args.rounds):
                    bare_times.append(timed(bare, where, kind))
                    composer_times.append(timed(window.editor, where, kind))
                    for _ in range(4):  # a short pause: the debounce fires, results arrive during the next keys
                        start = time.perf_counter()
                        app.processEvents()  # (the apply figure times each result that arrives here)
                        turn_times.append((time.perf_counter() - start) * 1000)
                        time.sleep(0.01)
                excess = [c - b for b, c in zip(bare_times, composer_times, strict=True)]
                settle(window)
                findings = len(window.gate.records) if window.gate else 0
                print(
                    f"{size:>7} {where:<6} {kind:<6} {figures(bare_times):>15} {figures(composer_times):>15} "
                    f"{figures(excess):>15} {figures(apply_times or [0.0]):>15} "
                    f"{figures(underline_times or [0.0]):>15} {figures(turn_times):>15} {findings}",
                    flush=True,
                )
                every_turn.extend(turn_times)
                report.add(
                    f"{words[kind]} at the {where}, {size // 1000}k draft, workers running",
                    [t / 1000 for t in composer_times],
                    floor=[t / 1000 for t in bare_times],
                    floor_case="a bare QPlainTextEdit",
                    goal="≤ floor + 16 ms",
                    note=f"excess median {statistics.median(excess):.1f} ms, worst {max(excess):.1f}",
                    readme=size == max(sizes),
                )
        full = [seconds * 1000 for seconds in collector.passes[2]]
        print(
            f"{size:>7} full garbage collections during the edits: {len(full)}, median / worst "
            f"{figures(full or [0.0])} ms (start-up heap {'not ' if args.no_gc_freeze else ''}frozen)",
            flush=True,
        )
        report.add(
            f"event-loop turns between edits, {size // 1000}k draft",
            [t / 1000 for t in every_turn],
            goal="worst < 16 ms",
            note=(
                f"results, underlines, autosave; {len(full)} full garbage collections, "
                f"median {statistics.median(full or [0.0]):.1f} ms (start-up heap "
                f"{'not ' if args.no_gc_freeze else ''}frozen)"
            ),
            readme=size == max(sizes),
        )
        bare.close()
        wait_for_tasks()
        window.flush()
        window.close()
        wait_for_tasks()
    env.close()
    report.finish(args)
    if asked:
        print(f"({len(asked)} dialogs answered yes on closing: {asked[0]})")


if __name__ == "__main__":
    main()
