"""The per-account variants of one message, each measured against its platform's limit.

Every account gets its own draft: the platform fixes how the text is counted
and how long it may be (:mod:`core.platforms.facts`), and each draft is checked,
submitted and signed on its own content. The group only ties them together for
the operator (compose once, submit together) and the supervisor (see them side
by side, approve them in one go, or return one).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from core.checks.length import text_length
from core.i18n import tr
from core.lifecycle.states import DraftState
from core.platforms.facts import Platform

MAX_ACCOUNTS = 12


@dataclass(frozen=True)
class Target:
    account_id: int
    platform: Platform
    label: str  # the account as people know it (name — handle)


@dataclass(frozen=True)
class Variant:
    target: Target
    text: str
    length: int
    limit: int

    @property
    def fits(self) -> bool:
        return self.length <= self.limit

    @property
    def over_by(self) -> int:
        return max(0, self.length - self.limit)

    def length_label(self) -> str:
        if self.fits:
            return tr("{used} / {limit} characters ({platform})").format(
                used=self.length, limit=self.limit, platform=self.target.platform.display_name
            )
        return tr("{used} / {limit} characters ({platform}): {over} too many").format(
            used=self.length, limit=self.limit, platform=self.target.platform.display_name, over=self.over_by
        )


def variant(target: Target, text: str) -> Variant:
    return Variant(target, text, text_length(text, target.platform), target.platform.text_limit)


def variants_for(text: str, targets: Sequence[Target]) -> tuple[Variant, ...]:
    """One variant per target, each starting from ``text``; a target named twice counts once."""
    seen: set[int] = set()
    out: list[Variant] = []
    for target in targets:
        if target.account_id in seen:
            continue
        seen.add(target.account_id)
        out.append(variant(target, text))
    return tuple(out)


@dataclass(frozen=True)
class MemberState:
    """A group's draft as the review queue sees it."""

    draft_id: int
    account: str
    platform: str
    state: DraftState
    awaiting_version_id: int | None  # the newest version, when it waits for a decision


def awaiting_decision(members: Sequence[MemberState]) -> tuple[MemberState, ...]:
    """The members a group approval decides on: those submitted and not decided (a returned one is left out)."""
    return tuple(m for m in members if m.state is DraftState.SUBMITTED and m.awaiting_version_id is not None)
