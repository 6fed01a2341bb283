"""The public warning after an impersonation or a hijack: named accounts, the real ones, valid accessible HTML.

Validity is checked by the W3C Nu Html Checker (``vnu.jar``, installed by
``tools/html_check_setup.sh``), not by a parser written here.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest

from core.disclosure.notice import render_notice, write_notice
from core.errors import InvalidInput
from core.i18n import set_language
from core.incidents.model import IncidentKind, StepKind
from core.runtime.bootstrap import Environment
from core.services.incidents import IncidentService, incident_notice, load_incident
from tests.support.publishing import PubWorld

VNU = Path(
    os.environ.get("KOHOGATE_HTML_CHECK_DIR", Path.home() / ".cache" / "kohogate-ci" / "html-check"),
    "node_modules",
    "vnu-jar",
    "build",
    "dist",
    "vnu.jar",
)


@pytest.fixture
def pub(sqlite_env: Environment) -> PubWorld:
    return PubWorld(sqlite_env)


def impersonation(pub: PubWorld) -> int:
    desk = IncidentService(pub.store, pub.op)
    incident = desk.report(IncidentKind.IMPERSONATION, "偽アカウント", account_ids=[pub.ids["x"]])
    desk.add_suspect(incident, "x", "@clty_koho", display_name="<b>見本市公式</b>", url="https://x.com/clty_koho")
    return incident


class Outline(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.headings: list[int] = []
        self.links: list[str] = []
        self.lang = ""
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "html":
            self.lang = dict(attrs).get("lang") or ""
        if len(tag) == 2 and tag[0] == "h" and tag[1].isdigit():
            self.headings.append(int(tag[1]))
        if tag == "a":
            self.links.append(dict(attrs).get("href") or "")

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def test_the_notice_names_the_impersonator_as_text_and_the_real_accounts_as_links(pub: PubWorld) -> None:
    set_language("ja")
    html = render_notice(incident_notice(pub.store, impersonation(pub), page_url="https://city.example/sns"))
    outline = Outline()
    outline.feed(html)
    assert outline.lang == "ja"
    assert outline.headings[0] == 1
    assert outline.headings.count(1) == 1
    assert all(b - a <= 1 for a, b in zip(outline.headings, outline.headings[1:], strict=False))  # no level skipped
    text = "".join(outline.text)
    assert "@clty_koho" in text
    assert "https://x.com/clty_koho" in text
    assert "https://x.com/clty_koho" not in outline.links  # never a link to the impersonator
    assert "https://x.com/city_koho" in outline.links  # the real one is
    assert "https://city.example/sns" in outline.links
    assert "&lt;b&gt;" in html  # escaped
    assert "#9110" in text  # what residents should do
    assert "なりすまし" in text


@pytest.mark.skipif(not VNU.exists() or shutil.which("java") is None, reason="run tools/html_check_setup.sh (vnu.jar)")
@pytest.mark.parametrize("kind", [IncidentKind.IMPERSONATION, IncidentKind.HIJACK])
def test_the_nu_html_checker_finds_no_error(pub: PubWorld, tmp_path: Path, kind: IncidentKind) -> None:
    set_language("ja")
    if kind is IncidentKind.IMPERSONATION:
        incident = impersonation(pub)
    else:
        incident = IncidentService(pub.store, pub.op).report(kind, "乗っ取り", account_ids=[pub.ids["line"]])
    page = write_notice(incident_notice(pub.store, incident), tmp_path / "notice.html")
    result = subprocess.run(
        ["java", "-jar", str(VNU), "--format", "json", "--also-check-css", str(page)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    messages = json.loads(result.stderr or result.stdout)["messages"]
    assert [m for m in messages if m.get("type") == "error"] == []
    assert [m for m in messages if m.get("subType") == "warning"] == []


def test_a_notice_needs_a_named_account_and_a_kind_that_has_one(pub: PubWorld) -> None:
    desk = IncidentService(pub.store, pub.op)
    bare = desk.report(IncidentKind.IMPERSONATION, "偽")
    with pytest.raises(InvalidInput):
        incident_notice(pub.store, bare)
    threat = desk.report(IncidentKind.THREAT, "脅迫", account_ids=[pub.ids["x"]])
    with pytest.raises(InvalidInput):
        incident_notice(pub.store, threat)


def test_cli_writes_the_notice_records_publication_and_refuses_bad_input(
    pub: PubWorld,
    data_dir: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    from cli.main import main

    incident = impersonation(pub)
    base = ["--data-dir", str(data_dir), "--lang", "en", "incident", "notice"]
    out = tmp_path / "site" / "notice.html"
    assert main([*base, str(incident), "--out", str(out)]) == 0
    assert "@clty_koho" in out.read_text(encoding="utf-8")
    assert load_incident(pub.store, incident).steps == ()  # writing is not publishing
    monkeypatch.setattr("core.organization.identity._os_login", lambda: pub.op.login)
    url = "https://www.city.example/news/notice-1.html"
    assert main([*base, str(incident), "--out", str(out), "--published", url]) == 0
    (step,) = load_incident(pub.store, incident).steps
    assert (step.kind, step.reference) == (StepKind.NOTICE_PUBLISHED, url)
    capsys.readouterr()
    assert main([*base, "999", "--out", str(out)]) == 2
    assert "999" in capsys.readouterr().err
    assert main([*base, str(incident), "--out", str(tmp_path)]) == 2  # a folder
    blocker = tmp_path / "file"
    blocker.write_text("x")
    assert main([*base, str(incident), "--out", str(blocker / "notice.html")]) == 2  # parent is a file
