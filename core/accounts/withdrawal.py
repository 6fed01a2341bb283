"""Withdrawal with notice (joso:7(2)): the notice period and the prefilled notice post."""

from __future__ import annotations

from datetime import datetime

from core.accounts.lifecycle_rules import lifecycle_rules
from core.i18n import tr


def notice_period_problem(days: int | None) -> str | None:
    """Why ``days`` is not an acceptable notice period, or ``None``."""
    rules = lifecycle_rules()
    if days is None or isinstance(days, bool) or not rules.min_notice_days <= days <= rules.max_notice_days:
        return tr(
            "A withdrawal needs a notice period of {min}–{max} days (joso:7(2)). To stop at once, use "
            "“Stop now” and give the reason."
        ).format(min=rules.min_notice_days, max=rules.max_notice_days)
    return None


def notice_text(display_name: str, org_name: str, ends_at: datetime, page_url: str) -> str:
    """The prefilled notice post (the operator edits it; it goes through sign-off like any post)."""
    day = ends_at.astimezone()
    date = f"{day.year}年{day.month}月{day.day}日"
    lines = [
        f"【お知らせ】{display_name}は{date}をもって運用を終了し、その後アカウントを削除します。",
        "これまでご覧いただき、ありがとうございました。",
        f"今後の情報は{org_name}の公式ホームページ等でお知らせします。",
    ]
    if page_url:
        lines.append(page_url)
    return "\n".join(lines)
