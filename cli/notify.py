"""``app.py notify test --to ADDRESS`` and ``app.py notify send``: for IT's set-up check and the Task Scheduler.

Exit codes (a contract, see the README):

* ``notify test``: 0 sent, 1 refused by the server (connection refused,
  TLS failure, log-in failed, address refused), 2 settings missing (no mail
  server set up, or this terminal has no mail password in its keyring) or
  an unusable address.
* ``notify send``: 0 everything due went out (or nothing was due), 1 some
  mail could not be sent (it stays in the outbox and is retried), 2 settings
  missing.

Nothing printed names the password or quotes the server's reply.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

from core.i18n import tr

if TYPE_CHECKING:
    from core.runtime.bootstrap import Environment

EXIT_OK, EXIT_REFUSED, EXIT_SETTINGS = 0, 1, 2


def add_parser(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    notify = commands.add_parser("notify", help=tr("notifications by e-mail: test the set-up, send what is pending"))
    actions = notify.add_subparsers(dest="notify_command", metavar="ACTION", required=True)
    test = actions.add_parser(
        "test",
        help=tr(
            "send a test mail with the organization's mail settings "
            "(exit 0 sent, 1 refused by the server, 2 settings missing)"
        ),
    )
    test.add_argument("--to", required=True, metavar="ADDRESS", help=tr("the address to send the test mail to"))
    actions.add_parser(
        "send",
        help=tr(
            "send the pending notifications that are due (for Task Scheduler / cron; "
            "exit 1 when some could not be sent, 2 settings missing)"
        ),
    )


def cmd_notify(args: argparse.Namespace, open_env: Callable[..., Environment]) -> int:
    from core.credentials.vault import open_vault
    from core.errors import InvalidInput
    from core.notify.smtp import MailFailure
    from core.services.notifications import MailSettingsMissing, deliver_pending, send_test

    env = open_env(args)
    try:
        if args.notify_command == "test":
            try:
                send_test(env.store, open_vault(), args.to)
            except (MailSettingsMissing, InvalidInput) as missing:
                _error(str(missing))
                return EXIT_SETTINGS
            except MailFailure as failure:
                _error(tr("The test mail was not sent: {reason}.").format(reason=failure.kind.label))
                return EXIT_REFUSED
            print(tr("Test mail sent to {address}.").format(address=args.to))
            return EXIT_OK
        report = deliver_pending(env.store, open_vault(), env.terminal.uid)
        if report.settings_missing:
            _error(tr("No mail could be sent: the mail server or this terminal's mail password is not set up."))
            return EXIT_SETTINGS
        print(
            tr("Notifications sent: {sent}, not sent (retried later): {failed}.").format(
                sent=report.sent, failed=report.failed
            )
        )
        for kind in report.error_kinds:
            _error(tr("Not sent: {reason}.").format(reason=kind.label))
        return EXIT_REFUSED if report.failed else EXIT_OK
    finally:
        env.close()


def _error(text: str) -> None:
    print(tr("Error: {message}").format(message=" ".join(text.split())), file=sys.stderr)
