"""What the platform would refuse is blocked before approval, with the limit named (issue 11 item 4)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from core.checks.config import CheckConfig
from core.checks.model import Severity
from core.composer.media_items import StoredMedia
from core.composer.media_store import mp4_duration, prepare_image, prepare_video
from core.composer.submission import GateStatus, evaluate
from core.errors import InvalidInput
from core.organization.profile import OrganizationProfile
from core.platforms.facts import Platform
from core.runtime.bootstrap import Environment
from core.services.drafts import DraftService, load_draft_detail
from tests.support.images import png_bytes
from tests.support.videos import mp4_with_duration
from tests.support.world import World

PROFILE = OrganizationProfile(name="見本市", own_domains=("city.mihon.lg.jp",))


def _image(**fields: object) -> StoredMedia:
    base = {"sha256": "a" * 64, "kind": "image", "mime": "image/jpeg", "name": "p.jpg", "alt": "市役所の外観"}
    return StoredMedia.from_json(base | fields)


def _video(**fields: object) -> StoredMedia:
    base = {"sha256": "b" * 64, "kind": "video", "mime": "video/mp4", "name": "v.mp4", "captions_burned_in": True}
    return StoredMedia.from_json(base | fields)


def _gate(platform: Platform, *media: StoredMedia) -> GateStatus:
    return evaluate("お知らせ", platform, list(media), {}, (), PROFILE, CheckConfig())


def _blocking(gate: GateStatus) -> list[tuple[str, str]]:
    return [(r.rule, r.message_en) for r in gate.blocking]


def test_a_bluesky_image_over_2_000_000_bytes_is_blocked() -> None:
    assert _blocking(_gate(Platform.BLUESKY, _image(size=2_000_000))) == []
    blocked = _blocking(_gate(Platform.BLUESKY, _image(size=2_000_001)))
    assert [rule for rule, _ in blocked] == ["media.file_size"]
    assert "Bluesky" in blocked[0][1]
    assert "2,000,000 bytes" in blocked[0][1]
    assert "2,000,001 bytes" in blocked[0][1]
    # The same file fits X's 5 MB.
    assert _blocking(_gate(Platform.X, _image(size=2_000_001))) == []


def test_a_bluesky_quicktime_video_is_blocked() -> None:
    mov = prepare_video(b"\x00\x00\x00\x14ftypqt  \x00\x00\x00\x00" + b"\x00" * 32, "clip.mov")
    assert mov.mime == "video/quicktime"
    item = replace(mov.item(), captions_burned_in=True)
    blocked = _blocking(_gate(Platform.BLUESKY, item))
    assert [rule for rule, _ in blocked] == ["media.file_type"]
    assert "video/quicktime" in blocked[0][1]
    assert "video/mp4" in blocked[0][1]
    assert _blocking(_gate(Platform.BLUESKY, _video())) == []
    assert _blocking(_gate(Platform.X, item)) == []  # X takes MOV


def test_x_alt_text_over_1000_characters_is_blocked_not_cut() -> None:
    assert _blocking(_gate(Platform.X, _image(alt="桜" * 1000))) == []
    gate = _gate(Platform.X, _image(alt="桜" * 1001))
    blocked = _blocking(gate)
    assert [rule for rule, _ in blocked] == ["media.alt_too_long"]
    assert "1000" in blocked[0][1]
    assert "1001" in blocked[0][1]
    assert gate.records[0].clause == "joso:4(2), joso:4(6)"
    # Decorative images send no alt text at all, so their (unused) description is not measured.
    assert _blocking(_gate(Platform.X, _image(alt="桜" * 1001, decorative=True, decorative_reason="飾り"))) == []


def test_a_line_draft_with_more_images_than_a_broadcast_holds_is_blocked() -> None:
    four = [_image(sha256=str(i) * 64, mime="image/png") for i in range(4)]
    assert _blocking(_gate(Platform.LINE, *four)) == []
    blocked = _blocking(_gate(Platform.LINE, *four, _image(sha256="9" * 64, mime="image/png")))
    assert [rule for rule, _ in blocked] == ["media.limit"]
    assert "LINE takes at most 4 image(s) per post (5 attached)" in blocked[0][1]


def test_types_video_length_and_the_single_video_rule() -> None:
    assert [r for r, _ in _blocking(_gate(Platform.LINE, _image(mime="image/webp")))] == ["media.file_type"]
    assert {r for r, _ in _blocking(_gate(Platform.YOUTUBE, _image()))} == {"media.limit", "media.file_type"}
    assert _blocking(_gate(Platform.X, _video(seconds=140.0))) == []
    too_long = _blocking(_gate(Platform.X, _video(seconds=141.5)))
    assert too_long == [("media.video_length", "X takes videos of at most 140 s (v.mp4: 141.5 s).")]
    mixed = _blocking(_gate(Platform.BLUESKY, _image(), _video()))
    assert [r for r, _ in mixed] == ["media.single_video"]
    assert _blocking(_gate(Platform.FACEBOOK, _image(), _video())) == []
    # Unknown facts (items stored before sizes were recorded) are not guessed.
    assert _blocking(_gate(Platform.BLUESKY, _image(size=None))) == []


def test_faces_are_a_catalogue_rule_the_organization_configures() -> None:
    faces = _image(faces=2)
    gate = _gate(Platform.X, faces)
    assert [r.rule for r in gate.unacknowledged] == ["media.faces"]
    assert "shows 2 face(s)" in gate.unacknowledged[0].message_en
    assert gate.unacknowledged[0].clause == "wako:5-compliance, joso:5(1)"
    strict = CheckConfig().with_severity("media.faces", Severity.BLOCK)
    assert [r.rule for r in evaluate("x", Platform.X, [faces], {}, (), PROFILE, strict).blocking] == ["media.faces"]
    off = CheckConfig().with_enabled("media.faces", False)
    assert evaluate("x", Platform.X, [faces], {}, (), PROFILE, off).records == ()


def test_video_duration_is_read_from_the_movie_header() -> None:
    assert mp4_duration(mp4_with_duration(1000, 141_500)) == pytest.approx(141.5)
    assert mp4_duration(mp4_with_duration(90_000, 90_000 * 3600, version=1)) == pytest.approx(3600)
    assert mp4_duration(b"\x00\x00\x00\x18ftypmp42" + b"\x00" * 64) is None
    assert mp4_duration(b"garbage") is None
    prepared = prepare_video(mp4_with_duration(600, 600 * 200), "long.mp4")
    assert prepared.item().seconds == pytest.approx(200)
    assert prepared.item().size == len(prepared.data)


def test_the_service_checks_sizes_of_items_stored_without_one(env: Environment) -> None:
    world = World(env)
    drafts = DraftService(world.store, world.op1)
    draft_id = drafts.create(world.account, "写真", title="写真")
    import random

    noise = random.Random(7).randbytes(1500 * 1200 * 3)
    from PIL import Image

    prepared = prepare_image(png_bytes(Image.frombytes("RGB", (1500, 1200), noise)), "big.png")
    assert len(prepared.data) > 5 * 1024 * 1024  # over X's 5 MB
    drafts.store_media(prepared)
    # As an item saved before sizes were recorded: no "size".
    item = replace(prepared.item(), size=None, alt="市役所の外観写真")
    detail = load_draft_detail(world.store, draft_id)
    row_version = drafts.save(draft_id, detail.row_version, text=detail.text, media=[item])
    with pytest.raises(InvalidInput, match="5 MB"):
        drafts.submit(draft_id, row_version)


def test_the_service_checks_the_stored_type_not_the_one_the_item_claims(env: Environment) -> None:
    from core.services.accounts import AccountService

    world = World(env)
    AccountService(world.store, world.admin).update(
        world.account,
        platform="bluesky",
        handle="mihon-city.bsky.social",
        display_name="見本市",
        department_id=None,
        url="https://bsky.app/profile/mihon-city.bsky.social",
        verified=True,
    )
    AccountService(world.store, world.admin).file(world.account)  # a changed platform is filed again
    drafts = DraftService(world.store, world.op1)
    draft_id = drafts.create(world.account, "訓練の動画", title="訓練")
    mov = prepare_video(mp4_with_duration(600, 600 * 30).replace(b"isom", b"qt  ", 1), "drill.mov")
    assert mov.mime == "video/quicktime"
    drafts.store_media(mov)
    claimed = replace(mov.item(), mime="video/mp4", captions_burned_in=True)
    detail = load_draft_detail(world.store, draft_id)
    row_version = drafts.save(draft_id, detail.row_version, text=detail.text, media=[claimed])
    with pytest.raises(InvalidInput, match="video/quicktime"):
        drafts.submit(draft_id, row_version)
