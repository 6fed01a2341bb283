"""The continuation review of an account (joso:7(1) ア–エ) and the withdrawal that may follow (joso:7(2)).

A review looks at the facts KohoGate has for the period (posts, the last
post, incidents, inbound messages where they are read), records which of ア–エ
apply, and decides 継続 or 撤退. When any of ア–エ applies the guideline says
withdraw "速やかに", so continuing is refused then.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta

from core.accounts.lifecycle_rules import lifecycle_rules
from core.i18n import tr


class ContinuationDecision(enum.StrEnum):
    CONTINUE = "continue"  # 継続
    WITHDRAW = "withdraw"  # 撤退

    @property
    def label(self) -> str:
        return {
            ContinuationDecision.CONTINUE: tr("Continue"),
            ContinuationDecision.WITHDRAW: tr("Withdraw"),
        }[self]


class DeletionMethod(enum.StrEnum):
    """How the end of a withdrawn account was established (joso:7(2) …アカウントを削除する)."""

    MANUAL = "manual"  # deleted by hand in the platform's own settings
    URL_GONE = "url_gone"  # the account's URL no longer shows the account
    API = "api"  # through the platform's API (none of the supported platforms offers it today)

    @property
    def label(self) -> str:
        return {
            DeletionMethod.MANUAL: tr("Deleted by hand on the platform"),
            DeletionMethod.URL_GONE: tr("Checked: the account's URL is gone"),
            DeletionMethod.API: tr("Deleted through the platform's API"),
        }[self]


@dataclass(frozen=True)
class ReviewFacts:
    """What KohoGate knows about the period under review (``inbound`` is ``None`` where not read)."""

    period_start: datetime
    period_end: datetime
    posts: int
    last_post_at: datetime | None
    incidents: int
    inbound: int | None


@dataclass(frozen=True)
class ReviewRecord:
    id: int
    reviewed_at: datetime
    reviewed_by: str
    facts: ReviewFacts
    criteria: Mapping[str, str]
    decision: ContinuationDecision
    note: str
    next_due_at: datetime | None


def next_review(after: datetime, interval_days: int) -> datetime:
    return after + timedelta(days=interval_days)


def review_overdue(due: datetime | None, now: datetime) -> bool:
    return due is not None and due <= now


def clean_criteria(applies: Mapping[str, str]) -> dict[str, str]:
    """The criteria found to apply (key → note), known keys only; :class:`ValueError` naming an unknown key."""
    known = {c.key for c in lifecycle_rules().criteria}
    cleaned: dict[str, str] = {}
    for key, note in applies.items():
        if key not in known:
            raise ValueError(key)
        cleaned[key] = str(note or "").strip()[:2000]
    return cleaned


def decision_problem(criteria: Mapping[str, str], decision: ContinuationDecision, note: str) -> str | None:
    """Why this decision cannot be recorded, or ``None``."""
    if criteria and decision is ContinuationDecision.CONTINUE:
        letters = "・".join(c.letter for c in lifecycle_rules().criteria if c.key in criteria)
        return tr(
            "{letters} of joso:7(1) applies: the guideline asks for a prompt withdrawal, so the account "
            "cannot simply continue."
        ).format(letters=letters)
    if decision is ContinuationDecision.WITHDRAW and not criteria and not note.strip():
        return tr("Say why the account is withdrawn: tick what applies (ア–エ) or write a note.")
    return None
