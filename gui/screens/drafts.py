"""下書き: the list of drafts with filters; New draft and opening the composer.

The list model is lazy (pages fetched as the view scrolls, each after the
last row of the one before, sorted and filtered in the database, read off
the UI thread), so a million past drafts open as fast as ten. The
filters (account, state, author, date updated, text) only build a
:class:`DraftFilter`; what they mean is decided in :mod:`core.services.drafts`.
Enter or a double-click opens the composer (:mod:`gui.composer.window`),
imported on first use so that the main window starts without the checks
engine.
"""

from __future__ import annotations

from collections import Counter
from datetime import UTC, datetime
from itertools import pairwise
from typing import TYPE_CHECKING

from PySide6.QtCore import QDateTime, QModelIndex, QObject, Qt, QTimer
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from core.lifecycle.actions import new_draft_action
from core.lifecycle.states import ShownState
from core.platforms.facts import platform_label
from core.services.accounts import AccountInfo, draftable, draftable_accounts, list_accounts
from core.services.composer_view import ComposerView, read_composer
from core.services.drafts import (
    DraftAuthor,
    DraftCursor,
    DraftFilter,
    DraftRow,
    DraftService,
    DraftSort,
    count_drafts,
    draft_authors,
    draft_page,
    local_days,
)
from core.services.templates import DraftingInputs, drafting_inputs
from gui.changes import Changes, announce
from gui.i18n import translator
from gui.models.rows import Column, KeysetModel, Page
from gui.operations import Operation
from gui.screens.base import Screen
from gui.session import AppSession
from gui.widgets import palette
from gui.widgets.combos import refill
from gui.widgets.date_range import DateRangeFilter
from gui.widgets.plain import plain
from gui.widgets.table_view import make_table, selected_row

if TYPE_CHECKING:
    from gui.composer.window import ComposerWindow

tr = translator("DraftsScreen")

# Author filter entry that follows whoever is acting (the demo switcher changes it).
MINE = "mine"

STATE_COLOURS = {
    ShownState.SUBMITTED: "#1f5fbf",
    ShownState.RETURNED: palette.CONFIRM,
    ShownState.APPROVED: "#1b7a35",
    ShownState.SCHEDULED: "#1b7a35",
    ShownState.SENDING: "#1f5fbf",
    ShownState.NEEDS_CHECKING: palette.CONFIRM,
    ShownState.FAILED: palette.BLOCK,
    ShownState.REJECTED: "#a61b1b",
    ShownState.PUBLISHED: "#555555",
    ShownState.DELETED: "#555555",
}


def draft_columns() -> list[Column[DraftRow]]:
    return [
        Column(tr("No."), lambda r: r.id, "id"),
        Column(
            tr("State"),
            lambda r: r.shown_state.label,
            "state",
            foreground=lambda r: STATE_COLOURS.get(r.shown_state),
        ),
        Column(tr("Account"), lambda r: f"{r.account} ({platform_label(r.platform)})", "account"),
        Column(tr("Title"), lambda r: r.title, "title"),
        Column(tr("Text"), lambda r: r.excerpt, "text", tooltip=lambda r: r.excerpt),
        Column(tr("Author"), lambda r: r.author, "author"),
        Column(tr("Updated"), lambda r: r.updated_at, "updated_at"),
        Column(tr("Scheduled"), lambda r: r.scheduled_at, "scheduled_at"),
    ]


class DraftListModel(KeysetModel[DraftRow, DraftCursor]):
    def __init__(self, session: AppSession, parent: QObject | None = None) -> None:
        self.session = session
        self.filter = DraftFilter()
        super().__init__(draft_columns(), self._page, self._count, default_sort="updated_at", parent=parent)

    def _page(self, after: DraftCursor | None, limit: int, key: str, descending: bool) -> Page[DraftRow, DraftCursor]:
        # Runs on a worker: the filter is read once, here, not from the widgets.
        page = draft_page(self.session.store, self.filter, DraftSort(key, descending), after=after, limit=limit)
        return page.rows, page.next

    def _count(self) -> int:
        return count_drafts(self.session.store, self.filter)

    def set_filter(self, flt: DraftFilter) -> None:
        self.filter = flt
        self.reload()


class NewDraftDialog(QDialog):
    """Choose the official account (it fixes the platform), a title and optionally a time."""

    def __init__(self, accounts: list[AccountInfo], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("New draft"))
        self.account = QComboBox()
        self.account.setAccessibleName(tr("Official account"))
        for account in accounts:
            self.account.addItem(
                f"{account.display_name} — {account.handle} ({platform_label(account.platform)})", account.id
            )
        self.title = QLineEdit()
        self.title.setAccessibleName(tr("Title"))
        self.title.setMaxLength(200)
        self.scheduled = QCheckBox(tr("&Schedule for"))
        self.when = QDateTimeEdit(QDateTime.currentDateTime().addSecs(24 * 3600))
        self.when.setAccessibleName(tr("Scheduled time"))
        self.when.setCalendarPopup(True)
        self.when.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.when.setEnabled(False)
        self.scheduled.toggled.connect(self.when.setEnabled)
        form = QFormLayout(self)
        form.addRow(tr("&Account:"), self.account)
        form.addRow(tr("&Title:"), self.title)
        when_row = QHBoxLayout()
        when_row.addWidget(self.scheduled)
        when_row.addWidget(self.when, 1)
        form.addRow(tr("When:"), when_row)
        if not accounts:
            form.addRow(QLabel(tr("No account is ready for drafts. Ask an administrator to file one.")))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(accounts))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.resize(520, 200)

    def scheduled_at(self) -> datetime | None:
        if not self.scheduled.isChecked():
            return None
        local: datetime = self.when.dateTime().toPython()  # type: ignore[assignment]
        return local.astimezone(UTC)


class DraftsScreen(Screen):
    def __init__(self, session: AppSession, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        # Owned by the screen: a page read after the screen closed is dropped, not shown in a deleted view.
        self.model = DraftListModel(session, self)
        self.table = make_table(self.model, tr("Drafts"), self, stretch_column=4)
        self.table.sortByColumn(6, Qt.SortOrder.DescendingOrder)
        # One row height for all: Qt then need not track a height per row of a million.
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.account_filter = QComboBox()
        self.account_filter.setAccessibleName(tr("Filter by account"))
        self.state_filter = QComboBox()
        self.state_filter.setAccessibleName(tr("Filter by state"))
        self.state_filter.addItem(tr("All states"), None)
        for state in ShownState:
            self.state_filter.addItem(state.label, state.value)
        self.author_filter = QComboBox()
        self.author_filter.setAccessibleName(tr("Filter by author"))
        self.search = QLineEdit()
        self.search.setPlaceholderText(tr("Title, text or account…"))
        self.search.setAccessibleName(tr("Search title, text and account"))
        self.search.setClearButtonEnabled(True)
        self.dates = DateRangeFilter(tr("Filter by date updated"), tr("Updated from"), tr("Updated to"), self)
        self.period, self.date_from, self.date_to = self.dates.period, self.dates.date_from, self.dates.date_to
        self.clear_button = QPushButton(tr("C&lear filters"))
        self.count_label = QLabel()
        self.new_button = QPushButton(tr("&New draft"))
        self.new_button.setShortcut(QKeySequence.StandardKey.New)
        self.template_button, self.group_button = self._other_ways_to_start()
        self.open_button = QPushButton(tr("&Open"))
        self.open_button.setToolTip(tr("Enter or double-click opens the selected draft."))
        # Why 新しい下書き is disabled, where the person is looking (the tooltip says it too).
        self.why_label = plain(QLabel())
        self.why_label.setObjectName("newDraftReason")
        self.why_label.setWordWrap(True)
        self.why_label.setStyleSheet(f"color: {palette.CONFIRM}")
        self.usable_accounts = 0
        self._reveal_pending = False
        self.composers: dict[int, ComposerWindow] = {}
        self._opening: set[int] = set()  # drafts being read for a composer window

        # Two rows in a grid, so the captions line up and nothing is squeezed at 1280 pixels.
        filters = QGridLayout()
        rows: tuple[tuple[tuple[str, QWidget], ...], ...] = (
            (
                (tr("&Account:"), self.account_filter),
                (tr("&State:"), self.state_filter),
                (tr("Autho&r:"), self.author_filter),
                (tr("S&earch:"), self.search),
            ),
            (
                (tr("&Updated:"), self.period),
                (tr("Fro&m:"), self.date_from),
                (tr("&To:"), self.date_to),
            ),
        )
        for row, fields in enumerate(rows):
            for position, (label, widget) in enumerate(fields):
                caption = QLabel(label)
                caption.setBuddy(widget)
                filters.addWidget(caption, row, 2 * position)
                filters.addWidget(widget, row, 2 * position + 1)
        filters.addWidget(self.clear_button, 1, 7, Qt.AlignmentFlag.AlignRight)
        filters.setColumnStretch(7, 1)
        actions = QHBoxLayout()
        for button in (self.new_button, self.template_button, self.group_button, self.open_button):
            actions.addWidget(button)
        actions.addWidget(self.why_label, 1)
        actions.addStretch(0)
        actions.addWidget(self.count_label)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addLayout(actions)
        # Reading order: the filters row by row, then the list, then what to do with it.
        chain = [
            self.account_filter,
            self.state_filter,
            self.author_filter,
            self.search,
            self.period,
            self.date_from,
            self.date_to,
            self.clear_button,
            self.table,
            self.new_button,
            self.template_button,
            self.group_button,
            self.open_button,
        ]
        for before, after in pairwise(chain):
            QWidget.setTabOrder(before, after)

        self._connect()
        self.on_actor_changed()

    def _connect(self) -> None:
        self.model.loading_changed.connect(self._loaded)
        self.model.modelReset.connect(self._update_actions)
        self.model.counted.connect(self._show_count)
        self.model.failed.connect(self.count_label.setText)
        for combo in (self.account_filter, self.state_filter, self.author_filter):
            combo.currentIndexChanged.connect(self._filters_edited)
        self.dates.changed.connect(self._filters_edited)
        self.search.returnPressed.connect(self._filters_edited)
        # The clear button in the field (or deleting the text) shows everything again without Enter.
        self.search.textChanged.connect(
            lambda text: None if text or not self.model.filter.text else self._filters_edited()
        )
        self.clear_button.clicked.connect(self.clear_filters)
        self.new_button.clicked.connect(self._new_draft)
        self.open_button.clicked.connect(self._open_selected)
        self.table.activated.connect(self._open_index)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_actions())

    def concerned_by(self, changes: Changes) -> bool:
        return changes.any_draft or changes.accounts

    def refresh(self) -> None:
        """Re-read the filters' choices and the list, off the UI thread (an answer to an older refresh is dropped)."""
        store = self.session.store
        self.read(lambda: (list_accounts(store), draft_authors(store)), lambda read: self._refreshed(*read))
        # The list at once, with the filter it has: the choices are read meanwhile (one round trip, not two).
        self.model.reload()

    def _refreshed(self, accounts: list[AccountInfo], authors: list[DraftAuthor]) -> None:
        refill(
            self.account_filter,
            tr("All accounts"),
            [(f"{account.handle} ({platform_label(account.platform)})", account.id) for account in accounts],
        )
        self.usable_accounts = len(draftable(accounts))
        self._update_new_draft()
        names = Counter(author.display_name for author in authors)
        refill(
            self.author_filter,
            tr("All authors"),
            [(tr("My drafts"), MINE)]
            + [
                # Two people with the same name are told apart by their login.
                (
                    author.display_name
                    if names[author.display_name] == 1
                    else f"{author.display_name} ({author.login})",
                    author.id,
                )
                for author in authors
            ],
        )
        self._apply_filter(only_if_changed=True)

    def _show_count(self, *_: object) -> None:
        total = self.model.total
        if self.model.loading or total is None:
            self.count_label.setText(tr("Loading…"))
        else:
            self.count_label.setText(tr("{count} drafts").format(count=total))

    def clear_filters(self) -> None:
        """Back to every draft: one reload, not one per control."""
        for widget in (self.account_filter, self.state_filter, self.author_filter, self.search):
            widget.blockSignals(True)
        self.account_filter.setCurrentIndex(0)
        self.state_filter.setCurrentIndex(0)
        self.author_filter.setCurrentIndex(0)
        self.search.clear()
        self.dates.reset()
        for widget in (self.account_filter, self.state_filter, self.author_filter, self.search):
            widget.blockSignals(False)
        self._filters_edited()

    def _updated_range(self) -> tuple[datetime | None, datetime | None]:
        return local_days(*self.dates.days())

    def _filters_edited(self) -> None:
        self._reveal_pending = True
        self._apply_filter()

    def _loaded(self, loading: bool) -> None:
        self._show_count()
        if not loading and self._reveal_pending:
            self._reveal_pending = False
            # The view restores the old scroll offset after a reset, which means nothing in a different
            # list; show the kept selection instead, or the top. Queued to run after that restore.
            QTimer.singleShot(0, self.table, self._reveal_selection)

    def _reveal_selection(self) -> None:
        row = selected_row(self.table)
        if row is None:
            self.table.scrollToTop()
        else:
            self.table.scrollTo(self.model.index(row, 0))

    def _apply_filter(self, *, only_if_changed: bool = False) -> None:
        state = self.state_filter.currentData()
        author = self.author_filter.currentData()
        updated_from, updated_to = self._updated_range()
        flt = DraftFilter(
            account_id=self.account_filter.currentData(),
            shown=ShownState(state) if state else None,
            author_id=self.session.actor.staff_id if author == MINE else author,
            updated_from=updated_from,
            updated_to=updated_to,
            text=self.search.text().strip(),
        )
        if not (only_if_changed and flt == self.model.filter):
            self.model.set_filter(flt)
        self._show_count()
        self.clear_button.setEnabled(flt != DraftFilter() or self.period.currentIndex() != 0)
        self._update_actions()

    def on_actor_changed(self) -> None:
        self._update_new_draft()
        self._update_actions()

    def _update_new_draft(self) -> None:
        action = new_draft_action(self.session.actor, self.usable_accounts)
        self.new_button.setEnabled(action.enabled)
        self.template_button.setEnabled(action.enabled)
        self.group_button.setEnabled(action.enabled and self.usable_accounts >= 2)
        self.new_button.setToolTip(action.reason or tr("Start a new draft for an official account (Ctrl+N)."))
        self.why_label.setText(action.reason)
        self.why_label.setVisible(bool(action.reason))

    def _selected(self) -> DraftRow | None:
        row = selected_row(self.table)
        return self.model.row(row) if row is not None else None

    def _update_actions(self) -> None:
        draft = self._selected()
        self.open_button.setEnabled(draft is not None)

    def _new_draft(self) -> None:
        store = self.session.store
        Operation(self, lambda: draftable_accounts(store)).success(self._ask_new_draft).run()

    def _ask_new_draft(self, accounts: list[AccountInfo]) -> None:
        dialog = NewDraftDialog(accounts, self)
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.account.currentData() is None:
            return
        service = self.session.service(DraftService)
        account_id, title, scheduled_at = int(dialog.account.currentData()), dialog.title.text(), dialog.scheduled_at()
        self.attempt(
            lambda: service.create(account_id, "", title=title, scheduled_at=scheduled_at), then=self.open_draft
        )

    def _other_ways_to_start(self) -> tuple[QPushButton, QPushButton]:
        """From a template (定型文), or one message for several accounts (一括作成)."""
        template = QPushButton(tr("From tem&plate…"))
        template.setToolTip(tr("A new draft from one of the organization's templates (定型文)."))
        template.clicked.connect(self.new_from_template)
        group = QPushButton(tr("For se&veral accounts…"))
        group.setToolTip(tr("One message, one draft per account, submitted together (一括作成)."))
        group.clicked.connect(self.compose_group)
        return template, group

    def new_from_template(self) -> None:
        """The 定型文 picker, opened once its accounts and library are read (off the UI thread)."""
        store = self.session.store
        Operation(self, lambda: drafting_inputs(store, templates=True)).success(self._open_picker).run()

    def _open_picker(self, inputs: DraftingInputs) -> None:
        from gui.templates.picker import TemplatePickerDialog

        dialog = TemplatePickerDialog(self.session, inputs, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.open_draft(dialog.draft_id) if dialog.draft_id is not None else None)
        dialog.open()

    def compose_group(self) -> None:
        """一括作成, opened once its accounts are read (off the UI thread)."""
        store = self.session.store
        Operation(self, lambda: drafting_inputs(store)).success(self._open_group).run()

    def _open_group(self, inputs: DraftingInputs) -> None:
        from gui.groups.compose_dialog import GroupComposeDialog

        dialog = GroupComposeDialog(self.session, inputs, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def _open_index(self, index: QModelIndex) -> None:
        draft = self.model.row(index.row()) if index.isValid() else None
        if draft is not None:
            self.open_draft(draft.id)

    def _open_selected(self) -> None:
        draft = self._selected()
        if draft is not None:
            self.open_draft(draft.id)

    def open_draft(self, draft_id: int) -> None:
        """Open (or bring forward) the composer for ``draft_id``; a new window once its draft is read."""
        window = self.composers.get(draft_id)
        if window is not None:
            window.raise_()
            window.activateWindow()
            return
        if draft_id in self._opening:
            return  # a double-click while the draft is being read opens one window
        self._opening.add(draft_id)
        store = self.session.store
        Operation(self, lambda: read_composer(store, draft_id)).finished(
            lambda: self._opening.discard(draft_id)
        ).success(self._show_composer).run()

    def _show_composer(self, view: ComposerView) -> None:
        from gui.composer.window import ComposerWindow

        draft_id = view.detail.id
        if draft_id in self.composers:
            return
        window = ComposerWindow(self.session, view)
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        window.closed.connect(self._composer_closed)
        window.submitted.connect(self._submitted)
        window.reopened.connect(self._reopened)
        window.copied.connect(self._reopened)
        self.composers[draft_id] = window
        window.show()

    def _submitted(self, _version_id: int) -> None:
        # The composer closes itself after submitting: say so where the person is looking next.
        main = self.window()
        if isinstance(main, QMainWindow):
            main.statusBar().showMessage(tr("Submitted for approval: it now waits in the supervisor's queue."), 10_000)

    def _reopened(self, draft_id: int) -> None:
        # The read-only window closes itself; show the draft again once it is gone, now editable.
        QTimer.singleShot(0, lambda: self.open_draft(draft_id))

    def _composer_closed(self, draft_id: int) -> None:
        self.composers.pop(draft_id, None)
        announce(Changes(drafts=frozenset({draft_id})))
