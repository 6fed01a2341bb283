"""Test images made in code: a synthetic face the Haar cascade finds, JPEGs with GPS EXIF."""

from __future__ import annotations

import io

from PIL import Image, ImageDraw, ImageFilter


def face_image(size: int = 300, background: int = 90) -> Image.Image:
    """A grey cartoon face with dark eye sockets and a bright nose bridge (what the cascade looks for)."""
    img = Image.new("L", (size, size), background)
    d = ImageDraw.Draw(img)
    cx, cy = size // 2, size // 2
    fw, fh = size * 0.28, size * 0.38
    d.ellipse([cx - fw, cy - fh, cx + fw, cy + fh], fill=170)
    for sx in (-1, 1):
        ex, ey = cx + sx * fw * 0.45, cy - fh * 0.15
        d.ellipse([ex - fw * 0.35, ey - fh * 0.14, ex + fw * 0.35, ey + fh * 0.12], fill=70)
        d.ellipse([ex - fw * 0.12, ey - fh * 0.06, ex + fw * 0.12, ey + fh * 0.06], fill=20)
    d.rectangle([cx - fw * 0.1, cy - fh * 0.3, cx + fw * 0.1, cy + fh * 0.2], fill=200)
    d.ellipse([cx - fw * 0.2, cy + fh * 0.15, cx + fw * 0.2, cy + fh * 0.28], fill=110)
    d.ellipse([cx - fw * 0.4, cy + fh * 0.42, cx + fw * 0.4, cy + fh * 0.58], fill=80)
    return img.filter(ImageFilter.GaussianBlur(6)).convert("RGB")


def gps_exif(orientation: int = 1) -> Image.Exif:
    exif = Image.Exif()
    exif[0x0112] = orientation
    exif[0x013B] = "Taro Photographer"  # Artist
    gps = exif.get_ifd(0x8825)
    gps[1] = "N"
    gps[2] = (35.0, 47.0, 10.0)
    gps[3] = "E"
    gps[4] = (139.0, 36.0, 20.0)
    return exif


def jpeg_bytes(image: Image.Image, *, exif: Image.Exif | None = None) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=95, exif=exif if exif is not None else Image.Exif())
    return buffer.getvalue()


def png_bytes(image: Image.Image) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue()


def face_jpeg_with_gps() -> bytes:
    """A 400×300 photo-like JPEG with a face on the left and GPS + artist EXIF."""
    canvas = Image.new("RGB", (400, 300), (90, 90, 90))
    canvas.paste(face_image(), (0, 0))
    return jpeg_bytes(canvas, exif=gps_exif())
