"""Workstations: registration on first start and approval by an administrator.

Registration stays cheap (no key work: ``cryptography`` is not imported on
the start-up path); the terminal key pair is created in the background or on
the first post (:func:`core.terminals.keys.ensure_terminal_key`). Approval
names a scope (all accounts or some), an optional expiry, and whether the
terminal is a city-managed one or an exception approved in advance with a
reason and the information it may handle (wako:5 端末, joso:6(2)).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from core.accounts.duties import Duty
from core.accounts.lifecycle_rules import category_keys, lifecycle_rules
from core.audit import chain
from core.credentials.ed25519 import fingerprint
from core.errors import InvalidInput, PermissionDenied
from core.i18n import tr
from core.lifecycle.states import TerminalStatus
from core.organization.roles import Role
from core.services.base import Service
from core.storage.engine import Store
from core.storage.models import AccountStaff, Credential, OfficialAccount, Staff, Terminal, TerminalConsent, utcnow
from core.terminals.approval import TerminalKind, categories_of, has_consent, in_scope, is_expired, normalized_scope
from core.terminals.identity import LocalTerminal
from core.terminals.trust import Endorser, endorse, endorser_key_row, terminal_statement


@dataclass(frozen=True)
class TerminalInfo:
    id: int
    uid: str
    hostname: str
    os_user: str
    machine_id: str | None
    status: TerminalStatus
    registered_at: datetime
    last_seen_at: datetime
    has_key: bool = False
    scope_all: bool = False
    scope_account_ids: tuple[int, ...] = ()
    expires_at: datetime | None = None
    kind: TerminalKind = TerminalKind.REGULAR
    exception_reason: str | None = None
    information_scope: str | None = None
    approved_by: str = ""
    approved_at: datetime | None = None
    credential_account_ids: tuple[int, ...] = ()
    information_categories: tuple[str, ...] = ()
    # Accounts whose 所属長 / 運用責任者 agreed to the current approval (exception devices, joso:6(2)).
    consented_account_ids: tuple[int, ...] = ()

    @property
    def expired(self) -> bool:
        return self.expires_at is not None and self.expires_at <= datetime.now(UTC)

    @property
    def effective_label(self) -> str:
        """Status as the gate sees it (an expired approval is shown as expired)."""
        if self.status is TerminalStatus.APPROVED and self.expired:
            return tr("Expired")
        return self.status.label


def _info(
    t: Terminal, approver: str = "", credentials: Iterable[int] = (), consents: Iterable[int] = ()
) -> TerminalInfo:
    return TerminalInfo(
        id=t.id,
        uid=t.uid,
        hostname=t.hostname,
        os_user=t.os_user,
        machine_id=t.machine_id,
        status=TerminalStatus(t.status),
        registered_at=t.registered_at,
        last_seen_at=t.last_seen_at,
        has_key=bool(t.public_key),
        scope_all=bool(t.scope_all),
        scope_account_ids=tuple(normalized_scope(t.scope_account_ids or [])),
        expires_at=t.expires_at,
        kind=TerminalKind(t.kind or TerminalKind.REGULAR.value),
        exception_reason=t.exception_reason,
        information_scope=t.information_scope,
        approved_by=approver,
        approved_at=t.approved_at,
        credential_account_ids=tuple(sorted(credentials)),
        information_categories=tuple(sorted(categories_of(t))),
        consented_account_ids=tuple(sorted(set(consents))),
    )


def _consents(session: Session, terminal: Terminal) -> list[int]:
    if terminal.approved_at is None:
        return []
    return list(
        session.scalars(
            select(TerminalConsent.account_id).where(
                TerminalConsent.terminal_id == terminal.id,
                TerminalConsent.approval_at == terminal.approved_at,
                TerminalConsent.revoked_at.is_(None),
            )
        )
    )


def register_local(store: Store, local: LocalTerminal) -> TerminalInfo:
    """Record this workstation (as pending) the first time it opens the database."""
    with store.write() as session:
        row = session.scalar(select(Terminal).where(Terminal.uid == local.uid))
        if row is None:
            row = Terminal(
                uid=local.uid,
                hostname=local.hostname,
                os_user=local.os_user,
                machine_id=local.machine_id,
                status=TerminalStatus.PENDING.value,
            )
            session.add(row)
            session.flush()
            chain.append(
                session,
                chain.Recorder(actor=local.os_user, terminal=local.uid),
                "terminal.registered",
                {
                    "terminal_id": row.id,
                    "uid": local.uid,
                    "hostname": local.hostname,
                    "os_user": local.os_user,
                    "machine_id": local.machine_id,
                    "os": local.os_name,
                },
            )
        else:
            moved = _moved_from(row, local)
            if moved:
                # Scenario 12: the data folder (with terminal.json) was copied to another machine.
                # The identity is not trusted until an administrator approves it for this machine.
                was = row.status
                if row.status == TerminalStatus.APPROVED.value:
                    row.status = TerminalStatus.PENDING.value
                chain.append(
                    session,
                    chain.Recorder(actor=local.os_user, terminal=local.uid),
                    "terminal.moved",
                    {
                        "terminal_id": row.id,
                        "uid": local.uid,
                        "status_before": was,
                        "status_after": row.status,
                        "recorded": moved[0],
                        "now": moved[1],
                    },
                )
                row.hostname, row.machine_id, row.os_user = local.hostname, local.machine_id, local.os_user
            row.last_seen_at = utcnow()
        return _info(row)


def _moved_from(row: Terminal, local: LocalTerminal) -> tuple[dict[str, str | None], dict[str, str | None]] | None:
    """The recorded and the present machine labels when they name different machines, else ``None``.

    Only the machine id decides. The host name is no evidence (a copy on a
    machine with the same name once posted as the original), so a machine id
    missing on either side counts as a move: such a terminal goes back to
    申請中 until it has one. A different OS user on the same machine is not a
    move (shared desks).
    """
    if row.machine_id and local.machine_id and row.machine_id == local.machine_id:
        return None
    return (
        {"hostname": row.hostname, "machine_id": row.machine_id},
        {"hostname": local.hostname, "machine_id": local.machine_id},
    )


def list_terminals(store: Store) -> list[TerminalInfo]:
    with store.read() as session:
        names = dict(session.execute(select(Staff.id, Staff.display_name)).tuples().all())
        held: dict[int, list[int]] = {}
        for terminal_id, account_id in session.execute(
            select(Credential.terminal_id, Credential.account_id).where(Credential.removed_at.is_(None))
        ).tuples():
            held.setdefault(terminal_id, []).append(account_id)
        return [
            _info(t, names.get(t.approved_by_id or -1, ""), held.get(t.id, ()), _consents(session, t))
            for t in session.scalars(select(Terminal).order_by(Terminal.id))
        ]


def terminal_status(store: Store, uid: str) -> TerminalStatus | None:
    """The status of the terminal ``uid`` (``None``: not registered): the status bar's one column."""
    with store.read() as session:
        status = session.scalar(select(Terminal.status).where(Terminal.uid == uid))
        return TerminalStatus(status) if status is not None else None


def terminal_by_uid(store: Store, uid: str) -> TerminalInfo | None:
    with store.read() as session:
        row = session.scalar(select(Terminal).where(Terminal.uid == uid))
        if row is None:
            return None
        credentials = session.scalars(
            select(Credential.account_id).where(Credential.terminal_id == row.id, Credential.removed_at.is_(None))
        ).all()
        approver = session.get(Staff, row.approved_by_id) if row.approved_by_id else None
        return _info(row, approver.display_name if approver else "", credentials, _consents(session, row))


class TerminalService(Service):
    def approve(
        self,
        terminal_id: int,
        *,
        scope_all: bool,
        account_ids: Iterable[int] = (),
        expires_at: datetime | None = None,
        kind: TerminalKind = TerminalKind.REGULAR,
        reason: str = "",
        information_scope: str = "",
        endorser: Endorser | None = None,
        categories: Iterable[str] = (),
    ) -> None:
        """Approve (or re-approve with a new scope) a terminal for posting.

        An exception terminal (個人情報機器 / off-site) needs the reason, named
        accounts, an expiry and the categories of information it may post
        (``categories``, enforced at publish), approved in advance (wako:5,
        joso:6(2)); it posts to an account only once that account's 所属長 /
        運用責任者 has agreed (:meth:`consent`). A new approval needs new agreements.
        ``endorser`` (the administrator's own key) signs the approval; a
        terminal posts only under an approval signed by a key it has pinned
        (:mod:`core.terminals.trust`).
        """
        scope = [] if scope_all else normalized_scope(account_ids)
        reason, information_scope = reason.strip(), information_scope.strip()
        if not scope_all and not scope:
            raise InvalidInput(tr("Choose all accounts or at least one account for this terminal."))
        if expires_at is not None and expires_at.tzinfo is None:
            raise InvalidInput(tr("The expiry needs a time zone."))
        if expires_at is not None and expires_at <= datetime.now(UTC):
            raise InvalidInput(tr("The expiry must be in the future."))
        chosen = _categories(categories)
        if kind is TerminalKind.EXCEPTION:
            _check_exception(scope_all, reason, expires_at, chosen)
        with self.store.write() as session:
            admin = self.authorize(session, Role.ADMINISTRATOR)
            row: Terminal = self.get_or_404(session, Terminal, terminal_id, tr("Terminal"))
            for account_id in scope:
                self.get_or_404(session, OfficialAccount, account_id, tr("Account"))
            before = row.status
            row.status = TerminalStatus.APPROVED.value
            row.scope_all = scope_all
            row.scope_account_ids = scope
            row.expires_at = expires_at
            row.kind = kind.value
            row.exception_reason = reason or None
            row.information_scope = information_scope or None
            row.information_categories = chosen
            row.approved_by_id = admin.id
            row.approved_at = utcnow()
            row.endorsement = row.endorser_key = None
            if endorser is not None:
                endorser_key_row(session, admin.id, endorser)
                statement = terminal_statement(
                    uid=row.uid, scope_all=scope_all, account_ids=scope, expires_at=expires_at, kind=kind.value
                )
                row.endorsement, row.endorser_key = endorse(endorser, statement)
            self.record(
                session,
                "terminal.approved",
                {
                    "terminal_id": row.id,
                    "uid": row.uid,
                    "from": before,
                    "scope_all": scope_all,
                    "account_ids": scope,
                    "expires_at": expires_at,
                    "kind": kind.value,
                    "reason": reason or None,
                    "information_scope": information_scope or None,
                    "information_categories": chosen,
                    "has_key": bool(row.public_key),
                    "endorser_fingerprint": fingerprint(row.endorser_key) if row.endorser_key else None,
                },
            )

    def consent(self, terminal_id: int, account_id: int) -> None:
        """The account's 所属長 / 運用責任者 agrees to an exception device posting to it (joso:6(2)).

        Only someone named on the account as 運用管理者 or 運用責任者 agrees: an
        administrator who is not is refused. The agreement covers the current
        approval (scope, expiry, categories); a re-approval needs a new one.
        """
        with self.store.write() as session:
            staff = self.authorize(session)
            row: Terminal = self.get_or_404(session, Terminal, terminal_id, tr("Terminal"))
            account: OfficialAccount = self.get_or_404(session, OfficialAccount, account_id, tr("Account"))
            if row.kind != TerminalKind.EXCEPTION.value or row.status != TerminalStatus.APPROVED.value:
                raise InvalidInput(tr("Only an approved exception device needs the agreement of the account's head."))
            if row.approved_at is None or not in_scope(row, account.id):
                raise InvalidInput(
                    tr("This device is not approved for the account {handle}.").format(handle=account.handle)
                )
            duty = session.scalar(
                select(AccountStaff.duty).where(
                    AccountStaff.account_id == account.id,
                    AccountStaff.staff_id == staff.id,
                    AccountStaff.duty.in_([Duty.RESPONSIBLE.value, Duty.MANAGER.value]),
                )
            )
            if duty is None:
                raise PermissionDenied(
                    tr(
                        "Only the person responsible (所属長 / 運用責任者) or the operations manager named on "
                        "{handle} may agree to an exception device (joso:6(2))."
                    ).format(handle=account.handle)
                )
            if has_consent(session, row, account.id):
                return
            session.add(
                TerminalConsent(
                    terminal_id=row.id,
                    account_id=account.id,
                    approval_at=row.approved_at,
                    consented_by_id=staff.id,
                    duty=duty,
                )
            )
            self.record(
                session,
                "terminal.exception_agreed",
                {
                    "terminal_id": row.id,
                    "account_id": account.id,
                    "duty": duty,
                    "approval_at": row.approved_at,
                    "expires_at": row.expires_at,
                    "information_categories": sorted(categories_of(row)),
                },
            )

    def revoke(self, terminal_id: int, reason: str = "") -> None:
        with self.store.write() as session:
            self.authorize(session, Role.ADMINISTRATOR)
            row: Terminal = self.get_or_404(session, Terminal, terminal_id, tr("Terminal"))
            if row.status == TerminalStatus.REVOKED.value:
                return
            self.record(
                session,
                "terminal.revoked",
                {"terminal_id": row.id, "uid": row.uid, "from": row.status, "reason": reason.strip() or None},
            )
            row.status = TerminalStatus.REVOKED.value

    def reset_key(self, terminal_id: int) -> None:
        """Forget the registered public key (lost or replaced keyring): the terminal must be approved again."""
        with self.store.write() as session:
            self.authorize(session, Role.ADMINISTRATOR)
            row: Terminal = self.get_or_404(session, Terminal, terminal_id, tr("Terminal"))
            self.record(session, "terminal.key_reset", {"terminal_id": row.id, "uid": row.uid, "from": row.status})
            row.public_key = None
            if row.status == TerminalStatus.APPROVED.value:
                row.status = TerminalStatus.PENDING.value

    def set_status(self, terminal_id: int, status: TerminalStatus) -> None:
        """Kept for callers that only switch status; approving this way grants no accounts."""
        if status is TerminalStatus.REVOKED:
            self.revoke(terminal_id)
            return
        with self.store.write() as session:
            self.authorize(session, Role.ADMINISTRATOR)
            row: Terminal = self.get_or_404(session, Terminal, terminal_id, tr("Terminal"))
            if row.status != status.value:
                self.record(
                    session,
                    "terminal.status_changed",
                    {"terminal_id": row.id, "uid": row.uid, "from": row.status, "to": status.value},
                )
                row.status = status.value


def _categories(values: Iterable[str]) -> list[str]:
    known = set(category_keys())
    chosen = sorted({str(v).strip() for v in values})
    unknown = [c for c in chosen if c not in known]
    if unknown:
        raise InvalidInput(tr("Unknown category of information {category}.").format(category=repr(unknown[0])[:40]))
    return chosen


def _check_exception(scope_all: bool, reason: str, expires_at: datetime | None, categories: list[str]) -> None:
    """An exception device is approved for named accounts, a reason, an expiry and named categories."""
    rules = lifecycle_rules()
    if not reason or not categories:
        raise InvalidInput(
            tr("An exception device needs the reason and the categories of information it may post (joso:6(2)).")
        )
    if scope_all:
        raise InvalidInput(tr("An exception device is approved for named accounts, not for all of them."))
    if expires_at is None or expires_at > datetime.now(UTC) + timedelta(days=rules.max_exception_days):
        raise InvalidInput(
            tr("An exception device needs an expiry, at most {days} days ahead.").format(days=rules.max_exception_days)
        )


def approval_expired(store: Store, terminal_id: int) -> bool:
    with store.read() as session:
        row = session.get(Terminal, terminal_id)
        return row is not None and is_expired(row)
