"""Render every screen to PNG with demo data, offscreen.

    uv run python tools/screenshots.py --out docs/screenshots [--lang ja|en]

Used for the README and for reviewing screens without a desktop.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

SCREENS = ("drafts", "approvals", "accounts", "terminals", "audit", "settings", "incidents")


def _settle() -> None:
    from PySide6.QtWidgets import QApplication

    from gui.tasks import tasks_in_flight, wait_for_tasks

    for _ in range(10):
        wait_for_tasks()
        QApplication.processEvents()
        if not tasks_in_flight():
            return


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--lang", choices=["ja", "en"], default="ja")
    parser.add_argument(
        "--only",
        choices=["guided-start", "templates"],
        help="render only these: the guided start (a new organization), or the 定型文 and 一括作成 screens",
    )
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    if args.only is not None:
        paths = (
            [guided_start(args.out, args.lang)]
            if args.only == "guided-start"
            else templates_and_groups(args.out, args.lang)
        )
        print("\n".join(str(path) for path in paths))
        return 0

    from PySide6.QtWidgets import QApplication

    from core.demo.data import fill_demo
    from core.i18n import set_language
    from core.organization.identity import current_login
    from core.runtime.bootstrap import open_environment
    from core.services.staff import find_by_login
    from gui.application import application, main_window_for
    from gui.i18n import install_translations
    from gui.setup_wizard import SetupWizard
    from gui.unknown_user import UnknownUserPage

    with tempfile.TemporaryDirectory() as tmp:
        app = application()
        set_language(args.lang)
        install_translations(app, args.lang, Path(tmp) / "cache")
        env = open_environment(tmp)
        fill_demo(env)
        me = find_by_login(env.store, current_login())
        assert me is not None
        window = main_window_for(env, me.id)
        window.resize(1280, 760)
        window.show()
        written = []
        for row, name in enumerate(SCREENS):
            window.show_screen(row)
            _settle()  # a screen's reads may run off the UI thread (the draft list's do)
            if name == "incidents":
                window.screen_at(row).table.selectRow(0)  # type: ignore[attr-defined]
                QApplication.processEvents()
            path = args.out / f"{row + 1:02d}-{name}.png"
            window.grab().save(str(path))
            written.append(path)
        settings = window.screen_at(5)
        settings.tabs.setCurrentIndex(1)  # type: ignore[attr-defined]
        settings.checks.table.selectRow(0)  # type: ignore[attr-defined]
        QApplication.processEvents()
        path = args.out / "06b-settings-checks.png"
        window.grab().save(str(path))
        written.append(path)
        settings.tabs.setCurrentIndex(2)  # type: ignore[attr-defined]
        QApplication.processEvents()
        path = args.out / "06c-settings-approval.png"
        window.grab().save(str(path))
        written.append(path)
        # The tab scrolls; the lower half (deputies, emergency rules) gets a picture of its own.
        from PySide6.QtWidgets import QScrollArea

        scroll = settings.approval.findChild(QScrollArea)  # type: ignore[attr-defined]
        scroll.verticalScrollBar().setValue(scroll.verticalScrollBar().maximum())
        QApplication.processEvents()
        path = args.out / "06d-settings-approval-deputies.png"
        window.grab().save(str(path))
        written.append(path)
        window.show_screen(5)
        settings.tabs.setCurrentWidget(settings.mail.parentWidget().parentWidget())  # type: ignore[attr-defined]
        QApplication.processEvents()
        path = args.out / "19-settings-mail.png"
        window.grab().save(str(path))
        written.append(path)
        # The supervisor's view: the queue and the review screen.
        from core.services.staff import find_by_login as _find
        from gui.review.review_dialog import ReviewDialog

        takahashi = _find(env.store, "demo.takahashi")
        assert takahashi is not None
        window.session.switch_to(takahashi.id)  # type: ignore[union-attr]
        window.show_screen(1)
        QApplication.processEvents()
        path = args.out / "02b-approvals-supervisor.png"
        window.grab().save(str(path))
        written.append(path)
        # 予定 as the supervisor finds it at the start of the day: the today board over the week.
        from gui.tasks import wait_for_tasks

        window.show_screen(8)
        wait_for_tasks()
        QApplication.processEvents()
        path = args.out / "19-schedule.png"
        window.grab().save(str(path))
        written.append(path)
        approvals = window.screen_at(1)
        first = approvals.model.row(0)  # type: ignore[attr-defined]
        from core.services.review_view import read_review

        review = ReviewDialog(window.session, read_review(env.store, first.version_id), window)  # type: ignore[arg-type]
        review.show()
        QApplication.processEvents()
        path = args.out / "09-review.png"
        review.grab().save(str(path))
        written.append(path)
        review.close()
        # The operator's composer: a draft with a shortener (blocked) and one with a poster.
        from core.services.composer_view import read_composer
        from core.services.drafts import DraftFilter, query_drafts
        from gui.composer.window import ComposerWindow
        from gui.tasks import wait_for_tasks

        sato = _find(env.store, "demo.sato")
        assert sato is not None
        window.session.switch_to(sato.id)  # type: ignore[union-attr]
        for title, name in (("図書館休館", "10-composer-findings.png"), ("市民まつり", "11-composer-media.png")):
            draft = next(d for d in query_drafts(env.store, DraftFilter()) if d.title == title)
            composer = ComposerWindow(window.session, read_composer(env.store, draft.id))  # type: ignore[arg-type]
            composer.resize(1280, 800)
            composer.show()
            for _ in range(40):
                QApplication.processEvents()
                wait_for_tasks()
            if name.startswith("11"):
                composer.tabs.setCurrentIndex(2)
                QApplication.processEvents()
            path = args.out / name
            composer.grab().save(str(path))
            written.append(path)
            if name.startswith("11"):
                for index, extra in ((1, "12-composer-confirmations.png"), (3, "13-composer-preview.png")):
                    composer.tabs.setCurrentIndex(index)
                    QApplication.processEvents()
                    path = args.out / extra
                    composer.grab().save(str(path))
                    written.append(path)
            composer.flush()
            composer.close()
        # A returned draft shows the supervisor's comment above the text.
        returned = next(d for d in query_drafts(env.store, DraftFilter()) if d.title == "ごみ収集日")
        composer = ComposerWindow(window.session, read_composer(env.store, returned.id))  # type: ignore[arg-type]
        composer.resize(1280, 800)
        composer.show()
        for _ in range(40):
            QApplication.processEvents()
            wait_for_tasks()
        path = args.out / "14-composer-returned.png"
        composer.grab().save(str(path))
        written.append(path)
        composer.close()
        # The redaction editor with an area marked and the keyboard frame showing.
        from PySide6.QtCore import Qt
        from PySide6.QtTest import QTest

        from core.composer.redaction import Rect
        from core.demo.support import poster_png
        from gui.composer.redaction_dialog import RedactionDialog

        redaction = RedactionDialog(poster_png(), "matsuri.png", [Rect(40, 40, 160, 120)])
        redaction.resize(900, 680)
        redaction.show()
        QTest.keyClick(redaction.canvas, Qt.Key.Key_Right)
        QApplication.processEvents()
        path = args.out / "15-redaction.png"
        redaction.grab().save(str(path))
        written.append(path)
        redaction.close()
        from core.services.accounts import list_accounts
        from gui.screens.drafts import NewDraftDialog

        new_draft = NewDraftDialog([a for a in list_accounts(env.store) if a.status.value == "active"][:4])
        new_draft.show()
        QApplication.processEvents()
        path = args.out / "16-new-draft.png"
        new_draft.grab().save(str(path))
        written.append(path)
        new_draft.close()
        wizard = SetupWizard(env.store, current_login(), env.terminal.uid)
        wizard.resize(720, 520)
        wizard.show()
        QApplication.processEvents()
        path = args.out / "07-setup-wizard.png"
        wizard.grab().save(str(path))
        written.append(path)
        from gui.main_window import MainWindow

        unknown = MainWindow(env.paths)
        unknown.show_page(UnknownUserPage("stranger", "見本市 (デモ)", retry=lambda: None))
        unknown.resize(1280, 760)
        unknown.show()
        QApplication.processEvents()
        path = args.out / "08-not-registered.png"
        unknown.grab().save(str(path))
        written.append(path)
        for widget in (window, wizard, unknown):
            widget.close()
        env.close()
    for path in written:
        print(path)
    return 0


def guided_start(out: Path, lang: str) -> Path:
    """はじめに for a new organization (the set-up wizard just done), as the manual shows it."""
    from PySide6.QtWidgets import QApplication

    from core.i18n import set_language
    from core.organization.identity import current_login
    from core.runtime.bootstrap import open_environment
    from core.services.setup import OrganizationSetup, initialize
    from gui.application import application, main_window_for
    from gui.i18n import install_translations
    from gui.tasks import wait_for_tasks

    with tempfile.TemporaryDirectory() as tmp:
        app = application()
        set_language(lang)
        install_translations(app, lang, Path(tmp) / "cache")
        env = open_environment(tmp)
        setup = OrganizationSetup(name="見本市", admin_display_name="管理 一郎", admin_department="秘書広報課")
        admin = initialize(env.store, setup, login=current_login(), terminal=env.terminal.uid)
        window = main_window_for(env, admin)
        window.show()
        dialog = window.open_guided_start()
        assert dialog is not None
        for _ in range(3):
            wait_for_tasks()
            QApplication.processEvents()
        path = out / "00-guided-start.png"
        dialog.grab().save(str(path))
        dialog.close()
        window.close()
        wait_for_tasks()
        env.close()
    return path


def templates_and_groups(out: Path, lang: str) -> list[Path]:
    """設定 → 定型文 with the starter set, the picker filled in, and one message's variants for three accounts."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from core.demo.data import fill_demo
    from core.i18n import set_language
    from core.organization.identity import current_login
    from core.runtime.bootstrap import open_environment
    from core.services.accounts import list_accounts
    from core.services.staff import actor_for, find_by_login
    from core.services.templates import TemplateService
    from core.templates.placeholders import Placeholder
    from gui.application import application, main_window_for
    from gui.groups.compose_dialog import GroupComposeDialog
    from gui.i18n import install_translations
    from gui.session import AppSession
    from gui.tasks import wait_for_tasks
    from gui.templates.picker import TemplatePickerDialog

    def settle() -> None:
        for _ in range(3):
            wait_for_tasks()
            QApplication.processEvents()

    written: list[Path] = []
    with tempfile.TemporaryDirectory() as tmp:
        app = application()
        set_language(lang)
        install_translations(app, lang, Path(tmp) / "cache")
        env = open_environment(tmp)
        fill_demo(env)
        me = find_by_login(env.store, current_login())
        assert me is not None
        window = main_window_for(env, me.id)
        TemplateService(env.store, window.session.actor).add_starters()  # type: ignore[union-attr]
        window.resize(1280, 760)
        window.show()
        window.show_screen(5)
        settings = window.screen_at(5)
        settings.show_tab(settings.templates)  # type: ignore[attr-defined]
        settings.templates.table.selectRow(3)  # type: ignore[attr-defined]
        settle()
        written.append(out / "19-settings-templates.png")
        window.grab().save(str(written[-1]))

        actor = actor_for(env.store, "demo.sato", env.terminal.uid)
        assert actor is not None
        operator = AppSession(env, actor)
        from dataclasses import replace

        from core.services.templates import drafting_inputs

        accounts = tuple(
            a for a in list_accounts(env.store) if a.handle in ("@josokoiki.koho", "@mihon-city", "mihon.city")
        )
        inputs = replace(drafting_inputs(env.store, templates=True), accounts=accounts)
        picker = TemplatePickerDialog(operator, inputs)
        picker.show()
        for row in range(picker.templates.count()):
            if picker.templates.item(row).text().endswith("避難所の開設"):
                picker.templates.setCurrentRow(row)
        sample = {
            Placeholder.DATE: "12月1日(火)",
            Placeholder.TIME: "午前10時",
            Placeholder.PLACE: "市民体育館",
            Placeholder.URL: "https://www.city.mihon.lg.jp/bousai/",
            Placeholder.DEPARTMENT: "危機管理課",
        }
        for placeholder, edit in picker.inputs.items():
            edit.setText(sample.get(placeholder, ""))
        settle()
        written.append(out / "20-template-picker.png")
        picker.grab().save(str(written[-1]))
        picker.close()

        group = GroupComposeDialog(operator, inputs)
        group.show()
        group.title.setText("市民まつり")
        group.text.setPlainText(
            "【お知らせ】市民まつりを11月3日に中央公園で開催します。"
            "詳しくは https://www.city.mihon.lg.jp/matsuri をご覧ください。"
        )
        for row in range(group.account_list.count()):
            group.account_list.item(row).setCheckState(Qt.CheckState.Checked)
        group.make_variants()
        settle()
        group.tabs.setCurrentIndex(1)
        settle()
        written.append(out / "21-group-variants.png")
        group.grab().save(str(written[-1]))
        group.reject()
        window.close()
        wait_for_tasks()
        env.close()
    return written


if __name__ == "__main__":
    sys.exit(main())
