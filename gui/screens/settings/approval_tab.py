"""設定 → 承認: signing keys, deputies (代理) and the emergency rules.

Anyone who decides creates their signing key here (the private half stays in
this computer's keyring) and reads out the fingerprint; an administrator
compares it and registers the key, names deputies for absent supervisors and
sets whether emergency posts may go out before approval.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import TypeVar

from PySide6.QtCore import QDateTime, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from core.organization.roles import Role
from core.services.deputies import DeputyInfo, DeputyService, list_deputies
from core.services.emergency import EmergencyPolicy, EmergencyService, load_policy
from core.services.signing_keys import Announcement, KeyInfo, SigningKeyService, list_keys, unregistered_announcements
from core.services.staff import StaffInfo, list_staff
from core.signoff.keys import short_fingerprint
from gui.changes import Changes
from gui.i18n import translator
from gui.models.rows import Column, RowsModel
from gui.operations import LatestRead, Operation
from gui.review.signer import signer_for
from gui.session import AppSession
from gui.widgets.plain import plain
from gui.widgets.table_view import make_table, selected_row

tr = translator("ApprovalTab")


T = TypeVar("T")


def _caption(text: str, buddy: QWidget) -> QLabel:
    label = QLabel(text)
    label.setBuddy(buddy)
    return label


def _rows_tall(table: QTableView, rows: int) -> None:
    """At least ``rows`` rows visible, so a short list is never a sliver."""
    header = table.horizontalHeader().sizeHint().height()
    table.setMinimumHeight(header + rows * table.verticalHeader().defaultSectionSize() + 2 * table.frameWidth() + 2)


def _to_utc(edit: QDateTimeEdit) -> datetime:
    # toSecsSinceEpoch is unambiguous; QDateTime's Python conversion drops the time zone.
    return datetime.fromtimestamp(edit.dateTime().toSecsSinceEpoch(), UTC)


class ApprovalTab(QWidget):
    def __init__(self, session: AppSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.reads = LatestRead(self)  # the settings screen counts it among its own reads
        self._policy_loaded: tuple[bool, int] | None = None
        self.session = session
        self.running = 0  # changes on their way (off the UI thread)
        self.status = plain(QLabel())
        self.status.setWordWrap(True)
        mine = self._my_key_box()
        keys_box = self._keys_box()
        deputy_box = self._deputy_box()
        emergency_box = self._emergency_box()

        # Scrolls rather than squeezing the tables on a small screen or a large font.
        content = QWidget()
        content_layout = QVBoxLayout(content)
        content_layout.addWidget(mine)
        content_layout.addWidget(keys_box, 2)
        content_layout.addWidget(deputy_box, 1)
        content_layout.addWidget(emergency_box)
        scroll = QScrollArea()
        scroll.setWidget(content)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.status)

        self.create_key_button.clicked.connect(self.create_key)
        self.register_button.clicked.connect(self.register_selected)
        self.revoke_button.clicked.connect(self.revoke_selected)
        self.name_deputy_button.clicked.connect(self.name_deputy)
        self.revoke_deputy_button.clicked.connect(self.end_deputy)
        self.save_policy_button.clicked.connect(self.save_policy)

    def _my_key_box(self) -> QGroupBox:
        self.create_key_button = QPushButton(tr("&Create my signing key on this computer"))
        self.my_key = QLabel()
        self.my_key.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        mine = QGroupBox(tr("My signing key"))
        mine_layout = QVBoxLayout(mine)
        mine_layout.addWidget(
            QLabel(
                tr(
                    "Approvals are signed with a key kept only in this computer's keyring. Read the fingerprint "
                    "to the administrator, who registers it."
                )
            )
        )
        row = QHBoxLayout()
        row.addWidget(self.create_key_button)
        row.addWidget(self.my_key, 1)
        mine_layout.addLayout(row)
        return mine

    def _keys_box(self) -> QGroupBox:
        """Signing keys (administrators): announced keys to register, registered keys to revoke."""
        self.keys: RowsModel[KeyInfo] = RowsModel(
            [
                Column(tr("Staff"), lambda k: k.staff_name),
                Column(tr("Fingerprint"), lambda k: short_fingerprint(k.fingerprint)),
                Column(tr("Registered"), lambda k: k.registered_at),
                Column(tr("Revoked"), lambda k: k.revoked_at),
            ]
        )
        self.key_table = make_table(self.keys, tr("Registered signing keys"), stretch_column=1)
        self.announcements: RowsModel[Announcement] = RowsModel(
            [
                Column(tr("Created by"), lambda a: a.login),
                Column(tr("Fingerprint"), lambda a: short_fingerprint(a.fingerprint)),
                Column(tr("Created"), lambda a: a.recorded_at),
            ]
        )
        self.announcement_table = make_table(self.announcements, tr("Keys waiting for registration"), stretch_column=1)
        self.register_staff = QComboBox()
        self.register_staff.setAccessibleName(tr("Register for"))
        self.register_button = QPushButton(tr("&Register selected key for…"))
        self.revoke_button = QPushButton(tr("Revoke ke&y"))
        keys_box = QGroupBox(tr("Signing keys (administrators)"))
        keys_layout = QVBoxLayout(keys_box)
        waiting = tr("&Waiting for registration (compare the fingerprint first):")
        keys_layout.addWidget(_caption(waiting, self.announcement_table))
        keys_layout.addWidget(self.announcement_table)
        reg_row = QHBoxLayout()
        reg_row.addWidget(self.register_button)
        reg_row.addWidget(self.register_staff, 1)
        keys_layout.addLayout(reg_row)
        keys_layout.addWidget(_caption(tr("Registered &keys:"), self.key_table))
        keys_layout.addWidget(self.key_table)
        keys_layout.addWidget(self.revoke_button, 0, Qt.AlignmentFlag.AlignLeft)
        _rows_tall(self.announcement_table, 3)
        _rows_tall(self.key_table, 4)
        return keys_box

    def _deputy_box(self) -> QGroupBox:
        self.deputies: RowsModel[DeputyInfo] = RowsModel(
            [
                Column(tr("Supervisor"), lambda d: d.supervisor),
                Column(tr("Deputy"), lambda d: d.deputy),
                Column(tr("From"), lambda d: d.starts_at),
                Column(tr("Until"), lambda d: d.ends_at),
                Column(tr("Reason"), lambda d: d.reason),
                Column(tr("Revoked"), lambda d: d.revoked),
            ]
        )
        self.deputy_table = make_table(self.deputies, tr("Deputies"), stretch_column=4)
        self.dep_supervisor = QComboBox()
        self.dep_supervisor.setAccessibleName(tr("Supervisor"))
        self.dep_deputy = QComboBox()
        self.dep_deputy.setAccessibleName(tr("Deputy"))
        now = QDateTime.currentDateTime()
        self.dep_from = QDateTimeEdit(now)
        self.dep_from.setAccessibleName(tr("From"))
        self.dep_until = QDateTimeEdit(now.addDays(7))
        self.dep_until.setAccessibleName(tr("Until"))
        for edit in (self.dep_from, self.dep_until):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.dep_reason = QLineEdit()
        self.dep_reason.setAccessibleName(tr("Reason"))
        self.dep_reason.setPlaceholderText(tr("e.g. business trip, leave"))
        self.name_deputy_button = QPushButton(tr("&Name deputy"))
        self.revoke_deputy_button = QPushButton(tr("End selected"))
        deputy_box = QGroupBox(tr("Deputies (代理) for absent supervisors"))
        deputy_layout = QVBoxLayout(deputy_box)
        deputy_layout.addWidget(self.deputy_table)
        _rows_tall(self.deputy_table, 3)
        form = QGridLayout()
        fields = (
            (0, 0, tr("Su&pervisor:"), self.dep_supervisor),
            (0, 2, tr("&Deputy:"), self.dep_deputy),
            (1, 0, tr("Fro&m:"), self.dep_from),
            (1, 2, tr("&Until:"), self.dep_until),
            (2, 0, tr("Rea&son:"), self.dep_reason),
        )
        for row_no, column, text, widget in fields:
            form.addWidget(_caption(text, widget), row_no, column)
            form.addWidget(widget, row_no, column + 1, 1, 3 if widget is self.dep_reason else 1)
        form.setColumnStretch(1, 1)
        form.setColumnStretch(3, 1)
        deputy_buttons = QHBoxLayout()
        deputy_buttons.addStretch(1)
        deputy_buttons.addWidget(self.name_deputy_button)
        deputy_buttons.addWidget(self.revoke_deputy_button)
        deputy_layout.addLayout(form)
        deputy_layout.addLayout(deputy_buttons)
        return deputy_box

    def _emergency_box(self) -> QGroupBox:
        self.before_approval = QCheckBox(tr("Emergency posts may be published &before approval"))
        self.post_hours = QSpinBox()
        self.post_hours.setRange(1, 24 * 14)
        self.post_hours.setSuffix(tr(" hours"))
        self.post_hours.setAccessibleName(tr("After-the-fact review due within"))
        self.save_policy_button = QPushButton(tr("Save &emergency rules"))
        emergency_box = QGroupBox(tr("Emergency (緊急, joso:6 / wako:4)"))
        emergency_layout = QVBoxLayout(emergency_box)
        emergency_layout.addWidget(self.before_approval)
        hours_row = QHBoxLayout()
        hours_row.addWidget(_caption(tr("&After-the-fact review due within:"), self.post_hours))
        hours_row.addWidget(self.post_hours)
        hours_row.addStretch(1)
        hours_row.addWidget(self.save_policy_button)
        emergency_layout.addLayout(hours_row)
        return emergency_box

    def _policy_form(self) -> tuple[bool, int]:
        return self.before_approval.isChecked(), self.post_hours.value()

    @property
    def policy_dirty(self) -> bool:
        """Emergency rules edited but not saved (a refresh must not reset them)."""
        return self._policy_loaded is not None and self._policy_form() != self._policy_loaded

    def load(self, *, then: Callable[[], None] | None = None) -> None:
        """Read keys, deputies and the emergency rules off the UI thread (the newest answer is shown, then ``then``)."""
        store = self.session.store
        if then is not None:
            self.reads.after(then)
        self.reads.run(
            lambda: (
                list_keys(store),
                unregistered_announcements(store),
                list_deputies(store),
                list_staff(store, include_inactive=False),
                load_policy(store),
            ),
            lambda read: self._show(*read),
        )

    def _show(
        self,
        keys: list[KeyInfo],
        announcements: list[Announcement],
        deputies: list[DeputyInfo],
        staff: list[StaffInfo],
        policy: EmergencyPolicy,
    ) -> None:
        self.keys.set_rows(keys)
        self.announcements.set_rows(announcements)
        self.deputies.set_rows(deputies)
        for combo, people in (
            (self.register_staff, staff),
            (self.dep_supervisor, [s for s in staff if Role.SUPERVISOR in s.roles]),
            (self.dep_deputy, staff),
        ):
            current = combo.currentData()
            combo.clear()
            for person in people:
                combo.addItem(f"{person.display_name} ({person.login})", person.id)
            combo.setCurrentIndex(max(combo.findData(current), 0))
        if not self.policy_dirty:
            self.before_approval.setChecked(policy.publish_before_approval)
            self.post_hours.setValue(policy.post_review_hours)
            self._policy_loaded = self._policy_form()
        mine = [k for k in keys if k.staff_id == self.session.actor.staff_id and k.revoked_at is None]
        self.my_key.setText(
            tr("Registered: {fingerprint}").format(fingerprint=short_fingerprint(mine[0].fingerprint))
            if mine
            else tr("No registered key.")
        )
        admin = self.session.has(Role.ADMINISTRATOR)
        for widget in (
            self.register_button,
            self.revoke_button,
            self.register_staff,
            self.name_deputy_button,
            self.revoke_deputy_button,
            self.before_approval,
            self.post_hours,
            self.save_policy_button,
        ):
            widget.setEnabled(admin)

    def _run(self, action: Callable[[], T], done: str, then: Callable[[T], None] | None = None) -> None:
        """Run ``action`` off the UI thread; on success say ``done``, run ``then``, and read what is stored again."""

        def succeeded(result: T) -> None:
            self.status.setText(done)
            if then is not None:
                then(result)
            self.load()

        def finished() -> None:
            self.running -= 1

        self.running += 1
        # Keys, deputies and the emergency rules decide who may approve what: the queue too.
        Operation(self, action).changes(Changes(settings=True, queue=True)).finished(finished).success(succeeded).run()

    def create_key(self) -> None:
        from core.credentials.vault import open_vault

        service = self.session.service(SigningKeyService)

        def created(fingerprint: str) -> None:
            # Said once the stored keys are shown: they name only registered keys, this one is not yet.
            self.reads.after(
                lambda: self.my_key.setText(
                    tr("Created, waiting for registration: {fingerprint}").format(
                        fingerprint=short_fingerprint(fingerprint)
                    )
                )
            )

        self._run(lambda: service.create_and_announce(open_vault()), tr("Key created."), created)

    def register_selected(self) -> None:
        row = selected_row(self.announcement_table)
        staff_id = self.register_staff.currentData()
        if row is None or staff_id is None:
            self.status.setText(tr("Select a key waiting for registration and the person it belongs to."))
            return
        announcement = self.announcements.row(row)
        service = self.session.service(SigningKeyService)
        self._run(
            lambda: service.register(int(staff_id), announcement.public_key, endorser=signer_for(self.session)),
            tr("Key registered."),
        )

    def revoke_selected(self) -> None:
        row = selected_row(self.key_table)
        if row is None:
            return
        key = self.keys.row(row)
        service = self.session.service(SigningKeyService)
        self._run(lambda: service.revoke(key.id), tr("Key revoked: approvals signed with it no longer publish."))

    def name_deputy(self) -> None:
        supervisor, deputy = self.dep_supervisor.currentData(), self.dep_deputy.currentData()
        if supervisor is None or deputy is None:
            return
        service = self.session.service(DeputyService)
        starts, ends, reason = _to_utc(self.dep_from), _to_utc(self.dep_until), self.dep_reason.text()
        self._run(lambda: service.name(int(supervisor), int(deputy), starts, ends, reason), tr("Deputy named."))

    def end_deputy(self) -> None:
        row = selected_row(self.deputy_table)
        if row is None:
            return
        record = self.deputies.row(row)
        service = self.session.service(DeputyService)
        self._run(lambda: service.revoke(record.id), tr("Deputy ended."))

    def save_policy(self) -> None:
        policy = EmergencyPolicy(self.before_approval.isChecked(), self.post_hours.value())
        service = self.session.service(EmergencyService)

        def saved(_result: object) -> None:
            self._policy_loaded = None  # saved: what is stored is shown again (the re-read follows)

        self._run(lambda: service.set_policy(policy), tr("Emergency rules saved."), saved)
