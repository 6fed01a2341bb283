"""The suggested profile text of an account, within its platform's bio limit (joso:3(4) プロフィール欄 ア–カ).

Each item ア–カ is included, shortened to fit, or reported missing with the
reason (nothing written for it, or no room on the platform). The limit and
the way it is counted come from :mod:`core.platforms.facts`; a platform that
publishes no figure gets the full text.

Shortening, in order, until the text fits: the optional item カ is left
out; the labels are dropped ("公式アカウント一覧: " before the link); イ and エ
are cut with "…" (never below a few characters); then エ, イ, ウ and オ are
left out in that order and reported missing; last, ア is cut. The text always
fits: what could not be said is in the report, not over the limit.
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from dataclasses import dataclass

from core.accounts.lifecycle_rules import Labelled, lifecycle_rules
from core.checks.length import count
from core.i18n import tr
from core.platforms.facts import PlatformFacts

ELLIPSIS = "…"
MIN_KEPT = 6  # fewer characters than this of イ/エ say nothing


class ItemState(enum.StrEnum):
    INCLUDED = "included"
    SHORTENED = "shortened"
    MISSING = "missing"

    @property
    def label(self) -> str:
        return {
            ItemState.INCLUDED: tr("included"),
            ItemState.SHORTENED: tr("shortened to fit"),
            ItemState.MISSING: tr("missing"),
        }[self]


@dataclass(frozen=True)
class ItemReport:
    item: Labelled
    state: ItemState
    reason: str = ""

    def __str__(self) -> str:
        text = f"{self.item.letter} {self.item.label}: {self.state.label}"
        return f"{text} — {self.reason}" if self.reason else text


@dataclass(frozen=True)
class ProfileInputs:
    """What the profile says, free of the data layer."""

    org_name: str
    running_body: str  # the department (or the organization) running the account
    responsible_title: str
    content: str  # policy カ (what is posted)
    response: str  # policy ケ (users' posts)
    page_url: str
    extra: str = ""  # カ: anything that introduces the account (the posting rhythm, policy ク)
    field_specific: bool = False


@dataclass(frozen=True)
class ProfileText:
    platform: str
    text: str
    length: int
    limit: int | None
    items: tuple[ItemReport, ...]

    @property
    def fits(self) -> bool:
        return self.limit is None or self.length <= self.limit

    @property
    def missing(self) -> tuple[ItemReport, ...]:
        return tuple(r for r in self.items if r.state is ItemState.MISSING)


@dataclass
class _Parts:
    inputs: ProfileInputs
    labels: bool = True
    include_extra: bool = True
    content: str = ""
    response: str = ""
    body: bool = True
    url: bool = True
    cut_to: int | None = None

    def lines(self) -> list[str]:
        i = self.inputs
        kind = "分野別公式アカウント" if i.field_specific else "公式アカウント"
        lines = [f"{i.org_name}の{kind}です。"]  # ア
        if self.content:
            lines.append(f"発信内容: {self.content}" if self.labels else self.content)  # イ
        body = f"{i.running_body}({i.responsible_title})" if self.labels and i.responsible_title else i.running_body
        if self.body and body:
            lines.append(f"運用: {body}")  # ウ
        if self.response:
            lines.append(f"対応: {self.response}" if self.labels else self.response)  # エ
        if self.include_extra and i.extra:
            lines.append(i.extra)  # カ
        if self.url and i.page_url:
            lines.append(f"公式アカウント一覧: {i.page_url}" if self.labels else i.page_url)  # オ
        return lines

    def text(self) -> str:
        text = "\n".join(self.lines())
        return text if self.cut_to is None else _cut(text, self.cut_to)


def _cut(text: str, keep: int) -> str:
    return text if len(text) <= keep else text[: max(keep - 1, 0)].rstrip() + ELLIPSIS


def _fit_cut(parts: _Parts, measure: Callable[[str], int], limit: int) -> None:
    """Cut イ and エ alike, longest first, until the text fits or neither can lose more."""
    while measure(parts.text()) > limit:
        longest = "content" if len(parts.content) >= len(parts.response) else "response"
        current = getattr(parts, longest)
        if len(current) <= MIN_KEPT:
            other = "response" if longest == "content" else "content"
            if len(getattr(parts, other)) <= MIN_KEPT:
                return
            longest, current = other, getattr(parts, other)
        over = measure(parts.text()) - limit
        setattr(parts, longest, _cut(current, max(MIN_KEPT, len(current) - max(over, 1))))


def suggest_profile(inputs: ProfileInputs, facts: PlatformFacts) -> ProfileText:
    """The profile text for ``facts``' platform, with the state of each item ア–カ."""
    limit = facts.bio_limit

    def measure(text: str) -> int:
        return count(text, facts.bio_counting)

    parts = _Parts(inputs, content=inputs.content.strip(), response=inputs.response.strip())
    steps: list[Callable[[], None]] = [
        lambda: setattr(parts, "include_extra", False),
        lambda: setattr(parts, "labels", False),
        lambda: _fit_cut(parts, measure, limit or 0),
        lambda: setattr(parts, "response", ""),
        lambda: setattr(parts, "content", ""),
        lambda: setattr(parts, "body", False),
        lambda: setattr(parts, "url", False),
    ]
    for step in steps:
        if limit is None or measure(parts.text()) <= limit:
            break
        step()
    while limit is not None and measure(parts.text()) > limit:
        parts.cut_to = min(parts.cut_to or len(parts.text()), len(parts.text())) - 1
    text = parts.text()
    return ProfileText(facts.id, text, measure(text), limit, _reports(inputs, parts, limit))


def _reports(inputs: ProfileInputs, parts: _Parts, limit: int | None) -> tuple[ItemReport, ...]:
    no_room = tr("no room within the platform's limit of {limit}").format(limit=limit)

    def state(written: str, kept: str, nothing: str) -> tuple[ItemState, str]:
        if not written.strip():
            return ItemState.MISSING, nothing
        if not kept:
            return ItemState.MISSING, no_room
        return (ItemState.INCLUDED, "") if kept == written.strip() else (ItemState.SHORTENED, "")

    states: dict[str, tuple[ItemState, str]] = {
        "a": (ItemState.INCLUDED, "") if parts.cut_to is None else (ItemState.SHORTENED, ""),
        "i": state(inputs.content, parts.content, tr("the policy's content (カ) is not written")),
        "u": state(inputs.running_body, inputs.running_body if parts.body else "", tr("no running department is set")),
        "e": state(inputs.response, parts.response, tr("the policy's response to users (ケ) is not written")),
        "o": state(
            inputs.page_url, inputs.page_url if parts.url else "", tr("no address of the public page was given")
        ),
        "ka": state(inputs.extra, inputs.extra if parts.include_extra else "", tr("nothing to add")),
    }
    return tuple(ItemReport(item, *states[item.key]) for item in lifecycle_rules().profile_items)
