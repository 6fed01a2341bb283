"""What a supervisor sees changed besides the text when a draft comes back for approval."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

from core.composer.media_items import StoredMedia, new_item
from core.signoff.review_data import content_changes


def _item(digest: str, name: str, alt: str = "", **extra: object) -> StoredMedia:
    return replace(new_item(sha256=digest, kind="image", mime="image/png", name=name), alt=alt, **extra)  # type: ignore[arg-type]


def test_nothing_but_the_text_changed_gives_no_entries() -> None:
    media = [_item("a" * 64, "poster.png", "ポスター")]
    when = datetime(2026, 12, 1, 9, tzinfo=UTC)
    assert content_changes(media, list(media), when, when) == []


def test_time_media_alt_captions_and_order_are_all_reported() -> None:
    poster = _item("a" * 64, "poster.png", "市民まつりのポスター")
    map_ = _item("b" * 64, "map.png", "会場の地図")
    old = [poster, map_]
    video = replace(
        new_item(sha256="c" * 64, kind="video", mime="video/mp4", name="clip.mp4"),
        captions_sha256="d" * 64,
        captions_name="clip.vtt",
    )
    new = [
        _item("b" * 64, "map.png", "会場（中央公園）の地図"),  # moved to first place, new description
        video,  # added
    ]  # the poster was removed
    changes = content_changes(
        old,
        new,
        datetime(2026, 12, 1, 9, tzinfo=UTC),
        datetime(2026, 12, 2, 9, tzinfo=UTC),
        old_emergency=False,
        new_emergency=True,
    )
    whats = [c.what for c in changes]
    assert len(changes) == 6, whats
    time = changes[0]
    assert time.before != time.after
    assert any("map.png" in c.what and c.before == "2" and c.after == "1" for c in changes)  # moved
    assert any(
        "map.png" in c.what and c.before == "会場の地図" and c.after == "会場（中央公園）の地図" for c in changes
    )
    assert any("clip.mp4" in c.what and c.before == "" for c in changes)  # added
    assert any("poster.png" in c.what and c.after == "" and c.before == "市民まつりのポスター" for c in changes)
    assert any(c.before != c.after for c in changes[1:2])  # emergency flag


def test_captions_and_decorative_changes_are_reported() -> None:
    old = new_item(sha256="c" * 64, kind="video", mime="video/mp4", name="clip.mp4")
    new = replace(old, captions_burned_in=True)
    image_old = _item("a" * 64, "line.png", "区切り線")
    image_new = replace(image_old, decorative=True, decorative_reason="装飾のみ")
    changes = content_changes([old, image_old], [new, image_new], None, None)
    assert len(changes) == 2
    assert "clip.mp4" in changes[0].what
    assert "装飾のみ" in changes[1].after
