"""The manual checklist: what a person confirms before a post goes out.

Automatic rules cannot judge accuracy, rights or whether something reads as
the official view; both guidelines still require them, so they become tick
boxes (``resources/rules/confirmations.toml``) that the composer shows and
the record keeps with who ticked them.
"""

from __future__ import annotations

import enum
import functools
import tomllib
from dataclasses import dataclass

from core.checks.model import DraftInput
from core.checks.urls import find_links
from core.runtime.resources import resource_path


class AppliesTo(enum.Enum):
    ALL = "all"
    MEDIA = "media"
    LINKS = "links"
    REPLIES = "replies"


@dataclass(frozen=True)
class ConfirmationItem:
    id: str
    applies_to: AppliesTo
    clauses: tuple[str, ...]
    text_ja: str
    text_en: str

    def text(self, lang: str) -> str:
        return self.text_ja if lang == "ja" else self.text_en


@functools.cache
def confirmation_items() -> tuple[ConfirmationItem, ...]:
    """Every checklist item in file order."""
    with resource_path("rules", "confirmations.toml").open("rb") as handle:
        data = tomllib.load(handle)
    items = []
    for raw in data.get("confirmation", []):
        items.append(
            ConfirmationItem(
                id=str(raw["id"]),
                applies_to=AppliesTo(raw.get("applies_to", "all")),
                clauses=tuple(str(c) for c in raw["clauses"]),
                text_ja=str(raw["text_ja"]),
                text_en=str(raw["text_en"]),
            )
        )
    return tuple(items)


def confirmations_for(draft: DraftInput, *, is_reply: bool = False) -> tuple[ConfirmationItem, ...]:
    """The items that apply to ``draft`` (media items only with media, and so on)."""
    import unicodedata

    has_links = bool(find_links(unicodedata.normalize("NFKC", draft.text), userinfo=True))
    wanted = {AppliesTo.ALL}
    if draft.media:
        wanted.add(AppliesTo.MEDIA)
    if has_links or is_reply:
        wanted.add(AppliesTo.LINKS)
    if is_reply:
        wanted.add(AppliesTo.REPLIES)
    return tuple(item for item in confirmation_items() if item.applies_to in wanted)
