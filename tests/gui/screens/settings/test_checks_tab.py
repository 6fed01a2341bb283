"""設定 → チェック項目: administrators change the checks; changes are audited and take effect."""

from __future__ import annotations

import json

import pytest
from pytestqt.qtbot import QtBot

from core.checks import CheckConfig, DraftInput, Platform, Severity, run_checks
from core.i18n import current_language
from core.organization.identity import current_login
from core.runtime.bootstrap import Environment
from core.services.audit_log import query_audit
from core.services.organization import load_check_config, load_profile
from core.services.staff import actor_for, find_by_login
from gui.screens.settings.checks_tab import ChecksTab
from gui.session import AppSession
from tests.support.gui import settle, wait_for_operations


def _tab(qtbot: QtBot, env: Environment, login: str) -> ChecksTab:
    actor = actor_for(env.store, login, env.terminal.uid)
    assert actor is not None
    tab = ChecksTab(AppSession(env, actor))
    qtbot.addWidget(tab)
    tab.load()
    settle()
    return tab


def _select(tab: ChecksTab, rule_id: str) -> None:
    row = next(i for i in range(tab.model.rowCount()) if tab.model.row(i).id == rule_id)
    tab.table.selectRow(row)


def test_every_rule_is_listed_with_its_clause(qtbot: QtBot, demo_env: Environment) -> None:
    tab = _tab(qtbot, demo_env, current_login())
    ids = {tab.model.row(i).id for i in range(tab.model.rowCount())}
    assert {"link.shortener", "link.third_party", "pii.mynumber", "media.alt_missing"} <= ids
    shortener = next(tab.model.row(i) for i in range(tab.model.rowCount()) if tab.model.row(i).id == "link.shortener")
    assert "wako:5-ア" in shortener.clauses
    _select(tab, "link.shortener")
    assert "wako:5-ア" in tab.rule_title.text()
    assert shortener.title("ja") == "URL短縮サービス"
    assert shortener.title("en") == "URL shortener"
    title = shortener.title(current_language())
    assert title in tab.rule_title.text()
    assert "link.shortener" in tab.rule_title.text()
    # Administrators read the table by name, not by rule id.
    row = next(i for i in range(tab.model.rowCount()) if tab.model.row(i).id == "link.shortener")
    assert tab.model.index(row, 0).data() == title


def test_administrator_changes_are_saved_audited_and_used(qtbot: QtBot, demo_env: Environment) -> None:
    tab = _tab(qtbot, demo_env, current_login())
    _select(tab, "link.third_party")
    tab.severity.setCurrentIndex(tab.severity.findData("warn"))
    tab.severity.activated.emit(tab.severity.currentIndex())
    _select(tab, "content.dm_request")
    tab.enabled.click()
    tab.category.setCurrentIndex(tab.category.findData("political"))
    tab.words.setPlainText(tab.words.toPlainText() + "\n見本党")
    assert tab.dirty
    assert tab.save_button.isEnabled()
    tab.save()
    assert tab.saving  # off the UI thread
    wait_for_operations(qtbot, lambda: not tab.saving)
    assert "saved" in tab.status.text()
    stored = CheckConfig.from_json(load_check_config(demo_env.store))
    assert stored.severity_overrides["link.third_party"] is Severity.WARN
    assert not stored.is_enabled("content.dm_request")
    assert "見本党" in stored.lexicon_added["political"]
    entry = query_audit(demo_env.store, limit=1)[0]
    assert entry.event == "checks.configured"
    assert json.loads(entry.payload)["to"]["severity"] == {"link.third_party": "warn"}
    result = run_checks(
        DraftInput(text="詳しくは https://example.com/ と見本党 DMでどうぞ", platform=Platform.X),
        load_profile(demo_env.store),
        stored,
    )
    by_rule = {f.rule_id: f.severity for f in result.findings}
    assert by_rule["link.third_party"] is Severity.WARN
    assert "content.lexicon.political" in by_rule
    assert "content.dm_request" not in by_rule
    assert not tab.dirty


def test_operators_see_the_checks_read_only(qtbot: QtBot, demo_env: Environment) -> None:
    tab = _tab(qtbot, demo_env, "demo.sato")
    _select(tab, "link.shortener")
    assert not tab.severity.isEnabled()
    assert tab.words.isReadOnly()
    assert not tab.save_button.isEnabled()


def test_invalid_settings_are_refused_by_the_service(demo_env: Environment) -> None:
    from core.errors import InvalidInput
    from core.services.organization import OrganizationService

    me = find_by_login(demo_env.store, current_login())
    assert me is not None
    admin = actor_for(demo_env.store, current_login(), "t")
    assert admin is not None
    with pytest.raises(InvalidInput):
        OrganizationService(demo_env.store, admin).set_check_config({"severity": {"link.shortener": "maybe"}})
