"""Facts about an attached file, gathered once when it is attached.

The checks run on every keystroke and never open files; the composer (or the
CLI) calls :func:`inspect_media_file` when a file is attached and keeps the
result in the :class:`~core.checks.model.MediaItem`. Pillow is imported here
only, lazily, so the check engine itself starts fast.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from core.checks.model import MediaItem, MediaKind

VIDEO_EXTENSIONS = frozenset({".mp4", ".mov", ".m4v", ".webm", ".avi", ".mkv", ".wmv", ".mpg", ".mpeg"})

# EXIF tags that identify a place, a person or a device (tag numbers of the
# EXIF standard): GPSInfo, Artist, Copyright owner is public so not listed,
# CameraOwnerName, BodySerialNumber, LensSerialNumber, ImageUniqueID.
_IDENTIFYING_TAGS = {
    0x013B: "Artist",
    0xA430: "CameraOwnerName",
    0xA431: "BodySerialNumber",
    0xA435: "LensSerialNumber",
    0xA420: "ImageUniqueID",
}
_GPS_IFD = 0x8825
_EXIF_IFD = 0x8769


# No platform takes more pixels than this (the composer refuses the same);
# beyond it Pillow's own decompression-bomb guard would raise instead.
MAX_IMAGE_PIXELS = 80_000_000


class MediaTooLarge(ValueError):
    """The image's header claims more pixels than any platform accepts."""

    def __init__(self) -> None:
        super().__init__(f"more than {MAX_IMAGE_PIXELS} pixels")
        self.limit = MAX_IMAGE_PIXELS


@dataclass(frozen=True)
class MediaFacts:
    has_location_exif: bool | None
    identifying_exif_tags: tuple[str, ...]


def guess_kind(path: str | Path) -> MediaKind:
    return MediaKind.VIDEO if Path(path).suffix.lower() in VIDEO_EXTENSIONS else MediaKind.IMAGE


def inspect_media_file(path: str | Path) -> MediaFacts:
    """EXIF facts of an image file; ``None``/empty when the file cannot be read
    as an image (the check then simply has nothing to report).
    :class:`MediaTooLarge` when its header claims too many pixels: only the
    header is read, so a small file claiming 30000×30000 costs nothing."""
    import warnings

    try:
        from PIL import Image, UnidentifiedImageError
    except ImportError:  # pragma: no cover - Pillow is a dependency
        return MediaFacts(None, ())
    try:
        with warnings.catch_warnings():
            # The size is judged below; Pillow's own bomb guard (a warning,
            # then an error at twice its limit) must not pre-empt the message.
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            image = Image.open(path)
        with image:
            width, height = image.size
            if width * height > MAX_IMAGE_PIXELS:
                raise MediaTooLarge
            exif = image.getexif()
            gps = exif.get_ifd(_GPS_IFD)
            sub = exif.get_ifd(_EXIF_IFD)
    except Image.DecompressionBombError:
        raise MediaTooLarge from None
    except MediaTooLarge:
        raise
    except (OSError, UnidentifiedImageError, ValueError, SyntaxError):
        return MediaFacts(None, ())
    tags = tuple(name for tag, name in _IDENTIFYING_TAGS.items() if str(exif.get(tag) or sub.get(tag) or "").strip())
    has_location = any(key in gps for key in (1, 2, 3, 4))  # latitude/longitude and their refs
    return MediaFacts(has_location, tags)


def with_facts(item: MediaItem, base_dir: Path | None = None) -> MediaItem:
    """``item`` with the facts of its file filled in (images only)."""
    if item.kind is not MediaKind.IMAGE:
        return item
    path = Path(item.path)
    if base_dir is not None and not path.is_absolute():
        path = base_dir / path
    facts = inspect_media_file(path)
    return replace(item, has_location_exif=facts.has_location_exif, identifying_exif_tags=facts.identifying_exif_tags)
