"""Masking parts of an image (faces, number plates, homes) before it is posted.

The redacted copy replaces the original in the draft; the original bytes are
never stored, so they cannot be uploaded by mistake. Runs on a worker thread
(Pillow only, no Qt) and reports progress per rectangle.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from core.errors import InvalidInput
from core.i18n import tr


class RedactionMode(enum.StrEnum):
    BLUR = "blur"
    PIXELATE = "pixelate"
    FILL = "fill"

    @property
    def label(self) -> str:
        return {
            RedactionMode.BLUR: tr("Blur"),
            RedactionMode.PIXELATE: tr("Pixelate"),
            RedactionMode.FILL: tr("Fill"),
        }[self]


@dataclass(frozen=True)
class Rect:
    """A rectangle in image pixels (``x``, ``y`` top-left; ``w``, ``h`` size)."""

    x: int
    y: int
    w: int
    h: int

    def clipped(self, width: int, height: int) -> Rect | None:
        """This rectangle inside a ``width`` × ``height`` image, or ``None`` when outside."""
        left, top = max(0, self.x), max(0, self.y)
        right, bottom = min(width, self.x + self.w), min(height, self.y + self.h)
        if right - left < 1 or bottom - top < 1:
            return None
        return Rect(left, top, right - left, bottom - top)

    def kept_inside(self, width: int, height: int) -> Rect:
        """Moved (and if need be shrunk) to lie wholly inside a ``width`` × ``height`` image."""
        w, h = min(self.w, width), min(self.h, height)
        return Rect(min(max(0, self.x), width - w), min(max(0, self.y), height - h), w, h)

    def grown(self, fraction: float) -> Rect:
        """Enlarged by ``fraction`` on each side (face boxes are tight; hair and ears identify too)."""
        dx, dy = round(self.w * fraction), round(self.h * fraction)
        return Rect(self.x - dx, self.y - dy, self.w + 2 * dx, self.h + 2 * dy)


def faces_left_visible(faces: Sequence[Rect], masked: Sequence[Rect], *, covered: float = 0.8) -> int:
    """How many detected ``faces`` the ``masked`` areas leave visible.

    A face counts as masked when at least ``covered`` of it lies under the
    masked areas (together). Judged from the rectangles rather than by
    detecting again on the masked copy: a detector may still "see" a
    pixelated face, and masking a corner must not vouch for a face left as
    it was.
    """
    left = 0
    steps = 10
    for face in faces:
        if face.w <= 0 or face.h <= 0:
            continue
        points = [
            (face.x + (i + 0.5) * face.w / steps, face.y + (j + 0.5) * face.h / steps)
            for i in range(steps)
            for j in range(steps)
        ]
        hidden = sum(1 for x, y in points if any(m.x <= x < m.x + m.w and m.y <= y < m.y + m.h for m in masked))
        if hidden < covered * len(points):
            left += 1
    return left


def redact(
    data: bytes,
    name: str,
    rects: Sequence[Rect],
    mode: RedactionMode,
    report: Callable[[int, int], None] | None = None,
) -> bytes:
    """``data`` (an encoded, already stripped image) with ``rects`` masked, re-encoded the same format.

    Blur and pixelate are strong enough that the masked area cannot be
    sharpened back into a recognisable face; fill paints it black.
    """
    from PIL import Image, ImageFilter

    from core.composer.media_store import encode, open_image

    if not rects:
        raise InvalidInput(tr("Mark at least one area to mask."))
    image = open_image(data, name)
    if getattr(image, "is_animated", False):
        raise InvalidInput(tr("Animated images cannot be masked here; edit the file and attach it again."))
    fmt = str(image.format)
    work = image.convert("RGBA" if image.mode in ("RGBA", "LA", "P") else "RGB")
    total = len(rects)
    for done, rect in enumerate(rects, start=1):
        box = rect.clipped(work.width, work.height)
        if box is not None:
            area = (box.x, box.y, box.x + box.w, box.y + box.h)
            region = work.crop(area)
            if mode is RedactionMode.BLUR:
                radius = max(6.0, min(box.w, box.h) / 4)
                # Pixelate first, then blur: a blur alone of a small radius can be partly undone.
                small = region.resize((max(1, box.w // 12), max(1, box.h // 12)))
                region = small.resize(region.size).filter(ImageFilter.GaussianBlur(radius))
            elif mode is RedactionMode.PIXELATE:
                block = max(8, min(box.w, box.h) // 8)
                small = region.resize((max(1, box.w // block), max(1, box.h // block)))
                region = small.resize(region.size, resample=0)  # nearest neighbour: visible blocks
            else:
                region.paste((0, 0, 0) if work.mode == "RGB" else (0, 0, 0, 255), (0, 0, box.w, box.h))
            work.paste(region, area[:2])
        if report is not None:
            report(done, total)
    if fmt == "GIF":
        work = work.convert("P", palette=Image.Palette.ADAPTIVE)
    work.info = {k: v for k, v in image.info.items() if k == "icc_profile"}
    return encode(work, fmt)
