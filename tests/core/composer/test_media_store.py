"""Attaching media: orientation, EXIF/GPS stripping, bad input, faces and redaction."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image

from core.composer.faces import detect_faces
from core.composer.media_store import prepare_captions, prepare_file, prepare_image
from core.composer.redaction import Rect, RedactionMode, redact
from core.errors import InvalidInput
from tests.support.images import face_image, face_jpeg_with_gps, gps_exif, jpeg_bytes, png_bytes


def _exif_of(data: bytes) -> Image.Exif:
    with Image.open(io.BytesIO(data)) as image:
        return image.getexif()


def test_gps_and_identifying_exif_are_stripped() -> None:
    original = face_jpeg_with_gps()
    assert _exif_of(original).get_ifd(0x8825)  # the fixture really has GPS
    prepared = prepare_image(original, "IMG_0001.JPG")
    assert prepared.had_location_exif
    assert len(_exif_of(prepared.data)) == 0
    assert b"Taro Photographer" not in prepared.data
    assert prepared.mime == "image/jpeg"
    assert prepared.item().had_location_exif is True
    assert prepared.item().sha256 == prepared.sha256


def test_exif_orientation_is_applied_before_stripping() -> None:
    landscape = Image.new("RGB", (200, 100), (255, 0, 0))
    prepared = prepare_image(jpeg_bytes(landscape, exif=gps_exif(orientation=6)), "rotated.jpg")
    assert (prepared.width, prepared.height) == (100, 200)
    with Image.open(io.BytesIO(prepared.data)) as image:
        assert image.size == (100, 200)


@pytest.mark.parametrize(
    ("name", "content"),
    [("broken.jpg", b"\xff\xd8 not really a jpeg"), ("notes.txt", b"hello"), ("clip.mp4", b"0123456789abcdef")],
)
def test_unusable_files_give_a_plain_message(tmp_path: Path, name: str, content: bytes) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(InvalidInput) as info:
        prepare_file(path)
    assert name in info.value.message


def test_missing_file_is_explained(tmp_path: Path) -> None:
    with pytest.raises(InvalidInput, match="Cannot read"):
        prepare_file(tmp_path / "gone.png")


def test_videos_are_kept_and_captions_checked(tmp_path: Path) -> None:
    video = tmp_path / "clip.mp4"
    video.write_bytes(b"\x00\x00\x00\x18ftypmp42" + b"\x00" * 64)
    prepared = prepare_file(video)
    assert (prepared.kind, prepared.mime) == ("video", "video/mp4")
    vtt = tmp_path / "clip.vtt"
    vtt.write_text("WEBVTT\n\n00:00.000 --> 00:01.000\nこんにちは\n", encoding="utf-8")
    assert prepare_captions(vtt).kind == "captions"
    bad = tmp_path / "clip.srt"
    bad.write_text("no timings here", encoding="utf-8")
    with pytest.raises(InvalidInput):
        prepare_captions(bad)


def test_the_cascade_finds_a_face_and_not_a_blank_picture() -> None:
    faces = detect_faces(png_bytes(face_image()))
    assert len(faces) == 1
    face = faces[0]
    assert 20 < face.x < 80
    assert 20 < face.y < 80
    assert face.w > 150
    assert detect_faces(png_bytes(Image.new("RGB", (300, 300), (120, 120, 120)))) == []
    assert detect_faces(b"garbage") == []


@pytest.mark.parametrize("mode", list(RedactionMode))
def test_redaction_changes_only_the_marked_area(mode: RedactionMode) -> None:
    source = Image.new("RGB", (200, 100), (255, 255, 255))
    for x in range(0, 100, 4):  # a pattern the masks must destroy
        for y in range(100):
            source.putpixel((x, y), (0, 0, 0))
    data = png_bytes(source)
    progress: list[tuple[int, int]] = []
    out = redact(data, "a.png", [Rect(0, 0, 100, 100)], mode, report=lambda d, t: progress.append((d, t)))
    assert progress == [(1, 1)]
    with Image.open(io.BytesIO(out)) as opened:
        assert opened.format == "PNG"
        result = opened.convert("RGB")
        inside = [result.getpixel((x, 50)) for x in range(100)]
        assert inside != [source.getpixel((x, 50)) for x in range(100)]
        assert len(set(inside[10:90])) < 10 or mode is RedactionMode.BLUR  # the stripes are gone
        assert all(result.getpixel((x, y)) == (255, 255, 255) for x in range(100, 200, 7) for y in range(0, 100, 9))


def test_redacting_needs_an_area() -> None:
    with pytest.raises(InvalidInput):
        redact(png_bytes(face_image()), "a.png", [], RedactionMode.BLUR)


@pytest.mark.parametrize(
    ("rect", "expected"),
    [
        (Rect(10, 10, 20, 20), Rect(10, 10, 20, 20)),
        (Rect(-5, -7, 20, 20), Rect(0, 0, 20, 20)),
        (Rect(95, 90, 20, 20), Rect(80, 80, 20, 20)),
        (Rect(50, 50, 300, 30), Rect(0, 50, 100, 30)),
    ],
)
def test_a_keyboard_frame_is_kept_inside_the_image(rect: Rect, expected: Rect) -> None:
    assert rect.kept_inside(100, 100) == expected


def test_faces_left_visible_counts_faces_the_masking_missed() -> None:
    from core.composer.redaction import faces_left_visible

    faces = [Rect(10, 10, 50, 50), Rect(200, 10, 50, 50)]
    assert faces_left_visible(faces, []) == 2
    assert faces_left_visible(faces, [Rect(0, 0, 80, 80)]) == 1
    assert faces_left_visible(faces, [Rect(0, 0, 80, 80), Rect(190, 0, 80, 80)]) == 0
    # Two areas that together cover a face hide it; a sliver does not.
    assert faces_left_visible([Rect(0, 0, 100, 100)], [Rect(0, 0, 50, 100), Rect(50, 0, 50, 100)]) == 0
    assert faces_left_visible([Rect(0, 0, 100, 100)], [Rect(0, 0, 50, 100)]) == 1
