"""Every failure of ``app.py`` is one plain line in the user's language, never a traceback.

Japanese is the default; the English runs also pin the reason. Japanese runs
check what does not depend on the translation files: exit code, one line, the
path named, and no raw Python text (``[Errno 2]``, ``Expecting value``).
"""

from __future__ import annotations

import argparse
import errno
import io
import os
import subprocess
import sys
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

import pytest
from sqlalchemy.exc import DatabaseError, OperationalError

import app
from cli import commands
from cli.commands import EXIT_FAILED
from core import i18n
from core.errors import KohoGateError, explain, one_line
from tests.support.templates import TEMPLATES_ON

ROOT = Path(__file__).resolve().parents[2]
LANGS = ["ja", "en"]
HAS_PROC = Path("/proc/self").exists()
RAW_PYTHON_TEXT = ("Traceback", "[Errno", "Expecting value", "OperationalError", "DatabaseError")


@pytest.fixture
def data_dir(tmp_path: Path, migrated_sqlite: Path) -> Path:
    """A data folder whose database is already at the schema head: what the first command would have made.

    Copied from the session's template instead of migrated by each case; these tests are about the
    messages, and the migrations' own tests (and the template, built by them) cover a fresh folder.
    """
    from core.runtime.paths import DATABASE_FILE
    from tests.support.templates import migrated_sqlite_at

    folder = tmp_path / "data"
    migrated_sqlite_at(migrated_sqlite, folder / DATABASE_FILE)
    return folder


def run_cli(data_dir: Path, lang: str, *argv: str) -> subprocess.CompletedProcess[str]:
    """``app.py`` called in this process: what the person sees on stdout/stderr and the exit code.

    An exception nobody turned into a message escapes ``app.main`` and fails
    the test, as a traceback would in the script; the script itself runs in
    :func:`run_script`.
    """
    if not TEMPLATES_ON:  # timing the suite as it was: a process per case
        return run_script(data_dir, lang, *argv)
    args = ["--lang", lang, "--data-dir", str(data_dir), *argv]
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        try:
            code = app.main(args)
        except SystemExit as exit_:
            code = exit_.code if isinstance(exit_.code, int) else EXIT_FAILED
    return subprocess.CompletedProcess(args, code, out.getvalue(), err.getvalue())


def run_script(data_dir: Path, lang: str, *argv: str) -> subprocess.CompletedProcess[str]:
    """The real ``app.py`` in a new process (interpreter start, ``sys.exit`` and all)."""
    return subprocess.run(
        [sys.executable, "app.py", "--lang", lang, "--data-dir", str(data_dir), *argv],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )


def assert_one_plain_line(result: subprocess.CompletedProcess[str], code: int, *named: str) -> str:
    assert result.returncode == code, result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    for raw in RAW_PYTHON_TEXT:
        assert raw not in result.stderr
    for text in named:
        assert text in result.stderr
    return lines[0]


@pytest.fixture
def a_file(tmp_path: Path) -> Path:
    path = tmp_path / "notes.txt"
    path.write_text("just some text\n", encoding="utf-8")
    return path


@pytest.fixture
def a_folder(tmp_path: Path) -> Path:
    path = tmp_path / "a folder"
    path.mkdir()
    return path


# -- 1. output paths and the data folder --


@pytest.mark.parametrize("lang", LANGS)
def test_audit_export_into_an_existing_folder(data_dir: Path, a_folder: Path, lang: str) -> None:
    line = assert_one_plain_line(run_cli(data_dir, lang, "audit", "export", "--out", str(a_folder)), 1, str(a_folder))
    assert ".tmp" not in line  # the folder the user named, not the temporary file
    if lang == "en":
        assert line == f"Error: {a_folder} is a folder, not a file."


@pytest.mark.parametrize("lang", LANGS)
def test_audit_export_below_a_file(data_dir: Path, a_file: Path, lang: str) -> None:
    result = run_cli(data_dir, lang, "audit", "export", "--out", str(a_file / "a.csv"))
    line = assert_one_plain_line(result, 1, str(a_file))
    if lang == "en":
        assert line == f"Error: {a_file} is a file, not a folder."


@pytest.mark.skipif(not HAS_PROC, reason="needs /proc (Linux)")
@pytest.mark.parametrize("lang", LANGS)
def test_audit_export_where_no_folder_can_be_made(data_dir: Path, lang: str) -> None:
    line = assert_one_plain_line(run_cli(data_dir, lang, "audit", "export", "--out", "/proc/x/a.csv"), 1, "/proc/x")
    if lang == "en":
        assert line == "Error: /proc/x does not exist. Check the path."


@pytest.mark.parametrize("lang", LANGS)
def test_disclosure_into_an_existing_file(data_dir: Path, a_file: Path, lang: str) -> None:
    line = assert_one_plain_line(run_cli(data_dir, lang, "disclosure", "--out", str(a_file)), 1, str(a_file))
    if lang == "en":
        assert line == f"Error: {a_file} is a file, not a folder."


@pytest.mark.skipif(not HAS_PROC, reason="needs /proc (Linux)")
def test_disclosure_where_no_folder_can_be_made(data_dir: Path) -> None:
    line = assert_one_plain_line(run_cli(data_dir, "en", "disclosure", "--out", "/proc/x"), 1, "/proc/x")
    assert "does not exist" in line


@pytest.mark.parametrize("lang", LANGS)
def test_data_dir_that_is_a_file(a_file: Path, lang: str) -> None:
    line = assert_one_plain_line(run_cli(a_file, lang, "audit", "verify"), 1, str(a_file))
    if lang == "en":
        assert line == f"Error: {a_file} is a file, not a folder."


# -- 1 and 2. databases --


@pytest.mark.parametrize("lang", LANGS)
def test_sqlite_file_that_is_not_a_database(data_dir: Path, a_file: Path, lang: str) -> None:
    result = run_cli(data_dir, lang, "--database-url", f"sqlite:///{a_file.as_posix()}", "audit", "verify")
    line = assert_one_plain_line(result, 1, str(a_file))
    if lang == "en":
        assert line == f"Error: {a_file} is not an SQLite database file."
    assert a_file.read_text(encoding="utf-8") == "just some text\n"


@pytest.mark.parametrize("lang", LANGS)
def test_sqlite_path_that_is_a_folder(data_dir: Path, a_folder: Path, lang: str) -> None:
    result = run_cli(data_dir, lang, "--database-url", f"sqlite:///{a_folder.as_posix()}", "audit", "verify")
    line = assert_one_plain_line(result, 1, str(a_folder))
    if lang == "en":
        assert line == f"Error: The database path {a_folder} is a folder, not a database file."
        assert "network" not in line


def test_check_names_the_database_that_is_not_one(data_dir: Path, a_file: Path, tmp_path: Path) -> None:
    draft = tmp_path / "draft.txt"
    draft.write_text("本日は晴天です。", encoding="utf-8")
    result = run_cli(data_dir, "en", "--database-url", f"sqlite:///{a_file.as_posix()}", "check", str(draft))
    line = assert_one_plain_line(result, 2, str(a_file))
    assert "is not an SQLite database file" in line


@pytest.mark.parametrize("lang", LANGS)
def test_refused_postgres_connection_names_the_server_not_the_password(data_dir: Path, lang: str) -> None:
    url = "postgresql://kohogate:s3cret-pw@127.0.0.1:1/city?connect_timeout=5"
    line = assert_one_plain_line(run_cli(data_dir, lang, "--database-url", url, "audit", "verify"), 1)
    assert "127.0.0.1:1/city" in line
    assert "s3cret-pw" not in line
    if lang == "en":
        assert "cannot be reached: it refused the connection" in line


@pytest.mark.postgres
def test_missing_postgres_database_is_named(data_dir: Path) -> None:
    from sqlalchemy.engine import make_url

    base = os.environ.get("KOHOGATE_TEST_DATABASE_URL")
    if not base:
        pytest.skip("needs KOHOGATE_TEST_DATABASE_URL")
    url = make_url(base).set(database="kohogate_no_such_database")
    result = run_cli(data_dir, "en", "--database-url", url.render_as_string(hide_password=False), "audit", "verify")
    line = assert_one_plain_line(result, 1, "/kohogate_no_such_database")
    assert "does not exist on the server" in line


def _pg_error(text: str) -> OperationalError:
    import psycopg

    return OperationalError("SELECT 1", {}, psycopg.OperationalError(text))


PG_REFUSED = (
    'connection failed: connection to server at "10.1.2.3", port 5433 failed: Connection refused\n'
    "\tIs the server running on that host and accepting TCP/IP connections?"
)
PG_CASES = [
    (PG_REFUSED, "it refused the connection", "10.1.2.3:5433"),
    ("failed to resolve host 'db.city.invalid': [Errno -2] Name or service not known", "host name is unknown", ""),
    (
        'connection failed: connection to server at "10.1.2.3", port 5432 failed: '
        'FATAL:  password authentication failed for user "kohogate"',
        "was refused: check the user name and the password",
        "kohogate@10.1.2.3:5432",
    ),
    (
        'connection failed: connection to server at "10.1.2.3", port 5432 failed: FATAL:  role "nobody" does not exist',
        "was refused: check the user name and the password",
        "nobody@10.1.2.3:5432",
    ),
    (
        'connection failed: connection to server at "10.1.2.3", port 5432 failed: '
        'FATAL:  database "city" does not exist',
        "does not exist on the server",
        "10.1.2.3:5432/city",
    ),
    (
        'connection failed: connection to server at "10.1.2.3", port 5432 failed: timeout expired',
        "no answer in time",
        "10.1.2.3:5432",
    ),
    (
        'connection failed: connection to server at "10.1.2.3", port 5432 failed: FATAL:  no pg_hba.conf entry '
        'for host "10.9.9.9", user "kohogate", database "city", no encryption',
        "pg_hba.conf",
        "10.1.2.3:5432",
    ),
]


@pytest.mark.parametrize(("driver_text", "reason", "where"), PG_CASES)
def test_postgres_failures_are_told_apart(driver_text: str, reason: str, where: str) -> None:
    url = "postgresql://kohogate:s3cret-pw@db.city.invalid:5432/city"
    known = explain(_pg_error(driver_text), database_url=url)
    assert known is not None
    assert reason in known.message
    assert "kohogate@db.city.invalid:5432/city" in known.message  # from the URL, password masked
    assert "s3cret-pw" not in str(known)
    # Without the URL (the GUI's case) the driver's text still names the server.
    alone = explain(_pg_error(driver_text))
    assert alone is not None
    assert reason in alone.message
    assert where in alone.message


def test_the_technical_detail_is_the_drivers_first_line_without_passwords() -> None:
    url = "postgresql://kohogate:s3cret-pw@db.city.invalid/city"
    known = explain(_pg_error("server closed the connection unexpectedly\nmore text"), database_url=url)
    assert known is not None
    assert known.hint is not None
    assert "cannot be reached" in known.message
    assert known.hint.endswith("server closed the connection unexpectedly")
    leaky = explain(_pg_error("something odd near s3cret-pw"), database_url=url)
    assert leaky is not None
    assert leaky.hint is not None
    assert "s3cret-pw" not in leaky.hint
    assert leaky.hint.endswith("OperationalError")


def test_sqlite_problems_without_a_url_are_still_plain() -> None:
    import sqlite3

    not_db = explain(DatabaseError("PRAGMA journal_mode = WAL", {}, sqlite3.DatabaseError("file is not a database")))
    assert not_db is not None
    assert "not an SQLite database" in not_db.message
    cannot_open = explain(OperationalError("x", {}, sqlite3.OperationalError("unable to open database file")))
    assert cannot_open is not None
    assert "cannot be opened" in cannot_open.message
    assert "network" not in cannot_open.message
    # A programming error is a bug, not an environment problem: the crash dialog must see it.
    assert explain(DatabaseError("x", {}, sqlite3.IntegrityError("UNIQUE constraint failed: staff.os_login"))) is None


def test_os_errors_name_the_path() -> None:
    renamed = IsADirectoryError(errno.EISDIR, "Is a directory", "/d/.out.csv-x1.tmp", None, "/d/out.csv")
    assert (known := explain(renamed)) is not None
    assert known.message == "/d/out.csv is a folder, not a file."
    gone = explain(FileNotFoundError(errno.ENOENT, "No such file or directory", "/nowhere/x"))
    assert gone is not None
    assert gone.message == "/nowhere/x does not exist. Check the path."
    other = explain(OSError(errno.ENAMETOOLONG, "File name too long", "/d/" + "x" * 300))
    assert other is not None
    assert other.message.startswith("Cannot use /d/xxx")
    assert "File name too long" in other.message
    assert explain(ConnectionResetError(errno.ECONNRESET, "reset")) is None  # no path: nothing plain to say


def test_a_hint_stays_on_the_one_line(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    def failing(_args: argparse.Namespace) -> int:
        raise KohoGateError("The first part.", hint="The second part.")

    monkeypatch.setitem(commands.COMMANDS, "demo", failing)
    assert commands.dispatch(argparse.Namespace(command="demo", data_dir=None, database_url=None)) == 1
    assert capsys.readouterr().err == "Error: The first part. The second part.\n"
    assert one_line(KohoGateError("a\nb", hint="c")) == "a b c"


# -- 3. argparse speaks the user's language --

FAKE_JA = {
    "usage: ": "使い方: ",
    "positional arguments": "位置引数",
    "options": "オプション",
    "show this help message and exit": "このヘルプを表示して終了する",
    "show program's version number and exit": "バージョンを表示して終了する",
    "{prog}: error: {message} (see: {prog} --help)": "{prog}: エラー: {message}（使い方: {prog} --help）",
    "unrecognized arguments: {args}": "不明な引数です: {args}",
    "the following arguments are required: {args}": "次の引数が必要です: {args}",
    "argument {argument}: {message}": "引数 {argument}: {message}",
    "invalid choice: {value} (choose from {choices})": "{value} は選べません（選択肢: {choices}）",
}


@pytest.fixture
def ja_argparse(monkeypatch: pytest.MonkeyPatch) -> None:
    """Japanese with the argparse strings translated, whatever the .ts files hold today."""
    catalog = dict(i18n._catalog("ja"))
    catalog.update({(i18n.CORE_CONTEXT, en): ja for en, ja in FAKE_JA.items()})
    monkeypatch.setitem(i18n._catalogs, "ja", catalog)


def test_help_is_in_the_users_language(ja_argparse: None, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        app.main(["--lang", "ja", "--help"])
    assert exit_.value.code == 0
    out = capsys.readouterr().out
    for english in ("usage:", "positional arguments", "options:", "show this help message", "show program's"):
        assert english not in out
    for japanese in ("使い方: app.py", "位置引数:", "オプション:", "このヘルプを表示して終了する", "バージョンを表示"):
        assert japanese in out
    with pytest.raises(SystemExit):
        app.main(["--lang", "ja", "audit", "--help"])
    sub = capsys.readouterr().out
    assert "使い方: app.py audit" in sub
    assert "このヘルプを表示して終了する" in sub


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["--bogus"], "app.py: エラー: 不明な引数です: --bogus（使い方: app.py --help）"),
        (["audit"], "app.py audit: エラー: 次の引数が必要です: ACTION（使い方: app.py audit --help）"),
        (["--lang", "ja", "nonsense"], "app.py: エラー: 引数 COMMAND: 'nonsense' は選べません"),
    ],
)
def test_usage_errors_are_one_translated_line_with_exit_2(
    ja_argparse: None, capsys: pytest.CaptureFixture[str], argv: list[str], expected: str
) -> None:
    with pytest.raises(SystemExit) as exit_:
        app.main(["--lang", "ja", *argv])
    assert exit_.value.code == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert len(captured.err.splitlines()) == 1
    assert captured.err.startswith(expected)
    assert "usage" not in captured.err
    assert "error:" not in captured.err


def test_usage_error_as_a_script_in_english(data_dir: Path) -> None:
    result = run_script(data_dir, "en", "check")
    line = assert_one_plain_line(result, 2)
    assert line == "app.py check: error: the following arguments are required: FILE (see: app.py check --help)"


# -- 4. checkpoint files --


@pytest.mark.parametrize("lang", LANGS)
def test_missing_checkpoint_file(data_dir: Path, tmp_path: Path, lang: str) -> None:
    missing = tmp_path / "gone.json"
    result = run_cli(data_dir, lang, "audit", "verify", "--checkpoint", str(missing))
    line = assert_one_plain_line(result, 1, str(missing))
    assert "No such file" not in line
    if lang == "en":
        assert line == f"Error: The checkpoint file {missing} does not exist."


@pytest.mark.parametrize("lang", LANGS)
def test_checkpoint_file_that_is_not_json(data_dir: Path, a_file: Path, lang: str) -> None:
    result = run_cli(data_dir, lang, "audit", "verify", "--checkpoint", str(a_file))
    line = assert_one_plain_line(result, 1, str(a_file))
    if lang == "en":
        assert line == f"Error: {a_file} is not a KohoGate audit checkpoint."


def test_checkpoint_path_that_is_a_folder(data_dir: Path, a_folder: Path) -> None:
    line = assert_one_plain_line(
        run_cli(data_dir, "en", "audit", "verify", "--checkpoint", str(a_folder)), 1, str(a_folder)
    )
    assert line == f"Error: {a_folder} is a folder, not a checkpoint file."


# -- 5. `check` on a folder --


@pytest.mark.parametrize("lang", LANGS)
def test_check_on_a_folder_says_it_is_a_folder(data_dir: Path, a_folder: Path, lang: str) -> None:
    line = assert_one_plain_line(run_cli(data_dir, lang, "check", str(a_folder)), 2, str(a_folder))
    assert "File not found" not in line
    assert "見つかりません" not in line
    if lang == "en":
        assert line == f"error: {a_folder} is a folder, not a draft file."
