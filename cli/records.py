"""Commands that write records for filing: ``records export`` and ``incident export`` (no Qt).

Both exit 0 on success and 2 with one clear line for unusable input (an
unknown incident, a reversed period, a path that cannot be written).
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from core.credentials.redaction import redact
from core.errors import InvalidInput, KohoGateError, NotFound, one_line
from core.i18n import tr

if TYPE_CHECKING:
    from core.runtime.bootstrap import Environment

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2


def day(value: str) -> date:
    """An argparse type: a calendar day written YYYY-MM-DD."""
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(tr("{value} is not a day written YYYY-MM-DD").format(value=value)) from None


def add_records_parser(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    records = commands.add_parser("records", help=tr("write records for filing (決裁記録)"))
    actions = records.add_subparsers(dest="records_command", metavar="ACTION", required=True)
    export = actions.add_parser(
        "export",
        help=tr(
            "write the approval record (決裁記録) of every draft approved in a period as PDF files named by "
            "their document number, with index.csv"
        ),
    )
    export.add_argument("--from", dest="first", required=True, type=day, metavar="YYYY-MM-DD", help=tr("first day"))
    export.add_argument("--to", dest="last", required=True, type=day, metavar="YYYY-MM-DD", help=tr("last day"))
    export.add_argument("--out", metavar="DIR", required=True, help=tr("folder to write the files into"))


def add_incident_export(incident_commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    export = incident_commands.add_parser("export", help=tr("write the report of one incident as a PDF file"))
    export.add_argument("incident_id", type=int, metavar="N", help=tr("the incident's number"))
    export.add_argument("--out", metavar="FILE.pdf", required=True, help=tr("where to write the PDF file"))


def _open(args: argparse.Namespace) -> Environment:
    from core.runtime.bootstrap import open_environment

    return open_environment(args.data_dir, args.database_url)


def _refused(exc: KohoGateError) -> int:
    print(tr("Error: {message}").format(message=redact(one_line(exc))), file=sys.stderr)
    return EXIT_USAGE


def cmd_records(args: argparse.Namespace) -> int:
    from core.records.export import export_records

    env = _open(args)
    try:
        try:
            result = export_records(env.store, args.first, args.last, Path(args.out))
        except (InvalidInput, NotFound) as exc:
            return _refused(exc)
        print(
            tr("{count} approval records written to {folder} (index: {index}).").format(
                count=len(result.files), folder=result.folder, index=result.index.name
            )
        )
        return EXIT_OK
    finally:
        env.close()


def cmd_incident_export(args: argparse.Namespace) -> int:
    from core.records.incident_report import write_incident_report
    from core.storage.guard import MAX_INTEGER

    env = _open(args)
    try:
        try:
            if not 0 < args.incident_id <= MAX_INTEGER:
                raise NotFound(tr("{what} {id} does not exist.").format(what=tr("Incident"), id=args.incident_id))
            out = write_incident_report(env.store, args.incident_id, Path(args.out))
        except (InvalidInput, NotFound) as exc:
            return _refused(exc)
        print(tr("Incident report written to {path}.").format(path=out))
        return EXIT_OK
    finally:
        env.close()
