"""Each entry reads as Japanese: a one-line summary and its fields in words, codes never shown raw."""

from __future__ import annotations

import pytest

from core import i18n
from core.services.audit_log import Names, describe, summarize


@pytest.fixture(autouse=True)
def _japanese() -> None:
    i18n.set_language("ja")


def test_a_refusal_reads_as_words_not_its_code() -> None:
    names = Names(accounts={3: "@josokoiki.koho"})
    line = summarize("posting.refused", {"account_id": 3, "reason": "credential_missing", "terminal_uid": "u"}, names)
    assert line == "@josokoiki.koho への投稿を拒否: この端末にはこのアカウントの認証情報がない"
    assert "credential_missing" not in line
    assert ("理由", "この端末にはこのアカウントの認証情報がない") in describe({"reason": "credential_missing"})


def test_editing_sessions_say_who_changed_what() -> None:
    started = summarize("draft.saved", {"draft_id": 4, "phase": "started", "changed": ["text", "media"]})
    assert started == "下書き 4 の編集を開始: 本文, 画像・動画を変更"
    ended = summarize(
        "draft.editing_ended", {"draft_id": 4, "saves": 37, "changed": ["scheduled_at"], "reason": "submitted"}
    )
    assert ended == "下書き 4 の編集を終了: 保存 37 回、予定日時を変更（承認申請した）"
    assert summarize("draft.saved", {"draft_id": 4, "length": 10}) == "下書き 4 を保存（本文 10 文字）"


def test_incident_steps_and_times_in_words() -> None:
    assert summarize("incident.police_consulted", {"incident_id": 2, "step_id": 5}).startswith("インシデント 2: ")
    fields = dict(describe({"started_at": "2026-12-02T01:00:00.000000Z", "confirmed": ["a", "b"]}))
    assert fields["開始"].startswith("2026-12-02 ")
    assert fields["チェック済みの確認事項"] == "2 項目"
