"""The text of each mail: Japanese by default, link-free, no media, no secrets.

LGWAN mail gateways often strip or quarantine mail with links, so the body
carries no URL at all: a title that contains one has it replaced. Only facts
kept in the notification row reach the text (ids, a title, a document
number, an account handle, a kind of error) — never a post's media, never a
credential.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from email.message import EmailMessage
from email.utils import formatdate, make_msgid
from typing import Any

from core.i18n import translate
from core.notify.kinds import CITY_TIME, ErrorKind, NotificationKind

DEFAULT_LANGUAGE = "ja"

# Schemes, www. names and host/path pairs: whatever a mail client would turn into a link.
_LINKISH = re.compile(r"(?i)\b(?:[a-z][a-z0-9+.-]*://|mailto:|www\.)\S*|\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}/\S*")


def without_links(text: str) -> str:
    return _LINKISH.sub(lambda _m: "[…]", text)


def _one_line(text: Any, limit: int = 200) -> str:
    value = without_links(" ".join(str(text).split()))
    return value if len(value) <= limit else value[: limit - 1] + "…"


@dataclass(frozen=True)
class Item:
    """One notification to put in words."""

    kind: NotificationKind
    facts: Mapping[str, Any]
    at: datetime


@dataclass(frozen=True)
class MailText:
    subject: str
    body: str


def _when(at: datetime) -> str:
    return at.astimezone(CITY_TIME).strftime("%Y-%m-%d %H:%M")


def _draft(facts: Mapping[str, Any], lang: str) -> str:
    title = _one_line(facts.get("title") or translate("core", "(untitled)", lang), 80)
    parts = [translate("core", "Draft {id} 「{title}」", lang).format(id=facts.get("draft_id", "?"), title=title)]
    if facts.get("document_number"):
        parts.append(str(facts["document_number"]))
    if facts.get("account"):
        parts.append(translate("core", "account {handle}", lang).format(handle=_one_line(facts["account"], 80)))
    return translate("core", ", ", lang).join(parts)


def headline(item: Item, lang: str = DEFAULT_LANGUAGE) -> str:
    """One line saying what happened (a subject, and a digest's line)."""
    f = item.facts
    match item.kind:
        case NotificationKind.SUBMISSION_WAITING:
            return translate("core", "Waiting for your approval: {draft}", lang).format(draft=_draft(f, lang))
        case NotificationKind.DRAFT_RETURNED:
            return translate("core", "Returned with comments: {draft}", lang).format(draft=_draft(f, lang))
        case NotificationKind.DRAFT_APPROVED:
            return translate("core", "Approved: {draft}", lang).format(draft=_draft(f, lang))
        case NotificationKind.DRAFT_REJECTED:
            return translate("core", "Rejected: {draft}", lang).format(draft=_draft(f, lang))
        case NotificationKind.PUBLICATION_FAILED:
            return translate("core", "Sending failed: {draft}", lang).format(draft=_draft(f, lang))
        case NotificationKind.NEEDS_CHECK:
            return translate("core", "Needs checking (要確認): {draft}", lang).format(draft=_draft(f, lang))
        case NotificationKind.INCIDENT_REPORTED:
            return translate("core", "Incident {number} reported (accounts: {accounts})", lang).format(
                number=f.get("incident_id", "?"),
                accounts=_one_line(translate("core", ", ", lang).join(f.get("accounts") or ["-"]), 120),
            )
        case NotificationKind.REVIEW_OVERDUE:
            return translate("core", "Continuation review overdue: account {handle}, due {due}", lang).format(
                handle=_one_line(f.get("account", "?"), 80), due=str(f.get("due", "?"))[:10]
            )
    raise AssertionError(item.kind)  # pragma: no cover - every kind is matched above


def _what_to_do(item: Item, lang: str) -> str:
    f = item.facts
    match item.kind:
        case NotificationKind.SUBMISSION_WAITING:
            return translate("core", "Open KohoGate, 承認待ち, to approve or return it.", lang)
        case NotificationKind.DRAFT_RETURNED:
            comment = _one_line(f.get("comment") or "", 500)
            text = translate("core", "Open the draft in KohoGate, change it and submit it again.", lang)
            if comment:
                text = translate("core", "Comment: {comment}", lang).format(comment=comment) + "\n" + text
            return text
        case NotificationKind.DRAFT_APPROVED:
            return translate("core", "It goes out at its scheduled time, or can now be posted from KohoGate.", lang)
        case NotificationKind.DRAFT_REJECTED:
            return translate("core", "The supervisor rejected it; see the comment in KohoGate.", lang)
        case NotificationKind.PUBLICATION_FAILED:
            kind = f.get("error_kind") or ""
            return translate(
                "core", "The platform did not take the post ({kind}). Check it in KohoGate, 送信状況.", lang
            ).format(kind=_one_line(kind, 40) or "-")
        case NotificationKind.NEEDS_CHECK:
            return translate(
                "core",
                "It is not known whether the post went out. Look at the account on the platform and record "
                "what you found in KohoGate before anything is sent again.",
                lang,
            )
        case NotificationKind.INCIDENT_REPORTED:
            return translate("core", "Follow the incident's steps in KohoGate, インシデント.", lang)
        case NotificationKind.REVIEW_OVERDUE:
            return translate("core", "Record the continuation review in KohoGate, アカウント (joso:7(1)).", lang)
    raise AssertionError(item.kind)  # pragma: no cover


def _footer(lang: str) -> str:
    return translate(
        "core",
        "This mail was sent by KohoGate. It contains no links: open KohoGate on your terminal. "
        "Whether you are told at once or in a daily digest is set in KohoGate, 設定 → 職員.",
        lang,
    )


def compose(items: Sequence[Item], organization: str, lang: str = DEFAULT_LANGUAGE) -> MailText:
    """One event's mail, or a digest of several."""
    if not items:
        raise ValueError("nothing to compose")
    prefix = f"[KohoGate {organization}]" if organization else "[KohoGate]"
    if len(items) == 1:
        item = items[0]
        title = headline(item, lang)
        body = "\n\n".join(
            [
                title,
                translate("core", "When: {when}", lang).format(when=_when(item.at)),
                _what_to_do(item, lang),
                _footer(lang),
            ]
        )
        return MailText(f"{prefix} {title}", body)
    lines = [f"・{_when(item.at)} {headline(item, lang)}" for item in items]
    subject = translate("core", "Daily digest: {count} notifications", lang).format(count=len(items))
    body = "\n\n".join(
        [
            translate("core", "What happened in KohoGate since the last digest:", lang),
            "\n".join(lines),
            _footer(lang),
        ]
    )
    return MailText(f"{prefix} {subject}", body)


def trial_text(organization: str, lang: str = DEFAULT_LANGUAGE) -> MailText:
    prefix = f"[KohoGate {organization}]" if organization else "[KohoGate]"
    return MailText(
        f"{prefix} " + translate("core", "Test mail", lang),
        translate(
            "core",
            "This is a test mail from KohoGate. If you can read it, notifications by e-mail are set up correctly.",
            lang,
        )
        + "\n\n"
        + _footer(lang),
    )


def error_text(kind: ErrorKind) -> str:
    return kind.label


def email_message(text: MailText, *, sender: str, to: str, sent_at: datetime) -> EmailMessage:
    """A UTF-8 text/plain message; the headers are RFC 2047-encoded by the email package's default policy."""
    from core.credentials.redaction import redact

    # Defence in depth: a secret the process knows (or anything token-shaped) never leaves in a mail.
    message = EmailMessage()
    message["Subject"] = redact(_one_line(text.subject, 300))
    message["From"] = sender
    message["To"] = to
    message["Date"] = formatdate(sent_at.timestamp(), localtime=False)
    message["Message-ID"] = make_msgid(domain=sender.rpartition("@")[2] or None)
    message["Auto-Submitted"] = "auto-generated"  # RFC 3834: no vacation replies back to KohoGate
    message.set_content(redact(without_links(text.body)), charset="utf-8")
    return message
