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


def roles_label(roles: frozenset[Role] | set[Role], *, alternatives: bool = False) -> str:
    """The roles for people: 「担当者、所属長」; with ``alternatives`` 「担当者 / 所属長」 (any one of them)."""
    ordered = [r for r in Role if r in roles]
    # The list separator is a translation too: a Japanese list is joined with 、.
    separator = " / " if alternatives else tr(", ")
    return separator.join(r.label for r in ordered) if ordered else tr("No role")
