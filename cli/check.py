"""``app.py check [--platform P] [--profile ORG.toml] [--format text|json] FILE...``

Runs every check (the person-name analyser included) on draft files. Exit
status: 0 when nothing blocks, 1 when a finding blocks, 2 when the input is
unusable (missing or unreadable file, bad JSON, unknown platform, bad
profile) — with one line on stderr and no traceback. All input is read and
validated before anything is printed, so output is never half-written.
No Qt here.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from core.i18n import current_language, tr
from core.organization.profile import OrganizationProfile

if TYPE_CHECKING:
    from core.checks.config import CheckConfig
    from core.checks.model import DraftInput
    from core.platforms.facts import Platform

# The engine and its data are imported inside run(): `app.py` builds this
# parser on every start, including the GUI's, which must not pay for them.

ProfileLoader = Callable[[], tuple[OrganizationProfile, dict[str, Any]]]


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--platform",
        metavar="P",
        help=tr(
            "target platform (x, bluesky, mastodon, threads, misskey, instagram, facebook, line, "
            "youtube); default: the platform in a JSON draft, else x"
        ),
    )
    parser.add_argument(
        "--profile",
        metavar="ORG.toml",
        help=tr("organization profile file; without it the profile in the database is used"),
    )
    parser.add_argument("--format", choices=["text", "json"], default="text", help=tr("output format (default: text)"))
    parser.add_argument("files", nargs="+", metavar="FILE", help=tr("draft files: .txt (text only) or .json"))


def _organization(args: argparse.Namespace, loader: ProfileLoader) -> tuple[OrganizationProfile, CheckConfig]:
    from cli.check_inputs import InputError, load_profile
    from core.checks.config import CheckConfig

    if args.profile:
        return load_profile(Path(args.profile))
    try:
        profile, stored = loader()
    except Exception as exc:  # the database layer's errors are environment problems here
        raise InputError(
            tr("Cannot load the organization profile from the database: {error}").format(error=_one_line(exc))
        ) from None
    try:
        return profile, CheckConfig.from_json(stored or {})
    except ValueError as exc:
        raise InputError(tr("Invalid check configuration: {error}").format(error=exc)) from None


def _one_line(exc: Exception) -> str:
    """``exc`` for the one-line error: the plain, translated explanation of a
    known failure, else the first line of the driver's text (SQLAlchemy and
    psycopg append hints and a link on further lines)."""
    from core.errors import explain

    known = explain(exc)
    if known is not None:
        parts = [known.message, known.hint or ""]
    else:
        parts = [next((line for line in str(exc).splitlines() if line.strip()), type(exc).__name__)]
    return " ".join(" ".join(part.split()) for part in parts if part.strip())


def run(
    args: argparse.Namespace,
    load_from_database: ProfileLoader,
    *,
    stdout: TextIO | None = None,
    stderr: TextIO | None = None,
) -> int:
    from cli.check_inputs import InputError, load_draft, parse_platform
    from cli.check_report import result_json, result_text
    from core.checks.engine import run_checks

    out = stdout or sys.stdout
    err = stderr or sys.stderr
    try:
        platform: Platform | None = parse_platform(args.platform) if args.platform else None
        drafts: list[tuple[str, DraftInput]] = [(name, load_draft(Path(name), platform)) for name in args.files]
        profile, config = _organization(args, load_from_database)
    except InputError as exc:
        print(tr("error: {message}").format(message=exc), file=err)
        return 2
    lang = current_language()
    blocking = False
    for index, (name, draft) in enumerate(drafts):
        result = run_checks(draft, profile, config, include_person_names=True)
        blocking = blocking or result.blocking
        if args.format == "json":
            print(result_json(name, result, lang), file=out)
        else:
            if index:
                print(file=out)
            print(result_text(name, draft, result, lang), file=out)
    return 1 if blocking else 0
