"""Issue 15.5: recorded text is shown as text; a link opens only a post address on the platform's hosts.

Every recorded field of a publication — its URL (as an older version or raw
SQL could leave it), the platform's error, the deletion reason and the
supervisor's comment, the account's handle — holds an HTML link to a local
program. On every label of the publishing panel and the deletion requests
it must show as the characters it is, never as a working link.
"""

from __future__ import annotations

import re

import pytest
from PySide6 import QtGui
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import update

from core.lifecycle.states import PublicationState
from core.publishing.records import PublicationService, publications_for_draft
from core.runtime.bootstrap import Environment
from core.storage.models import OfficialAccount, Publication
from gui.publishing.deletions import DeletionRequestsPanel
from gui.publishing.manual import ManualPostDialog
from gui.publishing.panel import PublishPanel
from gui.session import AppSession
from gui.tasks import wait_for_tasks
from tests.support.gui import MessageRecorder, settle, wait_for_operations
from tests.support.publishing import PubWorld

PAYLOAD = '<a href="file:///calc.exe">公式の投稿</a><img src="file:///etc/passwd">'


@pytest.fixture
def world(sqlite_env: Environment, monkeypatch: pytest.MonkeyPatch) -> PubWorld:
    monkeypatch.setattr(QMessageBox, "exec", lambda self: pytest.fail(f"unexpected dialog: {self.text()}"))
    return PubWorld(sqlite_env)


def _live_tag(text: str) -> bool:
    """A tag of the payload that rich text would act on (escaped ``&lt;a`` is only characters)."""
    return re.search(r"<\s*(a|img)\b", text, re.I) is not None


def _renders_as_html(label: QLabel) -> bool:
    fmt = label.textFormat()
    return fmt == Qt.TextFormat.RichText or (fmt == Qt.TextFormat.AutoText and QtGui.Qt.mightBeRichText(label.text()))


def _labels_showing_the_payload(widget: QWidget) -> list[QLabel]:
    return [label for label in widget.findChildren(QLabel) if "calc.exe" in label.text()]


def _assert_shown_as_text(widget: QWidget) -> None:
    labels = _labels_showing_the_payload(widget)
    assert labels, "the payload is shown somewhere"
    for label in labels:
        assert not label.openExternalLinks()
        # Plain text, or rich text in which the payload was escaped (no live tag left).
        assert not _renders_as_html(label) or not _live_tag(label.text()), label.objectName()


def _published_with_payload(world: PubWorld) -> int:
    """An X post whose recorded URL, handle and deletion reason hold the payload (raw SQL, as before the fix)."""
    draft_id = world.approved("x")
    (version,) = _versions(world, draft_id)
    PublicationService(world.store, world.op).record_manual(
        version, "https://x.com/city_koho/status/1", vault=world.vault
    )
    with world.store.write() as session:
        session.execute(update(Publication).values(url=PAYLOAD))
        session.execute(update(OfficialAccount).where(OfficialAccount.id == world.ids["x"]).values(handle=PAYLOAD))
    (row,) = publications_for_draft(world.store, draft_id)
    PublicationService(world.store, world.op).request_deletion(row.id, PAYLOAD)
    return draft_id


def _versions(world: PubWorld, draft_id: int) -> list[int]:
    from sqlalchemy import select

    from core.storage.models import DraftVersion

    with world.store.read() as session:
        return list(session.scalars(select(DraftVersion.id).where(DraftVersion.draft_id == draft_id)))


def test_html_in_every_recorded_field_shows_as_text(
    qtbot: QtBot, world: PubWorld, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    published = _published_with_payload(world)
    # A failed post whose stored error quotes the platform's answer.
    failed = world.approved("mastodon", "別のお知らせです。")
    row = world.outbox({}).records.open_attempt(failed)
    PublicationService(world.store, world.op).mark_failed(row.publication_id, f"Mastodon said: {PAYLOAD}", "rejected")

    for draft_id in (published, failed):
        panel = PublishPanel(AppSession(world.env, world.op), draft_id)
        qtbot.addWidget(panel)
        qtbot.waitUntil(lambda p=panel: not p.busy, timeout=20_000)  # its state is read off the UI thread
        _assert_shown_as_text(panel)
        assert panel.link.isHidden()  # not a post address: no link at all
        panel.link.linkActivated.emit("file:///calc.exe")  # even if something made one
    assert opened == []
    panel = PublishPanel(AppSession(world.env, world.op), published)
    qtbot.addWidget(panel)
    qtbot.waitUntil(lambda: not panel.busy, timeout=20_000)  # its state is read off the UI thread
    assert "Deletion" in panel.status.text()
    assert PAYLOAD in panel.status.text()

    deletions = DeletionRequestsPanel(AppSession(world.env, world.sup))
    qtbot.addWidget(deletions)
    settle()  # its requests are read off the UI thread
    assert deletions.model.rowCount() == 1
    for column in range(deletions.model.columnCount()):
        tip = deletions.model.index(0, column).data(Qt.ItemDataRole.ToolTipRole)
        # A tooltip renders HTML exactly when Qt guesses rich text: then nothing live may be left.
        assert tip is None or not QtGui.Qt.mightBeRichText(tip) or not _live_tag(tip)
    deletions.table.selectRow(0)
    monkeypatch.setattr("PySide6.QtWidgets.QInputDialog.getText", lambda *a, **k: (PAYLOAD, True))
    deletions.decide(False)
    wait_for_tasks()
    panel = PublishPanel(AppSession(world.env, world.op), published)
    qtbot.addWidget(panel)
    qtbot.waitUntil(lambda: not panel.busy, timeout=20_000)  # its state is read off the UI thread
    _assert_shown_as_text(panel)


def test_a_post_address_on_the_platform_is_the_only_link_and_it_opens_only_itself(
    qtbot: QtBot, world: PubWorld, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toString()) or True)
    draft_id = world.approved("x")
    (version,) = _versions(world, draft_id)
    url = "https://x.com/city_koho/status/1"
    PublicationService(world.store, world.op).record_manual(version, url, vault=world.vault)
    panel = PublishPanel(AppSession(world.env, world.op), draft_id)
    qtbot.addWidget(panel)
    qtbot.waitUntil(lambda: not panel.busy, timeout=20_000)  # its state is read off the UI thread
    assert not panel.link.isHidden()
    assert panel.link.textFormat() == Qt.TextFormat.RichText
    assert not panel.link.openExternalLinks()
    assert f'href="{url}"' in panel.link.text()
    panel.link.linkActivated.emit("file:///calc.exe")
    panel.link.linkActivated.emit(url)
    assert opened == [url]


@pytest.mark.parametrize(
    "url",
    [
        "file:///calc.exe",
        "http://x.com/city_koho/status/1",
        "javascript:alert(1)",
        "https://x.com.evil.example/city_koho/status/1",
        "https://evil.example/?https://x.com/",
        "https://user@x.com/city_koho/status/1",
        "https://www.instagram.com/p/abc/",
        PAYLOAD,
    ],
)
def test_the_manual_dialog_refuses_an_address_that_is_not_a_post_on_the_platform(
    qtbot: QtBot, world: PubWorld, url: str, messages: MessageRecorder
) -> None:
    draft_id = world.approved("x")
    dialog = ManualPostDialog(AppSession(world.env, world.op), draft_id)
    qtbot.addWidget(dialog)
    wait_for_operations(qtbot, lambda: not dialog.preparing)
    dialog.url.setText(url)
    dialog.record()
    wait_for_operations(qtbot)
    assert "not the address of a post on X" in dialog.error.text()
    assert dialog.error.textFormat() == Qt.TextFormat.PlainText
    assert [r.state for r in publications_for_draft(world.store, draft_id)] == []
    dialog.url.setText("https://x.com/city_koho/status/7")
    messages.answer(True)  # a post address: 投稿済みとして記録 asks first
    dialog.record()
    wait_for_operations(qtbot)
    (row,) = publications_for_draft(world.store, draft_id)
    assert row.state is PublicationState.PUBLISHED
    wait_for_tasks()


def test_a_message_box_shows_a_platform_error_as_text(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    from core.platforms.errors import from_status
    from gui import messages

    formats: list[tuple[Qt.TextFormat, str]] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda self: formats.append((self.textFormat(), self.text())) or 0)
    # The real Qt door (GUI tests replace messages.door with a recorder).
    error = from_status("Mastodon", 422, code=PAYLOAD)
    messages.qt_door(None, messages.Message(messages.Kind.ERROR, "KohoGate", error.message))
    ((fmt, text),) = formats
    assert "calc.exe" in text
    assert fmt == Qt.TextFormat.PlainText
