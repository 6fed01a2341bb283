"""設定 → 定型文: the organization's template library (administrators add, change and retire templates).

Saving runs the service, which checks the template with the same engine as a draft
(placeholders filled with the organization's own sample values): a blocking finding
refuses it with the reasons shown here; other findings are kept as its flags.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from core.accounts.kinds import AccountKind
from core.errors import KohoGateError
from core.organization.roles import Role
from core.platforms.facts import Platform, all_platforms
from core.services.templates import SavedTemplate, TemplateInfo, TemplateService, list_templates
from core.templates.model import TemplateCategory, TemplateContent
from core.templates.placeholders import Placeholder
from gui import messages
from gui.changes import Changes
from gui.i18n import translator
from gui.models.rows import Column, RowsModel
from gui.operations import LatestRead, Operation
from gui.session import AppSession
from gui.widgets import palette
from gui.widgets.plain import plain
from gui.widgets.table_view import make_table, selected_row

tr = translator("TemplatesTab")

T = TypeVar("T")


class TemplatesTab(QWidget):
    def __init__(self, session: AppSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.reads = LatestRead(self)  # the settings screen counts it among its own reads
        self.session = session
        self.editing: TemplateInfo | None = None
        self.saving = False
        self._loaded: tuple[object, ...] | None = None
        self.model: RowsModel[TemplateInfo] = RowsModel(
            [
                Column(tr("Name"), lambda t: t.content.name),
                Column(tr("Kind"), lambda t: t.content.category.label),
                Column(tr("For"), lambda t: t.content.scope_label()),
                Column(tr("Notes from the checks"), lambda t: ", ".join(t.flags)),
                Column(tr("State"), lambda t: tr("Retired") if t.retired else tr("In use")),
            ]
        )
        self.table = make_table(self.model, tr("Templates"), self, stretch_column=0)
        self.table.setSortingEnabled(False)
        self.show_retired = QCheckBox(tr("Show reti&red"))
        self.new_button = QPushButton(tr("&New template"))
        self.starter_button = QPushButton(tr("Add the starter s&et"))
        self.starter_button.setToolTip(
            tr("Disaster, closure, event and recruitment notices written for the guidelines (each checked).")
        )
        self.retire_button = QPushButton(tr("Ret&ire…"))

        self.name = QLineEdit()
        self.name.setMaxLength(100)
        self.category = QComboBox()
        for category in TemplateCategory:
            self.category.addItem(category.label, category.value)
        self.title = QLineEdit()
        self.title.setMaxLength(200)
        self.text = QPlainTextEdit()
        self.text.setTabChangesFocus(True)
        self.platforms: dict[Platform, QCheckBox] = {
            # Every platform an account can be on, in the account editor's order.
            f.platform: QCheckBox(f.display_name)
            for f in all_platforms()
        }
        self.kinds: dict[AccountKind, QCheckBox] = {k: QCheckBox(k.label) for k in AccountKind}
        self.clauses = QLineEdit()
        self.clauses.setPlaceholderText("joso:4(5), wako:5-prohibited-6")
        self.note = QLineEdit()
        self.save_button = QPushButton(tr("&Save template"))
        self.result = plain(QLabel())
        self.result.setObjectName("templateCheckResult")
        self.result.setWordWrap(True)
        self._lay_out()
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._selected_changed())
        self.show_retired.toggled.connect(lambda _on: self.load(force=True))
        self.new_button.clicked.connect(self.start_new)
        self.starter_button.clicked.connect(self.add_starters)
        self.retire_button.clicked.connect(self.retire)
        self.save_button.clicked.connect(self.save)

    def _lay_out(self) -> None:
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.table, 1)
        buttons = QHBoxLayout()
        for widget in (self.show_retired, self.new_button, self.starter_button, self.retire_button):
            buttons.addWidget(widget)
        buttons.addStretch(1)
        left_layout.addLayout(buttons)
        right = QWidget()
        form = QFormLayout(right)
        form.setContentsMargins(0, 0, 0, 0)
        hint = plain(
            QLabel(
                tr("Placeholders: {names}. The operator fills them in when making a draft.").format(
                    names=", ".join("{" + p.value + "} " + p.label for p in Placeholder)
                )
            )
        )
        hint.setWordWrap(True)
        form.addRow(hint)
        form.addRow(self._caption(tr("Na&me:"), self.name), self.name)
        form.addRow(self._caption(tr("&Kind:"), self.category), self.category)
        form.addRow(self._caption(tr("Draft &title:"), self.title), self.title)
        form.addRow(self._caption(tr("Te&xt:"), self.text), self.text)
        grid = QGridLayout()
        for index, box in enumerate(self.platforms.values()):
            grid.addWidget(box, index // 3, index % 3)
        form.addRow(tr("Only for (none: every platform):"), grid)
        kinds = QHBoxLayout()
        for box in self.kinds.values():
            kinds.addWidget(box)
        kinds.addStretch(1)
        form.addRow(tr("Only for accounts (none: every kind):"), kinds)
        form.addRow(self._caption(tr("Cla&uses followed:"), self.clauses), self.clauses)
        form.addRow(self._caption(tr("N&ote for operators:"), self.note), self.note)
        form.addRow(self.result)
        form.addRow(self.save_button)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setSizes([420, 560])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

    @staticmethod
    def _caption(text: str, buddy: QWidget) -> QLabel:
        label = QLabel(text)
        label.setBuddy(buddy)
        return label

    # -- the form --
    def content(self) -> TemplateContent:
        return TemplateContent(
            name=self.name.text(),
            title=self.title.text(),
            text=self.text.toPlainText(),
            category=TemplateCategory(self.category.currentData()),
            platforms=tuple(p for p, box in self.platforms.items() if box.isChecked()),
            account_kinds=tuple(k for k, box in self.kinds.items() if box.isChecked()),
            clauses=tuple(c.strip() for c in self.clauses.text().replace("、", ",").split(",") if c.strip()),
            note=self.note.text(),
        )

    def _form(self) -> tuple[object, ...]:
        return (self.editing.id if self.editing else None, self.content())

    @property
    def dirty(self) -> bool:
        return self._loaded is not None and self._form() != self._loaded

    def _show(self, template: TemplateInfo | None, *, keep_result: bool = False) -> None:
        self.editing = template
        content = template.content if template is not None else TemplateContent("", "", "")
        self.name.setText(content.name)
        self.category.setCurrentIndex(max(0, self.category.findData(content.category.value)))
        self.title.setText(content.title)
        self.text.setPlainText(content.text)
        for platform, box in self.platforms.items():
            box.setChecked(platform in content.platforms)
        for kind, box in self.kinds.items():
            box.setChecked(kind in content.account_kinds)
        self.clauses.setText(", ".join(content.clauses))
        self.note.setText(content.note)
        if not keep_result:  # a re-read after a save keeps what the save said
            self.result.setText(
                tr("Notes from the checks: {flags}").format(flags=", ".join(template.flags))
                if template is not None and template.flags
                else ""
            )
            self.result.setStyleSheet("")
        self._loaded = self._form()
        self._update_actions()

    def load(self, *, force: bool = False, keep: int | None = None, then_say: str | None = None) -> None:
        """Read the library off the UI thread; ``keep`` is shown chosen, then the result line says ``then_say``."""
        if self.dirty and not force:
            return
        if keep is None and self.editing is not None:
            keep = self.editing.id
        store, retired = self.session.store, self.show_retired.isChecked()
        if then_say is not None:
            self.reads.after(lambda: self._say(then_say))  # after the rows: choosing one rewrites the line
        self.reads.run(
            lambda: list_templates(store, include_retired=retired), lambda rows: self._show_rows(rows, force, keep)
        )

    def _say(self, text: str) -> None:
        self.result.setStyleSheet("")
        self.result.setText(text)

    def _show_rows(self, rows: list[TemplateInfo], force: bool, keep: int | None) -> None:
        if self.dirty and not force:
            return  # edited while the list was read: the edit stays
        self.model.set_rows(rows)
        again = next((i for i, t in enumerate(rows) if t.id == keep), None)
        if again is not None:
            self.table.selectRow(again)
            self._show(rows[again], keep_result=True)
        else:
            self._show(None, keep_result=keep is None)

    def _selected(self) -> TemplateInfo | None:
        row = selected_row(self.table)
        return self.model.row(row) if row is not None else None

    def _selected_changed(self) -> None:
        template = self._selected()
        if template is not None and (self.editing is None or template.id != self.editing.id):
            self._show(template)
        self._update_actions()

    def _update_actions(self) -> None:
        admin = self.session.has(Role.ADMINISTRATOR)
        editable = admin and not self.saving and (self.editing is None or not self.editing.retired)
        for line in (self.name, self.title, self.clauses, self.note):
            line.setReadOnly(not editable)
        self.text.setReadOnly(not editable)
        for control in (self.category, *self.platforms.values(), *self.kinds.values()):
            control.setEnabled(editable)
        self.save_button.setEnabled(editable)
        self.new_button.setEnabled(admin and not self.saving)
        self.starter_button.setEnabled(admin and not self.saving)
        self.retire_button.setEnabled(
            admin and not self.saving and self.editing is not None and not self.editing.retired
        )

    # -- actions --
    def start_new(self) -> None:
        self.table.clearSelection()
        self._show(None)
        self.name.setFocus()

    def save(self) -> None:
        service = self.session.service(TemplateService)
        content, editing = self.content(), self.editing

        def call() -> SavedTemplate:
            if editing is None:
                return service.create(content)
            return service.update(editing.id, editing.revision, content)

        def saved(result: SavedTemplate) -> None:
            lines = result.check.lines()
            said = tr("Saved. Notes from the checks:") + "\n" + "\n".join(lines) if lines else tr("Saved: no findings.")
            self.load(force=True, keep=result.id, then_say=said)

        self._run(call, saved)

    def add_starters(self) -> None:
        service = self.session.service(TemplateService)

        def added(ids: list[int]) -> None:
            self.load(
                force=True,
                then_say=tr("{count} starter templates added.").format(count=len(ids))
                if ids
                else tr("The library already has every starter template."),
            )

        self._run(service.add_starters, added)

    def retire(self) -> None:
        template = self.editing
        if template is None:
            return
        if not messages.ask(
            self,
            tr("Retire template"),
            tr("Retire “{name}”? Operators will no longer be offered it; drafts made from it keep their text.").format(
                name=template.content.name
            ),
            accept=tr("Re&tire"),
        ):
            return
        service = self.session.service(TemplateService)

        def retired(_none: None) -> None:
            self.editing = None
            self.load(force=True)

        self._run(lambda: service.retire(template.id), retired)

    def _run(self, call: Callable[[], T], done: Callable[[T], None]) -> None:
        def failed(exc: KohoGateError) -> None:
            self.result.setStyleSheet(f"color: {palette.BLOCK}")
            self.result.setText(str(exc))

        def finished() -> None:
            self.saving = False
            self._update_actions()

        self.saving = True
        self._update_actions()
        Operation(self, call).changes(Changes(settings=True)).success(done).failure(failed).finished(finished).run()
