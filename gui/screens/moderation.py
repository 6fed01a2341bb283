"""モデレーション: replies and mentions read back from the platforms, triaged, and what was done about them.

The screen renders what :mod:`core.services.inbound` keeps and what the
platform facts allow (:func:`core.platforms.facts.inbound_facts`); each
button is one use case, run off the UI thread through
:class:`gui.operations.Operation` and recorded in the audit chain. Every
action asks for a reason. A hide or delete keeps the reply as evidence first
(the service does that, not the screen). Replies are residents' words:
shown as text, never as HTML, and links are shown, not opened.
"""

from __future__ import annotations

import html

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from core.audit.events import Changes
from core.inbound.spike import SpikeSettings
from core.inbound.triage import Level, rule_title
from core.organization.roles import Role
from core.platforms.facts import Moderation, inbound_facts, no_replies_message, platform_label, reads_replies
from core.services.accounts import AccountInfo, list_accounts
from core.services.inbound import (
    EpisodeVolume,
    InboundService,
    QueueItem,
    Settings,
    SpikeAlert,
    list_queue,
    load_settings,
    open_spikes,
)
from core.services.inbound_watch import InboundWatch, WatchReport
from gui import messages
from gui.i18n import translator
from gui.models.rows import Column, RowsModel
from gui.operations import Operation
from gui.screens.base import Screen
from gui.session import AppSession
from gui.widgets.dialogs import CommentDialog
from gui.widgets.palette import BLOCK, CONFIRM, MUTED
from gui.widgets.plain import plain
from gui.widgets.table_view import make_table, selected_row

tr = translator("ModerationScreen")

QUEUE_CHANGED = Changes(incidents=True)
LEVEL_COLOURS = {Level.ACTION: BLOCK, Level.CHECK: CONFIRM, Level.INFO: MUTED}


def action_label(action: Moderation) -> str:
    return {
        Moderation.HIDE: tr("Hide"),
        Moderation.DELETE: tr("Delete"),
        Moderation.BLOCK: tr("Block the author"),
        Moderation.MUTE: tr("Mute the author"),
        Moderation.REPORT: tr("Report to the platform"),
    }[action]


def kind_label(kind: str) -> str:
    return {
        "reply": tr("Reply"),
        "mention": tr("Mention"),
        "quote": tr("Quote"),
        "comment": tr("Comment"),
    }.get(kind, kind)


def done_label(action: str) -> str:
    try:
        return action_label(Moderation(action))
    except ValueError:
        return tr("Marked handled") if action == "handled" else action


class SettingsDialog(QDialog):
    """The organization's retention period and 炎上 threshold (administrators)."""

    def __init__(self, current: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Reply settings"))
        self.retention = QSpinBox()
        self.retention.setRange(30, 3650)
        self.retention.setSuffix(tr(" days"))
        self.retention.setValue(current.retention_days)
        self.factor = QDoubleSpinBox()
        self.factor.setRange(1.5, 50.0)
        self.factor.setSingleStep(0.5)
        self.factor.setValue(current.spike.factor)
        self.minimum = QSpinBox()
        self.minimum.setRange(1, 10_000)
        self.minimum.setValue(current.spike.min_per_hour)
        self.share = QSpinBox()
        self.share.setRange(1, 100)
        self.share.setSuffix(" %")
        self.share.setValue(round(current.spike.flagged_share * 100))
        form = QFormLayout()
        form.addRow(tr("&Keep replies for:"), self.retention)
        form.addRow(tr("炎上 when replies an hour reach this many times the usual:"), self.factor)
        form.addRow(tr("…and at least this many an hour:"), self.minimum)
        form.addRow(tr("…or this share of them needs a person:"), self.share)
        note = plain(
            QLabel(
                tr(
                    "Replies are residents' personal data: they are deleted after this period, except what was "
                    "copied into an incident as evidence."
                )
            )
        )
        note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def value(self) -> Settings:
        return Settings(
            self.retention.value(),
            SpikeSettings(self.factor.value(), self.minimum.value(), self.share.value() / 100),
        )


class ModerationScreen(Screen):
    def __init__(self, session: AppSession, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.current: QueueItem | None = None
        self.spikes: list[SpikeAlert] = []
        self.spike_label = plain(QLabel())
        self.spike_label.setObjectName("spikeBanner")
        self.spike_label.setWordWrap(True)
        self.spike_button = QPushButton(tr("Open a 炎上 &incident…"))
        banner = QHBoxLayout()
        banner.addWidget(self.spike_label, 1)
        banner.addWidget(self.spike_button)
        self.no_replies = plain(QLabel())
        self.no_replies.setObjectName("noRepliesNote")
        self.no_replies.setWordWrap(True)
        self.account = QComboBox()
        self.account.setAccessibleName(tr("Account"))
        self.include_handled = QCheckBox(tr("Sho&w handled"))
        self.read_button = QPushButton(tr("&Read now"))
        self.read_button.setToolTip(tr("Read new replies on this terminal now (otherwise every few minutes)."))
        filters = QHBoxLayout()
        account_label = QLabel(tr("A&ccount:"))
        account_label.setBuddy(self.account)
        filters.addWidget(account_label)
        filters.addWidget(self.account)
        filters.addWidget(self.include_handled)
        filters.addStretch(1)
        self.settings_button = QPushButton(tr("&Settings…"))
        filters.addWidget(self.settings_button)
        filters.addWidget(self.read_button)
        self.model: RowsModel[QueueItem] = RowsModel(
            [
                Column(tr("Level"), lambda q: q.level.label, foreground=lambda q: LEVEL_COLOURS.get(q.level)),
                Column(tr("Written"), lambda q: q.item.created_at or q.received_at),
                Column(tr("Account"), lambda q: q.account_handle),
                Column(tr("Author"), lambda q: q.item.author.handle or q.item.author.name),
                Column(tr("Kind"), lambda q: kind_label(q.item.kind.value)),
                Column(tr("Matched rule"), _rule_text),
                Column(tr("Text"), lambda q: " ".join(q.item.text.split())[:120], tooltip=lambda q: q.item.text),
                Column(tr("Done"), _done_text),
            ]
        )
        self.table = make_table(self.model, tr("Moderation queue"), self, stretch_column=6)
        self.view = QTextBrowser()
        self.view.setObjectName("moderationDetail")
        self.view.setOpenLinks(False)
        self.view.setAccessibleName(tr("Reply details"))
        self.buttons: dict[Moderation, QPushButton] = {
            Moderation.HIDE: QPushButton(tr("Hi&de…")),
            Moderation.DELETE: QPushButton(tr("De&lete…")),
            Moderation.BLOCK: QPushButton(tr("&Block…")),
            Moderation.MUTE: QPushButton(tr("&Mute…")),
            Moderation.REPORT: QPushButton(tr("Re&port…")),
        }
        self.handled_button = QPushButton(tr("Mark ha&ndled…"))
        self.escalate_button = QPushButton(tr("&Escalate to an incident…"))
        self.reply_button = QPushButton(tr("&Answer (draft)…"))
        row = QHBoxLayout()
        for button in (*self.buttons.values(), self.handled_button, self.escalate_button, self.reply_button):
            row.addWidget(button)
        row.addStretch(1)
        splitter = QSplitter()
        splitter.addWidget(self.table)
        splitter.addWidget(self.view)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(banner)
        layout.addWidget(self.no_replies)
        layout.addLayout(filters)
        layout.addWidget(splitter, 1)
        layout.addLayout(row)
        self._connect()
        self.on_actor_changed()

    def _connect(self) -> None:
        self.account.currentIndexChanged.connect(lambda _i: self.refresh())
        self.include_handled.toggled.connect(lambda _on: self.refresh())
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._show_selected())
        self.read_button.clicked.connect(self.read_now)
        self.settings_button.clicked.connect(self._settings)
        self.spike_button.clicked.connect(self._open_spike_incident)
        for action, button in self.buttons.items():
            button.clicked.connect(lambda _checked=False, a=action: self._moderate(a))
        self.handled_button.clicked.connect(self._mark_handled)
        self.escalate_button.clicked.connect(self._escalate)
        self.reply_button.clicked.connect(self._reply)

    # -- data --
    def concerned_by(self, changes: Changes) -> bool:
        return changes.incidents or changes.accounts

    def _fill_accounts(self, accounts: list[AccountInfo]) -> None:
        self.account.blockSignals(True)
        chosen = self.account.currentData()
        self.account.clear()
        self.account.addItem(tr("All accounts"), None)
        silent = []
        for account in accounts:
            if reads_replies(account.platform):
                self.account.addItem(f"{account.handle} ({platform_label(account.platform)})", account.id)
            else:
                silent.append(
                    f"{account.handle} ({platform_label(account.platform)}): {no_replies_message(account.platform)}"
                )
        self.account.setCurrentIndex(max(0, self.account.findData(chosen)))
        self.account.blockSignals(False)
        self.no_replies.setText("\n".join(silent))
        self.no_replies.setVisible(bool(silent))

    def refresh(self) -> None:
        store, account_id, handled = self.session.store, self.account.currentData(), self.include_handled.isChecked()
        self.read(
            lambda: (
                list_accounts(store),
                list_queue(store, account_id=account_id, include_handled=handled),
                open_spikes(store),
            ),
            self._show,
        )

    def _show(self, read: tuple[list[AccountInfo], list[QueueItem], list[SpikeAlert]]) -> None:
        accounts, queue, self.spikes = read
        self._fill_accounts(accounts)
        chosen = self.current.id if self.current is not None else None  # as it is now, not when the read began
        self.model.set_rows(queue)
        if self.spikes:
            self.spike_label.setText(
                "\n".join(
                    tr(
                        "炎上 suspected on {handle}: {count} replies in an hour (usually {usual:.1f}). "
                        "Respond calmly, avoid needless argument (joso:6(6))."
                    ).format(handle=s.handle, count=s.per_hour, usual=s.baseline_per_hour)
                    for s in self.spikes
                )
            )
            self.spike_label.setStyleSheet(f"color:{BLOCK};font-weight:bold")
        self.spike_label.setVisible(bool(self.spikes))
        self.spike_button.setVisible(bool(self.spikes))
        self._select(chosen)

    def _select(self, item_id: int | None) -> None:
        for index in range(self.model.rowCount()):
            if self.model.row(index).id == item_id:
                self.table.selectRow(index)
                return
        if self.model.rowCount():
            self.table.selectRow(0)
        else:
            self._show_selected()

    def selected(self) -> QueueItem | None:
        index = selected_row(self.table)
        return self.model.row(index) if index is not None else None

    def _show_selected(self) -> None:
        self.current = self.selected()
        self.view.setHtml(detail_html(self.current) if self.current is not None else "")
        self.on_actor_changed()

    def on_actor_changed(self) -> None:
        item = self.current
        moderator = self.session.has(Role.OPERATOR) or self.session.has(Role.SUPERVISOR)
        facts = inbound_facts(item.platform) if item is not None else None
        for action, button in self.buttons.items():
            api = bool(facts and facts.can(action))
            by_hand = bool(facts and action in facts.by_hand)
            button.setEnabled(item is not None and moderator and (api or by_hand))
            if facts is None:
                button.setToolTip("")
            elif api:
                button.setToolTip(tr("Through the platform's API, from this terminal."))
            elif by_hand:
                button.setToolTip(tr("Not in the platform's API: do it in the platform's app, then record it here."))
            else:
                button.setToolTip(
                    tr("{platform} does not offer this.").format(platform=platform_label(item.platform if item else ""))
                )
        self.handled_button.setEnabled(item is not None and moderator and not item.handled)
        self.escalate_button.setEnabled(item is not None and item.incident_id is None)
        self.reply_button.setEnabled(
            item is not None and self.session.has(Role.OPERATOR) and item.reply_draft_id is None
        )
        deciders = self.session.has(Role.SUPERVISOR) or self.session.has(Role.ADMINISTRATOR)
        self.spike_button.setEnabled(deciders)
        self.spike_button.setToolTip(
            "" if deciders else tr("Opening an incident for a 炎上 needs a supervisor or administrator.")
        )
        self.read_button.setEnabled(self.session.has(Role.OPERATOR))
        admin = self.session.has(Role.ADMINISTRATOR)
        self.settings_button.setEnabled(admin)
        self.settings_button.setToolTip("" if admin else tr("Changing these needs an administrator."))

    def _settings(self) -> None:
        store = self.session.store
        Operation(self, lambda: load_settings(store)).success(self._ask_settings).run()

    def _ask_settings(self, settings: Settings) -> None:
        dialog = SettingsDialog(settings, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        service = self.session.service(InboundService)
        chosen = dialog.value()
        Operation(self, lambda: service.change_settings(chosen)).changes(Changes(settings=True, incidents=True)).run()

    # -- actions --
    def read_now(self) -> None:
        watch = InboundWatch(self.session.store, self.session.actor)
        chosen = self.account.currentData()  # read here: widgets belong to the UI thread

        def run() -> WatchReport:
            try:
                # One account: read it or say why not. All: those this terminal reads, without refusals.
                return watch.run([chosen]) if chosen is not None else watch.run(only_here=True)
            finally:
                watch.close()

        self.read_button.setEnabled(False)
        Operation(self, run).changes(QUEUE_CHANGED).success(self._read_done).finished(
            lambda: self.read_button.setEnabled(self.session.has(Role.OPERATOR))
        ).run()

    def _read_done(self, report: WatchReport) -> None:
        problems = [f"{r.handle}: {r.error}" for r in report.reads if r.error]
        text = tr("{new} new replies, {attention} needing a person.").format(
            new=report.new, attention=report.needing_action
        )
        if problems:
            messages.warning(self, tr("Reading replies"), text, informative="\n".join(problems))
        window = self.window()
        status = getattr(window, "statusBar", None)
        if callable(status):
            status().showMessage(text, 30_000)

    def _reason(self, title: str, prompt: str) -> str | None:
        dialog = CommentDialog(title, prompt, required=True, parent=self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.comment()

    def _moderate(self, action: Moderation) -> None:
        item = self.current
        if item is None:
            return
        facts = inbound_facts(item.platform)
        api = facts.can(action)
        name = platform_label(item.platform)
        prompt = (
            tr("{action} on {platform}. The reply's text, author, address and time are kept as evidence first. Why?")
            if action in (Moderation.HIDE, Moderation.DELETE)
            else tr("{action} on {platform}. Why?")
        ).format(action=action_label(action), platform=name)
        if not api:
            prompt = tr(
                "{platform} does not let KohoGate do this. Do it in {platform}'s app first; KohoGate records "
                "that it was done. Why was it done?"
            ).format(platform=name)
        reason = self._reason(action_label(action), prompt)
        if reason is None:
            return
        if action is Moderation.DELETE and not messages.confirm_irreversible(
            self,
            tr("Delete the comment"),
            tr("Delete this comment on {platform}? It cannot be restored; the evidence stays here.").format(
                platform=name
            ),
            accept=tr("&Delete"),
        ):
            return
        watch = InboundWatch(self.session.store, self.session.actor)

        def run() -> None:
            try:
                if api:
                    watch.act(item.id, action, reason)
                else:
                    watch.record_by_hand(item.id, action, reason)
            finally:
                watch.close()

        Operation(self, run).changes(QUEUE_CHANGED).run()

    def _mark_handled(self) -> None:
        item = self.current
        if item is None:
            return
        reason = self._reason(tr("Mark handled"), tr("No action on the platform. Why is this reply handled?"))
        if reason is not None:
            service = self.session.service(InboundService)
            Operation(self, lambda: service.mark_handled(item.id, reason)).changes(QUEUE_CHANGED).run()

    def _escalate(self) -> None:
        item = self.current
        if item is None:
            return
        reason = self._reason(
            tr("Escalate to an incident"),
            tr(
                "Open an incident for this reply (threat, fraud or prohibited post, joso:6(5)); the reply is copied "
                "into it as evidence, and its steps include consulting the police. What happened?"
            ),
        )
        if reason is None:
            return
        service = self.session.service(InboundService)
        Operation(self, lambda: service.escalate(item.id, reason)).changes(QUEUE_CHANGED).success(
            lambda incident_id: messages.info(
                self,
                tr("Incident opened"),
                tr("Incident {id} is open on the Incidents screen.").format(id=incident_id),
            )
        ).run()

    def _reply(self) -> None:
        item = self.current
        if item is None:
            return
        service = self.session.service(InboundService)
        Operation(self, lambda: service.start_reply(item.id)).changes(Changes(incidents=True, all_drafts=True)).success(
            lambda draft_id: messages.info(
                self,
                tr("Answer drafted"),
                tr(
                    "Draft {id} is on the Drafts screen. It goes through sign-off like any other post "
                    "(wako:5-conduct: answer carefully, sincerely and fairly)."
                ).format(id=draft_id),
            )
        ).run()

    def _open_spike_incident(self) -> None:
        if not self.spikes:
            return
        spike = self.spikes[0]
        if not messages.ask(
            self,
            tr("炎上"),
            tr("Open a 炎上 incident for {handle}? Its steps follow joso:6(6).").format(handle=spike.handle),
            accept=tr("&Open incident"),
        ):
            return
        service = self.session.service(InboundService)
        Operation(self, lambda: service.open_spike_incident(spike.episode_id)).changes(QUEUE_CHANGED).run()


def _rule_text(item: QueueItem) -> str:
    match = item.first_rule
    if match is None:
        return ""
    return f"{rule_title(match.rule_id)} ({match.clause})"


def _done_text(item: QueueItem) -> str:
    if item.incident_id is not None:
        return tr("Incident {id}").format(id=item.incident_id)
    return ", ".join(done_label(a.action) for a in item.actions)


def detail_html(item: QueueItem) -> str:
    """The reply in words: every value escaped (residents' text is untrusted)."""
    e = html.escape
    written = item.item.created_at or item.received_at
    rows = [
        (tr("Level"), item.level.label),
        (tr("Account"), f"{item.account_handle} ({platform_label(item.platform)})"),
        (tr("Author"), f"{item.item.author.name} {item.item.author.handle}".strip()),
        (tr("Kind"), kind_label(item.item.kind.value)),
        (tr("Written"), written.astimezone().strftime("%Y-%m-%d %H:%M")),
        (tr("Address"), item.item.url),
    ]
    table = "".join(f"<tr><th align='left'>{e(k)}</th><td>{e(v)}</td></tr>" for k, v in rows)
    matches = (
        "".join(
            f"<li><b style='color:{LEVEL_COLOURS[m.level]}'>{e(m.level.label)}</b> "
            f"{e(rule_title(m.rule_id))}: {e(m.message)}"
            f" <span style='color:{MUTED}'>[{e(m.rule_id)} — {e(m.clause)}]</span></li>"
            for m in item.matches
        )
        or f"<li>{e(tr('No rule matched.'))}</li>"
    )
    original = (
        f"<h4>{e(tr('The post it answers'))}</h4><blockquote>{e(item.original_text)}</blockquote>"
        if item.original_text
        else (
            f"<p style='color:{MUTED}'>{e(tr('In reply to'))}: {e(item.item.in_reply_to)}</p>"
            if item.item.in_reply_to
            else ""
        )
    )
    done = "".join(
        f"<li>{e(a.at.astimezone().strftime('%Y-%m-%d %H:%M'))} {e(done_label(a.action))}"
        + (f" ({e(tr('in the platform app'))})" if a.by_hand else "")
        + f" — {e(a.by)}: {e(a.reason)}</li>"
        for a in item.actions
    )
    return (
        f"<table>{table}</table>"
        f"<h4>{e(tr('Text'))}</h4><p style='white-space:pre-wrap'>{e(item.item.text)}</p>"
        f"{original}<h4>{e(tr('Why it is here'))}</h4><ul>{matches}</ul>"
        + (f"<h4>{e(tr('Done'))}</h4><ul>{done}</ul>" if done else "")
    )


def volume_html(volume: EpisodeVolume) -> str:
    """A 炎上 incident's volume over time as bars (plain HTML: the incident view is a text browser)."""
    e = html.escape
    peak = max((count for _h, count, _f in volume.hours), default=0) or 1
    bars = "".join(
        f"<tr><td style='color:{MUTED}'>{e(hour.astimezone().strftime('%m-%d %H:00'))}</td>"
        f"<td><span style='background:{BLOCK if flagged else CONFIRM};color:{BLOCK if flagged else CONFIRM}'>"
        f"{'█' * max(1, round(24 * count / peak)) if count else ''}</span></td><td>{count}"
        + (f" ({e(tr('needing a person'))}: {flagged})" if flagged else "")
        + "</td></tr>"
        for hour, count, flagged in volume.hours
    )
    drew = (
        "".join(
            f"<li>{e(' '.join(text.split())[:80])} — {e(tr('{count} replies').format(count=count))}</li>"
            for text, count in volume.drew
        )
        or f"<li>{e(tr('Not known'))}</li>"
    )
    answers = ", ".join(tr("draft {id}").format(id=d) for d in volume.answers) or tr("None yet")
    return (
        f"<h3>{e(tr('Replies per hour on {handle}').format(handle=volume.handle))}</h3><table>{bars}</table>"
        f"<h4>{e(tr('The posts that drew them'))}</h4><ul>{drew}</ul>"
        f"<h4>{e(tr('Answers drafted'))}</h4><p>{e(answers)}</p>"
    )
