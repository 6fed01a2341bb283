"""Person-name findings carried through edits until the analyser answers for the new text, off the UI thread."""

from __future__ import annotations

import threading
from collections.abc import Sequence

import pytest
from pytestqt.qtbot import QtBot

from core.checks.config import CheckConfig
from core.checks.model import Finding, Severity
from core.composer.submission import GateStatus
from core.organization.profile import OrganizationProfile
from core.platforms.facts import Platform
from gui.composer import checker as checker_module
from gui.composer.checker import LiveChecker, carried

OLD = "".join(f"{n}行目 担当は山田太郎さんです。\n" for n in range(1, 30))


def names_in(text: str) -> list[Finding]:
    found = []
    start = text.find("山田太郎")
    while start != -1:
        found.append(Finding("person.name", Severity.CONFIRM, ("wako:5-ア",), "人名", "name", start, start + 4))
        start = text.find("山田太郎", start + 1)
    return found


def words(text: str, findings: tuple[Finding, ...]) -> list[str]:
    return [text[f.start or 0 : f.end or 0] for f in findings]


def test_enter_at_the_top_moves_every_name_instead_of_dropping_them() -> None:
    new = "\n" + OLD
    kept = carried(names_in(OLD), OLD, new)
    assert [f.start for f in kept] == [f.start for f in names_in(new)]
    assert words(new, kept) == ["山田太郎"] * 29


def test_a_paste_in_the_middle_keeps_the_names_before_and_moves_those_after() -> None:
    cut = OLD.index("15行目")
    new = OLD[:cut] + "【追記】会場は中央公園です。\n" + OLD[cut:]
    assert [f.start for f in carried(names_in(OLD), OLD, new)] == [f.start for f in names_in(new)]


def test_a_deleted_line_takes_its_name_with_it() -> None:
    start = OLD.index("7行目")
    end = OLD.index("8行目")
    new = OLD[:start] + OLD[end:]
    kept = carried(names_in(OLD), OLD, new)
    assert len(kept) == 28
    assert [f.start for f in kept] == [f.start for f in names_in(new)]


def test_a_name_that_was_edited_is_dropped() -> None:
    at = OLD.index("山田太郎", OLD.index("10行目"))
    new = OLD[: at + 1] + "中" + OLD[at + 2 :]  # 山田太郎 → 山中太郎
    kept = carried(names_in(OLD), OLD, new)
    assert len(kept) == 28
    assert words(new, kept) == ["山田太郎"] * 28


def test_two_edits_apart_keep_the_names_between_them_where_their_words_are() -> None:
    cut = OLD.index("20行目")
    new = "\n" + OLD[:cut] + "x" + OLD[cut:]
    kept = carried(names_in(OLD), OLD, new)
    assert words(new, kept) == ["山田太郎"] * len(kept)
    assert len(kept) >= 28 - 18  # those after the second edit at least; none misplaced


def test_the_names_are_carried_into_the_edited_text_on_a_worker_not_the_ui_thread(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = [OLD]
    checker = LiveChecker(
        OrganizationProfile(name="見本市", own_domains=("city.mihon.lg.jp",)),
        CheckConfig(),
        Platform.X,
        lambda: (text[0], (), {}, ()),
    )
    results: list[GateStatus] = []
    checker.checked.connect(results.append)
    checker.run_now()
    qtbot.waitUntil(lambda: not checker.pending and not checker._gate_running, timeout=20_000)
    carried_on: list[bool] = []

    def recording(findings: Sequence[Finding], old: str, new: str) -> tuple[Finding, ...]:
        carried_on.append(threading.current_thread() is threading.main_thread())
        return carried(findings, old, new)

    monkeypatch.setattr(checker_module, "carried", recording)
    text[0] = "\n" + OLD
    checker.run_now()  # the analyser has not answered for the new text yet: its last names are carried
    qtbot.waitUntil(lambda: not checker.pending and not checker._gate_running, timeout=20_000)
    assert carried_on
    assert not any(carried_on)
    names = [r for r in results[-1].records if r.rule == "pii.person_name"]
    assert names
    assert all(("\n" + OLD)[r.start or 0 : r.end or 0] == "山田太郎" for r in names)
