"""What the start pays for before the first screen is usable (issue 21; figures: tests/bench/bench_startup.py).

A real ``app.py`` process, started as the benchmark starts it — the demo data, the OS
login a supervisor and operator, so the start screen is 予定 — must reach a usable
first screen without importing the libraries that only later work needs.
"""

from __future__ import annotations

import argparse
import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from cli.main import build_parser, gui_options
from core.organization.identity import current_login
from core.organization.roles import Role
from core.runtime.bootstrap import Environment
from core.runtime.resources import resource_path
from core.services.organization import list_departments
from core.services.staff import StaffService, actor_for
from gui import i18n as gui_i18n

ROOT = Path(__file__).resolve().parents[2]

# Imported by later work only: documents, templates, Japanese analysis, the platforms' clients,
# images, migrations, the keyring, key handling, the checks' libraries, PostgreSQL (the start is on SQLite).
HEAVY = (
    "fpdf",
    "fontTools",
    "jinja2",
    "sudachipy",
    "sudachidict_core",
    "httpx",
    "httpcore",
    "mastodon",
    "atproto",
    "PIL",
    "cv2",
    "numpy",
    "alembic",
    "keyring",
    "secretstorage",
    "jeepney",
    "cryptography",
    "phonenumbers",
    "regex",
    "zxcvbn",
    "rapidfuzz",
    "psycopg",
    "smtplib",
)

# KohoGate's own use cases the 予定 screen does not need: the drafts' (writing, the checks), the incidents',
# the accounts' and the organization's. Each took its share of the start's imports before (issue 21).
LATER = (
    "core.services.drafts",
    "core.services.incidents",
    "core.services.accounts",
    "core.services.organization",
    "core.composer",
    "core.checks",
)

# Wraps gui.application.usable (the benchmark's "usable" mark): the modules loaded when it first holds.
PROBE = """
import json, sys
import gui.application as application

seen = {}
is_usable = application.usable


def probe(window):
    ready = is_usable(window)
    if ready and not seen:
        seen["modules"] = sorted(sys.modules)
        seen["screen"] = type(window.stack.currentWidget()).__name__
    return ready


application.usable = probe
import app

code = app.main(["--data-dir", sys.argv[1]])
print("PROBE " + json.dumps(seen))
sys.exit(code)
"""


def _as_supervisor(env: Environment) -> None:
    """The OS login decides and writes for 秘書広報課 (as in bench_startup.py)."""
    me = actor_for(env.store, current_login(), env.terminal.uid)
    assert me is not None
    staff = StaffService(env.store, me)
    staff.set_department(me.staff_id, next(d.id for d in list_departments(env.store) if d.name == "秘書広報課"))
    staff.set_roles(me.staff_id, [Role.SUPERVISOR, Role.OPERATOR])


def _started(data_dir: Path) -> dict[str, object]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", KOHOGATE_BENCH_STARTUP="1", KOHOGATE_LANG="ja")
    result = subprocess.run(
        [sys.executable, "-c", PROBE, str(data_dir)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    line = next(line for line in result.stdout.splitlines() if line.startswith("PROBE "))
    found: dict[str, object] = json.loads(line.removeprefix("PROBE "))
    return found


def test_the_first_screen_is_usable_before_any_heavy_library_is_imported(demo_env: Environment) -> None:
    _as_supervisor(demo_env)
    found = _started(demo_env.paths.data)
    assert found["screen"] == "CalendarScreen"  # 予定, the supervisor's start screen
    modules = set(found["modules"])  # type: ignore[call-overload]
    assert "sqlalchemy.orm" in modules  # the probe saw a start that read the database
    loaded = sorted(name for name in HEAVY + LATER if name in modules or any(m.startswith(name + ".") for m in modules))
    assert loaded == [], f"imported before the first screen is usable: {loaded}"


@pytest.mark.parametrize(
    "argv",
    [
        [],
        ["--data-dir", "x"],
        ["--data-dir=x", "--lang", "en"],
        ["--lang", "ja", "--lang=en"],  # the last one counts
        ["--database-url", "sqlite:///a.db", "--data-dir=", "--data-dir", "y"],
        ["--data-dir=-dash"],
    ],
)
def test_the_guis_options_are_what_the_full_parser_returns(argv: list[str]) -> None:
    quick = gui_options(argv)
    assert isinstance(quick, argparse.Namespace)
    assert vars(quick) == vars(build_parser().parse_args(argv))


@pytest.mark.parametrize(
    "argv",
    [
        ["demo"],
        ["--data-dir", "x", "db", "current"],
        ["--lang", "fr"],  # refused by the full parser, in its words
        ["--lang="],
        ["--data-dir"],
        ["--data-dir", "--lang", "ja"],
        ["--data", "x"],  # an abbreviation argparse would accept: its to judge
        ["-h"],
        ["--help"],
        ["--version"],
        ["--", "x"],
    ],
)
def test_anything_but_global_options_goes_to_the_full_parser(argv: list[str]) -> None:
    assert gui_options(argv) is None


def test_without_a_cache_folder_translations_compile_into_a_folder_of_this_process(qapp: QApplication) -> None:
    # A data folder on a share has no private cache; the .qm files must not come from the shared
    # temporary folder, where another account could have left one of the expected name.
    used = gui_i18n.install_translations(qapp, "ja", None)
    try:
        assert used
        for qm in used:
            if qm.parent == resource_path("i18n"):
                continue  # shipped next to its source (a bundle)
            assert qm.parent.name.startswith("kohogate-i18n-"), qm
            assert stat.S_IMODE(qm.parent.stat().st_mode) == 0o700
    finally:
        gui_i18n.install_translations(qapp, "en", None)
