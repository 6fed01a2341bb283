"""One attached image or video as stored in ``draft.media`` / ``draft_version.media``.

:class:`StoredMedia` is the contract between the composer, the sign-off, the
publisher and the screens; the stored JSON (:meth:`StoredMedia.to_json`,
key order included) is hashed by :mod:`core.signoff.content_hash`, so it is
built and read only here and must stay byte-identical.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass
from typing import Any, Literal

from core.checks.model import MediaItem, MediaKind
from core.errors import InvalidInput
from core.i18n import tr

#: The JSON is a dict of these keys, in this order (the last two only when known).
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
    # Bytes and (videos) length: the platform limits are checked before approval. Absent (None) on
    # items stored before they were recorded; the content hash does not cover them.
    "size",
    "seconds",
)

Kind = Literal["image", "video"]


@dataclass(frozen=True)
class StoredMedia:
    """An attachment: the stored file's hash, what the checks and the supervisor see, what was done to it."""

    sha256: str
    kind: Kind
    mime: str = ""
    name: str = ""
    alt: str = ""
    decorative: bool = False
    decorative_reason: str = ""
    captions_sha256: str | None = None
    captions_name: str | None = None
    captions_burned_in: bool = False
    #: Faces detected (on a masked copy: the faces the masking left visible).
    faces: int = 0
    redacted: bool = False
    width: int = 0
    height: int = 0
    had_location_exif: bool = False
    size: int | None = None
    seconds: float | None = None

    @classmethod
    def from_json(cls, raw: Mapping[str, Any]) -> StoredMedia:
        """The item in ``raw`` with the contract's types; ``InvalidInput`` if unusable.

        The service runs every saved item through this so that a bug or an old
        client can never store an item the checks or the publisher misread.
        """
        sha = raw.get("sha256")
        kind = raw.get("kind")
        if not isinstance(sha, str) or len(sha) != 64 or kind not in ("image", "video"):
            raise InvalidInput(tr("A media item is malformed (missing file or kind)."))
        captions = raw.get("captions_sha256")
        return cls(
            sha256=sha,
            kind="image" if kind == "image" else "video",
            mime=str(raw.get("mime") or ""),
            name=str(raw.get("name") or "")[:255],
            alt=str(raw.get("alt") or ""),
            decorative=bool(raw.get("decorative", False)),
            decorative_reason=str(raw.get("decorative_reason") or "").strip(),
            captions_sha256=captions if isinstance(captions, str) and captions else None,
            captions_name=str(raw["captions_name"]) if raw.get("captions_name") else None,
            captions_burned_in=bool(raw.get("captions_burned_in", False)),
            faces=_count(raw.get("faces"), tr("Number of faces")),
            redacted=bool(raw.get("redacted", False)),
            width=_count(raw.get("width"), tr("Width")),
            height=_count(raw.get("height"), tr("Height")),
            had_location_exif=bool(raw.get("had_location_exif", False)),
            size=_optional_int(raw.get("size")),
            seconds=_optional_float(raw.get("seconds")),
        )

    def to_json(self) -> dict[str, Any]:
        """The stored dict, keys in :data:`ITEM_KEYS` order; ``size``/``seconds`` only when known.

        Leaving the unknown ones out keeps an item stored before they existed byte-identical when it is
        read and written again.
        """
        stored = asdict(self)
        for key in ("size", "seconds"):
            if stored[key] is None:
                del stored[key]
        return stored

    def normalized(self) -> StoredMedia:
        """As stored: name cut to 255 characters, the decorative reason without surrounding spaces."""
        return StoredMedia.from_json(self.to_json())

    @property
    def is_image(self) -> bool:
        return self.kind == "image"

    @property
    def is_video(self) -> bool:
        return self.kind == "video"

    @property
    def has_captions(self) -> bool:
        return bool(self.captions_sha256)


def media_of(stored: Sequence[Mapping[str, Any]] | None) -> tuple[StoredMedia, ...]:
    """The typed items of a stored ``media`` column."""
    return tuple(StoredMedia.from_json(raw) for raw in stored or ())


def stored_json(media: Sequence[StoredMedia]) -> list[dict[str, Any]]:
    """The ``media`` column for ``media`` (each item normalized)."""
    return [item.normalized().to_json() for item in media]


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
    size: int | None = None,
    seconds: float | None = None,
) -> StoredMedia:
    """A fresh item for a just-attached file (no alt text, no captions yet)."""
    return StoredMedia.from_json(
        {
            "sha256": sha256,
            "kind": kind,
            "mime": mime,
            "name": name,
            "faces": faces,
            "width": width,
            "height": height,
            "had_location_exif": had_location_exif,
            "size": size,
            "seconds": seconds,
        }
    )


def normalized_item(raw: Mapping[str, Any]) -> dict[str, Any]:
    """``raw`` as it is stored: exactly the contract's keys and types; ``InvalidInput`` if unusable."""
    return StoredMedia.from_json(raw).to_json()


def to_check_item(item: StoredMedia) -> MediaItem:
    """The checks' view of a stored item.

    Stored bytes never carry EXIF (stripped on attach), so the EXIF facts are
    "none"; a captions file counts when one is attached, by its name. ``size``
    and ``seconds`` are ``None`` on items stored before they were recorded:
    the service fills ``size`` in from the stored blob before it decides.
    """
    captions_name = item.captions_name if item.captions_sha256 else None
    return MediaItem(
        path=item.name or item.sha256,
        kind=MediaKind(item.kind),
        alt=item.alt,
        decorative=item.decorative,
        decorative_reason=item.decorative_reason,
        captions_path=captions_name or None,
        captions_burned_in=item.captions_burned_in,
        has_location_exif=False,
        identifying_exif_tags=(),
        mime=item.mime,
        size=item.size,
        seconds=item.seconds,
        faces=item.faces,
    )


def to_check_items(media: Sequence[StoredMedia]) -> tuple[MediaItem, ...]:
    return tuple(to_check_item(item) for item in media)


def _optional_int(value: Any) -> int | None:
    return int(value) if isinstance(value, int | float) and not isinstance(value, bool) and value >= 0 else None


def _optional_float(value: Any) -> float | None:
    return float(value) if isinstance(value, int | float) and not isinstance(value, bool) and value >= 0 else None


def _count(value: Any, field: str) -> int:
    """A count of the item (faces, pixels); ``"many"``, ``2.5`` or ``2**63`` are malformed, not a crash."""
    if value is None or value == "":
        return 0
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value < 2**31:
        raise InvalidInput(tr("A media item is malformed ({field} must be a whole number).").format(field=field))
    return value
