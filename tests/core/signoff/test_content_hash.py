"""The content hash an approval binds, pinned: a change here would make every stored approval stale."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import UTC, datetime

from core.composer.media_items import ITEM_KEYS, StoredMedia, media_of, new_item, normalized_item
from core.signoff.content_hash import content_hash

# Computed with the dict-based media items before they became dataclasses (commit 9518a8a).
PINNED_WITH_MEDIA = "13f6d0677c1297250297f07975f7aded49ebcb229d1c1159f84b5dba68115ac2"
PINNED_TEXT_ONLY = "7d8d7e85335237ad1636869695b994a0b8f036f8df024188e39d25c1a9777b17"

POSTER_JSON = (
    '{"sha256": "' + "a" * 64 + '", "kind": "image", "mime": "image/png", "name": "poster.png", '
    '"alt": "市民まつりのポスター", "decorative": false, "decorative_reason": "", "captions_sha256": null, '
    '"captions_name": null, "captions_burned_in": false, "faces": 2, "redacted": false, "width": 800, '
    '"height": 600, "had_location_exif": false}'
)
CLIP_JSON = (
    '{"sha256": "' + "b" * 64 + '", "kind": "video", "mime": "video/mp4", "name": "clip.mp4", "alt": "", '
    '"decorative": true, "decorative_reason": "装飾", "captions_sha256": "' + "c" * 64 + '", '
    '"captions_name": "clip.vtt", "captions_burned_in": false, "faces": 0, "redacted": false, "width": 0, '
    '"height": 0, "had_location_exif": false}'
)


def _stored() -> list[dict[str, object]]:
    """The two items as the database holds them (JSON), parsed."""
    return [json.loads(POSTER_JSON), json.loads(CLIP_JSON)]


def test_the_hash_of_stored_media_is_the_one_computed_before() -> None:
    digest = content_hash(
        text="お知らせ\u3099です　１",
        account_id=3,
        scheduled_at=datetime(2026, 11, 3, 9, 30, tzinfo=UTC),
        media=media_of(_stored()),
    )
    assert digest == PINNED_WITH_MEDIA
    assert content_hash(text="x", account_id=1, scheduled_at=None, media=[]) == PINNED_TEXT_ONLY


def test_a_new_item_and_a_normalized_one_are_stored_as_before() -> None:
    poster = new_item(
        sha256="a" * 64, kind="image", mime="image/png", name="poster.png", width=800, height=600, faces=2
    )
    poster = replace(poster, alt="市民まつりのポスター")
    assert json.dumps(poster.normalized().to_json(), ensure_ascii=False) == POSTER_JSON
    assert json.dumps(normalized_item(json.loads(CLIP_JSON)), ensure_ascii=False) == CLIP_JSON
    assert (*poster.to_json(),) == ITEM_KEYS[:-2]  # size and seconds are stored only when known
    measured = replace(poster, size=1234, seconds=None)
    assert (*measured.to_json(),) == (*ITEM_KEYS[:-2], "size")


def test_reading_and_writing_a_stored_item_changes_nothing() -> None:
    for raw in _stored():
        assert StoredMedia.from_json(raw).to_json() == raw
