"""What the target platform would refuse, and faces in images.

The limits are the platform's facts (:mod:`core.platforms.facts`): a draft
the platform would refuse after upload is stopped before approval, with the
limit named. Figures that are not known (``None``, an item stored before its
size was recorded) are not checked rather than guessed.

``media.faces`` lives here too: like the limits it reads a fact recorded
when the file was attached (the faces the detector found, or those a
masking left visible), never the file itself.
"""

from __future__ import annotations

from collections.abc import Iterator

from core.checks.context import CheckContext, Hit, Param
from core.checks.length import count
from core.checks.model import MediaItem, MediaKind
from core.platforms.facts import MB, MediaRules, PlatformFacts

_KIND: dict[MediaKind, tuple[str, str]] = {MediaKind.IMAGE: ("画像", "image"), MediaKind.VIDEO: ("動画", "video")}


def _bytes(value: int) -> tuple[str, str]:
    """A byte figure as the platform states it: whole megabytes, otherwise exact bytes."""
    if value >= MB and value % MB == 0:
        return (f"{value // MB} MB", f"{value // MB} MB")
    return (f"{value:,}バイト", f"{value:,} bytes")


def _seconds(value: float) -> tuple[str, str]:
    shown = f"{value:.1f}".removesuffix(".0")
    return (f"{shown}秒", f"{shown} s")


def _accepted(rules: MediaRules) -> tuple[str, str]:
    names = ", ".join(sorted(rules.mime_types))
    return (names or "なし", names or "none")


def check_platform_media(ctx: CheckContext) -> Iterator[Hit]:
    facts = ctx.draft.platform.facts
    media = ctx.draft.media
    yield from _faces(media)
    yield from _counts(media, facts)
    for index, item in enumerate(media):
        yield from _item_limits(index, item, facts)


def _faces(media: tuple[MediaItem, ...]) -> Iterator[Hit]:
    for index, item in enumerate(media):
        if item.kind is MediaKind.IMAGE and item.faces > 0:
            yield Hit("media.faces", media_index=index, params={"file": item.file_name, "count": str(item.faces)})


def _counts(media: tuple[MediaItem, ...], facts: PlatformFacts) -> Iterator[Hit]:
    images = [i for i, item in enumerate(media) if item.kind is MediaKind.IMAGE]
    videos = [i for i, item in enumerate(media) if item.kind is MediaKind.VIDEO]
    platform = facts.display_name
    if len(images) > facts.max_images:
        yield Hit(
            "media.limit",
            media_index=images[facts.max_images],
            params={"platform": platform, "limit": str(facts.max_images), "used": str(len(images))},
        )
    if facts.single_video and videos and (images or len(videos) > 1):
        yield Hit(
            "media.single_video",
            media_index=videos[1] if len(videos) > 1 else videos[0],
            params={"platform": platform},
        )


def _item_limits(index: int, item: MediaItem, facts: PlatformFacts) -> Iterator[Hit]:
    rules = facts.media(item.kind.value)
    base: dict[str, Param] = {"platform": facts.display_name, "file": item.file_name, "kind": _KIND[item.kind]}
    if item.mime and item.mime not in rules.mime_types:
        yield Hit(
            "media.file_type",
            media_index=index,
            params=base | {"type": item.mime, "accepted": _accepted(rules)},
        )
        return
    if rules.max_bytes is not None and item.size is not None and item.size > rules.max_bytes:
        yield Hit(
            "media.file_size",
            media_index=index,
            params=base | {"limit": _bytes(rules.max_bytes), "size": _bytes(item.size)},
        )
    seconds = item.seconds or 0.0  # unknown: not checked
    if item.kind is MediaKind.VIDEO and rules.max_seconds is not None and seconds > rules.max_seconds:
        yield Hit(
            "media.video_length",
            media_index=index,
            params=base | {"limit": _seconds(rules.max_seconds), "used": _seconds(seconds)},
        )
    if rules.alt_limit is not None and item.alt and not item.decorative:
        used = count(item.alt, rules.alt_counting)
        if used > rules.alt_limit:
            yield Hit(
                "media.alt_too_long",
                media_index=index,
                params=base | {"limit": str(rules.alt_limit), "used": str(used)},
            )
