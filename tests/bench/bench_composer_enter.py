"""Enter at the top, middle and end of long drafts: the composer's UI thread against a bare editor.

    uv run python tests/bench/bench_composer_enter.py [--sizes 5000,50000,100000] [--rounds 15]

Prints figures; asserts nothing (machines differ). The goal (issue 22): an
edit anywhere in a 100,000-character draft costs the UI thread at most one
frame (16 ms) more than the same edit in a bare ``QPlainTextEdit``.

Each round presses Enter once in a bare ``QPlainTextEdit`` holding the same
text and once in the composer, alternating, so drift of a shared machine
hits both alike. The composer's check workers keep running meanwhile (the
result of an earlier key may arrive during a later one: that contention is
part of what a user feels). Measured on the UI thread:
- *key*: the key event, everything Qt and the composer do for it;
- *apply*: applying a check result when it arrives (underlines, panels, counter).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_LOGGING_RULES", "qt.qpa.*=false")  # offscreen has no window manager to hint
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))


def draft_text(length: int) -> str:
    paragraph = (
        "【お知らせ】市民まつりを11月3日に中央公園で開催します。詳しくは https://www.city.mihon.lg.jp/matsuri "
        "をご覧ください。外部サイト https://www.example.com/info もあります。問い合わせは 048-424-9090 まで。\n"
    )
    return (paragraph * (length // len(paragraph) + 1))[:length]


def figures(values: list[float]) -> str:
    return f"median {statistics.median(values):7.2f} ms, worst {max(values):7.2f} ms"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="5000,50000,100000")
    parser.add_argument("--rounds", type=int, default=15)
    args = parser.parse_args()

    from PySide6.QtCore import Qt
    from PySide6.QtGui import QTextCursor
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QPlainTextEdit

    from core.demo.data import fill_demo
    from core.runtime.bootstrap import open_environment
    from core.services.drafts import DraftFilter, DraftService, load_draft_detail, query_drafts
    from core.services.staff import actor_for_staff, find_by_login
    from gui.application import application
    from gui.composer.window import ComposerWindow
    from gui.session import AppSession
    from gui.tasks import wait_for_tasks

    env = open_environment(tempfile.mkdtemp(prefix="bench-enter-"))
    fill_demo(env)
    app = application()
    sato = find_by_login(env.store, "demo.sato")
    assert sato is not None
    actor = actor_for_staff(env.store, sato.id, env.terminal.uid)
    draft = next(r for r in query_drafts(env.store, DraftFilter()) if r.title == "図書館休館")

    def settle(window: ComposerWindow) -> None:
        for _ in range(400):
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

    print(f"{'size':>7} {'where':<6} {'bare key':<34} {'composer key':<34} {'composer apply':<34} findings")
    for size in (int(s) for s in args.sizes.split(",")):
        text = draft_text(size)
        detail = load_draft_detail(env.store, draft.id)
        DraftService(env.store, actor).save(draft.id, detail.row_version, text=text)
        window = ComposerWindow(AppSession(env, actor), draft.id)
        window.resize(1200, 800)
        window.show()
        settle(window)
        apply_times: list[float] = []
        show_gate = window._show_gate

        def timed_show(gate: Any, show: Any = show_gate, into: list[float] = apply_times) -> None:
            start = time.perf_counter()
            show(gate)
            into.append((time.perf_counter() - start) * 1000)

        window.checker.checked.disconnect()
        window.checker.checked.connect(timed_show)
        bare = QPlainTextEdit()
        bare.resize(1200, 800)
        bare.setPlainText(text)
        bare.show()
        for where in ("top", "middle", "end"):
            bare_times: list[float] = []
            key_times: list[float] = []
            apply_times.clear()
            for _ in range(args.rounds):
                place(bare, where)
                start = time.perf_counter()
                QTest.keyClick(bare, Qt.Key.Key_Return)
                bare_times.append((time.perf_counter() - start) * 1000)
                place(window.editor, where)
                start = time.perf_counter()
                QTest.keyClick(window.editor, Qt.Key.Key_Return)
                key_times.append((time.perf_counter() - start) * 1000)
                window.checker.run_now()  # what the debounce timer does when typing pauses
                for _ in range(3):  # let a result or two arrive while the next key comes
                    app.processEvents()
                    time.sleep(0.005)
            settle(window)
            findings = len(window.gate.records) if window.gate else 0
            print(
                f"{size:>7} {where:<6} {figures(bare_times):<34} {figures(key_times):<34} "
                f"{figures(apply_times or [0.0]):<34} {findings}"
            )
            bare.moveCursor(QTextCursor.MoveOperation.End)
        bare.close()
        wait_for_tasks()
        window.flush()
        window.close()
        wait_for_tasks()
    env.close()


if __name__ == "__main__":
    main()
