"""一括作成: write once, pick the accounts, edit each account's variant, submit them together.

Every number and verdict shown comes from core: the platform's count and limit
(:func:`core.groups.variants.variant`), the preview's rendering, the submission
gate (:func:`core.composer.submission.evaluate`, keystroke tier; the service
judges everything again, person names included, when the group is submitted).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import TypeVar

from PySide6.QtCore import QDateTime, Qt, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QDateTimeEdit,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from core.checks.config import CheckConfig
from core.composer.submission import GateStatus, evaluate
from core.groups.variants import MAX_ACCOUNTS, Target, variant
from core.i18n import current_language
from core.organization.profile import OrganizationProfile
from core.platforms.facts import Platform, platform_label
from core.services.accounts import AccountInfo
from core.services.drafts import DraftService, load_draft_detail
from core.services.groups import GroupCreated, GroupService
from core.services.templates import DraftingInputs
from gui.changes import Changes
from gui.composer.preview import PostPreview
from gui.i18n import translator
from gui.operations import Operation
from gui.session import AppSession
from gui.widgets import palette
from gui.widgets.plain import plain

tr = translator("GroupCompose")

T = TypeVar("T")


class VariantTab(QWidget):
    """One account's draft of the group: its text, count, preview and what the gate still asks."""

    def __init__(
        self,
        target: Target,
        draft_id: int,
        row_version: int,
        text: str,
        profile: OrganizationProfile,
        config: CheckConfig,
        on_change: Callable[[], None],
    ) -> None:
        super().__init__()
        self.target, self.draft_id, self.row_version = target, draft_id, row_version
        self.profile, self.config, self.on_change = profile, config, on_change
        self.gate: GateStatus | None = None
        self._shape: tuple[object, ...] | None = None
        self.ticks: dict[str, QCheckBox] = {}
        self.reasons: dict[str, QLineEdit] = {}
        self.editor = QPlainTextEdit(text)
        self.editor.setAccessibleName(tr("Text for {account}").format(account=target.label))
        self.count = plain(QLabel())
        self.count.setObjectName("variantCount")
        self.preview = PostPreview(target.platform, text, (), lambda _sha: None, account=target.label)
        self.preview.setMinimumWidth(280)
        self.gate_host = QWidget()
        self.gate_layout = QVBoxLayout(self.gate_host)
        self.gate_layout.setContentsMargins(0, 0, 0, 0)
        gate_scroll = QScrollArea()
        gate_scroll.setWidgetResizable(True)
        gate_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        gate_scroll.setWidget(self.gate_host)
        left = QVBoxLayout()
        caption = QLabel(tr("Te&xt for this account:"))
        caption.setBuddy(self.editor)
        left.addWidget(caption)
        left.addWidget(self.editor, 2)
        left.addWidget(self.count)
        left.addWidget(gate_scroll, 2)
        layout = QHBoxLayout(self)
        layout.addLayout(left, 3)
        layout.addWidget(self.preview, 2)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(300)
        self.timer.timeout.connect(self.evaluate)
        self.editor.textChanged.connect(self.timer.start)
        self.evaluate()

    def text(self) -> str:
        return self.editor.toPlainText()

    def acknowledgements(self) -> dict[str, str]:
        return {key: edit.text().strip() for key, edit in self.reasons.items() if edit.text().strip()}

    def confirmations(self) -> list[str]:
        return [key for key, box in self.ticks.items() if box.isChecked()]

    @property
    def ready(self) -> bool:
        return self.gate is not None and self.gate.ok

    def evaluate(self) -> None:
        text = self.text()
        measured = variant(self.target, text)
        self.count.setText(measured.length_label())
        self.count.setStyleSheet("" if measured.fits else f"color: {palette.BLOCK}; font-weight: bold;")
        self.preview.set_post(text, ())
        self.gate = evaluate(
            text,
            self.target.platform,
            (),
            self.acknowledgements(),
            self.confirmations(),
            self.profile,
            self.config,
            person_names=(),
        )
        shape = (
            tuple(c.id for c in self.gate.confirmations),
            tuple(r.key for r in self.gate.records if r.needs_acknowledgement),
            tuple(r.key for r in self.gate.blocking),
        )
        if shape != self._shape:
            self._shape = shape
            self._rebuild_gate()
        self.on_change()

    def _rebuild_gate(self) -> None:
        assert self.gate is not None
        lang = current_language()
        while self.gate_layout.count():
            child = self.gate_layout.takeAt(0)
            widget = child.widget() if child is not None else None
            if widget is not None:
                widget.hide()  # deleted later: hidden now, so it is not drawn under its replacement
                widget.deleteLater()
        for record in self.gate.blocking:
            label = plain(
                QLabel(
                    tr("Must be fixed: {message} ({clause})").format(message=record.message(lang), clause=record.clause)
                )
            )
            label.setWordWrap(True)
            label.setStyleSheet(f"color: {palette.BLOCK}")
            self.gate_layout.addWidget(label)
        old_reasons = {k: e.text() for k, e in self.reasons.items()}
        self.reasons = {}
        for record in self.gate.records:
            if not record.needs_acknowledgement:
                continue
            label = plain(QLabel(f"{record.message(lang)} ({record.clause})"))
            label.setWordWrap(True)
            label.setStyleSheet(f"color: {palette.CONFIRM}")
            edit = QLineEdit(old_reasons.get(record.key, ""))
            edit.setPlaceholderText(tr("Reason the supervisor will see"))
            edit.setAccessibleName(tr("Reason: {message}").format(message=record.message(lang)))
            edit.textChanged.connect(lambda _t: self._recheck())
            self.gate_layout.addWidget(label)
            self.gate_layout.addWidget(edit)
            self.reasons[record.key] = edit
        old_ticks = {k for k, b in self.ticks.items() if b.isChecked()}
        self.ticks = {}
        for item in self.gate.confirmations:
            # The box and a wrapping label: a long confirmation is read whole, not cut at the edge.
            row = QWidget()
            row_layout = QHBoxLayout(row)
            row_layout.setContentsMargins(0, 0, 0, 0)
            box = QCheckBox()
            box.setAccessibleName(item.text(lang))
            box.setToolTip(", ".join(item.clauses))
            box.setChecked(item.id in old_ticks)
            box.toggled.connect(lambda _on: self._recheck())
            text = plain(QLabel(f"{item.text(lang)} ({', '.join(item.clauses)})"))
            text.setWordWrap(True)
            row_layout.addWidget(box, 0, Qt.AlignmentFlag.AlignTop)
            row_layout.addWidget(text, 1)
            self.gate_layout.addWidget(row)
            self.ticks[item.id] = box
        self.gate_layout.addStretch(1)

    def _recheck(self) -> None:
        self.timer.stop()
        self.evaluate()


class GroupComposeDialog(QDialog):
    """Compose → variants → submit together. Closing after the variants exist keeps them as drafts."""

    def __init__(self, session: AppSession, inputs: DraftingInputs, parent: QWidget | None = None) -> None:
        """``inputs`` is read beforehand, off the UI thread (``drafting_inputs(store)``)."""
        super().__init__(parent)
        self.session = session
        self.accounts = list(inputs.accounts)
        accounts = self.accounts
        self.group: GroupCreated | None = None
        self.busy = False
        self.submitted = False
        self.profile, self.config = inputs.profile, inputs.config
        self.setWindowTitle(tr("One message for several accounts"))

        compose = self._build_compose_page(accounts)
        variants_page = self._build_variants_page()
        self.pages = QStackedWidget()
        self.pages.addWidget(compose)
        self.pages.addWidget(variants_page)
        self.status = plain(QLabel())
        self.status.setObjectName("groupStatus")
        self.status.setWordWrap(True)
        close = QPushButton(tr("Close"))
        close.clicked.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        bottom.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages, 1)
        layout.addLayout(bottom)
        self.title.textChanged.connect(lambda _t: self._update())
        self.text.textChanged.connect(self._update)
        self.account_list.itemChanged.connect(lambda _i: self._update())
        self._update()
        self.resize(1100, 640)

    def _build_compose_page(self, accounts: list[AccountInfo]) -> QWidget:
        self.title = QLineEdit()
        self.title.setMaxLength(200)
        self.title.setAccessibleName(tr("Title"))
        self.text = QPlainTextEdit()
        self.text.setAccessibleName(tr("The message"))
        self.account_list = QListWidget()
        self.account_list.setAccessibleName(tr("Accounts"))
        for account in accounts:
            item = QListWidgetItem(f"{account.display_name} — {account.handle} ({platform_label(account.platform)})")
            item.setData(Qt.ItemDataRole.UserRole, account.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.account_list.addItem(item)
        self.scheduled = QCheckBox(tr("Sc&hedule every draft for"))
        self.when = QDateTimeEdit(QDateTime.currentDateTime().addSecs(24 * 3600))
        self.when.setAccessibleName(tr("Scheduled time"))
        self.when.setCalendarPopup(True)
        self.when.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.when.setEnabled(False)
        self.scheduled.toggled.connect(self.when.setEnabled)
        self.make_button = QPushButton(tr("Ma&ke one draft per account"))
        self.make_button.clicked.connect(self.make_variants)
        compose = QWidget()
        form = QFormLayout(compose)
        form.addRow(self._caption(tr("&Title:"), self.title), self.title)
        form.addRow(self._caption(tr("&Message:"), self.text), self.text)
        form.addRow(self._caption(tr("A&ccounts:"), self.account_list), self.account_list)
        when_row = QHBoxLayout()
        when_row.addWidget(self.scheduled)
        when_row.addWidget(self.when, 1)
        form.addRow(tr("When:"), when_row)
        form.addRow(plain(QLabel(tr("Each account gets its own draft, checked, submitted and signed on its own."))))
        form.addRow(self.make_button)
        return compose

    def _build_variants_page(self) -> QWidget:
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(tr("Variants"))
        self.variants: list[VariantTab] = []
        self.submit_button = QPushButton(tr("&Submit together"))
        self.submit_button.clicked.connect(self.submit)
        variants_page = QWidget()
        variants_layout = QVBoxLayout(variants_page)
        variants_layout.addWidget(self.tabs, 1)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.submit_button)
        variants_layout.addLayout(row)
        return variants_page

    @staticmethod
    def _caption(text: str, buddy: QWidget) -> QLabel:
        label = QLabel(text)
        label.setBuddy(buddy)
        return label

    def scheduled_at(self) -> datetime | None:
        """The one time for every draft (the same moment on every platform); each can be moved in its composer."""
        if not self.scheduled.isChecked():
            return None
        local: datetime = self.when.dateTime().toPython()  # type: ignore[assignment]
        return local.astimezone(UTC)

    def chosen(self) -> list[AccountInfo]:
        ids = [
            self.account_list.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.account_list.count())
            if self.account_list.item(i).checkState() == Qt.CheckState.Checked
        ]
        return [a for a in self.accounts if a.id in ids]

    def _update(self) -> None:
        if self.group is None:
            count = len(self.chosen())
            self.make_button.setEnabled(
                not self.busy
                and 2 <= count <= MAX_ACCOUNTS
                and bool(self.title.text().strip())
                and bool(self.text.toPlainText().strip())
            )
            self.status.setText(tr("{count} accounts chosen (at least two).").format(count=count))
            return
        waiting = [v.target.label for v in self.variants if not v.ready]
        self.submit_button.setEnabled(not self.busy and not waiting and not self.submitted)
        if self.submitted:
            return
        self.status.setText(
            tr("Still to settle: {accounts}").format(accounts=", ".join(waiting))
            if waiting
            else tr("Every variant can be submitted.")
        )

    def make_variants(self) -> None:
        chosen = self.chosen()
        service = self.session.service(GroupService)
        ids, text, title = [a.id for a in chosen], self.text.toPlainText(), self.title.text()
        scheduled_at = self.scheduled_at()
        store = self.session.store

        def call() -> tuple[GroupCreated, list[int]]:
            created = service.create(ids, text, title=title, scheduled_at=scheduled_at)
            return created, [load_draft_detail(store, d).row_version for d in created.draft_ids]

        def done(result: tuple[GroupCreated, list[int]]) -> None:
            created, versions = result
            self.group = created
            for account, draft_id, row_version in zip(chosen, created.draft_ids, versions, strict=True):
                target = Target(
                    account.id, Platform.parse(account.platform), f"{account.display_name} — {account.handle}"
                )
                tab = VariantTab(target, draft_id, row_version, text, self.profile, self.config, self._update)
                self.variants.append(tab)
                self.tabs.addTab(tab, f"{platform_label(account.platform)} {account.handle}")
            self.pages.setCurrentIndex(1)
            self._update()

        self._run(call, done, lambda result: Changes(drafts=frozenset(result[0].draft_ids)))

    def submit(self) -> None:
        if self.group is None:
            return
        drafts, groups = self.session.service(DraftService), self.session.service(GroupService)
        title, group_id = self.title.text(), self.group.group_id
        edits = [(v, v.draft_id, v.text(), v.acknowledgements(), v.confirmations()) for v in self.variants]

        def call() -> list[int]:
            versions: dict[int, int] = {}
            for tab, draft_id, text, acks, ticks in edits:
                tab.row_version = drafts.save(
                    draft_id, tab.row_version, text=text, title=title, acknowledgements=acks, confirmations=ticks
                )
                versions[draft_id] = tab.row_version
            return groups.submit(group_id, versions)

        def done(_versions: list[int]) -> None:
            self.submitted = True
            self.status.setText(tr("Submitted together: the drafts wait in the supervisor's queue as one group."))
            self.accept()

        draft_ids = frozenset(self.group.draft_ids)
        self._run(call, done, Changes(drafts=draft_ids, queue=True))

    def _run(self, call: Callable[[], T], done: Callable[[T], None], changes: Changes | Callable[[T], Changes]) -> None:
        def finished() -> None:
            self.busy = False
            self._update()

        self.busy = True
        self._update()
        Operation(self, call).changes(changes).success(done).failure(
            lambda exc: self.status.setText(exc.message)
        ).finished(finished).run()
