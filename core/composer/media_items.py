"""The media item dict stored in ``draft.media`` / ``draft_version.media``.

The dict shape is a contract shared with the sign-off and publishing work (and
hashed by :mod:`core.signoff.content_hash`), so it is built and read only here.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from core.checks.model import MediaItem, MediaKind
from core.errors import InvalidInput
from core.i18n import tr

ITEM_KEYS = (
    "sha256",
    "kind",
    "mime",
    "name",
    "alt",
    "decorative",
    "decorative_reason",
    "captions_sha256",
    "captions_name",
    "captions_burned_in",
    "faces",
    "redacted",
    "width",
    "height",
    "had_location_exif",
)


def new_item(
    *,
    sha256: str,
    kind: str,
    mime: str,
    name: str,
    width: int = 0,
    height: int = 0,
    faces: int = 0,
    had_location_exif: bool = False,
) -> dict[str, Any]:
    """A fresh item for a just-attached file (no alt text, no captions yet)."""
    return {
        "sha256": sha256,
        "kind": kind,
        "mime": mime,
        "name": name,
        "alt": "",
        "decorative": False,
        "decorative_reason": "",
        "captions_sha256": None,
        "captions_name": None,
        "captions_burned_in": False,
        "faces": faces,
        "redacted": False,
        "width": width,
        "height": height,
        "had_location_exif": had_location_exif,
    }


def _count(value: Any, field: str) -> int:
    """A count of the item (faces, pixels); ``"many"``, ``2.5`` or ``2**63`` are malformed, not a crash."""
    if value is None or value == "":
        return 0
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value < 2**31:
        raise InvalidInput(tr("A media item is malformed ({field} must be a whole number).").format(field=field))
    return value


def normalized_item(raw: Mapping[str, Any]) -> dict[str, Any]:
    """``raw`` with exactly the contract's keys and types; ``InvalidInput`` if unusable.

    The service runs every saved item through this so that a bug or an old
    client can never store an item the checks or the publisher misread.
    """
    sha = raw.get("sha256")
    kind = raw.get("kind")
    if not isinstance(sha, str) or len(sha) != 64 or kind not in ("image", "video"):
        raise InvalidInput(tr("A media item is malformed (missing file or kind)."))
    captions = raw.get("captions_sha256")
    return {
        "sha256": sha,
        "kind": kind,
        "mime": str(raw.get("mime") or ""),
        "name": str(raw.get("name") or "")[:255],
        "alt": str(raw.get("alt") or ""),
        "decorative": bool(raw.get("decorative", False)),
        "decorative_reason": str(raw.get("decorative_reason") or "").strip(),
        "captions_sha256": captions if isinstance(captions, str) and captions else None,
        "captions_name": str(raw["captions_name"]) if raw.get("captions_name") else None,
        "captions_burned_in": bool(raw.get("captions_burned_in", False)),
        "faces": _count(raw.get("faces"), tr("Number of faces")),
        "redacted": bool(raw.get("redacted", False)),
        "width": _count(raw.get("width"), tr("Width")),
        "height": _count(raw.get("height"), tr("Height")),
        "had_location_exif": bool(raw.get("had_location_exif", False)),
    }


def to_check_item(item: Mapping[str, Any]) -> MediaItem:
    """The checks' view of a stored item.

    Stored bytes never carry EXIF (stripped on attach), so the EXIF facts are
    "none"; a captions file counts when one is attached, by its name.
    """
    captions_name = item.get("captions_name") if item.get("captions_sha256") else None
    return MediaItem(
        path=str(item.get("name") or item.get("sha256") or ""),
        kind=MediaKind(item.get("kind", "image")),
        alt=str(item.get("alt") or ""),
        decorative=bool(item.get("decorative", False)),
        decorative_reason=str(item.get("decorative_reason") or ""),
        captions_path=str(captions_name) if captions_name else None,
        captions_burned_in=bool(item.get("captions_burned_in", False)),
        has_location_exif=False,
        identifying_exif_tags=(),
    )


def to_check_items(media: Sequence[Mapping[str, Any]]) -> tuple[MediaItem, ...]:
    return tuple(to_check_item(item) for item in media)
