"""What an approval says: kind, scope and expiry (wako:5 端末, joso:6(2) 個人情報機器)."""

from __future__ import annotations

import enum
from collections.abc import Iterable
from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from core.i18n import tr
from core.storage.models import Terminal, TerminalConsent


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


def categories_of(terminal: Terminal) -> set[str]:
    """The categories of information the terminal may post (empty: any, for a city-managed terminal)."""
    return {str(c) for c in terminal.information_categories or []}


def has_consent(session: Session, terminal: Terminal, account_id: int) -> bool:
    """Has the account's 所属長 / 運用責任者 agreed to this terminal's *current* approval (joso:6(2))?"""
    if terminal.approved_at is None:
        return False
    consent = session.scalar(
        select(TerminalConsent.id).where(
            TerminalConsent.terminal_id == terminal.id,
            TerminalConsent.account_id == account_id,
            TerminalConsent.approval_at == terminal.approved_at,
            TerminalConsent.revoked_at.is_(None),
        )
    )
    return consent is not None
