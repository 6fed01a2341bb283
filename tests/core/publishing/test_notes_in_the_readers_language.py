"""KohoGate's own notes on an attempt are stored as codes and read in the reader's language."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from core.i18n import set_language
from core.publishing.records import PublicationService, publications_for_draft
from core.runtime.bootstrap import Environment
from tests.support.publishing import PubWorld


def test_a_note_written_on_a_japanese_desk_reads_in_english_on_an_english_one(sqlite_env: Environment) -> None:
    world = PubWorld(sqlite_env)
    draft_id = world.approved("x")
    due = datetime.now(UTC) - timedelta(hours=3)
    set_language("ja")
    try:
        PublicationService(world.store, world.op).report_missed(draft_id, due, due + timedelta(hours=1))
        (row,) = publications_for_draft(world.store, draft_id)
        assert row.last_error == "予定の時間内に送信されませんでした。手作業で投稿するか、予約し直してください。"
    finally:
        set_language("en")
    (row,) = publications_for_draft(world.store, draft_id)
    assert row.last_error == "Not sent within its time window; publish it by hand or reschedule it."
