"""The pixel size of an image or an MP4/QuickTime video, for platforms that want an aspect ratio.

Bluesky lays out a post's images and video from ``aspectRatio`` before the
file has loaded; without it, images are shown square and cropped. Images are
read with Pillow (header only); for videos the track header (``tkhd``) of
the first visual track is read here, which is a few lines rather than a
video library.
"""

from __future__ import annotations

import io
import struct
from collections.abc import Iterator

# EXIF orientations that turn the picture by 90°: its shown width is its stored height.
_TURNED = frozenset({5, 6, 7, 8})
_CONTAINERS = frozenset({b"moov", b"trak"})


def image_size(data: bytes) -> tuple[int, int] | None:
    """(width, height) as the image is shown (EXIF rotation applied), ``None`` if unreadable."""
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(io.BytesIO(data)) as image:
            width, height = image.size
            orientation = image.getexif().get(0x0112)
    except (UnidentifiedImageError, OSError, ValueError):
        return None
    if orientation in _TURNED:
        width, height = height, width
    return (width, height) if width > 0 and height > 0 else None


def _boxes(data: bytes, start: int, end: int) -> Iterator[tuple[bytes, int, int]]:
    """(type, content start, box end) of the ISO BMFF boxes in ``data[start:end]``."""
    position = start
    while position + 8 <= end:
        size, kind = struct.unpack_from(">I4s", data, position)
        header = 8
        if size == 1 and position + 16 <= end:
            size = struct.unpack_from(">Q", data, position + 8)[0]
            header = 16
        elif size == 0:
            size = end - position
        if size < header or position + size > end:
            return
        yield kind, position + header, position + size
        position += size


def _track_size(data: bytes, start: int, end: int) -> tuple[int, int] | None:
    for kind, content, box_end in _boxes(data, start, end):
        if kind in _CONTAINERS:
            found = _track_size(data, content, box_end)
            if found:
                return found
        elif kind == b"tkhd" and content < box_end:
            version = data[content]
            # width and height are the last 8 bytes: 16.16 fixed point (ISO/IEC 14496-12 §8.3.2).
            offset = content + (88 if version == 1 else 76)
            if offset + 8 <= box_end:
                width, height = struct.unpack_from(">II", data, offset)
                if width >> 16 and height >> 16:
                    return width >> 16, height >> 16
    return None


def video_size(data: bytes) -> tuple[int, int] | None:
    """(width, height) of the first visual track of an MP4/QuickTime file, ``None`` if not found."""
    return _track_size(data, 0, len(data))
