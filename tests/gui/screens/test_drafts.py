"""The draft list's filters (account, state, author, date updated) and its Title/Text sorting, over demo data.

Demo data: 佐藤 花子 wrote six drafts and 田中 健 two, all updated while the
fixture ran. Tests that need dates move ``updated_at`` in the database.
Every expected count differs from the unfiltered eight, so a filter that
were ignored fails the test.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QLabel, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import update

from core.services.drafts import local_days
from core.services.staff import find_by_login
from core.storage.models import Draft
from gui.changes import Changes, announce
from gui.main_window import MainWindow
from gui.screens.drafts import MINE, DraftsScreen
from gui.widgets.date_range import CUSTOM_RANGE
from tests.support.gui import screen_of, settle

ALL = 9  # eight example drafts and the notice post of the withdrawn Mastodon account


@pytest.fixture
def screen(window: MainWindow) -> DraftsScreen:
    drafts = screen_of(window, 0)
    assert isinstance(drafts, DraftsScreen)
    settle()
    assert drafts.model.rowCount() == ALL
    return drafts


@pytest.fixture
def tokyo() -> Iterator[None]:
    """Local time UTC+9, so a local day and a UTC day differ (a POSIX rule: no tz database needed)."""
    previous = os.environ.get("TZ")
    os.environ["TZ"] = "JST-9"
    time.tzset()
    yield
    if previous is None:
        os.environ.pop("TZ", None)
    else:
        os.environ["TZ"] = previous
    time.tzset()


def shown(screen: DraftsScreen) -> list[int]:
    """Ids of the listed drafts, loading every page."""
    settle()
    while screen.model.canFetchMore():
        screen.model.fetchMore()
        settle()
    return [screen.model.row(row).id for row in range(screen.model.rowCount())]


def ids_by_title(screen: DraftsScreen) -> dict[str, int]:
    return {screen.model.row(row).title: screen.model.row(row).id for row in range(screen.model.rowCount())}


def staff_id(screen: DraftsScreen, login: str) -> int:
    info = find_by_login(screen.session.store, login)
    assert info is not None
    return info.id


def set_updated(screen: DraftsScreen, moves: dict[int, datetime]) -> None:
    with screen.session.store.write() as db:
        for draft_id, when in moves.items():
            db.execute(update(Draft).where(Draft.id == draft_id).values(updated_at=when))
    announce(Changes(drafts=frozenset(moves)))  # as after a change from another workstation
    settle()


def local(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime(day.year, day.month, day.day, hour, minute).astimezone(UTC)


def choose(combo_owner: DraftsScreen, attribute: str, data: object) -> None:
    combo = getattr(combo_owner, attribute)
    index = combo.findData(data)
    assert index >= 0, (attribute, data)
    combo.setCurrentIndex(index)
    settle()


def custom_range(qtbot: QtBot, screen: DraftsScreen, first: date, last: date, expected: int) -> None:
    choose(screen, "period", CUSTOM_RANGE)
    assert screen.date_from.isEnabled()
    assert screen.date_to.isEnabled()
    screen.date_from.setDate(QDate(first.year, first.month, first.day))
    screen.date_to.setDate(QDate(last.year, last.month, last.day))
    # Typed dates are applied after a pause, once, not per keystroke.
    qtbot.waitUntil(lambda: screen.model.total == expected, timeout=3000)


def test_author_filter_offers_the_authors_and_narrows_to_one(screen: DraftsScreen) -> None:
    items = [screen.author_filter.itemText(i) for i in range(screen.author_filter.count())]
    assert items[:2] == ["All authors", "My drafts"]
    # Supervisors who wrote nothing are not offered; the administrator started the withdrawal notice.
    assert sorted(items[2:]) == sorted(["佐藤 花子", "田中 健", "デモ 管理者"])
    tanaka = staff_id(screen, "demo.tanaka")
    choose(screen, "author_filter", tanaka)
    assert screen.model.total == 2
    assert {screen.model.row(r).author for r in range(screen.model.rowCount())} == {"田中 健"}
    assert screen.count_label.text() == "2 drafts"
    choose(screen, "author_filter", staff_id(screen, "demo.sato"))
    assert screen.model.total == 6
    assert {screen.model.row(r).author for r in range(screen.model.rowCount())} == {"佐藤 花子"}
    choose(screen, "author_filter", None)
    assert screen.model.total == ALL


def test_my_drafts_follows_the_person_acting(screen: DraftsScreen, window: MainWindow) -> None:
    choose(screen, "author_filter", MINE)
    assert screen.model.total == 1  # the demo administrator wrote only the withdrawal notice
    window.session.switch_to(staff_id(screen, "demo.sato"))
    settle()
    assert screen.author_filter.currentData() == MINE
    assert screen.model.total == 6
    window.session.switch_to(staff_id(screen, "demo.tanaka"))
    settle()
    assert screen.model.total == 2


def test_custom_range_covers_whole_local_days(qtbot: QtBot, screen: DraftsScreen, tokyo: None) -> None:
    titles = ids_by_title(screen)
    day = date(2020, 3, 10)
    set_updated(
        screen,
        {
            titles["市民まつり"]: local(day, 0, 30),  # 2020-03-09 15:30 UTC: the previous UTC day
            titles["図書館休館"]: local(day, 23, 30),
            titles["ごみ収集日"]: local(day + timedelta(days=1), 0, 10),
            titles["セール"]: local(day - timedelta(days=1), 23, 50),
        },
    )
    custom_range(qtbot, screen, day, day, 2)
    assert sorted(shown(screen)) == sorted([titles["市民まつり"], titles["図書館休館"]])
    custom_range(qtbot, screen, day - timedelta(days=1), day, 3)
    assert titles["セール"] in shown(screen)
    custom_range(qtbot, screen, day + timedelta(days=1), day + timedelta(days=1), 1)
    assert shown(screen) == [titles["ごみ収集日"]]
    # A range typed back to front means the same days.
    custom_range(qtbot, screen, day, day - timedelta(days=1), 3)


def test_preset_periods_end_today(screen: DraftsScreen) -> None:
    titles = ids_by_title(screen)
    now = datetime.now(UTC)
    set_updated(
        screen,
        {
            titles["図書館休館"]: now - timedelta(days=3),
            titles["市民まつり"]: now - timedelta(days=10),
            titles["セール"]: now - timedelta(days=40),
        },
    )
    expected = {"Today": ALL - 3, "Last 7 days": ALL - 2, "Last 30 days": ALL - 1, "Any time": ALL}
    for text, total in expected.items():
        screen.period.setCurrentIndex(screen.period.findText(text))
        settle()
        assert screen.model.total == total, text
        assert not screen.date_from.isEnabled()
    screen.period.setCurrentIndex(screen.period.findText("Last 7 days"))
    today = date.today()
    assert screen.date_to.date() == QDate(today.year, today.month, today.day)
    assert screen.date_from.date() == screen.date_to.date().addDays(-6)
    screen.period.setCurrentIndex(screen.period.findText("Today"))
    settle()
    assert titles["図書館休館"] not in shown(screen)


def test_account_state_author_and_date_combine(qtbot: QtBot, screen: DraftsScreen) -> None:
    titles = ids_by_title(screen)
    day = date(2021, 6, 1)
    # Two of 佐藤's drafts on @josokoiki.koho and one of 田中's on that day; everything else today.
    set_updated(
        screen,
        {
            titles["市民まつり"]: local(day, 12),
            titles["ごみ収集日"]: local(day, 12),
            titles["強風注意"]: local(day, 12),
        },
    )
    choose(screen, "author_filter", staff_id(screen, "demo.sato"))
    assert screen.model.total == 6
    custom_range(qtbot, screen, day, day, 2)
    assert sorted(shown(screen)) == sorted([titles["市民まつり"], titles["ごみ収集日"]])
    choose(screen, "state_filter", "returned")
    assert shown(screen) == [titles["ごみ収集日"]]
    choose(screen, "state_filter", None)
    choose(screen, "author_filter", None)
    assert screen.model.total == 3
    account = screen.account_filter.findText("@josokoiki.bousai (X)")
    screen.account_filter.setCurrentIndex(account)
    settle()
    assert shown(screen) == [titles["強風注意"]]


def test_clear_filters_shows_every_draft_again(qtbot: QtBot, screen: DraftsScreen) -> None:
    assert not screen.clear_button.isEnabled()
    choose(screen, "author_filter", staff_id(screen, "demo.tanaka"))
    choose(screen, "state_filter", "submitted")
    custom_range(qtbot, screen, date(2001, 1, 1), date(2001, 1, 2), 0)
    assert screen.clear_button.isEnabled()
    screen.clear_button.click()
    settle()
    assert screen.model.total == ALL
    assert screen.author_filter.currentIndex() == screen.state_filter.currentIndex() == 0
    assert screen.period.currentIndex() == 0
    assert not screen.date_from.isEnabled()
    assert not screen.clear_button.isEnabled()


def test_filters_page_lazily(screen: DraftsScreen) -> None:
    screen.model.page_size = 2
    choose(screen, "author_filter", staff_id(screen, "demo.sato"))
    assert screen.model.total == 6
    assert screen.model.rowCount() == 2  # only the first page is loaded
    assert screen.model.canFetchMore()
    rows = shown(screen)
    assert len(rows) == len(set(rows)) == 6
    assert {screen.model.row(r).author for r in range(6)} == {"佐藤 花子"}
    assert not screen.model.canFetchMore()


def test_selection_is_kept_while_the_draft_still_matches(screen: DraftsScreen) -> None:
    titles = ids_by_title(screen)
    target = titles["図書館休館"]  # 佐藤's
    screen.table.selectRow(next(r for r in range(ALL) if screen.model.row(r).id == target))
    choose(screen, "author_filter", staff_id(screen, "demo.sato"))
    [selected] = screen.table.selectionModel().selectedRows()
    assert screen.model.row(selected.row()).id == target
    assert screen.open_button.isEnabled()
    choose(screen, "author_filter", staff_id(screen, "demo.tanaka"))
    assert screen.table.selectionModel().selectedRows() == []
    assert not screen.open_button.isEnabled()


@pytest.mark.parametrize(("column", "field"), [(3, "title"), (4, "excerpt")])
def test_title_and_text_columns_sort(screen: DraftsScreen, column: int, field: str) -> None:
    screen.table.sortByColumn(column, Qt.SortOrder.AscendingOrder)
    settle()
    values = [getattr(screen.model.row(r), field) for r in range(ALL)]
    assert values == sorted(values)
    assert screen.model.sort_key == ("title" if field == "title" else "text")
    screen.table.sortByColumn(column, Qt.SortOrder.DescendingOrder)
    settle()
    assert [getattr(screen.model.row(r), field) for r in range(ALL)] == sorted(values, reverse=True)
    # Sorting and filtering together: the author's drafts, still in order.
    choose(screen, "author_filter", staff_id(screen, "demo.tanaka"))
    narrowed = [getattr(screen.model.row(r), field) for r in range(screen.model.rowCount())]
    assert len(narrowed) == 2
    assert narrowed == sorted(narrowed, reverse=True)


def test_every_filter_has_a_mnemonic_label_an_accessible_name_and_reading_tab_order(screen: DraftsScreen) -> None:
    controls: list[QWidget] = [
        screen.account_filter,
        screen.state_filter,
        screen.author_filter,
        screen.search,
        screen.period,
        screen.date_from,
        screen.date_to,
    ]
    labels = {label.buddy(): label.text() for label in screen.findChildren(QLabel) if label.buddy() is not None}
    keys = []
    for control in controls:
        assert control.accessibleName(), control
        text = labels[control]
        assert "&" in text, text
        keys.append(text[text.index("&") + 1].lower())
    keys += ["l", "n", "o"]  # Clear filters, New draft, Open
    assert len(keys) == len(set(keys)), keys
    order = [*controls, screen.clear_button, screen.table, screen.new_button, screen.open_button]
    seen: list[QWidget] = []
    widget = order[0]
    while True:
        if widget in order and widget not in seen:
            seen.append(widget)
        widget = widget.nextInFocusChain()
        if widget is order[0]:
            break
    assert seen == order


def test_local_days_are_converted_at_local_midnight(tokyo: None) -> None:
    start, end = local_days(date(2020, 3, 10), date(2020, 3, 11))
    assert start == datetime(2020, 3, 9, 15, tzinfo=UTC)
    assert end == datetime(2020, 3, 11, 15, tzinfo=UTC)
    assert local_days(date(2020, 3, 11), date(2020, 3, 10)) == (start, end)
    assert local_days(None, date(2020, 3, 10)) == (None, datetime(2020, 3, 10, 15, tzinfo=UTC))
    assert local_days(None, None) == (None, None)


def test_the_template_picker_and_the_group_dialog_open_on_what_was_read_off_the_ui_thread(
    screen: DraftsScreen, qtbot: QtBot
) -> None:
    """定型文 and 一括作成 read the accounts (and the library) on a worker, then open on that."""
    from gui.groups.compose_dialog import GroupComposeDialog
    from gui.templates.picker import TemplatePickerDialog

    screen.new_from_template()
    assert not screen.findChildren(TemplatePickerDialog)  # nothing is built before the read is back
    qtbot.waitUntil(lambda: bool(screen.findChildren(TemplatePickerDialog)), timeout=20_000)
    (picker,) = screen.findChildren(TemplatePickerDialog)
    assert picker.isVisible()
    assert picker.account.count() > 0  # the draftable accounts of the demo organization
    picker.reject()
    screen.compose_group()
    qtbot.waitUntil(lambda: bool(screen.findChildren(GroupComposeDialog)), timeout=20_000)
    (group,) = screen.findChildren(GroupComposeDialog)
    assert group.isVisible()
    assert {a.id for a in group.accounts} == {a.id for a in picker.accounts}
    group.reject()
