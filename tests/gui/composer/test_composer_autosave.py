"""Autosave survives a crash: a composer process killed with SIGKILL loses nothing older than 2 s."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from core.runtime.bootstrap import open_environment
from core.services.drafts import DraftFilter, query_drafts
from core.services.staff import actor_for_staff, find_by_login
from gui.session import AppSession
from gui.tasks import wait_for_tasks
from tests.support.gui import composer_window

ROOT = Path(__file__).resolve().parents[3]
ADDED = "【追記】再開は12月1日です。"

CHILD = """
import os, sys
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication
from core.runtime.bootstrap import open_environment
from core.demo.data import fill_demo
from core.services.drafts import DraftFilter, query_drafts
from core.services.staff import actor_for_staff, find_by_login
from gui.application import application
from core.services.composer_view import read_composer
from gui.composer.window import ComposerWindow
from gui.session import AppSession

env = open_environment(sys.argv[1])
fill_demo(env)
app = application()
sato = find_by_login(env.store, "demo.sato")
session = AppSession(env, actor_for_staff(env.store, sato.id, env.terminal.uid))
draft = next(r for r in query_drafts(env.store, DraftFilter()) if r.title == "図書館休館")
window = ComposerWindow(session, read_composer(env.store, draft.id))
window.show()
app.processEvents()
cursor = window.editor.textCursor()
cursor.movePosition(cursor.MoveOperation.End)
window.editor.setTextCursor(cursor)
for ch in sys.argv[2]:
    event = QInputMethodEvent()
    event.setCommitString(ch)
    QApplication.sendEvent(window.editor, event)
    app.processEvents()
print("typed", flush=True)
app.exec()
"""


@pytest.mark.slow
@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_text_survives_sigkill_and_is_there_on_restart(qtbot: QtBot, tmp_path: Path) -> None:
    data = tmp_path / "killed"
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(data), ADDED],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "KOHOGATE_DATA_DIR": str(data)},
    )
    try:
        assert child.stdout is not None
        line = child.stdout.readline()
        assert line.strip() == "typed", child.stderr.read() if child.stderr else ""
        time.sleep(2.5)  # the promise: every change is saved within 2 seconds
        child.send_signal(signal.SIGKILL)
        assert child.wait(timeout=30) == -signal.SIGKILL
    finally:
        if child.poll() is None:
            child.kill()
        for stream in (child.stdout, child.stderr):
            if stream is not None:
                stream.close()

    env = open_environment(str(data))
    try:
        sato = find_by_login(env.store, "demo.sato")
        assert sato is not None
        draft = next(r for r in query_drafts(env.store, DraftFilter()) if r.title == "図書館休館")
        window = composer_window(AppSession(env, actor_for_staff(env.store, sato.id, env.terminal.uid)), draft.id)
        qtbot.addWidget(window)
        assert window.text().endswith(ADDED)
        wait_for_tasks()
    finally:
        env.close()
