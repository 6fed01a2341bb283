"""Command line of ``app.py``: global options, then an optional command.

``app.py [--data-dir DIR] [--database-url URL] [--lang ja|en] [COMMAND ...]``.
Without a command the GUI opens (``app.py`` imports it lazily); every command
here runs without Qt.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any, NoReturn

from core import __version__
from core.i18n import detect_language, env_language, set_language, tr
from core.runtime.machine_config import effective_language, load_quietly


@dataclass
class GlobalOptions:
    data_dir: str | None
    database_url: str | None
    lang: str


class HelpFormatter(argparse.HelpFormatter):
    """argparse's formatter with its own "usage:" in the user's language."""

    def add_usage(
        self,
        usage: str | None,
        actions: Iterable[argparse.Action],
        groups: Iterable[argparse._MutuallyExclusiveGroup],
        prefix: str | None = None,
    ) -> None:
        super().add_usage(usage, actions, groups, tr("usage: ") if prefix is None else prefix)


def _argparse_messages() -> list[tuple[str, str]]:
    """argparse's English error texts (as regular expressions) and ours, in the current language."""
    return [
        (r"unrecognized arguments: (?P<args>.*)", tr("unrecognized arguments: {args}")),
        (r"the following arguments are required: (?P<args>.*)", tr("the following arguments are required: {args}")),
        (
            r"invalid choice: (?P<value>.*) \(choose from (?P<choices>.*)\)",
            tr("invalid choice: {value} (choose from {choices})"),
        ),
        (r"expected one argument", tr("expected one argument")),
        (r"expected at least one argument", tr("expected at least one argument")),
        (r"invalid (?P<type>\S+) value: (?P<value>.*)", tr("invalid {type} value: {value}")),
        (r"ignored explicit argument (?P<value>.*)", tr("ignored explicit argument {value}")),
        (
            r"ambiguous option: (?P<option>.*) could match (?P<matches>.*)",
            tr("ambiguous option: {option} could match {matches}"),
        ),
    ]


def translate_argparse_message(message: str) -> str:
    """An argparse error message in the user's language (unchanged when it is not one we know)."""
    found = re.fullmatch(r"argument (?P<argument>[^:]+): (?P<message>.*)", message, re.DOTALL)
    if found:
        return tr("argument {argument}: {message}").format(
            argument=found["argument"], message=translate_argparse_message(found["message"])
        )
    for pattern, template in _argparse_messages():
        found = re.fullmatch(pattern, message, re.DOTALL)
        if found:
            return template.format(**found.groupdict())
    return message


class ArgumentParser(argparse.ArgumentParser):
    """argparse in the user's language: headings, ``-h`` and errors go through ``tr()``.

    A usage error is one line on stderr (naming the way to the help) and
    exit status 2, as argparse's own.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs["add_help"] = False
        kwargs.setdefault("formatter_class", HelpFormatter)
        super().__init__(*args, **kwargs)
        self._positionals.title = tr("positional arguments")
        self._optionals.title = tr("options")
        self.add_argument(
            "-h", "--help", action="help", default=argparse.SUPPRESS, help=tr("show this help message and exit")
        )

    def error(self, message: str) -> NoReturn:
        text = tr("{prog}: error: {message} (see: {prog} --help)").format(
            prog=self.prog, message=translate_argparse_message(message)
        )
        self.exit(2, " ".join(text.split()) + "\n")


def build_parser() -> argparse.ArgumentParser:
    parser = ArgumentParser(
        prog="app.py",
        description=tr("KohoGate: approval, checklist and audit record for official social-media posts."),
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"KohoGate {__version__}",
        help=tr("show program's version number and exit"),
    )
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
    roles = db_commands.add_parser(
        "roles",
        help=tr(
            "print the SQL that sets up the PostgreSQL role workstations connect as "
            "(owns nothing, cannot alter triggers, may only add to the audit record)"
        ),
    )
    roles.add_argument(
        "--role", default="kohogate_workstation", metavar="NAME", help=tr("name of the workstation role")
    )
    roles.add_argument(
        "--apply", action="store_true", help=tr("also execute the SQL (as the database owner) and check the result")
    )

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
        default=None,
        metavar="MINUTES",
        help=tr(
            "how late a post may still go out; later ones are reported as missed "
            "(default: 60, or what the machine-wide configuration says)"
        ),
    )

    incident = commands.add_parser("incident", help=tr("list the incident register"))
    incident_commands = incident.add_subparsers(dest="incident_command", metavar="ACTION", required=True)
    listing = incident_commands.add_parser("list", help=tr("list incidents, newest first"))
    listing.add_argument("--open", action="store_true", help=tr("only incidents not yet closed"))
    notice = incident_commands.add_parser(
        "notice", help=tr("write the public warning for the city's website (impersonation, hijacked account)")
    )
    notice.add_argument("number", type=int, metavar="N", help=tr("the incident's number"))
    notice.add_argument("--out", metavar="FILE.html", required=True, help=tr("where to write the HTML page"))
    notice.add_argument(
        "--page-url", metavar="URL", default="", help=tr("address of the list of official accounts on the website")
    )
    notice.add_argument(
        "--published",
        metavar="URL",
        help=tr("the page is on the website at URL: record the step 'notice published' (as the OS login)"),
    )

    from cli import records as records_cli

    records_cli.add_incident_export(incident_commands)
    records_cli.add_records_parser(commands)

    watch = commands.add_parser(
        "watch", help=tr("look for impersonating accounts or read replies (for Task Scheduler / cron)")
    )
    watch_commands = watch.add_subparsers(dest="watch_command", metavar="WHAT", required=True)
    impersonation = watch_commands.add_parser(
        "impersonation", help=tr("search the platforms for accounts that look like the official ones")
    )
    impersonation.add_argument(
        "--account", type=int, metavar="ID", action="append", help=tr("only this official account (repeatable)")
    )
    replies = watch_commands.add_parser(
        "replies",
        help=tr(
            "read new replies and mentions into the moderation queue, triage them, watch for 炎上 and purge "
            "old ones (exit 1 when something needs a person)"
        ),
    )
    replies.add_argument(
        "--account", type=int, metavar="ID", action="append", help=tr("only this official account (repeatable)")
    )

    from cli import notify as notify_cli

    notify_cli.add_parser(commands)

    check = commands.add_parser("check", help=tr("run the guideline checks on draft files"))
    from cli import check as check_cli

    check_cli.add_arguments(check)
    return parser


_VALUED_GLOBALS = ("--data-dir", "--database-url", "--lang")


def parse(argv: Sequence[str]) -> argparse.Namespace:
    # The language must be known before the help texts are built.
    # nargs="?": a bare --lang is left for the real parser to report, in the language found.
    pre = argparse.ArgumentParser(add_help=False)
    pre.add_argument("--lang", nargs="?")
    known, _ = pre.parse_known_args(argv)
    set_language(detect_language(effective_language(load_quietly(), known.lang or env_language())))
    quick = gui_options(argv)
    if quick is not None:
        return quick
    return build_parser().parse_args(argv)


def gui_options(argv: Sequence[str]) -> argparse.Namespace | None:
    """What the full parser would return for ``argv`` when it holds only well-formed global options.

    The GUI's start (no command) then skips building every command's parser, whose help texts
    load every translation file. Anything else — a command, ``-h``, an abbreviated or
    malformed option, a value the parser refuses — gives ``None``: the full parser answers
    it, errors and all.
    """
    values: dict[str, str | None] = dict.fromkeys(_VALUED_GLOBALS)
    words = iter(argv)
    for word in words:
        option, equals, value = word.partition("=")
        if option not in values:
            return None
        if not equals:
            following = next(words, None)
            if following is None or following.startswith("-"):
                return None  # "expected one argument" is the full parser's to say
            value = following
        values[option] = value  # repeated: the last one counts, as with argparse
    if values["--lang"] not in (None, "ja", "en"):
        return None
    return argparse.Namespace(
        data_dir=values["--data-dir"], database_url=values["--database-url"], lang=values["--lang"], command=None
    )


def run_command(args: argparse.Namespace) -> int:
    """Run a parsed non-GUI command and return its exit code."""
    from cli.commands import dispatch

    return dispatch(args)


def asks_for_version(argv: Sequence[str]) -> bool:
    """Does ``argv`` reach ``--version`` among the global options (before any command or ``-h``)?"""
    words = iter(argv)
    for word in words:
        if word == "--version":
            return True
        if word in _VALUED_GLOBALS:
            next(words, None)
        elif not word.startswith(tuple(f"{option}=" for option in _VALUED_GLOBALS)):
            return False
    return False


def main(argv: Sequence[str] | None = None, gui: Callable[[argparse.Namespace], int] | None = None) -> int:
    words = list(sys.argv[1:] if argv is None else argv)
    if asks_for_version(words):
        # Answered before the parser is built: its help texts would load every translation file.
        print(f"KohoGate {__version__}")
        return 0
    args = parse(words)
    if args.command is None:
        if gui is None:
            raise SystemExit(tr("The GUI is not available in this program."))
        return gui(args)
    return run_command(args)
