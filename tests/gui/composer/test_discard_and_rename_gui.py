"""破棄 from the composer (asked first) and a name corrected in 設定 → 職員: both end up in the record."""

from __future__ import annotations

import json

from pytestqt.qtbot import QtBot
from sqlalchemy import select

from core.lifecycle.states import DraftState
from core.runtime.bootstrap import Environment
from core.services.drafts import DraftService, load_draft_detail
from core.services.organization import department_choices
from core.storage.models import AuditEntry
from gui.messages import Kind
from gui.screens.settings.screen import StaffDialog
from gui.session import AppSession
from tests.support.gui import MessageRecorder, composer_window, wait_for_operations
from tests.support.world import World


def _payloads(env: Environment, event: str) -> list[dict[str, object]]:
    with env.store.read() as session:
        return [json.loads(e.payload) for e in session.scalars(select(AuditEntry).where(AuditEntry.event == event))]


def test_discarding_asks_first_and_keeps_the_text_in_the_record(
    qtbot: QtBot, sqlite_env: Environment, messages: MessageRecorder
) -> None:
    world = World(sqlite_env)
    draft_id = DraftService(world.store, world.op1).create(world.account, "", title="まちがい")
    composer = composer_window(AppSession(world.env, world.op1), draft_id)
    composer.show()
    assert not composer.discard_button.isHidden()
    composer.editor.setPlainText("書きかけの文")
    messages.answer(False)
    composer.discard()  # "no": nothing happens
    assert load_draft_detail(world.store, draft_id).state is DraftState.DRAFT
    messages.answer(True)
    composer.discard()
    wait_for_operations(qtbot, lambda: load_draft_detail(world.store, draft_id).state is DraftState.DISCARDED)
    assert [m.kind for m in messages.shown] == [Kind.IRREVERSIBLE, Kind.IRREVERSIBLE]
    assert "まちがい" in messages.shown[0].text
    (entry,) = _payloads(sqlite_env, "draft.discarded")
    assert entry["text"] == "書きかけの文"  # what was on screen, saved first


def test_a_name_is_corrected_in_the_staff_dialog(qtbot: QtBot, sqlite_env: Environment) -> None:
    world = World(sqlite_env)
    from core.services.staff import list_staff

    takahashi = next(s for s in list_staff(world.store) if s.login == "takahashi")
    dialog = StaffDialog(AppSession(world.env, world.admin), takahashi, department_choices(world.store))
    qtbot.addWidget(dialog)
    dialog.name.setText("髙橋 美咲")
    dialog.accept()  # saves off the UI thread; the dialog closes when the service answers
    wait_for_operations(qtbot, lambda: dialog.result() == StaffDialog.DialogCode.Accepted)
    assert _payloads(sqlite_env, "staff.renamed") == [
        {"staff_id": takahashi.id, "from": "高橋 美咲", "to": "髙橋 美咲"}
    ]
