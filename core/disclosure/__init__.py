"""The public disclosure of official accounts (joso:3(4), joso:7(2), wako:5 なりすまし).

:func:`write_disclosure` renders, with Jinja2 and autoescaping, an accessible
HTML page for the city website listing each account in operation with its
kind (joso:3(1)), name, ID, verified status, content, 運用管理者 / 運用責任者 /
担当者 *as titles* (never personal names) and its operating policy; an account
being withdrawn shows 運用停止予定 with the date, one stopped at once shows
the reason, and a deleted one stays in the page's history (joso:7(2)). One
suggested profile text per account fits its platform's bio limit
(:mod:`core.disclosure.profile`, joso:3(4) プロフィール欄 ア–カ).

The template receives, per account (``accounts``): ``info`` (an
:class:`~core.services.accounts.AccountInfo`), ``platform`` (display name),
``kind``, ``verified``, ``withdrawal`` (:class:`Withdrawal` or ``None``),
``policy``, ``titles``, ``items`` and ``profile``; and ``history`` (withdrawn
accounts, :class:`HistoryEntry`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from core.accounts.duties import Duty
from core.accounts.policy import POLICY_ITEMS
from core.disclosure.profile import ProfileInputs, ProfileText, suggest_profile
from core.i18n import tr
from core.lifecycle.states import AccountStatus
from core.platforms.facts import Platform, facts_of, platform_label
from core.services.accounts import AccountDetail, AccountInfo, account_detail, list_accounts
from core.storage.engine import Store
from core.storage.models import Organization

PAGE_FILE = "official-accounts.html"
PUBLISHED = {AccountStatus.ACTIVE, AccountStatus.PAUSED, AccountStatus.WITHDRAWAL_NOTICE, AccountStatus.STOPPED}


@dataclass(frozen=True)
class Written:
    page: Path
    profiles: list[Path]
    texts: list[ProfileText]


@dataclass(frozen=True)
class Withdrawal:
    """What the page says about an account being withdrawn or stopped (joso:7(2))."""

    heading: str  # 運用停止予定 / 運用停止
    date: str
    reason: str
    immediate: bool


@dataclass(frozen=True)
class HistoryEntry:
    display_name: str
    handle: str
    platform: str
    kind: str
    ended: str  # the date it stopped
    deleted: str  # the date its deletion was recorded
    reason: str


def _day(moment: datetime | None) -> str:
    if moment is None:
        return ""
    local = moment.astimezone()
    return f"{local.year}年{local.month}月{local.day}日"


def withdrawal_of(info: AccountInfo) -> Withdrawal | None:
    if info.status is AccountStatus.WITHDRAWAL_NOTICE:
        return Withdrawal(tr("Scheduled end of operation"), _day(info.withdrawal_ends_at), "", False)
    if info.status is AccountStatus.STOPPED:
        return Withdrawal(tr("Operation stopped"), _day(info.withdrawal_ends_at), info.withdrawal_reason or "", True)
    return None


def profile_inputs(detail: AccountDetail, org_name: str, page_url: str) -> ProfileInputs:
    info, policy = detail.info, detail.policy
    return ProfileInputs(
        org_name=org_name,
        running_body=info.department or org_name,
        responsible_title=detail.titles()[Duty.RESPONSIBLE],
        content=str(policy.get("ka") or ""),
        response=str(policy.get("ke") or ""),
        page_url=page_url,
        extra=str(policy.get("ku") or ""),
        field_specific=info.kind.value == "field",
    )


def profile_for(detail: AccountDetail, org_name: str, page_url: str) -> ProfileText:
    """The suggested profile text of ``detail``'s account on its own platform."""
    facts = facts_of(detail.info.platform) or Platform.X.facts
    return suggest_profile(profile_inputs(detail, org_name, page_url), facts)


def profile_text(detail: AccountDetail, org_name: str, page_url: str) -> str:
    """Suggested profile text (joso:3(4) プロフィール欄 ア–カ), within the platform's bio limit."""
    return profile_for(detail, org_name, page_url).text


def _history(infos: list[AccountInfo]) -> list[HistoryEntry]:
    return [
        HistoryEntry(
            display_name=a.display_name,
            handle=a.handle,
            platform=platform_label(a.platform),
            kind=a.kind.label,
            ended=_day(a.withdrawal_ends_at or a.deleted_at),
            deleted=_day(a.deleted_at),
            reason=a.withdrawal_reason or "",
        )
        for a in infos
        if a.status is AccountStatus.DELETED and a.opened_at is not None
    ]


def _labels(org_name: str) -> dict[str, str]:
    return {
        "title": tr("Official social-media accounts"),
        "intro": tr("These are the official accounts of {org}. Accounts not listed here are not ours.").format(
            org=org_name
        ),
        "updated": tr("Last updated"),
        "platform": tr("Service"),
        "id": tr("Account ID"),
        "content": tr("Content"),
        "policy": tr("Operating policy"),
        "status": tr("Status"),
        "kind": tr("Kind of account"),
        "verified": tr("Verification"),
        "none": tr("none"),
        "history": tr("Accounts no longer in operation"),
        "history_intro": tr(
            "These accounts were ours but are no longer operated. Posts made on them after the date shown "
            "are not from us."
        ),
        "name": tr("Account name"),
        "ended": tr("End of operation"),
        "deleted": tr("Deleted"),
        "reason": tr("Reason"),
        "unknown": tr("date not recorded"),
    }


def _context(d: AccountDetail, profile: ProfileText) -> dict[str, Any]:
    return {
        "info": d.info,
        # The service's name as readers know it, never the stored id ("x", "line").
        "platform": platform_label(d.info.platform),
        "caption": tr("Facts about the account {name}").format(name=d.info.display_name),
        "kind": d.info.kind.label,
        "verified": tr("Verified by the platform (its verification mark is shown)")
        if d.info.verified
        else tr("Not verified by the platform"),
        "withdrawal": withdrawal_of(d.info),
        "policy": d.policy,
        "titles": [(duty.label, d.titles()[duty]) for duty in Duty],
        "items": [(i, _item_text(d, i.key, i.source)) for i in POLICY_ITEMS],
        "profile": profile,
    }


def write_disclosure(store: Store, out_dir: Path, *, page_url: str = "") -> Written:
    """Write the page and one ``profile-<id>.txt`` per published account into ``out_dir``."""
    from core.disclosure.templating import page_environment

    with store.read() as session:
        org = session.get(Organization, 1)
        org_name = org.name if org else ""
    infos = list_accounts(store)
    details = [account_detail(store, a.id) for a in infos if a.status in PUBLISHED and a.filed_at is not None]
    page_url = page_url or PAGE_FILE
    profiles = [profile_for(d, org_name, page_url) for d in details]
    updated = store.now()
    html = (
        page_environment()
        .get_template("official_accounts.html.j2")
        .render(
            org_name=org_name,
            accounts=[_context(d, p) for d, p in zip(details, profiles, strict=True)],
            history=_history(infos),
            updated=_day(updated),
            updated_iso=updated.astimezone().date().isoformat(),
            labels=_labels(org_name),
        )
    )
    out_dir.mkdir(parents=True, exist_ok=True)
    page = out_dir / PAGE_FILE
    page.write_text(html, encoding="utf-8")
    paths = []
    for d, p in zip(details, profiles, strict=True):
        path = out_dir / f"profile-{d.info.id}-{d.info.platform}.txt"
        path.write_text(p.text + "\n", encoding="utf-8")
        paths.append(path)
    return Written(page, paths, profiles)


def _item_text(detail: AccountDetail, key: str, source: str | None) -> str:
    info = detail.info
    if source == "platform":
        return platform_label(info.platform)
    if source == "identity":
        return f"{info.display_name} ({info.handle})"
    if source == "url":
        return info.url or ""
    return str(detail.policy.get(key) or "")
