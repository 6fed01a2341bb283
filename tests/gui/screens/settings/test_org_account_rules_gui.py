"""設定 → 団体: the account ID rule with its example helper and the password change interval."""

from __future__ import annotations

import json

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import update

from core.services.audit_log import query_audit
from core.services.organization import AccountRules, load_account_rules, load_profile
from core.services.staff import find_by_login
from core.storage.models import Organization
from gui.main_window import MainWindow
from gui.messages import Kind
from gui.screens.settings.screen import SettingsScreen
from tests.support.gui import MessageRecorder, screen_of, settle, wait_for_operations

RULE = r"@josokoiki\.[a-z]+"


def _settings(window: MainWindow) -> SettingsScreen:
    window.show_screen(5)
    screen = screen_of(window, 5)
    assert isinstance(screen, SettingsScreen)
    screen.tabs.setCurrentIndex(0)
    return screen


def _label_for(screen: SettingsScreen, widget: QWidget) -> QLabel:
    return next(label for label in screen.findChildren(QLabel) if label.buddy() is widget)


def _save(qtbot: QtBot, screen: SettingsScreen) -> None:
    """Click Save and wait for the save to come back (it runs off the UI thread)."""
    screen.save_profile_button.click()
    wait_for_operations(qtbot, lambda: not screen.saving_profile)


def _asked(messages: MessageRecorder) -> list[str]:
    return [m.text for m in messages.of(Kind.ASK)]


def test_fields_are_labelled_with_mnemonics_and_named(window: MainWindow, qtbot: QtBot) -> None:
    screen = _settings(window)
    window.activateWindow()
    qtbot.waitActive(window)
    for widget, text, key in (
        (screen.id_pattern, "Account &ID rule:", Qt.Key.Key_I),
        (screen.sample_id, "E&xample ID:", Qt.Key.Key_X),
        (screen.rotation_days, "Password change in&terval:", Qt.Key.Key_T),
    ):
        assert _label_for(screen, widget).text() == text
        assert widget.accessibleName()
        qtbot.keyClick(window.focusWidget() or window, key, Qt.KeyboardModifier.AltModifier)
        assert widget.hasFocus()
    assert screen.rotation_days.suffix() == " days"
    assert (screen.rotation_days.minimum(), screen.rotation_days.maximum()) == (7, 730)
    assert screen.id_pattern.text() == ""
    assert screen.rotation_days.value() == 180


def test_the_example_id_shows_match_or_no_match(window: MainWindow, qtbot: QtBot) -> None:
    screen = _settings(window)
    assert "No rule" in screen.sample_result.text()
    qtbot.keyClicks(screen.id_pattern, RULE)
    qtbot.keyClicks(screen.sample_id, "@josokoiki.koho")
    assert screen.sample_result.text().startswith("✓")
    assert "follows the naming rule" in screen.sample_result.text()
    assert screen.sample_id.accessibleDescription() in screen.sample_result.text()
    screen.sample_id.setText("@mihon-city")
    assert screen.sample_result.text().startswith("✗")
    assert "does not follow the naming rule" in screen.sample_result.text()
    # The rule is tried as typed, before it is saved; a broken one says so instead of a verdict.
    screen.id_pattern.setText("@josokoiki\\.[a-z")
    assert "not a valid regular expression" in screen.sample_result.text()
    assert not screen.sample_result.text().startswith(("✓", "✗"))
    assert load_account_rules(window.session.store) == AccountRules(None, 180)


def test_administrator_saves_both_and_they_persist(window: MainWindow, qtbot: QtBot, messages: MessageRecorder) -> None:
    screen = _settings(window)
    store = window.session.store
    # The demo's LINE and Mastodon accounts do not follow the rule: the administrator is asked first.
    messages.answer(False)
    screen.id_pattern.setText(RULE)
    screen.rotation_days.setValue(90)
    qtbot.mouseClick(screen.save_profile_button, Qt.MouseButton.LeftButton)
    wait_for_operations(qtbot, lambda: not screen.saving_profile)
    asked = _asked(messages)
    assert "@mihon-city" in asked[0]
    assert "@josokoiki.koho" not in asked[0]
    assert load_account_rules(store) == AccountRules(None, 180)

    messages.answer(True)
    _save(qtbot, screen)
    assert len(_asked(messages)) == 2
    assert load_account_rules(store) == AccountRules(RULE, 90)
    entry = query_audit(store, limit=1)[0]
    assert entry.event == "organization.updated"
    payload = json.loads(entry.payload)
    assert payload["changes"] == {
        "account_id_pattern": {"from": None, "to": RULE},
        "rotation_interval_days": {"from": 180, "to": 90},
    }
    assert payload["accounts_outside_rule"]

    # Shown as stored after a refresh; saving unchanged values asks nothing and records nothing.
    screen.refresh()
    settle()
    assert screen.id_pattern.text() == RULE
    assert screen.rotation_days.value() == 90
    _save(qtbot, screen)
    assert len(_asked(messages)) == 2  # nothing more asked
    assert query_audit(store, limit=1)[0].seq == entry.seq

    # Emptying the field removes the rule; nothing is taken out of use, so nothing is asked.
    screen.id_pattern.clear()
    _save(qtbot, screen)
    assert len(_asked(messages)) == 2
    assert load_account_rules(store) == AccountRules(None, 90)


def test_an_invalid_rule_is_refused_with_the_service_message(
    window: MainWindow, qtbot: QtBot, messages: MessageRecorder
) -> None:
    screen = _settings(window)
    screen.id_pattern.setText("([")
    _save(qtbot, screen)
    errors = messages.of(Kind.ERROR)
    assert len(errors) == 1
    assert "not a valid regular expression" in errors[0].text
    assert screen.id_pattern.text() == "(["  # the edit stays to be corrected
    assert load_account_rules(window.session.store) == AccountRules(None, 180)


def test_saving_the_profile_leaves_untouched_rules_alone(window: MainWindow, qtbot: QtBot) -> None:
    store = window.session.store
    # An interval the spin box cannot show (0: reminders off, set outside the app) is shown clamped ...
    with store.write() as session:
        session.execute(update(Organization).values(rotation_interval_days=0))
    screen = _settings(window)
    screen.refresh()
    settle()
    assert screen.rotation_days.value() == 7
    # ... and saving a profile change does not quietly turn it into 7 days.
    screen.org_name.setText("見本市 (デモ) 改")
    _save(qtbot, screen)
    assert load_profile(store).name == "見本市 (デモ) 改"
    assert load_account_rules(store) == AccountRules(None, 0)
    changes = json.loads(query_audit(store, limit=1)[0].payload)["changes"]
    assert set(changes) == {"name"}


def test_read_only_for_non_administrators(window: MainWindow) -> None:
    screen = _settings(window)
    assert not screen.id_pattern.isReadOnly()
    assert not screen.rotation_days.isReadOnly()
    sato = find_by_login(window.session.store, "demo.sato")
    assert sato is not None
    window.session.switch_to(sato.id)
    assert screen.id_pattern.isReadOnly()
    assert screen.rotation_days.isReadOnly()
    assert not screen.save_profile_button.isEnabled()
    # Trying an ID changes nothing, so anyone may.
    screen.sample_id.setText("@josokoiki.koho")
    assert not screen.sample_id.isReadOnly()
