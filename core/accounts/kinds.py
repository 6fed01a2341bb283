"""The two kinds of official account (joso:3(1) ア 組合公式 / イ 分野別)."""

from __future__ import annotations

import enum

from core.i18n import tr


class AccountKind(enum.StrEnum):
    OFFICIAL = "official"  # 組合/市 公式: run by the PR section (joso:3(1)-ア)
    FIELD = "field"  # 分野別: run by the department whose information it carries (joso:3(1)-イ)

    @property
    def label(self) -> str:
        return {
            AccountKind.OFFICIAL: tr("Official account"),
            AccountKind.FIELD: tr("Field-specific official account"),
        }[self]

    @property
    def clause(self) -> str:
        return {AccountKind.OFFICIAL: "joso:3(1)-ア", AccountKind.FIELD: "joso:3(1)-イ"}[self]


def parse_kind(value: str | None) -> AccountKind:
    try:
        return AccountKind(value or AccountKind.OFFICIAL.value)
    except ValueError:
        return AccountKind.OFFICIAL
