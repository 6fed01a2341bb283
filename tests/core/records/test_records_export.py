"""Bulk output for filing and the incident report: PDFs named by 文書番号, index.csv, the CLI's exit codes."""

from __future__ import annotations

import csv
import re
from datetime import date, timedelta
from pathlib import Path

import pytest

import app
from core import i18n
from core.incidents.model import IncidentKind, StepKind
from core.records.export import export_records
from core.records.incident_report import write_incident_report
from core.runtime.bootstrap import Environment
from core.services.incidents import IncidentService
from tests.core.records.test_records_pdf import pdftotext, returned_then_approved
from tests.support.world import World


@pytest.fixture(autouse=True)
def _japanese() -> None:
    i18n.set_language("ja")


def _today() -> date:
    return date.today()


def test_a_period_gives_one_pdf_per_approved_draft_and_an_index(world: World, tmp_path: Path) -> None:
    returned_then_approved(world)
    world.submitted(world.op1, "まだ決裁されていない")  # awaiting a decision: not filed
    result = export_records(world.store, _today() - timedelta(days=1), _today(), tmp_path / "filing")
    assert [p.name for p in result.files] == ["第1号.pdf"]
    with result.index.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0][0] == "文書番号"
    assert rows[1][0] == "第1号"
    assert rows[1][-1] == "第1号.pdf"
    assert "市民の日のお知らせ" in rows[1]
    # A period that ended before the approval holds nothing, and says so with an index of headers only.
    empty = export_records(world.store, date(2020, 4, 1), date(2021, 3, 31), tmp_path / "old")
    assert empty.files == ()


def _incident(env: Environment, world: World) -> int:
    service = IncidentService(env.store, world.admin)
    incident = service.report(
        IncidentKind.IMPERSONATION,
        "見本市長を名乗る偽アカウント",
        account_ids=[world.account],
        description="市民から通報",
    )
    service.add_step(incident, StepKind.REPORTED_TO_SECTION, counterpart="秘書広報課長", note="電話で報告")
    service.add_step(incident, StepKind.POLICE_CONSULTED, counterpart="見本警察署", reference="受理番号 123")
    service.add_evidence(incident, label="偽アカウントの画面", url="https://x.com/fake", text="見本市長です（偽）")
    return incident


def test_the_incident_report_holds_the_timeline_and_the_evidence_hashes(
    env: Environment, world: World, tmp_path: Path
) -> None:
    incident = _incident(env, world)
    out = write_incident_report(env.store, incident, tmp_path / "incident.pdf")
    text = re.sub(r"\s+", "", pdftotext(out))
    for word in ("インシデント報告書", "見本市長を名乗る偽アカウント", "秘書広報課長", "見本警察署", "受理番号123"):
        assert word in text, word
    # The timeline in the order it happened: discovery, 管理課, police, evidence.
    assert (
        text.index("市民から通報")
        < text.index("秘書広報課長")
        < text.index("見本警察署")
        < text.index("偽アカウントの画面")
    )
    from core.services.incidents import load_incident

    evidence = load_incident(env.store, incident).evidence[0]
    assert evidence.sha256 in text
    assert "管理一郎" in text  # who did what


def test_cli_exports_and_refuses_clearly(env: Environment, world: World, tmp_path: Path, capsys) -> None:
    incident = _incident(env, world)
    returned_then_approved(world)
    base = ["--lang", "en", "--data-dir", str(env.paths.data), "--database-url", env.database_url]
    out = tmp_path / "r.pdf"
    assert app.main([*base, "incident", "export", str(incident), "--out", str(out)]) == 0
    assert out.read_bytes().startswith(b"%PDF")
    assert app.main([*base, "incident", "export", "999", "--out", str(tmp_path / "x.pdf")]) == 2
    assert "999" in capsys.readouterr().err
    assert app.main([*base, "incident", "export", str(incident), "--out", str(tmp_path)]) == 2
    assert "folder" in capsys.readouterr().err
    assert not (tmp_path / "x.pdf").exists()
    day = _today().isoformat()
    folder = tmp_path / "filing"
    assert app.main([*base, "records", "export", "--from", day, "--to", day, "--out", str(folder)]) == 0
    assert sorted(p.name for p in folder.iterdir()) == ["index.csv", "第1号.pdf"]
    assert app.main([*base, "records", "export", "--from", day, "--to", "2020-01-01", "--out", str(folder)]) == 2
    blocked = tmp_path / "a-file"
    blocked.write_text("x", encoding="utf-8")
    assert app.main([*base, "records", "export", "--from", day, "--to", day, "--out", str(blocked / "sub")]) == 2
    assert str(blocked) in capsys.readouterr().err
    with pytest.raises(SystemExit) as refused:  # argparse: a usage error, one line, exit 2
        app.main([*base, "records", "export", "--from", "2026-13-01", "--to", day, "--out", str(folder)])
    assert refused.value.code == 2
    assert "2026-13-01" in capsys.readouterr().err
