"""The composer over a real database: underlines, the gate, media, redaction, the draft list."""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent, QTextCharFormat
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from core.composer.redaction import Rect, RedactionMode, redact
from core.runtime.bootstrap import Environment
from core.services.drafts import DraftService, load_blob, load_draft_detail
from core.services.staff import actor_for_staff
from gui.composer.redaction_dialog import RedactionDialog
from gui.composer.window import ComposerWindow
from gui.messages import Kind
from gui.screens.drafts import DraftListModel, DraftsScreen
from gui.session import AppSession
from gui.tasks import wait_for_tasks
from tests.support.gui import MessageRecorder, composer_window, open_composer, wait_for_operations
from tests.support.gui import settle as settle_reads
from tests.support.images import face_image, face_jpeg_with_gps, png_bytes
from tests.support.world import World

SHORT = "図書館の臨時休館について、詳細は bit.ly/3xYzAbc をご覧ください。"
FIXED = "図書館の臨時休館について、詳細は https://www.city.mihon.lg.jp/library をご覧ください。"


@pytest.fixture
def world(sqlite_env: Environment) -> World:
    return World(sqlite_env)


@pytest.fixture
def session(world: World) -> AppSession:
    return AppSession(world.env, world.op1)


@pytest.fixture
def composer(qtbot: QtBot, world: World, session: AppSession) -> Iterator[ComposerWindow]:
    draft_id = DraftService(world.store, world.op1).create(world.account, "", title="図書館のお知らせ")
    window = composer_window(session, draft_id)
    qtbot.addWidget(window)
    window.show()
    yield window
    wait_for_tasks()
    window.flush()
    wait_for_tasks()


def type_text(qtbot: QtBot, widget: QWidget, text: str) -> None:
    """Type ``text``: ASCII as key presses, Japanese as IME commits (how an input method delivers it)."""
    for chunk in re.findall(r"[\x20-\x7e]+|[^\x20-\x7e]+", text):
        if chunk.isascii():
            qtbot.keyClicks(widget, chunk)
        else:
            event = QInputMethodEvent()
            event.setCommitString(chunk)
            QApplication.sendEvent(widget, event)


def settle(qtbot: QtBot, window: ComposerWindow) -> None:
    """Let the debounce fire, the person-name worker answer and its underlines be drawn (a turn later)."""
    qtbot.waitUntil(lambda: not window.checker.timer.isActive() and not window.checker.names_pending, timeout=20_000)
    window.checker.run_now()
    qtbot.waitUntil(
        lambda: not window.checker.pending and not window.checker._gate_running and not window.editor.findings_due,
        timeout=20_000,
    )


def underlined_spans(window: ComposerWindow) -> list[tuple[int, int]]:
    """What the editor draws as wavy underlines, read from Qt (start, length)."""
    return [
        (s.cursor.selectionStart(), s.cursor.selectionEnd() - s.cursor.selectionStart())
        for s in window.editor.extraSelections()
        if s.format.underlineStyle() == QTextCharFormat.UnderlineStyle.WaveUnderline
    ]


def tick_all(window: ComposerWindow) -> None:
    model = window.confirmations
    for row in range(model.rowCount()):
        model.setData(model.index(row), Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole)


def test_a_shortener_is_underlined_and_blocks_until_fixed(qtbot: QtBot, composer: ComposerWindow) -> None:
    composer.editor.setFocus()
    type_text(qtbot, composer.editor, SHORT)
    settle(qtbot, composer)
    start = SHORT.index("bit.ly")
    assert (start, len("bit.ly/3xYzAbc")) in underlined_spans(composer)
    assert [r.rule for r in composer.gate.records if r.severity.value == "block"] == ["link.shortener"]
    tick_all(composer)
    settle(qtbot, composer)
    assert not composer.submit_button.isEnabled()
    # Clicking the finding selects its span.
    composer.findings._chosen(composer.findings.model.index(0, 0))
    assert composer.editor.textCursor().selectedText() == "bit.ly/3xYzAbc"

    composer.editor.selectAll()
    type_text(qtbot, composer.editor, FIXED)
    settle(qtbot, composer)
    assert underlined_spans(composer) == []
    assert composer.gate.ok
    assert composer.submit_button.isEnabled()
    assert composer.counter.text().endswith("/ 280")
    while "bit.ly" not in composer.text() and composer.undo_action.isEnabled():
        composer.undo_action.trigger()  # undo brings the shortener back, and the block
    settle(qtbot, composer)
    assert not composer.submit_button.isEnabled()


def test_confirm_findings_are_acknowledged_with_a_reason(qtbot: QtBot, composer: ComposerWindow) -> None:
    type_text(qtbot, composer.editor, "詳しくは https://www.example.com/event をご覧ください。")
    settle(qtbot, composer)
    tick_all(composer)
    settle(qtbot, composer)
    assert not composer.submit_button.isEnabled()
    panel = composer.findings
    panel.view.setCurrentIndex(panel.model.index(0, 0))
    assert not panel.ack_button.isEnabled()  # a reason is required
    type_text(qtbot, panel.reason, "主催団体の公式ページ")
    qtbot.mouseClick(panel.ack_button, Qt.MouseButton.LeftButton)
    settle(qtbot, composer)
    assert composer.submit_button.isEnabled()
    submitted: list[int] = []
    composer.submitted.connect(submitted.append)
    composer.submit()
    assert composer.submitting  # the service runs off the UI thread
    wait_for_operations(qtbot, lambda: bool(submitted))
    assert not composer.submitting
    detail = load_draft_detail(composer.session.store, composer.draft_id)
    assert detail.state.value == "submitted"


def _add(qtbot: QtBot, window: ComposerWindow, path: Path) -> None:
    before = len(window.media.items)
    window.add_files([str(path)])
    qtbot.waitUntil(lambda: len(window.media.items) == before + 1, timeout=20_000)


def test_an_image_without_alt_text_blocks(qtbot: QtBot, composer: ComposerWindow, tmp_path: Path) -> None:
    type_text(qtbot, composer.editor, "花壇の手入れをしました。")
    path = tmp_path / "flowers.png"
    path.write_bytes(png_bytes(Image.new("RGB", (120, 80), (30, 160, 60))))
    _add(qtbot, composer, path)
    settle(qtbot, composer)
    tick_all(composer)
    settle(qtbot, composer)
    assert "media.alt_missing" in [r.rule for r in composer.gate.blocking]
    assert not composer.submit_button.isEnabled()
    composer.media.select(0)
    type_text(qtbot, composer.media.alt, "市役所前の花壇。色とりどりのパンジーが咲いている。")
    settle(qtbot, composer)
    assert composer.submit_button.isEnabled()


def test_an_unreadable_file_is_refused_and_nothing_changes(
    qtbot: QtBot, composer: ComposerWindow, tmp_path: Path, messages: MessageRecorder
) -> None:
    bad = tmp_path / "broken.jpg"
    bad.write_bytes(b"\xff\xd8 nope")
    composer.add_files([str(bad)])
    qtbot.waitUntil(lambda: bool(messages.of(Kind.WARNING)), timeout=20_000)
    assert "broken.jpg" in messages.of(Kind.WARNING)[0].text
    assert composer.media.items == []


def test_masking_a_face_replaces_the_image_without_exif(
    qtbot: QtBot, composer: ComposerWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "IMG_0001.JPG"
    path.write_bytes(face_jpeg_with_gps())
    _add(qtbot, composer, path)
    item = composer.media.items[0]
    assert item.faces == 1
    assert item.had_location_exif
    settle(qtbot, composer)
    assert "media.faces" in [r.rule for r in composer.gate.unacknowledged]
    original = load_blob(composer.session.store, item.sha256)
    assert original is not None
    seen: list[list[Rect]] = []

    def fake_exec(dialog: RedactionDialog) -> int:
        seen.append(list(dialog.canvas.areas))  # detected faces come pre-marked
        dialog.masked = redact(dialog.data, dialog.name, dialog.canvas.areas, RedactionMode.PIXELATE)
        return RedactionDialog.DialogCode.Accepted

    monkeypatch.setattr(RedactionDialog, "exec", fake_exec)
    composer.open_redaction(0)
    qtbot.waitUntil(lambda: composer.media.items[0].redacted is True, timeout=20_000)
    assert len(seen[0]) == 1
    composer.flush()
    saved_item = load_draft_detail(composer.session.store, composer.draft_id).media[0]
    assert saved_item.redacted
    assert saved_item.sha256 != item.sha256
    saved = load_blob(composer.session.store, saved_item.sha256)
    assert saved is not None
    with Image.open(io.BytesIO(saved)) as after, Image.open(io.BytesIO(original)) as before:
        assert len(after.getexif()) == 0
        assert after.info.get("exif") is None
        face = seen[0][0]
        box = (face.x + 10, face.y + 10, face.x + face.w - 10, face.y + face.h - 10)
        changed = sum(
            1
            for a, b in zip(
                after.crop(box).convert("L").tobytes(), before.crop(box).convert("L").tobytes(), strict=True
            )
            if abs(a - b) > 12
        )
        assert changed > 0.2 * (box[2] - box[0]) * (box[3] - box[1])
        outside = (330, 100, 390, 200)  # right of the face: untouched apart from JPEG noise
        drift = [
            abs(a - b)
            for a, b in zip(
                after.crop(outside).convert("L").tobytes(), before.crop(outside).convert("L").tobytes(), strict=True
            )
        ]
        assert max(drift) < 12
    settle(qtbot, composer)
    assert "media.faces" not in [r.rule for r in composer.gate.records]


def test_masking_somewhere_else_does_not_clear_the_faces_finding(
    qtbot: QtBot, composer: ComposerWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "IMG_0002.JPG"
    path.write_bytes(face_jpeg_with_gps())
    _add(qtbot, composer, path)

    def fake_exec(dialog: RedactionDialog) -> int:
        # The pre-marked face is removed and a corner is masked instead.
        dialog.canvas.clear()
        dialog.canvas.add_area(Rect(0, 0, 40, 40))
        dialog.masked = redact(dialog.data, dialog.name, dialog.canvas.areas, RedactionMode.FILL)
        return RedactionDialog.DialogCode.Accepted

    monkeypatch.setattr(RedactionDialog, "exec", fake_exec)
    composer.open_redaction(0)
    qtbot.waitUntil(lambda: composer.media.items[0].redacted is True, timeout=20_000)
    assert composer.media.items[0].faces == 1
    settle(qtbot, composer)
    assert "media.faces" in [r.rule for r in composer.gate.records]


def test_the_redaction_dialog_marks_faces_and_masks_off_the_ui_thread(qtbot: QtBot) -> None:
    data = png_bytes(face_image())
    dialog = RedactionDialog(data, "face.png", [Rect(40, 40, 200, 200)])
    qtbot.addWidget(dialog)
    dialog.show()
    assert len(dialog.canvas.areas) == 1
    dialog.canvas.remove_last()
    ok = dialog.buttons.buttons()[0]
    assert not dialog.buttons.button(dialog.buttons.StandardButton.Ok).isEnabled()
    del ok
    qtbot.mousePress(
        dialog.canvas, Qt.MouseButton.LeftButton, pos=dialog.canvas.rect().center() - dialog.canvas.rect().center() / 2
    )
    qtbot.mouseRelease(dialog.canvas, Qt.MouseButton.LeftButton, pos=dialog.canvas.rect().center())
    assert len(dialog.canvas.areas) == 1
    with qtbot.waitSignal(dialog.accepted, timeout=20_000):
        dialog.apply()
    assert dialog.masked is not None
    assert dialog.masked != data


def test_areas_can_be_marked_with_the_keyboard_alone(qtbot: QtBot) -> None:
    data = png_bytes(face_image())
    dialog = RedactionDialog(data, "face.png", [])
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(dialog.canvas.hasFocus)
    ok = dialog.buttons.button(dialog.buttons.StandardButton.Ok)
    assert not ok.isEnabled()
    start = dialog.canvas.key_frame
    qtbot.keyClick(dialog.canvas, Qt.Key.Key_Right)
    qtbot.keyClick(dialog.canvas, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    moved = dialog.canvas.key_frame
    assert moved.x > start.x
    assert moved.y > start.y
    assert (moved.w, moved.h) == (start.w, start.h)
    qtbot.keyClick(dialog.canvas, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    assert dialog.canvas.key_frame.w > start.w
    for _ in range(200):  # held against the edge, the frame stays on the image
        qtbot.keyClick(dialog.canvas, Qt.Key.Key_Left)
    assert dialog.canvas.key_frame.x == 0
    qtbot.keyClick(dialog.canvas, Qt.Key.Key_Space)
    assert dialog.canvas.areas == [dialog.canvas.key_frame]
    assert ok.isEnabled()
    qtbot.keyClick(dialog.canvas, Qt.Key.Key_Backspace)
    assert dialog.canvas.areas == []
    qtbot.keyClick(dialog.canvas, Qt.Key.Key_Insert)
    with qtbot.waitSignal(dialog.accepted, timeout=20_000):
        qtbot.keyClick(dialog.canvas, Qt.Key.Key_Return)
    assert dialog.masked is not None
    assert dialog.masked != data


def test_a_returned_draft_shows_the_comment(qtbot: QtBot, demo_env: Environment) -> None:
    from core.lifecycle.states import DraftState
    from core.services.drafts import DraftFilter, query_drafts
    from core.services.staff import find_by_login

    sato = find_by_login(demo_env.store, "demo.sato")
    assert sato is not None
    session = AppSession(demo_env, actor_for_staff(demo_env.store, sato.id, demo_env.terminal.uid))
    [row] = query_drafts(demo_env.store, DraftFilter(state=DraftState.RETURNED))
    window = composer_window(session, row.id)
    qtbot.addWidget(window)
    window.show()
    assert window.returned.isVisible()
    assert "新しい日程" in window.returned.text()
    wait_for_tasks()


def test_the_draft_list_model_passes_the_model_tester(qtmodeltester: object, demo_env: Environment) -> None:
    from core.services.staff import find_by_login

    me = find_by_login(demo_env.store, "demo.sato")
    assert me is not None
    model = DraftListModel(AppSession(demo_env, actor_for_staff(demo_env.store, me.id, demo_env.terminal.uid)))
    model.reload()
    settle_reads()
    assert model.rowCount() == 9  # with the withdrawal notice of the Mastodon account
    qtmodeltester.check(model)  # type: ignore[attr-defined]


def test_enter_in_the_list_opens_the_composer(qtbot: QtBot, demo_env: Environment) -> None:
    from core.services.staff import find_by_login

    me = find_by_login(demo_env.store, "demo.sato")
    assert me is not None
    screen = DraftsScreen(AppSession(demo_env, actor_for_staff(demo_env.store, me.id, demo_env.terminal.uid)))
    qtbot.addWidget(screen)
    screen.show()
    settle_reads()
    screen.table.setFocus()
    screen.table.selectRow(0)
    qtbot.keyClick(screen.table, Qt.Key.Key_Return)
    row = screen.model.row(0)
    assert row is not None
    first = row.id
    qtbot.waitUntil(lambda: first in screen.composers, timeout=20_000)  # opened once its draft is read
    window = screen.composers[first]
    wait_for_tasks()
    window.close()
    assert first not in screen.composers


def test_an_approved_draft_is_taken_back_for_editing_with_a_reason(
    qtbot: QtBot, demo_env: Environment, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QInputDialog

    from core.lifecycle.states import DraftState
    from core.services.drafts import DraftFilter, query_drafts
    from core.services.staff import find_by_login

    sato = find_by_login(demo_env.store, "demo.sato")
    assert sato is not None
    session = AppSession(demo_env, actor_for_staff(demo_env.store, sato.id, demo_env.terminal.uid))
    [row] = [r for r in query_drafts(demo_env.store, DraftFilter(state=DraftState.APPROVED)) if r.author == "佐藤 花子"]
    window = composer_window(session, row.id)
    qtbot.addWidget(window)
    window.show()
    assert window.editor.isReadOnly()
    assert window.reopen_button.isVisible()
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("", False))
    window.reopen_button.click()  # cancelled: nothing happens
    assert load_draft_detail(demo_env.store, row.id).state is DraftState.APPROVED
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("予定時刻の変更", True))
    with qtbot.waitSignal(window.reopened, timeout=5_000) as reopened:
        window.reopen_button.click()
    assert reopened.args == [row.id]
    assert load_draft_detail(demo_env.store, row.id).state is DraftState.DRAFT
    wait_for_tasks()
    again = composer_window(session, row.id)
    qtbot.addWidget(again)
    assert not again.editor.isReadOnly()
    assert again.reopen_button.isHidden()
    wait_for_tasks()


def test_a_draft_taken_back_from_the_list_opens_again_editable(
    qtbot: QtBot, demo_env: Environment, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QInputDialog

    from core.lifecycle.states import DraftState
    from core.services.drafts import DraftFilter, query_drafts
    from core.services.staff import find_by_login

    sato = find_by_login(demo_env.store, "demo.sato")
    assert sato is not None
    screen = DraftsScreen(AppSession(demo_env, actor_for_staff(demo_env.store, sato.id, demo_env.terminal.uid)))
    qtbot.addWidget(screen)
    [row] = [r for r in query_drafts(demo_env.store, DraftFilter(state=DraftState.APPROVED)) if r.author == "佐藤 花子"]
    first = open_composer(qtbot, screen, row.id)
    assert first.editor.isReadOnly()
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("写真の差し替え", True))
    first.reopen_button.click()
    qtbot.waitUntil(lambda: row.id in screen.composers and screen.composers[row.id] is not first, timeout=5_000)
    assert not screen.composers[row.id].editor.isReadOnly()
    wait_for_tasks()
    screen.composers[row.id].close()


def test_a_rejected_draft_can_start_a_new_one_with_its_content(qtbot: QtBot, demo_env: Environment) -> None:
    from core.lifecycle.states import DraftState
    from core.services.audit_log import query_audit
    from core.services.drafts import DraftFilter, query_drafts
    from core.services.staff import find_by_login

    sato = find_by_login(demo_env.store, "demo.sato")
    assert sato is not None
    session = AppSession(demo_env, actor_for_staff(demo_env.store, sato.id, demo_env.terminal.uid))
    [rejected] = query_drafts(demo_env.store, DraftFilter(state=DraftState.REJECTED))
    window = composer_window(session, rejected.id)
    qtbot.addWidget(window)
    assert not window.copy_button.isHidden()
    assert window.reopen_button.isHidden()
    with qtbot.waitSignal(window.copied, timeout=5_000) as copied:
        window.copy_button.click()
    (new_id,) = copied.args
    old, new = load_draft_detail(demo_env.store, rejected.id), load_draft_detail(demo_env.store, new_id)
    assert old.state is DraftState.REJECTED  # the rejection stays on record
    assert new.state is DraftState.DRAFT
    assert new.text == old.text
    assert new.scheduled_at is None
    assert query_audit(demo_env.store, limit=1)[0].event == "draft.duplicated"
    wait_for_tasks()


def test_a_video_longer_than_the_platform_takes_blocks_with_the_limit_named(
    qtbot: QtBot, composer: ComposerWindow, tmp_path: Path
) -> None:
    from tests.support.videos import mp4_with_duration

    type_text(qtbot, composer.editor, "防災訓練の様子です。")
    path = tmp_path / "drill.mp4"
    path.write_bytes(mp4_with_duration(1000, 180_000))  # 3 minutes; X takes 140 s
    _add(qtbot, composer, path)
    assert composer.media.items[0].seconds == 180
    composer.media.select(0)
    composer.media.burned_in.setChecked(True)
    settle(qtbot, composer)
    tick_all(composer)
    settle(qtbot, composer)
    blocking = [r for r in composer.gate.blocking if r.rule == "media.video_length"]
    assert len(blocking) == 1
    assert "140" in blocking[0].message_ja
    assert not composer.submit_button.isEnabled()
