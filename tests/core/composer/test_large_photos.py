"""A large, valid camera photo is attached (reduced to a posting size), never called damaged."""

from __future__ import annotations

import io

import pytest
from PIL import Image

from core.composer.media_store import MAX_PIXELS, POSTING_SIDE, prepare_image
from core.errors import InvalidInput


def _jpeg(width: int, height: int) -> bytes:
    buffer = io.BytesIO()
    Image.new("L", (width, height), 128).save(buffer, "JPEG", quality=80)
    return buffer.getvalue()


def _claiming(width: int, height: int) -> bytes:
    """A small valid JPEG whose frame header claims ``width`` × ``height`` (what a bomb looks like)."""
    data = bytearray(_jpeg(64, 48))
    at = data.index(b"\xff\xc0")
    data[at + 5 : at + 7] = height.to_bytes(2, "big")
    data[at + 7 : at + 9] = width.to_bytes(2, "big")
    return bytes(data)


def test_a_108_megapixel_photo_is_attached_at_posting_size() -> None:
    prepared = prepare_image(_jpeg(12000, 9000), "IMG_0001.JPG")
    assert (prepared.width, prepared.height) == (POSTING_SIDE, POSTING_SIDE * 3 // 4)
    with Image.open(io.BytesIO(prepared.data)) as stored:
        assert stored.size == (prepared.width, prepared.height)


@pytest.mark.parametrize(("width", "height"), [(13000, 12000), (20000, 20000)])
def test_more_pixels_than_the_limit_are_refused_by_name_not_as_damaged(width: int, height: int) -> None:
    assert width * height > MAX_PIXELS
    with pytest.raises(InvalidInput) as refused:
        prepare_image(_claiming(width, height), "huge.jpg")
    assert "megapixels" in refused.value.message
    assert "damaged" not in refused.value.message


def test_a_truncated_file_is_still_called_damaged() -> None:
    with pytest.raises(InvalidInput, match="damaged"):
        prepare_image(_jpeg(640, 480)[:200], "broken.jpg")
