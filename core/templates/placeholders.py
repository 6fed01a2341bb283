"""Placeholders in a template's text: ``{date}``, ``{place}``, ``{url}`` … parsed, listed and filled.

The set is closed on purpose: an operator fills a small form with one field per
placeholder, and the checks can judge a template with neutral sample values
taken from the organization's own profile (its domain, departments and places),
so a placeholder never shows up as a finding of its own.

``{{`` and ``}}`` stand for literal braces.
"""

from __future__ import annotations

import enum
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass

from core.errors import InvalidInput
from core.i18n import tr
from core.organization.profile import OrganizationProfile

MAX_VALUE = 200

_TOKEN = re.compile(r"\{\{|\}\}|\{([^{}]*)\}|[{}]")


class Placeholder(enum.StrEnum):
    DATE = "date"
    TIME = "time"
    PLACE = "place"
    URL = "url"
    DEPARTMENT = "department"
    SUBJECT = "subject"

    @property
    def label(self) -> str:
        return {
            Placeholder.DATE: tr("Date"),
            Placeholder.TIME: tr("Time of day"),
            Placeholder.PLACE: tr("Place"),
            Placeholder.URL: tr("URL (official page)"),
            Placeholder.DEPARTMENT: tr("Department"),
            Placeholder.SUBJECT: tr("Subject"),
        }[self]

    @property
    def hint(self) -> str:
        return {
            Placeholder.DATE: tr("e.g. 12月1日(火)"),
            Placeholder.TIME: tr("e.g. 10時から"),
            Placeholder.PLACE: tr("a public place, e.g. 市民体育館"),
            Placeholder.URL: tr("the page on the organization's own website (https://…)"),
            Placeholder.DEPARTMENT: tr("the department answering questions"),
            Placeholder.SUBJECT: tr("what it is about, e.g. 市民まつり"),
        }[self]

    def sample(self, profile: OrganizationProfile) -> str:
        """A neutral value for checking a template: the organization's own domain, department and place.

        A sample the checks would object to (an unknown domain, a street address)
        would make every template look wrong; these are what the organization
        itself publishes.
        """
        if self is Placeholder.URL:
            domain = next((d.strip().lower() for d in profile.own_domains if d.strip()), "www.city.example.lg.jp")
            return f"https://{domain}/"
        if self is Placeholder.DEPARTMENT:
            return next((d for d in profile.departments if d.strip()), "広報課")
        if self is Placeholder.PLACE:
            return next((p for p in profile.place_names if p.strip()), "市民体育館")
        return {
            Placeholder.DATE: "12月1日(火)",
            Placeholder.TIME: "10時",
            Placeholder.SUBJECT: "市民まつり",
        }[self]


@dataclass(frozen=True)
class Segment:
    """A piece of a template: literal text, or the placeholder it stands for."""

    text: str
    placeholder: Placeholder | None = None


def parse(text: str) -> tuple[Segment, ...]:
    """The template's pieces; an unknown ``{name}`` or a lone brace is refused (with its position)."""
    segments: list[Segment] = []
    literal: list[str] = []
    position = 0
    for match in _TOKEN.finditer(text):
        literal.append(text[position : match.start()])
        position = match.end()
        token = match.group(0)
        if token in ("{{", "}}"):
            literal.append(token[0])
            continue
        name = match.group(1)
        if name is None:
            raise InvalidInput(
                tr("A lone brace at character {n}: write {{ or }} for a brace in the text.").format(n=match.start() + 1)
            )
        try:
            placeholder = Placeholder(name.strip().lower())
        except ValueError:
            raise InvalidInput(
                tr("Unknown placeholder {{{name}}}; use one of {known}.").format(
                    name=name[:30], known=", ".join("{" + p.value + "}" for p in Placeholder)
                )
            ) from None
        if literal:
            segments.append(Segment("".join(literal)))
            literal = []
        segments.append(Segment("{" + placeholder.value + "}", placeholder))
    literal.append(text[position:])
    if "".join(literal):
        segments.append(Segment("".join(literal)))
    return tuple(segments)


def placeholders_of(*texts: str) -> tuple[Placeholder, ...]:
    """Every placeholder in ``texts``, once each, in order of first appearance."""
    seen: dict[Placeholder, None] = {}
    for text in texts:
        for segment in parse(text):
            if segment.placeholder is not None:
                seen.setdefault(segment.placeholder)
    return tuple(seen)


def clean_value(placeholder: Placeholder, value: str) -> str:
    """A filled-in value as it goes into the post: one line, NFC, no braces; a URL must be https."""
    value = unicodedata.normalize("NFC", value or "").strip()
    if "\n" in value or "\r" in value:
        raise InvalidInput(tr("{field}: one line only.").format(field=placeholder.label))
    if "{" in value or "}" in value:
        raise InvalidInput(tr("{field}: braces are not allowed in a value.").format(field=placeholder.label))
    if len(value) > MAX_VALUE:
        raise InvalidInput(tr("{field}: at most {limit} characters.").format(field=placeholder.label, limit=MAX_VALUE))
    if placeholder is Placeholder.URL and value and not value.lower().startswith("https://"):
        raise InvalidInput(tr("{field}: give the full address starting with https://.").format(field=placeholder.label))
    return value


def missing(text: str, values: Mapping[Placeholder, str]) -> tuple[Placeholder, ...]:
    """The placeholders of ``text`` without a (non-blank) value."""
    return tuple(p for p in placeholders_of(text) if not (values.get(p) or "").strip())


def fill(text: str, values: Mapping[Placeholder, str]) -> str:
    """``text`` with every placeholder replaced; refused while one is left unfilled."""
    left = missing(text, values)
    if left:
        raise InvalidInput(
            tr("Fill in every placeholder first: {fields}.").format(fields=tr(", ").join(p.label for p in left))
        )
    clean = {p: clean_value(p, v) for p, v in values.items()}
    return "".join(s.text if s.placeholder is None else clean[s.placeholder] for s in parse(text))


def samples(profile: OrganizationProfile) -> dict[Placeholder, str]:
    return {p: p.sample(profile) for p in Placeholder}
