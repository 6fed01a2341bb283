"""How a post's text splits into plain text, links, hashtags and mentions (for previews).

Links are found exactly as the checks and the length counters find them
(:func:`core.checks.urls.find_links`, on the NFC text), so the preview links
what the platform will link.
"""

from __future__ import annotations

import enum
import unicodedata
from dataclasses import dataclass

import regex

from core.checks.urls import find_links

_TAGS = regex.compile(
    r"(?<![\p{L}\p{N}_/])(?:[#＃][\p{L}\p{N}_\p{M}]+|@[A-Za-z0-9_.\-]+(?:@[A-Za-z0-9.\-]+)?)", regex.V1
)


class SegmentKind(enum.Enum):
    TEXT = "text"
    LINK = "link"
    HASHTAG = "hashtag"
    MENTION = "mention"


@dataclass(frozen=True)
class Segment:
    kind: SegmentKind
    text: str


def segments(text: str) -> list[Segment]:
    """``text`` (NFC) cut into styled runs, in order; concatenated they give the text back."""
    text = unicodedata.normalize("NFC", text)
    marks: list[tuple[int, int, SegmentKind]] = [(link.start, link.end, SegmentKind.LINK) for link in find_links(text)]
    for match in _TAGS.finditer(text):
        if not any(s <= match.start() < e for s, e, _ in marks):
            kind = SegmentKind.MENTION if match.group().startswith("@") else SegmentKind.HASHTAG
            marks.append((match.start(), match.end(), kind))
    marks.sort()
    out: list[Segment] = []
    position = 0
    for start, end, kind in marks:
        if start < position:
            continue
        if start > position:
            out.append(Segment(SegmentKind.TEXT, text[position:start]))
        out.append(Segment(kind, text[start:end]))
        position = end
    if position < len(text):
        out.append(Segment(SegmentKind.TEXT, text[position:]))
    return out
