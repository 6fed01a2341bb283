"""A date filter used by the lists: any time / today / last 7 or 30 days / a range of local days.

One implementation for the draft list and the audit record. The period
combo and the two date edits stay separate widgets so each screen lays
them out with its own labels; :attr:`DateRangeFilter.changed` fires once a
choice settles (typing a date waits for a pause, Enter applies at once).
"""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QDate, QObject, QTimer, Signal
from PySide6.QtWidgets import QComboBox, QDateEdit

from gui.i18n import translator

tr = translator("DateRangeFilter")

# Period entries carry the number of days ending today; these two are the exceptions.
ANY_TIME: int | None = None
CUSTOM_RANGE = 0
# A date edit at its minimum shows "Any" and leaves that end of the range open.
NO_BOUND = QDate(2000, 1, 1)
# Typing a date changes it one section at a time; wait for the pause instead of querying for each.
DEBOUNCE_MS = 400


def _date_edit(name: str) -> QDateEdit:
    edit = QDateEdit(NO_BOUND)
    edit.setAccessibleName(name)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    edit.setMinimumDate(NO_BOUND)
    edit.setSpecialValueText(tr("Any"))
    edit.setEnabled(False)
    return edit


def picked(edit: QDateEdit) -> date | None:
    """The day in ``edit``, or ``None`` when it shows "Any"."""
    value = edit.date()
    return None if value == NO_BOUND else date(value.year(), value.month(), value.day())


class DateRangeFilter(QObject):
    """``period``, ``date_from`` and ``date_to`` for a screen to lay out. Signals: changed()."""

    changed = Signal()

    def __init__(self, period_name: str, from_name: str, to_name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.period = QComboBox()
        self.period.setAccessibleName(period_name)
        for text, days in (
            (tr("Any time"), ANY_TIME),
            (tr("Today"), 1),
            (tr("Last 7 days"), 7),
            (tr("Last 30 days"), 30),
            (tr("Custom range"), CUSTOM_RANGE),
        ):
            self.period.addItem(text, days)
        self.date_from = _date_edit(from_name)
        self.date_to = _date_edit(to_name)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self.period.currentIndexChanged.connect(self._period_changed)
        for edit in (self.date_from, self.date_to):
            edit.dateChanged.connect(lambda _date: self._timer.start())
            edit.editingFinished.connect(self._finished)
        self._timer.timeout.connect(self.changed.emit)

    @property
    def custom(self) -> bool:
        return bool(self.period.currentData() == CUSTOM_RANGE)

    def reset(self) -> None:
        """Back to "any time" without emitting (the caller reloads once for all its filters)."""
        self.period.blockSignals(True)
        self.period.setCurrentIndex(0)
        self.period.blockSignals(False)
        self._timer.stop()
        self.date_from.setEnabled(False)
        self.date_to.setEnabled(False)
        self.show_days(None, None)

    def days(self) -> tuple[date | None, date | None]:
        """The first and last local day chosen (``None`` for an open end); presets shown in the edits."""
        self._timer.stop()
        days = self.period.currentData()
        if days == CUSTOM_RANGE:
            return picked(self.date_from), picked(self.date_to)
        if days is ANY_TIME:
            self.show_days(None, None)
            return None, None
        # Worked out on every reload, so "Today" still means today after midnight.
        today = date.today()
        first = today - timedelta(days=int(days) - 1)
        self.show_days(first, today)
        return first, today

    def show_days(self, first: date | None, last: date | None) -> None:
        for edit, day in ((self.date_from, first), (self.date_to, last)):
            edit.blockSignals(True)
            edit.setDate(QDate(day.year, day.month, day.day) if day is not None else NO_BOUND)
            edit.blockSignals(False)

    def _period_changed(self) -> None:
        custom = self.custom
        if custom and picked(self.date_from) is None and picked(self.date_to) is None:
            # Start a custom range from something sensible rather than two empty ends.
            today = date.today()
            self.show_days(today - timedelta(days=6), today)
        self.date_from.setEnabled(custom)
        self.date_to.setEnabled(custom)
        self.changed.emit()

    def _finished(self) -> None:
        # Enter or leaving the field needs no pause; a change already applied is not applied again.
        if self._timer.isActive():
            self._timer.stop()
            self.changed.emit()
