"""Findings as the composer, the record and the supervisor see them.

The check engine (:mod:`core.checks`) runs every rule, including the
platform's media limits and the faces recorded on each attached image (both
in the rule catalogue). Every finding becomes a plain dict (the
``draft_version.findings`` contract) with a stable ``key`` that
acknowledgements refer to: rule + the normalised flagged text (or the media
file's hash), so an acknowledgement survives unrelated edits but not a change
of what was flagged.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from core.checks.config import CheckConfig
from core.checks.engine import run_checks, with_person_names
from core.checks.model import CheckResult, DraftInput, Finding
from core.composer.media_items import to_check_items
from core.organization.profile import OrganizationProfile
from core.platforms.facts import Platform


def check_draft(
    text: str,
    platform: Platform,
    media: Sequence[Mapping[str, Any]],
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


def finding_key(finding: Finding, text: str, media: Sequence[Mapping[str, Any]]) -> str:
    """The acknowledgement key: rule + what was flagged, normalised (NFKC, case, spaces)."""
    if finding.start is not None and finding.end is not None:
        flagged = unicodedata.normalize("NFKC", text[finding.start : finding.end]).casefold()
        return f"{finding.rule_id}|{' '.join(flagged.split())}"
    if finding.media_index is not None and 0 <= finding.media_index < len(media):
        return f"{finding.rule_id}|media|{media[finding.media_index].get('sha256', '')}"
    return finding.rule_id


def finding_record(finding: Finding, text: str, media: Sequence[Mapping[str, Any]]) -> dict[str, Any]:
    """The ``draft_version.findings`` dict of one finding."""
    return {
        "key": finding_key(finding, text, media),
        "rule": finding.rule_id,
        "severity": finding.severity.value,
        "clause": finding.clause,
        "start": finding.start,
        "end": finding.end,
        "media_index": finding.media_index,
        "message_ja": finding.message_ja,
        "message_en": finding.message_en,
    }
