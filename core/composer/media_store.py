"""Attached files made ready for posting: oriented, stripped of EXIF/GPS, hashed.

An image is decoded, turned upright per its EXIF orientation and re-encoded
without any metadata, so what is stored (and later uploaded) never carries
GPS positions, camera serial numbers or owner names (wako:5 法令遵守,
joso:5(1)). The result is content-addressed by SHA-256 and stored as a
:class:`~core.storage.models.MediaBlob` by the draft service. Nothing here touches
the database or Qt, so it runs on a worker thread.

Videos (MP4/MOV) are checked by signature and stored as they are: stripping
their metadata needs a remuxer this project does not ship.
"""

from __future__ import annotations

import hashlib
import io
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from core.composer.media_items import StoredMedia, new_item
from core.errors import InvalidInput
from core.i18n import tr

if TYPE_CHECKING:
    from PIL.Image import Image

IMAGE_TYPES = {
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".png": "image/png",
    ".webp": "image/webp",
    ".gif": "image/gif",
}
VIDEO_TYPES = {".mp4": "video/mp4", ".mov": "video/quicktime"}
CAPTION_TYPES = {".vtt": "text/vtt", ".srt": "application/x-subrip"}
_FORMAT_MIME = {"JPEG": "image/jpeg", "PNG": "image/png", "WEBP": "image/webp", "GIF": "image/gif"}
MAX_IMAGE_BYTES = 30 * 1024 * 1024
MAX_VIDEO_BYTES = 512 * 1024 * 1024
MAX_CAPTION_BYTES = 2 * 1024 * 1024
#: What an attached image may have. 108 MP phones and 100 MP medium-format cameras are real, so the
#: limit sits above them; Pillow's own bomb guard (about 179 MP) is answered with the same message.
MAX_PIXELS = 150_000_000
#: The longer side an attached still image is reduced to: no platform shows more, and a huge photo would
#: otherwise exceed every platform's upload size (and the checks' input cap).
POSTING_SIDE = 4096
_GPS_IFD = 0x8825


@dataclass(frozen=True)
class PreparedMedia:
    """Bytes as they will be uploaded, with the facts the media item records."""

    kind: str  # "image" | "video" | "captions"
    mime: str
    name: str
    data: bytes
    width: int = 0
    height: int = 0
    had_location_exif: bool = False
    faces: int = 0
    seconds: float | None = None  # a video's duration, when its header says

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.data).hexdigest()

    def item(self) -> StoredMedia:
        """The ``draft.media`` item for this file (images and videos only)."""
        return new_item(
            sha256=self.sha256,
            kind=self.kind,
            mime=self.mime,
            name=self.name,
            width=self.width,
            height=self.height,
            faces=self.faces,
            had_location_exif=self.had_location_exif,
            size=len(self.data),
            seconds=self.seconds,
        )


def accepted_suffixes() -> tuple[str, ...]:
    return (*IMAGE_TYPES, *VIDEO_TYPES)


def read_file(path: str | Path, limit: int) -> bytes:
    """The file's bytes, or ``InvalidInput`` with a plain message (missing, unreadable, too big)."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > limit:
            raise InvalidInput(
                tr("{name} is too large ({size} MB; at most {limit} MB).").format(
                    name=path.name, size=size // (1024 * 1024), limit=limit // (1024 * 1024)
                )
            )
        return path.read_bytes()
    except OSError as exc:
        raise InvalidInput(
            tr("Cannot read {name}: {error}").format(name=path.name, error=exc.strerror or exc)
        ) from None


def prepare_file(path: str | Path) -> PreparedMedia:
    """An image or video file made ready for posting; ``InvalidInput`` for anything else."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix in IMAGE_TYPES:
        return prepare_image(read_file(path, MAX_IMAGE_BYTES), path.name)
    if suffix in VIDEO_TYPES:
        return prepare_video(read_file(path, MAX_VIDEO_BYTES), path.name)
    raise InvalidInput(
        tr("{name}: only JPEG, PNG, WebP and GIF images and MP4/MOV videos can be attached.").format(name=path.name)
    )


def open_image(data: bytes, name: str) -> Image:
    """Decode ``data`` with Pillow; ``InvalidInput`` when it is not a supported image."""
    import warnings

    from PIL import Image as PILImage
    from PIL import UnidentifiedImageError

    try:
        with warnings.catch_warnings():
            # Our own limit below decides, with a message that names it; Pillow's warning would be "damaged".
            warnings.simplefilter("ignore", PILImage.DecompressionBombWarning)
            image = PILImage.open(io.BytesIO(data))
            if image.format not in _FORMAT_MIME:
                raise InvalidInput(tr("{name} is not a JPEG, PNG, WebP or GIF image.").format(name=name))
            if image.width * image.height > MAX_PIXELS:
                raise _too_many_pixels(name, image.width * image.height)
            if image.format == "JPEG" and max(image.size) > POSTING_SIDE:
                # Decode at 1/2, 1/4 … scale straight away: a 108 MP photo never fills memory whole.
                image.draft(image.mode, (POSTING_SIDE, POSTING_SIDE))
            image.load()
    except PILImage.DecompressionBombError:
        raise _too_many_pixels(name, None) from None
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
        raise InvalidInput(
            tr("{name} cannot be read as an image (damaged or not an image).").format(name=name)
        ) from None
    return image


def _too_many_pixels(name: str, pixels: int | None) -> InvalidInput:
    limit = MAX_PIXELS // 1_000_000
    if pixels is None:
        return InvalidInput(
            tr("{name} has more than {limit} megapixels; reduce it first.").format(name=name, limit=limit)
        )
    return InvalidInput(
        tr("{name} has {mp} megapixels; up to {limit} can be attached. Reduce it first.").format(
            name=name, mp=pixels // 1_000_000, limit=limit
        )
    )


def _has_location(image: Image) -> bool:
    try:
        gps = image.getexif().get_ifd(_GPS_IFD)
    except (OSError, ValueError, KeyError):
        return False
    return any(key in gps for key in (1, 2, 3, 4))


def encode(image: Image, fmt: str) -> bytes:
    """Re-encode without metadata (no EXIF, XMP or text chunks); colour profile kept."""
    buffer = io.BytesIO()
    icc = image.info.get("icc_profile")
    options: dict[str, Any] = {"icc_profile": icc} if icc else {}
    if fmt == "JPEG":
        if image.mode not in ("RGB", "L"):
            image = image.convert("RGB")
        image.save(buffer, "JPEG", quality=92, optimize=True, **options)
    elif fmt == "PNG":
        image.save(buffer, "PNG", optimize=True, **options)
    elif fmt == "WEBP":
        image.save(buffer, "WEBP", quality=90, **options)
    elif fmt == "GIF":
        if getattr(image, "is_animated", False):
            image.save(
                buffer, "GIF", save_all=True, loop=image.info.get("loop", 0), duration=image.info.get("duration", 100)
            )
        else:
            image.save(buffer, "GIF")
    else:  # pragma: no cover - open_image admits only the four formats
        raise ValueError(fmt)
    return buffer.getvalue()


def prepare_image(data: bytes, name: str) -> PreparedMedia:
    """Upright, metadata-free bytes of an image (EXIF orientation applied first)."""
    from PIL import ImageOps

    image = open_image(data, name)
    fmt = str(image.format)
    had_location = _has_location(image)
    if not getattr(image, "is_animated", False):
        upright = ImageOps.exif_transpose(image)
        if upright is not None:
            upright.info.pop("exif", None)
            image = upright
    image.info.pop("exif", None)
    image.info.pop("xmp", None)
    if not getattr(image, "is_animated", False) and max(image.size) > POSTING_SIDE:
        icc = image.info.get("icc_profile")
        image = image.copy()
        image.thumbnail((POSTING_SIDE, POSTING_SIDE))  # keeps the aspect ratio
        if icc:
            image.info["icc_profile"] = icc
    out = encode(image, fmt)
    return PreparedMedia("image", _FORMAT_MIME[fmt], name, out, image.width, image.height, had_location)


def prepare_video(data: bytes, name: str) -> PreparedMedia:
    """A video kept as it is after checking that it really is MP4/QuickTime."""
    if len(data) < 12 or data[4:8] not in (b"ftyp", b"moov", b"mdat", b"wide", b"free", b"skip"):
        raise InvalidInput(tr("{name} is not an MP4 or MOV video.").format(name=name))
    mime = "video/quicktime" if name.lower().endswith(".mov") or data[8:10] == b"qt" else "video/mp4"
    return PreparedMedia("video", mime, name, data, seconds=mp4_duration(data))


def _boxes(data: bytes, start: int, end: int) -> list[tuple[bytes, int, int]]:
    """ISO base media boxes between ``start`` and ``end``: (type, payload start, box end)."""
    found = []
    at = start
    while at + 8 <= end:
        size = int.from_bytes(data[at : at + 4], "big")
        kind = data[at + 4 : at + 8]
        header = 8
        if size == 1:
            if at + 16 > end:
                break
            size = int.from_bytes(data[at + 8 : at + 16], "big")
            header = 16
        elif size == 0:
            size = end - at
        if size < header or at + size > end:
            break
        found.append((kind, at + header, at + size))
        at += size
    return found


def mp4_duration(data: bytes) -> float | None:
    """The duration in seconds from an MP4/QuickTime movie header (``moov/mvhd``); ``None`` if absent.

    Platforms refuse videos over their length limit only after the upload, so
    the length is read here, once, and checked before approval.
    """
    for kind, payload, end in _boxes(data, 0, len(data)):
        if kind != b"moov":
            continue
        for inner, body, inner_end in _boxes(data, payload, end):
            if inner != b"mvhd" or inner_end - body < 20:
                continue
            version = data[body]
            if version == 1 and inner_end - body >= 32:
                timescale = int.from_bytes(data[body + 20 : body + 24], "big")
                duration = int.from_bytes(data[body + 24 : body + 32], "big")
            else:
                timescale = int.from_bytes(data[body + 12 : body + 16], "big")
                duration = int.from_bytes(data[body + 16 : body + 20], "big")
            return duration / timescale if timescale else None
    return None


def prepare_captions(path: str | Path) -> PreparedMedia:
    """A WebVTT or SubRip file, checked and stored as UTF-8."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in CAPTION_TYPES:
        raise InvalidInput(tr("{name}: captions must be a .vtt or .srt file.").format(name=path.name))
    raw = read_file(path, MAX_CAPTION_BYTES)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InvalidInput(tr("{name} is not UTF-8 text.").format(name=path.name)) from None
    valid = text.lstrip().startswith("WEBVTT") if suffix == ".vtt" else "-->" in text
    if not valid:
        raise InvalidInput(tr("{name} does not look like a captions file.").format(name=path.name))
    return PreparedMedia("captions", CAPTION_TYPES[suffix], path.name, text.encode("utf-8"))
