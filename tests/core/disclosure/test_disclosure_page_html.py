"""The public page is valid, accessible HTML: strict HTML5 parse, headings, captions, lang, update date, history."""

from __future__ import annotations

import re
from pathlib import Path

import html5lib
import pytest

from core import i18n
from core.accounts.continuation import DeletionMethod
from core.disclosure import write_disclosure
from core.organization.identity import current_login
from core.runtime.bootstrap import Environment
from core.services.account_lifecycle import AccountLifecycleService
from core.services.accounts import AccountService, account_detail
from core.services.staff import actor_for_staff, find_by_login

NS = {"h": "http://www.w3.org/1999/xhtml"}


@pytest.fixture(autouse=True)
def _japanese() -> None:
    i18n.set_language("ja")


def _page(env: Environment, tmp_path: Path) -> str:
    me = find_by_login(env.store, current_login())
    assert me is not None
    accounts = AccountService(env.store, actor_for_staff(env.store, me.id, env.terminal.uid))
    # joso:7(2): stopped at once with its reason, then recorded as deleted — it moves to the history.
    lifecycle = AccountLifecycleService(env.store, actor_for_staff(env.store, me.id, env.terminal.uid))
    lifecycle.stop_now(5, "事業の終了")
    lifecycle.record_deletion(5, DeletionMethod.MANUAL)
    info = account_detail(env.store, 1).info
    accounts.update(
        1,
        platform=info.platform,
        handle=info.handle,
        display_name=info.display_name,
        department_id=info.department_id,
        url=info.url,
        verified=True,
    )
    return write_disclosure(env.store, tmp_path).page.read_text(encoding="utf-8")


def test_the_page_parses_as_strict_html5_with_its_structure(demo_env: Environment, tmp_path: Path) -> None:
    page = _page(demo_env, tmp_path)
    parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=True)
    root = parser.parse(page)  # raises on any parse error
    assert parser.errors == []
    assert root.get("lang") == "ja"
    assert root.find(".//h:head/h:title", NS) is not None
    assert len(root.findall(".//h:h1", NS)) == 1
    for section in root.findall(".//h:section", NS):
        heading = section.find("h:h2", NS)
        assert heading is not None
        assert section.get("aria-labelledby") == heading.get("id")
    tables = root.findall(".//h:table", NS)
    assert tables
    for table in tables:
        caption = table.find("h:caption", NS)
        assert caption is not None
        assert (caption.text or "").strip()
        assert all(th.get("scope") in ("row", "col") for th in table.iter(f"{{{NS['h']}}}th"))
    # A class the page hides must be defined in its style sheet (else the caption shows twice).
    assert re.search(r"\.visually-hidden\s*\{[^}]*clip", page)


def test_the_page_states_update_verification_and_the_withdrawn(demo_env: Environment, tmp_path: Path) -> None:
    page = _page(demo_env, tmp_path)
    assert re.search(r"最終更新日: <time datetime=\"\d{4}-\d{2}-\d{2}\">\d{4}年\d{1,2}月\d{1,2}日</time>", page)
    assert "認証済み" in page
    assert "サービスによる認証なし" in page
    history = page[page.index("運用を終了したアカウント") :]
    assert "@josokoiki.bousai" in history
    assert "@josokoiki.bousai" not in page[: page.index("運用を終了したアカウント")]
    assert "visually-hidden" in page
    assert "（x）" not in page
    assert "（line）" not in page
