"""The public warning for the city's website after an impersonation or a hijack.

wako:5-impersonation asks to warn the public on the city's site; joso:6(4)
to name the account on the website. The page names the impersonating (or
hijacked) accounts — as text, never as links, so nobody is sent to them —
lists the real official accounts with links, gives the date and says what
residents should do. It is rendered through the same Jinja2 set-up as the
disclosure page (:mod:`core.disclosure.templating`) from its own template,
``resources/templates/incident_notice.html.j2``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from core.errors import InvalidInput
from core.i18n import current_language, tr
from core.incidents.model import IncidentDetail, IncidentKind, OfficialRef, Suspect
from core.incidents.reports import Contact

NOTICE_KINDS = (IncidentKind.IMPERSONATION, IncidentKind.HIJACK)


@dataclass(frozen=True)
class Notice:
    kind: IncidentKind
    organization: str
    published_on: datetime
    discovered_on: datetime
    suspects: tuple[Suspect, ...]
    hijacked: tuple[OfficialRef, ...]
    officials: tuple[OfficialRef, ...]
    contact: Contact
    page_url: str = ""  # the list of official accounts (the disclosure page), if published


def notice_for(
    detail: IncidentDetail, officials: Sequence[OfficialRef], contact: Contact, now: datetime, *, page_url: str = ""
) -> Notice:
    kind = detail.summary.kind
    if kind not in NOTICE_KINDS:
        raise InvalidInput(
            tr("A public notice is written for impersonation and hijacked accounts, not for {kind}.").format(
                kind=kind.label
            )
        )
    if kind is IncidentKind.IMPERSONATION and not detail.suspects:
        raise InvalidInput(tr("Record the impersonating account first: the notice names it."))
    if kind is IncidentKind.HIJACK and not detail.officials:
        raise InvalidInput(tr("Name the hijacked account in the incident first: the notice names it."))
    return Notice(
        kind,
        contact.organization,
        now,
        detail.summary.discovered_at,
        detail.suspects,
        detail.officials if kind is IncidentKind.HIJACK else (),
        tuple(officials),
        contact,
        page_url,
    )


def _labels(notice: Notice) -> dict[str, str]:
    org = notice.organization
    if notice.kind is IncidentKind.HIJACK:
        title = tr("Unauthorized access to an official account of {org}").format(org=org)
        intro = tr(
            "An official social-media account of {org} was accessed by someone else. Posts and messages sent "
            "from it since then were not made by {org}."
        ).format(org=org)
        accounts = tr("The account concerned")
    else:
        title = tr("Beware of accounts impersonating {org}").format(org=org)
        intro = tr(
            "Accounts pretending to be official accounts of {org} have been found. They are not operated by {org}."
        ).format(org=org)
        accounts = tr("Impersonating accounts")
    return {
        "title": title,
        "intro": intro,
        "accounts": accounts,
        "published": tr("Date of this notice"),
        "discovered": tr("Found"),
        "platform": tr("Service"),
        "handle": tr("Account ID"),
        "name": tr("Display name"),
        "address": tr("Address"),
        "not_link": tr("The addresses are shown as text so that nobody is taken to these accounts."),
        "real": tr("Our official accounts"),
        "real_intro": tr("Only these accounts are operated by {org}.").format(org=org),
        "verified": tr("Verified"),
        "list": tr("The full list of official accounts and their operating policies"),
        "todo": tr("What to do"),
        "contact": tr("Contact"),
        "phone": tr("Phone"),
        "email": tr("E-mail"),
    }


def _advice(kind: IncidentKind) -> list[str]:
    common = [
        tr("Do not follow, reply to or send messages to the account."),
        tr("Do not open links it sends, and never enter passwords, card numbers or personal details."),
        tr("{org} never asks for money, bank details or passwords on social media."),
        tr(
            "If you have already answered or paid, consult the police (#9110) or the consumer hotline (188) "
            "without delay."
        ),
    ]
    if kind is IncidentKind.HIJACK:
        return [
            tr("Ignore posts and messages the account sent around the date it was found, and do not share them."),
            *common[1:],
        ]
    return [*common, tr("You can help by reporting the account to the service.")]


def render_notice(notice: Notice) -> str:
    from core.disclosure.templating import page_environment

    return (
        page_environment()
        .get_template("incident_notice.html.j2")
        .render(
            lang=current_language(),
            notice=notice,
            labels=_labels(notice),
            advice=[line.format(org=notice.organization) for line in _advice(notice.kind)],
        )
    )


def write_notice(notice: Notice, out: Path) -> Path:
    """Write the page to ``out`` (a file; its folder is created). Refuses a folder or an unwritable place."""
    if out.exists() and out.is_dir():
        raise InvalidInput(tr("{path} is a folder; give a file name such as notice.html.").format(path=out))
    html = render_notice(notice)
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(html, encoding="utf-8")
    except OSError as exc:
        raise InvalidInput(
            tr("The notice could not be written to {path}: {reason}").format(path=out, reason=exc.strerror or exc)
        ) from None
    return out
