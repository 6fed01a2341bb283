"""The report to the platform (wako:5-impersonation 「削除を依頼」, joso:6(4) 削除依頼).

No platform takes a city's impersonation report through an API: a person
fills in the platform's form. KohoGate makes that quick and exact — the
form's address (data: ``resources/rules/platform_reports.toml``, each with
the help-centre page it came from) and the facts to paste, field by field:
the official account, the suspicious one, the evidence with its hashes, and
whom to contact. Recording that the report was made (time, ticket) stays a
timeline step.
"""

from __future__ import annotations

import tomllib
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from urllib.parse import urlsplit

from core.i18n import current_language, tr
from core.incidents.model import Evidence, IncidentDetail, IncidentKind, OfficialRef, Suspect
from core.platforms.facts import platform_label
from core.runtime.resources import resource_path


@dataclass(frozen=True)
class ReportPlace:
    """Where one platform takes reports (one ``[[platform]]`` of the TOML file)."""

    platform: str
    impersonation_url: str
    hijack_url: str
    source: str
    how_ja: str
    how_en: str

    @property
    def how(self) -> str:
        return self.how_ja if current_language() == "ja" else self.how_en


@dataclass(frozen=True)
class Contact:
    """Who the platform answers: the organization and the section handling the incident."""

    organization: str
    department: str = ""
    email: str = ""
    phone: str = ""


@dataclass(frozen=True)
class ReportField:
    key: str  # stable: "official", "suspect", "evidence", "contact", "statement"
    label: str
    text: str


@dataclass(frozen=True)
class PlatformReport:
    platform: str
    platform_name: str
    form_url: str
    source: str
    how: str
    fields: tuple[ReportField, ...]

    def field(self, key: str) -> ReportField:
        return next(f for f in self.fields if f.key == key)

    @property
    def full_text(self) -> str:
        """Every field in one text (for a form with a single free-text box, or an e-mail)."""
        return "\n\n".join(f"【{f.label}】\n{f.text}" for f in self.fields)


@cache
def report_places() -> dict[str, ReportPlace]:
    data = tomllib.loads(resource_path("rules", "platform_reports.toml").read_text(encoding="utf-8"))
    places = {}
    for entry in data["platform"]:
        place = ReportPlace(
            str(entry["id"]),
            str(entry["impersonation_url"]),
            str(entry["hijack_url"]),
            str(entry["source"]),
            str(entry["how_ja"]),
            str(entry["how_en"]),
        )
        places[place.platform] = place
    return places


def _server(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme in ("https", "http") and parts.netloc else ""


def _form_url(template: str, suspects: Sequence[Suspect], officials: Sequence[OfficialRef]) -> str:
    if "{server}" not in template:
        return template
    # The suspicious account's own server decides; for a hijack, the official account's server.
    for url in [s.url for s in suspects] + [o.url for o in officials]:
        server = _server(url)
        if server:
            return template.replace("{server}", server)
    return ""


def _official_text(officials: Sequence[OfficialRef], page_url: str) -> str:
    lines = []
    for o in officials:
        verified = tr(" (verified)") if o.verified else ""
        lines.append(f"{o.display_name} {o.handle}{verified}" + (f"\n{o.url}" if o.url else ""))
    if page_url:
        lines.append(tr("Our list of official accounts: {url}").format(url=page_url))
    return "\n".join(lines) or "—"


def _suspect_text(suspects: Sequence[Suspect]) -> str:
    return (
        "\n".join(
            f"{s.display_name} {s.handle}".strip()
            + (f"\n{s.url}" if s.url else "")
            + "\n"
            + tr("found {date}").format(date=s.recorded_at.astimezone().strftime("%Y-%m-%d"))
            for s in suspects
        )
        or "—"
    )


def _evidence_text(evidence: Sequence[Evidence]) -> str:
    lines = []
    for e in evidence:
        what = e.label or e.filename or tr("Evidence")
        at = e.recorded_at.astimezone().strftime("%Y-%m-%d %H:%M")
        lines.append(f"・{what} ({at})" + (f" {e.url}" if e.url else "") + f" SHA-256 {e.sha256}")
    return "\n".join(lines) or "—"


def _contact_text(contact: Contact) -> str:
    parts = [contact.organization, contact.department, contact.email, contact.phone]
    return "\n".join(p for p in parts if p)


def _statement(
    kind: IncidentKind, org: str, officials: Sequence[OfficialRef], suspects: Sequence[Suspect], name: str
) -> str:
    official = ", ".join(o.handle for o in officials) or org
    if kind is IncidentKind.HIJACK:
        return tr(
            "The official {platform} account {official} of {org} was accessed without our permission. Posts since "
            "the takeover were not made by us. We ask you to help us regain control of the account and to remove "
            "the posts we did not make."
        ).format(platform=name, official=official, org=org)
    fake = ", ".join(s.handle for s in suspects) or "—"
    return tr(
        "The account {fake} pretends to be the official {platform} account of {org} ({official}). It is not "
        "operated by {org} and misleads residents. We are the organization impersonated and ask you to remove "
        "the account."
    ).format(fake=fake, platform=name, org=org, official=official)


def prepare_reports(detail: IncidentDetail, contact: Contact, *, page_url: str = "") -> tuple[PlatformReport, ...]:
    """One report per platform concerned: the suspects' platforms (なりすまし) or the hijacked accounts' (乗っ取り).

    Other kinds of incident have no platform report of this sort (a threat is
    reported on the post itself), so they get none.
    """
    kind = detail.summary.kind
    if kind is IncidentKind.IMPERSONATION:
        platforms = list(dict.fromkeys(s.platform for s in detail.suspects))
    elif kind is IncidentKind.HIJACK:
        platforms = list(dict.fromkeys(o.platform for o in detail.officials))
    else:
        return ()
    places = report_places()
    reports = []
    for platform in platforms:
        place = places.get(platform)
        suspects = [s for s in detail.suspects if s.platform == platform]
        # The official account on the same platform is what the fake copies; without one, name them all.
        officials = [o for o in detail.officials if o.platform == platform] or list(detail.officials)
        name = platform_label(platform)
        template = (
            "" if place is None else (place.hijack_url if kind is IncidentKind.HIJACK else place.impersonation_url)
        )
        fields = [
            ReportField(
                "statement", tr("What happened"), _statement(kind, contact.organization, officials, suspects, name)
            ),
            ReportField("official", tr("Official account"), _official_text(officials, page_url)),
        ]
        if kind is IncidentKind.IMPERSONATION:
            fields.append(ReportField("suspect", tr("Impersonating account"), _suspect_text(suspects)))
        fields += [
            ReportField("evidence", tr("Evidence"), _evidence_text(detail.evidence)),
            ReportField("contact", tr("Contact"), _contact_text(contact) or "—"),
        ]
        reports.append(
            PlatformReport(
                platform,
                name,
                _form_url(template, suspects, officials),
                place.source if place else "",
                place.how if place else tr("This platform has no known report form; use its help centre."),
                tuple(fields),
            )
        )
    return tuple(reports)
