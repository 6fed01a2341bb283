"""Findings as the composer, the record and the supervisor see them.

The check engine (:mod:`core.checks`) knows text and media facts; the
composer adds what only it knows: faces detected in attached images and the
platform's media limits. Every finding becomes a :class:`FindingRecord`
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

FACES_RULE = "media.faces"
LIMIT_RULE = "media.limit"
# Portrait rights and privacy: 法令、規定、守秘義務の遵守 (wako:5) and joso:5(1).
FACES_CLAUSES = ("wako:5-compliance", "joso:5(1)")
# The platform's terms and technical limits (joso:4(2)).
LIMIT_CLAUSES = ("joso:4(2)",)
# Platforms whose posts carry either images or one video, never both.
_SINGLE_VIDEO = {Platform.X, Platform.BLUESKY, Platform.MASTODON, Platform.THREADS, Platform.LINE}


def _faces_findings(media: Sequence[StoredMedia], config: CheckConfig) -> list[Finding]:
    if not config.is_enabled(FACES_RULE):
        return []
    found = []
    for index, item in enumerate(media):
        faces = item.faces
        # On a masked copy ``faces`` counts the faces the masking left visible (faces_left_visible).
        if item.is_image and faces > 0:
            name = item.name
            found.append(
                Finding(
                    rule_id=FACES_RULE,
                    severity=config.severity_for(FACES_RULE, Severity.CONFIRM),
                    clauses=FACES_CLAUSES,
                    message_ja=f"画像（{name}）に人の顔が{faces}件写っています。"
                    "ぼかし等で加工するか、本人の同意があることを理由に記入してください。",
                    message_en=f"The image ({name}) shows {faces} face(s). Blur them, "
                    "or acknowledge with the reason (e.g. the people agreed).",
                    media_index=index,
                )
            )
    return found


def _limit_findings(media: Sequence[StoredMedia], platform: Platform) -> list[Finding]:
    images = [i for i, item in enumerate(media) if item.is_image]
    videos = [i for i, item in enumerate(media) if item.is_video]
    label = platform.limits.label
    found: list[tuple[int, str, str]] = []
    if len(images) > platform.max_images:
        found.append(
            (
                images[platform.max_images] if platform.max_images < len(images) else images[-1],
                f"{label} に添付できる画像は{platform.max_images}枚までです（{len(images)}枚）。",
                f"{label} takes at most {platform.max_images} image(s) per post ({len(images)} attached).",
            )
        )
    if platform in _SINGLE_VIDEO and videos and (images or len(videos) > 1):
        found.append(
            (
                videos[1] if len(videos) > 1 else videos[0],
                f"{label} には動画1本、または画像のみを添付できます。",
                f"{label} takes one video or images, not both and not several videos.",
            )
        )
    return [Finding(LIMIT_RULE, Severity.BLOCK, LIMIT_CLAUSES, ja, en, media_index=index) for index, ja, en in found]


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
    result = run_checks(draft, profile, config, include_person_names=person_names is None)
    if person_names is not None:
        result = with_person_names(result, person_names)
    extra = [*_faces_findings(media, config), *_limit_findings(media, platform)]
    if not extra:
        return result
    return CheckResult(tuple(sorted([*result.findings, *extra], key=_order)), result.length)


def _order(finding: Finding) -> tuple[float, int, int, str]:
    start = finding.start if finding.start is not None else float("inf")
    return (
        start,
        finding.media_index if finding.media_index is not None else -1,
        -finding.severity.rank,
        finding.rule_id,
    )


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
