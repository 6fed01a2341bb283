"""The operating policy of an official account, item by item (joso:3(3) ア–セ).

Each item is data — key, letter, clause, label, help — so that the editor,
the completeness check, the disclosure page and the tests all read the same
list. The policy is stored as a JSON object in ``official_account.policy``
with one key per item (``"a"`` … ``"se"``); the optional ``"titles"`` key
holds the disclosure titles of the duties (see :mod:`core.accounts.duties`).

Items イ, ウ and エ (platform, name and ID, URL) are the account's own
fields; they are shown as policy items but not typed twice. Item キ needs, in
addition to its text, named staff in every duty (wako:5: 管理責任者及び運用者).
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from typing import Any

from core.accounts.duties import Duty
from core.i18n import tr

TITLES_KEY = "titles"


@dataclass(frozen=True)
class PolicyItem:
    key: str
    letter: str
    clause: str
    source: str | None  # "platform", "identity", "url" for items that are account fields

    @property
    def label(self) -> str:
        return _LABELS[self.key]()

    @property
    def help(self) -> str:
        return _HELP.get(self.key, lambda: "")()


_LABELS = {
    "a": lambda: tr("Purpose of posting"),
    "i": lambda: tr("Social-media service used"),
    "u": lambda: tr("Account name and ID"),
    "e": lambda: tr("URL"),
    "o": lambda: tr("Audience"),
    "ka": lambda: tr("Content"),
    "ki": lambda: tr("Operating structure and decision flow"),
    "ku": lambda: tr("Frequency and timing of posts"),
    "ke": lambda: tr("Response to users' posts"),
    "ko": lambda: tr("Statement of compliance with the guideline"),
    "sa": lambda: tr("Copyright"),
    "shi": lambda: tr("Disclaimer"),
    "su": lambda: tr("Service-specific matters"),
    "se": lambda: tr("Contact"),
}

_HELP = {
    "a": lambda: tr("Why this account posts: the goal it serves."),
    "o": lambda: tr("Who the posts are for (residents, visitors, parents …)."),
    "ka": lambda: tr("What kind of information is posted."),
    "ki": lambda: tr("Operating body, who approves, and the decision flow (決裁フロー)."),
    "ku": lambda: tr("How often and when posts go out."),
    "ke": lambda: tr("Whether replies and comments are answered, and how."),
    "ko": lambda: tr("A sentence stating that the social-media guideline is followed."),
    "sa": lambda: tr("How copyright in posted material is handled."),
    "shi": lambda: tr("Disclaimer for the information posted and for users' posts."),
    "su": lambda: tr("How features particular to this service are handled (DMs, live, stories …)."),
    "se": lambda: tr("Where the public can reach the operating department."),
}

POLICY_ITEMS: tuple[PolicyItem, ...] = (
    PolicyItem("a", "ア", "joso:3(3)-ア", None),
    PolicyItem("i", "イ", "joso:3(3)-イ", "platform"),
    PolicyItem("u", "ウ", "joso:3(3)-ウ", "identity"),
    PolicyItem("e", "エ", "joso:3(3)-エ", "url"),
    PolicyItem("o", "オ", "joso:3(3)-オ", None),
    PolicyItem("ka", "カ", "joso:3(3)-カ", None),
    PolicyItem("ki", "キ", "joso:3(3)-キ", None),
    PolicyItem("ku", "ク", "joso:3(3)-ク", None),
    PolicyItem("ke", "ケ", "joso:3(3)-ケ", None),
    PolicyItem("ko", "コ", "joso:3(3)-コ", None),
    PolicyItem("sa", "サ", "joso:3(3)-サ", None),
    PolicyItem("shi", "シ", "joso:3(3)-シ", None),
    PolicyItem("su", "ス", "joso:3(3)-ス", None),
    PolicyItem("se", "セ", "joso:3(3)-セ", None),
)
ITEMS_BY_KEY = {item.key: item for item in POLICY_ITEMS}
TEXT_ITEMS = tuple(item for item in POLICY_ITEMS if item.source is None)
MAX_ITEM_LENGTH = 4000


@dataclass(frozen=True)
class AccountFacts:
    """What the completeness check needs to know about an account, free of the data layer."""

    platform: str
    handle: str
    display_name: str
    url: str | None
    policy: Mapping[str, Any]
    duties: Collection[Duty]
    id_pattern: str | None = None


@dataclass(frozen=True)
class Missing:
    """One reason the policy is not complete, naming the item and its clause."""

    key: str
    clause: str
    message: str

    def __str__(self) -> str:
        item = ITEMS_BY_KEY.get(self.key)
        prefix = f"{item.letter} {item.label}" if item else self.key
        return f"{prefix} ({self.clause}): {self.message}"


def check_handle(pattern: str | None, handle: str) -> str | None:
    """Why ``handle`` breaks the organization's naming rule (joso:3(3)-ウ), or ``None``."""
    if not pattern:
        return None
    try:
        matched = re.fullmatch(pattern, handle.strip()) is not None
    except re.error:
        return tr("The organization's account ID pattern {pattern} is not a valid regular expression.").format(
            pattern=pattern
        )
    if matched:
        return None
    return tr("The account ID {handle} does not follow the naming rule {pattern}.").format(
        handle=handle, pattern=pattern
    )


def clean_policy(values: Mapping[str, Any]) -> dict[str, Any]:
    """The policy keeping only known keys, texts stripped (empty items dropped)."""
    policy: dict[str, Any] = {}
    for item in TEXT_ITEMS:
        text = str(values.get(item.key) or "").strip()
        if len(text) > MAX_ITEM_LENGTH:
            raise ValueError(item.key)
        if text:
            policy[item.key] = text
    titles = values.get(TITLES_KEY)
    if isinstance(titles, Mapping):
        kept = {Duty(k).value: str(v).strip() for k, v in titles.items() if k in set(Duty) and str(v).strip()}
        if kept:
            policy[TITLES_KEY] = kept
    return policy


def _item_problems(item: PolicyItem, facts: AccountFacts) -> list[str]:
    """What keeps one item from being complete (empty: complete)."""
    if item.source == "platform":
        return [] if facts.platform.strip() else [tr("no service chosen")]
    if item.source == "identity":
        problems = []
        if not facts.display_name.strip() or not facts.handle.strip():
            problems.append(tr("account name or ID missing"))
        problem = check_handle(facts.id_pattern, facts.handle)
        return [*problems, problem] if problem else problems
    if item.source == "url":
        return [] if (facts.url or "").strip() else [tr("the account's URL is missing")]
    return [] if str(facts.policy.get(item.key) or "").strip() else [tr("not written yet")]


def missing_items(facts: AccountFacts) -> list[Missing]:
    """Everything that keeps the policy from being complete, in item order (empty: complete)."""
    missing: list[Missing] = []
    for item in POLICY_ITEMS:
        missing += [Missing(item.key, item.clause, problem) for problem in _item_problems(item, facts)]
        if item.key == "ki":
            missing += [
                Missing(item.key, item.clause, tr("nobody is named as {duty}").format(duty=duty.label))
                for duty in Duty
                if duty not in facts.duties
            ]
    return missing
