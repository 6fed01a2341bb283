"""予定: the calendar of every account's timed posts (day, week, month) with the today board on top.

Rendering only: the days, each post's state and what moving it means come from
:mod:`core.planning` through :mod:`core.services.planning`; the reads and the moves run off the
UI thread. Colour tells accounts apart, but every post also shows its account's ID and its state
by icon and word, so nothing depends on colour alone.

Keyboard: arrows move the selected day (in the day view Left/Right), PageUp/PageDown the period,
Alt+M moves the selected post to another time; a post can also be dragged from the day's list
onto another day (its time of day kept).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, datetime, timedelta
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QDateTime,
    QEvent,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QIcon, QKeyEvent, QPainter, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from core.audit.events import Changes
from core.organization.roles import Role
from core.planning.calendar import (
    Calendar,
    CalendarDay,
    CalendarEntry,
    CalendarView,
    EntryState,
    grid,
    local_label,
    move_rule,
    on_day,
    period,
    step,
    target_problem,
)
from core.planning.today import TodayBoard
from core.platforms.facts import platform_label
from core.services.planning import MoveResult, PlanningService, read_schedule
from gui import messages
from gui.i18n import translator
from gui.models.rows import Column, RowRole, RowsModel
from gui.screens.base import Screen
from gui.session import AppSession
from gui.widgets.palette import BLOCK, MUTED
from gui.widgets.plain import plain
from gui.widgets.table_view import make_table, selected_row

tr = translator("CalendarScreen")

#: Okabe–Ito: told apart with the common colour-vision deficiencies; the account ID is shown beside it anyway.
ACCOUNT_COLOURS = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#D55E00", "#56B4E9", "#8C6D1F", "#000000")
MIME = "application/x-kohogate-draft"

_ICONS = {
    EntryState.DRAFT: QStyle.StandardPixmap.SP_FileIcon,
    EntryState.AWAITING: QStyle.StandardPixmap.SP_MessageBoxQuestion,
    EntryState.SCHEDULED: QStyle.StandardPixmap.SP_MediaPlay,
    EntryState.DUE: QStyle.StandardPixmap.SP_MediaSeekForward,
    EntryState.SENDING: QStyle.StandardPixmap.SP_BrowserReload,
    EntryState.NEEDS_CHECKING: QStyle.StandardPixmap.SP_MessageBoxWarning,
    EntryState.FAILED: QStyle.StandardPixmap.SP_MessageBoxCritical,
    EntryState.MISSED: QStyle.StandardPixmap.SP_MediaSkipBackward,
    EntryState.SENT: QStyle.StandardPixmap.SP_DialogApplyButton,
}


def account_colour(account_id: int) -> str:
    return ACCOUNT_COLOURS[account_id % len(ACCOUNT_COLOURS)]


def state_icon(widget: QWidget, state: EntryState) -> QIcon:
    return widget.style().standardIcon(_ICONS[state])


def _weekday(day: date) -> str:
    return (tr("Mon"), tr("Tue"), tr("Wed"), tr("Thu"), tr("Fri"), tr("Sat"), tr("Sun"))[day.weekday()]


def _hm(moment: datetime) -> str:
    return moment.astimezone().strftime("%H:%M")


class DaysModel(QAbstractTableModel):
    """The grid: one cell per day, seven columns (Monday first); a post dropped on a day asks to move there."""

    dropped = Signal(int, object)  # draft id, date

    def __init__(self) -> None:
        super().__init__()
        self.days: list[CalendarDay] = []
        self.today: date | None = None
        self.month: int | None = None  # the month a month view is about (other days are drawn muted)

    def set_days(self, days: list[CalendarDay], today: date, month: int | None) -> None:
        self.beginResetModel()
        self.days, self.today, self.month = days, today, month
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008 - Qt API
        return 0 if parent.isValid() else (len(self.days) + 6) // 7

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else min(7, len(self.days))

    def day_at(self, index: QModelIndex | QPersistentModelIndex) -> CalendarDay | None:
        position = index.row() * 7 + index.column()
        return self.days[position] if index.isValid() and 0 <= position < len(self.days) else None

    def index_of(self, day: date) -> QModelIndex:
        for position, candidate in enumerate(self.days):
            if candidate.day == day:
                return self.index(position // 7, position % 7)
        return QModelIndex()

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        day = self.day_at(index)
        if day is None:
            return None
        if role == RowRole:
            return day
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole, Qt.ItemDataRole.ToolTipRole):
            lines = [f"{day.day:%m-%d} ({_weekday(day.day)})"]
            lines += [f"{_hm(e.at)} {e.state.label} {e.account} {e.title}" for e in day.entries]
            return "\n".join(lines)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal and self.days:
            return _weekday(self.days[min(section, len(self.days) - 1)].day)
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        return super().flags(index) | Qt.ItemFlag.ItemIsDropEnabled

    def mimeTypes(self) -> list[str]:
        return [MIME]

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def canDropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Any) -> bool:
        return data.hasFormat(MIME)

    def dropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Any) -> bool:
        day = self.day_at(parent if parent.isValid() else self.index(row, column))
        if day is None or not data.hasFormat(MIME):
            return False
        self.dropped.emit(int(bytes(data.data(MIME).data()).decode()), day.day)
        return False  # nothing is copied into the grid: the calendar re-reads after the move


class EntriesModel(RowsModel[CalendarEntry]):
    """The selected day's posts, dragged from here onto a day of the grid."""

    def __init__(self, owner: QWidget) -> None:
        super().__init__(
            [
                Column(tr("Time"), lambda e: _hm(e.at)),
                Column(
                    tr("State"), lambda e: e.state.label, foreground=lambda e: BLOCK if e.state.needs_a_person else None
                ),
                Column(
                    tr("Account"),
                    lambda e: f"■ {e.account} ({platform_label(e.platform)})",
                    foreground=lambda e: account_colour(e.account_id),
                ),
                Column(tr("Title"), lambda e: e.title, tooltip=lambda e: e.title),
            ]
        )
        self.owner = owner

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DecorationRole and index.isValid() and index.column() == 1:
            return state_icon(self.owner, self.row(index.row()).state)
        return super().data(index, role)

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        return super().flags(index) | Qt.ItemFlag.ItemIsDragEnabled

    def mimeTypes(self) -> list[str]:
        return [MIME]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        data = QMimeData()
        if indexes:
            data.setData(MIME, str(self.row(indexes[0].row()).draft_id).encode())
        return data

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction


class DayDelegate(QStyledItemDelegate):
    """A day cell: its date, then one line per post (account colour, icon, time, state word, account ID)."""

    def __init__(self, screen: CalendarScreen) -> None:
        super().__init__(screen)
        self.screen = screen

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        model = index.model()
        day: CalendarDay | None = index.data(RowRole)
        super().paint(painter, option, QModelIndex())  # background and selection only
        if day is None or not isinstance(model, DaysModel):
            return
        rect: QRect = option.rect.adjusted(4, 2, -4, -2)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        painter.save()
        if selected:
            painter.fillRect(option.rect, option.palette.highlight())
        font = QFont(painter.font())
        font.setBold(day.day == model.today)
        painter.setFont(font)
        other_month = model.month is not None and day.day.month != model.month
        painter.setPen(
            QColor(MUTED)
            if other_month and not selected
            else option.palette.text().color()
            if not selected
            else option.palette.highlightedText().color()
        )
        pen = painter.pen().color()
        head = f"{day.day.day}" + (f"  {tr('Today')}" if day.day == model.today else "")
        line = painter.fontMetrics().height()
        painter.drawText(rect.x(), rect.y(), rect.width(), line, Qt.AlignmentFlag.AlignLeft, head)
        font.setBold(False)
        painter.setFont(font)
        y = rect.y() + line + 1
        # A tall cell (the week) gives each post three lines: time, state word, account and title.
        per = 3 if rect.height() > 12 * line else 1
        room = max(0, (rect.bottom() - y) // (line * per))
        shown = day.entries if len(day.entries) <= room else day.entries[: max(0, room - 1)]
        width = rect.width() - line - 10
        for entry in shown:
            painter.fillRect(rect.x(), y + 2, 5, line * per - 4, QColor(account_colour(entry.account_id)))
            state_icon(self.screen, entry.state).paint(painter, QRect(rect.x() + 8, y + 1, line - 2, line - 2))
            painter.setPen(QColor(BLOCK) if entry.state.needs_a_person and not selected else pen)
            lines = (
                [_hm(entry.at), entry.state.label, f"{entry.account} {entry.title}"]
                if per == 3
                else [f"{_hm(entry.at)} {entry.state.label} {entry.account} {entry.title}"]
            )
            for text in lines:
                elided = painter.fontMetrics().elidedText(text, Qt.TextElideMode.ElideRight, width)
                painter.drawText(rect.x() + line + 10, y, width, line, Qt.AlignmentFlag.AlignLeft, elided)
                y += line
            painter.setPen(pen)
        if len(shown) < len(day.entries):
            more = tr("+{count} more").format(count=len(day.entries) - len(shown))
            painter.drawText(rect.x() + 8, y, rect.width() - 8, line, Qt.AlignmentFlag.AlignLeft, more)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        return QSize(120, 80)


class MoveTimeDialog(QDialog):
    """The keyboard way to move a post: a date and time, prefilled with its current one."""

    def __init__(self, entry: CalendarEntry, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("moveTimeDialog")
        self.setWindowTitle(tr("Move to another time"))
        label = plain(QLabel(tr("{account}: {title}").format(account=entry.account, title=entry.title)))
        label.setWordWrap(True)
        local = entry.at.astimezone()
        self.when = QDateTimeEdit(QDateTime(local.year, local.month, local.day, local.hour, local.minute, 0))
        self.when.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.when.setCalendarPopup(True)
        prompt = QLabel(tr("&New time:"))
        prompt.setBuddy(self.when)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        row = QHBoxLayout()
        row.addWidget(prompt)
        row.addWidget(self.when, 1)
        layout.addLayout(row)
        layout.addWidget(buttons)

    def chosen(self) -> datetime:
        value = self.when.dateTime().toPython()
        assert isinstance(value, datetime)
        return value.astimezone()  # the edit shows local time; a naive value is read as local


class _Keys(QObject):
    """Arrows move the selected day, PageUp/PageDown the period, on the grid and on the day's list."""

    def __init__(self, screen: CalendarScreen, *, arrows: bool) -> None:
        super().__init__(screen)
        self.screen = screen
        self.arrows = arrows

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return False
        if event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            return False
        key = event.key()
        if key in (Qt.Key.Key_PageUp, Qt.Key.Key_PageDown):
            self.screen.go(step(self.screen.view, self.screen.selected_day, -1 if key == Qt.Key.Key_PageUp else 1))
            return True
        if not self.arrows:
            if self.screen.view is CalendarView.DAY and key in (Qt.Key.Key_Left, Qt.Key.Key_Right):
                self.screen.move_day(-1 if key == Qt.Key.Key_Left else 1)
                return True
            return False
        days = {Qt.Key.Key_Left: -1, Qt.Key.Key_Right: 1, Qt.Key.Key_Up: -7, Qt.Key.Key_Down: 7}.get(Qt.Key(key))
        if days is None:
            return False
        self.screen.move_day(days)
        return True


class CalendarScreen(Screen):
    def __init__(self, session: AppSession, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.view = CalendarView.WEEK
        self.selected_day: date = date.min  # set from the database clock on the first read
        self.calendar: Calendar | None = None
        self.board: TodayBoard | None = None
        self._build_board()
        self._build_toolbar()
        self._build_views()
        toolbar = QHBoxLayout()
        for button in self.view_buttons.values():
            toolbar.addWidget(button)
        toolbar.addSpacing(12)
        toolbar.addWidget(self.previous_button)
        toolbar.addWidget(self.today_button)
        toolbar.addWidget(self.next_button)
        toolbar.addSpacing(12)
        toolbar.addWidget(self.period_label, 1)
        toolbar.addWidget(self.move_button)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.day_title)
        right_layout.addWidget(self.day_list, 1)
        right_layout.addWidget(self.why_label)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.grid)
        self.splitter.addWidget(right)
        self.splitter.setSizes([820, 360])
        layout = QVBoxLayout(self)
        layout.addWidget(self.board_box)
        layout.addLayout(toolbar)
        layout.addWidget(self.splitter, 1)
        self._update_actions()

    def _build_board(self) -> None:
        self.board_box = QGroupBox(tr("Today"))
        self.board_box.setObjectName("todayBoard")
        self.board_model = QStandardItemModel(0, 4, self)
        self.board_model.setHorizontalHeaderLabels([tr("What"), tr("When"), tr("Account"), tr("Title")])
        self.board_view = QTreeView()
        self.board_view.setObjectName("todayBoardView")
        self.board_view.setAccessibleName(tr("Today"))
        self.board_view.setModel(self.board_model)
        self.board_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.board_view.setRootIsDecorated(False)
        self.board_view.setMaximumHeight(180)
        self.board_view.activated.connect(self._board_activated)
        board_layout = QVBoxLayout(self.board_box)
        board_layout.setContentsMargins(6, 4, 6, 4)
        board_layout.addWidget(self.board_view)

    def _build_toolbar(self) -> None:
        self.view_buttons: dict[CalendarView, QPushButton] = {}
        group = QButtonGroup(self)
        labels = {CalendarView.DAY: tr("&Day"), CalendarView.WEEK: tr("&Week"), CalendarView.MONTH: tr("M&onth")}
        for view, text in labels.items():
            button = QPushButton(text)
            button.setCheckable(True)
            button.setObjectName(f"view_{view.value}")
            button.clicked.connect(lambda _checked=False, v=view: self.set_view(v))
            group.addButton(button)
            self.view_buttons[view] = button
        self.view_buttons[self.view].setChecked(True)
        self.previous_button = QPushButton(tr("◀ &Previous"))
        self.previous_button.clicked.connect(lambda: self.go(step(self.view, self.selected_day, -1)))
        self.today_button = QPushButton(tr("&Today"))
        self.today_button.clicked.connect(self.go_today)
        self.next_button = QPushButton(tr("&Next ▶"))
        self.next_button.clicked.connect(lambda: self.go(step(self.view, self.selected_day, 1)))
        self.period_label = plain(QLabel())
        self.period_label.setObjectName("calendarPeriod")
        font = self.period_label.font()
        font.setBold(True)
        self.period_label.setFont(font)
        self.move_button = QPushButton(tr("&Move to another time…"))
        self.move_button.setObjectName("moveButton")
        self.move_button.clicked.connect(self.move_selected)

    def _build_views(self) -> None:
        self.days = DaysModel()
        self.days.dropped.connect(self._dropped)
        self.grid = QTableView()
        self.grid.setObjectName("calendarGrid")
        self.grid.setAccessibleName(tr("Calendar"))
        self.grid.setModel(self.days)
        self.grid.setItemDelegate(DayDelegate(self))
        self.grid.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.grid.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.grid.setTabKeyNavigation(False)
        self.grid.verticalHeader().setVisible(False)
        self.grid.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.grid.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.grid.setAcceptDrops(True)
        self.grid.setDragDropMode(QAbstractItemView.DragDropMode.DropOnly)
        self.grid.setDropIndicatorShown(True)
        self.grid.installEventFilter(_Keys(self, arrows=True))
        self.grid.clicked.connect(self._grid_clicked)

        self.entries = EntriesModel(self)
        self.day_list = make_table(self.entries, tr("Posts of the day"), self, sortable=False, stretch_column=3)
        self.day_list.setDragEnabled(True)
        self.day_list.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.day_list.installEventFilter(_Keys(self, arrows=False))
        self.day_list.activated.connect(lambda _index: self.move_selected())
        self.day_list.selectionModel().selectionChanged.connect(lambda *_: self._update_actions())
        self.day_title = plain(QLabel())
        self.day_title.setObjectName("calendarDay")
        self.why_label = plain(QLabel())
        self.why_label.setObjectName("moveWhy")
        self.why_label.setWordWrap(True)
        self.why_label.setStyleSheet(f"color:{MUTED}")

    # -- reading (off the UI thread) --
    def concerned_by(self, changes: Changes) -> bool:
        return changes.any_draft or changes.queue or changes.accounts

    def refresh(self) -> None:
        store, actor = self.session.store, self.session.actor
        wanted = self.selected_day
        view = self.view

        def read() -> tuple[Calendar, TodayBoard]:
            # The days drawn around the wanted day, or around today (known once the clock is read).
            return read_schedule(store, actor, lambda today: grid(view, today if wanted == date.min else wanted))

        self.read(read, lambda result: self._show(*result))

    def _show(self, calendar: Calendar, board: TodayBoard) -> None:
        self.calendar, self.board = calendar, board
        if self.selected_day == date.min:
            self.selected_day = board.day
        first, last = period(self.view, self.selected_day)
        self.period_label.setText(
            first.strftime("%Y-%m-%d") if first == last else f"{first:%Y-%m-%d} – {last:%Y-%m-%d}"
        )
        self.days.set_days(list(calendar.days), board.day, first.month if self.view is CalendarView.MONTH else None)
        self.grid.setVisible(self.view is not CalendarView.DAY)
        if self.view is not CalendarView.DAY and self.splitter.sizes()[0] == 0:
            self.splitter.setSizes([820, 360])  # a hidden pane comes back with no width
        self._show_board(board)
        self._select_day(self.selected_day)

    def _show_board(self, board: TodayBoard) -> None:
        self.board_box.setTitle(tr("Today — {day}").format(day=f"{board.day:%Y-%m-%d} ({_weekday(board.day)})"))
        self.board_model.removeRows(0, self.board_model.rowCount())
        for section in board.sections:
            head = QStandardItem(f"{section.label} ({len(section.items)})")
            font = head.font()
            font.setBold(True)
            head.setFont(font)
            self.board_model.appendRow([head, QStandardItem(), QStandardItem(), QStandardItem()])
            if not section.items:  # one line for an empty section: the board must fit above the calendar
                quiet = QStandardItem(section.empty_text)
                quiet.setForeground(QColor(MUTED))
                self.board_model.setItem(self.board_model.rowCount() - 1, 3, quiet)
            for item in section.items:
                word = QStandardItem(("    ⚠ " if item.urgent else "    ") + item.word)
                if item.urgent:
                    word.setForeground(QColor(BLOCK))
                when = QStandardItem(local_label(item.at) if item.at else "")
                when.setData(item.at, Qt.ItemDataRole.UserRole)
                self.board_model.appendRow([word, when, QStandardItem(item.account), QStandardItem(item.title)])
        for column in range(3):
            self.board_view.resizeColumnToContents(column)

    def _select_day(self, day: date) -> None:
        self.selected_day = day
        if self.calendar is not None:
            self.entries.set_rows(list(self.calendar.day(day).entries))
        self.day_title.setText(
            tr("{day} — posts: {count}").format(day=f"{day:%Y-%m-%d} ({_weekday(day)})", count=self.entries.rowCount())
        )
        index = self.days.index_of(day)
        if index.isValid() and self.grid.currentIndex() != index:
            self.grid.setCurrentIndex(index)
        self._update_actions()

    # -- navigation --
    def set_view(self, view: CalendarView) -> None:
        self.view = view
        self.view_buttons[view].setChecked(True)
        self.refresh()

    def go(self, day: date) -> None:
        """Show ``day``: within the period drawn only a new selection, else a new read."""
        if (
            self.calendar is not None
            and self.calendar.first <= day <= self.calendar.last
            and (period(self.view, day) == period(self.view, self.selected_day))
        ):
            self._select_day(day)
            return
        self.selected_day = day
        self.refresh()

    def go_today(self) -> None:
        self.go(self.board.day if self.board is not None else self.selected_day)

    def move_day(self, days: int) -> None:
        self.go(self.selected_day + timedelta(days=days))

    def _grid_clicked(self, index: QModelIndex) -> None:
        day = self.days.day_at(index)
        if day is not None:
            self.go(day.day)

    def _board_activated(self, index: QModelIndex) -> None:
        at = self.board_model.index(index.row(), 1).data(Qt.ItemDataRole.UserRole)
        if isinstance(at, datetime):
            self.go(at.astimezone().date())

    # -- moving --
    def selected_entry(self) -> CalendarEntry | None:
        row = selected_row(self.day_list)
        return self.entries.row(row) if row is not None else None

    def _update_actions(self) -> None:
        entry = self.selected_entry()
        rule = move_rule(entry, can_edit=self.session.has(Role.OPERATOR)) if entry is not None else None
        self.move_button.setEnabled(entry is not None)
        self.why_label.setText(rule.explanation if rule is not None else tr("Select a post to move it."))

    def move_selected(self) -> None:
        entry = self.selected_entry()
        if entry is None:
            return
        if not self._allowed(entry):
            return
        dialog = MoveTimeDialog(entry, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.request_move(entry, dialog.chosen())

    def _dropped(self, draft_id: int, day: date) -> None:
        entry = self.calendar.entry(draft_id) if self.calendar is not None else None
        if entry is not None and day != entry.at.astimezone().date():
            self.request_move(entry, on_day(entry.at, day))

    def _allowed(self, entry: CalendarEntry) -> bool:
        rule = move_rule(entry, can_edit=self.session.has(Role.OPERATOR))
        if not rule.allowed:
            messages.warning(self, tr("This post cannot move"), rule.explanation)
        return rule.allowed

    def request_move(
        self, entry: CalendarEntry, new_time: datetime, then: Callable[[MoveResult], None] | None = None
    ) -> None:
        """Move ``entry`` to ``new_time`` as core decides: refused, asked first (re-approval), or at once."""
        if not self._allowed(entry):
            return
        assert self.calendar is not None
        problem = target_problem(new_time, self.calendar.now)
        if problem:
            messages.warning(self, tr("This post cannot move"), problem)
            return
        rule = move_rule(entry, can_edit=True)
        if rule.asks_first and not messages.ask(
            self,
            tr("Ask for a new approval?"),
            rule.explanation,
            accept=tr("Move and ask for approval"),
            informative=tr("New time: {time}").format(time=local_label(new_time)),
        ):
            return
        service = self.session.service(PlanningService)
        draft_id, row_version = entry.draft_id, entry.row_version

        def moved(result: MoveResult) -> None:
            self.go(new_time.astimezone().date())  # the calendar follows the post, to another period if need be
            if then is not None:
                then(result)

        self.attempt(
            lambda: service.move(draft_id, row_version, new_time, accept_reapproval=rule.asks_first),
            Changes(drafts=frozenset({draft_id}), queue=True),
            then=moved,
        )
