"""Roles of staff and what each may do."""

from __future__ import annotations

import enum

from core.i18n import tr


class Role(enum.StrEnum):
    OPERATOR = "operator"
    SUPERVISOR = "supervisor"
    ADMINISTRATOR = "administrator"

    @property
    def label(self) -> str:
        return {
            Role.OPERATOR: tr("Operator"),
            Role.SUPERVISOR: tr("Supervisor"),
            Role.ADMINISTRATOR: tr("Administrator"),
        }[self]


def roles_label(roles: frozenset[Role] | set[Role]) -> str:
    ordered = [r for r in Role if r in roles]
    return ", ".join(r.label for r in ordered) if ordered else tr("No role")
