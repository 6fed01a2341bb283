"""Findings as the composer, the record and the supervisor see them.

The check engine (:mod:`core.checks`) runs every rule, including the
platform's media limits and the faces recorded on each attached image (both
in the rule catalogue). Every finding becomes a :class:`FindingRecord`
(stored as the ``draft_version.findings`` JSON) with a stable ``key`` that
acknowledgements refer to: rule + the normalised flagged text (or the media
file's hash), so an acknowledgement survives unrelated edits but not a change
of what was flagged.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass
from typing import Any

from core.checks.config import CheckConfig
from core.checks.engine import run_checks, with_person_names
from core.checks.model import CheckResult, DraftInput, Finding, Severity
from core.composer.media_items import StoredMedia, to_check_items
from core.organization.profile import OrganizationProfile
from core.platforms.facts import Platform


def check_draft(
    text: str,
    platform: Platform,
    media: Sequence[StoredMedia],
    profile: OrganizationProfile,
    config: CheckConfig,
    *,
    person_names: Iterable[Finding] | None = None,
) -> CheckResult:
    """Every finding for a working copy.

    ``person_names`` are the slow person-name findings computed elsewhere (the
    GUI runs them on a worker thread); ``None`` computes them here, which is
    what the service does at submission so that nothing is skipped.
    """
    draft = DraftInput(text, platform, to_check_items(media))
    result = run_checks(draft, profile, config, include_person_names=person_names is None, include_attached_media=True)
    if person_names is not None:
        result = with_person_names(result, person_names)
    return result


def finding_key(finding: Finding, text: str, media: Sequence[StoredMedia]) -> str:
    """The acknowledgement key: rule + what was flagged, normalised (NFKC, case, spaces)."""
    if finding.start is not None and finding.end is not None:
        flagged = unicodedata.normalize("NFKC", text[finding.start : finding.end]).casefold()
        return f"{finding.rule_id}|{' '.join(flagged.split())}"
    if finding.media_index is not None and 0 <= finding.media_index < len(media):
        return f"{finding.rule_id}|media|{media[finding.media_index].sha256}"
    return finding.rule_id


@dataclass(frozen=True)
class FindingRecord:
    """One finding as the composer shows it, the version freezes it and the supervisor reads it."""

    #: What an acknowledgement refers to (:func:`finding_key`).
    key: str
    rule: str
    severity: Severity
    clause: str
    #: The flagged span of the text (code points), or ``None`` for a media or whole-post finding.
    start: int | None
    end: int | None
    media_index: int | None
    message_ja: str
    message_en: str

    def message(self, lang: str) -> str:
        return self.message_ja if lang == "ja" else self.message_en

    @property
    def needs_acknowledgement(self) -> bool:
        return self.severity is Severity.CONFIRM

    @property
    def span(self) -> tuple[int, int] | None:
        return (self.start, self.end) if self.start is not None and self.end is not None else None

    def to_json(self) -> dict[str, Any]:
        """The stored dict (keys in field order, severity as its value)."""
        return {**asdict(self), "severity": self.severity.value}

    @classmethod
    def from_json(cls, raw: Mapping[str, Any]) -> FindingRecord:
        """A stored finding; missing text fields read as empty (records written before a field existed)."""

        def index(name: str) -> int | None:
            value = raw.get(name)
            return int(value) if value is not None else None

        return cls(
            key=str(raw.get("key") or ""),
            rule=str(raw.get("rule", "")),
            severity=Severity(raw.get("severity", Severity.WARN.value)),
            clause=str(raw.get("clause", "")),
            start=index("start"),
            end=index("end"),
            media_index=index("media_index"),
            message_ja=str(raw.get("message_ja", "")),
            message_en=str(raw.get("message_en", "")),
        )


def finding_record(finding: Finding, text: str, media: Sequence[StoredMedia]) -> FindingRecord:
    """The record of one finding."""
    return FindingRecord(
        key=finding_key(finding, text, media),
        rule=finding.rule_id,
        severity=finding.severity,
        clause=finding.clause,
        start=finding.start,
        end=finding.end,
        media_index=finding.media_index,
        message_ja=finding.message_ja,
        message_en=finding.message_en,
    )
