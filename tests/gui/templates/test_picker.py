"""The template picker: placeholders become a small form, the text and the checks follow, the draft records its
template."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from core.platforms.facts import Platform
from core.runtime.bootstrap import Environment
from core.services.accounts import list_accounts
from core.services.drafts import load_draft_detail
from core.services.staff import actor_for
from core.services.templates import TemplateService, drafting_inputs, origin_of_draft
from core.templates.model import TemplateContent
from core.templates.placeholders import Placeholder
from gui.session import AppSession
from gui.templates.picker import TemplatePickerDialog
from tests.support.gui import wait_for_operations
from tests.support.keyboard import clashes


def _session(env: Environment, login: str) -> AppSession:
    actor = actor_for(env.store, login, env.terminal.uid)
    assert actor is not None
    return AppSession(env, actor)


def _picker(qtbot: QtBot, demo_env: Environment) -> TemplatePickerDialog:
    admin = _session(demo_env, "demo.watanabe")
    TemplateService(demo_env.store, admin.actor).add_starters()
    operator = _session(demo_env, "demo.sato")
    inputs = drafting_inputs(demo_env.store, templates=True)
    accounts = tuple(a for a in list_accounts(demo_env.store) if a.handle in ("@josokoiki.koho", "@mihon-city"))
    dialog = TemplatePickerDialog(operator, replace(inputs, accounts=accounts))
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def _choose(dialog: TemplatePickerDialog, name: str) -> None:
    for row in range(dialog.templates.count()):
        if dialog.templates.item(row).text().endswith(name):
            dialog.templates.setCurrentRow(row)
            return
    raise AssertionError(name)


VALUES = {
    Placeholder.PLACE: "市民体育館",
    Placeholder.SUBJECT: "設備点検",
    Placeholder.DATE: "12月1日(火)",
    Placeholder.URL: "https://www.city.mihon.lg.jp/kyukan",
    Placeholder.DEPARTMENT: "秘書広報課",
}


def test_filling_the_form_makes_the_draft_and_records_the_template(qtbot: QtBot, demo_env: Environment) -> None:
    dialog = _picker(qtbot, demo_env)
    _choose(dialog, "施設の臨時休館")
    assert set(dialog.inputs) == set(VALUES)
    assert not dialog.create_button.isEnabled()  # nothing filled yet
    for placeholder, value in VALUES.items():
        if placeholder is not Placeholder.DEPARTMENT:
            dialog.inputs[placeholder].setText(value)
    assert not dialog.create_button.isEnabled()  # one placeholder left unfilled
    assert "Department" in dialog.findings.text()
    dialog.inputs[Placeholder.DEPARTMENT].setText("秘書広報課")
    assert dialog.create_button.isEnabled()
    assert "市民体育館は、設備点検のため12月1日(火)は臨時休館します" in dialog.text_preview.toPlainText()
    assert "No findings" in dialog.findings.text()
    assert clashes(dialog) == {}
    hint = dialog.minimumSizeHint()  # usable at 1366×768 less a task bar and a title bar
    assert hint.width() <= 1366
    assert hint.height() <= 698
    dialog.grab().save(str(Path("/tmp/kohogate_template_picker.png")))
    dialog.create_button.click()
    wait_for_operations(qtbot, lambda: dialog.draft_id is not None)
    assert dialog.draft_id is not None
    detail = load_draft_detail(demo_env.store, dialog.draft_id)
    assert detail.title == "市民体育館 臨時休館のお知らせ"
    origin = origin_of_draft(demo_env.store, dialog.draft_id)
    assert origin is not None
    assert origin.name == "施設の臨時休館"


def test_a_filled_value_breaking_a_rule_is_reported(qtbot: QtBot, demo_env: Environment) -> None:
    dialog = _picker(qtbot, demo_env)
    _choose(dialog, "施設の臨時休館")
    for placeholder, value in VALUES.items():
        dialog.inputs[placeholder].setText(value)
    dialog.inputs[Placeholder.URL].setText("https://bit.ly/3xYz")
    assert "bit.ly" in dialog.findings.text()
    assert "wako:5-ア" in dialog.findings.text()


def test_templates_follow_the_chosen_account(qtbot: QtBot, demo_env: Environment) -> None:
    admin = _session(demo_env, "demo.watanabe")
    TemplateService(demo_env.store, admin.actor).create(
        TemplateContent("LINEだけ", "{date}", "{date}のお知らせです。", platforms=(Platform.LINE,))
    )
    dialog = _picker(qtbot, demo_env)

    def names() -> list[str]:
        return [dialog.templates.item(r).text() for r in range(dialog.templates.count())]

    dialog.account.setCurrentIndex(dialog.account.findText("@josokoiki.koho", Qt.MatchFlag.MatchContains))
    assert not any(n.endswith("LINEだけ") for n in names())
    dialog.account.setCurrentIndex(dialog.account.findText("@mihon-city", Qt.MatchFlag.MatchContains))
    assert any(n.endswith("LINEだけ") for n in names())
