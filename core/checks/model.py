"""The data a check run consumes and produces.

Everything here is plain, immutable data without Qt or database types so the
composer, the CLI, the approval record and the tests share one vocabulary.
Spans are ``[start, end)`` offsets in code points of the *original* draft
text (never of the normalised text the rules look at), because that is what
the composer highlights and what the supervisor sees.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from pathlib import Path

from core.i18n import tr
from core.platforms.facts import Platform


class Severity(enum.Enum):
    """How a finding affects submission.

    ``block``: the draft cannot be submitted until it is fixed.
    ``confirm``: the operator must acknowledge it with a short reason that the
    supervisor sees. ``warn``: information only.
    """

    BLOCK = "block"
    CONFIRM = "confirm"
    WARN = "warn"

    @property
    def rank(self) -> int:
        """Higher is stricter; used to sort findings for display."""
        return {Severity.BLOCK: 2, Severity.CONFIRM: 1, Severity.WARN: 0}[self]

    @property
    def label(self) -> str:
        """The one word every screen, the CLI and the approval record use (要修正 / 要確認 / 注意)."""
        return {Severity.BLOCK: tr("Must fix"), Severity.CONFIRM: tr("Confirm"), Severity.WARN: tr("Note")}[self]

    @property
    def meaning(self) -> str:
        """What the severity does, for the settings where administrators choose it."""
        return {
            Severity.BLOCK: tr("cannot be submitted until fixed"),
            Severity.CONFIRM: tr("needs a reason the supervisor sees"),
            Severity.WARN: tr("information only"),
        }[self]

    @classmethod
    def label_of(cls, value: str) -> str:
        """The label for a stored severity value; the value itself if it is unknown."""
        try:
            return cls(value).label
        except ValueError:
            return value


class MediaKind(enum.Enum):
    IMAGE = "image"
    VIDEO = "video"


@dataclass(frozen=True)
class MediaItem:
    """One attachment as the checks see it.

    The facts about the file's content (``has_location_exif`` …) are computed
    beforehand, once per attachment, with
    :func:`core.checks.media_facts.inspect_media_file`: the checks run on every
    keystroke and must never open files. ``None`` means "not inspected".
    """

    path: str
    kind: MediaKind = MediaKind.IMAGE
    alt: str = ""
    decorative: bool = False
    decorative_reason: str = ""
    captions_path: str | None = None
    captions_burned_in: bool = False
    has_location_exif: bool | None = None
    identifying_exif_tags: tuple[str, ...] = ()
    # What the platform limits are checked against; "" / None: not known, not checked.
    mime: str = ""
    size: int | None = None  # bytes as they will be uploaded
    seconds: float | None = None  # a video's duration
    faces: int = 0  # faces left visible (detected on attach; after masking, those it left)

    @property
    def file_name(self) -> str:
        return Path(self.path).name


@dataclass(frozen=True)
class DraftInput:
    """What the operator is about to post."""

    text: str
    platform: Platform = Platform.X
    media: tuple[MediaItem, ...] = ()


@dataclass(frozen=True)
class Finding:
    """One problem found in a draft.

    Exactly one of the two locations is set: ``start``/``end`` (a span of the
    original text, in code points) or ``media_index`` (position in
    ``DraftInput.media``). ``clauses`` cite the guideline, e.g. ``wako:5-ア``.
    """

    rule_id: str
    severity: Severity
    clauses: tuple[str, ...]
    message_ja: str
    message_en: str
    start: int | None = None
    end: int | None = None
    media_index: int | None = None

    def message(self, lang: str) -> str:
        """The message in ``lang`` (``"ja"`` or ``"en"``)."""
        return self.message_ja if lang == "ja" else self.message_en

    @property
    def clause(self) -> str:
        """All clauses as one display string (``"wako:5-イ, joso:6(3)"``)."""
        return ", ".join(self.clauses)


@dataclass(frozen=True)
class LengthInfo:
    """The composer's counter: ``used`` of ``limit``, counted the platform's way."""

    platform: Platform
    used: int
    limit: int

    @property
    def over(self) -> bool:
        return self.used > self.limit


@dataclass(frozen=True)
class CheckResult:
    findings: tuple[Finding, ...]
    length: LengthInfo

    @property
    def blocking(self) -> bool:
        """True when at least one finding has severity ``block``."""
        return any(f.severity is Severity.BLOCK for f in self.findings)

    def by_severity(self, severity: Severity) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.severity is severity)
