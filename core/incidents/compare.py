"""After a hijack: which of the account's recent posts did KohoGate not make? (joso:6(4), wako:5-カ)

A post on the platform is KohoGate's when one of its publications names the
same platform post (by id, then by URL), or — for a post recorded without
either — when the text is the same once what platforms rewrite is set aside
(links, which X and Facebook shorten; width and spacing) and it appeared
within a time window of the publication. Every other post was made by someone else: it
becomes evidence.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from urllib.parse import urlsplit

from core.platforms.base import RecentPost

_LINK = re.compile(r"https?://\S+", re.IGNORECASE)

#: How far a platform's timestamp may lie from the time KohoGate recorded the publication.
TEXT_MATCH_WINDOW = timedelta(hours=6)


@dataclass(frozen=True)
class OurPost:
    """One of KohoGate's publications on the account (sent by the app or recorded by hand)."""

    publication_id: int
    post_id: str
    url: str
    text: str
    published_at: datetime | None


@dataclass(frozen=True)
class Comparison:
    matched: tuple[tuple[RecentPost, OurPost], ...]
    unmatched: tuple[RecentPost, ...]  # on the account, but not made by KohoGate

    @property
    def read(self) -> int:
        return len(self.matched) + len(self.unmatched)


def normal_url(url: str | None) -> str:
    """``https://X.com/a/status/1/`` and ``https://x.com/a/status/1?s=20`` are the same post."""
    if not url:
        return ""
    parts = urlsplit(url.strip())
    return f"{parts.netloc.casefold().removeprefix('www.')}{parts.path.rstrip('/')}"


def normal_text(text: str) -> str:
    """The words of a post without its links, width, case or spacing."""
    text = _LINK.sub(" ", unicodedata.normalize("NFKC", text)).casefold()
    return "".join(text.split())


def _by_time(post: RecentPost, ours: OurPost, window: timedelta) -> bool:
    if post.created_at is None or ours.published_at is None:
        return True  # the platform gave no time (or the record has none): the text decides
    return abs(post.created_at - ours.published_at) <= window


def compare_posts(
    recent: Sequence[RecentPost], ours: Sequence[OurPost], *, window: timedelta = TEXT_MATCH_WINDOW
) -> Comparison:
    """Pair each recent post with a publication (each publication used once); the rest are unmatched."""
    by_id = {o.post_id: o for o in ours if o.post_id}
    by_url = {normal_url(o.url): o for o in ours if o.url}
    used: set[int] = set()
    matched: list[tuple[RecentPost, OurPost]] = []
    unmatched: list[RecentPost] = []
    pending: list[RecentPost] = []
    # Identifiers first, for every post, so a text match cannot take a publication an id names.
    for post in recent:
        found = by_id.get(post.post_id) or by_url.get(normal_url(post.url))
        if found is not None and found.publication_id not in used:
            used.add(found.publication_id)
            matched.append((post, found))
        else:
            pending.append(post)
    # Only publications that name no post fall back to the text: one that names a post is that post,
    # so a hijacker's copy of our text (same opening, another link) is never taken for ours.
    unnamed = [o for o in ours if not o.post_id and not o.url]
    for post in pending:
        found = next(
            (
                o
                for o in unnamed
                if o.publication_id not in used
                and normal_text(post.text) != ""  # an image-only post cannot be told by its text
                and normal_text(post.text) == normal_text(o.text)
                and _by_time(post, o, window)
            ),
            None,
        )
        if found is None:
            unmatched.append(post)
        else:
            used.add(found.publication_id)
            matched.append((post, found))
    return Comparison(tuple(matched), tuple(unmatched))
