"""設定 → 表示: what the IT section manages on this computer (the machine-wide configuration).

Read-only: the values come from ``core/runtime/machine_config.py``; a locked
language also disables the language choice above it.
"""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QFormLayout, QGroupBox, QLabel, QLineEdit, QWidget

from core.runtime.machine_config import MachineConfig, MachineConfigInvalid, Setting, load_machine_config
from gui.i18n import translator
from gui.widgets.plain import plain

tr = translator("ManagedSettings")

# As the language choice above lists them (names in their own language).
LANGUAGE_NAMES = {"ja": "日本語", "en": "English"}


class ManagedSettings(QGroupBox):
    """The machine-wide configuration's file and values, each in a read-only field with its status."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(tr("Managed by your IT section"), parent)
        self.setObjectName("managedSettings")
        self.config: MachineConfig | None = None
        self.fields: dict[Setting, QLineEdit] = {}
        form = QFormLayout(self)
        self.note = plain(QLabel())
        self.note.setWordWrap(True)
        form.addRow(self.note)
        try:
            self.config = load_machine_config()
        except MachineConfigInvalid as exc:  # changed since start-up: say so, manage nothing
            self.note.setText(exc.message)
            return
        if not self.config.exists:
            self.note.setText(
                tr("No machine-wide configuration on this computer ({path}): nothing is managed.").format(
                    path=self.config.path
                )
            )
            return
        self.note.setText(
            tr(
                "These settings come from {path}, kept by your IT section. Locked ones cannot be changed "
                "here or by any option; defaults apply until you choose otherwise."
            ).format(path=self.config.path)
        )
        for entry in self.config.entries():
            shown = LANGUAGE_NAMES.get(entry.value, entry.value) if entry.setting is Setting.LANGUAGE else entry.value
            field = QLineEdit(shown)
            field.setReadOnly(True)
            field.setAccessibleName(entry.label)
            status = tr("locked") if entry.locked else tr("default")
            field.setToolTip(status)
            form.addRow(tr("{label} ({status}):").format(label=entry.label, status=status), field)
            self.fields[entry.setting] = field

    def lock_language(self, combo: QComboBox, note: QLabel) -> bool:
        """Show a locked language in ``combo`` and disable it; False when the language is not locked."""
        config = self.config
        if config is None or config.language is None or not config.language.locked:
            return False
        combo.setCurrentIndex(max(combo.findData(config.language.value), 0))
        combo.setEnabled(False)
        note.setText(tr("The language is locked by your IT section and cannot be changed here."))
        return True
