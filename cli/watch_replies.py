"""``app.py watch replies [--account ID]``: read replies into the moderation queue (for cron / Task Scheduler).

Exit codes (a contract, see the README): 0 nothing new needs a person, 1 new
items at 要対応 or 要確認, a 炎上 alert or an account that could not be read,
2 unusable input (an unknown account id). Replies' texts are never printed:
they are residents' personal data and a cron log is not the place for them.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

from core.credentials.redaction import redact
from core.i18n import tr

if TYPE_CHECKING:
    from core.runtime.bootstrap import Environment

EXIT_OK, EXIT_ATTENTION = 0, 1


def watch_replies(
    args: argparse.Namespace,
    open_env: Callable[..., Environment],
    check_accounts: Callable[[Environment, list[int] | None], None],
) -> int:
    from core.organization.identity import current_login
    from core.services.inbound_watch import InboundWatch
    from core.services.staff import actor_for

    env = open_env(args, register_terminal=True)
    try:
        check_accounts(env, args.account)
        actor = actor_for(env.store, current_login(), env.terminal.uid)
        if actor is None:
            print(tr("Error: {message}").format(message=tr("You are not registered in KohoGate.")), file=sys.stderr)
            return EXIT_ATTENTION
        watch = InboundWatch(env.store, actor)
        try:
            report = watch.run(args.account)
        finally:
            watch.close()
        return _print(report)
    finally:
        env.close()


def _print(report: object) -> int:
    from core.services.inbound_watch import WatchReport

    assert isinstance(report, WatchReport)
    attention = False
    for read in report.reads:
        if read.error:
            attention = True
            print(
                tr("Could not read {handle}: {message}").format(handle=read.handle, message=redact(read.error)),
                file=sys.stderr,
            )
        elif read.waiting_until is not None:
            print(
                tr("{handle}: the platform asked to wait; reading again after {time}.").format(
                    handle=read.handle, time=read.waiting_until.astimezone().strftime("%H:%M")
                )
            )
        else:
            attention = attention or read.needing_action > 0
            print(
                tr("{handle}: {new} new, {action} action needed, {check} to check{more}").format(
                    handle=read.handle,
                    new=read.new,
                    action=read.levels.get("action", 0),
                    check=read.levels.get("check", 0),
                    more="" if read.complete else " " + tr("(stopped by a rate limit; the rest comes next run)"),
                )
            )
    for handle, why in report.not_readable:
        print(f"{handle}: {why}")
    for alert in report.spikes:
        attention = True
        print(
            tr("炎上 suspected on {handle}: {count} replies in the last hour (usually {usual:.1f}).").format(
                handle=alert.handle, count=alert.per_hour, usual=alert.baseline_per_hour
            ),
            file=sys.stderr,
        )
    if report.purged:
        print(tr("{count} replies older than the retention period were deleted.").format(count=report.purged))
    if not report.reads and not report.not_readable:
        print(tr("No official account to read."))
    return EXIT_ATTENTION if attention else EXIT_OK
