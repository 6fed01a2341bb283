"""What an approval says: kind, scope and expiry (wako:5 端末, joso:6(2) 個人情報機器)."""

from __future__ import annotations

import enum
from collections.abc import Iterable
from datetime import UTC, datetime

from core.i18n import tr
from core.storage.models import Terminal


class TerminalKind(enum.StrEnum):
    REGULAR = "regular"  # a terminal the city manages (市が管理する端末)
    EXCEPTION = "exception"  # personal device or off-site, approved in advance with a reason

    @property
    def label(self) -> str:
        return {
            TerminalKind.REGULAR: tr("City-managed terminal"),
            TerminalKind.EXCEPTION: tr("Exception (personal device / off-site)"),
        }[self]


def scope_ids(terminal: Terminal) -> set[int]:
    return {int(i) for i in terminal.scope_account_ids or []}


def in_scope(terminal: Terminal, account_id: int) -> bool:
    return bool(terminal.scope_all) or account_id in scope_ids(terminal)


def is_expired(terminal: Terminal, now: datetime | None = None) -> bool:
    return terminal.expires_at is not None and terminal.expires_at <= (now or datetime.now(UTC))


def normalized_scope(account_ids: Iterable[int]) -> list[int]:
    return sorted({int(i) for i in account_ids})
