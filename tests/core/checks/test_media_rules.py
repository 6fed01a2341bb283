import pytest
from PIL import Image

from core.checks import DraftInput, MediaItem, MediaKind, Platform, run_checks
from core.checks.media_facts import inspect_media_file, with_facts
from core.checks.rules.media import is_poor_alt
from core.organization.profile import OrganizationProfile

PROFILE = OrganizationProfile("市")


def media_rules(*items, platform=Platform.X):
    result = run_checks(DraftInput("お知らせ", platform, tuple(items)), PROFILE, include_attached_media=True)
    return [(f.rule_id, f.media_index) for f in result.findings]


@pytest.mark.parametrize("alt", ["", "   ", "\u3000"])
def test_alt_missing(alt):
    assert media_rules(MediaItem("a.jpg", alt=alt)) == [("media.alt_missing", 0)]


def test_decorative_needs_a_reason():
    assert media_rules(MediaItem("a.jpg", decorative=True, decorative_reason="区切り線")) == []
    assert media_rules(MediaItem("a.jpg", decorative=True)) == [("media.alt_missing", 0)]


@pytest.mark.parametrize("alt", ["IMG_1234.JPG", "画像", "写真", "photo", " Image ", "DSC0001", "a.jpg", "。"])
def test_alt_poor(alt):
    assert media_rules(MediaItem("a.jpg", alt=alt)) == [("media.alt_poor", 0)]


def test_alt_good():
    assert media_rules(MediaItem("IMG_1.jpg", alt="桜が満開の市役所前広場")) == []
    assert not is_poor_alt("写真：満開の桜")


def test_alt_too_long_per_platform():
    long_alt = "桜" * 1001
    assert media_rules(MediaItem("a.jpg", alt=long_alt), platform=Platform.X) == [("media.alt_too_long", 0)]
    assert media_rules(MediaItem("a.jpg", alt=long_alt), platform=Platform.MASTODON) == []
    assert media_rules(MediaItem("a.jpg", alt="桜" * 513), platform=Platform.MISSKEY) == [("media.alt_too_long", 0)]


def test_caption_missing_and_present():
    video = MediaItem("v.mp4", kind=MediaKind.VIDEO)
    assert media_rules(video) == [("media.caption_missing", 0)]
    assert media_rules(MediaItem("v.mp4", kind=MediaKind.VIDEO, captions_path="v.vtt")) == []
    assert media_rules(MediaItem("v.mp4", kind=MediaKind.VIDEO, captions_path="v.SRT")) == []
    assert media_rules(MediaItem("v.mp4", kind=MediaKind.VIDEO, captions_burned_in=True)) == []
    assert media_rules(MediaItem("v.mp4", kind=MediaKind.VIDEO, captions_path="v.txt")) == [
        ("media.caption_missing", 0)
    ]


def test_exif_location_fact():
    item = MediaItem("a.jpg", alt="市役所の外観", has_location_exif=True)
    assert media_rules(item) == [("media.exif_location", 0)]
    assert media_rules(MediaItem("a.jpg", alt="市役所の外観", has_location_exif=None)) == []


def test_media_index_points_at_the_item():
    items = (MediaItem("a.jpg", alt="説明のある画像"), MediaItem("b.jpg"))
    assert media_rules(*items) == [("media.alt_missing", 1)]


def _jpeg(path, gps=False, artist=None):
    image = Image.new("RGB", (4, 4), "white")
    exif = Image.Exif()
    if gps:
        exif[0x8825] = {1: "N", 2: (35.0, 47.0, 0.0), 3: "E", 4: (139.0, 36.0, 0.0)}
    if artist:
        exif[0x013B] = artist
    image.save(path, exif=exif)


def test_inspect_media_file_reads_gps(tmp_path):
    with_gps = tmp_path / "gps.jpg"
    plain = tmp_path / "plain.jpg"
    _jpeg(with_gps, gps=True, artist="Taro")
    _jpeg(plain)
    facts = inspect_media_file(with_gps)
    assert facts.has_location_exif is True
    assert facts.identifying_exif_tags == ("Artist",)
    assert inspect_media_file(plain).has_location_exif is False
    assert inspect_media_file(tmp_path / "missing.jpg").has_location_exif is None
    (tmp_path / "junk.jpg").write_bytes(b"not an image")
    assert inspect_media_file(tmp_path / "junk.jpg").has_location_exif is None
    item = with_facts(MediaItem("gps.jpg", alt="x"), tmp_path)
    assert item.has_location_exif is True
