"""The non-GUI commands of ``app.py`` (no Qt imports anywhere below here)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from core.credentials.redaction import redact
from core.errors import InvalidInput, KohoGateError, NotFound, explain, one_line
from core.i18n import tr
from core.organization.profile import OrganizationProfile

if TYPE_CHECKING:
    from core.runtime.bootstrap import Environment

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2


def _env(args: argparse.Namespace, *, register_terminal: bool = False) -> Environment:
    # Imported here: opening the environment pulls in SQLAlchemy, which `check --profile` never needs.
    from core.runtime.bootstrap import open_environment

    return open_environment(args.data_dir, args.database_url, register_terminal=register_terminal)


def cmd_db(args: argparse.Namespace) -> int:
    from core.storage.migrate import current_revision, head_revision

    env = _env(args)
    try:
        if args.db_command == "roles":
            return _db_roles(env, args.role, apply=args.apply)
        revision = current_revision(env.store.engine)
        print(
            tr("Database {db} is at schema revision {rev} (newest: {head}).").format(
                db=env.store.description, rev=revision, head=head_revision()
            )
        )
        return EXIT_OK
    finally:
        env.close()


def _db_roles(env: Environment, role: str, *, apply: bool) -> int:
    from core.storage.roles import check_role, roles_supported, workstation_role_sql

    if not roles_supported(env.store):
        print(tr("Database roles exist on PostgreSQL only; this database is {db}.").format(db=env.store.description))
        return EXIT_USAGE
    with env.store.engine.connect() as connection:
        statements = workstation_role_sql(connection, role)
    for statement in statements:
        print(f"{statement};")
    if not apply:
        return EXIT_OK
    with env.store.engine.begin() as connection:
        for statement in statements:
            connection.exec_driver_sql(statement)
        check = check_role(connection, role)
    if not check.ok:
        print(
            tr(
                "The role {role} can still do too much: owns {owned} objects, may create in the schema: {create}, "
                "superuser: {superuser}, may rewrite the audit record: {audit}."
            ).format(
                role=role,
                owned=check.owned,
                create=check.can_create,
                superuser=check.superuser,
                audit=check.audit_rewritable,
            ),
            file=sys.stderr,
        )
        return EXIT_FAILED
    print(
        tr(
            "The role {role} is set up: it owns nothing, cannot alter triggers and may only add to the audit record. "
            "Give it a password (psql: \\password {role}) and connect workstations with it."
        ).format(role=role)
    )
    return EXIT_OK


def cmd_demo(args: argparse.Namespace) -> int:
    from core.demo.data import fill_demo

    env = _env(args, register_terminal=True)
    try:
        counts = fill_demo(env)
        print(
            tr("Demo data written to {db}: {staff} staff, {accounts} accounts, {drafts} drafts.").format(
                db=env.store.description, **counts
            )
        )
        return EXIT_OK
    finally:
        env.close()


def cmd_audit(args: argparse.Namespace) -> int:
    env = _env(args)
    try:
        if args.audit_command == "verify":
            return _verify(env, Path(args.checkpoint) if args.checkpoint else None)
        if args.audit_command == "checkpoint":
            return _checkpoint(env, Path(args.out))
        from core.services.audit_export import export_csv

        count = export_csv(env.store, Path(args.out))
        print(tr("{count} audit entries written to {path}.").format(count=count, path=args.out))
        return EXIT_OK
    finally:
        env.close()


def _verify(env: Environment, checkpoint: Path | None) -> int:
    from cli.progress import StderrProgress

    progress = StderrProgress(tr("Verifying the audit record"))
    try:
        if checkpoint is not None:
            from core.audit.checkpoint import load_checkpoint, verify_against_checkpoint
            from core.credentials.vault import open_vault
            from core.terminals.trust import pinned_keys

            data = load_checkpoint(checkpoint)  # a wrong file is named before the keyring is asked
            pins = pinned_keys(open_vault(), env.terminal.uid)
            outcome = verify_against_checkpoint(env.store, data, progress, pins=pins)
            ok, message = outcome.ok, outcome.message
        else:
            from core.audit.verify import verify_chain

            result = verify_chain(env.store, progress)
            ok, message = result.ok, result.summary()
    finally:
        progress.close()
    print(message, file=sys.stdout if ok else sys.stderr)
    return EXIT_OK if ok else EXIT_FAILED


def _checkpoint(env: Environment, out: Path) -> int:
    from core.audit.checkpoint import create_checkpoint
    from core.credentials.vault import open_vault
    from core.organization.identity import current_login
    from core.services.staff import actor_for
    from core.signoff.keys import KeyringSigner

    actor = actor_for(env.store, current_login(), env.terminal.uid)
    if actor is None:
        print(tr("Error: {message}").format(message=tr("You are not registered in KohoGate.")), file=sys.stderr)
        return EXIT_FAILED
    from cli.progress import StderrProgress

    progress = StderrProgress(tr("Verifying the audit record"))  # the chain is walked before it is signed
    try:
        data = create_checkpoint(env.store, actor, KeyringSigner(open_vault(), actor.login), out, progress)
    finally:
        progress.close()
    print(
        tr("Checkpoint of entry {seq} written to {path}. Keep it outside the database.").format(
            seq=data["seq"], path=out
        )
    )
    return EXIT_OK


def cmd_check(args: argparse.Namespace) -> int:
    from cli import check as check_cli

    def load_from_database() -> tuple[OrganizationProfile, dict[str, Any]]:
        from core.services.organization import load_check_config, load_profile

        try:
            env = _env(args)
            try:
                return load_profile(env.store), load_check_config(env.store)
            finally:
                env.close()
        except Exception as exc:
            # Explained here, where the database URL is known, so the message can name it.
            known = explain(exc, database_url=_database_url(args))
            if known is None:
                raise
            raise known from None

    return check_cli.run(args, load_from_database)


def cmd_disclosure(args: argparse.Namespace) -> int:
    from core.disclosure import write_disclosure

    env = _env(args)
    try:
        written = write_disclosure(env.store, Path(args.out), page_url=args.page_url)
        print(tr("Wrote {page} and {count} profile texts.").format(page=written.page, count=len(written.profiles)))
        # joso:3(4) ア–カ: what a profile had to shorten or leave out, so nobody pastes it unaware.
        for path, text in zip(written.profiles, written.texts, strict=True):
            for report in text.items:
                if report.state.value != "included":
                    print(f"  {path.name}: {report}")
        return EXIT_OK
    finally:
        env.close()


def cmd_publish_due(args: argparse.Namespace) -> int:
    """Send the scheduled posts that are due, from this terminal, as the OS login's staff member.

    Exit 0 when everything due went out (or nothing was due); 1 when a post
    failed, was refused by the gate, needs checking or missed its window.
    """
    from datetime import timedelta

    from core.organization.identity import current_login
    from core.publishing.outbox import Outbox
    from core.publishing.scheduler import run_due
    from core.runtime.machine_config import effective_publish_window, load_machine_config
    from core.services.staff import actor_for

    window = effective_publish_window(load_machine_config(), args.window)
    env = _env(args, register_terminal=True)
    try:
        actor = actor_for(env.store, current_login(), env.terminal.uid)
        if actor is None:
            print(tr("Error: {message}").format(message=tr("You are not registered in KohoGate.")), file=sys.stderr)
            return EXIT_FAILED
        report = run_due(Outbox(env.store, actor), env.store.now(), window=timedelta(minutes=window))
        for item, url in report.sent:
            print(tr("Sent: {title} ({account}) {url}").format(title=item.title, account=item.account, url=url or ""))
        for item in report.missed:
            print(
                tr("Missed its window: {title} ({account}), due {time}").format(
                    title=item.title,
                    account=item.account,
                    time=item.local_time,
                ),
                file=sys.stderr,
            )
        for item, message in report.failed:
            # The reason may quote a platform's answer: redacted once more on the way to a cron log.
            print(
                tr("Not sent: {title} ({account}): {message}").format(
                    title=item.title, account=item.account, message=redact(message, strict=True)
                ),
                file=sys.stderr,
            )
        for item in report.by_hand:
            print(
                tr("Due, to be posted by hand in the platform's app: {title} ({account}), due {time}").format(
                    title=item.title,
                    account=item.account,
                    time=item.local_time,
                )
            )
        for item in report.locked:
            print(
                tr("Held, the account is locked (乗っ取り): {title} ({account}), due {time}").format(
                    title=item.title, account=item.account, time=item.local_time
                )
            )
        if report.held:
            print(
                tr("Scheduled posting is paused (全停止): {count} due posts held until it is resumed.").format(
                    count=len(report.held)
                )
            )
        elif not (report.sent or report.missed or report.failed or report.by_hand or report.locked):
            print(tr("Nothing is due."))
        return EXIT_OK if report.ok else EXIT_FAILED
    finally:
        env.close()


def cmd_incident(args: argparse.Namespace) -> int:
    if args.incident_command == "export":
        from cli.records import cmd_incident_export

        return cmd_incident_export(args)
    from core.services.incidents import list_incidents

    env = _env(args)
    try:
        if args.incident_command == "notice":
            return _incident_notice(env, args)
        incidents = list_incidents(env.store, open_only=args.open)
        if not incidents:
            print(tr("No open incidents.") if args.open else tr("No incidents recorded."))
        for item in incidents:
            accounts = ", ".join(item.accounts) or "—"
            print(
                f"#{item.id}\t{item.state.label}\t{item.kind.label}\t{item.severity.label}\t"
                f"{item.discovered_at.astimezone().strftime('%Y-%m-%d %H:%M')}\t{item.title}\t{accounts}"
            )
        return EXIT_OK
    finally:
        env.close()


def _known_accounts(env: Environment, ids: list[int] | None) -> None:
    from core.services.accounts import list_accounts

    if ids:
        unknown = sorted(set(ids) - {a.id for a in list_accounts(env.store)})
        if unknown:
            raise InvalidInput(tr("No official account has the id {ids}.").format(ids=", ".join(map(str, unknown))))


def cmd_records(args: argparse.Namespace) -> int:
    from cli.records import cmd_records as run

    return run(args)


def _incident_notice(env: Environment, args: argparse.Namespace) -> int:
    """Exit 0 written (and recorded); 2 unknown incident, an incident without a notice or an unusable path."""
    from core.disclosure.notice import write_notice
    from core.incidents.model import StepKind
    from core.services.incidents import IncidentService, incident_notice

    notice = incident_notice(env.store, args.number, page_url=args.page_url)
    out = write_notice(notice, Path(args.out))
    print(tr("Notice for incident {number} written to {path}.").format(number=args.number, path=out))
    if args.published:
        from core.organization.identity import current_login
        from core.services.staff import actor_for

        actor = actor_for(env.store, current_login(), env.terminal.uid)
        if actor is None:
            print(tr("Error: {message}").format(message=tr("You are not registered in KohoGate.")), file=sys.stderr)
            return EXIT_FAILED
        IncidentService(env.store, actor).add_step(args.number, StepKind.NOTICE_PUBLISHED, reference=args.published)
        print(tr("Recorded: notice published at {url}.").format(url=args.published))
    return EXIT_OK


def cmd_watch(args: argparse.Namespace) -> int:
    """Exit 0 when nothing new was found, 1 for new candidates or a platform that could not be searched, 2 bad input."""
    if args.watch_command == "replies":
        from cli.watch_replies import watch_replies

        return watch_replies(args, _env, _known_accounts)
    from core.incidents.watch import watch_impersonation

    env = _env(args)
    try:
        _known_accounts(env, args.account)
        report = watch_impersonation(env.store, account_ids=args.account)
        for candidate in report.candidates:
            found = candidate.found
            label = tr("known") if candidate.known else tr("NEW")
            print(
                tr("{label}: {handle} ({name}) resembles {official} — {url}").format(
                    label=label,
                    handle=found.handle,
                    name=found.display_name,
                    official=candidate.official_handle,
                    url=found.url,
                )
            )
        for handle, message in report.errors:
            print(
                tr("Could not search for {handle}: {message}").format(handle=handle, message=message), file=sys.stderr
            )
        if report.not_searchable:
            print(
                tr("Not searchable through the platform's API (check by hand): {handles}").format(
                    handles=", ".join(report.not_searchable)
                )
            )
        if not report.new and not report.errors:
            print(tr("No new look-alike accounts found."))
            return EXIT_OK
        return EXIT_FAILED
    finally:
        env.close()


def cmd_notify(args: argparse.Namespace) -> int:
    from cli.notify import cmd_notify as run

    return run(args, _env)


COMMANDS = {
    "db": cmd_db,
    "demo": cmd_demo,
    "audit": cmd_audit,
    "check": cmd_check,
    "disclosure": cmd_disclosure,
    "publish-due": cmd_publish_due,
    "incident": cmd_incident,
    "watch": cmd_watch,
    "records": cmd_records,
    "notify": cmd_notify,
}


def _database_url(args: argparse.Namespace) -> str | None:
    """The database URL this run uses, to name it in error messages (``None`` if it cannot be told)."""
    from core.runtime.paths import resolve_database_url, resolve_paths

    try:
        return resolve_database_url(resolve_paths(getattr(args, "data_dir", None)), getattr(args, "database_url", None))
    except Exception:  # only for messages; the real failure is being reported already
        return None


def dispatch(args: argparse.Namespace) -> int:
    try:
        return COMMANDS[args.command](args)
    except KohoGateError as exc:
        print(tr("Error: {message}").format(message=redact(one_line(exc))), file=sys.stderr)
        # check, watch and incident notice document 2 for unusable input; the others exit 1 on any failure.
        if args.command == "check" or (args.command == "watch" and isinstance(exc, InvalidInput)):
            return EXIT_USAGE
        if getattr(args, "incident_command", None) == "notice" and isinstance(exc, (InvalidInput, NotFound)):
            return EXIT_USAGE
        return EXIT_FAILED
    except Exception as exc:
        known = explain(exc, database_url=_database_url(args))
        if known is None:
            raise
        print(tr("Error: {message}").format(message=one_line(known)), file=sys.stderr)
        return EXIT_FAILED
