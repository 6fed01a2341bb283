"""The disclosure page: accessible, escaped, titles instead of names; the CLI command."""

from __future__ import annotations

from pathlib import Path

from core.disclosure import write_disclosure
from core.runtime.bootstrap import Environment
from core.services.accounts import AccountService


def test_page_lists_published_accounts_with_titles_not_names(demo_env: Environment, tmp_path: Path) -> None:
    written = write_disclosure(demo_env.store, tmp_path / "out", page_url="https://www.city.example/sns")
    html = written.page.read_text(encoding="utf-8")
    assert '<html lang="ja">' in html
    assert "@josokoiki.koho" in html
    assert "mihon_kosodate" not in html  # preparing, not filed: not published
    for name in ("佐藤", "鈴木", "高橋", "伊藤", "田中", "渡辺"):
        assert name not in html
    assert "Head of 秘書広報課" in html or "秘書広報課" in html
    assert 'scope="row"' in html
    profile = written.profiles[0].read_text(encoding="utf-8")
    assert "公式アカウント" in profile
    assert "https://www.city.example/sns" in profile


def test_html_is_escaped(sqlite_env: Environment, tmp_path: Path) -> None:
    from tests.support.accounts import Org

    org = Org(sqlite_env)
    AccountService(org.store, org.admin).update(
        org.account,
        platform="x",
        handle="@josokoiki.koho",
        display_name="<script>alert(1)</script>",
        department_id=None,
        url="https://x.com/josokoiki.koho",
        verified=True,
    )
    org.accounts.file(org.account)
    html = write_disclosure(org.store, tmp_path).page.read_text(encoding="utf-8")
    assert "<script>" not in html
    assert "&lt;script&gt;" in html


def test_cli_disclosure(data_dir: Path, tmp_path: Path, capsys) -> None:
    import app

    assert app.main(["--data-dir", str(data_dir), "demo"]) == 0
    assert app.main(["--lang", "en", "--data-dir", str(data_dir), "disclosure", "--out", str(tmp_path / "site")]) == 0
    assert (tmp_path / "site" / "official-accounts.html").exists()
    assert "profile texts" in capsys.readouterr().out


def test_page_names_platforms_by_their_display_name_never_the_raw_id(demo_env: Environment, tmp_path: Path) -> None:
    import re
    from html.parser import HTMLParser

    from core.platforms.facts import Platform

    class Texts(HTMLParser):
        def __init__(self) -> None:
            super().__init__()
            self.texts: list[str] = []

        def handle_data(self, data: str) -> None:
            if data.strip():
                self.texts.append(data.strip())

    page = write_disclosure(demo_env.store, tmp_path).page.read_text(encoding="utf-8")
    parser = Texts()
    parser.feed(page)
    raw_ids = {p.value for p in Platform}
    # What a reader sees: no text is a bare id, and no heading carries one in its brackets.
    assert not [t for t in parser.texts if t in raw_ids]
    bracketed = set(re.findall(r"[（(]([^）)]+)[）)]", " ".join(parser.texts)))
    assert not bracketed & raw_ids
    # The demo publishes X, LINE, Facebook and Bluesky accounts: each appears by name.
    for name in ("（X）", "（LINE）", "（Facebook）", "（Bluesky）"):
        assert name in page
