"""Commands load only what they use: `--version` parses no translations, `check --profile` opens no database."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import app
from cli.main import asks_for_version
from core import __version__, i18n

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["--version"], True),
        (["--lang", "ja", "--version"], True),
        (["--data-dir=/tmp/x", "--database-url", "sqlite://", "--version"], True),
        (["check", "--version"], False),  # the check command has no --version: argparse reports it
        (["-h", "--version"], False),  # help comes first, as argparse does it
        (["--lang"], False),
        ([], False),
    ],
)
def test_version_is_recognised_only_among_the_global_options(argv: list[str], expected: bool) -> None:
    assert asks_for_version(argv) is expected


def test_version_parses_no_translation_file(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def refuse(_path: Path) -> dict[tuple[str, str], str]:
        raise AssertionError("--version parsed a translation file")

    monkeypatch.setattr(i18n, "parse_ts", refuse)
    monkeypatch.setattr(i18n, "_catalogs", {})
    assert app.main(["--lang", "ja", "--version"]) == 0
    assert capsys.readouterr().out == f"KohoGate {__version__}\n"


def test_check_with_a_profile_never_imports_the_database_layer(tmp_path: Path) -> None:
    draft = tmp_path / "draft.txt"
    draft.write_text("市民まつりのお知らせです。\n", encoding="utf-8")
    profile = tmp_path / "org.toml"
    profile.write_text('[organization]\nname = "見本市"\nown_domains = ["city.mihon.lg.jp"]\n', encoding="utf-8")
    code = (
        "import sys, app\n"
        "code = app.main(['--data-dir', sys.argv[1], 'check', '--profile', sys.argv[2], sys.argv[3]])\n"
        "loaded = sorted(m for m in sys.modules if m.split('.')[0] in ('sqlalchemy', 'alembic', 'psycopg')"
        " or m.startswith('core.storage'))\n"
        "print(loaded)\n"
        "sys.exit(10 + code if loaded else code)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, str(tmp_path / "data"), str(profile), str(draft)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert not (tmp_path / "data" / "kohogate.db").exists()


def test_version_in_a_clean_interpreter_loads_no_translation_and_no_xml_parser() -> None:
    code = (
        "import sys, app\n"
        "from core import i18n\n"
        "code = app.main(['--lang', 'ja', '--version'])\n"
        "parsed = sorted(i18n._catalogs) + [m for m in sys.modules if m.startswith('xml.etree')]\n"
        "print(parsed)\n"
        "sys.exit(10 + code if parsed else code)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.startswith(f"KohoGate {__version__}\n")


def test_a_translated_command_does_parse_them_in_a_clean_interpreter() -> None:
    """The probe above can fail: a command that prints Japanese loads the catalogue and the parser."""
    code = (
        "import sys, app\n"
        "from core import i18n\n"
        "try:\n"
        "    app.main(['--lang', 'ja', 'check', '--help'])\n"
        "except SystemExit:\n"
        "    pass\n"
        "print(sorted(i18n._catalogs), 'xml.etree.ElementTree' in sys.modules)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120, check=False
    )
    assert result.stdout.splitlines()[-1] == "['ja'] True", result.stdout + result.stderr
