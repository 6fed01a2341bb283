"""Bluesky rich-text facets: links, hashtags and mentions, with UTF-8 byte offsets.

A Bluesky post's text is plain; only facets make parts of it links, tags
or mentions, and their ranges count UTF-8 bytes (``app.bsky.richtext.facet``).
Links are found by :func:`core.checks.urls.find_links`, the one definition
in KohoGate of where a link ends, so the approved link is the one that is
clicked. Its ``unicode_paths`` reading is used, as Bluesky's own detector
lets a path run on (``…/wiki/和光市_(埼玉県)``) while Japanese text after a
link still ends it (``…/bousai/をご覧ください。``).

Tags follow the lexicon (at most 64 characters, no leading ``#``, not only
digits). A mention (``@koho.city.example.lg.jp``) becomes a facet only if its
handle resolves to a DID; an unknown handle stays plain text, as in
Bluesky's own app.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import regex

from core.checks.urls import Link, find_links

# Like the composer's preview: a tag starts after anything but a letter, digit, ``_`` or ``/``.
_TAG = regex.compile(r"(?<![\p{L}\p{N}\p{M}_/])[#＃](?P<tag>[\p{L}\p{N}\p{M}_]+)", regex.VERSION1)
_MENTION = regex.compile(
    r"(?<![\p{L}\p{N}_/@.])@(?P<handle>(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+"
    r"[A-Za-z](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)(?![A-Za-z0-9-])",
    regex.VERSION1,
)
MAX_TAG_LENGTH = 64
_TAG_TYPE = "app.bsky.richtext.facet#tag"
_MENTION_TYPE = "app.bsky.richtext.facet#mention"

#: handle → DID, or ``None`` when the handle does not resolve.
Resolver = Callable[[str], str | None]


def _byte_range(text: str, start: int, end: int) -> dict[str, int]:
    byte_start = len(text[:start].encode("utf-8"))
    return {"byteStart": byte_start, "byteEnd": byte_start + len(text[start:end].encode("utf-8"))}


def _facet(text: str, start: int, end: int, feature: dict[str, Any]) -> dict[str, Any]:
    return {"index": _byte_range(text, start, end), "features": [feature]}


def _link_facet(text: str, link: Link) -> dict[str, Any]:
    written = text[link.start : link.end]
    uri = written if link.has_scheme else "https://" + written
    return _facet(text, link.start, link.end, {"$type": "app.bsky.richtext.facet#link", "uri": uri})


def link_facets(text: str) -> list[dict[str, Any]]:
    """``app.bsky.richtext.facet#link`` for every link; a link written without a scheme gets ``https://``."""
    return [_link_facet(text, link) for link in find_links(text, unicode_paths=True)]


def facets(text: str, resolve: Resolver) -> list[dict[str, Any]]:
    """All facets of ``text`` in order: links first, then tags and mentions outside them."""
    spans: list[tuple[int, dict[str, Any]]] = []
    taken: list[tuple[int, int]] = []

    def add(start: int, end: int, facet: dict[str, Any]) -> None:
        spans.append((start, facet))
        taken.append((start, end))

    def free(start: int, end: int) -> bool:
        return not any(s < end and start < e for s, e in taken)

    for link in find_links(text, unicode_paths=True):
        add(link.start, link.end, _link_facet(text, link))
    for match in _TAG.finditer(text):
        tag = match.group("tag")
        if tag.isdigit() or len(tag) > MAX_TAG_LENGTH or not free(match.start(), match.end()):
            continue
        add(match.start(), match.end(), _facet(text, match.start(), match.end(), {"$type": _TAG_TYPE, "tag": tag}))
    resolved: dict[str, str | None] = {}
    for match in _MENTION.finditer(text):
        if not free(match.start(), match.end()):
            continue
        handle = match.group("handle").lower()
        if handle not in resolved:
            resolved[handle] = resolve(handle)
        did = resolved[handle]
        if did:
            feature = {"$type": _MENTION_TYPE, "did": did}
            add(match.start(), match.end(), _facet(text, match.start(), match.end(), feature))
    return [facet for _, facet in sorted(spans, key=lambda pair: pair[0])]
