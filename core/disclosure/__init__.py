"""The public disclosure of official accounts (joso:3(4), wako:5 なりすまし).

:func:`write_disclosure` renders, with Jinja2 and autoescaping, an accessible
HTML page for the city website listing each account in operation with its
name, ID, content, 運用管理者 / 運用責任者 / 担当者 *as titles* (never personal
names) and its operating policy, plus a suggested profile text per account
(joso:3(4) プロフィール欄 ア–オ).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from core.accounts.duties import Duty
from core.accounts.policy import POLICY_ITEMS
from core.i18n import tr
from core.lifecycle.states import AccountStatus
from core.platforms.facts import platform_label
from core.runtime.resources import resource_path
from core.services.accounts import AccountDetail, account_detail, list_accounts
from core.storage.engine import Store
from core.storage.models import Organization

PAGE_FILE = "official-accounts.html"
PUBLISHED = {AccountStatus.ACTIVE, AccountStatus.PAUSED, AccountStatus.WITHDRAWAL_NOTICE}


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
    from jinja2 import Environment, FileSystemLoader, select_autoescape

    with store.read() as session:
        org = session.get(Organization, 1)
        org_name = org.name if org else ""
    details = [
        account_detail(store, a.id) for a in list_accounts(store) if a.status in PUBLISHED and a.filed_at is not None
    ]
    page_url = page_url or PAGE_FILE
    env = Environment(
        loader=FileSystemLoader(str(resource_path("templates"))),
        autoescape=select_autoescape(["html", "j2"], default=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    html = env.get_template("official_accounts.html.j2").render(
        org_name=org_name,
        accounts=[
            {
                "info": d.info,
                # The service's name as readers know it, never the stored id ("x", "line").
                "platform": platform_label(d.info.platform),
                "policy": d.policy,
                "titles": [(duty.label, d.titles()[duty]) for duty in Duty],
                "items": [(i, _item_text(d, i.key, i.source)) for i in POLICY_ITEMS],
            }
            for d in details
        ],
        labels={
            "title": tr("Official social-media accounts"),
            "intro": tr("These are the official accounts of {org}. Accounts not listed here are not ours.").format(
                org=org_name
            ),
            "id": tr("Account ID"),
            "content": tr("Content"),
            "policy": tr("Operating policy"),
            "status": tr("Status"),
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
