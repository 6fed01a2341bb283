"""The incident screen over a real database: register, detail in plain words, lock, pause-all banner."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from core.incidents.model import IncidentKind, Severity, StepKind
from core.runtime.bootstrap import Environment
from core.services.incidents import IncidentService, account_locks, list_incidents
from core.services.pause import pause_state
from gui.screens import incidents as screen_module
from gui.screens.incidents import IncidentsScreen, detail_html
from gui.session import AppSession
from tests.support.gui import settle, wait_for_operations
from tests.support.world import World


@pytest.fixture
def world(sqlite_env: Environment) -> World:
    return World(sqlite_env)


def make_screen(qtbot: QtBot, world: World, actor_name: str) -> IncidentsScreen:
    screen = IncidentsScreen(AppSession(world.env, getattr(world, actor_name)))
    qtbot.addWidget(screen)
    screen.show()
    qtbot.waitExposed(screen)
    settle()
    return screen


def accept(monkeypatch: pytest.MonkeyPatch, cls: type[QDialog], fill: object) -> None:
    """Replace the dialog's exec: fill it in as a person would, then press OK."""

    def fake_exec(self: QDialog) -> int:
        fill(self)  # type: ignore[operator]
        return QDialog.DialogCode.Accepted.value

    monkeypatch.setattr(cls, "exec", fake_exec)


def test_reporting_an_incident_through_the_dialog(qtbot: QtBot, world: World, monkeypatch: pytest.MonkeyPatch) -> None:
    screen = make_screen(qtbot, world, "op1")

    def fill(dialog: screen_module.ReportDialog) -> None:
        dialog.kind.setCurrentIndex(dialog.kind.findData(IncidentKind.IMPERSONATION.value))
        dialog.title.setText("偽アカウント @josokoiki_koho")
        dialog.accounts.item(0).setCheckState(screen_module.Qt.CheckState.Checked)

    accept(monkeypatch, screen_module.ReportDialog, fill)
    screen.new_button.click()
    wait_for_operations(qtbot)
    wait_for_operations(qtbot, lambda: screen.selected() is not None)
    (incident,) = list_incidents(world.store)
    assert incident.title == "偽アカウント @josokoiki_koho"
    assert incident.accounts == ("@josokoiki.koho",)
    assert screen.selected() is not None
    assert "joso:6(4)" in screen.view.toPlainText()
    # An operator may record steps and lock, not close or pause.
    assert screen.step_button.isEnabled()
    assert screen.lock_button.isEnabled()
    assert not screen.close_button.isEnabled()
    assert not screen.pause_button.isEnabled()


def test_details_show_untrusted_text_as_text(world: World) -> None:
    from core.services.incidents import load_incident

    desk = IncidentService(world.store, world.op1)
    incident_id = desk.report(IncidentKind.THREAT, "<b>脅迫</b>", severity=Severity.HIGH)
    desk.add_evidence(incident_id, url="https://x.com/a", label="<a href='file:///calc.exe'>x</a>", text="…")
    desk.add_step(incident_id, StepKind.NOTE, note="<script>alert(1)</script>")
    page = detail_html(load_incident(world.store, incident_id))
    assert "<script>" not in page
    assert "<a href" not in page
    assert "&lt;script&gt;" in page


def test_locking_from_the_screen_stops_its_accounts(
    qtbot: QtBot, world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    incident_id = IncidentService(world.store, world.op1).report(
        IncidentKind.HIJACK, "乗っ取り", account_ids=[world.account]
    )
    screen = make_screen(qtbot, world, "op1")
    screen.select(incident_id)
    settle()
    accept(monkeypatch, screen_module.CommentDialog, lambda d: d.editor.setPlainText("身に覚えのない投稿"))
    screen.lock_button.click()
    wait_for_operations(qtbot)
    wait_for_operations(qtbot)
    assert [lock.account_id for lock in account_locks(world.store)] == [world.account]


def test_pause_banner_and_resume_list(qtbot: QtBot, world: World, monkeypatch: pytest.MonkeyPatch) -> None:
    screen = make_screen(qtbot, world, "sup")
    assert screen.pause_button.isEnabled()
    prompts: list[str] = []

    def fill(dialog: screen_module.CommentDialog) -> None:
        prompts.append(dialog.label.text())
        dialog.editor.setPlainText("台風の接近")

    accept(monkeypatch, screen_module.CommentDialog, fill)
    screen.pause_button.click()
    wait_for_operations(qtbot)
    wait_for_operations(qtbot)
    assert pause_state(world.store).paused
    screen.refresh()
    settle()
    assert "台風の接近" in screen.pause_label.text()
    screen.pause_button.click()
    wait_for_operations(qtbot)
    wait_for_operations(qtbot)
    assert not pause_state(world.store).paused
    assert "No post became due" in prompts[-1]


def test_suspect_and_platform_report_with_copy_buttons(
    qtbot: QtBot, world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QPushButton

    from core.services.incidents import load_incident
    from gui.incidents import report_dialog

    incident_id = IncidentService(world.store, world.op1).report(
        IncidentKind.IMPERSONATION, "偽アカウント", account_ids=[world.account]
    )
    screen = make_screen(qtbot, world, "op1")
    screen.select(incident_id)
    settle()
    assert screen.report_button.isEnabled()

    def fill_suspect(dialog: report_dialog.SuspectDialog) -> None:
        dialog.handle.setText("@josokoiki_koho")
        dialog.name.setText("見本市公式")
        dialog.url.setText("https://x.com/josokoiki_koho")

    accept(monkeypatch, report_dialog.SuspectDialog, fill_suspect)
    screen.suspect_button.click()
    wait_for_operations(qtbot)
    assert "@josokoiki_koho" in screen.view.toPlainText()

    seen: list[report_dialog.PlatformReportDialog] = []

    def open_report(dialog: report_dialog.PlatformReportDialog) -> int:
        seen.append(dialog)
        page = dialog.tabs.widget(0)
        assert isinstance(page, report_dialog.ReportPage)
        assert "@josokoiki_koho" in page.editors["suspect"].toPlainText()
        copy = next(b for b in page.findChildren(QPushButton) if b.accessibleName().endswith("the form address"))
        copy.click()
        assert QGuiApplication.clipboard().text() == "https://help.x.com/forms/impersonation"
        return report_dialog.PlatformReportDialog.RECORD

    monkeypatch.setattr(report_dialog.PlatformReportDialog, "exec", open_report)
    accept(monkeypatch, screen_module.StepDialog, lambda d: d.reference.setText("X-ticket-991"))
    screen.report_button.click()
    wait_for_operations(qtbot)
    assert seen
    steps = load_incident(world.store, incident_id).steps
    assert [(s.kind, s.counterpart, s.reference) for s in steps] == [(StepKind.PLATFORM_REPORTED, "X", "X-ticket-991")]


def test_public_notice_is_written_then_recorded_as_published(
    qtbot: QtBot, world: World, monkeypatch: pytest.MonkeyPatch, tmp_path, messages
) -> None:
    from core.services.incidents import load_incident
    from tests.support.gui import wait_for_operations

    desk = IncidentService(world.store, world.op1)
    incident_id = desk.report(IncidentKind.IMPERSONATION, "偽アカウント", account_ids=[world.account])
    desk.add_suspect(incident_id, "x", "@josokoiki_koho", url="https://x.com/josokoiki_koho")
    screen = make_screen(qtbot, world, "op1")
    screen.select(incident_id)
    settle()
    assert screen.notice_button.isEnabled()
    out = tmp_path / "notice.html"
    monkeypatch.setattr(screen_module.QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    messages.answer(True)
    url = "https://www.city.example/news/1.html"
    accept(monkeypatch, screen_module.StepDialog, lambda d: d.reference.setText(url))
    screen.notice_button.click()
    wait_for_operations(qtbot)
    wait_for_operations(qtbot, lambda: bool(load_incident(world.store, incident_id).steps))
    assert "@josokoiki_koho" in out.read_text(encoding="utf-8")
    (step,) = load_incident(world.store, incident_id).steps
    assert (step.kind, step.reference) == (StepKind.NOTICE_PUBLISHED, url)


def test_warning_posts_are_prepared_as_drafts(
    qtbot: QtBot, world: World, monkeypatch: pytest.MonkeyPatch, messages
) -> None:
    from core.lifecycle.states import DraftState
    from core.services.drafts import load_draft_detail
    from core.services.incidents import load_incident
    from gui.incidents import report_dialog

    desk = IncidentService(world.store, world.op1)
    incident_id = desk.report(IncidentKind.IMPERSONATION, "偽アカウント", account_ids=[world.account])
    desk.add_suspect(incident_id, "x", "@josokoiki_koho")
    screen = make_screen(qtbot, world, "op1")
    screen.select(incident_id)
    settle()
    assert screen.warn_button.isEnabled()
    chosen: list[list[int]] = []
    accept(monkeypatch, report_dialog.WarningPostsDialog, lambda d: chosen.append(d.account_ids()))
    screen.warn_button.click()
    wait_for_operations(qtbot)
    assert chosen == [[world.account]]  # preselected: the account concerned
    (draft_id,) = load_incident(world.store, incident_id).warning_drafts
    detail = load_draft_detail(world.store, draft_id)
    assert detail.state is DraftState.DRAFT
    assert "@josokoiki_koho" in detail.text
    assert f"#{draft_id}" in messages.texts[-1]
    sup_screen = make_screen(qtbot, world, "sup")
    sup_screen.select(incident_id)
    assert not sup_screen.warn_button.isEnabled()  # drafting needs an operator


def test_compare_and_unlock_from_the_screen(
    qtbot: QtBot, sqlite_env: Environment, monkeypatch: pytest.MonkeyPatch, messages, httpserver
) -> None:
    from core.publishing import incident_posts
    from core.services.incidents import load_incident
    from tests.support.gui import wait_for_operations
    from tests.support.platform_fakes import FakeMastodon
    from tests.support.publishing import PubWorld

    pub = PubWorld(sqlite_env)
    fake = FakeMastodon(httpserver)
    fake.posts.append({"id": "666", "url": "https://city.example/@koho/666", "content": "<p>給付金はこちら</p>"})
    desk = IncidentService(pub.store, pub.op)
    incident_id = desk.report(IncidentKind.HIJACK, "乗っ取り", account_ids=[pub.ids["mastodon"]])
    desk.lock_account(pub.ids["mastodon"], "不審な投稿", incident_id=incident_id)
    monkeypatch.setattr(
        screen_module,
        "make_comparison",
        lambda session: incident_posts.PostComparison(
            session.store, session.actor, vault=pub.vault, base_url={"mastodon": fake.base_url}
        ),
    )

    screen = IncidentsScreen(AppSession(pub.env, pub.op))
    qtbot.addWidget(screen)
    screen.show()
    screen.select(incident_id)
    settle()
    assert screen.compare_button.isEnabled()
    assert not screen.unlock_button.isEnabled()  # an operator does not unlock
    screen.compare_button.click()
    wait_for_operations(qtbot)
    wait_for_operations(qtbot, lambda: bool(messages.shown))
    assert "1" in messages.texts[-1]
    assert [e.url for e in load_incident(pub.store, incident_id).evidence] == ["https://city.example/@koho/666"]

    sup = IncidentsScreen(AppSession(pub.env, pub.sup))
    qtbot.addWidget(sup)
    sup.show()
    sup.select(incident_id)
    settle()
    assert sup.unlock_button.isEnabled()
    accept(monkeypatch, screen_module.CommentDialog, lambda d: d.editor.setPlainText("パスワード変更済み"))
    sup.unlock_button.click()
    wait_for_operations(qtbot)
    assert account_locks(pub.store) == []


def test_a_watch_candidate_becomes_an_incident_from_the_screen(
    qtbot: QtBot, world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    from core.incidents.watch import Candidate, FoundAccount, WatchReport
    from core.services.incidents import load_incident
    from gui.incidents import watch_dialog
    from tests.support.gui import wait_for_operations

    found = FoundAccount(
        "bluesky", "j0sokoiki.bsky.social", "見本市公式", "https://bsky.app/profile/j0sokoiki.bsky.social"
    )
    known = FoundAccount("bluesky", "old.bsky.social", "見本市", "https://bsky.app/profile/old.bsky.social")
    report = WatchReport(
        candidates=[
            Candidate(known, world.account, "@josokoiki.koho", "見本市公式", known=True),
            Candidate(found, world.account, "@josokoiki.koho", "見本市公式", known=False),
        ],
        not_searchable=["@josokoiki.koho"],
    )
    monkeypatch.setattr(screen_module, "watch_impersonation", lambda store: report)
    shown: list[watch_dialog.WatchDialog] = []

    def choose(dialog: watch_dialog.WatchDialog) -> int:
        shown.append(dialog)
        chosen = dialog.chosen()
        assert chosen is not None
        assert chosen.found.handle == found.handle  # new ones first, preselected
        assert dialog.open_button.isEnabled()
        return watch_dialog.WatchDialog.OPEN

    monkeypatch.setattr(watch_dialog.WatchDialog, "exec", choose)
    screen = make_screen(qtbot, world, "op1")
    screen.watch_button.click()
    wait_for_operations(qtbot)
    wait_for_operations(qtbot, lambda: bool(shown))
    (incident,) = list_incidents(world.store)
    detail = load_incident(world.store, incident.id)
    assert [s.handle for s in detail.suspects] == [found.handle]
    assert screen.selected() is not None
    assert screen.selected().id == incident.id  # type: ignore[union-attr]


def test_evidence_is_exported_only_while_its_hash_matches(
    qtbot: QtBot, world: World, monkeypatch: pytest.MonkeyPatch, messages, tmp_path, sqlite_env: Environment
) -> None:
    from sqlalchemy import text

    from tests.support.gui import wait_for_operations

    desk = IncidentService(world.store, world.op1)
    incident_id = desk.report(IncidentKind.FLAMING, "炎上")
    sha = desk.add_evidence(incident_id, data=b"\x89PNG shot", filename="shot.png", mime="image/png")
    screen = make_screen(qtbot, world, "op1")
    screen.select(incident_id)
    settle()
    assert screen.export_button.isEnabled()
    out = tmp_path / "shot.png"
    monkeypatch.setattr(screen_module.QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    screen.export_button.click()
    wait_for_operations(qtbot)
    wait_for_operations(qtbot, lambda: bool(messages.shown))
    assert out.read_bytes() == b"\x89PNG shot"
    assert sha in messages.texts[-1]
    # Someone with the database owner's rights changes the bytes: the export is refused, nothing written.
    with world.store.engine.begin() as conn:
        conn.exec_driver_sql("DROP TRIGGER incident_evidence_no_update")
        conn.execute(text("UPDATE incident_evidence SET data = :d"), {"d": b"forged"})
    out.unlink()
    shown = len(messages.shown)
    screen.export_button.click()
    wait_for_operations(qtbot)
    wait_for_operations(qtbot, lambda: len(messages.shown) > shown)
    assert not out.exists()
    assert "altered" in messages.texts[-1]
