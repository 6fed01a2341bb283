"""What must hold before a draft goes to a supervisor (the submission gate).

One function, :func:`evaluate`, decides. The composer calls it on every
re-check to enable or disable its submit button; :class:`DraftService.submit`
calls it again inside the submitting transaction and refuses when it fails,
so the gate holds even for a client that skips the GUI.

The gate passes when
* nothing blocks (automatic findings with severity ``block``, including the
  platform's media limits and length),
* every ``confirm`` finding is acknowledged with a one-line reason, and
* every guideline confirmation that applies to the draft is ticked.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from core.checks.config import CheckConfig
from core.checks.confirmations import ConfirmationItem, confirmations_for
from core.checks.model import DraftInput, Finding, LengthInfo, Severity
from core.composer.findings import FindingRecord, check_draft, finding_record
from core.composer.media_items import StoredMedia, to_check_items
from core.i18n import current_language, tr
from core.organization.profile import OrganizationProfile
from core.platforms.facts import Platform


@dataclass(frozen=True)
class GateStatus:
    """The outcome of :func:`evaluate`; ``records`` are the findings as stored."""

    findings: tuple[Finding, ...]
    records: tuple[FindingRecord, ...]
    length: LengthInfo
    confirmations: tuple[ConfirmationItem, ...]
    blocking: tuple[FindingRecord, ...]
    unacknowledged: tuple[FindingRecord, ...]
    unticked: tuple[ConfirmationItem, ...]
    empty: bool
    schedule_problem: str | None = None

    @property
    def ok(self) -> bool:
        return not (self.blocking or self.unacknowledged or self.unticked or self.empty or self.schedule_problem)

    def reasons(self, lang: str | None = None) -> list[str]:
        """Why submission is refused, one line per kind of problem (translated)."""
        lang = lang or current_language()
        lines: list[str] = []
        if self.empty:
            lines.append(tr("An empty draft cannot be submitted."))
        for record in self.blocking:
            lines.append(
                tr("Must be fixed: {message} ({clause})").format(message=record.message(lang), clause=record.clause)
            )
        if self.unacknowledged:
            lines.append(
                tr("{count} finding(s) to confirm still need an acknowledgement with a reason.").format(
                    count=len(self.unacknowledged)
                )
            )
        if self.unticked:
            lines.append(tr("{count} guideline confirmation(s) are not ticked.").format(count=len(self.unticked)))
        if self.schedule_problem:
            lines.append(self.schedule_problem)
        return lines

    def acknowledgements_in_use(self, acknowledgements: Mapping[str, Any]) -> dict[str, Any]:
        """Only the acknowledgements of current ``confirm`` findings (what a version freezes)."""
        keys = {r.key for r in self.records if r.needs_acknowledgement}
        return {k: v for k, v in acknowledgements.items() if k in keys}

    def confirmations_in_use(self, confirmations: Mapping[str, Any]) -> dict[str, Any]:
        ids = {c.id for c in self.confirmations}
        return {k: v for k, v in confirmations.items() if k in ids}


def required_confirmations(text: str, platform: Platform, media: Sequence[StoredMedia]) -> tuple[str, ...]:
    """The ids of the guideline confirmations that apply to this draft."""
    return tuple(c.id for c in confirmations_for(DraftInput(text, platform, to_check_items(media))))


def evaluate(
    text: str,
    platform: Platform,
    media: Sequence[StoredMedia],
    acknowledgements: Mapping[str, Any],
    confirmations: Iterable[str],
    profile: OrganizationProfile,
    config: CheckConfig,
    *,
    person_names: Iterable[Finding] | None = None,
    scheduled_at: datetime | None = None,
    now: datetime | None = None,
) -> GateStatus:
    """The gate for a working copy; ``acknowledgements`` are keyed by finding key.

    Values may be the stored stamps or plain reasons; an acknowledgement
    counts when it carries a non-blank reason.
    """
    result = check_draft(text, platform, media, profile, config, person_names=person_names)
    records = tuple(finding_record(f, text, media) for f in result.findings)
    acknowledged = {key for key, value in acknowledgements.items() if _reason(value)}
    ticked = set(confirmations)
    applicable = confirmations_for(DraftInput(text, platform, to_check_items(media)))
    blocking = tuple(r for r in records if r.severity is Severity.BLOCK)
    unacknowledged = tuple(r for r in records if r.needs_acknowledgement and r.key not in acknowledged)
    return GateStatus(
        findings=result.findings,
        records=records,
        length=result.length,
        confirmations=applicable,
        blocking=blocking,
        unacknowledged=unacknowledged,
        unticked=tuple(c for c in applicable if c.id not in ticked),
        empty=not text.strip() and not media,
        schedule_problem=schedule_problem(scheduled_at, now),
    )


def title_problem(title: str) -> str | None:
    """Why the draft cannot be submitted without a title, or ``None``.

    The supervisor's queue, the review, the approval record and the search know a post by its
    title; an untitled one cannot be told apart from the next.
    """
    if title.strip():
        return None
    return tr("Give the draft a title: the supervisor, the record and the search know it by its title.")


def schedule_problem(scheduled_at: datetime | None, now: datetime | None = None) -> str | None:
    """Why a scheduled time cannot be submitted, or ``None``.

    A time already past would be approved and then, at best, reported as a
    missed window at once: the operator should clear it (post when approved)
    or choose a later one.
    """
    if scheduled_at is None:
        return None
    if scheduled_at <= (now or datetime.now(UTC)):
        return tr("The scheduled time {time} has already passed: choose a later time or post without one.").format(
            time=scheduled_at.astimezone().strftime("%Y-%m-%d %H:%M")
        )
    return None


def _reason(value: Any) -> str:
    if isinstance(value, Mapping):
        return str(value.get("reason") or "").strip()
    return str(value or "").strip()
