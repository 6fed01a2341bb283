"""Command line of ``app.py``: global options, then an optional command.

``app.py [--data-dir DIR] [--database-url URL] [--lang ja|en] [COMMAND ...]``.
Without a command the GUI opens (``app.py`` imports it lazily); every command
here runs without Qt.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from core import __version__
from core.i18n import detect_language, set_language, tr


@dataclass
class GlobalOptions:
    data_dir: str | None
    database_url: str | None
    lang: str


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="app.py",
        description=tr("KohoGate: approval, checklist and audit record for official social-media posts."),
    )
    parser.add_argument("--version", action="version", version=f"KohoGate {__version__}")
    parser.add_argument("--data-dir", metavar="DIR", help=tr("folder for the database, logs and settings"))
    parser.add_argument(
        "--database-url", metavar="URL", help=tr("SQLAlchemy database URL (default: SQLite in the data folder)")
    )
    parser.add_argument("--lang", choices=["ja", "en"], help=tr("language of the user interface"))
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    db = commands.add_parser("db", help=tr("database maintenance"))
    db_commands = db.add_subparsers(dest="db_command", metavar="ACTION", required=True)
    db_commands.add_parser("upgrade", help=tr("apply pending database migrations"))
    db_commands.add_parser("current", help=tr("show the schema revision of the database"))

    commands.add_parser("demo", help=tr("fill the data folder with demonstration data"))

    audit = commands.add_parser("audit", help=tr("check or export the audit record"))
    audit_commands = audit.add_subparsers(dest="audit_command", metavar="ACTION", required=True)
    verify = audit_commands.add_parser("verify", help=tr("verify the hash chain of the audit record"))
    verify.add_argument(
        "--checkpoint", metavar="FILE", help=tr("also check the chain against a signed checkpoint file")
    )
    checkpoint = audit_commands.add_parser(
        "checkpoint", help=tr("sign the head of the audit record with your key and write it to a file")
    )
    checkpoint.add_argument("--out", metavar="FILE", required=True, help=tr("where to write the checkpoint"))
    export = audit_commands.add_parser("export", help=tr("export the audit record as CSV"))
    export.add_argument("--out", metavar="FILE.csv", required=True, help=tr("where to write the CSV file"))

    disclosure = commands.add_parser(
        "disclosure", help=tr("write the public page of official accounts and their profile texts")
    )
    disclosure.add_argument("--out", metavar="DIR", required=True, help=tr("folder to write the files into"))
    disclosure.add_argument("--page-url", metavar="URL", default="", help=tr("address of the page on the website"))

    due = commands.add_parser(
        "publish-due", help=tr("send the scheduled posts that are due (for Task Scheduler / cron)")
    )
    due.add_argument(
        "--window",
        type=int,
        default=60,
        metavar="MINUTES",
        help=tr("how late a post may still go out; later ones are reported as missed"),
    )

    check = commands.add_parser("check", help=tr("run the guideline checks on draft files"))
    from core.checks import cli as check_cli

    check_cli.add_arguments(check)
    return parser


def parse(argv: Sequence[str]) -> argparse.Namespace:
    # The language must be known before the help texts are built.
    pre = argparse.ArgumentParser(add_help=False)
    pre.add_argument("--lang")
    known, _ = pre.parse_known_args(argv)
    set_language(detect_language(known.lang))
    return build_parser().parse_args(argv)


def run_command(args: argparse.Namespace) -> int:
    """Run a parsed non-GUI command and return its exit code."""
    from core.commands import dispatch

    return dispatch(args)


def main(argv: Sequence[str] | None = None, gui: Callable[[argparse.Namespace], int] | None = None) -> int:
    args = parse(list(sys.argv[1:] if argv is None else argv))
    if args.command is None:
        if gui is None:
            raise SystemExit(tr("The GUI is not available in this program."))
        return gui(args)
    return run_command(args)
