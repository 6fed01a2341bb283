"""Who runs an account (joso:3(3)-キ, joso:3(4), wako:5 管理責任者及び運用者).

The duties are stored as their string values in ``account_staff.duty``. The
disclosure names them by *title* (●●課長, ●●課職員), never by personal name.
"""

from __future__ import annotations

import enum

from core.i18n import tr


class Duty(enum.StrEnum):
    MANAGER = "manager"  # 運用管理者
    RESPONSIBLE = "responsible"  # 運用責任者
    OPERATOR = "operator"  # 担当者

    @property
    def label(self) -> str:
        return {
            Duty.MANAGER: tr("Operations manager"),
            Duty.RESPONSIBLE: tr("Person responsible"),
            Duty.OPERATOR: tr("Operator"),
        }[self]

    def default_title(self, department: str) -> str:
        """The title shown in the disclosure when none was written (joso:3(4): 個人名は出さずに)."""
        if not department:
            return self.label
        if self is Duty.OPERATOR:
            return tr("{department} staff").format(department=department)
        return tr("Head of {department}").format(department=department)
