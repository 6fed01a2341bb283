"""Profile texts per platform within its bio limit, each item of joso:3(4) ア–カ included or reported (issue 14)."""

from __future__ import annotations

from pathlib import Path

import pytest

from core.checks.length import count
from core.disclosure import write_disclosure
from core.disclosure.profile import ItemState, ProfileInputs, suggest_profile
from core.platforms.facts import Platform, all_platforms
from core.runtime.bootstrap import Environment

LONG = ProfileInputs(
    org_name="常総地方広域市町村圏事務組合",
    running_body="常総地方広域市町村圏事務組合 消防本部 警防課",
    responsible_title="警防課長",
    content="市政のお知らせ、イベント情報、防災・緊急情報、子育て・福祉の情報、観光と文化財、ごみと環境の情報",
    response="個別の返信は原則として行いません。お問い合わせは連絡先の窓口で受け付けます。",
    page_url="https://www.joso-koiki.example.lg.jp/soshiki/kanri/social-media/official-accounts.html",
    extra="平日の開庁時間内に1日1〜3回程度。災害時は随時。",
)
SHORT = ProfileInputs(
    org_name="見本市",
    running_body="秘書広報課",
    responsible_title="秘書広報課長",
    content="市政のお知らせ",
    response="返信は行いません",
    page_url="https://city.example/sns",
)


@pytest.mark.parametrize("inputs", [LONG, SHORT], ids=["long", "short"])
@pytest.mark.parametrize("platform", list(all_platforms()), ids=lambda f: f.id)
def test_every_generated_profile_text_fits_its_platform(platform, inputs: ProfileInputs) -> None:
    profile = suggest_profile(inputs, platform)
    if platform.bio_limit is not None:
        assert count(profile.text, platform.bio_counting) <= platform.bio_limit
    assert profile.fits
    letters = [r.item.letter for r in profile.items]
    assert letters == ["ア", "イ", "ウ", "エ", "オ", "カ"]
    # What is left out says why; a short profile keeps ア, ウ and オ everywhere.
    assert all(r.reason for r in profile.missing)
    states = {r.item.key: r.state for r in profile.items}
    if inputs is SHORT:
        assert states["a"] is ItemState.INCLUDED
        assert states["u"] is ItemState.INCLUDED
        assert states["o"] is ItemState.INCLUDED
        assert inputs.page_url in profile.text


def test_x_gets_a_shortened_text_and_says_what_it_cut() -> None:
    x = Platform.X.facts
    full = suggest_profile(LONG, Platform.MISSKEY.facts)  # 1500: everything fits
    short = suggest_profile(LONG, x)
    assert all(r.state is ItemState.INCLUDED for r in full.items)
    assert short.length <= 160 < full.length
    states = {r.item.key: r.state for r in short.items}
    assert states["ka"] is ItemState.MISSING  # optional: left out first
    assert ItemState.SHORTENED in (states["i"], states["e"]) or ItemState.MISSING in (states["i"], states["e"])
    assert short.text != full.text


def test_a_profile_that_cannot_hold_everything_reports_what_it_left_out() -> None:
    facebook = Platform.FACEBOOK.facts
    assert facebook.bio_limit is not None
    profile = suggest_profile(LONG, facebook)
    assert profile.length <= facebook.bio_limit
    missing = {r.item.key for r in profile.missing}
    assert "o" in missing  # the 88-character link does not fit in 101 with the rest
    assert all("101" in r.reason for r in profile.missing if r.item.key != "ka")


def test_missing_policy_texts_are_reported_not_invented() -> None:
    profile = suggest_profile(
        ProfileInputs("見本市", "秘書広報課", "課長", content="", response="", page_url=""), Platform.X.facts
    )
    missing = {r.item.key for r in profile.missing}
    assert missing == {"i", "e", "o", "ka"}


def test_demo_profiles_fit_and_the_page_shows_kind_verified_and_withdrawal(
    demo_env: Environment, tmp_path: Path
) -> None:
    written = write_disclosure(demo_env.store, tmp_path, page_url="https://www.city.mihon.lg.jp/sns/accounts.html")
    assert written.texts
    assert all(t.fits for t in written.texts)
    for path, text in zip(written.profiles, written.texts, strict=True):
        assert path.read_text(encoding="utf-8") == text.text + "\n"
    html = written.page.read_text(encoding="utf-8")
    # joso:3(1) kind, verified status, 運用停止予定 with its date, and the history of withdrawn accounts.
    for label in ("分野別公式アカウント", "Field-specific official account"):
        if label in html:
            break
    else:
        raise AssertionError("kind missing from the page")
    assert ("認証" in html) or ("Verified" in html)
    assert ("運用停止予定" in html) or ("Scheduled end of operation" in html)
    assert "@josokoiki.kanko" in html  # the deleted account stays in the history
    assert "パスワード流出のおそれ" in html


def test_the_disclosure_command_lists_what_each_profile_left_out(data_dir: Path, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    import app

    assert app.main(["--data-dir", str(data_dir), "demo"]) == 0
    capsys.readouterr()
    out_dir = tmp_path / "site"
    assert app.main(["--lang", "en", "--data-dir", str(data_dir), "disclosure", "--out", str(out_dir)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert "profile texts" in lines[0]
    # X's 160 leaves no room for カ (the posting rhythm): said per file, with the reason.
    x_lines = [line for line in lines[1:] if "profile-1-x.txt" in line]
    assert any("カ" in line and "missing" in line and "160" in line for line in x_lines)
