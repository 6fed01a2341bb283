"""Media rules: alt text (joso:4(6)), captions (joso:4(6)) and EXIF data.

What the platform accepts (counts, types, sizes, alt-text length) is
:mod:`.platform_media`.

These work on :class:`~core.checks.model.MediaItem` facts only and never open
files (the facts are gathered once when the file is attached).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from pathlib import PurePath

import regex

from core.checks.context import CheckContext, Hit
from core.checks.model import MediaItem, MediaKind

CAPTION_EXTENSIONS = frozenset({".vtt", ".srt", ".ttml", ".dfxp", ".sbv"})

_FILE_NAME = regex.compile(
    r"^[\w\-. ()]+\.(?:jpe?g|png|gif|webp|heic|heif|bmp|tiff?|avif|svg)$"
    r"|^(?:IMG|DSC|DSCN|DSCF|PXL|MVIMG|PICT|P|GOPR|Screenshot|スクリーンショット)[_\- ]?\d[\w\- ]*$",
    regex.IGNORECASE | regex.VERSION1,
)
_GENERIC_WORDS = frozenset(
    {
        "画像",
        "写真",
        "イメージ",
        "イメージ画像",
        "イメージ図",
        "図",
        "絵",
        "挿絵",
        "添付画像",
        "添付写真",
        "画像です",
        "写真です",
        "スクリーンショット",
        "スクショ",
        "サムネイル",
        "代替テキスト",
        "なし",
        "無し",
        "image",
        "photo",
        "picture",
        "pic",
        "img",
        "graphic",
        "screenshot",
        "thumbnail",
        "alt",
        "alt text",
        "none",
        "n/a",
        "na",
        "-",
        "untitled",
        "無題",
    }
)
_STRIP = regex.compile(r"[\s\p{P}\p{S}]+", regex.VERSION1)


def _normalized_alt(alt: str) -> str:
    return unicodedata.normalize("NFKC", alt).strip()


def is_poor_alt(alt: str, file_name: str = "") -> bool:
    """Alt text that does not describe the image: a file name or a bare generic word."""
    text = _normalized_alt(alt)
    if not text:
        return False
    if _FILE_NAME.match(text) or (file_name and text.casefold() == file_name.casefold()):
        return True
    if file_name and text.casefold() == PurePath(file_name).stem.casefold():
        return True
    bare = _STRIP.sub("", text).casefold()
    return text.casefold() in _GENERIC_WORDS or bare in _GENERIC_WORDS or not bare


def has_alt(item: MediaItem) -> bool:
    return bool(item.alt.strip())


def check_media(ctx: CheckContext) -> Iterator[Hit]:
    for index, item in enumerate(ctx.draft.media):
        name = item.file_name
        if item.kind is MediaKind.IMAGE:
            decorative = item.decorative and bool(item.decorative_reason.strip())
            if not has_alt(item):
                if not decorative:
                    yield Hit("media.alt_missing", media_index=index, params={"file": name})
            elif is_poor_alt(item.alt, name):
                yield Hit("media.alt_poor", media_index=index, params={"file": name})
            if item.has_location_exif or item.identifying_exif_tags:
                yield Hit("media.exif_location", media_index=index, params={"file": name})
        elif not item.captions_burned_in and not _has_caption_file(item):
            yield Hit("media.caption_missing", media_index=index, params={"file": name})


def _has_caption_file(item: MediaItem) -> bool:
    path = (item.captions_path or "").strip()
    return bool(path) and PurePath(path).suffix.lower() in CAPTION_EXTENSIONS
