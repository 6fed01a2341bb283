"""The public disclosure of official accounts (joso:3(4), wako:5 なりすまし).

:func:`write_disclosure` renders, with Jinja2 and autoescaping, an accessible
HTML page for the city website listing each account in operation with its
name, ID, content, 運用管理者 / 運用責任者 / 担当者 *as titles* (never personal
names) and its operating policy, plus a suggested profile text per account
(joso:3(4) プロフィール欄 ア–オ).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select

from core.accounts.duties import Duty
from core.accounts.policy import POLICY_ITEMS
from core.i18n import tr
from core.lifecycle.states import AccountStatus
from core.platforms.facts import platform_label
from core.services.accounts import AccountDetail, account_detail, list_accounts
from core.storage.engine import Store
from core.storage.models import AuditEntry, Organization

PAGE_FILE = "official-accounts.html"
PUBLISHED = {AccountStatus.ACTIVE, AccountStatus.PAUSED, AccountStatus.WITHDRAWAL_NOTICE}


@dataclass(frozen=True)
class WithdrawnAccount:
    """An account no longer in operation, kept on the page so a reader can tell an old one from a fake."""

    name: str
    platform: str
    handle: str
    ended: str


def _japanese_date(moment: datetime) -> str:
    local = moment.astimezone()
    return f"{local.year}年{local.month}月{local.day}日"


def _ended_dates(store: Store) -> dict[int, datetime]:
    """When each account was last moved to 削除 (from the audit record), by account id."""
    found: dict[int, datetime] = {}
    with store.read() as session:
        rows = session.execute(
            select(AuditEntry.recorded_at, AuditEntry.payload)
            .where(AuditEntry.event == "account.status_changed")
            .where(AuditEntry.payload.contains(f'"to":"{AccountStatus.DELETED.value}"'))
            .order_by(AuditEntry.seq)
        )
        for recorded_at, payload in rows:
            try:
                account_id = json.loads(payload).get("account_id")
            except (ValueError, AttributeError):
                continue
            if isinstance(account_id, int):
                found[account_id] = datetime.strptime(recorded_at, "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=UTC)
    return found


def _withdrawn(store: Store) -> list[WithdrawnAccount]:
    ended = _ended_dates(store)
    return [
        WithdrawnAccount(
            a.display_name,
            platform_label(a.platform),
            a.handle,
            _japanese_date(ended[a.id]) if a.id in ended else "",
        )
        for a in list_accounts(store)
        if a.status is AccountStatus.DELETED
    ]


def _account_kind(detail: AccountDetail) -> str:
    """Hook: the account's kind (組合・市公式 or 分野別) once the account model has one; nothing is shown until then."""
    kind = getattr(detail.info, "kind", None)
    label = getattr(kind, "label", kind)
    return str(label) if label else ""


def _account_view(detail: AccountDetail) -> dict[str, Any]:
    return {
        "info": detail.info,
        # The service's name as readers know it, never the stored id ("x", "line").
        "platform": platform_label(detail.info.platform),
        "caption": tr("Facts about the account {name}").format(name=detail.info.display_name),
        "kind": _account_kind(detail),
        "verified": tr("Verified by the platform (its verification mark is shown)")
        if detail.info.verified
        else tr("Not verified by the platform"),
        "policy": detail.policy,
        "titles": [(duty.label, detail.titles()[duty]) for duty in Duty],
        "items": [(i, _item_text(detail, i.key, i.source)) for i in POLICY_ITEMS],
    }


@dataclass(frozen=True)
class Written:
    page: Path
    profiles: list[Path]


def profile_text(detail: AccountDetail, org_name: str, page_url: str) -> str:
    """Suggested profile text (joso:3(4) プロフィール欄 ア–オ)."""
    info, policy, titles = detail.info, detail.policy, detail.titles()
    lines = [
        f"{org_name}の公式アカウントです。",  # ア
        f"発信内容: {policy.get('ka', '')}",  # イ
        f"運用: {info.department or org_name}({titles[Duty.RESPONSIBLE]})",  # ウ
        f"対応方針: {policy.get('ke', '')}",  # エ
        f"公式アカウント一覧: {page_url}",  # オ
    ]
    return "\n".join(lines)


def write_disclosure(store: Store, out_dir: Path, *, page_url: str = "") -> Written:
    """Write the page and one ``profile-<id>.txt`` per published account into ``out_dir``."""
    from core.disclosure.templating import page_environment

    with store.read() as session:
        org = session.get(Organization, 1)
        org_name = org.name if org else ""
    details = [
        account_detail(store, a.id) for a in list_accounts(store) if a.status in PUBLISHED and a.filed_at is not None
    ]
    page_url = page_url or PAGE_FILE
    env = page_environment()
    updated = store.now()
    html = env.get_template("official_accounts.html.j2").render(
        org_name=org_name,
        accounts=[_account_view(d) for d in details],
        withdrawn=_withdrawn(store),
        updated=_japanese_date(updated),
        updated_iso=updated.astimezone().date().isoformat(),
        labels={
            "title": tr("Official social-media accounts"),
            "intro": tr("These are the official accounts of {org}. Accounts not listed here are not ours.").format(
                org=org_name
            ),
            "updated": tr("Last updated"),
            "platform": tr("Service"),
            "id": tr("Account ID"),
            "kind": tr("Kind of account"),
            "verified": tr("Verification"),
            "content": tr("Content"),
            "policy": tr("Operating policy"),
            "status": tr("Status"),
            "none": tr("none"),
            "history": tr("Accounts no longer in operation"),
            "history_intro": tr(
                "These accounts were ours but are no longer operated. Posts made on them after the date shown "
                "are not from us."
            ),
            "name": tr("Account name"),
            "ended": tr("Operation ended"),
            "unknown": tr("date not recorded"),
        },
    )
    out_dir.mkdir(parents=True, exist_ok=True)
    page = out_dir / PAGE_FILE
    page.write_text(html, encoding="utf-8")
    profiles = []
    for d in details:
        path = out_dir / f"profile-{d.info.id}-{d.info.platform}.txt"
        path.write_text(profile_text(d, org_name, page_url) + "\n", encoding="utf-8")
        profiles.append(path)
    return Written(page, profiles)


def _item_text(detail: AccountDetail, key: str, source: str | None) -> str:
    info = detail.info
    if source == "platform":
        return platform_label(info.platform)
    if source == "identity":
        return f"{info.display_name} ({info.handle})"
    if source == "url":
        return info.url or ""
    return str(detail.policy.get(key) or "")
