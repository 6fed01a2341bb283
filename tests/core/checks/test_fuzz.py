"""Whatever the operator types or attaches, the engine answers without error
and every span lies inside the text."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from core.checks import DraftInput, MediaItem, MediaKind, Platform, run_checks
from core.checks.length import text_length
from core.organization.profile import OrganizationProfile

PROFILE = OrganizationProfile(
    "市", own_domains=("city.sample.lg.jp",), public_phones=("048-424-9090",), postal_addresses=("〒351-0192",)
)

# Text mixing arbitrary Unicode with the fragments the rules look for.
fragments = st.sampled_from(
    [
        "bit.ly/",
        "https://",
        "ｂｉｔ．ｌｙ",
        "@",
        "〒",
        "丁目",
        "番",
        "号",
        "-",
        "０",
        "9",
        " ",
        "\n",
        "\u200b",
        "\u202e",
        "DM",
        "で",
        "拡散希望",
        "👨‍👩‍👧",
        "。",
        "(",
        ")",
        "xn--",
        ".jp",
        "\u3099",
        "\ufe0f",
        "#",
    ]
)
texts = st.lists(st.one_of(st.text(max_size=20), fragments), max_size=40).map("".join)
media = st.builds(
    MediaItem,
    path=st.text(max_size=20),
    kind=st.sampled_from(list(MediaKind)),
    alt=st.text(max_size=30),
    decorative=st.booleans(),
    decorative_reason=st.text(max_size=5),
    captions_path=st.none() | st.text(max_size=10),
    captions_burned_in=st.booleans(),
    has_location_exif=st.none() | st.booleans(),
)


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(text=texts, platform=st.sampled_from(list(Platform)), items=st.lists(media, max_size=5))
def test_engine_never_fails_and_spans_stay_inside(text, platform, items):
    draft = DraftInput(text, platform, tuple(items))
    result = run_checks(draft, PROFILE, include_person_names=False)
    assert result.length.used == text_length(text, platform)
    for finding in result.findings:
        if finding.media_index is None:
            assert finding.start is not None
            assert finding.end is not None
            assert 0 <= finding.start < finding.end <= len(text), finding
        else:
            assert finding.start is None
            assert finding.end is None
            assert 0 <= finding.media_index < len(items)
        assert finding.message_ja
        assert finding.message_en


@settings(max_examples=60, deadline=None)
@given(text=texts)
def test_person_names_never_fail_and_spans_stay_inside(text):
    result = run_checks(DraftInput(text), PROFILE, include_person_names=True)
    for finding in result.findings:
        if finding.start is not None:
            assert 0 <= finding.start < finding.end <= len(text)
