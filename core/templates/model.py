"""A template's content, where it applies, and what the checks say about it when it is saved.

A template is judged by the same engine as a draft (:func:`core.composer.findings.check_draft`)
with every placeholder replaced by a neutral sample from the organization's own
profile (:meth:`Placeholder.sample`). A ``block`` finding refuses the template:
every draft made from it would be refused too. ``confirm`` and ``warn`` findings
are kept with the template as flags the administrator sees when saving and the
operator sees when picking it (the draft still asks for its own acknowledgement).
Length is judged per listed platform; a template for every platform leaves the
length to each draft, whose platform is known.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from core.accounts.kinds import AccountKind
from core.checks.config import CheckConfig
from core.checks.model import Finding, Severity
from core.errors import InvalidInput
from core.i18n import current_language, tr
from core.organization.profile import OrganizationProfile
from core.platforms.facts import Platform
from core.templates.placeholders import Placeholder, fill, parse, placeholders_of, samples

MAX_NAME = 100
MAX_TITLE = 200
MAX_TEXT = 10_000
LENGTH_RULE = "length.over_limit"


class TemplateCategory(enum.StrEnum):
    DISASTER = "disaster"
    CLOSURE = "closure"
    EVENT = "event"
    RECRUITMENT = "recruitment"
    OTHER = "other"

    @property
    def label(self) -> str:
        return {
            TemplateCategory.DISASTER: tr("Disaster information"),
            TemplateCategory.CLOSURE: tr("Closure"),
            TemplateCategory.EVENT: tr("Events"),
            TemplateCategory.RECRUITMENT: tr("Recruitment"),
            TemplateCategory.OTHER: tr("Other"),
        }[self]


@dataclass(frozen=True)
class TemplateContent:
    """What an administrator writes: the name in the library, the draft's title and text, the scope."""

    name: str
    title: str
    text: str
    category: TemplateCategory = TemplateCategory.OTHER
    platforms: tuple[Platform, ...] = ()  # none: every platform
    account_kinds: tuple[AccountKind, ...] = ()  # none: every kind of account
    clauses: tuple[str, ...] = ()  # the guideline clauses the text follows (shown with it)
    note: str = ""

    @property
    def placeholders(self) -> tuple[Placeholder, ...]:
        return placeholders_of(self.title, self.text)

    def applies_to(self, platform: Platform, kind: AccountKind) -> bool:
        return (not self.platforms or platform in self.platforms) and (
            not self.account_kinds or kind in self.account_kinds
        )

    def scope_label(self) -> str:
        if not self.platforms and not self.account_kinds:
            return tr("every account")
        platforms = tr(", ").join(p.display_name for p in self.platforms) if self.platforms else tr("every platform")
        kinds = tr(", ").join(k.label for k in self.account_kinds) if self.account_kinds else tr("every kind")
        return f"{platforms} / {kinds}"


def validated(content: TemplateContent) -> TemplateContent:
    """``content`` with its fields trimmed; refused when a field is empty, too long or its placeholders are wrong."""
    name, title, text = content.name.strip(), content.title.strip(), content.text.strip()
    if not name:
        raise InvalidInput(tr("Give the template a name."))
    if not text:
        raise InvalidInput(tr("A template needs a text."))
    if not title:
        raise InvalidInput(tr("A template needs the title its drafts get."))
    if len(name) > MAX_NAME or len(title) > MAX_TITLE or len(text) > MAX_TEXT:
        raise InvalidInput(
            tr("Too long: a name at most {name}, a title {title}, a text {text} characters.").format(
                name=MAX_NAME, title=MAX_TITLE, text=MAX_TEXT
            )
        )
    parse(title)
    parse(text)
    clauses = tuple(dict.fromkeys(c.strip() for c in content.clauses if c.strip()))
    return TemplateContent(
        name,
        title,
        text,
        content.category,
        tuple(dict.fromkeys(content.platforms)),
        tuple(dict.fromkeys(content.account_kinds)),
        clauses,
        content.note.strip(),
    )


@dataclass(frozen=True)
class PlatformFinding:
    platform: Platform | None  # None: judged once for every platform
    finding: Finding


@dataclass(frozen=True)
class TemplateCheck:
    """The findings on a template filled with sample values."""

    findings: tuple[PlatformFinding, ...]

    @property
    def blocking(self) -> tuple[PlatformFinding, ...]:
        return tuple(f for f in self.findings if f.finding.severity is Severity.BLOCK)

    @property
    def ok(self) -> bool:
        return not self.blocking

    @property
    def flags(self) -> tuple[str, ...]:
        """The rules it raises that do not block (kept with the template, shown when it is picked)."""
        return tuple(
            dict.fromkeys(f.finding.rule_id for f in self.findings if f.finding.severity is not Severity.BLOCK)
        )

    def lines(self, lang: str | None = None, *, only_blocking: bool = False) -> list[str]:
        lang = lang or current_language()
        chosen = self.blocking if only_blocking else self.findings
        out: list[str] = []
        for item in chosen:
            where = f"[{item.platform.display_name}] " if item.platform is not None else ""
            finding = item.finding
            out.append(f"{where}{finding.severity.label}: {finding.message(lang)} ({', '.join(finding.clauses)})")
        return out


def check_text(
    text: str,
    platforms: Sequence[Platform],
    profile: OrganizationProfile,
    config: CheckConfig,
    *,
    analysis: bool = True,
) -> tuple[PlatformFinding, ...]:
    """The draft checks on ``text`` for each of ``platforms`` (none: once, length left to the draft).

    ``analysis=False`` leaves out the slow person-name tier (a form checked on every keystroke);
    the service's check and the draft's submission gate always run it.
    """
    from core.composer.findings import check_draft  # the checks engine loads its data on first use

    names: tuple[Finding, ...] | None = None if analysis else ()

    if not platforms:
        result = check_draft(text, Platform.FACEBOOK, (), profile, config, person_names=names)
        return tuple(PlatformFinding(None, f) for f in result.findings if f.rule_id != LENGTH_RULE)
    seen: set[tuple[str, int | None, int | None]] = set()
    out: list[PlatformFinding] = []
    for platform in platforms:
        for finding in check_draft(text, platform, (), profile, config, person_names=names).findings:
            # The content rules say the same on every platform: report those once, length per platform.
            key = (finding.rule_id, finding.start, finding.end)
            if finding.rule_id != LENGTH_RULE and key in seen:
                continue
            seen.add(key)
            out.append(PlatformFinding(platform if finding.rule_id == LENGTH_RULE else None, finding))
    return tuple(out)


def check_template(content: TemplateContent, profile: OrganizationProfile, config: CheckConfig) -> TemplateCheck:
    """``content`` filled with the organization's sample values, judged as its drafts will be."""
    values = samples(profile)
    text = fill(content.text, values)
    return TemplateCheck(check_text(text, content.platforms, profile, config))


def refuse_if_blocking(check: TemplateCheck) -> None:
    if not check.ok:
        raise InvalidInput(
            tr("The template cannot be saved: every draft made from it would be refused.")
            + "\n"
            + "\n".join("・" + line for line in check.lines(only_blocking=True))
        )


@dataclass(frozen=True)
class FilledTemplate:
    """A template with the operator's values, as the draft will start, and what the checks say about it."""

    title: str
    text: str
    missing: tuple[Placeholder, ...]
    findings: tuple[PlatformFinding, ...]

    @property
    def complete(self) -> bool:
        return not self.missing

    @property
    def blocking(self) -> tuple[PlatformFinding, ...]:
        return tuple(f for f in self.findings if f.finding.severity is Severity.BLOCK)


def fill_and_check(
    content: TemplateContent,
    values: Mapping[Placeholder, str],
    platform: Platform,
    profile: OrganizationProfile,
    config: CheckConfig,
    *,
    analysis: bool = True,
) -> FilledTemplate:
    """What the picker shows while the form is filled: the texts so far and, once complete, the findings.

    Placeholders still empty stay visible in the text (``{date}``) and nothing is
    checked until every one is filled: a half-filled text would only raise findings
    about the gaps.
    """
    from core.templates.placeholders import missing

    left = tuple(dict.fromkeys(missing(content.title, values) + missing(content.text, values)))
    if left:
        shown = {p: v for p, v in values.items() if (v or "").strip()}
        return FilledTemplate(_partial(content.title, shown), _partial(content.text, shown), left, ())
    title, text = fill(content.title, values), fill(content.text, values)
    return FilledTemplate(title, text, (), check_text(text, (platform,), profile, config, analysis=analysis))


def _partial(text: str, values: Mapping[Placeholder, str]) -> str:
    return "".join(
        s.text if s.placeholder is None or s.placeholder not in values else values[s.placeholder].strip()
        for s in parse(text)
    )
