"""Running the checks: draft + organization → findings.

:func:`run_checks` is the keystroke path: pure, no I/O, no Qt, a few
milliseconds for a long draft. It normalises the text once, runs every rule,
then turns the rules' raw hits into :class:`Finding` objects with the
organization's severities, clauses and messages, spans mapped back to the
original text.

The analysis tier (person names, names with details, word rules on
morphemes; SudachiPy) is slow by comparison, so it is off by default here and
available on its own as :func:`check_person_names` for a worker thread.
"""

from __future__ import annotations

import math
import string
from collections.abc import Callable, Iterable, Mapping
from dataclasses import replace

from core.checks.catalog import LEXICON_PREFIX, rule_definition
from core.checks.config import CheckConfig
from core.checks.context import CheckContext, Hit, Param, prepare
from core.checks.input_limits import check_input_size
from core.checks.length import text_length
from core.checks.model import CheckResult, DraftInput, Finding, LengthInfo
from core.checks.normalize import normalize
from core.checks.rules import content, links, media, person_names, pii, platform_media, text
from core.checks.rules import length as length_rule
from core.organization.profile import OrganizationProfile

Rule = Callable[[CheckContext], Iterable[Hit]]

# The keystroke rules, in display order of their families.
KEYSTROKE_RULES: tuple[Rule, ...] = (
    links.check_links,
    links.check_confusable_hosts,
    pii.check_mynumber,
    pii.check_card_number,
    pii.check_phone,
    pii.check_email,
    pii.check_postal_address,
    text.check_invisible,
    content.check_dm_request,
    content.check_quote,
    content.check_harmful_program,
    content.check_lexicon,
    media.check_media,
)


class _Formatter(string.Formatter):
    """``str.format`` that leaves unknown ``{fields}`` visible instead of raising."""

    def get_value(self, key: int | str, args: object, kwargs: Mapping[str, object]) -> object:
        if isinstance(key, str):
            return kwargs.get(key, "{" + key + "}")
        return "{" + str(key) + "}"


_formatter = _Formatter()


class _Visible(dict[str, str]):
    """Parameters for ``str.format_map``: an unknown ``{field}`` stays visible, as with :class:`_Formatter`."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def _message(template: str, params: dict[str, str]) -> str:
    # str.format_map runs in C: per finding several times cheaper than string.Formatter, which
    # matters when a long text has hundreds of thousands of findings. Anything it cannot do
    # (a positional field, a format spec on a missing field) goes the careful way.
    try:
        return template.format_map(_Visible(params))
    except (IndexError, KeyError, ValueError, AttributeError, TypeError):
        return _formatter.format(template, **params)


def _params(params: Mapping[str, Param], lang_index: int) -> dict[str, str]:
    return {k: v[lang_index] if isinstance(v, tuple) else v for k, v in params.items()}


def _to_finding(hit: Hit, ctx: CheckContext, config: CheckConfig) -> Finding | None:
    if not config.is_enabled(hit.rule_id):
        return None
    rule = rule_definition(hit.rule_id)
    if rule is None:
        raise KeyError(f"rule {hit.rule_id!r} has no definition in rules.toml")
    start, end = hit.start, hit.end
    if start is not None and end is not None and not hit.in_original:
        start, end = ctx.normalized.span_to_original(start, end)
    return Finding(
        rule_id=rule.id,
        severity=config.severity_for(rule.id, rule.default_severity),
        clauses=rule.clauses,
        message_ja=_message(rule.message_ja, _params(hit.params, 0)),
        message_en=_message(rule.message_en, _params(hit.params, 1)),
        start=start,
        end=end,
        media_index=hit.media_index,
    )


def _sort_key(finding: Finding) -> tuple[float, float, int, str]:
    position = finding.start if finding.start is not None else math.inf
    media_position = finding.media_index if finding.media_index is not None else -1
    return (position, media_position, -finding.severity.rank, finding.rule_id)


def _unique(findings: Iterable[Finding]) -> tuple[Finding, ...]:
    """Findings without duplicates, in display order.

    A word-list finding inside or across another of the same list (the phrase
    ``を支持しましょう`` and the word rule ``~を支持する``) is one finding: in
    start order, with the longer span first at a position, a word-list finding
    that starts before the furthest end kept for its rule is dropped (one
    dictionary lookup each, so many findings stay linear)."""
    seen: set[tuple[str, int | None, int | None, int | None]] = set()
    word_ends: dict[str, int] = {}
    kept: list[Finding] = []
    ordered = sorted(findings, key=lambda f: (_sort_key(f), -((f.end or 0) - (f.start or 0))))
    for finding in ordered:
        key = (finding.rule_id, finding.start, finding.end, finding.media_index)
        if key in seen:
            continue
        if finding.rule_id.startswith(LEXICON_PREFIX) and finding.start is not None and finding.end is not None:
            if finding.start < word_ends.get(finding.rule_id, -1):
                continue
            word_ends[finding.rule_id] = finding.end
        seen.add(key)
        kept.append(finding)
    return tuple(kept)


def _findings(hits: Iterable[Hit], ctx: CheckContext, config: CheckConfig) -> tuple[Finding, ...]:
    return _unique(f for f in (_to_finding(hit, ctx, config) for hit in hits) if f is not None)


def run_checks(
    draft: DraftInput,
    profile: OrganizationProfile,
    config: CheckConfig | None = None,
    *,
    include_person_names: bool = False,
    include_attached_media: bool = False,
) -> CheckResult:
    """Every automatic check on ``draft``; the person-name check only on request.

    ``include_attached_media`` adds the rules that read facts recorded when a
    file was attached (faces, type, size, duration) and the platform's media
    counts: the composer and the submission gate ask for them; ``app.py check``
    keeps its documented results on files it has not attached.

    A text above :data:`~core.checks.input_limits.MAX_CHECK_CHARACTERS` is
    refused (:class:`~core.checks.input_limits.TextTooLong`, a clear message).
    """
    check_input_size(draft.text)
    config = config or CheckConfig()
    ctx = CheckContext(draft, normalize(draft.text), prepare(profile, config))
    length = LengthInfo(draft.platform, text_length(draft.text, draft.platform), draft.platform.text_limit)
    hits: list[Hit] = []
    for rule in KEYSTROKE_RULES:
        hits.extend(rule(ctx))
    if include_attached_media:
        hits.extend(platform_media.check_platform_media(ctx))
    hits.extend(length_rule.check_length(ctx, length))
    if include_person_names:
        hits.extend(person_names.check_person_name_hits(ctx))
    return CheckResult(_findings(hits, ctx, config), length)


def check_person_names(
    draft: DraftInput | str,
    profile: OrganizationProfile,
    config: CheckConfig | None = None,
) -> tuple[Finding, ...]:
    """The analysis tier's findings (SudachiPy): ``pii.person_name``,
    ``pii.person_details`` and word rules on morphemes. Thread-safe; meant for
    a worker thread. Merge the result with :func:`with_person_names`."""
    config = config or CheckConfig()
    if isinstance(draft, str):
        draft = DraftInput(draft)
    check_input_size(draft.text)
    ctx = CheckContext(draft, normalize(draft.text), prepare(profile, config))
    return _findings(person_names.check_person_name_hits(ctx), ctx, config)


def with_person_names(result: CheckResult, names: Iterable[Finding]) -> CheckResult:
    """``result`` plus the analysis tier's findings computed separately (replacing
    older ones of the rules only that tier produces)."""
    kept = [f for f in result.findings if f.rule_id not in ANALYSIS_ONLY_RULES]
    return replace(result, findings=_unique([*kept, *names]))


# Rules that only the analysis tier reports (word rules share their ids with phrases).
ANALYSIS_ONLY_RULES = frozenset({"pii.person_name", "pii.person_details"})
