"""Target platforms and their limits, as the checks and the composer use them.

Figures gathered in 2026 from the platforms' documentation (see
``../shared/notes/platforms.md``); platforms change them, so they live in one
table. ``counting`` names how :mod:`core.checks.length` counts the text.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass


class Counting(enum.Enum):
    """The unit a platform's text limit is expressed in."""

    TWITTER_WEIGHTED = "twitter-weighted"  # twitter-text config v3
    GRAPHEMES = "graphemes"  # extended grapheme clusters (Bluesky)
    CODE_POINTS_URL_23 = "code-points-url-23"  # Mastodon: each URL counts 23
    CODE_POINTS = "code-points"
    UTF16_UNITS = "utf16-units"  # LINE counts JavaScript string length
    UTF8_BYTES = "utf8-bytes"  # YouTube descriptions are limited in bytes


@dataclass(frozen=True)
class PlatformLimits:
    """``alt_text_limit`` is ``None`` where the platform has no alt-text field or
    publishes no limit; ``max_images`` is per post."""

    text_limit: int
    counting: Counting
    alt_text_limit: int | None
    alt_text_counting: Counting
    max_images: int
    label: str


class Platform(enum.Enum):
    X = "x"
    BLUESKY = "bluesky"
    MASTODON = "mastodon"
    THREADS = "threads"
    MISSKEY = "misskey"
    INSTAGRAM = "instagram"
    FACEBOOK = "facebook"
    LINE = "line"
    YOUTUBE = "youtube"

    @property
    def limits(self) -> PlatformLimits:
        return _LIMITS[self]

    @property
    def text_limit(self) -> int:
        return _LIMITS[self].text_limit

    @property
    def alt_text_limit(self) -> int | None:
        return _LIMITS[self].alt_text_limit

    @property
    def max_images(self) -> int:
        return _LIMITS[self].max_images

    @classmethod
    def parse(cls, value: str) -> Platform:
        """``"X"``/``"x"`` → ``Platform.X``; ``ValueError`` naming the valid ids otherwise."""
        try:
            return cls(value.strip().lower())
        except ValueError:
            valid = ", ".join(p.value for p in cls)
            raise ValueError(f"unknown platform {value!r} (valid: {valid})") from None


_LIMITS: dict[Platform, PlatformLimits] = {
    Platform.X: PlatformLimits(280, Counting.TWITTER_WEIGHTED, 1000, Counting.CODE_POINTS, 4, "X"),
    # Bluesky: 300 graphemes; image alt text is capped at 2000 graphemes by the app.
    Platform.BLUESKY: PlatformLimits(300, Counting.GRAPHEMES, 2000, Counting.GRAPHEMES, 4, "Bluesky"),
    # Mastodon's default instance limit; instances may raise it.
    Platform.MASTODON: PlatformLimits(500, Counting.CODE_POINTS_URL_23, 1500, Counting.CODE_POINTS, 4, "Mastodon"),
    Platform.THREADS: PlatformLimits(500, Counting.CODE_POINTS, None, Counting.CODE_POINTS, 20, "Threads"),
    Platform.MISSKEY: PlatformLimits(3000, Counting.CODE_POINTS, 512, Counting.CODE_POINTS, 16, "Misskey"),
    # Instagram: caption 2200; carousels hold up to 20 items since 2024.
    Platform.INSTAGRAM: PlatformLimits(2200, Counting.CODE_POINTS, None, Counting.CODE_POINTS, 20, "Instagram"),
    Platform.FACEBOOK: PlatformLimits(63206, Counting.CODE_POINTS, None, Counting.CODE_POINTS, 80, "Facebook"),
    # LINE: one text bubble of 5000 UTF-16 units; a broadcast holds up to 5 messages.
    Platform.LINE: PlatformLimits(5000, Counting.UTF16_UNITS, None, Counting.CODE_POINTS, 4, "LINE"),
    # YouTube: the video description, 5000 bytes; posts carry a video, not images.
    Platform.YOUTUBE: PlatformLimits(5000, Counting.UTF8_BYTES, None, Counting.CODE_POINTS, 0, "YouTube"),
}


def platform_label(code: str) -> str:
    """The service's name as people write it ("X", "LINE", "Facebook"); an unknown code as it is."""
    try:
        return Platform.parse(code).limits.label
    except ValueError:
        return code


# Where a post's public page lives, per platform (a host and its subdomains). Mastodon and Misskey
# are federated: a post lives on the account's own instance, so they list none here and the host
# comes from the account's URL. Manual posts are recorded, and links opened, only on these hosts.
_POST_URL_HOSTS: dict[Platform, tuple[str, ...]] = {
    Platform.X: ("x.com", "twitter.com"),
    Platform.BLUESKY: ("bsky.app",),
    Platform.MASTODON: (),
    Platform.THREADS: ("threads.net", "threads.com"),
    Platform.MISSKEY: (),
    Platform.INSTAGRAM: ("instagram.com",),
    Platform.FACEBOOK: ("facebook.com", "fb.com", "fb.watch"),
    Platform.LINE: ("line.me",),
    Platform.YOUTUBE: ("youtube.com", "youtu.be"),
}
# A LINE broadcast has no public page: recording it by hand needs no URL.
_POST_URL_OPTIONAL = frozenset({Platform.LINE})


def post_url_hosts(platform: str) -> tuple[str, ...]:
    """The hosts (subdomains included) a post of ``platform`` lives on; ``()`` when it is the account's instance."""
    try:
        return _POST_URL_HOSTS[Platform.parse(platform)]
    except ValueError:
        return ()


def post_url_required(platform: str) -> bool:
    """Does a post on ``platform`` have a public address that a manual record must name?"""
    try:
        return Platform.parse(platform) not in _POST_URL_OPTIONAL
    except ValueError:
        return True
