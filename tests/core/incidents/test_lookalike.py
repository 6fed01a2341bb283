"""Look-alike handles and names are found; unrelated ones are not."""

from __future__ import annotations

import pytest

from core.incidents.lookalike import resembles, skeleton


@pytest.mark.parametrize(
    ("candidate", "official"),
    [
        ("cíty_wako", "city_wako"),  # an accent
        ("sampIe", "sample"),  # capital I for l
        ("samp1e", "sample"),  # digit one for l
        ("ｃｉｔｙ＿ｗａｋｏ", "city_wako"),  # full-width
        ("сity_wako", "city_wako"),  # Cyrillic с
        ("city_wak0", "city_wako"),  # zero for o
        ("@City.Wako", "city_wako"),  # case, @ and a swapped separator
        ("cityvvako", "citywako"),  # vv for w
        ("city_wakoo", "city_wako"),  # one letter more
        ("mihon_clty_koho", "mihon_city_koho"),  # one letter off in a long name
        ("見本市公式", "見本市公式"),  # display names too
        ("見本市公式 ", "見本市公式"),
    ],
)
def test_look_alikes_are_found(candidate: str, official: str) -> None:
    match = resembles(candidate, official)
    assert match is not None
    assert match.official == official


@pytest.mark.parametrize(
    ("candidate", "official"),
    [
        ("tokyo_city", "city_wako"),
        ("sampler", "sample_city"),
        ("和光市観光協会", "見本市公式"),
        ("", "city"),
    ],
)
def test_unrelated_names_are_not(candidate: str, official: str) -> None:
    assert resembles(candidate, official) is None


def test_identical_is_marked_exact_and_a_look_alike_is_not() -> None:
    exact = resembles("city_wako", "city_wako")
    similar = resembles("cíty_wako", "city_wako")
    assert exact is not None
    assert exact.exact
    assert exact.distance == 0
    assert similar is not None
    assert not similar.exact
    assert similar.distance == 0


def test_skeleton_is_stable() -> None:
    assert skeleton("ＳａｍｐＩｅ") == skeleton("sample") == skeleton("SAMPLE")
