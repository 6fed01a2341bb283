"""設定 → チェック項目: every guideline rule with its clause, severity and word lists.

Administrators change severities, switch rules off, edit the word lists and
the extra shortener domains; nothing is stored until 保存 (one audited change
with before and after). Everyone else sees the same page read-only, so any
member of staff can find out why a check exists.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from core.checks.config import CheckConfig, normalize_word
from core.checks.lexicon import BUILTIN_CATEGORIES, builtin_lexicons, effective_lexicons
from core.checks.model import Severity
from core.checks.rule_listing import RuleInfo, list_rules
from core.i18n import current_language
from core.organization.roles import Role
from core.services.organization import OrganizationService, load_check_config
from gui.i18n import translator
from gui.models.rows import Column, RowsModel
from gui.operations import LatestRead
from gui.session import AppSession
from gui.widgets import palette
from gui.widgets.plain import plain
from gui.widgets.table_view import make_table, selected_row

tr = translator("ChecksTab")


def severity_label(severity: Severity) -> str:
    # The same word as in the composer, the review and the CLI, with what it does.
    return tr("{label} ({meaning})").format(label=severity.label, meaning=severity.meaning)


def category_label(category: str) -> str:
    labels = {
        "defamation": tr("Defamation"),
        "discrimination": tr("Discrimination"),
        "political": tr("Political"),
        "religious": tr("Religious"),
        "commercial": tr("Commercial / advertising"),
        "obscene": tr("Obscene"),
        "rumour": tr("Rumour"),
        "confidential": tr("Confidential"),
        "illegal": tr("Illegal"),
        "personal_opinion": tr("Personal opinion"),
        "rights": tr("Others' rights"),
    }
    return labels.get(category, category)


def _words(edit: QPlainTextEdit) -> list[str]:
    return [w for w in (normalize_word(line) for line in edit.toPlainText().splitlines()) if w]


class ChecksTab(QWidget):
    """Signals: ``dirty_changed(bool)`` when unsaved changes appear or are saved/reverted."""

    dirty_changed = Signal(bool)
    show_organization = Signal()

    def __init__(self, session: AppSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.reads = LatestRead(self)  # the settings screen counts it among its own reads
        self.saving = False  # a save is on its way (off the UI thread)
        self.session = session
        self.saved = CheckConfig()
        self.config = CheckConfig()
        self.model: RowsModel[RuleInfo] = RowsModel(
            [
                Column(
                    tr("Check"),
                    lambda r: r.title(current_language()),
                    # The id is what records, the CLI's JSON and support requests name.
                    tooltip=lambda r: f"{r.id}\n{r.description(current_language())}",
                ),
                Column(tr("Clause"), lambda r: ", ".join(r.clauses), tooltip=lambda r: ", ".join(r.clauses)),
                Column(
                    tr("Severity"),
                    # The short word in the table (its meaning is in the severity box and the tooltip).
                    lambda r: r.severity.label if r.enabled else tr("Off"),
                    tooltip=lambda r: severity_label(r.severity) if r.enabled else tr("Off"),
                    foreground=lambda r: None if r.severity == r.default_severity and r.enabled else palette.CONFIRM,
                ),
                Column(
                    tr("Default"),
                    lambda r: r.default_severity.label,
                    tooltip=lambda r: severity_label(r.default_severity),
                ),
            ]
        )
        self.table = make_table(self.model, tr("Guideline checks"), self, stretch_column=0)
        self.table.setSortingEnabled(False)
        detail = self._build_detail()
        words_box = self._build_words()
        shortener_box = self._build_shorteners()
        self._lay_out(detail, words_box, shortener_box)
        self._connect()
        self._loading = False

    def _build_detail(self) -> QGroupBox:
        """The selected rule: its text, severity and on/off switch."""
        self.rule_title = QLabel()
        self.rule_title.setObjectName("ruleTitle")
        self.rule_text = QLabel()
        self.rule_text.setWordWrap(True)
        self.rule_text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.severity = QComboBox()
        self.severity.setAccessibleName(tr("Severity"))
        self.severity.addItem(tr("Built-in default"), None)
        for severity in Severity:
            self.severity.addItem(severity_label(severity), severity.value)
        self.enabled = QCheckBox(tr("&Rule is on"))
        self.rule_text.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Minimum)
        self.rule_text.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        # Room for a wrapped description and its example without the layout jumping.
        self.rule_text.setMinimumHeight(self.rule_text.fontMetrics().lineSpacing() * 7)
        detail = QGroupBox(tr("Selected rule"))
        detail_layout = QVBoxLayout(detail)
        detail_layout.addWidget(self.rule_title)
        detail_layout.addWidget(self.rule_text)
        severity_row = QHBoxLayout()
        severity_caption = QLabel(tr("&Severity:"))
        severity_caption.setBuddy(self.severity)
        severity_row.addWidget(severity_caption)
        severity_row.addWidget(self.severity, 1)
        severity_row.addWidget(self.enabled)
        detail_layout.addLayout(severity_row)
        return detail

    def _build_words(self) -> QGroupBox:
        self.category = QComboBox()
        self.category.setAccessibleName(tr("Word list"))
        self.words = QPlainTextEdit()
        self.words.setAccessibleName(tr("Words, one per line"))
        self.words.setToolTip(
            tr(
                "One phrase per line, found as written. A line starting with ~ is a word rule matched on "
                "morphemes, so other spellings and conjugations match too: ~私個人…反対 allows a few words "
                "in place of …, and ' !word' after it means: not in a post that contains that word."
            )
        )
        self.words.setTabChangesFocus(True)
        self.new_category = QPushButton(tr("Ne&w list…"))
        words_box = QGroupBox(tr("Word lists (wako:5 prohibited content, joso:5)"))
        words_layout = QVBoxLayout(words_box)
        row = QHBoxLayout()
        caption = QLabel(tr("&List:"))
        caption.setBuddy(self.category)
        row.addWidget(caption)
        row.addWidget(self.category, 1)
        row.addWidget(self.new_category)
        words_layout.addLayout(row)
        words_layout.addWidget(self.words, 1)
        return words_box

    def _build_shorteners(self) -> QGroupBox:
        self.shorteners_added = QPlainTextEdit()
        self.shorteners_added.setAccessibleName(tr("Extra shortener domains"))
        self.shorteners_removed = QPlainTextEdit()
        self.shorteners_removed.setAccessibleName(tr("Domains not to treat as shorteners"))
        for edit in (self.shorteners_added, self.shorteners_removed):
            edit.setTabChangesFocus(True)
            edit.setMaximumHeight(64)
        shortener_box = QGroupBox(tr("URL shorteners (wako:5-ア)"))
        shortener_form = QFormLayout(shortener_box)
        shortener_form.addRow(tr("Also treat as shorteners:"), self.shorteners_added)
        shortener_form.addRow(tr("Do not treat as shorteners:"), self.shorteners_removed)
        return shortener_box

    def _lay_out(self, detail: QGroupBox, words_box: QGroupBox, shortener_box: QGroupBox) -> None:
        self.org_link = QPushButton(tr("Own domains, published contacts, places and officials…"))
        self.org_link.setToolTip(
            tr(
                "Links to own domains and own accounts are not third-party links; published contacts are not PII; "
                "place names and officials are not personal names."
            )
        )
        self.status = plain(QLabel())
        self.save_button = QPushButton(tr("Save check settin&gs"))
        self.revert_button = QPushButton(tr("Rever&t"))

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(detail)
        right_layout.addWidget(words_box, 1)
        right_layout.addWidget(shortener_box)
        right_layout.addWidget(self.org_link)
        splitter = QSplitter()
        splitter.addWidget(self.table)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([760, 400])
        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.revert_button)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addLayout(buttons)

    def _connect(self) -> None:
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._show_rule())
        self.severity.activated.connect(lambda _i: self._severity_changed())
        self.enabled.clicked.connect(self._enabled_changed)
        self.category.currentIndexChanged.connect(lambda _i: self._show_words())
        self.words.textChanged.connect(self._words_changed)
        self.new_category.clicked.connect(self._add_category)
        self.shorteners_added.textChanged.connect(self._shorteners_changed)
        self.shorteners_removed.textChanged.connect(self._shorteners_changed)
        self.save_button.clicked.connect(self.save)
        self.revert_button.clicked.connect(self.load)
        self.org_link.clicked.connect(self.show_organization.emit)

    # -- state --
    @property
    def editable(self) -> bool:
        return self.session.has(Role.ADMINISTRATOR)

    @property
    def dirty(self) -> bool:
        return self.config.to_json() != self.saved.to_json()

    def load(self, *, then_say: str = "", keep_edits: bool = False) -> None:
        """Read the stored configuration off the UI thread; it replaces the shown one (then ``then_say``) when in.

        With ``keep_edits`` (a refresh, not a save) an edit begun while it was read is left alone.
        """
        store = self.session.store
        if then_say:
            self.reads.after(lambda: self.status.setText(then_say))  # showing the settings resets the line
        self.reads.run(
            lambda: CheckConfig.from_json(load_check_config(store)),
            lambda saved: self._loaded_config(saved, keep_edits),
        )

    def _loaded_config(self, saved: CheckConfig, keep_edits: bool) -> None:
        if keep_edits and self.dirty:
            return
        self.saved = saved
        self._set_config(self.saved, reload_words=True)

    def _set_config(self, config: CheckConfig, *, reload_words: bool = False) -> None:
        self.config = config
        row = selected_row(self.table)
        self.model.set_rows(list_rules(config))
        if row is not None and row < self.model.rowCount():
            self.table.selectRow(row)
        if reload_words:
            self._loading = True
            current = self.category.currentData()
            self.category.clear()
            for category in effective_lexicons(config):
                self.category.addItem(category_label(category), category)
            self.category.setCurrentIndex(max(self.category.findData(current), 0))
            self.shorteners_added.setPlainText("\n".join(config.shorteners_added))
            self.shorteners_removed.setPlainText("\n".join(config.shorteners_removed))
            self._loading = False
            self._show_words()
        self._update_state()

    def _update_state(self) -> None:
        editable = self.editable
        for widget in (self.severity, self.enabled, self.new_category):
            widget.setEnabled(editable and (widget is self.new_category or self._selected() is not None))
        for edit in (self.words, self.shorteners_added, self.shorteners_removed):
            edit.setReadOnly(not editable)
        self.save_button.setEnabled(editable and self.dirty)
        self.revert_button.setEnabled(self.dirty)
        if not editable:
            self.status.setText(tr("Read-only: only administrators change the checks."))
        elif self.dirty:
            self.status.setText(tr("Unsaved changes."))
        else:
            self.status.setText("")
        self.dirty_changed.emit(self.dirty)

    # -- rule detail --
    def _selected(self) -> RuleInfo | None:
        row = selected_row(self.table)
        return self.model.row(row) if row is not None else None

    def _show_rule(self) -> None:
        rule = self._selected()
        self._update_state()
        if rule is None:
            self.rule_title.setText("")
            self.rule_text.setText("")
            return
        self.rule_title.setText(
            f"<b>{html.escape(rule.title(current_language()))}</b> — {html.escape(', '.join(rule.clauses))}"
            f"<br><small>{html.escape(rule.id)}</small>"
        )
        self.rule_text.setText(
            tr("{description}\nExample: {example}").format(
                description=rule.description(current_language()), example=rule.example or "—"
            )
        )
        override = self.config.severity_overrides.get(rule.id)
        self.severity.setCurrentIndex(self.severity.findData(override.value if override else None))
        self.enabled.setChecked(rule.enabled)

    def _severity_changed(self) -> None:
        rule = self._selected()
        if rule is None:
            return
        value = self.severity.currentData()
        self._set_config(self.config.with_severity(rule.id, Severity(value) if value else None))

    def _enabled_changed(self, checked: bool) -> None:
        rule = self._selected()
        if rule is not None:
            self._set_config(self.config.with_enabled(rule.id, checked))

    # -- word lists --
    def _show_words(self) -> None:
        category = self.category.currentData()
        if category is None:
            return
        self._loading = True
        self.words.setPlainText("\n".join(effective_lexicons(self.config).get(category, ())))
        self._loading = False

    def _words_changed(self) -> None:
        category = self.category.currentData()
        if self._loading or category is None or not self.editable:
            return
        wanted = _words(self.words)
        shipped = builtin_lexicons().get(category, ())
        added = [w for w in wanted if w not in shipped]
        removed = [w for w in shipped if w not in wanted]
        self._set_config(self.config.with_words(category, added, removed))

    def _add_category(self) -> None:
        name, ok = QInputDialog.getText(
            self, tr("New word list"), tr("Name (lower-case letters, digits and _), e.g. local_terms:")
        )
        name = name.strip().lower()
        if not ok or not name:
            return
        if name in BUILTIN_CATEGORIES or self.category.findData(name) >= 0:
            self.category.setCurrentIndex(self.category.findData(name))
            return
        try:
            CheckConfig().with_words(name, ["x"])
        except ValueError:
            self.status.setText(tr("A list name uses lower-case letters, digits and _ only."))
            return
        # The list exists in the configuration once it has a word.
        self.category.addItem(category_label(name), name)
        self.category.setCurrentIndex(self.category.count() - 1)
        self.words.setFocus()

    def _shorteners_changed(self) -> None:
        if self._loading or not self.editable:
            return
        added = [line.strip() for line in self.shorteners_added.toPlainText().splitlines() if line.strip()]
        removed = [line.strip() for line in self.shorteners_removed.toPlainText().splitlines() if line.strip()]
        try:
            config = self.config.with_shorteners(added, removed)
        except ValueError as exc:
            self.status.setText(tr("Not a domain name: {error}").format(error=exc))
            return
        self._set_config(config)

    # -- saving --
    def save(self) -> None:
        """Save off the UI thread; a refusal is shown plainly, a bug goes to the crash dialog."""
        from gui.changes import Changes
        from gui.operations import Operation

        service = self.session.service(OrganizationService)
        config = self.config.to_json()
        self.saving = True

        def saved(_result: object) -> None:
            # Said once the saved settings are shown again: showing them resets the line.
            self.load(then_say=tr("Check settings saved and recorded in the audit record."))

        def finished() -> None:
            self.saving = False

        Operation(self, lambda: service.set_check_config(config)).changes(Changes(settings=True)).finished(
            finished
        ).success(saved).run()
