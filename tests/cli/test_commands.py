"""``app.py demo`` and the command line."""

from __future__ import annotations

from pathlib import Path

import pytest

import app
from core import __version__
from core.audit.verify import verify_chain
from core.demo.data import fill_demo
from core.errors import Conflict
from core.lifecycle.states import DraftState
from core.runtime.bootstrap import Environment
from core.services.drafts import DraftFilter, count_drafts


def test_demo_has_drafts_in_every_state_and_a_valid_chain(env: Environment) -> None:
    counts = fill_demo(env)
    assert counts["drafts"] >= len(DraftState)
    for state in DraftState:
        assert count_drafts(env.store, DraftFilter(state=state)) >= 1, state
    assert verify_chain(env.store).ok


def test_demo_refuses_a_database_in_use(demo_env: Environment) -> None:
    with pytest.raises(Conflict):
        fill_demo(demo_env)


def test_cli_demo_then_verify(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert app.main(["--data-dir", str(data_dir), "--lang", "en", "demo"]) == 0
    assert "Demo data written" in capsys.readouterr().out
    assert app.main(["--data-dir", str(data_dir), "audit", "verify"]) == 0
    assert app.main(["--data-dir", str(data_dir), "--lang", "ja", "demo"]) == 1
    assert "既にデータベース" in capsys.readouterr().err


def test_version_and_help(capsys: pytest.CaptureFixture[str]) -> None:
    # In process: the script's own exit code is pinned once, by tests/cli/test_errors.py's usage error.
    assert app.main(["--version"]) == 0  # answered before the parser is built (tests/cli/test_lean_commands.py)
    assert __version__ in capsys.readouterr().out
    with pytest.raises(SystemExit) as help_:
        app.main(["--lang", "ja", "--help"])
    assert help_.value.code == 0
    assert "監査記録" in capsys.readouterr().out


def test_db_upgrade_command(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert app.main(["--data-dir", str(data_dir), "db", "upgrade"]) == 0
    from core.storage.migrate import SCHEMA_HEAD

    assert SCHEMA_HEAD in capsys.readouterr().out


def test_bad_database_url_is_one_line_not_a_traceback(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert app.main(["--data-dir", str(data_dir), "--database-url", "mysql://x/y", "audit", "verify"]) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert "PostgreSQL" in err


def test_unreachable_postgres_is_a_plain_message(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    url = "postgresql://nobody@127.0.0.1:1/none?connect_timeout=2"
    assert app.main(["--lang", "en", "--data-dir", str(data_dir), "--database-url", url, "audit", "verify"]) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert "cannot be reached" in err


def test_every_event_in_the_demo_has_a_name_for_people(demo_env: Environment) -> None:
    from core.audit.events import event_label
    from core.services.audit_log import query_audit

    rows = query_audit(demo_env.store, limit=10_000)
    unnamed = sorted({r.event for r in rows if event_label(r.event) == r.event})
    assert unnamed == []
    assert all(r.local_time[:4].isdigit() for r in rows)
    assert any(r.actor_name == "佐藤 花子" for r in rows)


def test_every_event_the_code_records_has_a_name_for_people() -> None:
    """Not only the demo's: an event written only on a rare path must not show as a raw id."""
    import re
    from pathlib import Path

    from core.audit.events import event_label

    root = Path(__file__).resolve().parents[2] / "core"
    pattern = re.compile(r'(?:self\.record|chain\.append)\(\s*session,\s*(?:[\w.]+,\s*)?"([a-z_]+\.[a-z_]+)"')
    events = {m.group(1) for path in root.rglob("*.py") for m in pattern.finditer(path.read_text(encoding="utf-8"))}
    assert len(events) > 40, "the pattern no longer finds the recorded events"
    assert sorted(e for e in events if event_label(e) == e) == []
