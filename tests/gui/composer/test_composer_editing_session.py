"""Closing the composer ends its editing session: the saves since the last entry are recorded in one."""

from __future__ import annotations

import json

from pytestqt.qtbot import QtBot

from core.runtime.bootstrap import Environment
from core.services.audit_log import AuditFilter, query_audit
from core.services.drafts import DraftFilter, query_drafts
from core.services.staff import actor_for_staff, find_by_login
from gui.session import AppSession
from tests.support.gui import composer_window


def test_closing_the_window_records_the_session(qtbot: QtBot, demo_env: Environment) -> None:
    sato = find_by_login(demo_env.store, "demo.sato")
    assert sato is not None
    session = AppSession(demo_env, actor_for_staff(demo_env.store, sato.id, demo_env.terminal.uid))
    draft = next(r for r in query_drafts(demo_env.store, DraftFilter()) if r.title == "図書館休館")
    window = composer_window(session, draft.id)
    qtbot.addWidget(window)
    window.show()
    for addition in ("一回目。", "二回目。", "三回目。"):
        window.editor.insertPlainText(addition)
        assert window.flush()
    window.close()
    ended = query_audit(demo_env.store, flt=AuditFilter(event="draft.editing_ended"), limit=5)
    assert len(ended) == 1
    payload = json.loads(ended[0].payload)
    assert payload["draft_id"] == draft.id
    assert payload["reason"] == "closed"
    assert payload["saves"] == 2  # the first save opened the session with its own entry
    assert payload["changed"] == ["text"]
    assert ended[0].actor == "demo.sato"
